#pragma once
//! The fonts documents are set in, parsed once per process and shared, read-only, by every
//! document and thread: DejaVu Sans (regular, bold) for Latin, accents and Vietnamese, then
//! WenQuanYi Micro Hei for Chinese and Korean, then Symbola for symbols and (monochrome) emoji.
//! Each character is set in the first face of its weight's chain that has a glyph for it (per-run
//! font fallback).

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pipeline/render/style.hpp"

struct hb_face_t;
struct hb_font_t;

namespace pipeline::render {

// What a PDF font descriptor states about a face, in thousandths of an em.
struct FaceMetrics {
  int ascent = 0;
  int descent = 0;  // negative: below the baseline
  int cap_height = 0;
  int bbox[4] = {0, 0, 0, 0};  // x min, y min, x max, y max
  double italic_angle = 0;     // degrees, counter-clockwise from vertical
};

// One parsed font: its character map and advance widths, and the HarfBuzz face to subset.
class FontFace {
 public:
  // Parses face `index` of a .ttf/.ttc file; throws core::IoError when it cannot be read or
  // holds no TrueType glyph outlines.
  FontFace(std::filesystem::path path, unsigned index);
  ~FontFace();
  FontFace(const FontFace&) = delete;
  FontFace& operator=(const FontFace&) = delete;

  const std::filesystem::path& path() const { return path_; }
  // A number no other FontFace of the process has, to key caches by.
  std::uint64_t serial() const { return serial_; }
  unsigned index() const { return index_; }          // face index inside a .ttc
  const std::string& name() const { return name_; }  // PostScript name, "DejaVuSans"
  bool has_glyph(char32_t c) const { return glyph(c) != 0; }
  // Glyph id of `c` in the font file (0, the "missing glyph" box, when it has none).
  std::uint16_t glyph(char32_t c) const {
    return c < cmap_.size() ? cmap_[c] : supplementary_glyph(c);
  }
  // Advance width of `c` in thousandths of an em, as the PDF's /W array states it.
  int advance(char32_t c) const;
  // Advance width of glyph `gid` in thousandths of an em (0 past the last glyph).
  int glyph_advance(unsigned gid) const { return gid < advances_.size() ? advances_[gid] : 0; }
  const FaceMetrics& metrics() const { return metrics_; }
  hb_face_t* hb_face() const { return face_; }
  // A HarfBuzz font of the face at one unit per font unit (immutable, for shaping).
  hb_font_t* hb_font() const { return font_; }
  unsigned units_per_em() const { return upem_; }
  // The face with hb-subset's tables precomputed (hb_subset_preprocess, on first use), so that
  // cutting a subset for each document does not re-parse the whole font; shared, read-only.
  // Throws core::IoError when HarfBuzz cannot prepare it.
  hb_face_t* subset_source() const;

 private:
  std::filesystem::path path_;
  std::uint64_t serial_;
  unsigned index_;
  std::string name_;
  std::uint16_t supplementary_glyph(char32_t c) const;

  hb_face_t* face_ = nullptr;
  hb_font_t* font_ = nullptr;
  unsigned upem_ = 1000;
  mutable std::once_flag subset_once_;
  mutable hb_face_t* subset_source_ = nullptr;
  FaceMetrics metrics_;
  std::vector<std::uint16_t> cmap_;  // Basic Multilingual Plane -> glyph id (0: none)
  // Characters beyond the BMP (emoji) -> glyph id, ascending by character.
  std::vector<std::pair<char32_t, std::uint16_t>> supplementary_;
  std::vector<std::uint16_t> advances_;  // glyph id -> advance, thousandths of an em
};

class FontSet {
 public:
  // Loads DejaVuSans.ttf, DejaVuSans-Bold.ttf, wqy-microhei.ttc and Symbola.ttf from `dir`, and
  // sRGB.icc, the colour profile every PDF names as its output intent (PDF/A); throws
  // core::IoError naming the file when one is missing or unreadable.
  static std::shared_ptr<const FontSet> load(const std::filesystem::path& dir);

  // The sRGB ICC profile, as read and Flate-compressed (RFC 1950).
  const std::string& srgb_profile() const { return srgb_; }
  const std::string& srgb_profile_deflated() const { return srgb_deflated_; }

  std::size_t size() const { return faces_.size(); }
  // Symbola is parsed on first use (at the first character no other face has): most processes
  // never need it, and parsing it would add ~25 ms to every start.
  const FontFace& face(std::size_t id) const { return *loaded(id); }
  // The face that sets `c` in `weight`: the first of the weight's chain that has a glyph for
  // it, else the chain's first (which prints its "missing glyph" box).
  std::uint16_t face_for(char32_t c, Weight weight) const;
  // Whether `face` is a bold design; bold text set in a face that is not is emboldened by
  // stroking its outlines (WenQuanYi and Symbola have no bold).
  bool is_bold(std::uint16_t face) const { return bold_[face]; }
  // Width in points of UTF-8 text at `size` points, each character in the face that sets it.
  double text_width(std::string_view utf8, Weight weight, double size) const;

 private:
  const FontFace* loaded(std::size_t id) const {
    if (id < eager_) return faces_[id].get();
    load_lazy();
    return faces_[id].get();
  }
  void load_lazy() const;  // throws core::IoError as load does; again on the next call

  mutable std::vector<std::unique_ptr<FontFace>> faces_;  // lazy ones null until load_lazy
  std::size_t eager_ = 0;                                 // faces [0, eager_) load at once
  std::vector<std::filesystem::path> lazy_files_;         // of faces [eager_, size())
  mutable std::once_flag lazy_once_;
  std::vector<std::uint16_t> regular_chain_;
  std::vector<std::uint16_t> bold_chain_;
  std::vector<bool> bold_;
  std::string srgb_;
  std::string srgb_deflated_;
};

// Decodes one code point of UTF-8 at `pos` and advances `pos`; invalid bytes give U+FFFD.
char32_t next_code_point(std::string_view utf8, std::size_t& pos);

}  // namespace pipeline::render
