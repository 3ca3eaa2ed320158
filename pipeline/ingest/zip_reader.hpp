#pragma once
//! A zip file's structure, read and checked by formpipe itself before a single byte is inflated:
//! the end-of-central-directory record (and the ZIP64 locator and record when there are any),
//! the central directory and every entry's local header are checked against the file's own size
//! and against each other, so no lying offset, size or count reaches an allocation. Entries are
//! then inflated with zlib, stopping at their declared size and checking their CRC. (Poco::Zip's
//! reader walks a file from its start, trusting whatever records it meets: a 55-byte file made
//! it try to allocate 433 PB; issue 9.)

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace pipeline::ingest {

struct ZipEntry {
  std::string name;
  std::uint16_t flags = 0;   // general purpose bits (bit 0: encrypted, bit 3: data descriptor)
  std::uint16_t method = 0;  // 0 stored, 8 deflate
  std::uint32_t crc = 0;
  std::uint64_t compressed_size = 0;
  std::uint64_t size = 0;           // uncompressed, as the central directory declares it
  std::uint64_t header_offset = 0;  // local header
  std::uint64_t data_offset = 0;    // first byte of its compressed data
};

// The entries of a zip file, in central-directory order, or what is wrong with its structure
// ("NAME: the end record says the central directory starts at byte 4294967295, past the end
// of the 55-byte file"). More than `max_entries` entries is refused before any is read.
std::variant<std::vector<ZipEntry>, std::string> read_zip_directory(std::string_view bytes,
                                                                    const std::string& name,
                                                                    std::uint64_t max_entries);

// An entry's content (stored or deflated), or what is wrong with it (damaged data, a size or
// CRC that does not match the directory). Never produces more than entry.size bytes.
std::variant<std::string, std::string> inflate_zip_entry(std::string_view bytes,
                                                         const ZipEntry& entry,
                                                         const std::string& name);

}  // namespace pipeline::ingest
