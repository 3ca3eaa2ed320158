#include "pipeline/render/fonts.hpp"

#include <hb-ot.h>
#include <hb-subset.h>
#include <hb.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <mutex>
#include <sstream>

#include "pipeline/core/error.hpp"
#include "pipeline/render/pdf_file.hpp"

namespace pipeline::render {

namespace {

struct BlobDeleter {
  void operator()(hb_blob_t* blob) const { hb_blob_destroy(blob); }
};

// The files of the set, in face-id order, and the chain each weight falls back through.
struct FaceFile {
  const char* file;
  unsigned index;
  bool bold;
  bool lazy;  // parsed on first use; the lazy faces come last
};
constexpr FaceFile kFaces[] = {
    {"DejaVuSans.ttf", 0, false, false},      // 0: regular
    {"DejaVuSans-Bold.ttf", 0, true, false},  // 1: bold
    {"wqy-microhei.ttc", 0, false, false},    // 2: CJK and Hangul, both weights
    {"Symbola.ttf", 0, false, true},          // 3: symbols and monochrome emoji, both weights
};
// Symbola comes last, so text DejaVu or WenQuanYi set before it is set as it was.
constexpr std::uint16_t kRegularChain[] = {0, 2, 3};
constexpr std::uint16_t kBoldChain[] = {1, 2, 3};

std::string postscript_name(hb_face_t* face) {
  unsigned int length = 64;
  char buffer[64] = {};
  hb_ot_name_get_utf8(face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &length, buffer);
  return buffer;
}

std::uint64_t next_serial() {
  static std::atomic<std::uint64_t> serial{0};
  return ++serial;
}

// A metric in font units, scaled to thousandths of an em.
int per_mille(hb_position_t units, unsigned upem) {
  return static_cast<int>(static_cast<long>(units) * 1000 / static_cast<long>(upem));
}

// The font-wide box of every glyph, from the 'head' table (xMin, yMin, xMax, yMax at 36..43).
void read_bbox(hb_face_t* face, unsigned upem, int (&bbox)[4]) {
  hb_blob_t* head = hb_face_reference_table(face, HB_TAG('h', 'e', 'a', 'd'));
  unsigned length = 0;
  const char* data = hb_blob_get_data(head, &length);
  if (length >= 44) {
    for (int i = 0; i < 4; ++i) {
      const auto at = static_cast<std::size_t>(36 + 2 * i);
      const auto hi = static_cast<unsigned char>(data[at]);
      const auto lo = static_cast<unsigned char>(data[at + 1]);
      const auto value = static_cast<std::int16_t>(static_cast<std::uint16_t>((hi << 8) | lo));
      bbox[i] = per_mille(value, upem);
    }
  }
  hb_blob_destroy(head);
}

FaceMetrics read_metrics(hb_face_t* face, hb_font_t* font, unsigned upem) {
  FaceMetrics m;
  hb_position_t value = 0;
  if (hb_ot_metrics_get_position(font, HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, &value))
    m.ascent = per_mille(value, upem);
  if (hb_ot_metrics_get_position(font, HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &value))
    m.descent = per_mille(value, upem);
  if (hb_ot_metrics_get_position(font, HB_OT_METRICS_TAG_CAP_HEIGHT, &value))
    m.cap_height = per_mille(value, upem);
  if (m.cap_height == 0) m.cap_height = m.ascent;
  read_bbox(face, upem, m.bbox);
  m.italic_angle = static_cast<double>(hb_style_get_value(font, HB_STYLE_TAG_SLANT_ANGLE));
  return m;
}

}  // namespace

FontFace::FontFace(std::filesystem::path path, unsigned index)
    : path_(std::move(path)), serial_(next_serial()), index_(index) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path_, ec))
    throw core::IoError(path_.string(), "font file not found");
  std::unique_ptr<hb_blob_t, BlobDeleter> blob(hb_blob_create_from_file_or_fail(path_.c_str()));
  if (!blob) throw core::IoError(path_.string(), "cannot read font file");
  face_ = hb_face_create(blob.get(), index_);
  const unsigned glyphs = hb_face_get_glyph_count(face_);
  const unsigned upem = hb_face_get_upem(face_);
  upem_ = upem;
  hb_blob_t* glyf = hb_face_reference_table(face_, HB_TAG('g', 'l', 'y', 'f'));
  const unsigned glyf_length = hb_blob_get_length(glyf);
  hb_blob_destroy(glyf);
  if (glyphs == 0 || upem == 0 || glyf_length == 0) {
    hb_face_destroy(face_);
    throw core::IoError(path_.string(), "not a TrueType font with glyf outlines");
  }
  hb_face_make_immutable(face_);
  name_ = postscript_name(face_);

  hb_font_t* font = hb_font_create(face_);
  hb_font_set_scale(font, static_cast<int>(upem), static_cast<int>(upem));
  metrics_ = read_metrics(face_, font, upem);
  advances_.resize(glyphs);
  for (unsigned gid = 0; gid < glyphs; ++gid) {
    // Truncated like libharu's /W entries, so what we measure is what a reader advances.
    const auto units = static_cast<unsigned>(hb_font_get_glyph_h_advance(font, gid));
    advances_[gid] = static_cast<std::uint16_t>(units * 1000u / upem);
  }

  cmap_.assign(0x10000, 0);
  hb_set_t* unicodes = hb_set_create();
  hb_face_collect_unicodes(face_, unicodes);
  for (hb_codepoint_t c = HB_SET_VALUE_INVALID; hb_set_next(unicodes, &c);) {
    hb_codepoint_t gid = 0;
    if (!hb_font_get_nominal_glyph(font, c, &gid) || gid >= glyphs || gid == 0) continue;
    if (c < cmap_.size())
      cmap_[c] = static_cast<std::uint16_t>(gid);
    else
      supplementary_.emplace_back(static_cast<char32_t>(c), static_cast<std::uint16_t>(gid));
  }
  hb_set_destroy(unicodes);
  hb_font_make_immutable(font);
  font_ = font;  // kept for shaping (scale: font units)
}

std::uint16_t FontFace::supplementary_glyph(char32_t c) const {
  const auto at =
      std::lower_bound(supplementary_.begin(), supplementary_.end(), c,
                       [](const auto& entry, char32_t key) { return entry.first < key; });
  return at != supplementary_.end() && at->first == c ? at->second : 0;
}

hb_face_t* FontFace::subset_source() const {
  // Prepared on first use: a document that never sets a face (most never need the CJK face,
  // whose preparation takes ~70 ms and tens of MB) does not pay for it.
  std::call_once(subset_once_, [this] { subset_source_ = hb_subset_preprocess(face_); });
  if (!subset_source_ || hb_face_get_glyph_count(subset_source_) == 0)
    throw core::IoError(path_.string(), "cannot prepare the font for subsetting");
  return subset_source_;
}

FontFace::~FontFace() {
  if (subset_source_) hb_face_destroy(subset_source_);
  hb_font_destroy(font_);
  hb_face_destroy(face_);
}

int FontFace::advance(char32_t c) const {
  return advances_[glyph(c)];
}

std::shared_ptr<const FontSet> FontSet::load(const std::filesystem::path& dir) {
  auto set = std::make_shared<FontSet>();
  for (const auto& face : kFaces) {
    if (face.lazy) {
      // Not parsed yet, but a missing file is still reported now.
      std::error_code ec;
      if (!std::filesystem::is_regular_file(dir / face.file, ec))
        throw core::IoError((dir / face.file).string(), "font file not found");
      set->lazy_files_.push_back(dir / face.file);
      set->faces_.push_back(nullptr);
    } else {
      set->faces_.push_back(std::make_unique<FontFace>(dir / face.file, face.index));
      set->eager_ = set->faces_.size();
    }
    set->bold_.push_back(face.bold);
  }
  const auto profile = dir / "sRGB.icc";
  std::ifstream in(profile, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  set->srgb_ = bytes.str();
  // An ICC profile starts with its size, and says "acsp" at byte 36.
  if (!in || set->srgb_.size() < 128 || set->srgb_.compare(36, 4, "acsp") != 0)
    throw core::IoError(profile.string(), "not an ICC colour profile (or missing)");
  set->srgb_deflated_ = deflate(set->srgb_);
  set->regular_chain_.assign(std::begin(kRegularChain), std::end(kRegularChain));
  set->bold_chain_.assign(std::begin(kBoldChain), std::end(kBoldChain));
  return set;
}

void FontSet::load_lazy() const {
  std::call_once(lazy_once_, [this] {
    for (std::size_t i = 0; i < lazy_files_.size(); ++i)
      faces_[eager_ + i] = std::make_unique<FontFace>(lazy_files_[i], 0);
  });
}

std::uint16_t FontSet::face_for(char32_t c, Weight weight) const {
  const auto& chain = weight == Weight::Bold ? bold_chain_ : regular_chain_;
  for (const std::uint16_t id : chain)
    if (loaded(id)->has_glyph(c)) return id;
  return chain.front();
}

double FontSet::text_width(std::string_view utf8, Weight weight, double size) const {
  long units = 0;
  for (std::size_t pos = 0; pos < utf8.size();) {
    const char32_t c = next_code_point(utf8, pos);
    units += loaded(face_for(c, weight))->advance(c);
  }
  return static_cast<double>(units) * size / 1000.0;
}

char32_t next_code_point(std::string_view utf8, std::size_t& pos) {
  constexpr char32_t replacement = 0xFFFD;
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(utf8[i]); };
  const unsigned char lead = byte(pos++);
  if (lead < 0x80) return lead;
  int extra = 0;
  char32_t c = 0;
  if ((lead & 0xE0) == 0xC0) {
    extra = 1;
    c = lead & 0x1Fu;
  } else if ((lead & 0xF0) == 0xE0) {
    extra = 2;
    c = lead & 0x0Fu;
  } else if ((lead & 0xF8) == 0xF0) {
    extra = 3;
    c = lead & 0x07u;
  } else {
    return replacement;
  }
  for (; extra > 0; --extra) {
    if (pos >= utf8.size() || (byte(pos) & 0xC0) != 0x80) return replacement;
    c = (c << 6) | (byte(pos++) & 0x3Fu);
  }
  return c;
}

}  // namespace pipeline::render
