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

// What kind of AcroForm field a FieldOp's widget belongs to.
enum class FieldKind {
  Signature,  // an empty /Sig field: draws nothing (signing.md §1)
  Text,       // /Tx: single-line, or multi-line with `multiline`
  CheckBox,   // /Btn check box: one widget per on-state (`on_state`), widgets of one name
              // sharing one field
  Choice,     // /Ch combo box listing `choices`, editable with `editable`
};

// A form field's widget (ISO 32000-1 §12.7): an annotation over the rectangle; the page itself
// draws only what layout put around it (boxes, labels). Fields are hierarchical by dotted name:
// "activities.activity.3.date" is the terminal field "date" under the non-terminal fields
// "activities", "activity" and "3"; a terminal field with one widget is merged with it.
struct FieldOp {
  double x = 0, y = 0, width = 0, height = 0;  // the widget's rectangle; (x, y) lower left
  std::string name;                            // fully qualified: "signature-1", "a.b.2.c"
  std::string tooltip;                         // /TU: "Signature of NAME, TITLE, ORGANIZATION"
  FieldKind kind = FieldKind::Signature;
  bool multiline = false;            // Text: /Ff multiline
  bool read_only = false;            // /Ff read-only
  int max_length = 0;                // Text: /MaxLen (0: none)
  bool editable = false;             // Choice: /Ff edit (words not in the list allowed)
  std::vector<std::string> choices;  // Choice: /Opt
  std::string value;       // /V when not empty: the text, or the check box's chosen on-state
  std::string on_state;    // CheckBox: this widget's on-state ("yes" or "no")
  std::uint16_t face = 0;  // the face of /DA (and of the appearance's text)
  double font_size = 9;    // /DA's size
  // The value as drawn in the widget's normal appearance, placed from the widget's lower left
  // (empty for a blank field).
  std::vector<TextOp> appearance;
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
  // A fillable form's identity (docs/forms.md), recorded in the XMP as formpipe:form,
  // formpipe:profile and formpipe:formVersion; empty: not a form.
  std::string form;
  std::string profile;
  std::string form_version;
  StructTree structure;
};

// Writes `pages` as US Letter pages, embedding the faces of `fonts` that the text uses as
// subsets: a tagged PDF/UA-1 and PDF/A-2a file (metadata.structure is its structure tree), its
// FieldOps as AcroForm fields with their appearances. Throws RenderError when HarfBuzz fails.
std::string write_pdf(const std::vector<PageOps>& pages, const PdfMetadata& metadata,
                      const FontSet& fonts, const RenderOptions& options);

}  // namespace pipeline::render
