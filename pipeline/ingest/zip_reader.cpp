#include "pipeline/ingest/zip_reader.hpp"

#include <zip.h>

#include <algorithm>
#include <cstring>
#include <limits>
#include <optional>
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

}  // namespace

std::variant<std::uint64_t, std::string> check_zip_end_records(std::string_view bytes,
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
  return directory_offset;
}

// The bytes libzip reads, served from memory like zip_source_buffer_create's source, but
// noting where libzip reads while it reads one entry: libzip 1.7.3 does not tell where an
// entry lies, and its local header must match the central directory, its data must end before
// the central directory, and no two entries may share bytes (a zip bomb's trick).
struct ZipArchive::State {
  std::string_view bytes;
  std::string name;
  std::uint64_t directory_offset = 0;
  std::uint64_t position = 0;
  zip_error_t error{};
  bool noting = false;
  std::optional<std::uint64_t> first;  // where the first read while noting began
  std::uint64_t high = 0;              // where the last byte read while noting ends
  zip_t* archive = nullptr;
  struct Span {
    std::uint64_t begin, end;
    std::string name;
  };
  std::vector<Span> spans;  // local header to end of data, of each entry read so far

  std::optional<std::string> place(const ZipEntry& entry, const std::string& where);

  ~State() {
    if (archive != nullptr) zip_discard(archive);
    zip_error_fini(&error);
  }

  static zip_int64_t serve(void* self, void* data, zip_uint64_t length, zip_source_cmd_t command) {
    State& s = *static_cast<State*>(self);
    switch (command) {
      case ZIP_SOURCE_OPEN:
        s.position = 0;
        return 0;
      case ZIP_SOURCE_READ: {
        const std::uint64_t n = std::min<std::uint64_t>(length, s.bytes.size() - s.position);
        if (n > 0) std::memcpy(data, s.bytes.data() + s.position, n);
        if (s.noting && n > 0) {
          if (!s.first) s.first = s.position;
          s.high = std::max(s.high, s.position + n);
        }
        s.position += n;
        return static_cast<zip_int64_t>(n);
      }
      case ZIP_SOURCE_CLOSE:
      case ZIP_SOURCE_FREE:  // the State owns the bytes' view and itself
        return 0;
      case ZIP_SOURCE_STAT: {
        if (length < sizeof(zip_stat_t)) break;
        auto* st = static_cast<zip_stat_t*>(data);
        zip_stat_init(st);
        st->size = st->comp_size = s.bytes.size();
        st->comp_method = ZIP_CM_STORE;
        st->encryption_method = ZIP_EM_NONE;
        st->valid =
            ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_ENCRYPTION_METHOD;
        return sizeof(zip_stat_t);
      }
      case ZIP_SOURCE_ERROR:
        return zip_error_to_data(&s.error, data, length);
      case ZIP_SOURCE_SEEK: {
        const zip_int64_t at =
            zip_source_seek_compute_offset(s.position, s.bytes.size(), data, length, &s.error);
        if (at < 0) return -1;
        s.position = static_cast<std::uint64_t>(at);
        return 0;
      }
      case ZIP_SOURCE_TELL:
        return static_cast<zip_int64_t>(s.position);
      case ZIP_SOURCE_SUPPORTS:
        return zip_source_make_command_bitmap(
            ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR,
            ZIP_SOURCE_FREE, ZIP_SOURCE_SEEK, ZIP_SOURCE_TELL, ZIP_SOURCE_SUPPORTS, -1);
      default:
        break;
    }
    zip_error_set(&s.error, ZIP_ER_INVAL, 0);
    return -1;
  }

  // libzip over these bytes, or libzip's error code.
  std::variant<zip_t*, int> open(int flags) {
    zip_error_t why;
    zip_error_init(&why);
    zip_source_t* source = zip_source_function_create(&State::serve, this, &why);
    zip_t* opened = source == nullptr ? nullptr : zip_open_from_source(source, flags, &why);
    const int code = zip_error_code_zip(&why);
    zip_error_fini(&why);
    if (opened != nullptr) return opened;
    if (source != nullptr) zip_source_free(source);
    return code;
  }
};

namespace {

std::string libzip_words(int code) {
  zip_error_t error;
  zip_error_init_with_code(&error, code);
  std::string words = zip_error_strerror(&error);
  zip_error_fini(&error);
  return "libzip: " + words;
}

// What libzip's refusal to read an entry means, in words.
std::string entry_error(const std::string& where, const ZipEntry& entry, int code) {
  switch (code) {
    case ZIP_ER_CRC:
      return where + " is damaged (its CRC does not match its content)";
    case ZIP_ER_INCONS:
      return where + " is damaged (its data do not make the " + bytes_text(entry.size) +
             " its header declares)";
    case ZIP_ER_COMPRESSED_DATA:
    case ZIP_ER_ZLIB:
      return where + " is damaged (its deflate data are invalid)";
    case ZIP_ER_EOF:
    case ZIP_ER_SEEK:
    case ZIP_ER_READ:
      return where + " is damaged (its data run past the end of the file)";
    case ZIP_ER_COMPNOTSUPP:
      return where + " uses a compression method formpipe cannot read; expected stored or deflate";
    case ZIP_ER_ENCRNOTSUPP:
    case ZIP_ER_NOPASSWD:
    case ZIP_ER_WRONGPASSWD:
      return where +
             " is encrypted (password-protected); send the bundle as a zip without a password";
    default:
      return where + " cannot be read (" + libzip_words(code) + ")";
  }
}

}  // namespace

ZipArchive::ZipArchive(ZipArchive&&) noexcept = default;
ZipArchive& ZipArchive::operator=(ZipArchive&&) noexcept = default;
ZipArchive::~ZipArchive() = default;

std::variant<ZipArchive, std::string> ZipArchive::open(std::string_view bytes,
                                                       const std::string& name,
                                                       std::uint64_t max_entries) {
  auto checked = check_zip_end_records(bytes, name, max_entries);
  if (auto* problem = std::get_if<std::string>(&checked)) return *std::move(problem);
  const std::string file = name + ": ";
  ZipArchive zip;
  zip.state_ = std::make_unique<State>();
  State& state = *zip.state_;
  state.bytes = bytes;
  state.name = name;
  state.directory_offset = std::get<std::uint64_t>(checked);
  zip_error_init(&state.error);
  // Not ZIP_CHECKCONS: libzip 1.7.3's check refuses the local headers libarchive writes (sizes
  // beside a data descriptor; accepted from libzip 1.10). read() checks each local header.
  auto opened = state.open(ZIP_RDONLY);
  if (const int* code = std::get_if<int>(&opened)) {
    switch (*code) {
      case ZIP_ER_MULTIDISK:
        return file + "the zip file is split over several disks; a bundle must be one zip file";
      case ZIP_ER_MEMORY:
        return file + "too large to open as a zip file";
      case ZIP_ER_NOZIP:
      case ZIP_ER_INCONS:
      case ZIP_ER_EOF:
      case ZIP_ER_SEEK:
      case ZIP_ER_READ:
        return file + "its central directory is damaged (" + libzip_words(*code) + ")";
      default:
        return file + "not a readable zip file (" + libzip_words(*code) + ")";
    }
  }
  state.archive = std::get<zip_t*>(opened);

  std::set<std::string> names;
  const zip_int64_t count = zip_get_num_entries(state.archive, 0);
  // libzip may have taken another end record than the pre-check (one inside the comment).
  if (count < 0 || static_cast<std::uint64_t>(count) > max_entries)
    return file + "more than " + std::to_string(max_entries) + " entries";
  for (zip_int64_t i = 0; i < count; ++i) {
    zip_stat_t st;
    if (zip_stat_index(state.archive, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_RAW, &st) != 0 ||
        (st.valid & (ZIP_STAT_NAME | ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE)) !=
            (ZIP_STAT_NAME | ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE))
      return file + "central directory entry " + std::to_string(i + 1) + " cannot be read (" +
             libzip_words(zip_error_code_zip(zip_get_error(state.archive))) + ")";
    ZipEntry entry{st.name, st.size, st.comp_size};
    const std::string entry_text = "entry \"" + entry.name + "\"";
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) == 0 || st.encryption_method != ZIP_EM_NONE)
      return file + entry_text +
             " is encrypted (password-protected); send the bundle as a zip without a password";
    if ((st.valid & ZIP_STAT_COMP_METHOD) == 0 ||
        (st.comp_method != ZIP_CM_STORE && st.comp_method != ZIP_CM_DEFLATE))
      return file + entry_text + " uses compression method " + std::to_string(st.comp_method) +
             "; expected stored (0) or deflate (8)";
    if (!names.insert(entry.name).second)
      return file + entry_text + " appears twice; each file of a bundle may occur once";
    zip.entries_.push_back(std::move(entry));
  }
  return zip;
}

// Where the entry libzip has just read lies, checked (its local header, where libzip read the
// lengths of the name and extra field before the data at offset 26 of the header, then the
// data), or what is wrong with it.
std::optional<std::string> ZipArchive::State::place(const ZipEntry& entry,
                                                    const std::string& where) {
  if (!first && entry.compressed_size == 0) return std::nullopt;  // libzip reads nothing
  if (!first) return where + ": libzip did not read its local header";
  std::uint64_t header = *first;
  if (!signature(bytes, header, '\x03', '\x04') && header >= 26) header -= 26;
  if (!within(header, kLocalHeaderSize, directory_offset) ||
      !signature(bytes, header, '\x03', '\x04'))
    return where + ": its local header is not where the central directory puts it";
  const std::uint64_t name_length = le(bytes, header + 26, 2);
  const std::uint64_t data = header + kLocalHeaderSize + name_length + le(bytes, header + 28, 2);
  if (!within(data, entry.compressed_size, directory_offset) || high > directory_offset)
    return where + ": its header and " + bytes_text(entry.compressed_size) +
           " of data run past the start of the central directory";
  if (bytes.substr(header + kLocalHeaderSize, name_length) != entry.name)
    return where + ": its local header names another file";
  if ((le(bytes, header + 6, 2) & 0x0041) != 0)
    return where +
           " is encrypted (password-protected); send the bundle as a zip without a password";
  const std::uint64_t end = std::max(high, data + entry.compressed_size);
  for (const Span& other : spans)
    if (header < other.end && other.begin < end)
      return name + ": entries \"" + other.name + "\" and \"" + entry.name +
             "\" overlap; the zip file is damaged or crafted";
  spans.push_back({header, end, entry.name});
  return std::nullopt;
}

std::variant<std::string, std::string> ZipArchive::read(std::size_t index) {
  using Result = std::variant<std::string, std::string>;
  const auto error = [](std::string what) {
    return Result(std::in_place_index<1>, std::move(what));
  };
  State& state = *state_;
  const ZipEntry& entry = entries_.at(index);
  const std::string where = state.name + ": entry \"" + entry.name + "\"";
  state.noting = true;
  state.first.reset();
  state.high = 0;
  zip_file_t* opened = zip_fopen_index(state.archive, index, 0);
  // Stop at the declared size; one byte more means the data go on past it.
  std::string content;
  std::uint64_t got = 0;
  zip_int64_t n = -1;
  int code = zip_error_code_zip(zip_get_error(state.archive));
  if (opened != nullptr) {
    content.resize(static_cast<std::size_t>(entry.size));
    n = 1;
    while (got < entry.size && n > 0) {
      n = zip_fread(opened, content.data() + got, entry.size - got);
      if (n > 0) got += static_cast<std::uint64_t>(n);
    }
    char spare = 0;
    if (n >= 0 && got == entry.size) n = zip_fread(opened, &spare, 1);  // at the end: the CRC
    code = n < 0 ? zip_error_code_zip(zip_file_get_error(opened)) : ZIP_ER_OK;
    zip_fclose(opened);
  }
  state.noting = false;
  // A misplaced entry is named as such even when its data also fail to inflate or check.
  if (state.first || n >= 0)
    if (auto wrong = state.place(entry, where)) return error(*std::move(wrong));
  if (n < 0) return error(entry_error(where, entry, code));
  if (n > 0) return error(where + " inflates past its declared size of " + bytes_text(entry.size));
  if (got != entry.size)
    return error(where + " inflates to " + bytes_text(got) + ", not the " + bytes_text(entry.size) +
                 " its header declares");
  return Result(std::in_place_index<0>, std::move(content));
}

}  // namespace pipeline::ingest
