#include "pipeline/ingest/csv_table.hpp"

#include <csv.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <set>

#include "pipeline/ingest/xml_source.hpp"
#include "pipeline/text/unicode.hpp"

namespace pipeline::ingest {

namespace {

struct Collector {
  std::shared_ptr<CsvText> text = std::make_shared<CsvText>();
  std::vector<std::vector<std::string_view>> records;
  std::vector<std::string_view> current;
};

void on_field(void* data, std::size_t length, void* out) {
  auto* c = static_cast<Collector*>(out);
  c->current.push_back(c->text->keep(static_cast<const char*>(data), length));
}

void on_record(int, void* out) {
  auto* c = static_cast<Collector*>(out);
  const std::size_t width = c->current.size();
  c->records.push_back(std::move(c->current));
  c->current.clear();
  c->current.reserve(width);  // the next record is most likely as wide
}

struct ParserDeleter {
  void operator()(csv_parser* p) const {
    csv_free(p);
    delete p;
  }
};

std::string_view trim(std::string_view s) {
  auto is_space = [](char ch) { return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n'; };
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// The FORMAT-CSV message for a character XML forbids: the first cell (row, column) holding one.
std::string forbidden_char_message(const std::vector<std::vector<std::string_view>>& records,
                                   const ForbiddenChar& forbidden, const std::string& file) {
  for (std::size_t r = 0; r < records.size(); ++r) {
    for (std::size_t c = 0; c < records[r].size(); ++c) {
      if (!forbidden_char(records[r][c])) continue;
      const std::string column = r > 0 && c < records[0].size()
                                     ? "column \"" + std::string(trim(records[0][c])) + "\""
                                     : "column " + std::to_string(c + 1);
      return file + " row " + std::to_string(r + 1) + ", " + column + ": holds the character " +
             forbidden_char(records[r][c])->name +
             ", which a form may not contain (XML 1.0 forbids it); remove it";
    }
  }
  return file + ": holds the character " + forbidden.name + " outside any cell; remove it";
}

}  // namespace

std::string_view CsvText::keep(const char* text, std::size_t size) {
  if (size == 0) return {};
  if (size > left_) {
    const std::size_t block = std::max<std::size_t>(size, std::size_t{1} << 20);
    blocks_.push_back(std::make_unique_for_overwrite<char[]>(block));
    next_ = blocks_.back().get();
    left_ = block;
  }
  std::memcpy(next_, text, size);
  const std::string_view kept(next_, size);
  next_ += size;
  left_ -= size;
  return kept;
}

std::optional<std::size_t> CsvTable::column(std::string_view name) const {
  for (std::size_t i = 0; i < header.size(); ++i)
    if (header[i] == name) return i;
  return std::nullopt;
}

std::string CsvTable::cell(const CsvRow& row, std::string_view name) const {
  return std::string(cell_view(row, column(name)));
}

std::string_view CsvTable::cell_view(const CsvRow& row, std::optional<std::size_t> index) const {
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

  // Cells become XML text (csv_tree.cpp): a character XML forbids (a NUL would cut the value
  // short) is refused here, with the row and column that hold it.
  const std::optional<ForbiddenChar> forbidden = forbidden_char(bytes);

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
  if (forbidden) return forbidden_char_message(collector.records, *forbidden, file);

  CsvTable table;
  table.file = file;
  table.text = collector.text;
  std::set<std::string> seen;
  for (auto name : collector.records.front()) {
    std::string clean(trim(name));
    if (!seen.insert(clean).second)
      return file + ": the header names column \"" + clean + "\" twice";
    table.header.push_back(std::move(clean));
  }
  table.rows.reserve(collector.records.size() - 1);
  for (std::size_t i = 1; i < collector.records.size(); ++i) {
    auto& cells = collector.records[i];
    const bool blank =
        std::all_of(cells.begin(), cells.end(), [](std::string_view c) { return trim(c).empty(); });
    if (blank) continue;
    if (cells.size() != table.header.size())
      return file + " row " + std::to_string(i + 1) + ": " + std::to_string(cells.size()) +
             (cells.size() == 1 ? " cell" : " cells") + ", but the header has " +
             std::to_string(table.header.size()) + " columns";
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
