#pragma once
//! Bytes -> Tree for XML submissions. Everything that makes a file unreadable (empty, not UTF-8,
//! UTF-16, malformed, too deeply nested, wrong root, wrong version) is a FORMAT-XML message here.

#include <memory>
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

// "line:column" of a byte offset in text.
std::string line_column(std::string_view text, std::size_t offset);

}  // namespace pipeline::ingest
