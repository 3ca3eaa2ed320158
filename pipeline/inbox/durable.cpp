#include "pipeline/inbox/durable.hpp"

#include <fcntl.h>
#include <stdio.h>  // renameat2, RENAME_NOREPLACE, RENAME_EXCHANGE (glibc ≥ 2.28)
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <system_error>

#include "pipeline/core/error.hpp"

namespace pipeline::inbox {

namespace {

namespace fs = std::filesystem;

[[noreturn]] void fail(const fs::path& path, const std::string& what, int error) {
  throw core::IoError(path.string(), what + ": " + std::strerror(error));
}

// A file descriptor closed on scope exit (close errors are ignored: the data was fsync'ed).
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }

 private:
  int fd_;
};

Fd open_or_fail(const fs::path& path, int flags, const char* what, mode_t mode = 0) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC, mode);
  if (fd < 0) fail(path, what, errno);
  return Fd(fd);
}

void write_all(const Fd& fd, const fs::path& path, const char* data, std::size_t size) {
  while (size > 0) {
    const ssize_t written = ::write(fd.get(), data, size);
    if (written < 0) {
      if (errno == EINTR) continue;
      fail(path, "cannot be written", errno);
    }
    data += written;
    size -= static_cast<std::size_t>(written);
  }
}

void sync_or_fail(const Fd& fd, const fs::path& path) {
  if (::fsync(fd.get()) != 0) fail(path, "cannot be flushed to disk", errno);
}

constexpr int kCreate = O_WRONLY | O_CREAT | O_EXCL;

// The process's umask, read once (umask(2) can only be read by setting it, which would race
// with other threads creating files); 0777 when it cannot be read, which rules out linking.
mode_t process_umask() {
  static const mode_t mask = [] {
    mode_t value = 0777;
    if (std::FILE* status = std::fopen("/proc/self/status", "re")) {
      char line[256];
      while (std::fgets(line, sizeof line, status) != nullptr) {
        unsigned int parsed = 0;
        if (std::sscanf(line, "Umask: %o", &parsed) == 1) {
          value = static_cast<mode_t>(parsed & 0777);
          break;
        }
      }
      std::fclose(status);
    }
    return value;
  }();
  return mask;
}

// Whether `from` may become the kept file itself (keep_file).
bool may_link(const fs::path& from) {
  const mode_t umask = process_umask();
  if (umask == 0777) return false;
  struct stat st {};
  if (::lstat(from.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
  return st.st_nlink == 1 && st.st_uid == ::geteuid() && (st.st_mode & 07777) == (0644 & ~umask);
}

void copy_tree(const fs::path& from, const fs::path& to, Flush flush, bool link) {
  if (::mkdir(to.c_str(), 0755) != 0) fail(to, "cannot be created", errno);
  std::error_code ec;
  for (const fs::directory_entry& entry : fs::directory_iterator(from, ec)) {
    const fs::path target = to / entry.path().filename();
    const fs::file_status status = entry.symlink_status();
    if (fs::is_symlink(status)) {
      fs::copy_symlink(entry.path(), target, ec);
      if (ec) fail(target, "cannot be created", ec.value());
    } else if (fs::is_directory(status)) {
      copy_tree(entry.path(), target, flush, link);
    } else if (fs::is_regular_file(status)) {
      if (link) {
        keep_file(entry.path(), target, flush);
      } else {
        copy_file_synced(entry.path(), target, flush);
      }
    }
  }
  if (ec) fail(from, "cannot be listed", ec.value());
  if (flush == Flush::Now) sync_directory(to);
}

}  // namespace

void write_file_synced(const fs::path& path, std::string_view bytes, Flush flush) {
  const Fd fd = open_or_fail(path, kCreate, "cannot be created", 0644);
  write_all(fd, path, bytes.data(), bytes.size());
  if (flush == Flush::Now) sync_or_fail(fd, path);
}

void copy_file_synced(const fs::path& from, const fs::path& to, Flush flush) {
  const Fd in = open_or_fail(from, O_RDONLY, "cannot be read");
  const Fd out = open_or_fail(to, kCreate, "cannot be created", 0644);
  char buffer[1 << 16];
  for (;;) {
    const ssize_t got = ::read(in.get(), buffer, sizeof buffer);
    if (got < 0) {
      if (errno == EINTR) continue;
      fail(from, "cannot be read", errno);
    }
    if (got == 0) break;
    write_all(out, to, buffer, static_cast<std::size_t>(got));
  }
  if (flush == Flush::Now) sync_or_fail(out, to);
}

void copy_tree_synced(const fs::path& from, const fs::path& to, Flush flush) {
  copy_tree(from, to, flush, false);
}

void keep_file(const fs::path& from, const fs::path& to, Flush flush) {
  // Any refusal (another file system, a hardened kernel's link rules) falls back to a copy.
  if (!may_link(from) || ::link(from.c_str(), to.c_str()) != 0) {
    copy_file_synced(from, to, flush);
    return;
  }
  if (flush == Flush::Now) sync_or_fail(open_or_fail(to, O_RDONLY, "cannot be read"), to);
}

void keep_tree(const fs::path& from, const fs::path& to, Flush flush) {
  copy_tree(from, to, flush, true);
}

void sync_directory(const fs::path& folder) {
  const Fd fd = open_or_fail(folder, O_RDONLY | O_DIRECTORY, "cannot be opened");
  sync_or_fail(fd, folder);
}

bool rename_no_replace(const fs::path& from, const fs::path& to) {
  if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return true;
  if (errno == EEXIST) return false;
  fail(from, "cannot be moved to " + to.string(), errno);
}

void exchange_paths(const fs::path& a, const fs::path& b) {
  if (::renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) != 0)
    fail(a, "cannot be exchanged with " + b.string(), errno);
}

void remove_tree(const fs::path& path) {
  std::error_code ec;
  fs::remove_all(path, ec);
  if (ec) fail(path, "cannot be removed", ec.value());
}

FileSystem::FileSystem(const fs::path& folder) : folder_(folder) {
  fd_ = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd_ < 0) fail(folder, "cannot be opened", errno);
  struct stat info {};
  if (::fstat(fd_, &info) != 0) {
    const int error = errno;
    ::close(fd_);
    fail(folder, "cannot be examined", error);
  }
  device_ = static_cast<unsigned long>(info.st_dev);
}

FileSystem::~FileSystem() {
  if (fd_ >= 0) ::close(fd_);
}

void FileSystem::sync() const {
  if (::syncfs(fd_) != 0) fail(folder_, "cannot be flushed to disk", errno);
}

LockFile::LockFile(const fs::path& path, const std::string& what) {
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) fail(path, "cannot be created", errno);
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    const int error = errno;
    ::close(fd_);
    if (error == EWOULDBLOCK)
      throw core::Error(what + " is in use by another formpipe run or watch (lock " +
                        path.string() + ")");
    fail(path, "cannot be locked", error);
  }
}

LockFile::~LockFile() {
  ::close(fd_);  // releases the lock
}

}  // namespace pipeline::inbox
