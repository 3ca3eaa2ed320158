#pragma once
//! Zip bundles are read by libzip. Before libzip sees a byte, a cheap pre-check reads the end
//! records (the end-of-central-directory record, and the ZIP64 locator and record when there
//! are any) and checks the central directory's offset, size and entry count against the file's
//! own size and the entry limit, so no lying record reaches an allocation (Poco::Zip's reader
//! trusted them: a 55-byte file made it try to allocate 433 PB; issue 9). libzip then reads the
//! central directory, inflates each entry and checks its size and CRC. formpipe adds what
//! libzip 1.7.3 accepts but a bundle must not hold: encrypted entries, methods other than stored
//! and deflate, repeated names, a local header that names another file, data running into the
//! central directory, and entries sharing bytes.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace pipeline::ingest {

// Where the central directory starts, or what is wrong with the zip file's end records
// ("NAME: the end record puts a central directory of 92 bytes at byte 4294967040, but the end
// records start at byte 187 of the 209-byte file"). More than `max_entries` is refused here.
std::variant<std::uint64_t, std::string> check_zip_end_records(std::string_view bytes,
                                                               const std::string& name,
                                                               std::uint64_t max_entries);

struct ZipEntry {
  std::string name;
  std::uint64_t size = 0;             // uncompressed, as the central directory declares it
  std::uint64_t compressed_size = 0;  // as the central directory declares it
};

// A zip file opened by libzip over bytes the caller keeps alive.
class ZipArchive {
 public:
  // The end records are checked first; then libzip opens the archive, and every entry is
  // listed and checked (encryption, method, names) before any is inflated.
  static std::variant<ZipArchive, std::string> open(std::string_view bytes, const std::string& name,
                                                    std::uint64_t max_entries);
  ZipArchive(ZipArchive&&) noexcept;
  ZipArchive& operator=(ZipArchive&&) noexcept;
  ~ZipArchive();

  // In central-directory order.
  const std::vector<ZipEntry>& entries() const { return entries_; }

  // Entry `index`'s content (index 0), or what is wrong with it (index 1): damaged data, a
  // CRC or size that does not match the directory, bytes another entry also uses. Never
  // produces more than its declared size.
  std::variant<std::string, std::string> read(std::size_t index);

 private:
  struct State;
  ZipArchive() = default;
  std::unique_ptr<State> state_;
  std::vector<ZipEntry> entries_;
};

}  // namespace pipeline::ingest
