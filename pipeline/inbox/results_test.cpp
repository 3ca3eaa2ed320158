#include "pipeline/inbox/results.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <string>

#include "pipeline/core/error.hpp"
#include "pipeline/inbox/inbox_test_support.hpp"

using namespace pipeline;
using namespace pipeline::inbox;
using namespace pipeline::inbox::testing;

namespace {

Claimed claimed_file(const ScratchFolder& scratch, const std::string& name,
                     const std::string& bytes) {
  const std::string token = "00000000000000000001-000001";
  const auto path = scratch / ("inbox/.formpipe/claimed/" + token + "/" + name);
  write_file(path, bytes);
  return Claimed{token, name, path};
}

// The process's umask (read without changing it), for files made with the mode a copy gets.
unsigned current_umask() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("Umask:", 0) == 0)
      return static_cast<unsigned>(std::stoul(line.substr(6), nullptr, 8));
  return 022;
}

}  // namespace

TEST_CASE("the original keeps the submission's extension", "[inbox][results]") {
  ScratchFolder scratch;
  std::filesystem::create_directories(scratch / "bundle");
  CHECK(original_name(scratch / "a.xml") == "original.xml");
  CHECK(original_name(scratch / "Diary 2025.CSV") == "original.csv");
  CHECK(original_name(scratch / "b.zip") == "original.zip");
  CHECK(original_name(scratch / "no-extension") == "original.xml");
  CHECK(original_name(scratch / "bundle") == "original");
}

TEST_CASE("a result folder appears complete, with the original byte for byte", "[inbox][results]") {
  ScratchFolder scratch;
  Results results(scratch / "out");
  const Claimed input = claimed_file(scratch, "diary sheet ñ.xml", "<alliance-diary-sheet/>");
  const auto written = results.write("0123456789ab", "{\"id\": \"0123456789ab\"}",
                                     {{"compliance-summary.pdf", "%PDF-1.7 ..."}}, input);
  CHECK(written == std::vector<std::string>{"0123456789ab/report.json",
                                            "0123456789ab/compliance-summary.pdf",
                                            "0123456789ab/original.xml"});
  CHECK(read_file(scratch / "out/0123456789ab/original.xml") == "<alliance-diary-sheet/>");
  CHECK(read_file(scratch / "out/0123456789ab/report.json") == "{\"id\": \"0123456789ab\"}");
  CHECK(std::filesystem::is_empty(scratch / "out/.formpipe-tmp"));
  CHECK(read_file(input.path) == "<alliance-diary-sheet/>");  // the input is not touched
}

TEST_CASE("a folder bundle is kept as an original/ folder", "[inbox][results]") {
  ScratchFolder scratch;
  Results results(scratch / "out");
  const std::string token = "00000000000000000002-000001";
  const auto bundle = scratch / ("inbox/.formpipe/claimed/" + token + "/diary bundle");
  write_file(bundle / "manifest.csv", "key,value\n");
  write_file(bundle / "header.csv", "period-start\n");
  results.write("abcdefabcdef", "{}", {}, Claimed{token, "diary bundle", bundle});
  CHECK(read_file(scratch / "out/abcdefabcdef/original/manifest.csv") == "key,value\n");
  CHECK(read_file(scratch / "out/abcdefabcdef/original/header.csv") == "period-start\n");
}

TEST_CASE("a result written again replaces the earlier folder whole", "[inbox][results]") {
  ScratchFolder scratch;
  Results results(scratch / "out");
  const Claimed input = claimed_file(scratch, "a.xml", "<a/>");
  results.write("0123456789ab", "first", {{"stale.pdf", "x"}}, input);
  results.write("0123456789ab", "second", {}, input);
  CHECK(read_file(scratch / "out/0123456789ab/report.json") == "second");
  CHECK_FALSE(std::filesystem::exists(scratch / "out/0123456789ab/stale.pdf"));
  CHECK(std::filesystem::is_empty(scratch / "out/.formpipe-tmp"));
}

TEST_CASE("half-written folders are removed on start", "[inbox][results]") {
  ScratchFolder scratch;
  { Results results(scratch / "out"); }
  write_file(scratch / "out/.formpipe-tmp/00000000000000000003-000001/report.json", "{");
  Results results(scratch / "out");
  results.remove_unfinished();
  CHECK(std::filesystem::is_empty(scratch / "out/.formpipe-tmp"));
}

TEST_CASE("an output folder that cannot be written is a clear error", "[inbox][results]") {
  ScratchFolder scratch;
  write_file(scratch / "not-a-folder", "x");
  CHECK_THROWS_WITH(Results(scratch / "not-a-folder/out"),
                    Catch::Contains("not-a-folder/out: cannot be written"));
  Results results(scratch / "out");
  CHECK_THROWS_WITH(Results(scratch / "out"), Catch::Contains("in use by another formpipe"));
  // The temp folder vanishing under a running service: the write fails, the input stays.
  const Claimed input = claimed_file(scratch, "a.xml", "<a/>");
  std::filesystem::remove_all(scratch / "out/.formpipe-tmp");
  write_file(scratch / "out/.formpipe-tmp", "in the way");
  CHECK_THROWS_AS(results.write("0123456789ab", "{}", {}, input), core::IoError);
  CHECK_FALSE(std::filesystem::exists(scratch / "out/0123456789ab"));
  CHECK(read_file(input.path) == "<a/>");
}

TEST_CASE("a staged folder stays out of OUTDIR until it is published", "[inbox][results]") {
  ScratchFolder scratch;
  Results results(scratch / "out");
  const Claimed input = claimed_file(scratch, "a.xml", "<a/>");
  const Results::Staged staged =
      results.stage("0123456789ab", "{}", {{"letter.pdf", "%PDF-1.7"}}, input);
  CHECK(staged.outputs == std::vector<std::string>{"0123456789ab/report.json",
                                                   "0123456789ab/letter.pdf",
                                                   "0123456789ab/original.xml"});
  CHECK_FALSE(std::filesystem::exists(scratch / "out/0123456789ab"));
  CHECK(read_file(staged.folder / "letter.pdf") == "%PDF-1.7");
  results.sync();
  results.publish(staged);
  results.sync_names();
  CHECK(read_file(scratch / "out/0123456789ab/letter.pdf") == "%PDF-1.7");
  CHECK(std::filesystem::is_empty(scratch / "out/.formpipe-tmp"));
}

TEST_CASE("a staged folder that is discarded leaves nothing behind", "[inbox][results]") {
  ScratchFolder scratch;
  Results results(scratch / "out");
  const Claimed input = claimed_file(scratch, "a.xml", "<a/>");
  results.discard(results.stage("0123456789ab", "{}", {}, input));
  CHECK(std::filesystem::is_empty(scratch / "out/.formpipe-tmp"));
  CHECK_FALSE(std::filesystem::exists(scratch / "out/0123456789ab"));
}

TEST_CASE("the original is the claimed input itself, not a second copy of its bytes",
          "[inbox][results]") {
  ScratchFolder scratch;
  Results results(scratch / "out");
  const Claimed input = claimed_file(scratch, "agreement.xml", "<alliance-agreement/>");
  std::filesystem::permissions(input.path, std::filesystem::perms(0644 & ~current_umask()));
  results.write("0123456789ab", "{}", {}, input);
  const auto kept = scratch / "out/0123456789ab/original.xml";
  CHECK(std::filesystem::equivalent(kept, input.path));  // one file, two names
  std::filesystem::remove(input.path);                   // the claim is released
  CHECK(read_file(kept) == "<alliance-agreement/>");
}

TEST_CASE("an input with another name elsewhere is copied, so an edit there cannot reach it",
          "[inbox][results]") {
  ScratchFolder scratch;
  Results results(scratch / "out");
  const Claimed input = claimed_file(scratch, "agreement.xml", "<alliance-agreement/>");
  std::filesystem::permissions(input.path, std::filesystem::perms(0644 & ~current_umask()));
  std::filesystem::create_hard_link(input.path, scratch / "my copy.xml");
  const Claimed bundle_file = claimed_file(scratch, "other.xml", "<b/>");
  std::filesystem::permissions(bundle_file.path,
                               std::filesystem::perms(0600));  // not a copy's mode
  results.write("0123456789ab", "{}", {}, input);
  results.write("ba9876543210", "{}", {},
                Claimed{"00000000000000000001-000002", "other.xml", bundle_file.path});
  CHECK_FALSE(std::filesystem::equivalent(scratch / "out/0123456789ab/original.xml", input.path));
  CHECK_FALSE(
      std::filesystem::equivalent(scratch / "out/ba9876543210/original.xml", bundle_file.path));
  write_file(scratch / "my copy.xml", "<edited/>");
  CHECK(read_file(scratch / "out/0123456789ab/original.xml") == "<alliance-agreement/>");
}
