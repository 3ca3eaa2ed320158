#pragma once
//! The FORMAT-* rules while a form's tree is read into its model: required elements
//! (FORMAT-REQUIRED), typed values (FORMAT-TYPE or the rule formats.md names), duplicates
//! (FORMAT-DUPLICATE) and unknown names (FORMAT-UNKNOWN, once per distinct name). Each form
//! kind's reader (grant_proposal_reader.cpp, ...) walks its tree with one Reader.
//!
//! Locations are slash paths from the root with 1-based indexes on row elements
//! ("cet-grant-proposal/table-d/travel/lodging[1]/total-charged"), plus "(file row N)" for CSV.

#include <pugixml.hpp>

#include <array>
#include <cstdint>
#include <initializer_list>
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

namespace pipeline::ingest {

inline constexpr core::RuleRef kFormatXml{"FORMAT-XML", core::Severity::Error, "formats.md §1–§2"};
inline constexpr core::RuleRef kFormatCsv{"FORMAT-CSV", core::Severity::Error, "formats.md §8"};
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

// How a text value's white space is treated (formats.md §2).
enum class TextShape { SingleLine, Narrative };

class Reader {
 public:
  Reader(const Tree& tree, std::vector<core::Finding>& findings, std::string profile = {});
  Reader(const Reader&) = delete;
  Reader& operator=(const Reader&) = delete;
  ~Reader();

  // The resolved profile (root attribute, manifest key or --profile).
  const std::string& profile() const { return profile_; }

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
    if (std::optional<T> value = parse(*source.value)) {
      out.state = core::FieldState::Present;
      out.value = std::move(*value);
    } else {
      out.state = core::FieldState::Rejected;
      if constexpr (std::is_invocable_v<const Label&, std::string_view>)
        report_type(type_rule, out.location, type_label(std::string_view(out.raw)), out.raw);
      else if constexpr (std::is_invocable_v<const Label&>)
        report_type(type_rule, out.location, type_label(), out.raw);
      else
        report_type(type_rule, out.location, type_label, out.raw);
    }
  }

  const Tree& tree_;
  std::vector<core::Finding>& findings_;
  std::string profile_;
  // Row element -> 1-based index: an open-addressing table (rows are never removed; a node
  // per row would cost an allocation each).
  struct RowSlot {
    const void* row = nullptr;
    std::size_t index = 0;
  };
  std::vector<RowSlot> rows_;
  std::size_t row_count_ = 0;
  void add_row(const void* row, std::size_t index);
  std::vector<const void*> row_parents_;  // elements whose children rows() listed
  std::set<std::string, std::less<>> unknown_reported_;

  // Appends the element path ("a/b[2]/c") and the CSV origin (" (table-d.csv row 7)").
  void append_bare_path(std::string& out, pugi::xml_node node) const;
  void append_origin(std::string& out, pugi::xml_node node) const;
  // The CSV origin of `node` or its nearest ancestor that has one; null when none does.
  const Origin* origin_of(pugi::xml_node node) const;
  // Whether `node` has a CSV origin of its own.
  bool has_own_origin(pugi::xml_node node) const;
  // An element as a parent: its shared text (bare path, then CSV origin) and whether rows()
  // listed its children (so they may carry indexes).
  struct CachedPath {
    const void* element = nullptr;
    const core::Location::Shared* shared = nullptr;  // one reference held
    bool row_parent = false;
  };
  // The cached entry of `element` (built when missing), moved to the front. The parents of the
  // elements whose paths are being built (the row whose values are read, its container, ...)
  // are kept, most recent first; rows() forgets those below its parent, whose paths change.
  const CachedPath& parent_path(pugi::xml_node element) const;
  void forget_path(CachedPath& entry) const;
  mutable std::array<CachedPath, 8> path_cache_;
  // The 1-based row index of `node`, 0 when rows() did not list it.
  std::size_t row_index(const void* node) const;
  // The named children of the last parents once() looked in, in document order (what
  // pugixml's child(name) and next_sibling(name) walk, without a string comparison per child
  // and lookup).
  struct NamedChild {
    std::string_view name;
    pugi::xml_node node;
    bool element = false;
  };
  struct ChildIndex {
    const void* parent = nullptr;
    std::vector<NamedChild> children;
  };
  const std::vector<NamedChild>& children_of(pugi::xml_node parent);
  std::array<ChildIndex, 2> child_indexes_;
  mutable const void* origin_cache_element_ = nullptr;
  mutable const Origin* origin_cache_ = nullptr;
  // False when `element` certainly has no CSV origin (a bit filter over tree_.origin's keys,
  // rebuilt whenever the map has grown).
  bool may_have_origin(const void* element) const;
  mutable std::vector<std::uint64_t> origin_filter_;
  mutable std::size_t origin_filter_size_ = 0;
};

// Text of an element: its character data, trimmed; single-line values collapse inner white
// space; narratives keep paragraph breaks (a blank line). NFC-normalised.
std::string element_text(pugi::xml_node node, TextShape shape);

// The type label of a date for a value that is not one: "a date YYYY-MM-DD", or, for a real date
// outside the years core::kFirstYear..kLastYear, one that says it is out of range.
std::string date_type_label(std::string_view raw);

// Parsers for formats.md §2.1 types, for use with Reader::typed / convert.
std::optional<bool> parse_yes_no(std::string_view text);
std::optional<std::string> parse_zip(std::string_view text);
std::optional<std::string> parse_state(std::string_view text);
std::optional<std::string> parse_telephone(std::string_view text);
std::optional<std::string> parse_email(std::string_view text);
std::optional<std::string> parse_ein(std::string_view text);
std::optional<std::string> parse_naics(std::string_view text);
// Month numbers and ranges ("1 4 7 10", "1, 5, 9", "2-11") as a sorted set.
std::optional<std::set<int>> parse_months(std::string_view text);
// Space-separated words, each one of `allowed`.
std::optional<std::vector<std::string>> parse_word_list(
    std::string_view text, std::initializer_list<std::string_view> allowed);

}  // namespace pipeline::ingest
