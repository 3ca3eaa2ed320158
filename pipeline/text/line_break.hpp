#pragma once
//! Where text may be broken: ICU's line breaking (UAX #14) for word wrapping and grapheme
//! clusters (UAX #29) for breaking a word too long for its line. Offsets are byte offsets into
//! the UTF-8 text, so callers never convert to UTF-16.

#include <cstddef>
#include <string_view>
#include <vector>

namespace pipeline::text {

// A position a line may end at: the text before `offset` fits on one line, the rest goes on.
struct LineBreak {
  std::size_t offset = 0;  // bytes; the last break is always at the end of the text
  bool mandatory = false;  // a hard break (after a newline) rather than an opportunity
};

// Line-break opportunities in valid UTF-8, in increasing order, ending with the text's size
// (empty for empty text). Spaces stay with the word before them. Throws core::Error when ICU
// has no line-break rules.
std::vector<LineBreak> line_breaks(std::string_view utf8);

// Byte offsets where each user-perceived character (grapheme cluster) ends, in increasing order;
// "Nguyễn" written with combining marks gives one offset per letter. Throws core::Error as above.
std::vector<std::size_t> grapheme_ends(std::string_view utf8);

}  // namespace pipeline::text
