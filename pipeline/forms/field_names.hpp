#pragma once
//! Fillable-form field names (pdf-forms.md §2, docs/forms.md "Field names"): the element path
//! below the root, one level per element, an attribute as the last level, a repeated element's
//! position (from 1) as a level of its own, a value element with attribute fields holding its
//! text in the child field `text`. One table of the three form kinds' repeated elements and
//! attribute-carrying value elements serves the writer (`formpipe blank --from FILE.xml`), the
//! tests that check every sample has its fields, and the reader.
//!
//!   auto values = forms::field_values(xml);  // {"activities.activity.1.date", "2025-07-16"}, …

#include <map>
#include <string>
#include <string_view>

namespace pipeline::forms {

// Field name → value, in name order.
using FieldValues = std::map<std::string, std::string, std::less<>>;

// Whether `child` under `parent` is a repeated element (formats.md `*`/`+`): its position is a
// level of the name ("activities" / "activity" → yes; "member" / "organization" → no).
bool is_repeated(std::string_view parent, std::string_view child);

// Whether the value element `element` has attribute fields, so that its own text is the field
// `<name>.text` (narratives: `file`, `pages`; `prepared-by`: `role`).
bool has_text_child(std::string_view element);

// Every non-empty value and attribute of the XML document `xml` (one of the three form kinds),
// by field name: root attributes other than `profile` and `version` as top-level fields, values
// trimmed with inner white space collapsed (a blank line, a narrative's paragraph break, kept as
// "\n\n"). Unknown elements are walked the same way. Throws core::Error when `xml` is not
// well-formed.
FieldValues field_values(std::string_view xml);

// The root element's name and its `profile` attribute ("" when absent).
struct FormIdentity {
  std::string kind;
  std::string profile;
};
FormIdentity form_identity(std::string_view xml);

}  // namespace pipeline::forms
