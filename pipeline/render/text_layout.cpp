#include "pipeline/render/text_layout.hpp"

#include <algorithm>
#include <cstring>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "pipeline/render/fonts.hpp"
#include "pipeline/text/line_break.hpp"
#include "pipeline/text/unicode.hpp"

namespace pipeline::render {

namespace {

// Glyph widths summed one by one can exceed the same text measured whole by a rounding hair; a
// line exactly as wide as its box must still fit (labels sized to their own width).
constexpr double kWidthSlack = 1e-3;

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

bool is_break_space(char32_t c) {
  return c == ' ' || c == '\n' || c == '\r' || c == 0x3000 || c == 0x2002 || c == 0x2003 ||
         c == 0x2009;
}

// One character of the text being wrapped.
struct Glyph {
  std::size_t offset;  // byte offset in the concatenated text
  char32_t c;
  std::uint16_t face;
  bool synthetic_bold;
  double width;
};

class Wrapper {
 public:
  Wrapper(const FontSet& fonts, const RichText& text, double size, double max_width)
      : max_width_(max_width) {
    for (const auto& span : text) {
      const std::string clean = printable(span.text);
      for (std::size_t pos = 0; pos < clean.size();) {
        const std::size_t start = pos;
        const char32_t c = next_code_point(clean, pos);
        const std::uint16_t face = fonts.face_for(c, span.weight);
        const double width = fonts.face(face).advance(c) * size / 1000.0;
        const bool synthetic = span.weight == Weight::Bold && !fonts.is_bold(face);
        glyphs_.push_back({text_.size() + start, c, face, synthetic, width});
      }
      text_ += clean;
    }
    index_of_offset_.assign(text_.size() + 1, 0);
    for (std::size_t i = 0; i < glyphs_.size(); ++i) index_of_offset_[glyphs_[i].offset] = i;
    index_of_offset_[text_.size()] = glyphs_.size();
    prefix_.assign(glyphs_.size() + 1, 0);
    for (std::size_t i = 0; i < glyphs_.size(); ++i) prefix_[i + 1] = prefix_[i] + glyphs_[i].width;
  }

  std::vector<Line> run() {
    std::size_t line_start = 0;
    for (const auto& brk : text::line_breaks(text_)) {
      const std::size_t end = index_of_offset_[brk.offset];
      if (line_start < segment_start_ && width(line_start, end) > max_width_ + kWidthSlack) {
        emit(line_start, segment_start_);
        line_start = segment_start_;
      }
      if (width(line_start, end) > max_width_ + kWidthSlack)
        line_start = break_long_word(line_start, end);
      if (brk.mandatory) {
        emit(line_start, end);
        line_start = end;
      }
      segment_start_ = end;
    }
    if (line_start < glyphs_.size()) emit(line_start, glyphs_.size());
    return std::move(lines_);
  }

 private:
  // Index just after the last character of [from, to) that is not a breaking space.
  std::size_t trimmed_end(std::size_t from, std::size_t to) const {
    while (to > from && is_break_space(glyphs_[to - 1].c)) --to;
    return to;
  }
  double width(std::size_t from, std::size_t to) const {
    return prefix_[trimmed_end(from, to)] - prefix_[from];
  }

  // Lays whole lines of the too-long text [from, to) out grapheme by grapheme and returns where
  // the unfinished last line starts.
  std::size_t break_long_word(std::size_t from, std::size_t to) {
    const std::size_t first_byte = glyphs_[from].offset;
    const std::size_t last_byte = to < glyphs_.size() ? glyphs_[to].offset : text_.size();
    const auto ends =
        text::grapheme_ends(std::string_view(text_).substr(first_byte, last_byte - first_byte));
    std::size_t line_start = from;
    std::size_t previous = from;
    for (const std::size_t end_byte : ends) {
      const std::size_t end = index_of_offset_[first_byte + end_byte];
      if (previous > line_start && width(line_start, end) > max_width_ + kWidthSlack) {
        emit(line_start, previous);
        line_start = previous;
      }
      previous = end;
    }
    return line_start;
  }

  void emit(std::size_t from, std::size_t to) {
    to = trimmed_end(from, to);
    while (from < to && glyphs_[from].c == ' ') ++from;  // indentation is the layout's business
    Line line;
    line.width = prefix_[to] - prefix_[from];
    for (std::size_t i = from; i < to; ++i) {
      const Glyph& g = glyphs_[i];
      if (g.c == '\n' || g.c == '\r') continue;
      if (line.pieces.empty() || line.pieces.back().face != g.face ||
          line.pieces.back().synthetic_bold != g.synthetic_bold)
        line.pieces.push_back({prefix_[i] - prefix_[from], g.face, {}, g.synthetic_bold});
      const std::size_t end = i + 1 < glyphs_.size() ? glyphs_[i + 1].offset : text_.size();
      line.pieces.back().text.append(text_, g.offset, end - g.offset);
    }
    lines_.push_back(std::move(line));
  }

  double max_width_;
  std::string text_;
  std::vector<Glyph> glyphs_;
  std::vector<std::size_t> index_of_offset_;
  std::vector<double> prefix_;
  std::size_t segment_start_ = 0;
  std::vector<Line> lines_;
};

// Wrapped text by font set, size, width and spans. Documents of a kind repeat most of their
// wording (a template's clauses, headings, column titles), so most wraps are found here instead
// of going through ICU's line breaking again. Bounded: emptied when full, so memory stays flat
// however many documents a process renders.
class WrapCache {
 public:
  std::shared_ptr<const std::vector<Line>> find(const std::string& key) {
    const std::lock_guard lock(mutex_);
    const auto it = entries_.find(key);
    return it == entries_.end() ? nullptr : it->second;
  }
  void add(std::string key, std::shared_ptr<const std::vector<Line>> lines) {
    const std::lock_guard lock(mutex_);
    if (entries_.size() >= kCapacity) entries_.clear();
    entries_.emplace(std::move(key), std::move(lines));
  }

 private:
  static constexpr std::size_t kCapacity = 8192;
  std::mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<const std::vector<Line>>> entries_;
};

WrapCache& wrap_cache() {
  static WrapCache cache;
  return cache;
}

std::string wrap_key(const FontSet& fonts, const RichText& text, double size, double max_width) {
  std::string key;
  std::size_t length = 3 * sizeof(double);
  for (const auto& span : text) length += span.text.size() + 1 + sizeof(std::size_t);
  key.reserve(length);
  const auto put = [&key](auto value) {
    char bytes[sizeof value];
    std::memcpy(bytes, &value, sizeof value);
    key.append(bytes, sizeof value);
  };
  put(fonts.face(0).serial());  // a FontSet's identity: its faces' serials are never reused
  put(size);
  put(max_width);
  for (const auto& span : text) {
    key += span.weight == Weight::Bold ? 'B' : 'R';
    put(span.text.size());  // length-prefixed, so no text can pass for two spans
    key += span.text;
  }
  return key;
}

}  // namespace

std::string printable(std::string_view utf8) {
  // Printable ASCII and line feeds (most text) are NFC and drawn as they are.
  if (std::all_of(utf8.begin(), utf8.end(),
                  [](char c) { return (c >= 0x20 && c < 0x7F) || c == '\n'; }))
    return std::string(utf8);
  const std::string normal = text::nfc(utf8);
  std::string out;
  out.reserve(normal.size());
  for (std::size_t pos = 0; pos < normal.size();) {
    char32_t c = next_code_point(normal, pos);
    if (c == '\t') c = ' ';
    if (c == '\r') continue;
    if ((c < 0x20 && c != '\n') || (c >= 0x7F && c < 0xA0)) continue;
    if (c > 0xFFFF || (c >= 0xD800 && c < 0xE000)) c = 0xFFFD;
    append_utf8(out, c);
  }
  return out;
}

std::vector<Line> wrap_text(const FontSet& fonts, const RichText& text, double size,
                            double max_width) {
  std::string key = wrap_key(fonts, text, size, max_width);
  if (auto lines = wrap_cache().find(key)) return *lines;
  auto lines =
      std::make_shared<const std::vector<Line>>(Wrapper(fonts, text, size, max_width).run());
  wrap_cache().add(std::move(key), lines);
  return *lines;
}

}  // namespace pipeline::render
