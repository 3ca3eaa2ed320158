#pragma once
//! Bytes -> Tree for XML submissions. Everything that makes a file unreadable (empty, not UTF-8,
//! UTF-16, malformed, too deeply nested, wrong root, wrong version) is a FORMAT-XML message here.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "pipeline/ingest/tree.hpp"

namespace pipeline::ingest {

// Deepest element nesting accepted; no form needs more than ten levels.
inline constexpr int kMaxXmlDepth = 48;

// The parsed tree, or the FORMAT-XML message ("name:line:column: expected X, found Y").
std::variant<std::unique_ptr<Tree>, std::string> parse_xml(std::string_view bytes,
                                                           const std::string& name);

// The first character XML 1.0 forbids in `text` (valid UTF-8): a C0 control other than tab, line
// feed and carriage return (NUL included), or U+FFFE / U+FFFF. Returns its byte offset and its
// "U+0001" name. (Surrogates are already invalid UTF-8.)
struct ForbiddenChar {
  std::size_t offset = 0;
  std::string name;  // "U+0000 (NUL)", "U+0001", "U+FFFE"
};
std::optional<ForbiddenChar> forbidden_char(std::string_view text);

// "line:column" of a byte offset in text.
std::string line_column(std::string_view text, std::size_t offset);

}  // namespace pipeline::ingest
