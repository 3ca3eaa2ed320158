#include "pipeline/text/line_break.hpp"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <cstdint>
#include <memory>

#include "pipeline/core/error.hpp"

namespace pipeline::text {

namespace {

enum class Kind { Line, Character };

// ICU break iterators are not thread-safe and costly to build: each thread clones the
// process-wide prototype once.
icu::BreakIterator& iterator(Kind kind) {
  static const std::unique_ptr<icu::BreakIterator> line_prototype = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(
        icu::BreakIterator::createLineInstance(icu::Locale::getUS(), status));
    if (U_FAILURE(status)) it.reset();
    return it;
  }();
  static const std::unique_ptr<icu::BreakIterator> character_prototype = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(
        icu::BreakIterator::createCharacterInstance(icu::Locale::getUS(), status));
    if (U_FAILURE(status)) it.reset();
    return it;
  }();
  thread_local std::unique_ptr<icu::BreakIterator> line;
  thread_local std::unique_ptr<icu::BreakIterator> character;

  auto& mine = kind == Kind::Line ? line : character;
  if (!mine) {
    const auto& prototype = kind == Kind::Line ? line_prototype : character_prototype;
    if (!prototype) throw core::Error("ICU break iterator rules unavailable");
    mine.reset(prototype->clone());
  }
  return *mine;
}

// Points `it` at `utf8` without copying; the UText must outlive the iteration.
struct Utf8Text {
  UText* text = nullptr;
  explicit Utf8Text(std::string_view utf8) {
    UErrorCode status = U_ZERO_ERROR;
    text = utext_openUTF8(nullptr, utf8.data(), static_cast<std::int64_t>(utf8.size()), &status);
    if (U_FAILURE(status)) throw core::Error("ICU cannot open UTF-8 text");
  }
  ~Utf8Text() { utext_close(text); }
  Utf8Text(const Utf8Text&) = delete;
  Utf8Text& operator=(const Utf8Text&) = delete;
};

void attach(icu::BreakIterator& it, const Utf8Text& text) {
  UErrorCode status = U_ZERO_ERROR;
  it.setText(text.text, status);
  if (U_FAILURE(status)) throw core::Error("ICU break iterator rejected the text");
}

}  // namespace

std::vector<LineBreak> line_breaks(std::string_view utf8) {
  std::vector<LineBreak> breaks;
  if (utf8.empty()) return breaks;
  icu::BreakIterator& it = iterator(Kind::Line);
  const Utf8Text text(utf8);
  attach(it, text);
  for (std::int32_t pos = it.next(); pos != icu::BreakIterator::DONE; pos = it.next()) {
    const bool hard =
        it.getRuleStatus() >= UBRK_LINE_HARD && it.getRuleStatus() < UBRK_LINE_HARD_LIMIT;
    breaks.push_back({static_cast<std::size_t>(pos), hard});
  }
  // The end of the text is not a mandatory break unless it ends with a newline.
  if (!breaks.empty() && breaks.back().offset == utf8.size()) {
    const char last = utf8.back();
    breaks.back().mandatory = last == '\n' || last == '\r';
  }
  return breaks;
}

std::vector<std::size_t> grapheme_ends(std::string_view utf8) {
  std::vector<std::size_t> ends;
  if (utf8.empty()) return ends;
  icu::BreakIterator& it = iterator(Kind::Character);
  const Utf8Text text(utf8);
  attach(it, text);
  for (std::int32_t pos = it.next(); pos != icu::BreakIterator::DONE; pos = it.next())
    ends.push_back(static_cast<std::size_t>(pos));
  return ends;
}

}  // namespace pipeline::text
