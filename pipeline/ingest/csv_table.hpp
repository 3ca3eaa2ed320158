#pragma once
//! RFC 4180 CSV (formats.md §8.1) read with libcsv in strict mode: a header row, then data rows
//! numbered as a spreadsheet shows them (the header is row 1).

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace pipeline::ingest {

// The text of a table's cells, in large blocks (a cell is not a string of its own).
class CsvText {
 public:
  // A copy of `text` that lives as long as this.
  std::string_view keep(const char* text, std::size_t size);

 private:
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* next_ = nullptr;
  std::size_t left_ = 0;
};

struct CsvRow {
  std::size_t number = 0;               // 1-based record number; the header is row 1
  std::vector<std::string_view> cells;  // as written (untrimmed), in the table's text
};

struct CsvTable {
  std::string file;
  std::vector<std::string> header;
  std::vector<CsvRow> rows;
  std::shared_ptr<const CsvText> text;  // what rows' cells point into (shared by copies)

  // Index of a column by header name.
  std::optional<std::size_t> column(std::string_view name) const;
  // Trimmed cell of `row` in column `name`; empty when the column is absent or the cell blank.
  std::string cell(const CsvRow& row, std::string_view name) const;
  // The same by column index (from column(); nullopt or past the row's end gives empty), as a
  // view into the table.
  std::string_view cell_view(const CsvRow& row, std::optional<std::size_t> column) const;
  // "table-d.csv row 7"
  std::string where(const CsvRow& row) const;
};

// Parses CSV bytes (UTF-8, optional BOM). Returns the FORMAT-CSV message when the bytes are not
// UTF-8, not RFC 4180, have no header, or repeat a header name.
std::variant<CsvTable, std::string> parse_csv(std::string_view bytes, const std::string& file);

// Checks a table's header: a missing required column is fatal (returns the FORMAT-CSV message);
// columns in neither list are returned through `unknown`.
std::optional<std::string> check_columns(const CsvTable& table,
                                         const std::vector<std::string_view>& required,
                                         const std::vector<std::string_view>& optional,
                                         std::vector<std::string>* unknown);

}  // namespace pipeline::ingest
