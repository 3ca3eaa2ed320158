#pragma once
//! What every renderer takes besides its document: the date, the fonts and the templates, all
//! handed in (process::Environment loads them once). Same document and same options give the
//! same PDF bytes; nothing is read from disk while a document renders.

#include <memory>
#include <string>
#include <vector>

#include "pipeline/core/date.hpp"

namespace pipeline::render {

class FontSet;
class Templates;
struct PageOps;
struct PdfMetadata;
struct RenderOptions;

// A writer of the display list (canvas.hpp) as PDF bytes. formpipe's own, write_pdf, embeds each
// font as an hb-subset subset; the benchmark passes libharu's here as the baseline it measures
// formpipe against (bench/haru_writer.cpp).
using PdfBackend = std::string (*)(const std::vector<PageOps>& pages, const PdfMetadata& metadata,
                                   const FontSet& fonts, const RenderOptions& options);

struct RenderOptions {
  core::Date creation_date;              // the PDF's CreationDate and ModDate, 00:00 UTC
  std::shared_ptr<const FontSet> fonts;  // required: a Document throws without fonts
  // The templates of agreements and letters; documents that have none need none.
  std::shared_ptr<const Templates> templates;
  PdfBackend backend = nullptr;  // null: write_pdf
  bool compress = true;          // Flate-compress page content and fonts
  // The document's identity: the trailer /ID is the first 16 bytes of its SHA-256 and the XMP
  // xmpMM:DocumentID is "formpipe:" followed by it, so a signed copy can be matched to what was
  // issued. process sets "<submission id>/<file name>"; empty: derived from the content.
  std::string document_id;
};

}  // namespace pipeline::render
