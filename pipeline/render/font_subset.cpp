#include "pipeline/render/font_subset.hpp"

#include <hb-subset.h>
#include <hb.h>

#include <algorithm>
#include <mutex>

#include "pipeline/render/fonts.hpp"
#include "pipeline/render/pdf_file.hpp"
#include "pipeline/render/render_error.hpp"

namespace pipeline::render {

namespace {

struct SubsetInputDeleter {
  void operator()(hb_subset_input_t* input) const { hb_subset_input_destroy(input); }
};
struct PlanDeleter {
  void operator()(hb_subset_plan_t* plan) const { hb_subset_plan_destroy(plan); }
};
struct FaceDeleter {
  void operator()(hb_face_t* face) const { hb_face_destroy(face); }
};
struct BlobDeleter {
  void operator()(hb_blob_t* blob) const { hb_blob_destroy(blob); }
};

// Tables a CIDFontType2 program does not need: layout (the text is already laid out), hinting,
// and the character map (the PDF maps codes to glyph ids itself, /CIDToGIDMap /Identity).
constexpr const char* kDroppedTables[] = {"GSUB", "GPOS", "GDEF", "kern", "BASE", "JSTF",
                                          "MATH", "morx", "hdmx", "VDMX", "LTSH", "gasp",
                                          "vhea", "vmtx", "FFTM", "DSIG", "cmap"};

// FNV-1a over the face's name and the characters: the cache key and the subset tag.
std::uint64_t fingerprint(const FontFace& face, const std::vector<char32_t>& characters,
                          const std::vector<ShapedGlyphUse>& shaped) {
  std::uint64_t hash = 14695981039346656037ull;
  const auto mix = [&hash](std::uint64_t value) {
    hash ^= value;
    hash *= 1099511628211ull;
  };
  for (const char c : face.name()) mix(static_cast<unsigned char>(c));
  for (const char32_t c : characters) mix(c);
  for (const auto& glyph : shaped) {
    mix(0x100000000ull | glyph.id);
    for (const char c : glyph.text) mix(static_cast<unsigned char>(c));
  }
  return hash;
}

std::string subset_tag(std::uint64_t hash) {
  std::string tag(6, 'A');
  for (auto& letter : tag) {
    letter = static_cast<char>('A' + hash % 26);
    hash /= 26;
  }
  return tag;
}

std::shared_ptr<FontSubset> cut(const FontFace& face, const std::vector<char32_t>& characters,
                                const std::vector<ShapedGlyphUse>& shaped) {
  std::unique_ptr<hb_subset_input_t, SubsetInputDeleter> input(hb_subset_input_create_or_fail());
  if (!input) throw RenderError("hb_subset_input_create_or_fail", 0, 0);
  hb_set_t* unicodes = hb_subset_input_unicode_set(input.get());
  for (const char32_t c : characters) hb_set_add(unicodes, c);
  hb_set_t* glyph_ids = hb_subset_input_glyph_set(input.get());
  for (const auto& glyph : shaped) hb_set_add(glyph_ids, glyph.id);
  hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_NO_HINTING);
  hb_set_t* drop = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (const char* tag : kDroppedTables) hb_set_add(drop, hb_tag_from_string(tag, 4));

  std::unique_ptr<hb_subset_plan_t, PlanDeleter> plan(
      hb_subset_plan_create_or_fail(face.subset_source(), input.get()));
  if (!plan) throw RenderError("hb_subset_plan_create_or_fail (" + face.name() + ")", 0, 0);
  std::unique_ptr<hb_face_t, FaceDeleter> subset(hb_subset_plan_execute_or_fail(plan.get()));
  if (!subset) throw RenderError("hb_subset_plan_execute_or_fail (" + face.name() + ")", 0, 0);
  std::unique_ptr<hb_blob_t, BlobDeleter> blob(hb_face_reference_blob(subset.get()));
  unsigned length = 0;
  const char* data = hb_blob_get_data(blob.get(), &length);

  auto result = std::make_shared<FontSubset>();
  result->program.assign(data, length);
  result->characters = characters;
  const hb_map_t* old_to_new = hb_subset_plan_old_to_new_glyph_mapping(plan.get());
  const hb_map_t* new_to_old = hb_subset_plan_new_to_old_glyph_mapping(plan.get());
  result->glyphs.reserve(characters.size());
  for (const char32_t c : characters) {
    const hb_codepoint_t gid = hb_map_get(old_to_new, face.glyph(c));
    result->glyphs.push_back(static_cast<std::uint16_t>(gid == HB_MAP_VALUE_INVALID ? 0 : gid));
  }
  for (const auto& glyph : shaped) {
    const hb_codepoint_t gid = hb_map_get(old_to_new, glyph.id);
    result->shaped_from.push_back(glyph.id);
    result->shaped_to.push_back(static_cast<std::uint16_t>(gid == HB_MAP_VALUE_INVALID ? 0 : gid));
  }
  const unsigned glyph_count = hb_face_get_glyph_count(subset.get());
  result->widths.resize(glyph_count);
  for (unsigned gid = 0; gid < glyph_count; ++gid) {
    const hb_codepoint_t old = hb_map_get(new_to_old, gid);
    result->widths[gid] = static_cast<std::uint16_t>(
        old == HB_MAP_VALUE_INVALID ? 0 : face.glyph_advance(static_cast<unsigned>(old)));
  }
  return result;
}

// /W: every glyph of the subset from 0, in one run.
std::string widths_array(const FontSubset& subset) {
  std::string out = " /W [0 [";
  for (std::size_t gid = 0; gid < subset.widths.size(); ++gid) {
    if (gid > 0) out += gid % 16 == 0 ? '\n' : ' ';
    append_int(out, subset.widths[gid]);
  }
  out += "]]";
  return out;
}

// /ToUnicode: a CMap from each glyph id back to the character it was chosen for.
// A character as the UTF-16 hex of a ToUnicode destination (a surrogate pair beyond the BMP).
void append_utf16_hex(std::string& out, char32_t c) {
  if (c < 0x10000) {
    append_hex4(out, c);
  } else {
    append_hex4(out, 0xD800 + ((c - 0x10000) >> 10));
    append_hex4(out, 0xDC00 + ((c - 0x10000) & 0x3FF));
  }
}

std::string to_unicode_cmap(const FontSubset& subset, const std::vector<ShapedGlyphUse>& shaped) {
  std::string text =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  std::vector<std::pair<std::uint16_t, std::u32string>> pairs;
  for (std::size_t i = 0; i < subset.characters.size(); ++i)
    if (subset.glyphs[i] != 0)
      pairs.emplace_back(subset.glyphs[i], std::u32string(1, subset.characters[i]));
  // A shaped glyph maps to what it stands for, unless it is some character's own glyph.
  for (std::size_t i = 0; i < shaped.size(); ++i) {
    if (subset.shaped_to[i] == 0 || shaped[i].text.empty()) continue;
    std::u32string says;
    for (std::size_t pos = 0; pos < shaped[i].text.size();)
      says += next_code_point(shaped[i].text, pos);
    pairs.emplace_back(subset.shaped_to[i], std::move(says));
  }
  std::stable_sort(pairs.begin(), pairs.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  // A glyph drawn for two characters (a space and a no-break space) maps back to the first.
  pairs.erase(std::unique(pairs.begin(), pairs.end(),
                          [](const auto& a, const auto& b) { return a.first == b.first; }),
              pairs.end());
  for (std::size_t i = 0; i < pairs.size(); i += 100) {
    const std::size_t n = std::min<std::size_t>(100, pairs.size() - i);
    append_int(text, static_cast<long>(n));
    text += " beginbfchar\n";
    for (std::size_t j = i; j < i + n; ++j) {
      text += '<';
      append_hex4(text, pairs[j].first);
      text += "> <";
      for (const char32_t c : pairs[j].second) append_utf16_hex(text, c);
      text += ">\n";
    }
    text += "endbfchar\n";
  }
  text += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return text;
}

// The most recently used subsets, at most kCapacity of them (a few MB): enough for the few
// character sets a batch repeats, flat however many documents pass through.
class SubsetCache {
 public:
  std::shared_ptr<const FontSubset> find(const FontFace& face, std::uint64_t hash,
                                         const std::vector<char32_t>& characters,
                                         const std::vector<ShapedGlyphUse>& shaped, bool compress) {
    const std::lock_guard lock(mutex_);
    for (auto& entry : entries_) {
      if (entry.face != face.serial() || entry.hash != hash || entry.compressed != compress ||
          entry.subset->characters != characters || entry.shaped != shaped)
        continue;
      entry.last_use = ++clock_;
      return entry.subset;
    }
    return nullptr;
  }

  void add(const FontFace& face, std::uint64_t hash, bool compress,
           const std::vector<ShapedGlyphUse>& shaped, std::shared_ptr<const FontSubset> subset) {
    const std::lock_guard lock(mutex_);
    Entry entry{face.serial(), hash, compress, shaped, std::move(subset), ++clock_};
    if (entries_.size() < kCapacity) {
      entries_.push_back(std::move(entry));
      return;
    }
    *std::min_element(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) {
      return a.last_use < b.last_use;
    }) = std::move(entry);
  }

 private:
  static constexpr std::size_t kCapacity = 64;
  struct Entry {
    std::uint64_t face;  // FontFace::serial(), never reused
    std::uint64_t hash;
    bool compressed;
    std::vector<ShapedGlyphUse> shaped;
    std::shared_ptr<const FontSubset> subset;
    std::uint64_t last_use;
  };
  std::mutex mutex_;
  std::vector<Entry> entries_;
  std::uint64_t clock_ = 0;
};

SubsetCache& cache() {
  static SubsetCache instance;
  return instance;
}

}  // namespace

std::shared_ptr<const FontSubset> subset_face(const FontFace& face,
                                              const std::vector<char32_t>& characters,
                                              const std::vector<ShapedGlyphUse>& shaped,
                                              bool compress) {
  // Without shaped glyphs (all but right-to-left text) the hash, and so the subset tag, is what
  // it was before shaping existed.
  const std::uint64_t hash = fingerprint(face, characters, shaped);
  if (auto found = cache().find(face, hash, characters, shaped, compress)) return found;
  auto subset = cut(face, characters, shaped);
  subset->tag = subset_tag(hash);
  subset->widths_array = widths_array(*subset);
  subset->to_unicode = to_unicode_cmap(*subset, shaped);
  if (compress) {
    subset->deflated = deflate(subset->program);
    subset->to_unicode_deflated = deflate(subset->to_unicode);
  }
  cache().add(face, hash, compress, shaped, subset);
  return subset;
}

}  // namespace pipeline::render
