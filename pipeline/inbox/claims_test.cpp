#include "pipeline/inbox/claims.hpp"

#include <catch2/catch.hpp>

#include "pipeline/core/error.hpp"
#include "pipeline/inbox/inbox_test_support.hpp"

using namespace pipeline;
using namespace pipeline::inbox;
using namespace pipeline::inbox::testing;

TEST_CASE("a claim moves the submission out of sight under its own name", "[inbox][claims]") {
  ScratchFolder scratch;
  write_file(scratch / "Acta de reunión.xml", "<a/>");
  Claims claims(scratch.path());
  const auto claimed = claims.claim(scratch / "Acta de reunión.xml");
  REQUIRE(claimed);
  CHECK(claimed->name == "Acta de reunión.xml");
  CHECK(claimed->path.filename() == "Acta de reunión.xml");
  CHECK(read_file(claimed->path) == "<a/>");
  CHECK_FALSE(std::filesystem::exists(scratch / "Acta de reunión.xml"));
  // The same entry cannot be claimed twice: it is gone.
  CHECK_FALSE(claims.claim(scratch / "Acta de reunión.xml"));
  claims.release(*claimed);
  CHECK_FALSE(std::filesystem::exists(claimed->path.parent_path()));
}

TEST_CASE("one run per inbox: a second taker is refused", "[inbox][claims]") {
  ScratchFolder scratch;
  Claims first(scratch.path());
  CHECK_THROWS_WITH(Claims(scratch.path()), Catch::Contains("in use by another formpipe"));
  CHECK_THROWS_WITH(Claims(scratch / "missing"), Catch::Contains("is not a folder"));
}

TEST_CASE("claims left by a crash come back, oldest first", "[inbox][claims]") {
  ScratchFolder scratch;
  write_file(scratch / "a.xml", "a");
  write_file(scratch / "b.xml", "b");
  std::string first_token;
  {
    Claims claims(scratch.path());
    first_token = claims.claim(scratch / "a.xml")->token;
    claims.claim(scratch / "b.xml");
    std::filesystem::create_directory(scratch / ".formpipe/claimed/00000000000000000000-000000");
  }  // the process "dies" here
  Claims claims(scratch.path());
  const auto unfinished = claims.unfinished();
  REQUIRE(unfinished.size() == 2);
  CHECK(unfinished[0].token == first_token);
  CHECK(unfinished[0].name == "a.xml");
  CHECK(unfinished[1].name == "b.xml");
  CHECK_FALSE(std::filesystem::exists(scratch / ".formpipe/claimed/00000000000000000000-000000"));
}

TEST_CASE("a claim given back returns under its name unless that is taken", "[inbox][claims]") {
  ScratchFolder scratch;
  write_file(scratch / "a.xml", "old");
  Claims claims(scratch.path());
  const auto claimed = claims.claim(scratch / "a.xml");
  REQUIRE(claimed);
  write_file(scratch / "a.xml", "new");
  CHECK_FALSE(claims.give_back(*claimed));
  CHECK(read_file(scratch / "a.xml") == "new");
  CHECK(read_file(claimed->path) == "old");
  std::filesystem::remove(scratch / "a.xml");
  CHECK(claims.give_back(*claimed));
  CHECK(read_file(scratch / "a.xml") == "old");
  CHECK(claims.unfinished().empty());
}

TEST_CASE("a folder bundle whose removal a crash cut short is never claimed again in part",
          "[inbox][claims]") {
  ScratchFolder scratch;
  write_file(scratch / "grant.bundle/manifest.csv", "key,value\n");
  write_file(scratch / "grant.bundle/budget.csv", "line\n");
  {
    Claims claims(scratch.path());
    const auto claimed = claims.claim(scratch / "grant.bundle");
    REQUIRE(claimed);
    claims.release(*claimed);
    CHECK(std::filesystem::is_empty(scratch / ".formpipe/claimed"));
    CHECK(std::filesystem::is_empty(scratch / ".formpipe/released"));
  }
  // What a crash half-way through removing a released bundle leaves behind.
  write_file(scratch / ".formpipe/released/00000000000000000001-000001/grant.bundle/budget.csv",
             "line\n");
  Claims claims(scratch.path());
  CHECK(claims.unfinished().empty());
  CHECK(std::filesystem::is_empty(scratch / ".formpipe/released"));
}
