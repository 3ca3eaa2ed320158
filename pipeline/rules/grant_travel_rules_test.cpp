// TRAVEL (rules.md §4.7): each state rate exactly at its limit passes, one cent (one mill for
// mileage) past fails, on grant and matching lines alike; rates come from GrantParameters.
#include <catch2/catch.hpp>

#include <string>

#include "pipeline/rules/grant_test_support.hpp"

using namespace pipeline;
using namespace pipeline::rules::test;
using model::Funding;
using model::GrantProposal;
using model::TableDRow;

namespace {

core::Outcome check_travel_line(model::TableDLine line,
                                const model::GrantParameters& parameters = {}) {
  GrantProposal proposal;
  proposal.table_d.emplace().travel.emplace(table_d_section(3, "travel")).lines.push_back(line);
  return check_proposal(proposal, parameters);
}

core::Outcome mileage(const char* per_mile, Funding funding = Funding::Grant) {
  auto line = table_d_line(TableDRow::Mileage, funding, "0.00");
  line.amount_per_mile = present(rate(per_mile), "mileage[1]/amount-per-mile");
  return check_travel_line(line);
}

core::Outcome lodging(const char* per_night) {
  auto line = table_d_line(TableDRow::Lodging, Funding::Matching, "0.00");
  line.amount_per_night = present(money(per_night));
  line.taxes = present(money("99.00"));  // taxes are apart from the rate
  return check_travel_line(line);
}

core::Outcome meal(model::Meal kind, const char* per_meal) {
  auto line = table_d_line(TableDRow::Meals, Funding::Grant, "0.00");
  line.meal = present(kind);
  line.amount_per_meal = present(money(per_meal));
  return check_travel_line(line);
}

}  // namespace

TEST_CASE("mileage: $0.375 a mile passes, one mill more is an error", "[rules][grant][travel]") {
  CHECK(count(mileage("0.375"), "TRAVEL-MILEAGE-RATE") == 0);
  CHECK(count(mileage("0.375", Funding::Matching), "TRAVEL-MILEAGE-RATE") == 0);
  const auto over = mileage("0.376");
  CHECK(count(over, "TRAVEL-MILEAGE-RATE") == 1);
  CHECK(message(over, "TRAVEL-MILEAGE-RATE") ==
        "Mileage at $0.376 a mile exceeds the state rate of $0.375.");
  for (const auto& finding : over.findings)
    if (finding.rule == "TRAVEL-MILEAGE-RATE")
      CHECK(finding.location == "mileage[1]/amount-per-mile");
  CHECK(count(mileage("0.376", Funding::Matching), "TRAVEL-MILEAGE-RATE") == 1);  // I-7
}

TEST_CASE("lodging: $65.00 a night passes, $65.01 is an error", "[rules][grant][travel]") {
  CHECK(count(lodging("65.00"), "TRAVEL-LODGING-RATE") == 0);
  CHECK(count(lodging("65.01"), "TRAVEL-LODGING-RATE") == 1);
  CHECK(message(lodging("65.01"), "TRAVEL-LODGING-RATE") ==
        "Lodging at $65.01 a night exceeds the state rate of $65.00 plus taxes.");
}

TEST_CASE("meals: breakfast and lunch $7.25, dinner $16.50; a cent more is an error",
          "[rules][grant][travel]") {
  using model::Meal;
  CHECK(count(meal(Meal::Breakfast, "7.25"), "TRAVEL-BREAKFAST-RATE") == 0);
  CHECK(count(meal(Meal::Breakfast, "7.26"), "TRAVEL-BREAKFAST-RATE") == 1);
  CHECK(count(meal(Meal::Lunch, "7.25"), "TRAVEL-LUNCH-RATE") == 0);
  CHECK(count(meal(Meal::Lunch, "7.26"), "TRAVEL-LUNCH-RATE") == 1);
  CHECK(count(meal(Meal::Dinner, "16.50"), "TRAVEL-DINNER-RATE") == 0);
  CHECK(count(meal(Meal::Dinner, "16.51"), "TRAVEL-DINNER-RATE") == 1);
  // Each rule reads only its own meal: a $16.50 lunch is the lunch rule's.
  const auto lunch = meal(Meal::Lunch, "16.50");
  CHECK(count(lunch, "TRAVEL-LUNCH-RATE") == 1);
  CHECK(count(lunch, "TRAVEL-DINNER-RATE") == 0);
  CHECK(message(lunch, "TRAVEL-LUNCH-RATE") == "Lunch at $16.50 exceeds the state rate of $7.25.");
}

TEST_CASE("travel rates are the fiscal year's parameters", "[rules][grant][travel]") {
  model::GrantParameters fy2005;
  fy2005.mileage_rate_maximum = rate("0.405");
  auto line = table_d_line(TableDRow::Mileage, Funding::Grant, "0.00");
  line.amount_per_mile = present(rate("0.405"));
  CHECK(count(check_travel_line(line), "TRAVEL-MILEAGE-RATE") == 1);
  CHECK(count(check_travel_line(line, fy2005), "TRAVEL-MILEAGE-RATE") == 0);
}

TEST_CASE("out-of-state travel on grant funds needs prior approval", "[rules][grant][travel]") {
  auto line = table_d_line(TableDRow::Lodging, Funding::Grant, "426.00");
  line.out_of_state = present(true);
  const auto outcome = check_travel_line(line);
  CHECK(count(outcome, "TRAVEL-OUT-OF-STATE") == 1);
  CHECK(message(outcome, "TRAVEL-OUT-OF-STATE") ==
        "Out-of-state travel ($426.00) needs the department's prior approval.");
  line.prior_approval = present(std::string("CET letter 2004-08-02"));
  CHECK(count(check_travel_line(line), "TRAVEL-OUT-OF-STATE") == 0);
  line.prior_approval = core::Field<std::string>{};
  line.funding = present(Funding::Matching);  // the grantee's own money
  CHECK(count(check_travel_line(line), "TRAVEL-OUT-OF-STATE") == 0);
  line.funding = present(Funding::Grant);
  line.out_of_state = present(false);
  CHECK(count(check_travel_line(line), "TRAVEL-OUT-OF-STATE") == 0);
}
