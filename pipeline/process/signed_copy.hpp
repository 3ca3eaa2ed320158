#pragma once
// Internal to process: a .pdf submission (pdf-forms.md §3, signing.md §4). A formpipe form is
// read by ingest like its XML twin (ingest::ingest_pdf_path); a PDF with signatures or signature
// fields is read here as a signed copy of an agreement or letter formpipe issued: its signatures
// are verified (signing::verify_pdf) into model::SignedDocument's facts for the SIGNED rules.
// Any other PDF, or one that cannot be read or is over the size cap, is FORMAT-PDF (rules.md
// §9), unreadable.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "pipeline/ingest/ingest.hpp"

namespace pipeline::signing {
class TrustAnchors;
}

namespace pipeline::process {

// `trust`: the anchors signatures must chain to; null: none (every signature untrusted).
ingest::Ingested read_pdf(const std::filesystem::path& path, const ingest::Options& options,
                          const std::shared_ptr<const signing::TrustAnchors>& trust);
// The signed-copy half: `bytes` are the file's, `name` its name as reports show it.
ingest::Ingested read_signed_copy(std::string_view bytes, const std::string& name,
                                  const std::shared_ptr<const signing::TrustAnchors>& trust);

}  // namespace pipeline::process
