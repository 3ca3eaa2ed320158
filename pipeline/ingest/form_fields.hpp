#pragma once
//! A fillable PDF form's fields -> the XML tree of its form kind (docs/forms.md, pdf-forms.md
//! §2). Internal to ingest: pdf_form.cpp reads the fields out of the PDF, this builds the tree
//! the kind's reader reads, as it reads an XML document.
//!
//! A field's fully qualified name is the element path below the root: one level per element, an
//! attribute as the last level, a repeated element's position (from 1) as a level of its own,
//! and `text` as the last level for the own text of an element that also has attribute fields.
//! Which last levels are attributes is formats.md's, listed here by parent element.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/ingest/tree.hpp"

namespace pipeline::ingest {

struct FormField {
  std::string name;   // fully qualified: "activities.activity.3.date"
  std::string value;  // UTF-8 as read from /V; empty when not filled (a check box's /Off)
  int page = 0;       // 1-based page of its first widget, 0 when on no page
  // Read-only (/Ff bit 1): a value the form itself fixed, such as a Table C row's category
  // number, not one the person wrote. It is read only in a row the person filled in, so a row
  // holding nothing but the form's own values is no row (docs/forms.md).
  bool fixed = false;
};

// Whether the last level `name` of a field is an attribute of its element: `path` holds the
// element names from below the root to that element (positions left out; empty for the root).
bool is_form_attribute(std::string_view kind, const std::vector<std::string_view>& path,
                       std::string_view name);

// The tree of form kind `kind` (the root element) with the root attribute profile="profile"
// (none when empty) and every field holding a value; Tree::form names every element's field
// and has the page of every field, empty ones included, for the locations. A container none of
// whose fields holds a value is not made; rows are in the order of their positions, which
// their names keep. A fixed field's value is placed only when another field of its element
// holds a value. A name the form kind does not know becomes an element all the same (so
// the reader reports it as FORMAT-UNKNOWN).
std::unique_ptr<Tree> form_tree(std::string_view kind, std::string_view profile,
                                const std::vector<FormField>& fields);

}  // namespace pipeline::ingest
