#pragma once
//! Values as formats.md §2 reads them: an element's text (trimmed, NFC, white space collapsed in
//! single-line values, paragraph breaks kept in narratives) and the parsers of §2.1's types.
//! The Reader (reader.hpp) reads every value through these; they know nothing of locations or
//! findings.

#include <pugixml.hpp>

#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace pipeline::ingest {

// How a text value's white space is treated (formats.md §2).
enum class TextShape { SingleLine, Narrative };

// The character data of an element's children, joined, and whether a child is an element. Most
// values are one run of character data: it is read in place rather than copied.
struct CharacterData {
  std::string joined;
  std::string_view raw;
  bool has_element = false;

  explicit CharacterData(pugi::xml_node node);
  CharacterData(const CharacterData&) = delete;
  CharacterData& operator=(const CharacterData&) = delete;

  // The value: trimmed and NFC; single-line values collapse inner white space.
  std::string text(TextShape shape) const;
};

// Text of an element: its character data, trimmed; single-line values collapse inner white
// space; narratives keep paragraph breaks (a blank line). NFC-normalised.
std::string element_text(pugi::xml_node node, TextShape shape);

// A single-line value's text (an attribute's, say): trimmed, NFC, inner white space collapsed.
std::string single_line_text(std::string_view raw);

// The type label of a date for a value that is not one: "a date YYYY-MM-DD", or, for a real date
// outside the years core::kFirstYear..kLastYear, one that says it is out of range.
std::string date_type_label(std::string_view raw);

// What a PDF form also accepts (pdf-forms.md §3), rewritten to formats.md §2.1's spelling:
// a date M/D/YYYY or MM/DD/YYYY as YYYY-MM-DD ("3/7/2025" -> "2025-03-07"), and money with a
// leading `$` and thousands commas as plain digits ("$1,250.00" -> "1250.00"). Nullopt when
// `text` is not written so (the value is then parsed as it is).
std::optional<std::string> form_date_text(std::string_view text);
std::optional<std::string> form_money_text(std::string_view text);

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
