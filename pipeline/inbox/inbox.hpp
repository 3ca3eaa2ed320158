#pragma once
//! The inbox service behind `formpipe run` and `formpipe watch`: every submission dropped into
//! INBOX gets exactly one result folder in OUTDIR, a crash loses nothing, a half-copied file is
//! never read and the same bytes are never processed twice.
//!
//! One dispatcher thread scans the inbox (scan.hpp) and claims a ready submission only when a
//! worker is free (claims.hpp), so every claimed submission is in hand. A worker hashes it; bytes
//! already recorded are a duplicate (recorded, input removed). Otherwise it is processed
//! (process::process_path) and its folder staged (results.hpp); a committer thread then takes
//! every submission staged meanwhile as one group: one flush of the file system for all their
//! folders (and claims), each folder renamed into place, one flush of OUTDIR, their records
//! committed in one store transaction (store.hpp), and only then their inputs removed. A
//! submission that cannot be finished (an
//! output folder that cannot be written, a missing template) goes back to the inbox untouched
//! and is not retried in this session until it changes.
//!
//! On start, half-written result folders are removed and submissions claimed by an earlier run
//! are processed first; a result folder whose record is missing is redone in place.

#include <atomic>
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>

#include "pipeline/core/date.hpp"
#include "pipeline/process/process.hpp"

namespace pipeline::inbox {

struct Settings {
  std::filesystem::path inbox;
  std::filesystem::path out;
  process::Options process;  // profile, render, max_bytes; as_of: the environment's today()
  // What submissions are processed with (profiles, fonts, templates, the clock): required.
  process::EnvironmentPtr environment;
  // watch: loads a new environment when the data folder's templates or profiles change on disk;
  // checked between submissions, so one submission is processed with one environment. Null:
  // never reloaded. A reload that fails keeps the environment there is and is told once.
  std::function<process::EnvironmentPtr()> reload;
  unsigned jobs = 1;
  std::chrono::milliseconds settle{2000};  // how long an entry must stay unchanged
  bool watch = false;                      // keep watching after the inbox is empty
};

// What became of one submission.
struct Event {
  enum class Kind { Processed, Duplicate, Failed };
  Kind kind = Kind::Processed;
  std::string source;  // the name as dropped, escaped (process::escape_name): one line of UTF-8
  std::string id;      // result folder (for a duplicate: the original's)
  process::Status status = process::Status::Unreadable;
  int errors = 0;
  int warnings = 0;
  std::string message;  // for Failed: what went wrong (printable: one line of UTF-8)
};

// Progress reports; calls come from one thread at a time.
class Observer {
 public:
  virtual ~Observer() = default;
  // After recovery, before the first submission: how many entries the inbox holds.
  virtual void started(std::size_t expected) { (void)expected; }
  virtual void finished(const Event& event) = 0;
  // An inbox entry that is never taken because it is neither a file nor a folder: `source` is
  // its escaped name, `kind` what it is ("a symbolic link", "a FIFO (named pipe)", ...). Told
  // once per entry, however many scans see it.
  virtual void refused(const std::string& source, const std::string& kind) {
    (void)source;
    (void)kind;
  }
  // The environment was loaded again (`watch`: templates or profiles changed on disk), or a
  // reload failed (`error` set; the one there was stays in use).
  virtual void reloaded(const std::string& error) { (void)error; }
};

struct Summary {
  std::size_t accepted = 0;
  std::size_t rejected = 0;
  std::size_t unreadable = 0;
  std::size_t duplicates = 0;
  std::size_t failed = 0;
  bool interrupted = false;  // stopped by `stop`
  std::chrono::duration<double> elapsed{};
};

// Runs the service until the inbox is empty (or, when settings.watch, until `stop`). Throws
// core::Error when it cannot start: the inbox or OUTDIR missing, unwritable or in use by another
// formpipe. Failures of single submissions are Events, never exceptions.
Summary run_inbox(const Settings& settings, Observer& observer, const std::atomic<bool>& stop);

}  // namespace pipeline::inbox
