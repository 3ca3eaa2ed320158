#pragma once
//! Ingest: file bytes -> model::Submission, the only stage that reads submissions. XML is the
//! canonical form; CSV files and bundles (.zip or folder) are turned into the same tree first
//! (tree.hpp), so every FORMAT-* finding is the same for a CSV twin, with "(file row N)" added
//! to its location. A fillable PDF form (pdf-forms.md §3) is turned into the same tree from its
//! fields, and its locations are field names with pages ("activities.activity.3.date (page 1)").

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/finding.hpp"
#include "pipeline/ingest/bundle.hpp"
#include "pipeline/model/form.hpp"

namespace pipeline::ingest {

struct Options {
  std::optional<std::string> profile;     // --profile: only when the document names none
  std::uint64_t max_bytes = 64ull << 20;  // larger inputs are unreadable
  BundleLimits bundle_limits;
};

struct Ingested {
  // Set when the submission could be read and its profile is allowed; rules then run on it.
  std::optional<model::Submission> submission;
  bool unreadable = false;  // FORMAT-XML / FORMAT-CSV: exactly one finding, no rule runs
  std::string kind;         // root element name when known
  std::string profile;      // resolved profile when known
  std::vector<core::Finding> findings;  // FORMAT-* findings
};

// PDFs larger than this are unreadable (FORMAT-PDF) without being read: a filled form or a
// signed copy is well under a megabyte; 16 MiB leaves room for forms with many incremental saves.
inline constexpr std::uint64_t kMaxPdfBytes = 16ull << 20;

// A PDF read as a fillable form (pdf-forms.md §3).
struct PdfIngested {
  // The form read like its XML twin; or, for any other PDF, unreadable with one FORMAT-PDF
  // finding (damaged, encrypted, over kMaxPdfBytes, not a formpipe form, an unknown form
  // version).
  Ingested ingested;
  // A PDF with signatures or signature fields (signing.md §4): nothing was read; it is the
  // signed-copy reader's (process/signed_copy.cpp).
  bool signed_document = false;
  std::string bytes;  // the file's bytes, for that reader (ingest_pdf_path, signed documents only)
};
PdfIngested ingest_pdf(std::string_view bytes, const std::string& name, const Options& options);
// The same for a file: one over kMaxPdfBytes (or options.max_bytes) is not read.
PdfIngested ingest_pdf_path(const std::filesystem::path& path, const Options& options);

// Reads a file, .zip bundle or folder bundle: a folder or a name ending in .zip is a bundle,
// .csv is a single CSV, .pdf a PDF form, anything else XML. Never throws for bad input.
Ingested ingest_path(const std::filesystem::path& path, const Options& options);
// The same from bytes already read; `name` decides the format as above (no folders).
Ingested ingest_bytes(std::string_view bytes, const std::string& name, const Options& options);
Ingested ingest_xml(std::string_view bytes, const std::string& name, const Options& options);
Ingested ingest_csv(std::string_view bytes, const std::string& name, const Options& options);
Ingested ingest_bundle(const Bundle& bundle, const Options& options);

// The profiles formats.md §1 allows for a form kind.
std::vector<std::string_view> allowed_profiles(std::string_view kind);

}  // namespace pipeline::ingest
