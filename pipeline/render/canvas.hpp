#pragma once
//! Internal to render: the pages a Document has laid out, as a display list of positioned text
//! runs, lines and boxes in PDF points (origin bottom left), and the one function that turns it
//! into PDF bytes. Layout never writes PDF syntax; only write_pdf does.
//!
//! The display list also carries the document's logical structure (PDF/UA, ISO 14289-1): a tree
//! of structure elements in reading order, and for each operation the element it belongs to (a
//! leaf: P, H1, TD, ...) or kArtifact for what is only decoration or pagination (rules, stripes,
//! running headers, page numbers, a table's header row repeated on a later page).

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

// An empty signature field (an AcroForm /Sig field and its widget): draws nothing on the page.
struct FieldOp {
  double x = 0, y = 0, width = 0, height = 0;  // the widget's rectangle; (x, y) lower left
  std::string name;                            // /T: "signature-1"
  std::string tooltip;                         // /TU: "Signature of NAME, TITLE, ORGANIZATION"
};

using DrawOp = std::variant<TextOp, LineOp, RectOp, FieldOp>;

// The structure element an operation belongs to, or kArtifact.
inline constexpr std::int32_t kArtifact = -1;

struct PageOps {
  std::vector<DrawOp> ops;
  std::vector<std::int32_t> tags;  // one per op: an index into StructTree::elements, or kArtifact
};

// One structure element. Elements are listed in reading order, each after its parent; an
// element holds either other elements (Document, L, LI, Table, TR, ...) or the content of the
// operations tagged with it, in the order they were drawn (P, H1, Lbl, TD, Form, ...).
struct StructElement {
  std::string type;          // a standard structure type: "P", "H2", "Table", "TH", "Form"
  std::int32_t parent = -1;  // index of the parent element; -1 for the root (element 0)
  std::string scope;         // TH only: "Column" or "Row"
};

struct StructTree {
  std::vector<StructElement> elements;  // elements[0] is the Document element
};

struct PdfMetadata {
  std::string title;
  std::string author;
  std::string subject;
  std::string keywords;
  std::string lang;  // the document's natural language (BCP 47); empty: "en-US"
  // Which formpipe document this is ("agreement", "letter", "diary-sheet", ...), recorded in
  // the XMP metadata (formpipe:document) so a signed copy can be recognised.
  std::string kind;
  StructTree structure;
};

// Writes `pages` as US Letter pages, embedding the faces of `fonts` that the text uses as
// subsets: a tagged PDF/UA-1 and PDF/A-2a file (metadata.structure is its structure tree), its
// FieldOps as empty signature fields. Throws RenderError when HarfBuzz fails.
std::string write_pdf(const std::vector<PageOps>& pages, const PdfMetadata& metadata,
                      const FontSet& fonts, const RenderOptions& options);

}  // namespace pipeline::render
