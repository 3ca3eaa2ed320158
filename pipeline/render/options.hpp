#pragma once
//! What every renderer takes besides its document: the clock and the fonts. Same document and
//! same options give the same PDF bytes.

#include <filesystem>
#include <memory>

#include "pipeline/core/date.hpp"

namespace pipeline::render {

class FontSet;

enum class FontEmbedding {
  // Each font cut down with hb-subset to the characters the document uses (the default).
  Subset,
  // The font file handed to libharu as is; libharu keeps the glyphs it saw used but drops the
  // accents of nested composite glyphs (ễ, ồ) and mangles large CJK fonts. For comparison only.
  LibharuWhole,
};

struct RenderOptions {
  core::Date creation_date;              // the PDF's CreationDate and ModDate, 00:00 UTC
  std::shared_ptr<const FontSet> fonts;  // null: default_fonts()
  FontEmbedding embedding = FontEmbedding::Subset;
  bool compress = true;  // Flate-compress page content and fonts
  // Where document templates are read (agreements, letters); empty: core::data_dir()/templates.
  std::filesystem::path templates_dir;
};

}  // namespace pipeline::render
