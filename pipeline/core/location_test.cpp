#include "pipeline/core/location.hpp"

#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <utility>
#include <vector>

using namespace pipeline::core;

namespace {

// A parent text as the reader makes one: the element's path, then its CSV origin.
Location::Shared* parent(std::string_view head, std::string_view tail = {}) {
  return Location::Shared::make(head, tail);
}

}  // namespace

TEST_CASE("a location is its parent's path, its leaf and its parent's origin", "[core][location]") {
  Location::Shared* row = parent("cet-grant-proposal/table-d/wages-salaries/line[3]");
  Location::Shared* csv =
      parent("cet-grant-proposal/table-d/travel/mileage[1]", " (table-d.csv row 7)");
  const Location amount(row, "/", "salary-per-week");
  const Location funding(csv, "/@", "funding");
  const Location indexed(row, "/", "item", 12);
  row->release();  // the locations keep their parents alive
  csv->release();
  CHECK(amount.str() == "cet-grant-proposal/table-d/wages-salaries/line[3]/salary-per-week");
  CHECK(funding.str() ==
        "cet-grant-proposal/table-d/travel/mileage[1]/@funding (table-d.csv row 7)");
  CHECK(indexed.str() == "cet-grant-proposal/table-d/wages-salaries/line[3]/item[12]");
  CHECK(amount == "cet-grant-proposal/table-d/wages-salaries/line[3]/salary-per-week");
  CHECK(amount == std::string("cet-grant-proposal/table-d/wages-salaries/line[3]/salary-per-week"));
  CHECK_FALSE(amount == "cet-grant-proposal/table-d/wages-salaries/line[3]/salary-per-wee");
  CHECK_FALSE(amount == "cet-grant-proposal/table-d/wages-salaries/line[3]/salary-per-weeks");
  CHECK(amount.size() == amount.str().size());
  CHECK(amount + "/x" == amount.str() + "/x");
  CHECK("at " + amount == "at " + amount.str());
  std::ostringstream out;
  out << funding;
  CHECK(out.str() == funding.str());
}

TEST_CASE("a location made from text, long leaves and empty ones", "[core][location]") {
  CHECK(Location().empty());
  CHECK(Location().str().empty());
  CHECK(Location("").empty());
  CHECK(Location("cet-grant-proposal").str() == "cet-grant-proposal");
  const std::string long_text(200, 'x');
  CHECK(Location(long_text).str() == long_text);
  Location::Shared* row = parent("a/b", " (t.csv row 2)");
  const std::string long_name(Location::kLeafCapacity + 5, 'n');
  const Location long_leaf(row, "/", long_name, 3);
  const Location no_parent(nullptr, "/", "name");
  row->release();
  CHECK(long_leaf.str() == "a/b/" + long_name + "[3] (t.csv row 2)");
  CHECK(no_parent.str() == "/name");
  Location assigned;
  assigned = "x/y";
  CHECK(assigned == "x/y");
  assigned = std::string("x/z");
  CHECK(assigned == "x/z");
}

TEST_CASE("copies share the parent text and outlive the original", "[core][location]") {
  Location::Shared* row = parent("form/table/row[1]");
  std::vector<Location> kept;
  {
    Location a(row, "/", "a");
    row->release();
    Location b = a;             // copy
    Location c = std::move(a);  // move: `a` is empty afterwards
    CHECK(a.empty());           // NOLINT(bugprone-use-after-move)
    kept.push_back(b);
    kept.push_back(std::move(c));
    b = b;  // self-assignment keeps it
    CHECK(b == "form/table/row[1]/a");
    Location d("other");
    d = kept[0];  // copy-assign over a text of its own
    CHECK(d == "form/table/row[1]/a");
    d = std::move(kept[1]);
    CHECK(d == "form/table/row[1]/a");
    kept[1] = d;
  }
  CHECK(kept[0].str() == "form/table/row[1]/a");
  CHECK(kept[1].str() == "form/table/row[1]/a");
  CHECK(kept[0] == kept[1]);
}
