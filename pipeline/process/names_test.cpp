#include "pipeline/process/names.hpp"

#include <catch2/catch.hpp>

#include <random>

using namespace pipeline::process;

TEST_CASE("ordinary names are recorded as they are", "[process][names]") {
  for (const char* name : {"proposal.xml", "Acta de reunión — Saint-Jérôme 2025.xml",
                           "اتحاد السلامة.xml", "שלום.csv", "a b (copy).zip", "🦺.xml"}) {
    CAPTURE(name);
    CHECK(escape_name(name) == name);
    CHECK(is_printable_text(name));
  }
}

TEST_CASE("names that are not UTF-8 or hold control characters are escaped", "[process][names]") {
  CHECK(escape_name("caf\xE9.xml") == "caf\\xE9.xml");
  CHECK(escape_name("two\nlines\r\t\x7F") == "two\\x0Alines\\x0D\\x09\\x7F");
  CHECK(escape_name("back\\slash") == "back\\\\slash");
  CHECK(escape_name(std::string("nul\0byte", 8)) == "nul\\x00byte");
  CHECK(escape_name("\xC0\xAF") == "\\xC0\\xAF");                    // overlong '/'
  CHECK(escape_name("\xED\xA0\x80") == "\\xED\\xA0\\x80");           // a surrogate
  CHECK(escape_name("\xF4\x90\x80\x80") == "\\xF4\\x90\\x80\\x80");  // past U+10FFFF
  CHECK(escape_name("\xE2\x82") == "\\xE2\\x82");                    // cut short
  CHECK(escape_name("next\xC2\x85line") == "next\\u0085line");       // NEL (C1)
  CHECK(escape_name("a\xE2\x80\xA8"
                    "b") == "a\\u2028b");  // line separator
  CHECK(escape_name("\xE2\x80\xAE"
                    "lmx.exe") == "\\u202Elmx.exe");  // right-to-left override
  CHECK(printable_text("C:\\x\n") == "C:\\x\\x0A");   // backslashes kept
  CHECK_FALSE(is_printable_text("a\nb"));
}

TEST_CASE("escaped names give back the exact bytes", "[process][names]") {
  std::mt19937 random(9);
  std::uniform_int_distribution<int> byte(0, 255), length(0, 24);
  for (int i = 0; i < 20000; ++i) {
    std::string name;
    for (int n = length(random); n > 0; --n) name += static_cast<char>(byte(random));
    const std::string escaped = escape_name(name);
    CAPTURE(escaped);
    CHECK(is_printable_text(escaped));
    CHECK(escaped.find('\n') == std::string::npos);
    CHECK(unescape_name(escaped) == name);
  }
  CHECK(unescape_name("\\u00e9") == "\xC3\xA9");
  CHECK_FALSE(unescape_name("trailing\\"));
  CHECK_FALSE(unescape_name("\\q"));
  CHECK_FALSE(unescape_name("\\x4"));
  CHECK_FALSE(unescape_name("\\uD800"));
}
