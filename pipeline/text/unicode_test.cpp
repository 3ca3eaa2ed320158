#include "pipeline/text/unicode.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

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

namespace {

// White-space runs as one space, trimmed, all in ICU (UTF-16).
icu::UnicodeString reference_collapse(const std::string& utf8) {
  const icu::UnicodeString in = icu::UnicodeString::fromUTF8(utf8);
  icu::UnicodeString s;
  bool pending_space = false;
  for (std::int32_t i = 0; i < in.length(); i = in.moveIndex32(i, 1)) {
    const UChar32 c = in.char32At(i);
    if (u_isUWhiteSpace(c)) {
      pending_space = !s.isEmpty();
      continue;
    }
    if (pending_space) s.append(static_cast<UChar>(' '));
    pending_space = false;
    s.append(c);
  }
  return s;
}

std::string reference_collapse_spaces(const std::string& utf8) {
  std::string out;
  reference_collapse(utf8).toUTF8String(out);
  return out;
}

// ICU's collapse, NFC, fold case and NFC.
std::string reference(const std::string& utf8) {
  icu::UnicodeString s = reference_collapse(utf8);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2& nfc = *icu::Normalizer2::getNFCInstance(status);
  s = nfc.normalize(s, status);
  s.foldCase(U_FOLD_CASE_DEFAULT);
  s = nfc.normalize(s, status);
  std::string out;
  s.toUTF8String(out);
  return out;
}

}  // namespace

TEST_CASE("ASCII text folds as ICU folds it", "[text]") {
  // fold_for_match's ASCII path (no ICU) against ICU's White_Space collapse, NFC, fold case
  // and NFC (reference above).
  std::string every;
  for (int c = 1; c < 0x80; ++c) every += static_cast<char>(c);
  CHECK(text::fold_for_match(every) == reference(every));
  for (int c = 1; c < 0x80; ++c) {
    const std::string one = "a" + std::string(1, static_cast<char>(c)) + "Z";
    CHECK(text::fold_for_match(one) == reference(one));
  }
  CHECK(text::fold_for_match(" \t\v\f\r\n Lobbying   ACTIVITIES \x1c\x1f ") ==
        reference(" \t\v\f\r\n Lobbying   ACTIVITIES \x1c\x1f "));
  CHECK(text::same_name("ACME  Safety Council", "acme safety\ncouncil"));
}

TEST_CASE("non-ASCII text folds and collapses as ICU does, again and again", "[text]") {
  // fold_for_match and collapse_spaces work in UTF-8 and remember recent folds: each must still
  // give what ICU gives in UTF-16, for Unicode white space, combining marks, NUL and bytes that
  // are not UTF-8, and after other texts took the remembered slots.
  const std::vector<std::string> texts{"Hội Công nhân\u00A0Việt Nam",
                                       "\u3000 STRASSE\u2003Straße \u0085",
                                       "Asociacio\xCC\x81n  de\u2028Trabajadores\u200B",
                                       "\u00A0\u00A0",
                                       "Zoë Szabó\tcoordinating\n\nthe MATERIALS",
                                       std::string("Lan\0sing Ñ", 11),
                                       "ab\xC3( Éire",
                                       "\xFF\xFE Ωmega",
                                       "\xED\xA0\x80 surrogate Ä",
                                       "ﬁnal ǅ İstanbul ΣΑΣ"};
  for (int round = 0; round < 3; ++round) {
    for (const std::string& t : texts) {
      CHECK(text::fold_for_match(t) == reference(t));
      CHECK(text::collapse_spaces(t) == reference_collapse_spaces(t));
    }
    for (int k = 0; k < 300; ++k) {  // more texts than remembered slots
      const std::string t = "Łukasz " + std::to_string(k) + "\u00A0WIŚNIEWSKI";
      CHECK(text::fold_for_match(t) == reference(t));
    }
  }
  CHECK(text::nfc("ab\xC3( Éire") == "ab\xC3( Éire");
  CHECK(text::nfc("Asociacio\xCC\x81n") == "Asociación");
}

TEST_CASE("invalid UTF-8 is found after long ASCII runs", "[text]") {
  CHECK_FALSE(text::invalid_utf8_offset("0123456789abcdefghij Asociación 0123456789abcdef"));
  CHECK(text::invalid_utf8_offset("0123456789abcdef\xC3(") == 16u);
  CHECK(text::invalid_utf8_offset("0123456789abcdefg\xE2\x82") == 17u);
  CHECK(text::invalid_utf8_offset("01234567\xF0\x9F\x98\x80"
                                  "89abcdef\xFF") == 20u);
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

TEST_CASE("white space collapses one way: ASCII White_Space for values, XML's for templates",
          "[text]") {
  for (const std::string ascii :
       {"", " ", "a", "  a  b  ", "\ta\n\v\fb\r", "x \t\n\v\f\r y", "\v\fz\f\v"}) {
    CAPTURE(ascii);
    CHECK(text::collapse_ascii_spaces(ascii) == text::collapse_spaces(ascii));
  }
  CHECK(text::collapse_ascii_spaces(" caf\xC3\xA9\xC2\xA0 au lait ") ==
        "caf\xC3\xA9\xC2\xA0 au lait");  // only ASCII spaces: the no-break space stays
  CHECK(text::collapse_xml_spaces("\n  Signed  \t by\r\n ") == "Signed by");
  CHECK(text::collapse_xml_spaces("a\vb \f c") == "a\vb \f c");  // not XML white space
}
