#include "pipeline/render/layout.hpp"

#include <algorithm>
#include <limits>
#include <numeric>
#include <optional>

#include "pipeline/core/error.hpp"
#include "pipeline/render/layout_impl.hpp"
#include "pipeline/text/line_break.hpp"

namespace pipeline::render {

namespace {

struct ToneColors {
  Rgb fill;
  Rgb bar;
  Rgb text;
};

ToneColors tone_colors(Tone tone) {
  switch (tone) {
    case Tone::Success:
      return {{0.91f, 0.96f, 0.92f}, {0.12f, 0.50f, 0.25f}, {0.07f, 0.36f, 0.17f}};
    case Tone::Warning:
      return {{1.00f, 0.96f, 0.87f}, {0.85f, 0.56f, 0.06f}, {0.48f, 0.30f, 0.00f}};
    case Tone::Error:
      return {{0.99f, 0.92f, 0.92f}, {0.72f, 0.13f, 0.13f}, {0.58f, 0.08f, 0.08f}};
    case Tone::Neutral:
      break;
  }
  return {{0.93f, 0.95f, 0.97f}, palette::navy, palette::navy};
}

}  // namespace

Document::Impl::Impl(DocumentInfo i, RenderOptions o) : info(std::move(i)), options(std::move(o)) {
  if (!options.fonts) throw core::Error("render: no fonts were given to lay the document out with");
  fonts = options.fonts;
  structure.elements.push_back({"Document", -1, {}});
  new_page();
  if (info.letterhead) draw_letterhead(*info.letterhead);
}

std::int32_t Document::Impl::element(std::string type, std::int32_t parent, std::string scope) {
  structure.elements.push_back({std::move(type), parent, std::move(scope)});
  return static_cast<std::int32_t>(structure.elements.size() - 1);
}

int Document::Impl::heading_element_level(int level) {
  heading_level = std::clamp(level, 1, std::min(3, heading_level + 1));
  return heading_level;
}

void Document::Impl::new_page() {
  pages.emplace_back();
  y = kTop;
  page_has_content = false;
}

void Document::Impl::ensure(double height) {
  if (height > remaining() + 0.01 && page_has_content) new_page();
}

void Document::Impl::skip(double points) {
  if (page_has_content) y = std::max(kBottom, y - points);
}

std::vector<Line> Document::Impl::wrap(const RichText& text, double size, double width) const {
  return wrap_text(*fonts, text, size, width);
}

Line Document::Impl::single_line(std::string_view text, double size, Weight weight) const {
  auto lines = wrap({Span{std::string(text), weight}}, size, std::numeric_limits<double>::max());
  return lines.empty() ? Line{} : std::move(lines.front());
}

void Document::Impl::draw_line(const Line& line, double x, double baseline, double width,
                               double size, Align align, Rgb color) {
  double offset = 0;
  if (align == Align::Right) offset = width - line.width;
  if (align == Align::Center) offset = (width - line.width) / 2;
  for (std::size_t i = 0; i < line.pieces.size(); ++i) {
    const Piece& piece = line.pieces[i];
    TextOp op{x + offset + piece.x, baseline,    size, piece.face, color, piece.text,
              piece.synthetic_bold, piece.glyphs};
    // Tagged text ends each line with the space the line broke at (drawn, invisible past the
    // last glyph), so text taken from the structure tree reads "end of line start of next"
    // rather than running the words together.
    if (tag != kArtifact && line.broke_at_space && i + 1 == line.pieces.size() &&
        op.glyphs.empty() && !op.text.empty() && op.text.back() != ' ' &&
        fonts->face(op.face).has_glyph(' '))
      op.text += ' ';
    emit(std::move(op));
  }
}

void Document::Impl::flow_lines(const std::vector<Line>& lines, double x, double width, double size,
                                Align align, Rgb color) {
  const double lh = line_height(size);
  ensure(std::min<double>(2, static_cast<double>(lines.size())) * lh);  // no lone first line
  for (const auto& line : lines) {
    ensure(lh);
    draw_line(line, x, baseline_below(y, size), width, size, align, color);
    y -= lh;
    page_has_content = true;
  }
}

void Document::Impl::rule_at(double at, double width, Rgb color, double x1, double x2) {
  emit(LineOp{x1, at, x2, at, width, color});
}

void Document::Impl::draw_letterhead(const Letterhead& head) {
  const double top = kPageHeight - 50;
  const double name_width = head.aside.empty() ? kWidth : kWidth * 0.66;
  double baseline = top - 14 * 0.8;
  double bottom = baseline;
  tag = element("P");
  for (const auto& line : wrap({bold(head.organization)}, 14, name_width)) {
    draw_line(line, kLeft, baseline, name_width, 14, Align::Left, palette::navy);
    bottom = baseline;
    baseline -= 17;
  }
  tag = kArtifact;
  baseline = bottom - 12;
  for (const auto& text : head.lines) {
    const Tagging line(*this, element("P"));
    draw_line(single_line(text, 8.5, Weight::Regular), kLeft, baseline, kWidth, 8.5, Align::Left,
              palette::muted);
    bottom = baseline;
    baseline -= 11;
  }
  baseline = top - 8.5 * 0.8;
  for (const auto& text : head.aside) {
    const Tagging line(*this, element("P"));
    draw_line(single_line(text, 8.5, Weight::Regular), kLeft, baseline, kWidth, 8.5, Align::Right,
              palette::muted);
    bottom = std::min(bottom, baseline);
    baseline -= 11;
  }
  const double rule_y = bottom - 8;
  rule_at(rule_y, 1.2, palette::navy);
  y = std::min(kTop, rule_y - 22);
}

Line Document::Impl::fitted_line(const std::string& text, double size, Weight weight,
                                 double width) const {
  Line whole = single_line(text, size, weight);
  if (whole.width <= width) return whole;
  const std::string clean = printable(text);
  const auto ends = text::grapheme_ends(clean);
  const auto cut = [&](std::size_t n) {
    std::string head = clean.substr(0, n == 0 ? 0 : ends[n - 1]);
    while (!head.empty() && head.back() == ' ') head.pop_back();
    return single_line(head + "\u2026", size, weight);
  };
  // The most clusters that fit, by bisection: the width grows with the clusters kept.
  std::size_t low = 0;
  std::size_t high = ends.size();
  while (low < high) {
    const std::size_t mid = (low + high + 1) / 2;
    if (cut(mid).width <= width)
      low = mid;
    else
      high = mid - 1;
  }
  return cut(low);
}

void Document::Impl::draw_page_furniture(std::size_t index, std::size_t count) {
  PageOps& ops = pages[index];
  const auto push_line = [&](const Line& line, double x, double baseline, Align align) {
    double offset = 0;
    if (align == Align::Right) offset = -line.width;
    for (const auto& piece : line.pieces)
      ops.ops.push_back(TextOp{x + offset + piece.x, baseline, 8, piece.face, palette::muted,
                               piece.text, piece.synthetic_bold, piece.glyphs});
    ops.tags.resize(ops.ops.size(), kArtifact);
  };
  if (index > 0 && !info.title.empty()) {
    if (!running_header) running_header = fitted_line(info.title, 8, Weight::Regular, kWidth);
    push_line(*running_header, kLeft, kPageHeight - 46, Align::Left);
    ops.ops.push_back(
        LineOp{kLeft, kPageHeight - 52, kRight, kPageHeight - 52, 0.5, palette::rule});
  }
  ops.ops.push_back(LineOp{kLeft, 58, kRight, 58, 0.5, palette::rule});
  ops.tags.resize(ops.ops.size(), kArtifact);
  if (!info.footer.empty())
    push_line(single_line(info.footer, 8, Weight::Regular), kLeft, 46, Align::Left);
  const std::string number = "Page " + std::to_string(index + 1) + " of " + std::to_string(count);
  push_line(single_line(number, 8, Weight::Regular), kRight, 46, Align::Right);
}

void Document::Impl::heading(std::string_view text, int level) {
  const double size = level <= 1 ? 18 : level == 2 ? 12.5 : 10.5;
  const double before = level <= 1 ? 14 : level == 2 ? 16 : 10;
  const double after = level <= 1 ? 8 : level == 2 ? 8 : 3;
  const Rgb color = level <= 2 ? palette::navy : palette::ink;
  const auto lines = wrap({bold(std::string(text))}, size, kWidth);
  const double height = static_cast<double>(lines.size()) * line_height(size);
  // Keep the heading with at least three lines of what follows it.
  ensure(before + height + after + 3 * line_height(kBodySize));
  skip(before);
  const Tagging tagged(*this, element("H" + std::to_string(heading_element_level(level))));
  for (const auto& line : lines) {
    draw_line(line, kLeft, baseline_below(y, size), kWidth, size, Align::Left, color);
    y -= line_height(size);
  }
  page_has_content = true;
  if (level == 2) {
    rule_at(y - 1, 0.75, palette::rule);
    y -= 1;
  }
  y -= after;
}

void Document::Impl::paragraph(const RichText& text, const ParagraphStyle& style) {
  auto lines = wrap(text, style.size, kWidth);
  if (lines.empty()) return;
  if (style.title) lines.back().broke_at_space = true;  // the title goes on in the next one
  std::int32_t tagged_as = kArtifact;
  if (!style.title) {
    tagged_as = element("P");
  } else if (title != kArtifact &&
             title == static_cast<std::int32_t>(structure.elements.size()) - 1) {
    tagged_as = title;  // the title goes on: one heading
  } else {
    tagged_as = title = element("H" + std::to_string(heading_element_level(1)));
  }
  const Tagging tagged(*this, tagged_as);
  flow_lines(lines, kLeft, kWidth, style.size, style.align,
             style.muted ? palette::muted : palette::ink);
  skip(style.space_after);
}

void Document::Impl::list(const std::vector<RichText>& items, bool numbered) {
  const double indent = numbered ? 22 : 16;
  std::int32_t list_element = kArtifact;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto lines = wrap(items[i], kBodySize, kWidth - indent);
    if (lines.empty()) continue;
    if (list_element == kArtifact) list_element = element("L");
    const std::int32_t item = element("LI", list_element);
    const double lh = line_height(kBodySize);
    ensure(std::min<double>(2, static_cast<double>(lines.size())) * lh);
    const std::string label = numbered ? std::to_string(i + 1) + "." : "\u2022";
    {
      const Tagging tagged(*this, element("Lbl", item));
      draw_line(single_line(label, kBodySize, Weight::Regular), kLeft, baseline_below(y, kBodySize),
                indent - 7, kBodySize, Align::Right, numbered ? palette::ink : palette::navy);
    }
    const Tagging tagged(*this, element("LBody", item));
    flow_lines(lines, kLeft + indent, kWidth - indent, kBodySize, Align::Left, palette::ink);
    skip(3);
  }
  skip(5);
}

void Document::Impl::key_values(const std::vector<std::pair<std::string, std::string>>& items) {
  constexpr double gap = 14;
  double label_width = 0;
  for (const auto& [label, value] : items)
    label_width =
        std::max(label_width, fonts->text_width(printable(label), Weight::Bold, kBodySize));
  label_width = std::min(label_width + gap, kWidth * 0.4);
  const double value_width = kWidth - label_width;
  const double lh = line_height(kBodySize);
  // A table of row headers: each label the header of its value.
  const std::int32_t table = items.empty() ? kArtifact : element("Table");
  for (const auto& [label, value] : items) {
    const std::int32_t row = element("TR", table);
    const std::int32_t header = element("TH", row, "Row");
    const std::int32_t cell = element("TD", row);
    const auto label_lines = wrap({bold(label)}, kBodySize, label_width - gap);
    const auto value_lines = wrap({regular(value)}, kBodySize, value_width);
    const double rows = static_cast<double>(
        std::max<std::size_t>(1, std::max(label_lines.size(), value_lines.size())));
    ensure(rows * lh);
    const double top = y;
    tag = header;
    for (std::size_t i = 0; i < label_lines.size(); ++i)
      draw_line(label_lines[i], kLeft, baseline_below(top - static_cast<double>(i) * lh, kBodySize),
                label_width, kBodySize, Align::Left, palette::muted);
    tag = cell;
    for (std::size_t i = 0; i < value_lines.size(); ++i)
      draw_line(value_lines[i], kLeft + label_width,
                baseline_below(top - static_cast<double>(i) * lh, kBodySize), value_width,
                kBodySize, Align::Left, palette::ink);
    tag = kArtifact;
    y -= rows * lh + 2;
    page_has_content = true;
  }
  skip(6);
}

void Document::Impl::banner(std::string_view text, Tone tone) {
  constexpr double pad = 9;
  constexpr double bar = 4;
  constexpr double size = 10.5;
  const ToneColors colors = tone_colors(tone);
  const auto lines = wrap({bold(std::string(text))}, size, kWidth - bar - 2 * pad);
  const double height = static_cast<double>(lines.size()) * line_height(size) + 2 * pad;
  ensure(height);
  emit(RectOp{kLeft, y - height, kWidth, height, colors.fill, std::nullopt, 0});
  emit(RectOp{kLeft, y - height, bar, height, colors.bar, std::nullopt, 0});
  const Tagging tagged(*this, element("P"));
  double top = y - pad;
  for (const auto& line : lines) {
    draw_line(line, kLeft + bar + pad, baseline_below(top, size), kWidth, size, Align::Left,
              colors.text);
    top -= line_height(size);
  }
  y -= height;
  page_has_content = true;
  skip(12);
}

void Document::Impl::signature_blocks(const std::vector<Signatory>& signatories) {
  constexpr double gutter = 36;
  constexpr double column = (kWidth - gutter) / 2;
  constexpr double signing_space = 34;
  constexpr double date_width = 78;
  for (std::size_t i = 0; i < signatories.size(); i += 2) {
    // A block's lines: the name, the title, the organization (part 0, 1, 2), each wrapped.
    struct Block {
      std::vector<CellLine> lines;
      std::vector<int> part;
    };
    std::vector<Block> blocks;
    double tallest = 0;
    for (std::size_t j = i; j < std::min(i + 2, signatories.size()); ++j) {
      const Signatory& s = signatories[j];
      Block block;
      const auto add = [&](const std::string& text, Weight weight, double size, Rgb color,
                           int part) {
        for (auto& l : wrap({Span{text, weight}}, size, column)) {
          block.lines.push_back({std::move(l), size, color});
          block.part.push_back(part);
        }
      };
      add(s.name, Weight::Bold, kBodySize, palette::ink, 0);
      add(s.title, Weight::Regular, 9.5, palette::ink, 1);
      add(s.organization, Weight::Regular, 9.5, palette::muted, 2);
      tallest = std::max(tallest, height_of(block.lines));
      blocks.push_back(std::move(block));
    }
    const double height = signing_space + 14 + tallest;
    ensure(height);
    for (std::size_t k = 0; k < blocks.size(); ++k) {
      const std::int32_t division = element("Div");
      const double x = kLeft + static_cast<double>(k) * (column + gutter);
      const double line_y = y - signing_space;
      emit(LineOp{x, line_y, x + column - date_width - 12, line_y, 0.6, palette::ink});
      {
        // The field lies on the signature part of the line, over the space above it.
        const Tagging form(*this, element("Form", division));
        field(x, line_y, column - date_width - 12, signing_space - 4, signatories[i + k]);
      }
      emit(LineOp{x + column - date_width, line_y, x + column, line_y, 0.6, palette::ink});
      tag = element("P", division);
      draw_line(single_line("Signature", 7.5, Weight::Regular), x, line_y - 9, column, 7.5,
                Align::Left, palette::muted);
      tag = element("P", division);
      draw_line(single_line("Date", 7.5, Weight::Regular), x + column - date_width, line_y - 9,
                date_width, 7.5, Align::Left, palette::muted);
      double top = line_y - 14;
      int part = -1;
      for (std::size_t l = 0; l < blocks[k].lines.size(); ++l) {
        if (blocks[k].part[l] != part) {
          part = blocks[k].part[l];
          tag = element("P", division);
        }
        const CellLine& line = blocks[k].lines[l];
        draw_line(line.line, x, baseline_below(top, line.size), column, line.size, Align::Left,
                  line.color);
        top -= line_height(line.size);
      }
      tag = kArtifact;
    }
    y -= height;
    page_has_content = true;
    skip(20);
  }
}

void Document::Impl::field(double x, double y_at, double width, double height,
                           const Signatory& signer) {
  std::string tooltip = "Signature of ";
  bool first = true;
  for (const std::string* part : {&signer.name, &signer.title, &signer.organization}) {
    if (part->empty()) continue;
    if (!first) tooltip += ", ";
    tooltip += *part;
    first = false;
  }
  FieldOp op;
  op.x = x;
  op.y = y_at;
  op.width = width;
  op.height = height;
  op.name = "signature-" + std::to_string(++signature_fields);
  op.tooltip = std::move(tooltip);
  emit(std::move(op));
}

void Document::Impl::signature_field(const Signatory& signer, double height, double width) {
  ensure(height);
  const Tagging form(*this, element("Form"));
  field(kLeft, y - height, std::min(width, kWidth), height, signer);
  y -= height;
  page_has_content = true;
}

std::string Document::Impl::finish() {
  if (finished) throw core::Error("Document::finish called twice");
  finished = true;
  for (std::size_t i = 0; i < pages.size(); ++i) draw_page_furniture(i, pages.size());
  PdfMetadata metadata;
  metadata.title = info.title;
  metadata.author = info.author;
  metadata.subject = info.subject;
  metadata.keywords = info.keywords;
  metadata.lang = info.lang;
  metadata.kind = info.kind;
  metadata.form = info.form;
  metadata.profile = info.profile;
  metadata.form_version = info.form_version;
  metadata.structure = std::move(structure);
  return (options.backend ? options.backend : write_pdf)(pages, metadata, *fonts, options);
}

Document::Document(DocumentInfo info, RenderOptions options)
    : impl_(std::make_unique<Impl>(std::move(info), std::move(options))) {}
Document::~Document() = default;
Document::Document(Document&&) noexcept = default;
Document& Document::operator=(Document&&) noexcept = default;

void Document::heading(std::string_view text, int level) {
  impl_->heading(text, level);
}
void Document::paragraph(std::string_view text, const ParagraphStyle& style) {
  impl_->paragraph({Span{std::string(text)}}, style);
}
void Document::paragraph(const RichText& text, const ParagraphStyle& style) {
  impl_->paragraph(text, style);
}
void Document::bullets(const std::vector<std::string>& items) {
  std::vector<RichText> rich;
  rich.reserve(items.size());
  for (const auto& item : items) rich.push_back({Span{item}});
  impl_->list(rich, false);
}
void Document::numbered(const std::vector<std::string>& items) {
  std::vector<RichText> rich;
  rich.reserve(items.size());
  for (const auto& item : items) rich.push_back({Span{item}});
  impl_->list(rich, true);
}
void Document::bullets_rich(const std::vector<RichText>& items) {
  impl_->list(items, false);
}
void Document::key_values(const std::vector<std::pair<std::string, std::string>>& items) {
  impl_->key_values(items);
}
void Document::table(const std::vector<Column>& columns, const std::vector<std::vector<Cell>>& rows,
                     const TableOptions& options) {
  impl_->table(columns, rows, options);
}
void Document::banner(std::string_view text, Tone tone) {
  impl_->banner(text, tone);
}
void Document::signature_blocks(const std::vector<Signatory>& signatories) {
  impl_->signature_blocks(signatories);
}
void Document::signature_field(const Signatory& signer, double height, double width) {
  impl_->signature_field(signer, height, width);
}
void Document::field_row(const std::vector<FormField>& fields) {
  impl_->field_row(fields);
}
void Document::field_table(const std::vector<Column>& columns, std::size_t rows,
                           std::size_t at_least,
                           const std::function<std::vector<FormCell>(std::size_t)>& row) {
  impl_->field_table(columns, rows, at_least, row);
}
void Document::field_table(const std::vector<Column>& columns,
                           const std::vector<std::vector<FormCell>>& rows) {
  impl_->field_table(columns, rows.size(), 0,
                     [&rows](std::size_t position) { return rows[position - 1]; });
}
void Document::rule() {
  impl_->ensure(12);
  impl_->skip(4);
  impl_->rule_at(impl_->y, 0.5, palette::rule);
  impl_->page_has_content = true;
  impl_->skip(8);
}
void Document::space(double points) {
  impl_->skip(points);
}
void Document::page_break() {
  if (impl_->page_has_content) impl_->new_page();
}
double Document::content_width() const {
  return kWidth;
}
double Document::remaining_height() const {
  return impl_->remaining();
}
double Document::text_width(std::string_view text, double size, Weight weight) const {
  return impl_->fonts->text_width(printable(text), weight, size);
}
int Document::page_count() const {
  return static_cast<int>(impl_->pages.size());
}
std::string Document::finish() {
  return impl_->finish();
}

}  // namespace pipeline::render
