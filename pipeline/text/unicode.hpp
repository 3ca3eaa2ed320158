#pragma once
//! ICU behind plain std::string: UTF-8 validity, NFC, case folding for phrase tests
//! (rules.md §2.5), collation for sorting names, and Michigan local time.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/date.hpp"

namespace pipeline::text {

// Byte offset of the first invalid UTF-8 sequence, or nullopt when the text is valid.
std::optional<std::size_t> invalid_utf8_offset(std::string_view bytes);
// NFC normalisation of valid UTF-8.
std::string nfc(std::string_view utf8);
// The copy phrase tests run on: NFC, Unicode case folding, white-space runs as one space.
std::string fold_for_match(std::string_view utf8);
// Equality after fold_for_match (names of organizations, people, titles).
bool same_name(std::string_view a, std::string_view b);
// The text without its accents (NFD, non-spacing marks removed, NFC): "México" -> "Mexico".
std::string strip_accents(std::string_view utf8);
// Whether a code point is a letter (Unicode Alphabetic), for splitting text into words.
bool is_letter(char32_t code_point);
// Trim and collapse inner white space runs to one space.
std::string collapse_spaces(std::string_view utf8);
// The same without ICU, for text whose white space is ASCII: runs of tab, line feed, vertical
// tab, form feed, carriage return and space (Unicode White_Space within ASCII) become one space,
// trimmed; every other byte stays as it is. Equals collapse_spaces on ASCII text.
std::string collapse_ascii_spaces(std::string_view text);
// Runs of XML's white space (space, tab, line feed, carriage return) as one space, trimmed; every
// other byte stays as it is (the text of a document template).
std::string collapse_xml_spaces(std::string_view text);
// Sorts strings by ICU collation for `locale` (default English), stable for equal keys.
void sort_collated(std::vector<std::string>& names, const char* locale = "en_US");
// Michigan (America/Detroit) wall-clock time to an instant.
core::Instant michigan_local_to_instant(const core::LocalDateTime& value);

}  // namespace pipeline::text
