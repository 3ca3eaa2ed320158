#pragma once
//! Multi-table submissions (formats.md §8.2): a .zip whose root holds manifest.csv and one CSV
//! per table, or a folder with the same files. Zip entries are checked before anything is
//! inflated (names that climb out of the bundle, sub-folders, sizes and compression ratios that
//! betray a zip bomb), and inflation stops at the declared size whatever the header claims.

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "pipeline/ingest/csv_table.hpp"

namespace pipeline::ingest {

struct BundleLimits {
  std::uint64_t max_entries = 64;
  std::uint64_t max_entry_bytes = 64ull << 20;   // one uncompressed file
  std::uint64_t max_total_bytes = 256ull << 20;  // all files together
  std::uint64_t max_ratio = 200;                 // uncompressed : compressed, per entry
};

struct Bundle {
  std::string name;                          // file or folder name, for messages
  std::map<std::string, std::string> files;  // file name -> bytes
};

// "a named pipe (FIFO)", "a socket", "a device": what a path that is no file or folder is.
std::string special_file_kind(std::filesystem::file_type type);

// Reads a folder bundle (regular files only; a sub-folder, link, FIFO or device is an error).
std::variant<Bundle, std::string> read_folder_bundle(const std::filesystem::path& folder,
                                                     const BundleLimits& limits = {});
// Reads a zip bundle from its bytes.
std::variant<Bundle, std::string> read_zip_bundle(std::string_view bytes, const std::string& name,
                                                  const BundleLimits& limits = {});

// manifest.csv: key,value rows.
struct Manifest {
  std::string form_kind;
  std::map<std::string, std::string> values;  // every key but `file`, trimmed
  std::vector<std::string> files;             // the `file` rows, in order
  std::vector<std::string> unknown_keys;

  const std::string* find(std::string_view key) const;
};

// Reads and checks manifest.csv: present, well-formed, a known form-kind, keys among
// `allowed_keys` (others are returned as unknown), every listed file present and named in
// `allowed_files`, every data file of the bundle listed. Returns the FORMAT-CSV message on failure.
std::variant<Manifest, std::string> read_manifest(const Bundle& bundle);
std::optional<std::string> check_manifest_files(const Bundle& bundle, const Manifest& manifest,
                                                const std::vector<std::string_view>& allowed_files);

// Parses one listed file of the bundle (nullopt table when the manifest does not list it).
std::variant<std::optional<CsvTable>, std::string> bundle_table(const Bundle& bundle,
                                                                const Manifest& manifest,
                                                                std::string_view file);

}  // namespace pipeline::ingest
