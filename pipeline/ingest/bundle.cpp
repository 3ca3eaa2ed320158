#include "pipeline/ingest/bundle.hpp"

#include <algorithm>
#include <fstream>

#include "pipeline/ingest/tree.hpp"
#include "pipeline/ingest/zip_reader.hpp"

namespace pipeline::ingest {

namespace {

bool safe_entry_name(const std::string& name) {
  if (name.empty() || name.front() == '/' || name.front() == '\\') return false;
  if (name.find('/') != std::string::npos || name.find('\\') != std::string::npos) return false;
  if (name == "." || name == ".." || name.find(':') != std::string::npos) return false;
  return true;
}

std::string read_all(const std::filesystem::path& file, std::uint64_t limit, bool& too_big) {
  std::ifstream in(file, std::ios::binary);
  std::string out;
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    out.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (out.size() > limit) {
      too_big = true;
      break;
    }
  }
  return out;
}

}  // namespace

std::string special_file_kind(std::filesystem::file_type type) {
  switch (type) {
    case std::filesystem::file_type::fifo:
      return "a named pipe (FIFO)";
    case std::filesystem::file_type::socket:
      return "a socket";
    case std::filesystem::file_type::block:
    case std::filesystem::file_type::character:
      return "a device";
    default:
      return "neither a file nor a folder";
  }
}

std::variant<Bundle, std::string> read_folder_bundle(const std::filesystem::path& folder,
                                                     const BundleLimits& limits) {
  Bundle bundle;
  bundle.name = folder.filename().string();
  std::error_code ec;
  std::uint64_t total = 0;
  for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
    const std::string file = entry.path().filename().string();
    // A link could point anywhere on the machine; a bundle holds its own files only.
    if (entry.is_symlink())
      return bundle.name + ": \"" + file + "\" is a link; a bundle's files must be real files";
    if (entry.is_directory())
      return bundle.name + ": holds a sub-folder \"" + file +
             "\"; a bundle's files sit at its root";
    if (!entry.is_regular_file())
      return bundle.name + ": \"" + file + "\" is " +
             special_file_kind(entry.symlink_status().type()) +
             ", not a file; a bundle holds regular files only";
    if (bundle.files.size() >= limits.max_entries)
      return bundle.name + ": more than " + std::to_string(limits.max_entries) + " files";
    bool too_big = false;
    std::string bytes = read_all(entry.path(), limits.max_entry_bytes, too_big);
    if (too_big) return bundle.name + "/" + file + ": larger than the per-file limit";
    total += bytes.size();
    if (total > limits.max_total_bytes) return bundle.name + ": larger than the bundle limit";
    bundle.files.emplace(file, std::move(bytes));
  }
  if (ec) return bundle.name + ": cannot read the folder: " + ec.message();
  return bundle;
}

std::variant<Bundle, std::string> read_zip_bundle(std::string_view bytes, const std::string& name,
                                                  const BundleLimits& limits) {
  Bundle bundle;
  bundle.name = name;
  if (bytes.empty()) return name + ": the file is empty; expected a zip bundle";
  // The end records are checked against the file's size before libzip reads anything.
  auto opened = ZipArchive::open(bytes, name, limits.max_entries);
  if (auto* error = std::get_if<std::string>(&opened)) return *error;
  ZipArchive& zip = std::get<ZipArchive>(opened);
  std::uint64_t total = 0;
  for (std::size_t index = 0; index < zip.entries().size(); ++index) {
    const ZipEntry& zip_entry = zip.entries()[index];
    const std::string& entry = zip_entry.name;
    if (entry.empty()) return name + ": an entry has no name; expected the bundle's files";
    if (entry.back() == '/')
      return name + ": holds a folder \"" + entry + "\"; a bundle's files sit at its root";
    if (!safe_entry_name(entry))
      return name + ": entry \"" + entry + "\" has a path; a bundle's files sit at its root";
    const std::uint64_t size = zip_entry.size;
    const std::uint64_t packed = std::max<std::uint64_t>(zip_entry.compressed_size, 1);
    if (size > limits.max_entry_bytes)
      return name + ": entry \"" + entry + "\" inflates to " + std::to_string(size) +
             " bytes, over the per-file limit";
    if (size > (1u << 20) && size / packed > limits.max_ratio)
      return name + ": entry \"" + entry + "\" is compressed " + std::to_string(size / packed) +
             ":1, which looks like a zip bomb";
    total += size;
    if (total > limits.max_total_bytes) return name + ": inflates past the bundle limit";
    auto content = zip.read(index);
    if (content.index() == 1) return std::get<1>(content);
    bundle.files.emplace(entry, std::move(std::get<0>(content)));
  }
  return bundle;
}

const std::string* Manifest::find(std::string_view key) const {
  auto it = values.find(std::string(key));
  return it == values.end() ? nullptr : &it->second;
}

std::variant<Manifest, std::string> read_manifest(const Bundle& bundle) {
  auto it = bundle.files.find("manifest.csv");
  if (it == bundle.files.end()) return bundle.name + ": no manifest.csv at the bundle's root";
  auto parsed = parse_csv(it->second, "manifest.csv");
  if (auto* error = std::get_if<std::string>(&parsed)) return *error;
  const CsvTable& table = std::get<CsvTable>(parsed);
  if (auto error = check_columns(table, {"key", "value"}, {}, nullptr)) return *error;
  static const std::vector<std::string_view> kKeys{
      "form-kind", "format-version", "profile",  "alliance-type",        "level", "action",
      "stage",     "fiscal-year",    "received", "baseline-approved-on", "file"};
  Manifest manifest;
  for (const CsvRow& row : table.rows) {
    const std::string key = table.cell(row, "key");
    const std::string value = table.cell(row, "value");
    if (key == "file") {
      if (!value.empty()) manifest.files.push_back(value);
    } else if (std::find(kKeys.begin(), kKeys.end(), key) == kKeys.end()) {
      manifest.unknown_keys.push_back(key);
    } else if (manifest.values.count(key) != 0) {
      return "manifest.csv " + table.where(row) + ": key \"" + key + "\" appears twice";
    } else if (!value.empty()) {
      manifest.values.emplace(key, value);
    }
  }
  const std::string* kind = manifest.find("form-kind");
  if (kind == nullptr) return std::string("manifest.csv: no form-kind row");
  if (!is_form_kind(*kind))
    return "manifest.csv: form-kind \"" + *kind + "\" is unknown; expected one of " +
           form_kinds_list();
  if (const std::string* version = manifest.find("format-version"); version && *version != "1")
    return "manifest.csv: format-version \"" + *version + "\"; expected 1";
  manifest.form_kind = *kind;
  return manifest;
}

std::optional<std::string> check_manifest_files(
    const Bundle& bundle, const Manifest& manifest,
    const std::vector<std::string_view>& allowed_files) {
  for (const std::string& file : manifest.files) {
    if (std::find(allowed_files.begin(), allowed_files.end(), file) == allowed_files.end())
      return "manifest.csv: file \"" + file + "\" is not a table of " + manifest.form_kind;
    if (bundle.files.count(file) == 0)
      return "manifest.csv: lists \"" + file + "\", which is not in the bundle";
  }
  for (const auto& [file, bytes] : bundle.files) {
    if (file == "manifest.csv") continue;
    if (std::find(manifest.files.begin(), manifest.files.end(), file) == manifest.files.end())
      return bundle.name + ": \"" + file + "\" is not listed in manifest.csv";
  }
  return std::nullopt;
}

std::variant<std::optional<CsvTable>, std::string> bundle_table(const Bundle& bundle,
                                                                const Manifest& manifest,
                                                                std::string_view file) {
  if (std::find(manifest.files.begin(), manifest.files.end(), file) == manifest.files.end())
    return std::optional<CsvTable>{};
  auto parsed = parse_csv(bundle.files.at(std::string(file)), std::string(file));
  if (auto* error = std::get_if<std::string>(&parsed)) return *error;
  return std::optional<CsvTable>(std::move(std::get<CsvTable>(parsed)));
}

}  // namespace pipeline::ingest
