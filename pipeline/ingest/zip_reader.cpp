#include "pipeline/ingest/zip_reader.hpp"

#include <zlib.h>

#include <algorithm>
#include <limits>
#include <set>

namespace pipeline::ingest {

namespace {

constexpr std::uint64_t kEndRecordSize = 22;      // end of central directory, without comment
constexpr std::uint64_t kLocatorSize = 20;        // ZIP64 end of central directory locator
constexpr std::uint64_t kZip64RecordSize = 56;    // ZIP64 end record, without extensible data
constexpr std::uint64_t kCentralHeaderSize = 46;  // central directory file header, fixed part
constexpr std::uint64_t kLocalHeaderSize = 30;    // local file header, fixed part

std::uint64_t le(std::string_view bytes, std::uint64_t at, int width) {
  std::uint64_t value = 0;
  for (int i = width - 1; i >= 0; --i)
    value = (value << 8) | static_cast<unsigned char>(bytes[at + static_cast<std::uint64_t>(i)]);
  return value;
}

bool signature(std::string_view bytes, std::uint64_t at, char third, char fourth) {
  return at <= bytes.size() && bytes.size() - at >= 4 && bytes[at] == 'P' && bytes[at + 1] == 'K' &&
         bytes[at + 2] == third && bytes[at + 3] == fourth;
}

// Whether [offset, offset + length) lies within [0, limit), without overflow.
bool within(std::uint64_t offset, std::uint64_t length, std::uint64_t limit) {
  return offset <= limit && length <= limit - offset;
}

std::string bytes_text(std::uint64_t n) {
  return std::to_string(n) + (n == 1 ? " byte" : " bytes");
}

// Reads the ZIP64 extended-information extra field of a central directory header: each field
// whose 32-bit value is all ones is replaced, in the order the format gives (size, compressed
// size, local header offset). Returns false when a needed value is missing.
bool apply_zip64_extra(std::string_view extra, ZipEntry& entry, bool size_in_extra,
                       bool compressed_in_extra, bool offset_in_extra) {
  std::uint64_t at = 0;
  while (at + 4 <= extra.size()) {
    const std::uint64_t id = le(extra, at, 2);
    const std::uint64_t length = le(extra, at + 2, 2);
    at += 4;
    if (length > extra.size() - at) return false;
    if (id == 0x0001) {
      std::uint64_t field = at;
      const std::uint64_t end = at + length;
      auto take = [&](std::uint64_t& target) {
        if (end - field < 8) return false;
        target = le(extra, field, 8);
        field += 8;
        return true;
      };
      if (size_in_extra && !take(entry.size)) return false;
      if (compressed_in_extra && !take(entry.compressed_size)) return false;
      if (offset_in_extra && !take(entry.header_offset)) return false;
      return true;
    }
    at += length;
  }
  return !size_in_extra && !compressed_in_extra && !offset_in_extra;
}

}  // namespace

std::variant<std::vector<ZipEntry>, std::string> read_zip_directory(std::string_view bytes,
                                                                    const std::string& name,
                                                                    std::uint64_t max_entries) {
  const std::uint64_t size = bytes.size();
  const std::string file = name + ": ";
  if (size < kEndRecordSize)
    return file + "not a readable zip file: only " + bytes_text(size) +
           ", too short for one (it ends with a 22-byte end-of-central-directory record)";

  // The end record: the last "PK\5\6" whose comment runs exactly to the end of the file.
  std::uint64_t end_at = size;
  const std::uint64_t lowest = size - kEndRecordSize > 0xFFFF ? size - kEndRecordSize - 0xFFFF : 0;
  for (std::uint64_t at = size - kEndRecordSize + 1; at-- > lowest;) {
    if (signature(bytes, at, '\x05', '\x06') &&
        le(bytes, at + 20, 2) == size - at - kEndRecordSize) {
      end_at = at;
      break;
    }
  }
  if (end_at == size)
    return file + (signature(bytes, 0, '\x03', '\x04')
                       ? "no end-of-central-directory record; the zip file is truncated or damaged"
                       : "not a zip file (no end-of-central-directory record at its end)");

  std::uint64_t disk = le(bytes, end_at + 4, 2);
  std::uint64_t directory_disk = le(bytes, end_at + 6, 2);
  std::uint64_t entries_here = le(bytes, end_at + 8, 2);
  std::uint64_t entries = le(bytes, end_at + 10, 2);
  std::uint64_t directory_size = le(bytes, end_at + 12, 4);
  std::uint64_t directory_offset = le(bytes, end_at + 16, 4);
  std::uint64_t records_start = end_at;  // where the central directory must end

  const bool has_locator =
      end_at >= kLocatorSize && signature(bytes, end_at - kLocatorSize, '\x06', '\x07');
  const bool wants_zip64 =
      entries == 0xFFFF || directory_size == 0xFFFFFFFF || directory_offset == 0xFFFFFFFF;
  if (wants_zip64 && !has_locator)
    return file +
           "the end-of-central-directory record refers to a ZIP64 record, but there is no ZIP64 "
           "locator before it";
  if (has_locator) {
    const std::uint64_t locator_at = end_at - kLocatorSize;
    const std::uint64_t record_disk = le(bytes, locator_at + 4, 4);
    const std::uint64_t record_at = le(bytes, locator_at + 8, 8);
    const std::uint64_t disks = le(bytes, locator_at + 16, 4);
    if (record_disk != 0 || disks > 1)
      return file + "the ZIP64 locator speaks of " + std::to_string(disks) +
             " disks; a bundle must be one zip file";
    if (!within(record_at, kZip64RecordSize, locator_at))
      return file + "the ZIP64 locator puts the ZIP64 end record at byte " +
             std::to_string(record_at) + ", outside the " + bytes_text(size) + " of the file";
    if (!signature(bytes, record_at, '\x06', '\x06'))
      return file + "there is no ZIP64 end record at byte " + std::to_string(record_at) +
             ", where the ZIP64 locator puts it";
    const std::uint64_t claimed = le(bytes, record_at + 4, 8);
    const std::uint64_t present = locator_at - record_at - 12;
    if (claimed != present)
      return file + "the ZIP64 end record claims to be " + bytes_text(claimed) + " long, but " +
             bytes_text(present) + " lie between it and the ZIP64 locator";
    disk = le(bytes, record_at + 16, 4);
    directory_disk = le(bytes, record_at + 20, 4);
    entries_here = le(bytes, record_at + 24, 8);
    entries = le(bytes, record_at + 32, 8);
    directory_size = le(bytes, record_at + 40, 8);
    directory_offset = le(bytes, record_at + 48, 8);
    records_start = record_at;
  }
  if (disk != 0 || directory_disk != 0 || entries_here != entries)
    return file + "the zip file is split over several disks; a bundle must be one zip file";
  if (!within(directory_offset, directory_size, records_start))
    return file + "the end record puts a central directory of " + bytes_text(directory_size) +
           " at byte " + std::to_string(directory_offset) + ", but the end records start at byte " +
           std::to_string(records_start) + " of the " + bytes_text(size) + " file";
  if (directory_offset + directory_size != records_start)
    return file + bytes_text(records_start - directory_offset - directory_size) +
           " lie between the central directory and the end record; the zip file is damaged";
  if (entries > directory_size / kCentralHeaderSize)
    return file + "the end record claims " + std::to_string(entries) +
           " entries, but the central directory's " + bytes_text(directory_size) +
           " hold at most " + std::to_string(directory_size / kCentralHeaderSize);
  if (entries > max_entries) return file + "more than " + std::to_string(max_entries) + " entries";

  std::vector<ZipEntry> out;
  out.reserve(static_cast<std::size_t>(entries));
  std::set<std::string> names;
  std::uint64_t at = directory_offset;
  const std::uint64_t directory_end = records_start;
  for (std::uint64_t i = 0; i < entries; ++i) {
    const std::string number = "central directory entry " + std::to_string(i + 1);
    if (!within(at, kCentralHeaderSize, directory_end) || !signature(bytes, at, '\x01', '\x02'))
      return file + number + " is not where the directory says; the zip file is damaged";
    ZipEntry entry;
    entry.flags = static_cast<std::uint16_t>(le(bytes, at + 8, 2));
    entry.method = static_cast<std::uint16_t>(le(bytes, at + 10, 2));
    entry.crc = static_cast<std::uint32_t>(le(bytes, at + 16, 4));
    entry.compressed_size = le(bytes, at + 20, 4);
    entry.size = le(bytes, at + 24, 4);
    const std::uint64_t name_length = le(bytes, at + 28, 2);
    const std::uint64_t extra_length = le(bytes, at + 30, 2);
    const std::uint64_t comment_length = le(bytes, at + 32, 2);
    const std::uint64_t start_disk = le(bytes, at + 34, 2);
    entry.header_offset = le(bytes, at + 42, 4);
    const std::uint64_t record = kCentralHeaderSize + name_length + extra_length + comment_length;
    if (!within(at, record, directory_end))
      return file + number + " runs past the end of the central directory";
    entry.name = std::string(bytes.substr(at + kCentralHeaderSize, name_length));
    const std::string entry_text = "entry \"" + entry.name + "\"";
    if (!apply_zip64_extra(bytes.substr(at + kCentralHeaderSize + name_length, extra_length), entry,
                           entry.size == 0xFFFFFFFF, entry.compressed_size == 0xFFFFFFFF,
                           entry.header_offset == 0xFFFFFFFF))
      return file + entry_text + " lacks the ZIP64 sizes its header refers to";
    if (start_disk != 0 && start_disk != 0xFFFF)
      return file + "the zip file is split over several disks; a bundle must be one zip file";
    if ((entry.flags & 0x0041) != 0)
      return file + entry_text +
             " is encrypted (password-protected); send the bundle as a zip without a password";
    if (entry.method != 0 && entry.method != 8)
      return file + entry_text + " uses compression method " + std::to_string(entry.method) +
             "; expected stored (0) or deflate (8)";
    if (!names.insert(entry.name).second)
      return file + entry_text + " appears twice; each file of a bundle may occur once";
    at += record;

    // Its local header and data lie before the central directory.
    const std::uint64_t local = entry.header_offset;
    if (!within(local, kLocalHeaderSize, directory_offset) ||
        !signature(bytes, local, '\x03', '\x04'))
      return file + entry_text + ": its local header is not at byte " + std::to_string(local) +
             ", where the central directory puts it";
    const std::uint64_t local_name = le(bytes, local + 26, 2);
    const std::uint64_t local_extra = le(bytes, local + 28, 2);
    if (!within(local, kLocalHeaderSize + local_name + local_extra, directory_offset))
      return file + entry_text + ": its local header runs into the central directory";
    if (bytes.substr(local + kLocalHeaderSize, local_name) != entry.name)
      return file + entry_text + ": its local header names another file";
    if ((le(bytes, local + 6, 2) & 0x0041) != 0)
      return file + entry_text +
             " is encrypted (password-protected); send the bundle as a zip without a password";
    entry.data_offset = local + kLocalHeaderSize + local_name + local_extra;
    if (!within(entry.data_offset, entry.compressed_size, directory_offset))
      return file + entry_text + ": its " + bytes_text(entry.compressed_size) +
             " of data run past the start of the central directory";
    out.push_back(std::move(entry));
  }
  if (at != directory_end)
    return file + "the central directory holds more than its " + std::to_string(entries) +
           " entries; the zip file is damaged";

  // No two entries may share bytes (overlapping entries are a zip bomb's trick).
  std::vector<const ZipEntry*> by_offset;
  for (const ZipEntry& entry : out) by_offset.push_back(&entry);
  std::sort(by_offset.begin(), by_offset.end(), [](const ZipEntry* a, const ZipEntry* b) {
    return a->header_offset < b->header_offset;
  });
  for (std::size_t i = 1; i < by_offset.size(); ++i) {
    const ZipEntry& before = *by_offset[i - 1];
    if (by_offset[i]->header_offset < before.data_offset + before.compressed_size)
      return file + "entries \"" + before.name + "\" and \"" + by_offset[i]->name +
             "\" overlap; the zip file is damaged or crafted";
  }
  return out;
}

std::variant<std::string, std::string> inflate_zip_entry(std::string_view bytes,
                                                         const ZipEntry& entry,
                                                         const std::string& name) {
  using Result = std::variant<std::string, std::string>;
  const std::string where = name + ": entry \"" + entry.name + "\"";
  const std::string_view data = bytes.substr(entry.data_offset, entry.compressed_size);
  std::string content;
  if (entry.method == 0) {
    if (entry.compressed_size != entry.size)
      return Result(std::in_place_index<1>,
                    where + " is stored uncompressed, but its sizes differ (" +
                        bytes_text(entry.compressed_size) + " and " + bytes_text(entry.size) + ")");
    content.assign(data);
  } else {
    z_stream stream{};
    if (inflateInit2(&stream, -MAX_WBITS) != Z_OK)
      return Result(std::in_place_index<1>, where + ": cannot start inflating");
    content.resize(static_cast<std::size_t>(entry.size));
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    stream.next_out = reinterpret_cast<Bytef*>(content.data());
    std::uint64_t in_left = data.size();
    std::uint64_t out_left = content.size();
    int status = Z_OK;
    char spare = 0;  // one byte past the declared size, to notice data that goes on
    bool past = false;
    while (status == Z_OK) {
      const auto in_chunk =
          static_cast<uInt>(std::min<std::uint64_t>(in_left, std::numeric_limits<uInt>::max()));
      stream.next_in =
          reinterpret_cast<Bytef*>(const_cast<char*>(data.data())) + (data.size() - in_left);
      stream.avail_in = in_chunk;
      if (out_left == 0) {
        stream.next_out = reinterpret_cast<Bytef*>(&spare);
        stream.avail_out = 1;
      } else {
        stream.next_out = reinterpret_cast<Bytef*>(content.data()) + (content.size() - out_left);
        stream.avail_out =
            static_cast<uInt>(std::min<std::uint64_t>(out_left, std::numeric_limits<uInt>::max()));
      }
      const uInt out_chunk = stream.avail_out;
      status = inflate(&stream, Z_NO_FLUSH);
      in_left -= in_chunk - stream.avail_in;
      const uInt produced = out_chunk - stream.avail_out;
      if (out_left == 0 && produced > 0) past = true;
      if (out_left > 0) out_left -= produced;
      if (past) break;
      // Z_BUF_ERROR: no progress possible, i.e. the input ends before the stream does.
    }
    inflateEnd(&stream);
    if (past)
      return Result(std::in_place_index<1>,
                    where + " inflates past its declared size of " + bytes_text(entry.size));
    if (status != Z_STREAM_END)
      return Result(std::in_place_index<1>,
                    where + " is damaged (its deflate data " +
                        (status == Z_DATA_ERROR ? std::string("are invalid") : "end too soon") +
                        ")");
    if (out_left != 0)
      return Result(std::in_place_index<1>, where + " inflates to " +
                                                bytes_text(entry.size - out_left) + ", not the " +
                                                bytes_text(entry.size) + " its header declares");
  }
  const auto crc = static_cast<std::uint32_t>(
      crc32_z(0, reinterpret_cast<const Bytef*>(content.data()), content.size()));
  if (crc != entry.crc)
    return Result(std::in_place_index<1>,
                  where + " is damaged (its CRC does not match its content)");
  return Result(std::in_place_index<0>, std::move(content));
}

}  // namespace pipeline::ingest
