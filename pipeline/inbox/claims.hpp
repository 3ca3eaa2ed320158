#pragma once
//! Taking submissions out of the inbox without ever taking one twice. The inbox keeps its own
//! state in INBOX/.formpipe/ (a dot-folder, so never mistaken for a submission):
//!
//!   lock                      flock'ed by the one run or watch working on this inbox
//!   claimed/<token>/<name>    a submission in hand, moved there by one atomic rename
//!   released/<token>/         a finished one being removed (moved out of claimed/ first, so
//!                             a crash mid-removal never leaves part of a folder claimed)
//!
//! A rename succeeds for exactly one taker, so a claim is never doubled; the token folder keeps
//! the name as dropped (ingest reads the format from it). A claimed submission leaves only when
//! its result is durable (release) or goes back to the inbox (give_back); after a crash,
//! `unfinished` hands the claimed ones back to work.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/inbox/durable.hpp"

namespace pipeline::inbox {

struct Claimed {
  std::string token;           // unique; tokens sort in claim order
  std::string name;            // the file or folder name as dropped
  std::filesystem::path path;  // INBOX/.formpipe/claimed/<token>/<name>
};

class Claims {
 public:
  // Takes the inbox's lock and creates the state folder. Throws core::Error when another
  // formpipe works on this inbox, core::IoError when the folder cannot be written.
  explicit Claims(const std::filesystem::path& inbox);

  // Moves an inbox entry into claimed/; nullopt when it vanished meanwhile. The move is durable
  // only after sync().
  std::optional<Claimed> claim(const std::filesystem::path& entry);
  // Flushes the claims made so far to disk (the inbox's whole file system).
  void sync() const { file_system_.sync(); }
  const FileSystem& file_system() const { return file_system_; }
  // The submissions claimed by an earlier run and not finished, oldest first (empty token
  // folders left by a crash are removed).
  std::vector<Claimed> unfinished();
  // Removes a finished submission's input for good (call it only once its record is stored).
  void release(const Claimed& claimed);
  // Moves a claimed submission back into the inbox under its own name. False when the name has
  // been taken meanwhile: it then stays claimed and is retried at the next start.
  bool give_back(const Claimed& claimed);

 private:
  std::filesystem::path inbox_;
  std::filesystem::path claimed_;
  std::filesystem::path released_;
  LockFile lock_;
  FileSystem file_system_;
  unsigned long counter_ = 0;
};

}  // namespace pipeline::inbox
