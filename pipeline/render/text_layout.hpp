#pragma once
//! Internal to render: breaking styled text into lines that fit a width. Breaks where ICU's
//! line breaking allows (after spaces and hyphens, between ideographs), breaks a word longer than
//! the line between grapheme clusters, and splits each line into runs of one face (font
//! fallback). Text is NFC-normalised first, so decomposed accents use precomposed glyphs.

#include <cstdint>
#include <string>
#include <vector>

#include "pipeline/render/style.hpp"

namespace pipeline::render {

class FontSet;

// A run of one face within a line; `x` is its offset from the line's start, in points.
struct Piece {
  double x = 0;
  std::uint16_t face = 0;
  std::string text;
  bool synthetic_bold = false;  // bold text in a face without a bold design
};

struct Line {
  std::vector<Piece> pieces;
  double width = 0;  // without trailing white space
};

// Lines of `text` at `size` points, none wider than `max_width` (a grapheme cluster wider than
// the line is the only exception). Newlines force breaks; empty text gives no lines.
std::vector<Line> wrap_text(const FontSet& fonts, const RichText& text, double size,
                            double max_width);

// The text as it will be drawn: NFC, tabs as spaces, other control characters removed, and
// characters outside the Basic Multilingual Plane (which libharu cannot encode) as U+FFFD.
std::string printable(std::string_view utf8);

}  // namespace pipeline::render
