// The layout layer's fillable forms: rows of labelled boxes like the agency's paper forms, and
// tables of empty rows to fill in, each field an AcroForm widget (canvas.hpp FieldOp) tagged as
// a Form element.
#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "pipeline/render/layout_impl.hpp"

namespace pipeline::render {

namespace {

constexpr double kCaptionSize = 7;
constexpr double kRowFieldSize = 9;
constexpr double kTableFieldSize = 8;
constexpr double kBoxPad = 2;
constexpr Rgb kBoxStroke{0.45f, 0.50f, 0.58f};
constexpr Rgb kFieldTint{0.97f, 0.975f, 0.99f};

double field_height(const FormField& field, double size) {
  switch (field.type) {
    case FieldType::Multiline:
      return std::max(1, field.lines) * size * 1.25 + 4;
    case FieldType::YesNo:
      return size + 5;
    case FieldType::Text:
    case FieldType::Choice:
      break;
  }
  return size + 7;
}

FieldKind kind_of(FieldType type) {
  switch (type) {
    case FieldType::YesNo:
      return FieldKind::CheckBox;
    case FieldType::Choice:
      return FieldKind::Choice;
    case FieldType::Text:
    case FieldType::Multiline:
      break;
  }
  return FieldKind::Text;
}

}  // namespace

std::vector<TextOp> Document::Impl::field_appearance(const FormField& field, double width,
                                                     double height, double size) const {
  std::vector<TextOp> out;
  if (field.value.empty() || field.type == FieldType::YesNo) return out;
  const auto place = [&](const Line& line, double baseline) {
    for (const Piece& piece : line.pieces)
      out.push_back(TextOp{2 + piece.x, baseline, size, piece.face, palette::ink, piece.text,
                           piece.synthetic_bold, piece.glyphs});
  };
  if (field.type == FieldType::Multiline) {
    double baseline = height - 2 - size * 0.95;
    for (const Line& line : wrap({regular(field.value)}, size, width - 4)) {
      if (baseline < 0) break;
      place(line, baseline);
      baseline -= size * 1.25;
    }
  } else {
    // A value wider than the box is set smaller (down to 5.5 points), then clipped.
    Line line = single_line(field.value, size, Weight::Regular);
    double fitted = size;
    if (line.width > width - 4) {
      fitted = std::max(5.5, size * (width - 4) / line.width);
      line = single_line(field.value, fitted, Weight::Regular);
    }
    for (const Piece& piece : line.pieces)
      out.push_back(TextOp{2 + piece.x, (height - fitted * 0.7) / 2, fitted, piece.face,
                           palette::ink, piece.text, piece.synthetic_bold, piece.glyphs});
  }
  return out;
}

void Document::Impl::form_field(const FormField& field, double x, double y_at, double width,
                                double height, double size, std::int32_t parent) {
  FieldOp op;
  op.name = field.name;
  op.tooltip = field.help.empty() ? field.label : field.help;
  op.kind = kind_of(field.type);
  op.multiline = field.type == FieldType::Multiline;
  op.read_only = field.read_only;
  op.max_length = field.max_length;
  op.editable = field.editable;
  op.choices = field.choices;
  op.face = fonts->face_for(U'a', Weight::Regular);
  op.font_size = size;
  if (field.type != FieldType::YesNo) {
    op.x = x;
    op.y = y_at;
    op.width = width;
    op.height = height;
    op.value = field.value;
    op.appearance = field_appearance(field, width, height, size);
    emit(RectOp{x, y_at, width, height, kFieldTint, std::nullopt, 0});
    const Tagging form(*this, element("Form", parent));
    emit(std::move(op));
    return;
  }
  // Yes-no: two check boxes of one field, on-states "yes" and "no", each with its word.
  const double box = std::min(height, size + 2);
  const double box_y = y_at + (height - box) / 2;
  const double word_size = std::max(6.5, size - 1);
  double at = x;
  for (const auto& [state, word] : {std::pair<const char*, const char*>{"yes", "Yes"},
                                    std::pair<const char*, const char*>{"no", "No"}}) {
    FieldOp widget = op;
    widget.x = at;
    widget.y = box_y;
    widget.width = box;
    widget.height = box;
    widget.on_state = state;
    widget.value = field.value == "yes" || field.value == "no" ? field.value : std::string();
    emit(RectOp{at, box_y, box, box, std::nullopt, kBoxStroke, 0.6});
    {
      const Tagging form(*this, element("Form", parent));
      emit(std::move(widget));
    }
    const Tagging label(*this, element("P", parent));
    const Line line = single_line(word, word_size, Weight::Regular);
    draw_line(line, at + box + 2, box_y + (box - word_size * 0.7) / 2, line.width, word_size,
              Align::Left, palette::ink);
    at += box + 2 + line.width + 8;
  }
}

void Document::Impl::field_row(const std::vector<FormField>& fields) {
  if (fields.empty()) return;
  const double total = std::accumulate(
      fields.begin(), fields.end(), 0.0,
      [](double sum, const FormField& f) { return sum + std::max(f.weight, 0.01); });
  std::vector<double> widths;
  std::vector<std::vector<Line>> captions;
  double caption_height = 0;
  double body = 0;
  for (const auto& f : fields) {
    widths.push_back(kWidth * std::max(f.weight, 0.01) / total);
    captions.push_back(f.label.empty()
                           ? std::vector<Line>{}
                           : wrap({regular(f.label)}, kCaptionSize, widths.back() - 2 * kBoxPad));
    caption_height =
        std::max(caption_height, static_cast<double>(captions.back().size()) * kCaptionSize * 1.2);
    body = std::max(body, field_height(f, kRowFieldSize));
  }
  const double height = kBoxPad + caption_height + body + 2 * kBoxPad;
  ensure(height);
  const std::int32_t division = element("Div");
  double x = kLeft;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const double w = widths[i];
    emit(RectOp{x, y - height, w, height, std::nullopt, kBoxStroke, 0.6});
    if (!captions[i].empty()) {
      const Tagging caption(*this, element("P", division));
      double top = y - kBoxPad;
      for (const Line& line : captions[i]) {
        draw_line(line, x + kBoxPad, top - kCaptionSize * 0.95, w - 2 * kBoxPad, kCaptionSize,
                  Align::Left, palette::muted);
        top -= kCaptionSize * 1.2;
      }
    }
    const double field_h = field_height(fields[i], kRowFieldSize);
    form_field(fields[i], x + kBoxPad, y - height + kBoxPad + (body - field_h), w - 2 * kBoxPad,
               field_h, kRowFieldSize, division);
    x += w;
  }
  y -= height;
  page_has_content = true;
}

void Document::Impl::field_table(const std::vector<Column>& columns, std::size_t rows,
                                 std::size_t at_least,
                                 const std::function<std::vector<FormCell>(std::size_t)>& row) {
  if (columns.empty()) return;
  TableLayout t;
  t.size = 8;
  t.striped = false;
  lay_out_columns(t, columns, kBoxPad);
  const std::vector<std::size_t> zero(columns.size(), 0);
  const double header_height = row_height(t.header, zero);
  const double field_h = kTableFieldSize + 7;
  const double min_row = field_h + 2 * kBoxPad;
  ensure(header_height + min_row);
  const std::int32_t table_element = element("Table");
  const std::int32_t header_row = element("TR", element("THead", table_element));
  std::vector<std::int32_t> header_cells;
  for (std::size_t c = 0; c < columns.size(); ++c)
    header_cells.push_back(element("TH", header_row, "Column"));
  draw_header(t, header_cells);
  if (rows == 0)
    rows = std::max(at_least, static_cast<std::size_t>(std::floor((remaining() + 0.01) / min_row)));
  const std::int32_t body = element("TBody", table_element);
  for (std::size_t position = 1; position <= rows; ++position) {
    const std::vector<FormCell> cells = row(position);
    std::vector<CellLines> texts(columns.size());
    for (std::size_t c = 0; c < columns.size() && c < cells.size(); ++c)
      if (!cells[c].field && !cells[c].text.empty())
        texts[c] = cell_lines(Cell(cells[c].text), t.width[c] - 2 * kBoxPad, t.size, false);
    double h = min_row;
    for (const auto& lines : texts) h = std::max(h, height_of(lines) + 2 * kBoxPad);
    for (std::size_t c = 0; c < columns.size() && c < cells.size(); ++c)
      if (cells[c].field && cells[c].field->type == FieldType::Multiline)
        h = std::max(h, field_height(*cells[c].field, kTableFieldSize) + 2 * kBoxPad);
    if (h > remaining() + 0.01) {
      new_page();
      draw_header(t);
    }
    const std::int32_t tr = element("TR", body);
    for (std::size_t c = 0; c < columns.size(); ++c) {
      const std::int32_t td = element("TD", tr);
      emit(RectOp{t.x[c], y - h, t.width[c], h, std::nullopt, kBoxStroke, 0.5});
      if (c >= cells.size()) continue;
      if (cells[c].field) {
        const FormField& f = *cells[c].field;
        const double fh = f.type == FieldType::Multiline ? h - 2 * kBoxPad : field_h;
        form_field(f, t.x[c] + kBoxPad, y - kBoxPad - fh, t.width[c] - 2 * kBoxPad, fh,
                   kTableFieldSize, td);
      } else {
        const Tagging cell(*this, td);
        double top = y - kBoxPad;
        for (const CellLine& l : texts[c]) {
          draw_line(l.line, t.x[c] + kBoxPad, baseline_below(top, l.size), t.width[c] - 2 * kBoxPad,
                    l.size, t.align[c], l.color);
          top -= line_height(l.size);
        }
      }
    }
    y -= h;
    page_has_content = true;
  }
  skip(10);
}

}  // namespace pipeline::render
