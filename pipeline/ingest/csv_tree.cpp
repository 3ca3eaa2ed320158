#include "pipeline/ingest/csv_tree.hpp"

#include <algorithm>

namespace pipeline::ingest {

pugi::xml_node append_value(pugi::xml_node parent, std::string_view name,
                            const std::string& value) {
  if (value.empty()) return {};
  pugi::xml_node node = parent.append_child(std::string(name).c_str());
  node.append_child(pugi::node_pcdata).set_value(value.c_str());
  return node;
}

pugi::xml_node append_cell(pugi::xml_node parent, const char* name, std::string_view value) {
  if (value.empty()) return {};
  pugi::xml_node node = parent.append_child(name);
  // As set_value(value.c_str()) would store it: up to a NUL, if the cell holds one.
  node.append_child(pugi::node_pcdata)
      .set_value(value.data(), std::min(value.find('\0'), value.size()));
  return node;
}

void add_unknown_columns(pugi::xml_node parent, Tree& tree, const CsvTable& table,
                         const CsvRow& row, const std::vector<std::string>& unknown) {
  for (const std::string& column : unknown) {
    pugi::xml_node node = parent.append_child(column.c_str());
    const std::string value = table.cell(row, column);
    if (!value.empty()) node.append_child(pugi::node_pcdata).set_value(value.c_str());
    tree.set_origin(node, table.file, row.number);
  }
}

void add_manifest_attributes(pugi::xml_node root, const Manifest& manifest) {
  for (const auto& [key, value] : manifest.values) {
    if (key == "form-kind" || key == "format-version") continue;
    root.append_attribute(key.c_str()).set_value(value.c_str());
  }
  for (const std::string& key : manifest.unknown_keys)
    if (!key.empty() && !root.attribute(key.c_str())) root.append_attribute(key.c_str());
}

std::optional<std::string> check_single_row(const CsvTable& table) {
  if (table.rows.size() == 1) return std::nullopt;
  return table.file + ": holds " + std::to_string(table.rows.size()) +
         " data rows; it must hold exactly one";
}

}  // namespace pipeline::ingest
