#include "pipeline/render/text_layout.hpp"

#include <catch2/catch.hpp>

#include "pipeline/render/fonts.hpp"
#include "pipeline/render/render_test_support.hpp"

using namespace pipeline::render;

namespace {

std::string joined(const Line& line) {
  std::string text;
  for (const auto& piece : line.pieces) text += piece.text;
  return text;
}

}  // namespace

TEST_CASE("wrapped lines never exceed the width and keep every word", "[render][wrap]") {
  const auto fonts = testing::fonts();
  const std::string text =
      "The Asociación de Trabajadores Agrícolas and Nguyễn Thị Hồng agree to meet every quarter "
      "with 김민준 and 王小明 to review falls, heat illness and ladder safety.";
  for (const double width : {60.0, 120.0, 200.0, 468.0}) {
    INFO("width " << width);
    const auto lines = wrap_text(*fonts, {regular(text)}, 10, width);
    std::string all;
    for (const auto& line : lines) {
      CHECK(line.width <= width + 1e-9);
      all += joined(line);
    }
    std::string without_spaces;
    for (const char c : text)
      if (c != ' ') without_spaces += c;
    std::string all_without_spaces;
    for (const char c : all)
      if (c != ' ') all_without_spaces += c;
    CHECK(all_without_spaces == without_spaces);
  }
}

TEST_CASE("a word longer than the line is broken between characters", "[render][wrap]") {
  const auto fonts = testing::fonts();
  const auto lines = wrap_text(*fonts, {regular(std::string(100, 'M'))}, 10, 50);
  REQUIRE(lines.size() > 5);
  std::size_t letters = 0;
  for (const auto& line : lines) {
    CHECK(line.width <= 50);
    letters += joined(line).size();
  }
  CHECK(letters == 100);
}

TEST_CASE("characters DejaVu lacks are set in the CJK fallback face", "[render][wrap]") {
  const auto fonts = testing::fonts();
  const auto lines = wrap_text(*fonts, {regular("Mr 王小明 "), bold("김민준 Kim")}, 10, 400);
  REQUIRE(lines.size() == 1);
  const auto& pieces = lines.front().pieces;
  REQUIRE(pieces.size() == 5);
  CHECK(pieces[0].text == "Mr ");
  CHECK(fonts->face(pieces[0].face).name() == "DejaVuSans");
  CHECK(pieces[1].text == "王小明");
  CHECK(fonts->face(pieces[1].face).name() == "WenQuanYiMicroHei");
  CHECK(fonts->face(pieces[2].face).name() == "DejaVuSans");  // the space between
  CHECK(pieces[3].text == "김민준");
  CHECK(fonts->face(pieces[4].face).name() == "DejaVuSans-Bold");
  CHECK(pieces[4].text == " Kim");
  CHECK(pieces[1].x > pieces[0].x);
}

TEST_CASE("newlines force breaks and empty text gives no lines", "[render][wrap]") {
  const auto fonts = testing::fonts();
  CHECK(wrap_text(*fonts, {regular("")}, 10, 100).empty());
  const auto lines = wrap_text(*fonts, {regular("one\n\nthree")}, 10, 400);
  REQUIRE(lines.size() == 3);
  CHECK(joined(lines[0]) == "one");
  CHECK(lines[1].pieces.empty());
  CHECK(joined(lines[2]) == "three");
}

TEST_CASE("text is normalised to what the fonts can print", "[render][wrap]") {
  CHECK(printable("Nguye\xCC\x82\xCC\x83n") == "Nguyễn");  // decomposed -> NFC
  CHECK(printable("a\tb\x01"
                  "c") == "a bc");
  // Beyond the Basic Multilingual Plane kept (Symbola draws emoji); variation selectors dropped.
  CHECK(printable("grin \xF0\x9F\x98\x80") == "grin \xF0\x9F\x98\x80");
  CHECK(printable("sun \u2600\uFE0F") == "sun \u2600");
}

TEST_CASE("measured widths follow the font's advances", "[render][fonts]") {
  const auto fonts = testing::fonts();
  CHECK(fonts->text_width("", Weight::Regular, 10) == 0);
  const double ten = fonts->text_width("MMMMMMMMMM", Weight::Regular, 10);
  CHECK(ten == Approx(10 * fonts->text_width("M", Weight::Regular, 10)));
  CHECK(fonts->text_width("M", Weight::Bold, 10) > fonts->text_width("M", Weight::Regular, 10));
  CHECK(fonts->text_width("王", Weight::Regular, 10) == Approx(10).margin(0.5));  // full-width
}
