#include "pipeline/inbox/scan.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <system_error>

#include "pipeline/core/error.hpp"

namespace pipeline::inbox {

namespace {

namespace fs = std::filesystem;

bool ends_with_nocase(std::string_view name, std::string_view suffix) {
  if (name.size() < suffix.size()) return false;
  const std::string_view tail = name.substr(name.size() - suffix.size());
  return std::equal(tail.begin(), tail.end(), suffix.begin(), [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) == b;
  });
}

std::int64_t mtime_ns(const struct stat& st) {
  return static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
}

std::int64_t wall_now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// Adds a folder's content to `sum`; false when something in it vanished or cannot be read.
bool add_folder(const fs::path& folder, Signature& sum) {
  std::error_code ec;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    struct stat st {};
    if (::lstat(it->path().c_str(), &st) != 0) return false;
    ++sum.entries;
    sum.newest_ns = std::max(sum.newest_ns, mtime_ns(st));
    if (S_ISREG(st.st_mode)) sum.bytes += static_cast<std::uintmax_t>(st.st_size);
    if (S_ISDIR(st.st_mode) && !add_folder(it->path(), sum)) return false;
  }
  return !ec;
}

}  // namespace

bool is_ignored_name(std::string_view name) {
  if (name.empty() || name.front() == '.' || name.front() == '~' || name.back() == '~') return true;
  static constexpr std::array<std::string_view, 8> kTempSuffixes{
      ".tmp", ".temp", ".part", ".partial", ".crdownload", ".download", ".filepart", ".swp"};
  return std::any_of(kTempSuffixes.begin(), kTempSuffixes.end(),
                     [&](std::string_view suffix) { return ends_with_nocase(name, suffix); });
}

std::optional<Signature> signature_of(const fs::path& path) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) return std::nullopt;
  Signature signature;
  signature.newest_ns = mtime_ns(st);
  if (S_ISREG(st.st_mode)) {
    signature.bytes = static_cast<std::uintmax_t>(st.st_size);
    signature.entries = 1;
    return signature;
  }
  if (!S_ISDIR(st.st_mode)) return std::nullopt;
  signature.folder = true;
  if (!add_folder(path, signature)) return std::nullopt;
  return signature;
}

std::optional<std::string> unsupported_kind(const fs::path& path) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0 || S_ISREG(st.st_mode) || S_ISDIR(st.st_mode))
    return std::nullopt;
  if (S_ISLNK(st.st_mode)) return "a symbolic link";
  if (S_ISFIFO(st.st_mode)) return "a FIFO (named pipe)";
  if (S_ISSOCK(st.st_mode)) return "a socket";
  return "a device";
}

Scanner::Scanner(fs::path inbox, std::chrono::nanoseconds settle, std::size_t max_pending)
    : inbox_(std::move(inbox)), settle_(settle), max_pending_(max_pending) {}

bool Scanner::settled(const Seen& seen, Clock::time_point now) const {
  const std::int64_t age_ns = wall_now_ns() - seen.signature.newest_ns;
  return age_ns >= settle_.count() || now - seen.since >= settle_;
}

std::vector<fs::path> Scanner::pass() {
  const std::uint64_t pass = ++passes_;
  const Clock::time_point now = Clock::now();
  std::vector<fs::path> ready;
  overflow_ = false;
  refused_.clear();
  std::error_code ec;
  for (fs::directory_iterator it(inbox_, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (is_ignored_name(name)) continue;
    const std::optional<Signature> signature = signature_of(it->path());
    if (!signature) {
      if (auto kind = unsupported_kind(it->path())) {
        if (reported_.insert_or_assign(name, pass).second)  // not reported before
          refused_.push_back(Refused{name, std::move(*kind)});
      }
      continue;
    }
    if (auto skipped = skipped_.find(name); skipped != skipped_.end()) {
      if (skipped->second.signature == *signature) {
        skipped->second.pass = pass;
        continue;
      }
      skipped_.erase(skipped);
    }
    auto seen = pending_.find(name);
    if (seen == pending_.end()) {
      if (pending_.size() >= max_pending_) {
        overflow_ = true;
        continue;
      }
      pending_.emplace(name, Seen{*signature, now, pass});
    } else if (seen->second.signature != *signature) {
      seen->second = Seen{*signature, now, pass};
    } else if (settled(seen->second, now)) {
      ready.push_back(it->path());
      pending_.erase(seen);
    } else {
      seen->second.pass = pass;
    }
  }
  if (ec) throw core::IoError(inbox_.string(), "cannot be listed: " + ec.message());
  // Forget what vanished since the last pass.
  std::erase_if(pending_, [&](const auto& item) { return item.second.pass != pass; });
  std::erase_if(skipped_, [&](const auto& item) { return item.second.pass != pass; });
  std::erase_if(reported_, [&](const auto& item) { return item.second != pass; });
  return ready;
}

void Scanner::skip_until_changed(const std::string& name, const Signature& signature) {
  pending_.erase(name);
  skipped_.insert_or_assign(name, Seen{signature, Clock::now(), passes_});
}

}  // namespace pipeline::inbox
