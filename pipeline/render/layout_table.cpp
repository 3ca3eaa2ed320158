// The layout layer's tables: columns sized by weight, cells wrapped, a header repeated on each
// page a table runs onto, rows split across pages only when taller than a page, totals rows
// ruled off at the foot.
#include <algorithm>
#include <limits>
#include <numeric>

#include "pipeline/render/layout_impl.hpp"

namespace pipeline::render {

double Document::Impl::row_height(const std::vector<CellLines>& cells,
                                  const std::vector<std::size_t>& from) const {
  double h = 0;
  for (std::size_t c = 0; c < cells.size(); ++c) h = std::max(h, height_of(cells[c], from[c]));
  return std::max(h, line_height(8)) + 2 * kCellPadY;
}

void Document::Impl::draw_header(const TableLayout& t, const std::vector<std::int32_t>& cells) {
  const std::vector<std::size_t> from(t.header.size(), 0);
  const double h = row_height(t.header, from);
  emit(RectOp{kLeft, y - h, kWidth, h, palette::header_fill, std::nullopt, 0});
  draw_cells(t, t.header, from, std::numeric_limits<double>::max(), cells);
  rule_at(y - h, 0.8, palette::navy);
  y -= h;
  page_has_content = true;
}

std::vector<std::size_t> Document::Impl::draw_cells(const TableLayout& t,
                                                    const std::vector<CellLines>& cells,
                                                    const std::vector<std::size_t>& from,
                                                    double limit,
                                                    const std::vector<std::int32_t>& elements) {
  std::vector<std::size_t> next(from);
  for (std::size_t c = 0; c < cells.size(); ++c) {
    const Tagging tagged(*this, c < elements.size() ? elements[c] : kArtifact);
    double top = y - kCellPadY;
    double used = 0;
    const double inner = t.width[c] - 2 * kCellPadX;
    for (std::size_t i = from[c]; i < cells[c].size(); ++i) {
      const CellLine& l = cells[c][i];
      const double lh = line_height(l.size);
      if (used + lh > limit + 0.01) break;
      draw_line(l.line, t.x[c] + kCellPadX, baseline_below(top, l.size), inner, l.size, t.align[c],
                l.color);
      top -= lh;
      used += lh;
      next[c] = i + 1;
    }
  }
  return next;
}

CellLines Document::Impl::cell_lines(const Cell& cell, double width, double size,
                                     bool all_bold) const {
  CellLines lines;
  RichText text = cell.text;
  if (all_bold)
    for (auto& span : text) span.weight = Weight::Bold;
  for (auto& l : wrap(text, size, width)) lines.push_back({std::move(l), size, palette::ink});
  if (!cell.note.empty())
    for (auto& l : wrap({regular(cell.note)}, size - 1.5, width))
      lines.push_back({std::move(l), size - 1.5, palette::muted});
  return lines;
}

void Document::Impl::lay_out_columns(TableLayout& t, const std::vector<Column>& columns,
                                     double pad_x) const {
  const double total =
      std::accumulate(columns.begin(), columns.end(), 0.0,
                      [](double sum, const Column& c) { return sum + std::max(c.weight, 0.0); });
  double x = kLeft;
  for (const auto& column : columns) {
    const double w = total > 0 ? kWidth * std::max(column.weight, 0.0) / total
                               : kWidth / static_cast<double>(columns.size());
    t.x.push_back(x);
    t.width.push_back(w);
    t.align.push_back(column.align);
    CellLines header;
    for (auto& l : wrap({bold(column.title)}, t.size, w - 2 * pad_x))
      header.push_back({std::move(l), t.size, palette::navy});
    t.header.push_back(std::move(header));
    x += w;
  }
}

void Document::Impl::table(const std::vector<Column>& columns,
                           const std::vector<std::vector<Cell>>& rows,
                           const TableOptions& table_options) {
  if (columns.empty()) return;
  TableLayout t;
  t.size = table_options.size;
  t.striped = table_options.striped;
  t.repeat_header = table_options.repeat_header;
  lay_out_columns(t, columns, kCellPadX);
  const std::vector<std::size_t> zero(columns.size(), 0);
  const double header_height = row_height(t.header, zero);

  std::vector<std::vector<CellLines>> laid_out;
  laid_out.reserve(rows.size());
  const std::size_t first_total = rows.size() - std::min(table_options.total_rows, rows.size());
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const auto& row = rows[r];
    std::vector<CellLines> cells(columns.size());
    for (std::size_t c = 0; c < columns.size() && c < row.size(); ++c)
      cells[c] = cell_lines(row[c], t.width[c] - 2 * kCellPadX, t.size, r >= first_total);
    laid_out.push_back(std::move(cells));
  }

  // The header starts on a page where the first row (or three lines of it) fits under it.
  const double first = laid_out.empty() ? 0
                                        : std::min(row_height(laid_out.front(), zero),
                                                   3 * line_height(t.size) + 2 * kCellPadY);
  ensure(header_height + first);
  // One Table: its header row once (THead; repeated on later pages as an artifact), then every
  // row (TBody), a row split across pages one TR whose cells go on over the break.
  const std::int32_t table_element = element("Table");
  const std::int32_t header_row = element("TR", element("THead", table_element));
  std::vector<std::int32_t> header_cells;
  for (std::size_t c = 0; c < columns.size(); ++c)
    header_cells.push_back(element("TH", header_row, "Column"));
  draw_header(t, header_cells);
  const std::int32_t body = laid_out.empty() ? kArtifact : element("TBody", table_element);
  for (std::size_t r = 0; r < laid_out.size(); ++r) {
    const auto& cells = laid_out[r];
    std::vector<std::size_t> from = zero;
    const std::int32_t row = element("TR", body);
    std::vector<std::int32_t> row_cells;
    for (std::size_t c = 0; c < columns.size(); ++c) row_cells.push_back(element("TD", row));
    for (;;) {
      const double h = row_height(cells, from);
      const double min_split = line_height(t.size) * 2 + 2 * kCellPadY;
      if (h > remaining() + 0.01) {
        const double page_capacity = kTop - kBottom - header_height;
        const bool must_split = h > page_capacity && remaining() >= min_split;
        if (!must_split) {
          new_page();
          if (t.repeat_header) draw_header(t);
          continue;
        }
        // Taller than a page: draw what fits here, continue the row on the next page.
        const double limit = remaining() - 2 * kCellPadY;
        stripe(t, r, remaining());
        const auto next = draw_cells(t, cells, from, limit, row_cells);
        y = kBottom;
        rule_at(y, 0.4, palette::rule);
        from = next;
        new_page();
        if (t.repeat_header) draw_header(t);
        continue;
      }
      if (r == first_total && r > 0) rule_at(y, 0.8, palette::navy);
      if (r < first_total) stripe(t, r, h);
      draw_cells(t, cells, from, std::numeric_limits<double>::max(), row_cells);
      y -= h;
      rule_at(y, 0.4, palette::rule);
      break;
    }
  }
  page_has_content = true;
  skip(14);
}

void Document::Impl::stripe(const TableLayout& t, std::size_t row, double height) {
  if (t.striped && row % 2 == 1)
    emit(RectOp{kLeft, y - height, kWidth, height, palette::stripe, std::nullopt, 0});
}

}  // namespace pipeline::render
