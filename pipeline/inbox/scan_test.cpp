#include "pipeline/inbox/scan.hpp"

#include <sys/stat.h>

#include <catch2/catch.hpp>

#include <algorithm>

#include "pipeline/inbox/inbox_test_support.hpp"

using namespace pipeline::inbox;
using namespace pipeline::inbox::testing;
using namespace std::chrono_literals;

TEST_CASE("dot-files and temp names are never submissions", "[inbox][scan]") {
  for (const char* name :
       {".x", ".formpipe", "x.tmp", "X.TMP", "x.part", "x.partial", "~x", "x~", "x.crdownload",
        "report.xml.download", "a.filepart", "a.swp", "a.temp", ""}) {
    CAPTURE(name);
    CHECK(is_ignored_name(name));
  }
  for (const char* name : {"x.xml", "bundle.zip", "diary.csv", "a folder", "Acta de reunión.xml",
                           "tmp.xml", "partial-report.xml"}) {
    CAPTURE(name);
    CHECK_FALSE(is_ignored_name(name));
  }
}

TEST_CASE("a folder's signature sums its files and changes when one grows", "[inbox][scan]") {
  ScratchFolder scratch;
  write_file(scratch / "bundle/manifest.csv", "key,value\n");
  write_file(scratch / "bundle/header.csv", "a,b\n1,2\n");
  const auto before = signature_of(scratch / "bundle");
  REQUIRE(before);
  CHECK(before->folder);
  CHECK(before->bytes == 18);
  CHECK(before->entries == 2);
  write_file(scratch / "bundle/header.csv", "a,b\n1,2\n3,4\n");
  CHECK(signature_of(scratch / "bundle") != before);
  CHECK_FALSE(signature_of(scratch / "gone"));
  std::filesystem::create_symlink(scratch / "bundle", scratch / "link");
  CHECK_FALSE(signature_of(scratch / "link"));
}

TEST_CASE("an entry is ready only once it is unchanged at a second pass", "[inbox][scan]") {
  ScratchFolder scratch;
  Scanner scanner(scratch.path(), 0ms);
  write_file(scratch / "a.xml", "<a/>");
  write_file(scratch / "a.xml.part", "<b/>");
  CHECK(scanner.pass().empty());
  CHECK(scanner.has_pending());
  const auto ready = scanner.pass();
  REQUIRE(ready.size() == 1);
  CHECK(ready[0].filename() == "a.xml");
  CHECK_FALSE(scanner.has_pending());  // the .part file is not even pending
}

TEST_CASE("a file still growing is not taken", "[inbox][scan]") {
  ScratchFolder scratch;
  Scanner scanner(scratch.path(), 0ms);
  write_file(scratch / "slow.xml", "<alliance-");
  CHECK(scanner.pass().empty());
  write_file(scratch / "slow.xml", "<alliance-diary-sheet");
  CHECK(scanner.pass().empty());  // changed since the first pass
  CHECK(scanner.pass().size() == 1);
}

TEST_CASE("a recently modified file waits for the settle time", "[inbox][scan]") {
  ScratchFolder scratch;
  Scanner scanner(scratch.path(), std::chrono::hours(1));
  write_file(scratch / "fresh.xml", "<a/>");
  scanner.pass();
  CHECK(scanner.pass().empty());
  age(scratch / "fresh.xml", 2 * 3600);
  CHECK(scanner.pass().empty());  // its time changed: seen anew
  CHECK(scanner.pass().size() == 1);
}

TEST_CASE("pending entries are bounded and the rest come in later passes", "[inbox][scan]") {
  ScratchFolder scratch;
  for (int i = 0; i < 10; ++i) write_file(scratch / (std::to_string(i) + ".xml"), "<a/>");
  Scanner scanner(scratch.path(), 0ms, 4);
  std::size_t taken = 0;
  for (int pass = 0; pass < 10 && (taken == 0 || scanner.has_pending()); ++pass) {
    for (const auto& path : scanner.pass()) {
      std::filesystem::remove(path);
      ++taken;
    }
  }
  CHECK(taken == 10);
}

TEST_CASE("a skipped entry comes back only when it changes", "[inbox][scan]") {
  ScratchFolder scratch;
  Scanner scanner(scratch.path(), 0ms);
  write_file(scratch / "bad.xml", "<a/>");
  scanner.skip_until_changed("bad.xml", *signature_of(scratch / "bad.xml"));
  CHECK(scanner.pass().empty());
  CHECK(scanner.pass().empty());
  CHECK_FALSE(scanner.has_pending());
  write_file(scratch / "bad.xml", "<alliance-agreement/>");
  scanner.pass();
  CHECK(scanner.pass().size() == 1);
}

TEST_CASE("links, FIFOs and sockets in the inbox are reported once each, never taken",
          "[inbox][scan]") {
  ScratchFolder scratch;
  write_file(scratch / "inbox/form.xml", "<x/>");
  std::filesystem::create_symlink(scratch / "inbox/form.xml", scratch / "inbox/link.xml");
  REQUIRE(::mkfifo((scratch / "inbox/pipe.xml").c_str(), 0644) == 0);
  Scanner scanner(scratch / "inbox", 0ns);
  std::vector<Scanner::Refused> refused;
  for (int pass = 0; pass < 5; ++pass) {
    for (const auto& path : scanner.pass()) CHECK(path.filename() == "form.xml");
    for (const Scanner::Refused& entry : scanner.refused()) refused.push_back(entry);
  }
  REQUIRE(refused.size() == 2);
  std::sort(refused.begin(), refused.end(),
            [](const auto& a, const auto& b) { return a.name < b.name; });
  CHECK(refused[0].name == "link.xml");
  CHECK(refused[0].kind == "a symbolic link");
  CHECK(refused[1].name == "pipe.xml");
  CHECK(refused[1].kind == "a FIFO (named pipe)");
  // Gone and back: reported again.
  std::filesystem::remove(scratch / "inbox/link.xml");
  scanner.pass();
  CHECK(scanner.refused().empty());
  std::filesystem::create_symlink(scratch / "inbox/pipe.xml", scratch / "inbox/link.xml");
  scanner.pass();
  REQUIRE(scanner.refused().size() == 1);
  CHECK(scanner.refused()[0].name == "link.xml");
}
