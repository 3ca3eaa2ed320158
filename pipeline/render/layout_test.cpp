#include "pipeline/render/layout.hpp"

#include <catch2/catch.hpp>

#include <thread>

#include "pipeline/core/error.hpp"
#include "pipeline/render/fonts.hpp"
#include "pipeline/render/pdf_probe_test_support.hpp"
#include "pipeline/render/render_test_support.hpp"

using namespace pipeline;
using namespace pipeline::render;

namespace {

RenderOptions test_options() {
  RenderOptions options;
  options.creation_date = *core::Date::from_ymd(2025, 1, 3);
  options.fonts = testing::fonts();
  return options;
}

const std::vector<std::string> kNames = {"Asociación de Trabajadores Agrícolas", "Nguyễn Thị Hồng",
                                         "김민준", "王小明"};

// A letter-like document exercising every block, with a table of `rows` rows.
std::string sample_document(std::size_t rows, const RenderOptions& options = test_options()) {
  DocumentInfo info;
  info.title = "Alliance Program Sample";
  info.author = "Michigan Occupational Safety and Health Administration";
  info.subject = "Layout layer test";
  info.footer = "MIOSHA Alliance Program · formpipe";
  info.letterhead = Letterhead{"Michigan Occupational Safety and Health Administration",
                               {"Consultation Education and Training Division",
                                "530 West Allegan Street, Lansing, Michigan 48933"},
                               {"January 3, 2025", "Ref. ALL-2025-014"}};
  Document doc(info, options);
  doc.heading("Alliance Program Sample");
  doc.paragraph(
      "This agreement is made between the Michigan Occupational Safety and Health Administration "
      "and the Asociación de Trabajadores Agrícolas, represented by Nguyễn Thị Hồng, with the "
      "consulate partners 김민준 and 王小明. Names print with their own glyphs.");
  doc.paragraph({bold("Term. "), regular("The alliance lasts two years from the date of the last "
                                         "signature and may be renewed.")});
  doc.heading("Goals", 2);
  doc.bullets({"Reduce falls from ladders and scaffolds in agricultural work.",
               "Offer training in Spanish, Vietnamese, Korean and Chinese."});
  doc.heading("Parties", 2);
  doc.key_values({{"Organization", kNames[0]},
                  {"Contact", kNames[1]},
                  {"Consulate", kNames[2]},
                  {"Partner", kNames[3]}});
  doc.banner("ACCEPTED — no error findings", Tone::Success);
  std::vector<std::vector<Cell>> table_rows;
  for (std::size_t i = 1; i <= rows; ++i)
    table_rows.push_back({Cell("ROW-" + std::to_string(i)),
                          Cell({regular("Activity for " + kNames[i % kNames.size()])},
                               "alliance/activities/" + std::to_string(i)),
                          Cell(std::to_string(i * 10))});
  doc.heading("Activities", 2);
  doc.table({{"Row ID", 1}, {"Description", 3}, {"Reached", 1, Align::Right}}, table_rows);
  doc.signature_blocks({{"Bart Pickelman", "Director", "MIOSHA"},
                        {kNames[1], "President", kNames[0]},
                        {kNames[2], "Consul", "Consulate General of the Republic of Korea"}});
  return doc.finish();
}

}  // namespace

TEST_CASE("a document passes qpdf --check and embeds every font as a subset", "[render][layout]") {
  const auto pdf = probe::write_file(sample_document(10), "sample.pdf");
  CHECK(probe::run("qpdf --check " + probe::quoted(pdf)).status == 0);
  const auto fonts = probe::font_lines(pdf);
  REQUIRE(fonts.size() == 3);  // DejaVu Sans, DejaVu Sans Bold, WenQuanYi Micro Hei
  for (const auto& line : fonts) {
    INFO(line);
    CHECK(line.find("CID TrueType") != std::string::npos);
    CHECK(line.find(" yes yes yes ") != std::string::npos);  // emb sub uni
  }
}

TEST_CASE("names in Spanish, Vietnamese, Korean and Chinese survive into the text",
          "[render][layout]") {
  const auto pdf = probe::write_file(sample_document(3), "names.pdf");
  const auto text = probe::all_text(pdf);
  for (const auto& name : kNames) {
    INFO(name);
    CHECK(text.find(name) != std::string::npos);
  }
  CHECK(text.find("Consulate General of the Republic of Korea") != std::string::npos);
}

TEST_CASE("every page carries Page N of M and later pages the running header", "[render][layout]") {
  const auto pdf = probe::write_file(sample_document(120), "pages.pdf");
  const auto pages = probe::page_texts(pdf);
  REQUIRE(pages.size() >= 3);
  const std::string of = " of " + std::to_string(pages.size());
  for (std::size_t i = 0; i < pages.size(); ++i) {
    INFO("page " << i + 1);
    CHECK(pages[i].find("Page " + std::to_string(i + 1) + of) != std::string::npos);
    if (i > 0) CHECK(pages[i].find("Alliance Program Sample") != std::string::npos);
  }
}

TEST_CASE("a table longer than a page repeats its header row on every page", "[render][layout]") {
  const auto pdf = probe::write_file(sample_document(120), "table.pdf");
  const auto pages = probe::page_texts(pdf);
  REQUIRE(pages.size() >= 3);
  std::size_t rows_seen = 0;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    INFO("page " << i + 1);
    const auto rows_here = probe::count(pages[i], "ROW-");
    rows_seen += rows_here;
    if (rows_here > 0) CHECK(probe::count(pages[i], "Row ID") == 1);
  }
  CHECK(rows_seen == 120);
  const bool last_row_on_a_later_page = pages.front().find("ROW-120") == std::string::npos;
  CHECK(last_row_on_a_later_page);
}

TEST_CASE("word wrap keeps every word inside the 1-inch margins, breaking long words",
          "[render][layout]") {
  DocumentInfo info;
  info.title = "Wrap";
  Document doc(info, test_options());
  const std::string long_word(300, 'W');
  doc.paragraph("Short words first, then one far too long for a line: " + long_word + " and more.");
  doc.paragraph(std::string(40, ' ') +
                "김민준은 산업안전보건 교육을 담당합니다. 王小明负责职业安全培训。");
  doc.table({{"Narrow", 1}, {"Wide", 5}},
            {{Cell(std::string(80, 'N')), Cell("Nguyễn Thị Hồng " + std::string(120, 'x'))}});
  doc.key_values({{std::string(60, 'L'), std::string(200, 'v')}});
  const auto pdf = probe::write_file(doc.finish(), "wrap.pdf");
  const auto words = probe::word_boxes(pdf);
  REQUIRE(words.size() > 20);
  std::size_t w_pieces = 0;
  for (const auto& word : words) {
    INFO(word.text << " x " << word.x_min << ".." << word.x_max);
    CHECK(word.x_min >= 72 - 0.5);
    CHECK(word.x_max <= 612 - 72 + 0.5);
    if (word.text.find_first_not_of('W') == std::string::npos) w_pieces += word.text.size();
  }
  CHECK(w_pieces == 300);  // the long word is all there, over several lines
}

TEST_CASE("Vietnamese letters keep both their accents when embedded", "[render][layout]") {
  // DejaVu draws ễ as a composite of composites; a bad subset drops the marks and leaves "e".
  const auto ink = [](const std::string& text, const std::string& name) {
    Document doc({}, test_options());
    ParagraphStyle big;
    big.size = 40;
    doc.paragraph(text, big);
    return probe::dark_pixels(probe::write_file(doc.finish(), name), 72, 140);
  };
  const long plain = ink("eeeeoooo", "plain.pdf");
  const long accented = ink("ễễễễồồồồ", "accented.pdf");
  CHECK(plain > 0);
  CHECK(accented > plain * 115 / 100);  // dropped accents would give the same ink as plain
}

TEST_CASE("document metadata comes from the info and the options", "[render][layout]") {
  const auto pdf = probe::write_file(sample_document(1), "info.pdf");
  const auto info = probe::run("pdfinfo " + probe::quoted(pdf)).out;
  CHECK(info.find("Alliance Program Sample") != std::string::npos);
  CHECK(info.find("Michigan Occupational Safety and Health Administration") != std::string::npos);
  CHECK(info.find("Creator:         formpipe") != std::string::npos);
  CHECK(info.find("Jan  3 00:00:00 2025") != std::string::npos);
  CHECK(info.find("612 x 792 pts (letter)") != std::string::npos);
}

TEST_CASE("the same document and options give the same bytes", "[render][layout]") {
  CHECK(sample_document(30) == sample_document(30));
}

TEST_CASE("documents render on two threads at once", "[render][layout]") {
  std::string a, b;
  std::thread first([&] { a = sample_document(40); });
  std::thread second([&] { b = sample_document(40); });
  first.join();
  second.join();
  CHECK(a == b);
  CHECK(a.rfind("%PDF-", 0) == 0);
}

TEST_CASE("missing fonts are an IoError naming the file", "[render][fonts]") {
  CHECK_THROWS_AS(FontSet::load("/nonexistent/fonts"), core::IoError);
}

TEST_CASE("numbered lists count their items and total rows close a table", "[render][layout]") {
  DocumentInfo info;
  info.title = "Budget";
  Document doc(info, test_options());
  doc.heading("Objectives", 2);
  doc.numbered({"Hold four ladder-safety sessions.", "Translate the fall-protection handout.",
                "Report the number of workers reached each quarter."});
  doc.heading("Table A — Budget", 2);
  TableOptions options;
  options.total_rows = 1;
  doc.table({{"Category", 3}, {"Amount", 1, Align::Right}},
            {{"Salaries", "$42,000.00"}, {"Travel", "$3,370.30"}, {"Total", "$45,370.30"}},
            options);
  const auto pdf = probe::write_file(doc.finish(), "numbered.pdf");
  const auto text = probe::all_text(pdf);
  for (const char* expected :
       {"1.", "2.", "3.", "Translate the fall-protection handout.", "Total", "$45,370.30"}) {
    INFO(expected);
    CHECK(text.find(expected) != std::string::npos);
  }
  const auto words = probe::word_boxes(pdf);
  double amount_right = 0, total_right = 0;
  for (const auto& w : words) {
    if (w.text == "$3,370.30") amount_right = w.x_max;
    if (w.text == "$45,370.30") total_right = w.x_max;
  }
  CHECK(amount_right == Approx(total_right).margin(0.5));  // right-aligned column
  CHECK(total_right == Approx(612 - 72 - 5).margin(1));    // at the cell's right padding
}
