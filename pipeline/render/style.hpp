#pragma once
//! Small value types shared by the layout layer's API: colours, weights, alignment and runs of
//! styled text.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace pipeline::render {

// A colour in device RGB, each component in [0, 1].
struct Rgb {
  float r = 0;
  float g = 0;
  float b = 0;
  friend bool operator==(const Rgb&, const Rgb&) = default;
};

enum class Weight { Regular, Bold };
enum class Align { Left, Center, Right };

// A run of text in one weight; a paragraph or table cell is a sequence of runs.
struct Span {
  std::string text;
  Weight weight = Weight::Regular;
};
using RichText = std::vector<Span>;

inline Span bold(std::string text) {
  return Span{std::move(text), Weight::Bold};
}
inline Span regular(std::string text) {
  return Span{std::move(text), Weight::Regular};
}

// A glyph the shaper chose (right-to-left runs): its id in the face's font file and where it
// sits from the start of its run, in points (x right, y up).
// `text` is what the glyph stands for (UTF-8), for the PDF's ToUnicode map: the character, a
// ligature's characters, or empty for the other glyphs of one character.
struct PlacedGlyph {
  std::uint16_t id = 0;
  double x = 0;
  double y = 0;
  std::string text;
};

// The palette every document shares, so all of them look like one agency's paper.
namespace palette {
inline constexpr Rgb ink{0.13f, 0.13f, 0.15f};          // body text
inline constexpr Rgb muted{0.40f, 0.42f, 0.45f};        // notes, labels, footers
inline constexpr Rgb navy{0.08f, 0.20f, 0.38f};         // headings, letterhead, rules
inline constexpr Rgb rule{0.78f, 0.80f, 0.83f};         // hairlines between table rows
inline constexpr Rgb header_fill{0.90f, 0.93f, 0.96f};  // table header row
inline constexpr Rgb stripe{0.965f, 0.972f, 0.98f};     // every other table row
}  // namespace palette

}  // namespace pipeline::render
