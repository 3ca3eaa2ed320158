#pragma once
//! Internal to render: breaking styled text into lines that fit a width. Breaks where ICU's
//! line breaking allows (after spaces and hyphens, between ideographs), breaks a word longer than
//! the line between grapheme clusters, and splits each line into runs of one face (font
//! fallback). Text is NFC-normalised first, so decomposed accents use precomposed glyphs.
//! Text with right-to-left characters (Hebrew, Arabic) is laid out by the Unicode bidirectional
//! algorithm (ICU ubidi): levels resolved per paragraph, runs reordered per line after line
//! breaking, right-to-left runs shaped by HarfBuzz (Arabic joining forms). Text without them
//! (all Latin, CJK) never reaches ubidi or the shaper.

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
  std::string text;             // logical order
  bool synthetic_bold = false;  // bold text in a face without a bold design
  // A right-to-left run, shaped: its glyphs in drawing order (left to right). Empty otherwise:
  // `text` is drawn with one nominal glyph per character.
  std::vector<PlacedGlyph> glyphs;
};

struct Line {
  std::vector<Piece> pieces;
  double width = 0;             // without trailing white space
  bool broke_at_space = false;  // the text went on after white space the break left out
};

// Lines of `text` at `size` points, none wider than `max_width` (a grapheme cluster wider than
// the line is the only exception). Newlines force breaks; empty text gives no lines.
std::vector<Line> wrap_text(const FontSet& fonts, const RichText& text, double size,
                            double max_width);

// The text as it will be drawn: NFC, tabs as spaces, other control characters and variation
// selectors (emoji are drawn monochrome) removed, lone surrogates as U+FFFD.
std::string printable(std::string_view utf8);

}  // namespace pipeline::render
