#pragma once
//! RFC 4180 CSV (formats.md §8.1) read with libcsv in strict mode: a header row, then data rows
//! numbered as a spreadsheet shows them (the header is row 1).

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace pipeline::ingest {

struct CsvRow {
  std::size_t number = 0;  // 1-based record number; the header is row 1
  std::vector<std::string> cells;
};

struct CsvTable {
  std::string file;
  std::vector<std::string> header;
  std::vector<CsvRow> rows;

  // Index of a column by header name.
  std::optional<std::size_t> column(std::string_view name) const;
  // Trimmed cell of `row` in column `name`; empty when the column is absent or the cell blank.
  std::string cell(const CsvRow& row, std::string_view name) const;
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
