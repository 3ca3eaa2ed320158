#include "pipeline/signing/appearance.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <set>

#include "pipeline/render/font_subset.hpp"
#include "pipeline/render/fonts.hpp"

namespace pipeline::signing::detail {

namespace {

using render::FontFace;
using render::FontSubset;

std::string number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  std::string text = buffer;
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text == "-0" ? "0" : text;
}

std::u32string decode(const std::string& utf8) {
  std::u32string out;
  for (std::size_t pos = 0; pos < utf8.size();) out += render::next_code_point(utf8, pos);
  return out;
}

// The five objects of one embedded face (as the render module's PDF writer embeds them);
// returns the Type 0 font's number.
int write_font(IncrementalUpdate& update, const FontFace& face, const FontSubset& subset) {
  const int type0 = update.reserve();
  const int cid = update.reserve();
  const int descriptor = update.reserve();
  const int program = update.reserve();
  const int to_unicode = update.reserve();
  const std::string name = "/" + subset.tag + "+" + face.name();
  update.write(type0, 0,
               "<< /Type /Font /Subtype /Type0 /BaseFont " + name +
                   " /Encoding /Identity-H /DescendantFonts [" + reference(cid) + "] /ToUnicode " +
                   reference(to_unicode) + " >>");
  update.write(cid, 0,
               "<< /Type /Font /Subtype /CIDFontType2 /BaseFont " + name +
                   " /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>"
                   " /FontDescriptor " +
                   reference(descriptor) + " /CIDToGIDMap /Identity" + subset.widths_array + " >>");
  const render::FaceMetrics& m = face.metrics();
  update.write(descriptor, 0,
               "<< /Type /FontDescriptor /FontName " + name + " /Flags 32 /FontBBox [" +
                   std::to_string(m.bbox[0]) + " " + std::to_string(m.bbox[1]) + " " +
                   std::to_string(m.bbox[2]) + " " + std::to_string(m.bbox[3]) + "] /ItalicAngle " +
                   number(m.italic_angle) + " /Ascent " + std::to_string(m.ascent) + " /Descent " +
                   std::to_string(m.descent) + " /CapHeight " + std::to_string(m.cap_height) +
                   " /StemV 80 /FontFile2 " + reference(program) + " >>");
  update.write(program, 0,
               "<< /Filter /FlateDecode /Length " + std::to_string(subset.deflated.size()) +
                   " /Length1 " + std::to_string(subset.program.size()) + " >>\nstream\n" +
                   subset.deflated + "\nendstream");
  update.write(to_unicode, 0,
               "<< /Filter /FlateDecode /Length " +
                   std::to_string(subset.to_unicode_deflated.size()) + " >>\nstream\n" +
                   subset.to_unicode_deflated + "\nendstream");
  return type0;
}

struct Embedded {
  std::shared_ptr<const FontSubset> subset;
  int type0 = 0;
  std::uint16_t glyph(char32_t c) const {
    const auto& chars = subset->characters;
    const auto at = std::lower_bound(chars.begin(), chars.end(), c);
    return at == chars.end() || *at != c
               ? 0
               : subset->glyphs[static_cast<std::size_t>(at - chars.begin())];
  }
};

}  // namespace

int write_appearance(IncrementalUpdate& update, const render::FontSet& fonts, double width,
                     double height, const std::vector<std::string>& lines) {
  const auto weight = render::Weight::Regular;
  std::vector<std::u32string> text;
  std::map<std::uint16_t, std::set<char32_t>> used;  // face id -> characters
  for (const std::string& line : lines) {
    text.push_back(decode(line));
    for (const char32_t c : text.back()) used[fonts.face_for(c, weight)].insert(c);
  }
  std::map<std::uint16_t, Embedded> embedded;
  for (const auto& [id, characters] : used) {
    Embedded& e = embedded[id];
    e.subset = render::subset_face(
        fonts.face(id), std::vector<char32_t>(characters.begin(), characters.end()), {}, true);
    e.type0 = write_font(update, fonts.face(id), *e.subset);
  }

  // The largest size (at most 10 pt) at which every line fits, with 2 pt of margin.
  const double margin = 2;
  const double leading = 1.25;
  double widest = 0;
  for (const std::string& line : lines)
    widest = std::max(widest, fonts.text_width(line, weight, 1));
  double size = 10;
  if (widest > 0) size = std::min(size, (width - 2 * margin) / widest);
  if (!lines.empty())
    size = std::min(size, (height - 2 * margin) / (leading * static_cast<double>(lines.size())));
  size = std::max(size, 1.0);

  const double block = leading * size * static_cast<double>(lines.size());
  double baseline = (height + block) / 2 - size * 0.95;
  std::string content = "q 0.1 0.2 0.45 rg\nBT\n";
  for (const std::u32string& line : text) {
    content += "1 0 0 1 " + number(margin) + " " + number(baseline) + " Tm\n";
    int current = -1;
    std::string run;
    const auto flush = [&] {
      if (!run.empty()) content += "<" + run + "> Tj\n";
      run.clear();
    };
    for (const char32_t c : line) {
      const std::uint16_t face = fonts.face_for(c, weight);
      if (face != current) {
        flush();
        content += "/F" + std::to_string(face) + " " + number(size) + " Tf\n";
        current = face;
      }
      char hex[8];
      std::snprintf(hex, sizeof hex, "%04X", embedded.at(face).glyph(c));
      run += hex;
    }
    flush();
    baseline -= leading * size;
  }
  content += "ET\nQ";

  std::string font_entries;
  for (const auto& [id, e] : embedded)
    font_entries += " /F" + std::to_string(id) + " " + reference(e.type0);
  const int xobject = update.reserve();
  update.write(xobject, 0,
               "<< /Type /XObject /Subtype /Form /BBox [0 0 " + number(width) + " " +
                   number(height) + "] /Resources << /Font <<" + font_entries + " >> >> /Length " +
                   std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream");
  return xobject;
}

}  // namespace pipeline::signing::detail
