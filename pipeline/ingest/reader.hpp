#pragma once
//! The FORMAT-* rules while a form's tree is read into its model: required elements
//! (FORMAT-REQUIRED), typed values (FORMAT-TYPE or the rule formats.md names), duplicates
//! (FORMAT-DUPLICATE) and unknown names (FORMAT-UNKNOWN, once per distinct name). Each form
//! kind's reader (grant_proposal_reader.cpp, ...) walks its tree with one Reader.
//!
//! Locations are slash paths from the root with 1-based indexes on row elements
//! ("cet-grant-proposal/table-d/travel/lodging[1]/total-charged"), plus "(file row N)" for CSV;
//! the indexes that keep them cheap are private to the reader (reader_paths.hpp). How a value's
//! text is read and parsed is values.hpp's.

#include <pugixml.hpp>

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "pipeline/core/date.hpp"
#include "pipeline/core/field.hpp"
#include "pipeline/core/finding.hpp"
#include "pipeline/core/money.hpp"
#include "pipeline/ingest/tree.hpp"
#include "pipeline/ingest/values.hpp"

namespace pipeline::ingest {

class Paths;
class Children;

inline constexpr core::RuleRef kFormatXml{"FORMAT-XML", core::Severity::Error, "formats.md §1–§2"};
inline constexpr core::RuleRef kFormatCsv{"FORMAT-CSV", core::Severity::Error, "formats.md §8"};
inline constexpr core::RuleRef kFormatPdf{"FORMAT-PDF", core::Severity::Error, "rules.md §9"};
inline constexpr core::RuleRef kFormatProfile{"FORMAT-PROFILE", core::Severity::Error,
                                              "formats.md §1; MIOSHA-ADM-03-3R6 App C, App E"};
inline constexpr core::RuleRef kFormatRequired{"FORMAT-REQUIRED", core::Severity::Error,
                                               "formats.md §3–§8"};
inline constexpr core::RuleRef kFormatType{"FORMAT-TYPE", core::Severity::Error, "formats.md §2.1"};
inline constexpr core::RuleRef kFormatDuplicate{"FORMAT-DUPLICATE", core::Severity::Error,
                                                "formats.md §2"};
inline constexpr core::RuleRef kFormatUnknown{"FORMAT-UNKNOWN", core::Severity::Warning,
                                              "formats.md §2, §8.1"};

// Whether an element's absence is reported here (FORMAT-REQUIRED) or left to a rule.
enum class Need { Optional, Required };

class Reader {
 public:
  Reader(const Tree& tree, std::vector<core::Finding>& findings, std::string profile = {});
  Reader(const Reader&) = delete;
  Reader& operator=(const Reader&) = delete;
  ~Reader();

  // The resolved profile (root attribute, manifest key or --profile).
  const std::string& profile() const { return profile_; }
  // Whether the tree was built from a PDF form's fields (locations are field names; a child
  // path's name may then name a deeper field, "alliance-background.overview").
  bool form() const { return tree_.form != nullptr; }

  // Path of an element, with row indexes and the CSV origin.
  core::Location path(pugi::xml_node node) const;
  // Path of a child that may not exist: path(parent) + "/" + name (+ CSV origin).
  core::Location child_path(pugi::xml_node parent, std::string_view name) const;
  core::Location attribute_path(pugi::xml_node node, std::string_view name) const;

  // The first child element `name` (null when absent); later ones are FORMAT-DUPLICATE.
  pugi::xml_node once(pugi::xml_node parent, const char* name, Need need = Need::Optional);
  // Every child element `name`, in document order, registered as rows (indexed in paths).
  std::vector<pugi::xml_node> rows(pugi::xml_node parent, const char* name);
  // A repeated value element (`hazard`, `item`, `milestone`, `naics`, `objective`, ...): a row
  // whose own text is its value, and that text, read once.
  struct ValueRow {
    pugi::xml_node node;
    core::Field<std::string> text;
  };
  // rows(parent, name) whose text is not empty after trimming, with their text: a blank entry is
  // not an entry (formats.md §2, rules.md I-44), so "at least one" tests and the rules reading
  // the list never see it. Every row, blank or not, is checked against `attributes` (others and
  // child elements are FORMAT-UNKNOWN) and keeps its index among its siblings in paths.
  std::vector<ValueRow> value_rows(pugi::xml_node parent, const char* name,
                                   std::initializer_list<std::string_view> attributes = {},
                                   TextShape shape = TextShape::SingleLine);
  // Reports FORMAT-UNKNOWN for child elements and attributes of `node` not listed.
  void known(pugi::xml_node node, std::initializer_list<std::string_view> elements,
             std::initializer_list<std::string_view> attributes = {});

  // Text of a value element (trimmed, NFC; single-line values collapse inner white space).
  // An element empty after trimming counts as absent. `attributes` are the attributes the
  // value element may carry (others are FORMAT-UNKNOWN).
  core::Field<std::string> text(pugi::xml_node parent, const char* name, Need need = Need::Optional,
                                std::initializer_list<std::string_view> attributes = {},
                                TextShape shape = TextShape::SingleLine);
  // The same for the text content of `node` itself (a row whose text is its value).
  core::Field<std::string> own_text(pugi::xml_node node, TextShape shape = TextShape::SingleLine);
  core::Field<std::string> attribute(pugi::xml_node node, const char* name,
                                     Need need = Need::Optional);

  // A typed value: parse(text) gives the value or nullopt; a mismatch is reported by
  // `type_rule` (FORMAT-TYPE unless formats.md names another rule) as "expected {type_label}".
  // `type_label` is text, or a function giving it (called only for a mismatch, with or without
  // the text found).
  template <class T, class Parse, class Label>
  core::Field<T> typed(pugi::xml_node parent, const char* name, Need need, Parse parse,
                       const Label& type_label, const core::RuleRef& type_rule = kFormatType,
                       std::initializer_list<std::string_view> attributes = {}) {
    return convert<T>(text(parent, name, need, attributes), parse, type_label, type_rule);
  }
  template <class T, class Parse, class Label>
  core::Field<T> typed_attribute(pugi::xml_node node, const char* name, Need need, Parse parse,
                                 const Label& type_label,
                                 const core::RuleRef& type_rule = kFormatType) {
    return convert<T>(attribute(node, name, need), parse, type_label, type_rule);
  }
  // Converts a text field already read; a mismatch is reported by `type_rule`.
  template <class T, class Parse, class Label>
  core::Field<T> convert(const core::Field<std::string>& source, Parse parse,
                         const Label& type_label, const core::RuleRef& type_rule = kFormatType) {
    core::Field<T> out;
    out.location = source.location;
    out.raw = source.raw;
    parse_into(out, source, parse, type_label, type_rule);
    return out;
  }
  // The same for a field read for this conversion only: its location and text move.
  template <class T, class Parse, class Label>
  core::Field<T> convert(core::Field<std::string>&& source, Parse parse, const Label& type_label,
                         const core::RuleRef& type_rule = kFormatType) {
    core::Field<T> out;
    out.location = std::move(source.location);
    out.raw = std::move(source.raw);
    parse_into(out, source, parse, type_label, type_rule);
    return out;
  }

  // Common types of formats.md §2.1.
  core::Field<core::Money> money(pugi::xml_node parent, const char* name,
                                 Need need = Need::Optional);
  core::Field<core::Rate> rate(pugi::xml_node parent, const char* name, Need need = Need::Optional);
  core::Field<core::Quantity> quantity(pugi::xml_node parent, const char* name,
                                       Need need = Need::Optional);
  core::Field<core::Percent> percent(pugi::xml_node parent, const char* name,
                                     Need need = Need::Optional);
  core::Field<std::int64_t> count(pugi::xml_node parent, const char* name,
                                  Need need = Need::Optional);
  core::Field<core::Date> date(pugi::xml_node parent, const char* name, Need need = Need::Optional);
  core::Field<bool> yes_no(pugi::xml_node parent, const char* name, Need need = Need::Optional);
  // One of `values`, exactly.
  core::Field<std::string> one_of(pugi::xml_node parent, const char* name, Need need,
                                  std::initializer_list<std::string_view> values,
                                  const core::RuleRef& type_rule = kFormatType);

  void report(const core::RuleRef& rule, std::string message, std::string location);
  void report(const core::RuleRef& rule, std::string message, const core::Location& location) {
    report(rule, std::move(message), location.str());
  }
  void report(const core::RuleRef& rule, std::string message, const char* location) {
    report(rule, std::move(message), std::string(location));
  }
  void report_missing(pugi::xml_node parent, std::string_view name);
  void report_type(const core::RuleRef& rule, const core::Location& location,
                   std::string_view type_label, const std::string& raw);
  void report_unknown(const core::Location& location, std::string_view name);

 private:
  // Sets `out`'s state and value from `source` (its location and raw are set already).
  template <class T, class Parse, class Label>
  void parse_into(core::Field<T>& out, const core::Field<std::string>& source, Parse& parse,
                  const Label& type_label, const core::RuleRef& type_rule) {
    if (!source.present()) {
      out.state = source.state;
      return;
    }
    std::optional<T> value = parse(*source.value);
    if (!value && tree_.form) value = form_value<T>(parse, *source.value);
    if (value) {
      out.state = core::FieldState::Present;
      out.value = std::move(*value);
    } else {
      out.state = core::FieldState::Rejected;
      std::string label;
      if constexpr (std::is_invocable_v<const Label&, std::string_view>)
        label = type_label(std::string_view(out.raw));
      else if constexpr (std::is_invocable_v<const Label&>)
        label = type_label();
      else
        label = type_label;
      if constexpr (std::is_same_v<T, core::Date>) {
        if (tree_.form) label = form_date_label(std::move(label));
      }
      report_type(type_rule, out.location, label, out.raw);
    }
  }
  // A PDF form's date written M/D/YYYY or MM/DD/YYYY, or money with `$` and thousands commas
  // (pdf-forms.md §3), parsed as its formats.md spelling; nullopt for other types and texts.
  template <class T, class Parse>
  std::optional<T> form_value(Parse& parse, const std::string& text) {
    if constexpr (std::is_same_v<T, core::Date>) {
      if (std::optional<std::string> iso = form_date_text(text)) return parse(*iso);
    } else if constexpr (std::is_same_v<T, core::Money>) {
      if (std::optional<std::string> plain = form_money_text(text)) return parse(*plain);
    }
    return std::nullopt;
  }
  // "a date YYYY-MM-DD or MM/DD/YYYY" where the label names YYYY-MM-DD.
  static std::string form_date_label(std::string label);

  const Tree& tree_;
  std::vector<core::Finding>& findings_;
  std::string profile_;
  std::set<std::string, std::less<>> unknown_reported_;
  std::unique_ptr<Paths> paths_;        // locations (reader_paths.hpp)
  std::unique_ptr<Children> children_;  // once() and known()'s child lookups
};

}  // namespace pipeline::ingest
