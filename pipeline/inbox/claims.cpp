#include "pipeline/inbox/claims.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <system_error>

#include "pipeline/core/error.hpp"

namespace pipeline::inbox {

namespace {

namespace fs = std::filesystem;

fs::path state_folder(const fs::path& inbox) {
  return inbox / ".formpipe";
}

// Creates INBOX/.formpipe/claimed and returns the lock file's path.
fs::path prepare(const fs::path& inbox) {
  std::error_code ec;
  if (!fs::is_directory(inbox, ec))
    throw core::IoError(inbox.string(), "is not a folder (the inbox must exist)");
  fs::create_directories(state_folder(inbox) / "claimed", ec);
  if (!ec) fs::create_directories(state_folder(inbox) / "released", ec);
  if (ec) throw core::IoError(state_folder(inbox).string(), "cannot be created: " + ec.message());
  return state_folder(inbox) / "lock";
}

std::string new_token(unsigned long counter) {
  const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(
                      std::chrono::system_clock::now().time_since_epoch())
                      .count();
  char token[48];
  std::snprintf(token, sizeof token, "%020lld-%06lu", static_cast<long long>(ns), counter);
  return token;
}

}  // namespace

Claims::Claims(const fs::path& inbox)
    : inbox_(inbox),
      claimed_(state_folder(inbox) / "claimed"),
      released_(state_folder(inbox) / "released"),
      lock_(prepare(inbox), "inbox " + inbox.string()),
      file_system_(inbox) {}

std::optional<Claimed> Claims::claim(const fs::path& entry) {
  Claimed claimed;
  claimed.token = new_token(++counter_);
  claimed.name = entry.filename().string();
  const fs::path folder = claimed_ / claimed.token;
  claimed.path = folder / claimed.name;
  std::error_code ec;
  fs::create_directory(folder, ec);
  if (ec) throw core::IoError(folder.string(), "cannot be created: " + ec.message());
  fs::rename(entry, claimed.path, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove(folder, ignored);
    if (ec == std::errc::no_such_file_or_directory) return std::nullopt;
    throw core::IoError(entry.string(), "cannot be claimed: " + ec.message());
  }
  // Not flushed here: the inbox service flushes the inbox's file system once for a group of
  // claims, before their records are committed. A claim lost in a crash before that leaves the
  // submission in the inbox, where it is simply taken again.
  return claimed;
}

std::vector<Claimed> Claims::unfinished() {
  // Inputs released before a crash cut their removal short: finished, whatever is left.
  std::error_code ec;
  for (fs::directory_iterator it(released_, ec), end; !ec && it != end; it.increment(ec))
    remove_tree(it->path());
  if (ec) throw core::IoError(released_.string(), "cannot be listed: " + ec.message());

  std::vector<Claimed> out;
  for (fs::directory_iterator it(claimed_, ec), end; !ec && it != end; it.increment(ec)) {
    const fs::path folder = it->path();
    std::vector<fs::path> inside;
    std::error_code inner;
    for (fs::directory_iterator entry(folder, inner); !inner && entry != end;
         entry.increment(inner))
      inside.push_back(entry->path());
    if (inner) throw core::IoError(folder.string(), "cannot be listed: " + inner.message());
    if (inside.empty()) {
      remove_tree(folder);
      continue;
    }
    for (const fs::path& path : inside)
      out.push_back(Claimed{folder.filename().string(), path.filename().string(), path});
  }
  if (ec) throw core::IoError(claimed_.string(), "cannot be listed: " + ec.message());
  std::sort(out.begin(), out.end(),
            [](const Claimed& a, const Claimed& b) { return a.token < b.token; });
  return out;
}

void Claims::release(const Claimed& claimed) {
  // Moved out of claimed/ in one rename before it is removed: a crash half-way through removing
  // a folder bundle must not leave part of it claimed, to be taken for a new submission. Not
  // flushed: if a crash brings the input back to claimed/, its stored record (same claim token)
  // tells the next start that it is finished, and it is removed then.
  const fs::path released = released_ / claimed.token;
  std::error_code ec;
  fs::rename(claimed_ / claimed.token, released, ec);
  if (ec)
    throw core::IoError((claimed_ / claimed.token).string(), "cannot be released: " + ec.message());
  remove_tree(released);
}

bool Claims::give_back(const Claimed& claimed) {
  if (!rename_no_replace(claimed.path, inbox_ / claimed.name)) return false;
  sync_directory(inbox_);
  remove_tree(claimed_ / claimed.token);
  return true;
}

}  // namespace pipeline::inbox
