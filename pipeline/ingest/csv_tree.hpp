#pragma once
//! Helpers for building a form's XML tree from CSV tables (formats.md §8), shared by the bundle
//! and single-file builders. Internal to ingest.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/ingest/bundle.hpp"
#include "pipeline/ingest/csv_table.hpp"
#include "pipeline/ingest/tree.hpp"

namespace pipeline::ingest {

// Appends <name>value</name> to `parent` when `value` is not empty (an empty cell is absent);
// returns the new element, or a null node.
pugi::xml_node append_value(pugi::xml_node parent, std::string_view name, const std::string& value);
// The same for a cell's view (`name` null-terminated).
pugi::xml_node append_cell(pugi::xml_node parent, const char* name, std::string_view value);

// Appends one element per unknown column (with the row's cell) so the reader reports each as
// FORMAT-UNKNOWN at the row's location.
void add_unknown_columns(pugi::xml_node parent, Tree& tree, const CsvTable& table,
                         const CsvRow& row, const std::vector<std::string>& unknown);

// Manifest keys other than form-kind, format-version and file become root attributes (profile,
// alliance-type, ...); keys the root does not know are then reported as FORMAT-UNKNOWN.
void add_manifest_attributes(pugi::xml_node root, const Manifest& manifest);

// The FORMAT-CSV message when a single-row file does not hold exactly one data row.
std::optional<std::string> check_single_row(const CsvTable& table);

}  // namespace pipeline::ingest
