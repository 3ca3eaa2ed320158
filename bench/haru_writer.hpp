#pragma once
//! The baseline formpipe's PDF writer is measured against: the same display list written through
//! libharu, each font file embedded whole (libharu's way). It lives in the benchmark only; the
//! product does not link libharu.

#include <string>
#include <vector>

#include "pipeline/render/canvas.hpp"

namespace bench {

// A render::PdfBackend: pass it as RenderOptions::backend. Throws render::RenderError when
// libharu reports an error.
std::string write_pdf_with_libharu(const std::vector<pipeline::render::PageOps>& pages,
                                   const pipeline::render::PdfMetadata& metadata,
                                   const pipeline::render::FontSet& fonts,
                                   const pipeline::render::RenderOptions& options);

}  // namespace bench
