#pragma once
//! The result folders in OUTDIR. Each submission gets OUTDIR/<id>/ holding report.json, the PDFs
//! it produced and the submission exactly as received: `original.<ext>` for a file (the
//! extension of its name, lower-cased; `.xml` when it has none, as it was read as XML), and an
//! `original/` folder for a folder bundle (its files byte for byte, so `formpipe check` on it
//! gives the same id).
//!
//! A folder is written under OUTDIR/.formpipe-tmp/, every file and the folder fsync'ed, then
//! renamed into place and OUTDIR fsync'ed: OUTDIR/<id>/ is complete or absent, never partial.
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
  // Writes OUTDIR/<id>/ for a processed submission; an existing OUTDIR/<id>/ (a result whose
  // record was not stored before a crash) is replaced in one atomic exchange. Returns the paths
  // written, relative to OUTDIR ("<id>/report.json", ...). Throws core::IoError.
  std::vector<std::string> write(const std::string& id, const std::string& report_json,
                                 const std::vector<process::Document>& documents,
                                 const Claimed& input);

  const std::filesystem::path& folder() const { return out_; }

 private:
  std::filesystem::path out_;
  std::filesystem::path temp_;
  LockFile lock_;
};

// "original.xml", "original.zip", ... or "original" for a folder bundle.
std::string original_name(const std::filesystem::path& input);

}  // namespace pipeline::inbox
