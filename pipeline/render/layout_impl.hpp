#pragma once
// Private to the layout layer (layout.cpp, layout_table.cpp): the page geometry and the
// Document's implementation, whose table code lives in layout_table.cpp.

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pipeline/render/canvas.hpp"
#include "pipeline/render/fonts.hpp"
#include "pipeline/render/layout.hpp"
#include "pipeline/render/text_layout.hpp"

namespace pipeline::render {

// Page geometry: US Letter, 1-inch margins.
inline constexpr double kMargin = 72;
inline constexpr double kLeft = kMargin;
inline constexpr double kRight = kPageWidth - kMargin;
inline constexpr double kTop = kPageHeight - kMargin;
inline constexpr double kBottom = kMargin;
inline constexpr double kWidth = kRight - kLeft;

inline constexpr double kBodySize = 10;
inline constexpr double kLeading = 1.38;

inline double line_height(double size) {
  return size * kLeading;
}
// Baseline of a line whose box starts at `top`: capitals sit centred in the line box.
inline double baseline_below(double top, double size) {
  return top - (line_height(size) / 2 + size * 0.35);
}

// One line of a table cell, with its own size and colour (cell text or its note).
struct CellLine {
  Line line;
  double size;
  Rgb color;
};
using CellLines = std::vector<CellLine>;

inline double height_of(const CellLines& lines, std::size_t from = 0) {
  double h = 0;
  for (std::size_t i = from; i < lines.size(); ++i) h += line_height(lines[i].size);
  return h;
}

struct Document::Impl {
  DocumentInfo info;
  RenderOptions options;
  std::shared_ptr<const FontSet> fonts;
  std::vector<PageOps> pages;
  double y = kTop;
  bool page_has_content = false;
  bool finished = false;
  std::optional<Line> running_header;  // info.title fitted to the width, made on first use

  // ---- logical structure (PDF/UA) ----

  StructTree structure;            // elements[0]: the Document element
  std::int32_t tag = kArtifact;    // the element text and fields drawn now belong to
  int heading_level = 0;           // level of the last heading element, 0 before the first
  std::int32_t title = kArtifact;  // the H1 of title paragraphs, while they follow each other

  // A new element under `parent`, after the elements made before it (reading order).
  std::int32_t element(std::string type, std::int32_t parent = 0, std::string scope = {});
  // Tags what is drawn while it lives with `element` (kArtifact: artifacts), then restores.
  struct Tagging {
    Impl& impl;
    std::int32_t saved;
    Tagging(Impl& i, std::int32_t element) : impl(i), saved(i.tag) { i.tag = element; }
    ~Tagging() { impl.tag = saved; }
    Tagging(const Tagging&) = delete;
    Tagging& operator=(const Tagging&) = delete;
  };
  // The structure level of a heading asked for at `level`: never more than one below the
  // previous heading, so the tree skips no level (a document that starts at level 2 reads H1).
  int heading_element_level(int level);

  Impl(DocumentInfo i, RenderOptions o);

  // ---- page flow ----

  PageOps& page() { return pages.back(); }
  // Adds `op` to the current page: text and fields tagged with `tag`, lines and boxes (rules,
  // stripes, bars) as artifacts.
  void emit(DrawOp op) {
    const bool content = std::holds_alternative<TextOp>(op) || std::holds_alternative<FieldOp>(op);
    page().ops.push_back(std::move(op));
    page().tags.push_back(content ? tag : kArtifact);
  }
  void new_page();
  double remaining() const { return y - kBottom; }
  // Starts a new page unless `height` fits below the cursor or the page is still empty.
  void ensure(double height);
  void skip(double points);

  // ---- text ----

  std::vector<Line> wrap(const RichText& text, double size, double width) const;
  Line single_line(std::string_view text, double size, Weight weight) const;

  void draw_line(const Line& line, double x, double baseline, double width, double size,
                 Align align, Rgb color);

  // Lines flowed down the page from the cursor, breaking pages between lines.
  void flow_lines(const std::vector<Line>& lines, double x, double width, double size, Align align,
                  Rgb color);

  void rule_at(double at, double width, Rgb color, double x1 = kLeft, double x2 = kRight);

  // ---- letterhead, running header, footer ----

  void draw_letterhead(const Letterhead& head);

  // `text` on one line no wider than `width`: whole when it fits, else cut after the last
  // grapheme cluster that leaves room for an ellipsis ("A very long name of an organiz…").
  Line fitted_line(const std::string& text, double size, Weight weight, double width) const;

  void draw_page_furniture(std::size_t index, std::size_t count);

  // ---- blocks ----

  void heading(std::string_view text, int level);

  void paragraph(const RichText& text, const ParagraphStyle& style);

  // A list whose items are marked "•" (numbered false) or "1.", "2.", ... (numbered true).
  void list(const std::vector<RichText>& items, bool numbered);

  void key_values(const std::vector<std::pair<std::string, std::string>>& items);

  void banner(std::string_view text, Tone tone);

  void signature_blocks(const std::vector<Signatory>& signatories);
  void signature_field(const Signatory& signer, double height, double width);
  // A signature field over the rectangle, named "signature-N" in document order.
  void field(double x, double y, double width, double height, const Signatory& signer);
  int signature_fields = 0;

  // ---- form fields (layout_form.cpp) ----

  // The widget(s) of `field` over the box (x, y lower left), each in a Form element under
  // `parent`: a text or choice field fills the box; a yes-no field is two small check boxes
  // with their words "Yes" and "No" (drawn here), left to right from x.
  void form_field(const FormField& field, double x, double y, double width, double height,
                  double size, std::int32_t parent);
  // The value of a prefilled text field as drawn in its appearance, relative to the box.
  std::vector<TextOp> field_appearance(const FormField& field, double width, double height,
                                       double size) const;
  void field_row(const std::vector<FormField>& fields);
  void field_table(const std::vector<Column>& columns, std::size_t rows, std::size_t at_least,
                   const std::function<std::vector<FormCell>(std::size_t)>& row);

  // ---- tables ----

  struct TableLayout {
    std::vector<double> x;      // left edge of each column
    std::vector<double> width;  // width of each column
    std::vector<Align> align;
    std::vector<CellLines> header;
    double size = 9;
    bool striped = true;
    bool repeat_header = true;
  };
  static constexpr double kCellPadX = 5;
  static constexpr double kCellPadY = 3.5;

  double row_height(const std::vector<CellLines>& cells,
                    const std::vector<std::size_t>& from) const;

  // Sets t's columns across the text width by their weights (equal widths when none has one),
  // and their header lines wrapped in bold at t.size within `pad_x` of each side.
  void lay_out_columns(TableLayout& t, const std::vector<Column>& columns, double pad_x) const;

  // The header row; `cells` its TH elements (empty: a repeat, drawn as an artifact).
  void draw_header(const TableLayout& t, const std::vector<std::int32_t>& cells = {});

  // Draws the cells' lines from `from` on while they fit in `limit` points, each cell's tagged
  // with its element of `elements` (empty: artifacts); returns, per cell, the index of the first
  // line not drawn.
  std::vector<std::size_t> draw_cells(const TableLayout& t, const std::vector<CellLines>& cells,
                                      const std::vector<std::size_t>& from, double limit,
                                      const std::vector<std::int32_t>& elements);

  CellLines cell_lines(const Cell& cell, double width, double size, bool all_bold) const;

  void table(const std::vector<Column>& columns, const std::vector<std::vector<Cell>>& rows,
             const TableOptions& table_options);

  void stripe(const TableLayout& t, std::size_t row, double height);

  std::string finish();
};

}  // namespace pipeline::render
