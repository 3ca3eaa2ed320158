#include "pipeline/text/line_break.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <thread>

using namespace pipeline;

namespace {

std::vector<std::string> pieces(std::string_view s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (const auto& b : text::line_breaks(s)) {
    out.emplace_back(s.substr(start, b.offset - start));
    start = b.offset;
  }
  return out;
}

}  // namespace

TEST_CASE("line breaks fall after spaces and keep spaces with the word before", "[text][break]") {
  CHECK(pieces("Asociación de Trabajadores") ==
        std::vector<std::string>{"Asociación ", "de ", "Trabajadores"});
  CHECK(text::line_breaks("").empty());
}

TEST_CASE("a hyphen is a break opportunity and a newline a mandatory break", "[text][break]") {
  CHECK(pieces("MIOSHA-ADM-03") ==
        std::vector<std::string>{"MIOSHA-", "ADM-03"});  // not before digits
  const auto breaks = text::line_breaks("one\ntwo three");
  REQUIRE(breaks.size() == 3);
  CHECK(breaks[0].offset == 4);
  CHECK(breaks[0].mandatory);
  CHECK_FALSE(breaks[1].mandatory);
  CHECK_FALSE(breaks[2].mandatory);
  CHECK(breaks[2].offset == 13);
}

TEST_CASE("CJK text may break between any two ideographs or syllables", "[text][break]") {
  CHECK(pieces("王小明") == std::vector<std::string>{"王", "小", "明"});
  CHECK(pieces("김민준 박") == std::vector<std::string>{"김", "민", "준 ", "박"});
}

TEST_CASE("grapheme clusters keep a letter with its combining marks", "[text][break]") {
  const std::string decomposed = "Nguye\xCC\x82\xCC\x83n";  // e + circumflex + tilde
  const auto ends = text::grapheme_ends(decomposed);
  REQUIRE(ends.size() == 6);
  CHECK(ends[4] == 9);  // "Nguy" + "e" + two two-byte marks
  CHECK(ends.back() == decomposed.size());
}

TEST_CASE("line breaking works from several threads at once", "[text][break]") {
  std::vector<std::thread> threads;
  std::vector<std::size_t> counts(4);
  for (std::size_t t = 0; t < counts.size(); ++t)
    threads.emplace_back([&counts, t] {
      for (int i = 0; i < 200; ++i) counts[t] = text::line_breaks("a b c d e f g").size();
    });
  for (auto& thread : threads) thread.join();
  for (const auto count : counts) CHECK(count == 7u);
}
