#include "pipeline/text/unicode.hpp"

#include <catch2/catch.hpp>

using namespace pipeline;

TEST_CASE("invalid UTF-8 is located by byte offset", "[text]") {
  CHECK_FALSE(text::invalid_utf8_offset("Asociación"));
  CHECK(text::invalid_utf8_offset("ab\xC3(") == 2u);
  CHECK(text::invalid_utf8_offset("\xFF") == 0u);
}

TEST_CASE("NFC composes accents so equal names compare equal", "[text]") {
  const std::string decomposed = "Asociacio\xCC\x81n";  // o + combining acute
  CHECK(text::nfc(decomposed) == "Asociación");
  CHECK(text::same_name(decomposed, "ASOCIACIÓN"));
}

TEST_CASE("phrase matching folds case and white space", "[text]") {
  CHECK(text::fold_for_match("  Inspection\n\tDEFERRAL ") == "inspection deferral");
  CHECK(text::fold_for_match("Straße") == "strasse");
}

TEST_CASE("collation sorts accented names where a reader expects them", "[text]") {
  std::vector<std::string> names{"Zúniga", "Álvarez", "Lefèvre", "azure"};
  text::sort_collated(names);
  CHECK(names == std::vector<std::string>{"Álvarez", "azure", "Lefèvre", "Zúniga"});
}

TEST_CASE("Michigan local time resolves daylight saving", "[text]") {
  const auto summer = core::parse_datetime("2004-05-21T17:00");
  const auto zoned = core::parse_datetime("2004-05-21T21:00Z");
  CHECK(text::michigan_local_to_instant(*summer) == core::instant_with_offset(*zoned, 0));
  const auto winter = core::parse_datetime("2005-01-10T12:00");
  CHECK(text::michigan_local_to_instant(*winter).seconds ==
        core::instant_with_offset(*winter, -300).seconds);
}
