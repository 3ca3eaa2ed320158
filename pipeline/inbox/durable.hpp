#pragma once
//! File operations that survive a crash or power cut: every write is fsync'ed before it is
//! made visible by a rename, and the folder holding a rename is fsync'ed after it (POSIX only).
//! All of them throw core::IoError with the path and the system's reason.

#include <filesystem>
#include <string>
#include <string_view>

namespace pipeline::inbox {

// Whether a write is flushed to disk at once (Now), or left to one flush of the whole file
// system later (Later: the caller must call FileSystem::sync before relying on it).
enum class Flush { Now, Later };

// Creates `path` (it must not exist), writes `bytes` and fsyncs the file.
void write_file_synced(const std::filesystem::path& path, std::string_view bytes,
                       Flush flush = Flush::Now);
// Copies a regular file into the new file `to`, streaming, and fsyncs it.
void copy_file_synced(const std::filesystem::path& from, const std::filesystem::path& to,
                      Flush flush = Flush::Now);
// Copies a folder tree into the new folder `to`: regular files and sub-folders (symbolic links
// are copied as links, never followed); fsyncs every file and folder written.
void copy_tree_synced(const std::filesystem::path& from, const std::filesystem::path& to,
                      Flush flush = Flush::Now);
// Gives the regular file `from` the second name `to` (link(2)) when no byte needs copying and
// nothing can change the kept file later: `from` is ours, has no other name (a later edit
// through another name would change it too), has the mode a copy would get, and lies on the
// same file system. Otherwise copies it like copy_file_synced. Either way `to` then holds the
// bytes of `from` and outlives its removal.
void keep_file(const std::filesystem::path& from, const std::filesystem::path& to,
               Flush flush = Flush::Now);
// copy_tree_synced with each regular file kept by keep_file.
void keep_tree(const std::filesystem::path& from, const std::filesystem::path& to,
               Flush flush = Flush::Now);
// fsync of a folder, so that the names created, renamed or removed in it are durable.
void sync_directory(const std::filesystem::path& folder);
// rename(2) that never replaces: false when `to` already exists.
bool rename_no_replace(const std::filesystem::path& from, const std::filesystem::path& to);
// Swaps two existing paths atomically (renameat2 RENAME_EXCHANGE).
void exchange_paths(const std::filesystem::path& a, const std::filesystem::path& b);
// Removes a file or a whole folder tree; nothing when it does not exist.
void remove_tree(const std::filesystem::path& path);

// The file system holding a folder, kept open so that one syncfs(2) flushes everything written
// to it since the last sync, and reports a write-back error that happened in between (the
// error is tracked from when the folder was opened, so open it before writing).
class FileSystem {
 public:
  explicit FileSystem(const std::filesystem::path& folder);
  FileSystem(const FileSystem&) = delete;
  FileSystem& operator=(const FileSystem&) = delete;
  ~FileSystem();

  // Flushes every file and folder of this file system to disk. Throws core::IoError.
  void sync() const;
  // Whether `other` lives on the same file system (one sync serves both).
  bool same_as(const FileSystem& other) const { return device_ == other.device_; }

 private:
  std::filesystem::path folder_;
  int fd_ = -1;
  unsigned long device_ = 0;
};

// An exclusive flock(2) on a lock file, held for the object's life and released by the kernel
// if the process dies. Throws core::Error naming `what` when another process holds it.
class LockFile {
 public:
  LockFile(const std::filesystem::path& path, const std::string& what);
  LockFile(const LockFile&) = delete;
  LockFile& operator=(const LockFile&) = delete;
  ~LockFile();

 private:
  int fd_ = -1;
};

}  // namespace pipeline::inbox
