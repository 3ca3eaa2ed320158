// Right-to-left names (Hebrew, Arabic), running headers that must fit, and symbols and emoji:
// what a reader of the PDF sees (pdftotext, pdffonts), and what the layout hands the writer.

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <variant>
#include <vector>

#include "pipeline/ingest/alliance_profile_loader.hpp"
#include "pipeline/ingest/ingest.hpp"
#include "pipeline/render/agreement.hpp"
#include "pipeline/render/fonts.hpp"
#include "pipeline/render/layout.hpp"
#include "pipeline/render/letters.hpp"
#include "pipeline/render/pdf_probe_test_support.hpp"
#include "pipeline/render/sample_forms_test_support.hpp"
#include "pipeline/render/text_layout.hpp"

using namespace pipeline;
using namespace pipeline::render;
using probe::check_contains;

namespace {

const std::string kHebrew = "מכון הבטיחות בעבודה";    // Institute of Safety at Work
const std::string kArabic = "جمعية السلامة المهنية";  // Occupational Safety Association
const std::string kSampleOrganization = "Michigan Tree Care and Arborist Association";

std::filesystem::path agreement_pdf(const std::string& organization, const std::string& name) {
  auto xml = samples::read_sample("alliance-agreement.valid.xml");
  for (auto at = xml.find(kSampleOrganization); at != std::string::npos;
       at = xml.find(kSampleOrganization))
    xml.replace(at, kSampleOrganization.size(), organization);
  const auto submission = samples::from_xml(xml);
  const auto& agreement = samples::form_of<model::AllianceAgreement>(submission);
  const auto pdf = probe::write_file(
      render_agreement(agreement, samples::profile("miosha"), samples::options()), name);
  CHECK(probe::run("qpdf --check " + probe::quoted(pdf)).status == 0);
  return pdf;
}

// The words of `phrase` (split at spaces).
std::vector<std::string> words_of(const std::string& phrase) {
  std::vector<std::string> words;
  std::size_t start = 0;
  for (std::size_t space = phrase.find(' '); space != std::string::npos;
       space = phrase.find(' ', start)) {
    words.push_back(phrase.substr(start, space - start));
    start = space + 1;
  }
  words.push_back(phrase.substr(start));
  return words;
}

// `utf8` with its characters in reverse order.
std::string reversed(const std::string& utf8) {
  std::vector<std::string> characters;
  for (std::size_t pos = 0; pos < utf8.size();) {
    const std::size_t start = pos;
    next_code_point(utf8, pos);
    characters.push_back(utf8.substr(start, pos - start));
  }
  std::string out;
  for (auto it = characters.rbegin(); it != characters.rend(); ++it) out += *it;
  return out;
}

// Counts the lines on which `phrase` is drawn whole and right to left, and checks each: from
// left to right on the page (the order of pdftotext -bbox), its last word, ..., its first. A
// right-to-left word's box holds its letters as drawn, left to right, so reversed.
int check_right_to_left(const std::vector<probe::WordBox>& boxes, const std::string& phrase) {
  const auto words = words_of(phrase);
  const std::size_t n = words.size();
  int found = 0;
  for (std::size_t i = 0; i + n <= boxes.size(); ++i) {
    bool whole = true;
    for (std::size_t k = 0; k < n; ++k)  // logical word k is the (n-1-k)-th box from the left
      if (boxes[i + n - 1 - k].text != reversed(words[k])) whole = false;
    if (!whole) continue;
    ++found;
    for (std::size_t k = 0; k + 1 < n; ++k) {
      INFO(phrase << ": word " << k + 1 << " must stand left of word " << k);
      const auto& word = boxes[i + n - 1 - k];
      const auto& next = boxes[i + n - 2 - k];
      CHECK(next.x_max <= word.x_min + 0.5);
      CHECK(next.y_min == Approx(word.y_min).margin(1));
    }
  }
  return found;
}

// The glyph ids of `text`'s line pieces, in drawing order, for a one-line text.
std::vector<std::uint16_t> drawn_glyphs(const std::string& text) {
  const auto fonts = testing::fonts();
  const auto lines = wrap_text(*fonts, {regular(text)}, 10, 1000);
  REQUIRE(lines.size() == 1);
  std::vector<std::uint16_t> ids;
  for (const auto& piece : lines[0].pieces)
    for (const auto& glyph : piece.glyphs) ids.push_back(glyph.id);
  return ids;
}

}  // namespace

TEST_CASE("Latin text takes the fast path: no shaped glyphs", "[render][bidi]") {
  const auto fonts = testing::fonts();
  const auto lines =
      wrap_text(*fonts, {regular("Michigan Tree Care and Nguyễn Thị Hồng, 김민준")}, 10, 1000);
  REQUIRE(lines.size() == 1);
  for (const auto& piece : lines[0].pieces) CHECK(piece.glyphs.empty());
}

TEST_CASE("a Hebrew name is drawn right to left, its letters reversed on the page",
          "[render][bidi]") {
  const auto fonts = testing::fonts();
  const FontFace& dejavu = fonts->face(0);
  const auto ids = drawn_glyphs(kHebrew);
  REQUIRE(!ids.empty());
  // Leftmost glyph: the last letter (ה), rightmost: the first (מ).
  CHECK(ids.front() == dejavu.glyph(U'ה'));
  CHECK(ids.back() == dejavu.glyph(U'מ'));
}

TEST_CASE("an Arabic name is shaped with its joining forms", "[render][bidi]") {
  const auto fonts = testing::fonts();
  const FontFace& dejavu = fonts->face(0);
  for (const char32_t c : {U'ج', U'م', U'ع', U'ي', U'ة', U'س', U'ل', U'ا', U'ه', U'ن'}) {
    INFO(static_cast<unsigned>(c));
    CHECK(dejavu.has_glyph(c));  // DejaVu Sans covers the Arabic (and Hebrew) letters
  }
  const auto ids = drawn_glyphs("جمعية");
  REQUIRE(ids.size() == 5);
  // Drawn right to left: the rightmost glyph is the initial form of jeem, not its nominal
  // (isolated) glyph; the medial meem and ain are not their isolated glyphs either.
  CHECK(ids[4] != dejavu.glyph(U'ج'));
  CHECK(ids[3] != dejavu.glyph(U'م'));
  CHECK(ids[2] != dejavu.glyph(U'ع'));
}

TEST_CASE("mixed text keeps the Latin words left to right around a right-to-left name",
          "[render][bidi]") {
  const auto fonts = testing::fonts();
  const auto lines =
      wrap_text(*fonts, {regular("Between MIOSHA and " + kHebrew + " today")}, 10, 1000);
  REQUIRE(lines.size() == 1);
  std::string order;
  for (const auto& piece : lines[0].pieces) order += piece.glyphs.empty() ? "L" : "R";
  CHECK(order == "LRL");
  CHECK(lines[0].pieces[1].text == kHebrew);  // logical order kept for extraction
}

TEST_CASE("a sentence opening with a right-to-left name stays an English sentence",
          "[render][bidi]") {
  const auto fonts = testing::fonts();
  const auto lines = wrap_text(*fonts, {bold(kHebrew), regular(", a trade association")}, 10, 1000);
  REQUIRE(lines.size() == 1);
  REQUIRE(lines[0].pieces.size() == 2);
  CHECK(!lines[0].pieces[0].glyphs.empty());  // the name first, at the left
  CHECK(lines[0].pieces[1].text == ", a trade association");
  CHECK(lines[0].pieces[1].x > lines[0].pieces[0].x);
}

TEST_CASE("a Hebrew organization name reads right to left in the agreement", "[render][bidi]") {
  const auto pdf = agreement_pdf(kHebrew, "bidi-hebrew-agreement.pdf");
  const auto text = probe::flat_text(pdf);
  check_contains(text, {kHebrew});  // extracted in logical order
  CHECK(check_right_to_left(probe::word_boxes(pdf), kHebrew) >= 2);
}

TEST_CASE("an Arabic organization name reads right to left in the agreement", "[render][bidi]") {
  const auto pdf = agreement_pdf(kArabic, "bidi-arabic-agreement.pdf");
  check_contains(probe::flat_text(pdf), {kArabic});
  CHECK(check_right_to_left(probe::word_boxes(pdf), kArabic) >= 2);
}

TEST_CASE("Hebrew and Arabic organization names read right to left in a letter", "[render][bidi]") {
  const std::string sample_name = "Northern Michigan Snowplow Operators Guild";
  for (const auto& name : {kHebrew, kArabic}) {
    std::string xml = samples::read_sample("declination-letter.valid.xml");
    for (auto at = xml.find(sample_name); at != std::string::npos; at = xml.find(sample_name))
      xml.replace(at, sample_name.size(), name);
    const auto submission = samples::from_xml(xml);
    const auto& letter = samples::form_of<model::DeclinationLetter>(submission);
    const auto pdf = probe::write_file(
        render_declination_letter(letter, samples::profile("miosha"), samples::options()),
        name == kHebrew ? "bidi-hebrew-letter.pdf" : "bidi-arabic-letter.pdf");
    check_contains(probe::flat_text(pdf), {name});
    CHECK(check_right_to_left(probe::word_boxes(pdf), name) >= 1);
  }
}

TEST_CASE("a very long organization name stays inside the page in the running header",
          "[render][header]") {
  std::string name =
      "The Greater Michigan Association of Independent Tree Care, Arborist, Line "
      "Clearance, Storm Recovery and Urban Forestry Contractors and Their "
      "Apprentices";
  const auto pdf = agreement_pdf(name, "long-name-agreement.pdf");
  const auto pages = probe::page_texts(pdf);
  REQUIRE(pages.size() >= 2);
  const auto boxes = probe::word_boxes(pdf);
  REQUIRE(!boxes.empty());
  for (const auto& box : boxes) {
    INFO(box.text);
    CHECK(box.x_min >= 0);
    CHECK(box.x_max <= 612 - 72 + 0.5);  // inside the right margin, not only the page
  }
  // The header is cut with an ellipsis, not wrapped into the page.
  CHECK(probe::has(probe::all_text(pdf), "\u2026"));
}

TEST_CASE("symbols and emoji in a name are drawn from Symbola, embedded as a subset",
          "[render][emoji]") {
  const auto fonts = testing::fonts();
  const char32_t construction = 0x1F6A7;  // 🚧, beyond the Basic Multilingual Plane
  const char32_t hard_hat = 0x26D1;       // ⛑
  REQUIRE(fonts->face(fonts->face_for(construction, Weight::Regular)).name() == "Symbola");
  REQUIRE(fonts->face(fonts->face_for(hard_hat, Weight::Bold)).name() == "Symbola");

  const std::string name = "Safe Roofs \u26D1 \U0001F6A7 Crew";
  const auto pdf = agreement_pdf(name, "emoji-agreement.pdf");
  check_contains(probe::flat_text(pdf), {name});
  bool symbola = false;
  for (const auto& line : probe::font_lines(pdf)) {
    if (line.find("Symbola") == std::string::npos) continue;
    symbola = true;
    INFO(line);
    CHECK(line[6] == '+');  // a subset: "ABCDEF+Symbola"
    CHECK(line.find("CID TrueType") != std::string::npos);
    CHECK(line.find("yes yes yes") != std::string::npos);  // embedded, subset, ToUnicode
  }
  CHECK(symbola);
}
