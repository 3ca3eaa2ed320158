#pragma once
//! Internal to render: a face cut down with hb-subset to the characters one document sets. The
//! subset's glyph ids are what the PDF's content streams write (CIDToGIDMap /Identity), so the
//! widths and the ToUnicode map cover only those few glyphs instead of 64K code points.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace pipeline::render {

class FontFace;

struct FontSubset {
  std::string program;                // TrueType font file: FontFile2, uncompressed
  std::string deflated;               // `program` Flate-compressed (empty until asked for)
  std::vector<char32_t> characters;   // the characters, ascending
  std::vector<std::uint16_t> glyphs;  // glyph id in `program` of each of `characters`
  // Shaped glyphs (right-to-left runs): their ids in the face's file, ascending, and in `program`.
  std::vector<std::uint16_t> shaped_from;
  std::vector<std::uint16_t> shaped_to;
  std::vector<std::uint16_t> widths;  // advance of each glyph id of `program`, 1/1000 em
  std::string tag;                    // six capitals naming the subset ("KQWMAB")
  // What the PDF says about the subset, made once with it: the CIDFont's " /W [...]" entry
  // and the /ToUnicode CMap from glyph ids back to `characters` (and it deflated, if asked).
  std::string widths_array;
  std::string to_unicode;
  std::string to_unicode_deflated;
};

// A glyph a shaped run draws (by its id in the face's file) and what it stands for (UTF-8).
struct ShapedGlyphUse {
  std::uint16_t id = 0;
  std::string text;
  friend bool operator==(const ShapedGlyphUse&, const ShapedGlyphUse&) = default;
};

// The subset of `face` for `characters` (ascending, no duplicates) and the `shaped` glyphs
// (ascending by id, no duplicate ids), with its deflated program and ToUnicode map when
// `compress`. Subsets are cached per process by face and character set (a
// batch of documents of one kind mostly repeats the same few sets), so the result is shared,
// read-only. Throws RenderError when HarfBuzz cannot subset the face.
std::shared_ptr<const FontSubset> subset_face(const FontFace& face,
                                              const std::vector<char32_t>& characters,
                                              const std::vector<ShapedGlyphUse>& shaped,
                                              bool compress);

}  // namespace pipeline::render
