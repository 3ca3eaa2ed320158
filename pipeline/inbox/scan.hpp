#pragma once
//! Which entries of the inbox are submissions ready to take. A file or folder is taken only when
//! it is not a dot- or temp-named entry, and it has stopped changing: the same size, file count
//! and newest modification time at two passes, with nothing modified for `settle` (by the wall
//! clock, or by our own clock when the file's time lies in the future). The drop convention is
//! still "write under a temp name, then rename": stability is the safety net for tools that
//! write in place.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pipeline::inbox {

// Names never taken: dot-files (".x", the ".formpipe" state folder), "~x", "x~" and the temp
// suffixes .tmp .temp .part .partial .crdownload .download .filepart .swp (any case).
bool is_ignored_name(std::string_view name);

// What a pass compares: for a file its size and time; for a folder bundle the sum over every
// file and sub-folder in it.
struct Signature {
  std::uintmax_t bytes = 0;
  std::uint64_t entries = 0;
  std::int64_t newest_ns = 0;  // newest modification time, ns since the epoch
  bool folder = false;
  friend bool operator==(const Signature&, const Signature&) = default;
};

// The signature of a regular file or a folder; nullopt for anything else (a symbolic link,
// a socket) or when it vanished meanwhile.
std::optional<Signature> signature_of(const std::filesystem::path& path);
// What an entry is when it is neither a regular file nor a folder ("a symbolic link", ...);
// nullopt for a file, a folder or an entry that is gone.
std::optional<std::string> unsupported_kind(const std::filesystem::path& path);

class Scanner {
 public:
  using Clock = std::chrono::steady_clock;

  // `max_pending` bounds the entries remembered between passes, so memory stays flat however
  // large the inbox grows; the rest are seen on later passes.
  Scanner(std::filesystem::path inbox, std::chrono::nanoseconds settle,
          std::size_t max_pending = 4096);

  // Walks the inbox once and returns the entries that are ready, in directory order. Throws
  // core::IoError when the inbox cannot be listed.
  std::vector<std::filesystem::path> pass();
  // An entry that is never a submission because of what it is, not its name.
  struct Refused {
    std::string name;  // as it is in the inbox (any bytes)
    std::string kind;  // "a symbolic link", "a FIFO (named pipe)", "a socket", "a device"
  };
  // The entries the last pass found to be neither a file nor a folder and that no earlier pass
  // reported: each is reported once while it stays (again if it goes and comes back).
  const std::vector<Refused>& refused() const { return refused_; }
  // True when the last pass saw entries that are not ready yet.
  bool has_pending() const { return !pending_.empty() || overflow_; }
  // Leaves `name` alone until its signature changes (a submission that failed this session).
  void skip_until_changed(const std::string& name, const Signature& signature);

 private:
  struct Seen {
    Signature signature;
    Clock::time_point since;  // when this signature was first seen
    std::uint64_t pass = 0;
  };
  bool settled(const Seen& seen, Clock::time_point now) const;

  std::filesystem::path inbox_;
  std::chrono::nanoseconds settle_;
  std::size_t max_pending_;
  std::map<std::string, Seen, std::less<>> pending_;
  std::map<std::string, Seen, std::less<>> skipped_;
  std::map<std::string, std::uint64_t, std::less<>> reported_;  // refused name -> last pass seen
  std::vector<Refused> refused_;
  std::uint64_t passes_ = 0;
  bool overflow_ = false;
};

}  // namespace pipeline::inbox
