// The CET grant samples' findings point where samples/README.md says and their messages carry
// its figures, through ingest and the rules alone (tests/samples_test.cpp checks their findings,
// figures and CSV twin).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "pipeline/rules/report_test_support.hpp"

using pipeline::rules::testing::check_sample;

TEST_CASE("grant sample findings point where the README says", "[rules][grant][samples]") {
  using Locations = std::vector<std::string>;
  const auto budget =
      check_sample("cet-grant-proposal.invalid.budget-caps-match-travel-arithmetic.xml");
  const std::string d = "cet-grant-proposal/table-d/";
  CHECK(budget.locations("GRANT-LOST-TIME-WAGES") == Locations{d + "wages-salaries/line[2]"});
  CHECK(budget.locations("TRAVEL-MILEAGE-RATE") ==
        Locations{d + "travel/mileage[1]/amount-per-mile"});
  CHECK(budget.locations("TRAVEL-DINNER-RATE") == Locations{d + "travel/meals[2]/amount-per-meal"});
  CHECK(budget.locations("TABLED-LINE-ARITH") == Locations{d + "travel/lodging[1]/total-charged"});
  CHECK(budget.locations("TABLED-CATEGORY-SUM") == Locations{d + "equipment/total-grant"});
  CHECK(budget.locations("TABLED-MATCHES-TABLEC") == Locations{d + "training-materials"});
  CHECK(budget.locations("TABLEC-QUARTER-SUM") ==
        Locations{"cet-grant-proposal/table-c/category[3]/grant",
                  "cet-grant-proposal/table-c/total/grant"});
  CHECK(budget.locations("GRANT-EQUIPMENT-PRIOR-APPROVAL") ==
        Locations{d + "equipment/purchase[1]"});
  CHECK(budget.locations("GRANT-EQUIPMENT-BIDS") == Locations{d + "equipment/purchase[1]"});

  const auto eligibility =
      check_sample("cet-grant-proposal.invalid.table-a-b-completeness-eligibility.xml");
  const std::string root = "cet-grant-proposal/";
  CHECK(eligibility.locations("GRANT-NONPROFIT") == Locations{root + "applicant/nonprofit"});
  CHECK(eligibility.locations("GRANT-BASE-SALARY") == Locations{root + "key-personnel/person[2]"});
  CHECK(eligibility.locations("GRANT-KEY-RESUMES") == Locations{root + "key-personnel/person[1]"});
  CHECK(eligibility.locations("GRANT-PARTS-COMPLETE") == Locations{root + "table-d"});
  CHECK(eligibility.locations("GRANT-FEE-KEY-PERSONNEL") ==
        Locations{root + "program-income/fee[1]"});
  CHECK(eligibility.locations("GRANT-FEE-APPROVAL") == Locations{root + "program-income/fee[1]"});
  CHECK(eligibility.locations("GRANT-DEADLINE") == Locations{root + "received"});
}

TEST_CASE("grant sample messages carry their figures", "[rules][grant][samples]") {
  const auto budget =
      check_sample("cet-grant-proposal.invalid.budget-caps-match-travel-arithmetic.xml");
  const auto message = [&](std::string_view rule) { return budget.first(rule).message; };
  CHECK(message("GRANT-AWARD-MAX") ==
        "The grant requested, $90,000.00, exceeds the maximum award of $85,000.00 by $5,000.00.");
  CHECK(message("GRANT-MATCH-MIN") ==
        "The matching share, $8,500.00, is 9.44% of the grant; at least 10% ($9,000.00) is "
        "required.");
  CHECK(message("GRANT-EQUIPMENT-CAP") ==
        "Equipment from grant funds, $46,000.00, is 51.11% of the grant; the limit is 50% "
        "($45,000.00).");
  CHECK(message("TRAVEL-MILEAGE-RATE") ==
        "Mileage at $0.445 a mile exceeds the state rate of $0.375.");
  CHECK(message("TABLED-LINE-ARITH") ==
        "Travel \"lodging\": 8 × $65.00 = $520.00, but Total Charged says $560.00.");
  CHECK(message("TABLED-MATCHES-TABLEC") ==
        "Category 6 grant: Table D lines add to $6,650.00 but Table C shows $6,150.00.");
}
