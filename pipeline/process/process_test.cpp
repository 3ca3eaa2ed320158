#include "pipeline/process/process.hpp"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <set>

namespace fs = std::filesystem;
using namespace pipeline;

namespace {

class Scratch {
 public:
  Scratch() {
    std::random_device random;
    path_ = fs::temp_directory_path() / ("formpipe-process-test-" + std::to_string(::getpid()) +
                                         "-" + std::to_string(random()));
    fs::create_directories(path_);
  }
  ~Scratch() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  fs::path operator/(const std::string& name) const { return path_ / name; }

 private:
  fs::path path_;
};

void write_file(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

// A bundle of two files, made afresh in `folder`.
void plain_bundle(const fs::path& folder) {
  write_file(folder / "manifest.csv", "key,value\nform-kind,alliance-diary-sheet\n");
  write_file(folder / "header.csv", "a,b\n1,2\n");
}

}  // namespace

TEST_CASE("a bundle of plain files keeps the id it always had", "[process][identity]") {
  Scratch scratch;
  plain_bundle(scratch / "bundle");
  // name, NUL, size, NUL, bytes for each file, in name order.
  Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
  const std::string header = "a,b\n1,2\n";
  const std::string manifest = "key,value\nform-kind,alliance-diary-sheet\n";
  engine.update(std::string("header.csv\0"
                            "8\0",
                            13) +
                header);
  engine.update(std::string("manifest.csv\0"
                            "41\0",
                            16) +
                manifest);
  CHECK(process::sha256_of(scratch / "bundle") == Poco::DigestEngine::digestToHex(engine.digest()));
}

TEST_CASE("a bundle's id covers every entry: names, kinds and contents", "[process][identity]") {
  Scratch scratch;
  std::set<std::string> ids;
  int made = 0;
  // Each variant differs from the plain bundle (and from every other variant) in one entry.
  auto variant = [&](const std::function<void(const fs::path&)>& change) {
    const fs::path folder = scratch / ("v" + std::to_string(made++));
    plain_bundle(folder);
    change(folder);
    const std::string id = process::sha256_of(folder);
    CHECK(process::sha256_of(folder) == id);  // stable
    ids.insert(id);
  };
  variant([](const fs::path&) {});
  variant([](const fs::path& f) { fs::create_symlink("manifest.csv", f / "extra.csv"); });
  variant([](const fs::path& f) { fs::create_symlink("header.csv", f / "extra.csv"); });
  variant([](const fs::path& f) { fs::create_symlink("/etc/passwd", f / "extra.csv"); });
  variant([](const fs::path& f) { fs::create_symlink("manifest.csv", f / "other.csv"); });
  variant([](const fs::path& f) {  // a file with the link's target text as its bytes
    write_file(f / "extra.csv", "manifest.csv");
  });
  variant([](const fs::path& f) { fs::create_directory(f / "extra.csv"); });
  variant([](const fs::path& f) { fs::create_directory(f / "sub"); });
  variant([](const fs::path& f) { write_file(f / "sub/extra.csv", "manifest.csv"); });
  variant([](const fs::path& f) {
    fs::create_directory(f / "sub");
    fs::create_symlink("../header.csv", f / "sub/header.csv");
  });
  variant([](const fs::path& f) { REQUIRE(::mkfifo((f / "extra.csv").c_str(), 0644) == 0); });
  variant([](const fs::path& f) { write_file(f / "extra.csv", ""); });
  variant([](const fs::path& f) {  // the name and size fields must not run into each other
    fs::remove(f / "header.csv");
    write_file(f / "header.csv8", "a,b\n1,2\n");
  });
  CHECK(ids.size() == static_cast<std::size_t>(made));
}
