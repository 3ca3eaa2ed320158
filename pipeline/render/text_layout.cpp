#include "pipeline/render/text_layout.hpp"

#include <hb.h>
#include <unicode/ubidi.h>
#include <unicode/uchar.h>

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
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// Whether `c` makes its paragraph need the bidirectional algorithm: a right-to-left letter or
// an explicit right-to-left embedding, override or isolate. Nothing below U+0590 (Hebrew) is,
// so Latin text is decided without asking ICU.
bool is_right_to_left(char32_t c) {
  if (c < 0x0590) return false;
  switch (u_charDirection(static_cast<UChar32>(c))) {
    case U_RIGHT_TO_LEFT:
    case U_RIGHT_TO_LEFT_ARABIC:
    case U_RIGHT_TO_LEFT_EMBEDDING:
    case U_RIGHT_TO_LEFT_OVERRIDE:
    case U_RIGHT_TO_LEFT_ISOLATE:
      return true;
    default:
      return false;
  }
}

struct BidiDeleter {
  void operator()(UBiDi* bidi) const { ubidi_close(bidi); }
};
using BidiPtr = std::unique_ptr<UBiDi, BidiDeleter>;
struct BufferDeleter {
  void operator()(hb_buffer_t* buffer) const { hb_buffer_destroy(buffer); }
};

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
      : fonts_(fonts), size_(size), max_width_(max_width) {
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
    if (std::any_of(glyphs_.begin(), glyphs_.end(),
                    [](const Glyph& g) { return is_right_to_left(g.c); }))
      resolve_bidi(fonts, size);
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

  // ---- right-to-left text ----

  // Resolves the embedding levels of every paragraph of the text (ubidi, UTF-16) and measures
  // each character as the shaper will set it in its run, in logical order: an Arabic letter's
  // joining form is not as wide as its nominal glyph.
  void resolve_bidi(const FontSet& fonts, double size) {
    std::u16string& u16 = utf16_;
    u16_of_glyph_.reserve(glyphs_.size() + 1);
    for (const Glyph& g : glyphs_) {
      u16_of_glyph_.push_back(u16.size());
      if (g.c >= 0x10000) {
        u16 += static_cast<char16_t>(0xD800 + ((g.c - 0x10000) >> 10));
        u16 += static_cast<char16_t>(0xDC00 + ((g.c - 0x10000) & 0x3FF));
      } else {
        u16 += static_cast<char16_t>(g.c);
      }
    }
    u16_of_glyph_.push_back(u16.size());
    glyph_of_u16_.assign(u16.size() + 1, 0);
    for (std::size_t i = 0; i <= glyphs_.size(); ++i) glyph_of_u16_[u16_of_glyph_[i]] = i;

    UErrorCode status = U_ZERO_ERROR;
    paragraphs_.reset(ubidi_openSized(static_cast<int32_t>(u16.size()), 0, &status));
    line_.reset(ubidi_openSized(static_cast<int32_t>(u16.size()), 0, &status));
    // Every paragraph is left to right at base (the documents are English): a name that opens
    // a sentence ("<name>, a trade association") must not turn the sentence around. Within
    // it, runs of Hebrew or Arabic resolve right to left by the algorithm's rules.
    if (U_SUCCESS(status))
      ubidi_setPara(paragraphs_.get(), reinterpret_cast<const UChar*>(u16.data()),
                    static_cast<int32_t>(u16.size()), UBIDI_LTR, nullptr, &status);
    if (U_FAILURE(status)) {  // out of memory: the text is drawn left to right
      paragraphs_.reset();
      return;
    }
    const UBiDiLevel* levels = ubidi_getLevels(paragraphs_.get(), &status);
    if (U_FAILURE(status)) {
      paragraphs_.reset();
      return;
    }
    // Right-to-left runs of one face, shaped as the lines will shape them.
    for (std::size_t i = 0; i < glyphs_.size();) {
      const UBiDiLevel level = levels[u16_of_glyph_[i]];
      std::size_t end = i + 1;
      while (end < glyphs_.size() && levels[u16_of_glyph_[end]] == level &&
             glyphs_[end].face == glyphs_[i].face)
        ++end;
      if (level & 1) {
        for (std::size_t k = i; k < end; ++k) glyphs_[k].width = 0;
        for (const auto& shaped : shape(i, end, fonts, size))
          glyphs_[shaped.index].width += shaped.advance;
      }
      i = end;
    }
  }

  struct ShapedGlyph {
    std::uint16_t id;
    std::size_t index;                   // the first character (index in glyphs_) it sets
    std::size_t end;                     // after the last, when it is its cluster's first glyph
    double advance, x_offset, y_offset;  // points
  };

  // HarfBuzz's glyphs for the characters [from, to) set right to left in their face, in
  // drawing order (left to right); the text around them is the shaper's context (joining).
  std::vector<ShapedGlyph> shape(std::size_t from, std::size_t to, const FontSet& fonts,
                                 double size) const {
    const FontFace& face = fonts.face(glyphs_[from].face);
    std::unique_ptr<hb_buffer_t, BufferDeleter> buffer(hb_buffer_create());
    const std::size_t first = glyphs_[from].offset;
    const std::size_t last = to < glyphs_.size() ? glyphs_[to].offset : text_.size();
    hb_buffer_add_utf8(buffer.get(), text_.data(), static_cast<int>(text_.size()),
                       static_cast<unsigned>(first), static_cast<int>(last - first));
    hb_buffer_set_direction(buffer.get(), HB_DIRECTION_RTL);
    hb_buffer_guess_segment_properties(buffer.get());  // the script, from the text
    // Each character its own cluster (marks too), so a glyph maps back to what it sets.
    hb_buffer_set_cluster_level(buffer.get(), HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);
    hb_buffer_set_flags(buffer.get(),
                        static_cast<hb_buffer_flags_t>(HB_BUFFER_FLAG_REMOVE_DEFAULT_IGNORABLES));
    hb_shape(face.hb_font(), buffer.get(), nullptr, 0);
    unsigned count = 0;
    const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer.get(), &count);
    const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buffer.get(), &count);
    const double scale = size / static_cast<double>(face.units_per_em());
    std::vector<ShapedGlyph> out;
    out.reserve(count);
    // Right to left, clusters decrease along the buffer: a cluster's first glyph in logical
    // order is its last in the buffer, and the cluster ends where the glyphs before it start.
    for (unsigned i = count; i-- > 0;) {
      const std::size_t start = info[i].cluster;
      std::size_t end = start;  // not its cluster's first glyph: stands for nothing more
      if (i + 1 >= count || info[i + 1].cluster != info[i].cluster) {
        unsigned j = i;
        while (j > 0 && info[j - 1].cluster == info[i].cluster) --j;
        end = j > 0 ? info[j - 1].cluster : last;
      }
      out.push_back({static_cast<std::uint16_t>(info[i].codepoint), index_of_offset_[start],
                     index_of_offset_[end], pos[i].x_advance * scale, pos[i].x_offset * scale,
                     pos[i].y_offset * scale});
    }
    std::reverse(out.begin(), out.end());
    return out;
  }

  // The line [from, to) in visual order: ubidi reorders its runs; right-to-left runs are shaped,
  // left-to-right ones keep their nominal glyphs.
  void emit_bidi(std::size_t from, std::size_t to, Line& line) {
    UErrorCode status = U_ZERO_ERROR;
    ubidi_setLine(paragraphs_.get(), static_cast<int32_t>(u16_of_glyph_[from]),
                  static_cast<int32_t>(u16_of_glyph_[to]), line_.get(), &status);
    const int32_t runs = U_SUCCESS(status) ? ubidi_countRuns(line_.get(), &status) : 0;
    if (U_FAILURE(status)) {
      emit_pieces(from, to, line);
      return;
    }
    double pen = 0;
    for (int32_t r = 0; r < runs; ++r) {
      int32_t start = 0;
      int32_t length = 0;
      const UBiDiDirection direction = ubidi_getVisualRun(line_.get(), r, &start, &length);
      const std::size_t a = glyph_of_u16_[u16_of_glyph_[from] + static_cast<std::size_t>(start)];
      const std::size_t b =
          glyph_of_u16_[u16_of_glyph_[from] + static_cast<std::size_t>(start + length)];
      // The run's stretches of one face, in logical order.
      std::vector<std::pair<std::size_t, std::size_t>> parts;
      for (std::size_t i = a; i < b;) {
        std::size_t end = i + 1;
        while (end < b && glyphs_[end].face == glyphs_[i].face &&
               glyphs_[end].synthetic_bold == glyphs_[i].synthetic_bold)
          ++end;
        parts.emplace_back(i, end);
        i = end;
      }
      if (direction == UBIDI_RTL) std::reverse(parts.begin(), parts.end());
      for (const auto& [i, end] : parts) {
        Piece piece{pen, glyphs_[i].face, {}, glyphs_[i].synthetic_bold, {}};
        for (std::size_t k = i; k < end; ++k) {
          if (glyphs_[k].c == '\n' || glyphs_[k].c == '\r') continue;
          const std::size_t next = k + 1 < glyphs_.size() ? glyphs_[k + 1].offset : text_.size();
          piece.text.append(text_, glyphs_[k].offset, next - glyphs_[k].offset);
        }
        if (direction == UBIDI_RTL) {
          double x = 0;
          for (const auto& g : shape(i, end, fonts_, size_)) {
            // What the glyph stands for, as drawn: a ligature's characters (lam-alef) right to
            // left like the run, which is how poppler puts them back into reading order.
            std::string says;
            for (std::size_t k = g.end; k > g.index; --k) {
              const std::size_t stop = k < glyphs_.size() ? glyphs_[k].offset : text_.size();
              says.append(text_, glyphs_[k - 1].offset, stop - glyphs_[k - 1].offset);
            }
            piece.glyphs.push_back({g.id, x + g.x_offset, g.y_offset, std::move(says)});
            x += g.advance;
          }
          pen += x;
        } else {
          pen += prefix_[end] - prefix_[i];
        }
        if (!piece.text.empty()) line.pieces.push_back(std::move(piece));
      }
    }
    line.width = pen;
  }

  // The line [from, to) as it stands, left to right, one piece per face.
  void emit_pieces(std::size_t from, std::size_t to, Line& line) {
    for (std::size_t i = from; i < to; ++i) {
      const Glyph& g = glyphs_[i];
      if (g.c == '\n' || g.c == '\r') continue;
      if (line.pieces.empty() || line.pieces.back().face != g.face ||
          line.pieces.back().synthetic_bold != g.synthetic_bold)
        line.pieces.push_back({prefix_[i] - prefix_[from], g.face, {}, g.synthetic_bold, {}});
      const std::size_t end = i + 1 < glyphs_.size() ? glyphs_[i + 1].offset : text_.size();
      line.pieces.back().text.append(text_, g.offset, end - g.offset);
    }
  }

  void emit(std::size_t from, std::size_t to) {
    const std::size_t untrimmed = to;
    to = trimmed_end(from, to);
    while (from < to && glyphs_[from].c == ' ') ++from;  // indentation is the layout's business
    Line line;
    line.broke_at_space = to < untrimmed && untrimmed < glyphs_.size();
    line.width = prefix_[to] - prefix_[from];
    if (paragraphs_ && from < to)
      emit_bidi(from, to, line);
    else
      emit_pieces(from, to, line);
    lines_.push_back(std::move(line));
  }

  const FontSet& fonts_;
  double size_;
  double max_width_;
  std::string text_;
  std::vector<Glyph> glyphs_;
  std::vector<std::size_t> index_of_offset_;
  std::vector<double> prefix_;
  std::size_t segment_start_ = 0;
  std::vector<Line> lines_;
  // Only for text with right-to-left characters:
  std::u16string utf16_;                   // the text for ubidi
  std::vector<std::size_t> u16_of_glyph_;  // glyphs_ index -> UTF-16 index (and the end)
  std::vector<std::size_t> glyph_of_u16_;  // UTF-16 index -> glyphs_ index
  BidiPtr paragraphs_;                     // levels of the whole text
  BidiPtr line_;                           // one line of it, reordered
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
    if ((c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF)) continue;
    if (c > 0x10FFFF || (c >= 0xD800 && c < 0xE000)) c = 0xFFFD;
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
