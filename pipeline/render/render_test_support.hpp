#pragma once
// Test helper for the render tests: the fonts and templates of the source tree, loaded once per
// test binary, and render options carrying them (what process::Environment hands the product).

#include <filesystem>
#include <memory>

#include "pipeline/core/date.hpp"
#include "pipeline/render/fonts.hpp"
#include "pipeline/render/options.hpp"
#include "pipeline/render/template_document.hpp"

namespace pipeline::render::testing {

inline const std::filesystem::path& source_dir() {
  static const std::filesystem::path dir = FORMPIPE_SOURCE_DIR;
  return dir;
}

inline std::shared_ptr<const FontSet> fonts() {
  static const std::shared_ptr<const FontSet> loaded = FontSet::load(source_dir() / "fonts");
  return loaded;
}

inline std::shared_ptr<const Templates> templates() {
  static const std::shared_ptr<const Templates> loaded =
      Templates::load(source_dir() / "templates");
  return loaded;
}

// Options dated `date` with the source tree's fonts and templates.
inline RenderOptions options(core::Date date = *core::Date::from_ymd(2025, 10, 9)) {
  RenderOptions out;
  out.creation_date = date;
  out.fonts = fonts();
  out.templates = templates();
  return out;
}

}  // namespace pipeline::render::testing
