#include "pipeline/text/unicode.hpp"

#include <unicode/coll.h>
#include <unicode/normalizer2.h>
#include <unicode/timezone.h>
#include <unicode/ucal.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstring>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "pipeline/core/error.hpp"

namespace pipeline::text {

namespace {

icu::UnicodeString from_utf8(std::string_view s) {
  return icu::UnicodeString::fromUTF8(
      icu::StringPiece(s.data(), static_cast<std::int32_t>(s.size())));
}

std::string to_utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

// ICU's normalisers, fetched once per process. A function-local static (not only ICU's own
// init-once, whose atomics ThreadSanitizer cannot see into) orders their creation before any
// thread's use.
const icu::Normalizer2& normalizer(const icu::Normalizer2* (*get)(UErrorCode&), const char* name) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = get(status);
  if (U_FAILURE(status) || n == nullptr)
    throw core::Error(std::string("ICU ") + name + " normaliser unavailable");
  return *n;
}

const icu::Normalizer2& nfc_normalizer() {
  static const icu::Normalizer2& n = normalizer(&icu::Normalizer2::getNFCInstance, "NFC");
  return n;
}

const icu::Normalizer2& nfd_normalizer() {
  static const icu::Normalizer2& n = normalizer(&icu::Normalizer2::getNFDInstance, "NFD");
  return n;
}

bool is_space(UChar32 c) {
  return u_isUWhiteSpace(c) != 0;
}

// Unicode White_Space within ASCII: tab, line feed, vertical tab, form feed, carriage return and
// space (what is_space says there).
bool is_ascii_space(char c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}

// XML's white space (the S production): space, tab, line feed, carriage return.
bool is_xml_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// The one white-space collapse of formpipe's byte strings: each character of `text` passed to
// `put`, with every run of `is_space` characters as one space and none at either end.
template <class IsSpace, class Put>
void for_each_collapsed(std::string_view text, IsSpace is_space, Put put) {
  bool pending_space = false;
  bool started = false;
  for (const char c : text) {
    if (is_space(c)) {
      pending_space = started;
      continue;
    }
    if (pending_space) put(' ');
    pending_space = false;
    started = true;
    put(c);
  }
}

std::string collapsed_bytes(std::string_view text, bool (*is_space)(char)) {
  std::string out;
  out.reserve(text.size());
  for_each_collapsed(text, is_space, [&out](char c) { out += c; });
  return out;
}

bool is_ascii(std::string_view s) {
  std::uint64_t high = 0;
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, s.data() + i, 8);
    high |= word;
  }
  for (; i < s.size(); ++i) high |= static_cast<unsigned char>(s[i]);
  return (high & 0x8080808080808080ull) == 0;
}

// White-space runs as one space, trimmed, in UTF-16 (collapse_spaces without the UTF-8 trip).
icu::UnicodeString collapsed(const icu::UnicodeString& in) {
  icu::UnicodeString out;
  bool pending_space = false;
  for (std::int32_t i = 0; i < in.length();) {
    const UChar32 c = in.char32At(i);
    i += U16_LENGTH(c);
    if (is_space(c)) {
      pending_space = !out.isEmpty();
      continue;
    }
    if (pending_space) out.append(static_cast<UChar>(' '));
    pending_space = false;
    out.append(c);
  }
  return out;
}

// What collapsed() gives, worked in UTF-8 without the trip through UTF-16 (ASCII bytes are
// told apart without ICU); nullopt when `utf8` is not valid UTF-8, whose ill-formed bytes only
// ICU's conversion replaces the same way.
std::optional<std::string> collapsed_utf8(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  const auto* s = reinterpret_cast<const std::uint8_t*>(utf8.data());
  const auto length = static_cast<std::int32_t>(utf8.size());
  if (static_cast<std::size_t>(length) != utf8.size()) return std::nullopt;
  bool pending_space = false;
  std::int32_t run = 0;  // start of the run of non-space characters being passed over
  const auto flush = [&](std::int32_t end) {
    if (end == run) return;
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.append(utf8.data() + run, static_cast<std::size_t>(end - run));
  };
  for (std::int32_t i = 0; i < length;) {
    const std::int32_t start = i;
    bool space = false;
    if (s[i] < 0x80) {
      space = is_ascii_space(static_cast<char>(s[i]));
      ++i;
    } else {
      UChar32 c;
      U8_NEXT(s, i, length, c);
      if (c < 0) return std::nullopt;
      space = is_space(c);
    }
    if (space) {
      flush(start);
      run = i;
      pending_space = !out.empty();
    }
  }
  flush(length);
  return out;
}

// fold_for_match of text that is not ASCII, through ICU.
std::string fold_with_icu(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const std::optional<std::string> collapsed_text = collapsed_utf8(utf8);
  icu::UnicodeString s = collapsed_text ? from_utf8(*collapsed_text) : collapsed(from_utf8(utf8));
  s = nfc_normalizer().normalize(s, status);
  s.foldCase(U_FOLD_CASE_DEFAULT);
  s = nfc_normalizer().normalize(s, status);
  if (U_FAILURE(status)) throw core::Error("ICU case folding failed");
  return to_utf8(s);
}

// The last folds of non-ASCII text, per thread: the phrase rules fold each objective of an
// agreement several times, one rule after another. Direct-mapped by a hash of the text, so it
// never holds more than kFoldMemoSlots texts of at most kFoldMemoLongest bytes.
constexpr std::size_t kFoldMemoSlots = 128;
constexpr std::size_t kFoldMemoLongest = 4096;

struct FoldMemoSlot {
  std::string text;
  std::string folded;
  bool used = false;
};

std::string fold_memoized(std::string_view utf8) {
  if (utf8.size() > kFoldMemoLongest) return fold_with_icu(utf8);
  thread_local std::vector<FoldMemoSlot> memo(kFoldMemoSlots);
  FoldMemoSlot& slot = memo[std::hash<std::string_view>{}(utf8) % kFoldMemoSlots];
  if (!slot.used || slot.text != utf8) {
    std::string folded = fold_with_icu(utf8);  // may throw: the slot is left as it was
    slot.text.assign(utf8);
    slot.folded = std::move(folded);
    slot.used = true;
  }
  return slot.folded;
}

}  // namespace

std::optional<std::size_t> invalid_utf8_offset(std::string_view bytes) {
  const auto* s = reinterpret_cast<const std::uint8_t*>(bytes.data());
  const auto length = static_cast<std::int32_t>(bytes.size());
  std::int32_t i = 0;
  while (i < length) {
    // ASCII runs (most of every form) are valid eight bytes at a time.
    while (length - i >= 8) {
      std::uint64_t word;
      std::memcpy(&word, s + i, 8);
      if ((word & 0x8080808080808080ull) != 0) break;
      i += 8;
    }
    if (i >= length) break;
    if (s[i] < 0x80) {
      ++i;
      continue;
    }
    const std::int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) return static_cast<std::size_t>(start);
  }
  return std::nullopt;
}

std::string nfc(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const auto& n = nfc_normalizer();
  // Valid UTF-8 is checked in place (no copy to UTF-16) when, as nearly always, it is NFC.
  if (!invalid_utf8_offset(utf8)) {
    const icu::StringPiece piece(utf8.data(), static_cast<std::int32_t>(utf8.size()));
    if (n.isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return std::string(utf8);
    status = U_ZERO_ERROR;
  }
  const icu::UnicodeString in = from_utf8(utf8);
  if (n.isNormalized(in, status) && U_SUCCESS(status)) return std::string(utf8);
  status = U_ZERO_ERROR;
  icu::UnicodeString out = n.normalize(in, status);
  if (U_FAILURE(status)) throw core::Error("ICU normalisation failed");
  return to_utf8(out);
}

std::string collapse_spaces(std::string_view utf8) {
  if (std::optional<std::string> out = collapsed_utf8(utf8)) return std::move(*out);
  return to_utf8(collapsed(from_utf8(utf8)));
}

std::string collapse_ascii_spaces(std::string_view text) {
  return collapsed_bytes(text, is_ascii_space);
}

std::string collapse_xml_spaces(std::string_view text) {
  return collapsed_bytes(text, is_xml_space);
}

std::string fold_for_match(std::string_view utf8) {
  if (is_ascii(utf8)) {
    // ASCII is NFC already and case-folds to itself with A-Z lowered: no trip through ICU.
    // Written in place (the text only shrinks).
    std::string out(utf8.size(), '\0');
    char* o = out.data();
    for_each_collapsed(utf8, is_ascii_space, [&o](char c) {
      *o++ = c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c;
    });
    out.resize(static_cast<std::size_t>(o - out.data()));
    return out;
  }
  return fold_memoized(utf8);
}

bool same_name(std::string_view a, std::string_view b) {
  return fold_for_match(a) == fold_for_match(b);
}

std::string strip_accents(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString decomposed = nfd_normalizer().normalize(from_utf8(utf8), status);
  icu::UnicodeString bare;
  for (std::int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) != U_NON_SPACING_MARK) bare.append(c);
  }
  icu::UnicodeString out = nfc_normalizer().normalize(bare, status);
  if (U_FAILURE(status)) throw core::Error("ICU normalisation failed");
  return to_utf8(out);
}

bool is_letter(char32_t code_point) {
  return u_isalpha(static_cast<UChar32>(code_point)) != 0;
}

void sort_collated(std::vector<std::string>& names, const char* locale) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Collator> collator(
      icu::Collator::createInstance(icu::Locale(locale), status));
  if (U_FAILURE(status)) throw core::Error("ICU collator unavailable");
  std::vector<std::pair<std::string, std::string>> keyed;
  keyed.reserve(names.size());
  for (auto& name : names) {
    const icu::UnicodeString u = from_utf8(name);
    const std::int32_t size = collator->getSortKey(u, nullptr, 0);
    std::string key(static_cast<std::size_t>(size), '\0');
    collator->getSortKey(u, reinterpret_cast<std::uint8_t*>(key.data()), size);
    keyed.emplace_back(std::move(key), std::move(name));
  }
  std::stable_sort(keyed.begin(), keyed.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  for (std::size_t i = 0; i < names.size(); ++i) names[i] = std::move(keyed[i].second);
}

core::Instant michigan_local_to_instant(const core::LocalDateTime& value) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::TimeZone> zone(icu::TimeZone::createTimeZone("America/Detroit"));
  // Treat the wall-clock time as UTC, then subtract the zone's offset at that local time.
  const core::Instant as_utc = core::instant_with_offset(value, 0);
  std::int32_t raw = 0, dst = 0;
  zone->getOffset(static_cast<UDate>(as_utc.seconds) * 1000.0, /*local=*/true, raw, dst, status);
  if (U_FAILURE(status)) throw core::Error("ICU time zone America/Detroit unavailable");
  return core::Instant{as_utc.seconds - (raw + dst) / 1000};
}

}  // namespace pipeline::text
