#pragma once
// Internal to process: a .pdf submission, read as a signed copy of an agreement or letter
// formpipe issued (signing.md §4). Its signatures are verified (signing::verify_pdf) into
// model::SignedDocument's facts for the SIGNED rules; a PDF that cannot be read, is over the
// size cap, or has no signature field is FORMAT-PDF (rules.md §9), unreadable.

#include <cstdint>
#include <filesystem>
#include <memory>

#include "pipeline/ingest/ingest.hpp"

namespace pipeline::signing {
class TrustAnchors;
}

namespace pipeline::process {

// `trust`: the anchors signatures must chain to; null: none (every signature untrusted).
ingest::Ingested read_signed_copy(const std::filesystem::path& path,
                                  const std::shared_ptr<const signing::TrustAnchors>& trust,
                                  std::uint64_t max_bytes);

}  // namespace pipeline::process
