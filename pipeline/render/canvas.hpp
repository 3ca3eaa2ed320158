#pragma once
//! Internal to render: the pages a Document has laid out, as a display list of positioned text
//! runs, lines and boxes in PDF points (origin bottom left), and the one function that turns it
//! into PDF bytes. Layout never writes PDF syntax; only write_pdf does.

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "pipeline/core/date.hpp"
#include "pipeline/render/options.hpp"
#include "pipeline/render/style.hpp"

namespace pipeline::render {

class FontSet;

inline constexpr double kPageWidth = 612;   // US Letter, 8.5 in
inline constexpr double kPageHeight = 792;  // 11 in

// Text in a single face (layout has already split runs by font fallback).
struct TextOp {
  double x = 0;
  double y = 0;  // baseline
  double size = 10;
  std::uint16_t face = 0;
  Rgb color;
  std::string text;             // UTF-8, no control characters; logical order
  bool synthetic_bold = false;  // stroke the outlines too, to embolden a face without a bold
  // A shaped right-to-left run: the glyphs to draw, left to right, instead of `text`'s nominal
  // glyphs; `text` is then what the glyphs say, in logical (reading) order.
  std::vector<PlacedGlyph> glyphs;
};

struct LineOp {
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  double width = 0.5;
  Rgb color;
};

struct RectOp {
  double x = 0, y = 0, width = 0, height = 0;  // (x, y) is the lower left corner
  std::optional<Rgb> fill;
  std::optional<Rgb> stroke;
  double stroke_width = 0.5;
};

using DrawOp = std::variant<TextOp, LineOp, RectOp>;

struct PageOps {
  std::vector<DrawOp> ops;
};

struct PdfMetadata {
  std::string title;
  std::string author;
  std::string subject;
  std::string keywords;
};

// Writes `pages` as US Letter pages, embedding the faces of `fonts` that the text uses as
// subsets. Throws RenderError when HarfBuzz fails.
std::string write_pdf(const std::vector<PageOps>& pages, const PdfMetadata& metadata,
                      const FontSet& fonts, const RenderOptions& options);

}  // namespace pipeline::render
