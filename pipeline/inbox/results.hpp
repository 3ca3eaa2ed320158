#pragma once
//! The result folders in OUTDIR. Each submission gets OUTDIR/<id>/ holding report.json, the PDFs
//! it produced and the submission exactly as received: `original.<ext>` for a file (the
//! extension of its name, lower-cased; `.xml` when it has none, as it was read as XML), and an
//! `original/` folder for a folder bundle (its files byte for byte, so `formpipe check` on it
//! gives the same id).
//!
//! A folder is written under OUTDIR/.formpipe-tmp/ and flushed to disk (its files and itself,
//! or the whole file system at once for a group of folders), then renamed into place and OUTDIR
//! fsync'ed: OUTDIR/<id>/ is complete or absent, never partial.
//! OUTDIR/.formpipe.lock keeps a second run or watch out of the same OUTDIR.

#include <filesystem>
#include <string>
#include <vector>

#include "pipeline/inbox/claims.hpp"
#include "pipeline/inbox/durable.hpp"
#include "pipeline/process/process.hpp"

namespace pipeline::inbox {

class Results {
 public:
  // Creates OUTDIR when needed, takes its lock and proves it writable. Throws core::IoError
  // ("cannot be written: ...") or core::Error (in use by another formpipe).
  explicit Results(const std::filesystem::path& out);

  // Removes the half-written folders a crash left behind.
  void remove_unfinished();
  // A result folder written under the temp folder, not yet flushed nor in place.
  struct Staged {
    std::string id;
    std::filesystem::path folder;      // OUTDIR/.formpipe-tmp/<token>
    std::vector<std::string> outputs;  // relative to OUTDIR: "<id>/report.json", ...
  };

  // Writes OUTDIR/<id>/ for a processed submission, durably, in one call: stage, flush,
  // publish, flush. Returns the paths written, relative to OUTDIR ("<id>/report.json", ...).
  // Throws core::IoError.
  std::vector<std::string> write(const std::string& id, const std::string& report_json,
                                 const std::vector<process::Document>& documents,
                                 const Claimed& input);

  // The steps of `write`, for committing results in groups (one flush for many folders):
  // stage() writes the folder under the temp folder without flushing; sync() flushes every
  // staged folder to disk; publish() renames a flushed folder into place (an existing
  // OUTDIR/<id>/, a result whose record was not stored before a crash, is replaced in one
  // atomic exchange); sync_names() makes the renames durable. All throw core::IoError.
  Staged stage(const std::string& id, const std::string& report_json,
               const std::vector<process::Document>& documents, const Claimed& input);
  void sync() const { file_system_.sync(); }
  void publish(const Staged& staged);
  void sync_names() const { sync_directory(out_); }
  // Removes a staged folder that will not be published.
  void discard(const Staged& staged);
  // Takes a published folder down again (its record could not be stored): moved back to the
  // temp folder in one rename, then removed. Durable after sync_names().
  void withdraw(const Staged& staged);

  const std::filesystem::path& folder() const { return out_; }
  const FileSystem& file_system() const { return file_system_; }

 private:
  std::filesystem::path out_;
  std::filesystem::path temp_;
  LockFile lock_;
  FileSystem file_system_;
};

// "original.xml", "original.zip", ... or "original" for a folder bundle.
std::string original_name(const std::filesystem::path& input);

}  // namespace pipeline::inbox
