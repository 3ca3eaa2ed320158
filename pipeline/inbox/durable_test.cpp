#include "pipeline/inbox/durable.hpp"

#include <catch2/catch.hpp>

#include "pipeline/core/error.hpp"
#include "pipeline/inbox/inbox_test_support.hpp"

using namespace pipeline;
using namespace pipeline::inbox;
using namespace pipeline::inbox::testing;

TEST_CASE("a synced write never replaces an existing file", "[inbox][durable]") {
  ScratchFolder scratch;
  write_file_synced(scratch / "a.json", "{}");
  CHECK(read_file(scratch / "a.json") == "{}");
  CHECK_THROWS_AS(write_file_synced(scratch / "a.json", "[]"), core::IoError);
  CHECK(read_file(scratch / "a.json") == "{}");
  CHECK_THROWS_WITH(write_file_synced(scratch / "missing/a.json", ""),
                    Catch::Contains("cannot be created") && Catch::Contains("No such file"));
}

TEST_CASE("a folder tree is copied byte for byte, links as links", "[inbox][durable]") {
  ScratchFolder scratch;
  write_file(scratch / "from/manifest.csv", "key,value\nform-kind,alliance-diary-sheet\n");
  write_file(scratch / "from/sub/deep.bin", std::string("\0\1\2\xff", 4));
  std::filesystem::create_symlink("/etc/passwd", scratch / "from/link");
  copy_tree_synced(scratch / "from", scratch / "to");
  CHECK(read_file(scratch / "to/manifest.csv") == read_file(scratch / "from/manifest.csv"));
  CHECK(read_file(scratch / "to/sub/deep.bin") == std::string("\0\1\2\xff", 4));
  CHECK(std::filesystem::is_symlink(scratch / "to/link"));
  CHECK(std::filesystem::read_symlink(scratch / "to/link") == "/etc/passwd");
}

TEST_CASE("renames that must not replace, and atomic exchanges", "[inbox][durable]") {
  ScratchFolder scratch;
  write_file(scratch / "a", "a");
  write_file(scratch / "b", "b");
  CHECK_FALSE(rename_no_replace(scratch / "a", scratch / "b"));
  CHECK(read_file(scratch / "b") == "b");
  CHECK(rename_no_replace(scratch / "a", scratch / "c"));
  exchange_paths(scratch / "b", scratch / "c");
  CHECK(read_file(scratch / "b") == "a");
  CHECK(read_file(scratch / "c") == "b");
  remove_tree(scratch / "c");
  remove_tree(scratch / "c");  // nothing to remove is fine
  CHECK_FALSE(std::filesystem::exists(scratch / "c"));
}

TEST_CASE("a lock file is held by one owner at a time", "[inbox][durable]") {
  ScratchFolder scratch;
  {
    LockFile first(scratch / "lock", "inbox x");
    CHECK_THROWS_WITH(LockFile(scratch / "lock", "inbox x"),
                      Catch::Contains("inbox x is in use by another formpipe"));
  }
  CHECK_NOTHROW(LockFile(scratch / "lock", "inbox x"));
}

TEST_CASE("one flush of the file system serves every folder on it", "[inbox][durable]") {
  ScratchFolder scratch;
  std::filesystem::create_directories(scratch / "inbox");
  std::filesystem::create_directories(scratch / "out");
  const FileSystem inbox(scratch / "inbox");
  const FileSystem out(scratch / "out");
  write_file_synced(scratch / "out/report.json", "{}", Flush::Later);
  CHECK_NOTHROW(out.sync());
  CHECK(read_file(scratch / "out/report.json") == "{}");
  CHECK(inbox.same_as(out));
  const FileSystem proc("/proc");
  CHECK_FALSE(proc.same_as(out));
  CHECK_THROWS_WITH(FileSystem(scratch / "missing"), Catch::Contains("cannot be opened"));
}
