#pragma once
//! The layout layer every formpipe document is written with. A Document flows blocks —
//! headings, paragraphs, lists, key–value blocks, tables, banners, signature blocks — down US
//! Letter pages with 1-inch margins, starting a new page when a block does not fit, and on
//! finish() adds the running header and the "Page N of M" footer to every page and returns the
//! PDF bytes. Text is UTF-8; a character the main font lacks (Korean, Chinese) is set in the
//! fallback font, and every font is embedded as a subset.
//!
//!   DocumentInfo info;
//!   info.title = "Alliance Agreement";
//!   Document doc(info, options);
//!   doc.heading("Alliance Agreement");
//!   doc.paragraph("The Michigan Occupational Safety and Health Administration and ...");
//!   doc.table({{"Goal", 3}, {"Measure", 2, Align::Right}}, rows);
//!   doc.signature_blocks(signatories);
//!   std::string pdf = doc.finish();
//!
//! Every PDF is tagged (PDF/UA-1) and archival (PDF/A-2a): each block becomes structure
//! elements in reading order — headings H1–H3 (never skipping a level), P, lists L/LI/Lbl/LBody,
//! tables Table/THead/TBody/TR/TH/TD (key–value blocks a table of row headers), signature blocks
//! a Div with a Form holding the signature field — and rules, tints, running headers, footers
//! and repeated table header rows are artifacts.
//!
//! A Document is single-use and not thread-safe; separate Documents may be built on separate
//! threads at once (they share the read-only FontSet). Errors: RenderError from HarfBuzz,
//! core::IoError when the fonts are missing.

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pipeline/render/options.hpp"
#include "pipeline/render/style.hpp"

namespace pipeline::render {

// The agency's name and address block at the top of the first page.
struct Letterhead {
  std::string organization;        // "Michigan Occupational Safety and Health Administration"
  std::vector<std::string> lines;  // under it, small: division, street, city, telephone
  std::vector<std::string> aside;  // right-aligned, small: date, reference number
};

struct DocumentInfo {
  std::string title;                     // PDF Title; also the running header of pages 2..N
  std::string author;                    // PDF Author (the agency)
  std::string subject;                   // PDF Subject
  std::string keywords;                  // PDF Keywords
  std::optional<Letterhead> letterhead;  // drawn at the top of page 1
  std::string footer;  // left side of every footer; the right side is "Page N of M"
  std::string lang;    // natural language, BCP 47 ("es-US"); empty: "en-US"
  // Which formpipe document this is, recorded in the PDF's XMP metadata: "agreement",
  // "letter", "diary-sheet", "annual-report", "proposal-summary", "compliance-summary".
  std::string kind;
  // A fillable form's identity (docs/forms.md): the form kind, its profile and the version of
  // its field layout; empty for other documents.
  std::string form;
  std::string profile;
  std::string form_version;
};

struct ParagraphStyle {
  double size = 10;  // points
  Align align = Align::Left;
  bool muted = false;      // grey, for notes and fine print
  double space_after = 6;  // points below the paragraph
  // Part of the document's title (an agreement's centred title lines): read as a heading of
  // level 1, one with the title paragraphs right before it.
  bool title = false;
};

// A table column: its header, its share of the table width (weights are normalised), and the
// alignment of its header and cells.
struct Column {
  std::string title;
  double weight = 1;
  Align align = Align::Left;
};

// A table cell: text, and an optional note set under it in small grey type (a location).
struct Cell {
  RichText text;
  std::string note;

  Cell() = default;
  Cell(std::string plain) : text{Span{std::move(plain)}} {}  // NOLINT: implicit by design
  Cell(const char* plain) : text{Span{plain}} {}             // NOLINT: implicit by design
  Cell(RichText rich, std::string small_note = {})
      : text(std::move(rich)), note(std::move(small_note)) {}
};

struct TableOptions {
  double size = 9;             // body text size, points
  bool repeat_header = true;   // header row again at the top of every page the table reaches
  bool striped = true;         // tint every other row
  std::size_t total_rows = 0;  // the last rows are totals: bold, under a heavier rule
};

// A fillable form field (docs/forms.md): what a person types into, named by its element path.
enum class FieldType {
  Text,       // a single-line text field
  Multiline,  // a multi-line text field (narratives, descriptions)
  YesNo,      // one check box field with two widgets printed "Yes" and "No"
  Choice,     // a combo box of `choices`
};

struct FormField {
  std::string name;  // fully qualified: "activities.activity.3.date"
  FieldType type = FieldType::Text;
  std::string label;  // the caption printed with it ("Name of Organization"); may be empty
  std::string help;   // /TU: what to type
  std::vector<std::string> choices;  // Choice: the words listed
  bool editable = false;             // Choice: words not listed may be typed
  bool read_only = false;
  int max_length = 0;  // Text: at most this many characters (0: no limit)
  int lines = 1;       // Multiline: height in lines
  double weight = 1;   // share of its row's width (field rows)
  std::string value;   // prefilled value: text, a choice's word, "yes" or "no"
};

// A cell of a form table: text, or a field.
struct FormCell {
  RichText text;
  std::optional<FormField> field;
};

// Colour of a banner.
enum class Tone { Neutral, Success, Warning, Error };

// One person who signs: name, title and organization under a signature line and a date line.
struct Signatory {
  std::string name;
  std::string title;
  std::string organization;
};

class Document {
 public:
  // Starts page 1 (with the letterhead, if any), with the fonts of options.fonts (required:
  // core::Error without them).
  Document(DocumentInfo info, RenderOptions options);
  ~Document();
  Document(Document&&) noexcept;
  Document& operator=(Document&&) noexcept;

  // Level 1: document title (18 pt); 2: section with a rule under it; 3: subsection. Moves to
  // the next page rather than sit alone at the foot of one.
  void heading(std::string_view text, int level = 1);
  // Word-wrapped text; "\n" starts a new line. Breaks across pages between lines.
  void paragraph(std::string_view text, const ParagraphStyle& style = {});
  void paragraph(const RichText& text, const ParagraphStyle& style = {});
  // A bulleted list, one item per entry, wrapped under its own indent.
  void bullets(const std::vector<std::string>& items);
  void bullets_rich(const std::vector<RichText>& items);
  // A numbered list "1.", "2.", ... laid out like bullets.
  void numbered(const std::vector<std::string>& items);
  // Label–value pairs: labels in a bold column sized to the longest (at most 40% of the width).
  void key_values(const std::vector<std::pair<std::string, std::string>>& items);
  // A table across the text width. Rows break across pages and the header row repeats; a row
  // taller than a page is split between its lines.
  void table(const std::vector<Column>& columns, const std::vector<std::vector<Cell>>& rows,
             const TableOptions& options = {});
  // A full-width tinted box with bold text and a coloured bar at its left edge.
  void banner(std::string_view text, Tone tone);
  // Signature blocks, two per row; a block never breaks across pages. Each block's signature
  // line carries an empty signature field (signing.md §1): "signature-1", "signature-2", ... in
  // document order, described as "Signature of NAME, TITLE, ORGANIZATION".
  void signature_blocks(const std::vector<Signatory>& signatories);
  // An empty signature field for `signer` alone, `width` points wide, in `height` points of
  // vertical space at the cursor (a letter's space after "Sincerely,"); nothing is printed.
  void signature_field(const Signatory& signer, double height = 40, double width = 216);
  // A row of labelled boxes across the text width, as on the agency's paper forms: each box
  // holds its caption in small type and its field under it; widths by weight. The row keeps
  // to one page. Fields are tagged as Form elements, each after its caption.
  void field_row(const std::vector<FormField>& fields);
  // A table of fields with a header row: `row(position)` gives the cells of row `position`
  // (from 1). With rows 0 the table has as many rows as fill the page it starts on, at least
  // `at_least`; a table longer than the page goes on over the next pages under its header row
  // again (an artifact there).
  void field_table(const std::vector<Column>& columns, std::size_t rows, std::size_t at_least,
                   const std::function<std::vector<FormCell>(std::size_t)>& row);
  // The same with rows given: a fixed table (Table C: a row per category).
  void field_table(const std::vector<Column>& columns,
                   const std::vector<std::vector<FormCell>>& rows);

  // A thin full-width rule.
  void rule();
  // Vertical space in points (dropped at the top of a page).
  void space(double points);
  // Continues on a new page (no-op when the current page is still empty).
  void page_break();

  // Width of the text column, points (468 on US Letter with 1-inch margins).
  double content_width() const;
  // Space left on the current page, points.
  double remaining_height() const;
  // Width of `text` in points at `size`, as the layout measures it.
  double text_width(std::string_view text, double size, Weight weight = Weight::Regular) const;
  int page_count() const;

  // Adds headers and footers and returns the PDF bytes. Call once; the Document is spent after.
  std::string finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace pipeline::render
