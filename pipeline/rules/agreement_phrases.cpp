#include "pipeline/rules/agreement_phrases.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "pipeline/text/unicode.hpp"

namespace pipeline::rules {

namespace {

// rules.md §2.5; MIOSHA-ADM-03-3R6 §XIV.G ("focused inspections or inspection deferral"); OSHA
// CSP 04-01-003 §I ("not exempt from OSHA inspections").
constexpr std::array<std::string_view, 9> kEnforcementPhrases{
    "inspection deferral",    "defer inspection",        "deferred inspection",
    "deferral of inspection", "exempt from inspection",  "exemption from inspection",
    "inspection exemption",   "exempt from enforcement", "exemption from enforcement"};
// rules.md §2.5, I-26: sharing information on enforcement initiatives is allowed (MIOSHA
// §XVI.B.3, App D), so this phrase is only ever a matter for review.
constexpr std::string_view kEnforcementReviewPhrase = "focused inspection";
// rules.md §2.5; MIOSHA-ADM-03-3R6 §XIV.E; OSHA CSP 04-01-003 §VIII.G.8.
constexpr std::array<std::string_view, 6> kEndorsementPhrases{
    "endorse",         "preferential",    "favorable treatment", "favourable treatment",
    "priority access", "exclusive access"};
// rules.md §2.5; MIOSHA-ADM-03-3R6 §XIV.E.2.
constexpr std::array<std::string_view, 3> kStandardsPhrases{"standards development",
                                                            "standard-setting", "standard setting"};
constexpr std::string_view kInfluence = "influence";
constexpr std::array<std::string_view, 5> kStatutoryWords{"standard", "rulemaking", "rule-making",
                                                          "rule making", "statutory"};
// rules.md §2.5: the words that negate an enforcement phrase later in their sentence.
constexpr std::array<std::u32string_view, 6> kNegationWords{U"no",    U"not",     U"nor",
                                                            U"never", U"without", U"cannot"};
constexpr std::u32string_view kSentenceEnds = U".;!?";

constexpr char32_t kRightSingleQuote = U'\u2019';

// Code points of valid UTF-8 (ingest has checked it; a stray byte is kept as itself).
std::u32string code_points(std::string_view utf8) {
  std::u32string out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size();) {
    const auto lead = static_cast<unsigned char>(utf8[i]);
    const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    char32_t c = length == 1   ? lead
                 : length == 2 ? lead & 0x1Fu
                 : length == 3 ? lead & 0x0Fu
                               : lead & 0x07u;
    for (std::size_t k = 1; k < length && i + k < utf8.size(); ++k)
      c = (c << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3Fu);
    out.push_back(c);
    i += length;
  }
  return out;
}

std::u32string widen(std::string_view ascii) {
  return std::u32string(ascii.begin(), ascii.end());
}

bool contains(const std::u32string& text, std::string_view phrase) {
  return text.find(widen(phrase)) != std::u32string::npos;
}

bool is_apostrophe(char32_t c) {
  return c == U'\'' || c == kRightSingleQuote;
}

bool is_word_char(char32_t c) {
  return is_apostrophe(c) || text::is_letter(c);
}

bool ends_with(std::u32string_view word, std::u32string_view tail) {
  return word.size() >= tail.size() && word.substr(word.size() - tail.size()) == tail;
}

// A word (quote marks around it trimmed) that negates what follows it.
bool is_negation(std::u32string_view word) {
  while (!word.empty() && is_apostrophe(word.front())) word.remove_prefix(1);
  while (!word.empty() && is_apostrophe(word.back())) word.remove_suffix(1);
  if (ends_with(word, U"n't") || ends_with(word, U"n\u2019t")) return true;
  for (const auto negation : kNegationWords)
    if (word == negation) return true;
  return false;
}

// Whether a negation word occurs in the sentence before `position`.
bool negated_at(const std::u32string& text, std::size_t position) {
  if (position == 0) return false;
  const std::size_t end = text.find_last_of(kSentenceEnds, position - 1);
  std::size_t i = end == std::u32string::npos ? 0 : end + 1;
  while (i < position) {
    if (!is_word_char(text[i])) {
      ++i;
      continue;
    }
    const std::size_t start = i;
    while (i < position && is_word_char(text[i])) ++i;
    if (is_negation(std::u32string_view(text).substr(start, i - start))) return true;
  }
  return false;
}

}  // namespace

EnforcementWording enforcement_wording(std::string_view text) {
  // The phrases are ASCII, so they occur in the folded UTF-8 exactly where they occur in its
  // code points: most text has none of them and needs no code points (nor negation search).
  const std::string folded_utf8 = text::fold_for_match(text);
  const auto in_utf8 = [&](std::string_view phrase) {
    return folded_utf8.find(phrase) != std::string::npos;
  };
  if (std::none_of(kEnforcementPhrases.begin(), kEnforcementPhrases.end(), in_utf8))
    return EnforcementWording{std::nullopt, in_utf8(kEnforcementReviewPhrase)
                                                ? std::optional(kEnforcementReviewPhrase)
                                                : std::nullopt};
  const std::u32string folded_text = code_points(folded_utf8);
  EnforcementWording wording;
  for (const auto phrase : kEnforcementPhrases) {
    const std::u32string wide = widen(phrase);
    for (std::size_t at = folded_text.find(wide); at != std::u32string::npos;
         at = folded_text.find(wide, at + 1)) {
      if (!negated_at(folded_text, at)) {
        if (!wording.unnegated) wording.unnegated = phrase;
      } else if (!wording.review) {
        wording.review = phrase;
      }
    }
  }
  if (!wording.review && contains(folded_text, kEnforcementReviewPhrase))
    wording.review = kEnforcementReviewPhrase;
  return wording;
}

std::optional<std::string_view> endorsement_phrase(std::string_view text) {
  const std::string folded_text = text::fold_for_match(text);  // ASCII phrases: see above
  for (const auto phrase : kEndorsementPhrases)
    if (folded_text.find(phrase) != std::string::npos) return phrase;
  return std::nullopt;
}

bool influences_standards(std::string_view text) {
  const std::string folded_text = text::fold_for_match(text);  // ASCII phrases: see above
  const auto contains_phrase = [&](std::string_view phrase) {
    return folded_text.find(phrase) != std::string::npos;
  };
  for (const auto phrase : kStandardsPhrases)
    if (contains_phrase(phrase)) return true;
  if (!contains_phrase(kInfluence)) return false;
  for (const auto word : kStatutoryWords)
    if (contains_phrase(word)) return true;
  return false;
}

}  // namespace pipeline::rules
