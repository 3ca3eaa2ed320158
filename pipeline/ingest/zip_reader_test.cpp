#include "pipeline/ingest/zip_reader.hpp"

#include <zlib.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "pipeline/ingest/ingest.hpp"

using namespace pipeline;

namespace {

const std::filesystem::path kSource = FORMPIPE_SOURCE_DIR;

void put(std::string& out, std::uint64_t value, int width) {
  for (int i = 0; i < width; ++i) out += static_cast<char>((value >> (8 * i)) & 0xFF);
}

void set(std::string& bytes, std::size_t at, std::uint64_t value, int width) {
  for (int i = 0; i < width; ++i)
    bytes[at + static_cast<std::size_t>(i)] = static_cast<char>((value >> (8 * i)) & 0xFF);
}

struct File {
  std::string name;
  std::string content;
};

// A zip of stored entries, written field by field (so a test can then break any field).
std::string stored_zip(const std::vector<File>& files) {
  std::string out, directory;
  for (const File& f : files) {
    const auto crc = crc32_z(0, reinterpret_cast<const Bytef*>(f.content.data()), f.content.size());
    const std::size_t offset = out.size();
    out += "PK\x03\x04";
    put(out, 20, 2);  // version needed
    put(out, 0, 2);   // flags
    put(out, 0, 2);   // stored
    put(out, 0, 4);   // time, date
    put(out, crc, 4);
    put(out, f.content.size(), 4);
    put(out, f.content.size(), 4);
    put(out, f.name.size(), 2);
    put(out, 0, 2);
    out += f.name + f.content;
    directory += "PK\x01\x02";
    put(directory, 20, 2);  // made by
    put(directory, 20, 2);  // needed
    put(directory, 0, 2);
    put(directory, 0, 2);
    put(directory, 0, 4);
    put(directory, crc, 4);
    put(directory, f.content.size(), 4);
    put(directory, f.content.size(), 4);
    put(directory, f.name.size(), 2);
    put(directory, 0, 2);  // extra
    put(directory, 0, 2);  // comment
    put(directory, 0, 2);  // disk
    put(directory, 0, 2);  // internal attributes
    put(directory, 0, 4);  // external attributes
    put(directory, offset, 4);
    directory += f.name;
  }
  const std::size_t directory_offset = out.size();
  out += directory;
  out += "PK\x05\x06";
  put(out, 0, 4);
  put(out, files.size(), 2);
  put(out, files.size(), 2);
  put(out, directory.size(), 4);
  put(out, directory_offset, 4);
  put(out, 0, 2);
  return out;
}

const std::vector<File> kDiary{
    {"manifest.csv",
     "key,value\nform-kind,alliance-diary-sheet\nprofile,miosha\nfile,header.csv\n"},
    {"header.csv", "period-start,period-end\n2025-07-01,2025-09-30\n"}};

std::string message_of(const std::string& zip) {
  const auto result = ingest::ingest_bytes(zip, "b.zip", {});
  CHECK(result.unreadable);
  REQUIRE(result.findings.size() == 1);
  CHECK(result.findings[0].rule == "FORMAT-CSV");
  return result.findings[0].message;
}

}  // namespace

TEST_CASE("a zip written field by field reads back", "[ingest][zip]") {
  const std::string zip = stored_zip(kDiary);
  CHECK(std::get<std::uint64_t>(ingest::check_zip_end_records(zip, "b.zip", 64)) ==
        zip.rfind("PK\x01\x02", zip.rfind("PK\x01\x02") - 1));
  auto opened = ingest::ZipArchive::open(zip, "b.zip", 64);
  REQUIRE(std::holds_alternative<ingest::ZipArchive>(opened));
  auto& archive = std::get<ingest::ZipArchive>(opened);
  REQUIRE(archive.entries().size() == 2);
  CHECK(archive.entries()[1].name == "header.csv");
  auto content = archive.read(1);
  REQUIRE(content.index() == 0);
  CHECK(std::get<0>(content) == kDiary[1].content);
  CHECK_FALSE(ingest::ingest_bytes(zip, "b.zip", {}).unreadable);
  // An empty entry has no data for libzip to read.
  const std::string with_empty = stored_zip({kDiary[0], {"empty.csv", ""}});
  auto reopened = ingest::ZipArchive::open(with_empty, "b.zip", 64);
  REQUIRE(std::holds_alternative<ingest::ZipArchive>(reopened));
  auto empty = std::get<ingest::ZipArchive>(reopened).read(1);
  REQUIRE(empty.index() == 0);
  CHECK(std::get<0>(empty).empty());
}

TEST_CASE("a zip whose local headers carry sizes beside a data descriptor reads", "[ingest][zip]") {
  // libarchive (cmake -E tar, bsdtar) writes them so; libzip 1.7.3's ZIP_CHECKCONS refused them.
  std::string zip = stored_zip(kDiary);
  set(zip, 6, 0x08, 2);  // the first local header: data descriptor flag,
  set(zip, 14, 0, 4);    // no CRC and
  set(zip, 18, 0, 4);    // no compressed size, but the size
  set(zip, zip.find("PK\x01\x02") + 8, 0x08, 2);
  CHECK_FALSE(ingest::ingest_bytes(zip, "b.zip", {}).unreadable);
}

TEST_CASE("the 55-byte ZIP64 record that asked for 433 PB is refused in words", "[ingest][zip]") {
  // Kept in the fuzz corpus; Poco::Zip tried to allocate its claimed extensible data.
  std::ifstream in(kSource / "tests/fuzz/corpus/zip/zip64-end-record-433pb.zip", std::ios::binary);
  const std::string bytes{std::istreambuf_iterator<char>(in), {}};
  REQUIRE(bytes.size() == 55);
  CHECK_THAT(message_of(bytes), Catch::Contains("no end-of-central-directory record"));
}

TEST_CASE("a zip's end records are checked against the file's own size", "[ingest][zip]") {
  const std::string good = stored_zip(kDiary);
  const std::size_t end = good.size() - 22;
  SECTION("a central directory past the end record") {
    std::string zip = good;
    set(zip, end + 16, 0xFFFFFF00, 4);
    CHECK_THAT(message_of(zip), Catch::Contains("puts a central directory of"));
  }
  SECTION("more entries than the directory can hold") {
    std::string zip = good;
    set(zip, end + 8, 60000, 2);
    set(zip, end + 10, 60000, 2);
    CHECK_THAT(message_of(zip), Catch::Contains("claims 60000 entries"));
  }
  SECTION("a ZIP64 end record is read, and one that lies about its size is refused") {
    const std::uint64_t directory_size = static_cast<unsigned char>(good[end + 12]) +
                                         256u * static_cast<unsigned char>(good[end + 13]);
    const std::uint64_t directory_offset = static_cast<unsigned char>(good[end + 16]) +
                                           256u * static_cast<unsigned char>(good[end + 17]);
    // The classic end record says "see ZIP64"; the locator points at the ZIP64 record.
    auto zip64 = [&](std::uint64_t claimed) {
      std::string zip = good.substr(0, end);
      const std::size_t record_at = zip.size();
      zip += "PK\x06\x06";
      put(zip, claimed, 8);
      put(zip, 45, 2);
      put(zip, 45, 2);
      put(zip, 0, 4);
      put(zip, 0, 4);
      put(zip, 2, 8);
      put(zip, 2, 8);
      put(zip, directory_size, 8);
      put(zip, directory_offset, 8);
      zip += "PK\x06\x07";
      put(zip, 0, 4);
      put(zip, record_at, 8);
      put(zip, 1, 4);
      zip += good.substr(end);
      set(zip, zip.size() - 22 + 8, 0xFFFF, 2);
      set(zip, zip.size() - 22 + 10, 0xFFFF, 2);
      set(zip, zip.size() - 22 + 16, 0xFFFFFFFF, 4);
      return zip;
    };
    CHECK_FALSE(ingest::ingest_bytes(zip64(44), "b.zip", {}).unreadable);
    // Gigabytes (which would really be allocated), then petabytes.
    const auto claimed = GENERATE(std::uint64_t{5} << 30, std::uint64_t{0x06060606060606});
    CHECK_THAT(message_of(zip64(claimed)), Catch::Contains("the ZIP64 end record claims to be"));
  }
  SECTION("a locator pointing outside the file") {
    std::string zip = good.substr(0, end);
    zip += "PK\x06\x07";
    put(zip, 0, 4);
    put(zip, std::uint64_t{1} << 50, 8);
    put(zip, 1, 4);
    zip += good.substr(end);
    CHECK_THAT(message_of(zip), Catch::Contains("outside the"));
  }
  SECTION("truncated") {
    CHECK_THAT(message_of(good.substr(0, good.size() - 5)),
               Catch::Contains("truncated or damaged"));
  }
}

TEST_CASE("zip entries that are encrypted, repeated, overlapping or damaged say so",
          "[ingest][zip]") {
  SECTION("encrypted") {
    std::string zip = stored_zip(kDiary);
    set(zip, 6, 1, 2);  // the first local header's flags
    const std::size_t directory = zip.find("PK\x01\x02");
    set(zip, directory + 8, 1, 2);
    const std::string message = message_of(zip);
    CHECK_THAT(message, Catch::Contains("\"manifest.csv\" is encrypted"));
    CHECK_THAT(message, Catch::Contains("password"));
  }
  SECTION("the same name twice") {
    std::vector<File> files = kDiary;
    files.push_back(files[1]);
    CHECK_THAT(message_of(stored_zip(files)), Catch::Contains("\"header.csv\" appears twice"));
  }
  SECTION("two directory entries over the same bytes") {
    std::string zip = stored_zip({kDiary[0], {"header.csv", "x"}});
    const std::size_t second = zip.rfind("PK\x01\x02");
    set(zip, second + 42, 0, 4);  // its local header: the first entry's
    CHECK_THAT(message_of(zip), Catch::Contains("local header names another file"));
  }
  SECTION("an entry whose data hold the next entry (a quoted-overlap bomb)") {
    std::string zip = stored_zip(kDiary);
    const std::size_t directory = zip.find("PK\x01\x02");
    const std::size_t covered = directory - 30 - kDiary[0].name.size();  // to the directory
    const auto crc = crc32_z(0, reinterpret_cast<const Bytef*>(zip.data()) + 30 + 12, covered);
    for (const std::size_t at : {std::size_t{14}, directory + 16}) {  // local, central
      set(zip, at, crc, 4);
      set(zip, at + 4, covered, 4);
      set(zip, at + 8, covered, 4);
    }
    CHECK_THAT(message_of(zip),
               Catch::Contains("entries \"manifest.csv\" and \"header.csv\" overlap"));
  }
  SECTION("a CRC that does not match") {
    std::string zip = stored_zip(kDiary);
    zip[30 + 12] = 'K';  // "key,value" -> "keK,value" in the first entry's data
    CHECK_THAT(message_of(zip), Catch::Contains("CRC does not match"));
  }
}
