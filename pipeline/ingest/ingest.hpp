#pragma once
//! Ingest: file bytes -> model::Submission, the only stage that reads submissions. XML is the
//! canonical form; CSV files and bundles (.zip or folder) are turned into the same tree first
//! (tree.hpp), so every FORMAT-* finding is the same for a CSV twin, with "(file row N)" added
//! to its location.

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

// Reads a file, .zip bundle or folder bundle: a folder or a name ending in .zip is a bundle,
// .csv is a single CSV, anything else XML. Never throws for bad input.
Ingested ingest_path(const std::filesystem::path& path, const Options& options);
// The same from bytes already read; `name` decides the format as above (no folders).
Ingested ingest_bytes(std::string_view bytes, const std::string& name, const Options& options);
Ingested ingest_xml(std::string_view bytes, const std::string& name, const Options& options);
Ingested ingest_csv(std::string_view bytes, const std::string& name, const Options& options);
Ingested ingest_bundle(const Bundle& bundle, const Options& options);

// The profiles formats.md §1 allows for a form kind.
std::vector<std::string_view> allowed_profiles(std::string_view kind);

}  // namespace pipeline::ingest
