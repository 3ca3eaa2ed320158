#include "pipeline/ingest/csv_table.hpp"

#include <csv.h>

#include <algorithm>
#include <memory>
#include <set>

#include "pipeline/ingest/xml_source.hpp"
#include "pipeline/text/unicode.hpp"

namespace pipeline::ingest {

namespace {

struct Collector {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> current;
};

void on_field(void* data, std::size_t length, void* out) {
  auto* c = static_cast<Collector*>(out);
  c->current.emplace_back(static_cast<const char*>(data), length);
}

void on_record(int, void* out) {
  auto* c = static_cast<Collector*>(out);
  c->records.push_back(std::move(c->current));
  c->current.clear();
}

struct ParserDeleter {
  void operator()(csv_parser* p) const {
    csv_free(p);
    delete p;
  }
};

std::string trim(std::string_view s) {
  auto is_space = [](char ch) { return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n'; };
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return std::string(s);
}

}  // namespace

std::optional<std::size_t> CsvTable::column(std::string_view name) const {
  for (std::size_t i = 0; i < header.size(); ++i)
    if (header[i] == name) return i;
  return std::nullopt;
}

std::string CsvTable::cell(const CsvRow& row, std::string_view name) const {
  const auto index = column(name);
  if (!index || *index >= row.cells.size()) return {};
  return trim(row.cells[*index]);
}

std::string CsvTable::where(const CsvRow& row) const {
  return file + " row " + std::to_string(row.number);
}

std::variant<CsvTable, std::string> parse_csv(std::string_view bytes, const std::string& file) {
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  if (bytes.size() >= 2 &&
      ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF')))
    return file + ": the file is UTF-16; expected UTF-8 CSV";
  if (auto bad = text::invalid_utf8_offset(bytes))
    return file + ":" + line_column(bytes, *bad) +
           ": invalid UTF-8 byte sequence; expected UTF-8 CSV";

  std::unique_ptr<csv_parser, ParserDeleter> parser(new csv_parser);
  if (csv_init(parser.get(), CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
    return file + ": cannot start the CSV parser";
  Collector collector;
  const std::size_t used =
      csv_parse(parser.get(), bytes.data(), bytes.size(), on_field, on_record, &collector);
  if (used != bytes.size() || csv_fini(parser.get(), on_field, on_record, &collector) != 0) {
    const std::size_t at = std::min(used, bytes.size());
    return file + ":" + line_column(bytes, at) + ": malformed CSV (" +
           csv_strerror(csv_error(parser.get())) + "); expected RFC 4180 quoting";
  }
  if (collector.records.empty()) return file + ": the file is empty; expected a header row";

  CsvTable table;
  table.file = file;
  std::set<std::string> seen;
  for (auto& name : collector.records.front()) {
    std::string clean = trim(name);
    if (!seen.insert(clean).second)
      return file + ": the header names column \"" + clean + "\" twice";
    table.header.push_back(std::move(clean));
  }
  for (std::size_t i = 1; i < collector.records.size(); ++i) {
    auto& cells = collector.records[i];
    const bool blank = std::all_of(cells.begin(), cells.end(),
                                   [](const std::string& c) { return trim(c).empty(); });
    if (blank) continue;
    if (cells.size() > table.header.size())
      return file + " row " + std::to_string(i + 1) + ": " + std::to_string(cells.size()) +
             " cells, but the header has " + std::to_string(table.header.size()) + " columns";
    table.rows.push_back(CsvRow{i + 1, std::move(cells)});
  }
  return table;
}

std::optional<std::string> check_columns(const CsvTable& table,
                                         const std::vector<std::string_view>& required,
                                         const std::vector<std::string_view>& optional,
                                         std::vector<std::string>* unknown) {
  for (auto name : required)
    if (!table.column(name))
      return table.file + ": the required column \"" + std::string(name) + "\" is missing";
  if (unknown != nullptr) {
    for (const auto& name : table.header) {
      const bool listed = std::find(required.begin(), required.end(), name) != required.end() ||
                          std::find(optional.begin(), optional.end(), name) != optional.end();
      if (!listed) unknown->push_back(name);
    }
  }
  return std::nullopt;
}

}  // namespace pipeline::ingest
