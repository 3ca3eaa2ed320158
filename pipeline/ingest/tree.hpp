#pragma once
//! A parsed submission before it becomes a model: a pugixml document. CSV submissions are turned
//! into the same tree (their rows become the XML row elements), so one reader per form kind
//! serves both, and a CSV twin gives exactly the findings of its XML. Elements built from CSV
//! remember the file and row they came from, for finding locations ("(table-d.csv row 7)").

#include <pugixml.hpp>

#include <string>
#include <unordered_map>

namespace pipeline::ingest {

struct Tree {
  pugi::xml_document doc;
  // Element (pugi internal object) -> "table-d.csv row 7", for elements built from CSV rows.
  std::unordered_map<const void*, std::string> origin;

  pugi::xml_node root() const { return doc.document_element(); }
  void set_origin(pugi::xml_node node, std::string where) {
    origin[node.internal_object()] = std::move(where);
  }
};

// The six root element names of formats.md §1.
bool is_form_kind(std::string_view name);
// "cet-grant-proposal, alliance-diary-sheet, ..." for messages.
std::string form_kinds_list();

}  // namespace pipeline::ingest
