#include "pipeline/inbox/results.hpp"

#include <algorithm>
#include <cctype>
#include <system_error>

#include "pipeline/core/error.hpp"

namespace pipeline::inbox {

namespace {

namespace fs = std::filesystem;

// Creates OUTDIR and its temp folder and proves both writable; returns the lock file's path.
fs::path prepare(const fs::path& out) {
  std::error_code ec;
  fs::create_directories(out / ".formpipe-tmp", ec);
  if (ec) throw core::IoError(out.string(), "cannot be written: " + ec.message());
  const fs::path probe = out / ".formpipe-tmp" / ".probe";
  remove_tree(probe);
  write_file_synced(probe, "formpipe\n");
  remove_tree(probe);
  return out / ".formpipe.lock";
}

bool is_plain_name(const std::string& name) {
  return !name.empty() && name != "." && name != ".." && name.find('/') == std::string::npos;
}

}  // namespace

std::string original_name(const fs::path& input) {
  std::error_code ec;
  if (fs::is_directory(input, ec)) return "original";
  std::string extension = input.extension().string();
  if (extension.empty() || extension == ".") return "original.xml";
  std::transform(extension.begin(), extension.end(), extension.begin(), [](char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  });
  return "original" + extension;
}

Results::Results(const fs::path& out)
    : out_(out),
      temp_(out / ".formpipe-tmp"),
      lock_(prepare(out), "output folder " + out.string()),
      file_system_(out) {}

void Results::remove_unfinished() {
  std::error_code ec;
  for (fs::directory_iterator it(temp_, ec), end; !ec && it != end; it.increment(ec))
    remove_tree(it->path());
  if (ec) throw core::IoError(temp_.string(), "cannot be listed: " + ec.message());
  sync_directory(temp_);
}

std::vector<std::string> Results::write(const std::string& id, const std::string& report_json,
                                        const std::vector<process::Document>& documents,
                                        const Claimed& input) {
  Staged staged = stage(id, report_json, documents, input);
  sync();
  publish(staged);
  sync_names();
  return std::move(staged.outputs);
}

Results::Staged Results::stage(const std::string& id, const std::string& report_json,
                               const std::vector<process::Document>& documents,
                               const Claimed& input) {
  Staged staged{id, temp_ / input.token, {}};
  remove_tree(staged.folder);
  std::error_code ec;
  fs::create_directory(staged.folder, ec);
  if (ec) throw core::IoError(staged.folder.string(), "cannot be created: " + ec.message());

  std::vector<std::string> names{"report.json"};
  write_file_synced(staged.folder / "report.json", report_json, Flush::Later);
  for (const process::Document& document : documents) {
    if (!is_plain_name(document.name))
      throw core::Error("a rendered document has the unusable name \"" + document.name + "\"");
    write_file_synced(staged.folder / document.name, document.bytes, Flush::Later);
    names.push_back(document.name);
  }
  const std::string original = original_name(input.path);
  // The claimed input itself, by a second name where it can be (keep_file): it is removed from
  // claims/ once the result is recorded, so no byte of it is written twice.
  if (original == "original") {
    keep_tree(input.path, staged.folder / original, Flush::Later);
  } else {
    keep_file(input.path, staged.folder / original, Flush::Later);
  }
  names.push_back(original);

  staged.outputs.reserve(names.size());
  for (const std::string& name : names) staged.outputs.push_back(id + "/" + name);
  return staged;
}

void Results::publish(const Staged& staged) {
  const fs::path target = out_ / staged.id;
  if (!rename_no_replace(staged.folder, target)) {
    exchange_paths(staged.folder, target);  // the earlier result now sits in `staged.folder`
    remove_tree(staged.folder);
  }
}

void Results::discard(const Staged& staged) {
  remove_tree(staged.folder);
}

void Results::withdraw(const Staged& staged) {
  remove_tree(staged.folder);  // nothing there once published, unless a crash left something
  if (!rename_no_replace(out_ / staged.id, staged.folder))
    throw core::IoError(staged.folder.string(), "is in the way of withdrawing a result");
  remove_tree(staged.folder);
}

}  // namespace pipeline::inbox
