#pragma once
//! A parsed submission before it becomes a model: a pugixml document. CSV submissions are turned
//! into the same tree (their rows become the XML row elements), so one reader per form kind
//! serves both, and a CSV twin gives exactly the findings of its XML. Elements built from CSV
//! remember the file and row they came from, for finding locations ("(table-d.csv row 7)").
//! A fillable PDF form's fields make the same tree too (pdf_form.cpp): its elements remember
//! their field names, and locations are field names with their page
//! ("activities.activity.3.date (page 1)").

#include <pugixml.hpp>

#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

namespace pipeline::ingest {

// Where an element built from CSV came from: "table-d.csv row 7" (a file and a row), or a text
// of its own ("table-d.csv", "manifest.csv") when `row` is 0.
struct Origin {
  const std::string* text = nullptr;  // the file name or the whole text, kept by the Tree
  std::size_t row = 0;

  // Appends "table-d.csv row 7" (what CsvTable::where says) or the text.
  void append_to(std::string& out) const;
};

// The fields of a PDF form a tree was built from (form_fields.hpp): what its locations name.
struct FormOrigin {
  // Element (pugi internal object) -> its field name below the root ("activities.activity.3");
  // the root's is empty.
  std::unordered_map<const void*, std::string> names;
  // Every field of the form, empty ones included, and every prefix of their names ->
  // the 1-based page of its first widget (0: on no page).
  std::unordered_map<std::string, int> pages;

  // "activities.activity.3.date (page 1)": `name` with its page, when the form has it.
  std::string location(std::string_view name) const;
};

struct Tree {
  pugi::xml_document doc;
  // Element (pugi internal object) -> its origin, for elements built from CSV rows.
  std::unordered_map<const void*, Origin> origin;
  // Set for a tree built from a PDF form's fields: locations are field names, and dates and
  // money may be written as people write them in the US (values.hpp, form values).
  std::unique_ptr<FormOrigin> form;

  pugi::xml_node root() const { return doc.document_element(); }
  // "table-d.csv", or any text.
  void set_origin(pugi::xml_node node, std::string where) {
    texts_.push_back(std::move(where));
    origin[node.internal_object()] = Origin{&texts_.back(), 0};
  }
  // "`file` row `row`" (without building the text for each row).
  void set_origin(pugi::xml_node node, const std::string& file, std::size_t row) {
    if (texts_.empty() || texts_.back() != file) texts_.push_back(file);
    origin[node.internal_object()] = Origin{&texts_.back(), row};
  }

 private:
  std::deque<std::string> texts_;  // what origins point to (a deque: they stay where they are)
};

// The six root element names of formats.md §1.
bool is_form_kind(std::string_view name);
// "cet-grant-proposal, alliance-diary-sheet, ..." for messages.
std::string form_kinds_list();

}  // namespace pipeline::ingest
