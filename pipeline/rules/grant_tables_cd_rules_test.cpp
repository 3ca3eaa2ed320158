// TABLEC (rules.md §4.5) and TABLED (§4.6) on tables built in code.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "pipeline/rules/grant_test_support.hpp"

using namespace pipeline;
using namespace pipeline::rules::test;
using model::Funding;
using model::GrantProposal;
using model::TableDRow;

namespace {

GrantProposal with_table_c(model::TableC table) {
  GrantProposal proposal;
  proposal.location = "cet-grant-proposal";
  proposal.table_c = std::move(table);
  return proposal;
}

std::vector<std::string> locations(const core::Outcome& outcome, std::string_view rule) {
  std::vector<std::string> out;
  for (const auto& finding : outcome.findings)
    if (finding.rule == rule) out.push_back(finding.location);
  return out;
}

}  // namespace

TEST_CASE("Table C categories are numbered once and named for their number",
          "[rules][grant][tablec]") {
  model::TableC table = table_c({{1, "100.00"}, {2, "10.00"}, {2, "5.00"}, {3, "1.00"}});
  table.categories[0].name = present(std::string("wages-and-salaries"));
  table.categories[3].name = present(std::string("transport"));
  table.categories.emplace_back().location = "cet-grant-proposal/table-c/category[5]";
  const auto outcome = check_proposal(with_table_c(table));
  CHECK(locations(outcome, "TABLEC-CATEGORY") ==
        std::vector<std::string>{"cet-grant-proposal/table-c/category[3]",
                                 "cet-grant-proposal/table-c/category[4]",
                                 "cet-grant-proposal/table-c/category[5]"});
  CHECK(message(outcome, "TABLEC-CATEGORY") == "Table C category \"2\" is repeated.");
  const auto& findings = outcome.findings;
  const auto named = std::find_if(findings.begin(), findings.end(), [](const auto& f) {
    return f.location == "cet-grant-proposal/table-c/category[4]";
  });
  REQUIRE(named != findings.end());
  CHECK(named->message == "Table C category \"3\" is named \"transport\", not \"travel\".");
}

TEST_CASE("each Table C row's quarters add up to its Total Funds", "[rules][grant][tablec]") {
  model::TableC table = table_c({{3, "1702.50", "100.00"}});
  table.categories[0].grant->first = present(money("425.00"));
  table.categories[0].grant->second = present(money("425.00"));
  table.categories[0].grant->third = present(money("425.00"));
  table.categories[0].grant->fourth = present(money("425.00"));
  restate(table.total->grant->first, money("425.00"));
  restate(table.total->grant->second, money("425.00"));
  restate(table.total->grant->third, money("425.00"));
  restate(table.total->grant->fourth, money("427.50"));
  const auto outcome = check_proposal(with_table_c(table));
  CHECK(locations(outcome, "TABLEC-QUARTER-SUM") ==
        std::vector<std::string>{"cet-grant-proposal/table-c/category[1]/grant"});
  CHECK(message(outcome, "TABLEC-QUARTER-SUM") ==
        "Table C category 3, grant: the quarters add to $1,700.00 but Total Funds is "
        "$1,702.50.");
  // The Total row's fourth quarter now disagrees with the category column: TABLEC-CATEGORY-SUM.
  CHECK(locations(outcome, "TABLEC-CATEGORY-SUM") ==
        std::vector<std::string>{"cet-grant-proposal/table-c/total/grant/fourth"});
  CHECK(message(outcome, "TABLEC-CATEGORY-SUM") ==
        "Table C grant fourth: the categories add to $425.00 but the Total row says $427.50.");
}

TEST_CASE("a missing or rejected quarter stops only its own sums", "[rules][grant][tablec]") {
  model::TableC table = table_c({{1, "100.00"}, {2, "50.00"}});
  table.categories[1].grant->second = rejected<core::Money>("1O.00");
  restate(table.total->grant->total_funds, money("150.01"));
  const auto outcome = check_proposal(with_table_c(table));
  CHECK(count(outcome, "TABLEC-QUARTER-SUM") == 1);  // the Total row's own quarters
  // total-funds column: 150.00 ≠ 150.01; the second-quarter column is unknown.
  CHECK(locations(outcome, "TABLEC-CATEGORY-SUM") ==
        std::vector<std::string>{"cet-grant-proposal/table-c/total/grant/total-funds"});
}

TEST_CASE("Table C must request some grant funds", "[rules][grant][tablec]") {
  CHECK(count(check_proposal(with_table_c(table_c({{1, nullptr, "100.00"}}))),
              "TABLEC-GRANT-POSITIVE") == 1);
  CHECK(count(check_proposal(with_table_c(table_c({{1, "0.01"}}))), "TABLEC-GRANT-POSITIVE") == 0);
}

TEST_CASE("the baseline's Table C is checked too, with its own locations",
          "[rules][grant][tablec]") {
  GrantProposal proposal = with_table_c(table_c({{1, "100.00"}}));
  model::TableC approved = table_c({{1, "100.00"}, {1, "5.00"}});
  approved.location = "cet-grant-proposal/baseline/table-c";
  approved.categories[1].location = "cet-grant-proposal/baseline/table-c/category[2]";
  approved.categories[1].grant->first = present(money("4.00"));
  approved.categories[1].grant->location = approved.categories[1].location + "/grant";
  proposal.baseline.emplace().table_c = approved;
  const auto outcome = check_proposal(proposal);
  CHECK(locations(outcome, "TABLEC-CATEGORY") ==
        std::vector<std::string>{"cet-grant-proposal/baseline/table-c/category[2]"});
  CHECK(locations(outcome, "TABLEC-QUARTER-SUM") ==
        std::vector<std::string>{"cet-grant-proposal/baseline/table-c/category[2]/grant"});
  CHECK(message(outcome, "TABLEC-QUARTER-SUM").rfind("Baseline Table C category 1, grant", 0) == 0);
  CHECK(count(outcome, "TABLEC-CATEGORY-SUM") == 1);  // first quarter 104.00 ≠ 105.00
}

// ---- TABLED --------------------------------------------------------------------------------

namespace {

model::TableDLine fringe(const char* salaries, const char* rate, const char* stated) {
  auto line = table_d_line(TableDRow::Line, Funding::Grant, stated);
  line.type_of_benefit = present(std::string("FICA"));
  line.total_salaries = present(money(salaries));
  line.formula_percent = present(percent(rate));
  return line;
}

model::TableDLine mileage(const char* miles, const char* per_mile, const char* stated) {
  auto line = table_d_line(TableDRow::Mileage, Funding::Grant, stated);
  line.number_of_miles = present(quantity(miles));
  line.amount_per_mile = present(rate(per_mile));
  return line;
}

int arithmetic_errors(int category, model::TableDLine line) {
  GrantProposal proposal;
  model::TableD& table = proposal.table_d.emplace();
  const char* names[] = {"wages-salaries",     "fringe-benefit",  "travel",
                         "rent-and-utilities", "office-supplies", "training-materials",
                         "equipment",          "contractual",     "other"};
  model::TableDSection section = table_d_section(category, names[category - 1]);
  section.lines.push_back(std::move(line));
  switch (category) {
    case 2:
      table.fringe_benefit = section;
      break;
    case 3:
      table.travel = section;
      break;
    default:
      table.wages_salaries = section;
      break;
  }
  return count(check_proposal(proposal), "TABLED-LINE-ARITH");
}

}  // namespace

TEST_CASE("Table D products are rounded half up: the half cent goes up", "[rules][grant][tabled]") {
  // Fringe: $10.00 × 7.65 % = $0.765 exactly.
  CHECK(arithmetic_errors(2, fringe("10.00", "7.65", "0.77")) == 0);
  CHECK(arithmetic_errors(2, fringe("10.00", "7.65", "0.76")) == 1);
  CHECK(arithmetic_errors(2, fringe("43200.00", "7.65", "3304.80")) == 0);
  // Mileage × a rate in mills: 1 × $0.375 = $0.375; 3 × $0.375 = $1.125.
  CHECK(arithmetic_errors(3, mileage("1", "0.375", "0.38")) == 0);
  CHECK(arithmetic_errors(3, mileage("1", "0.375", "0.37")) == 1);
  CHECK(arithmetic_errors(3, mileage("3", "0.375", "1.13")) == 0);
  CHECK(arithmetic_errors(3, mileage("3", "0.375", "1.12")) == 1);
  // Wages: $100.01 × 0.5 weeks = $50.005.
  auto wages = table_d_line(TableDRow::Line, Funding::Grant, "50.01");
  wages.position = present(std::string("Instructor"));
  wages.salary_per_week = present(money("100.01"));
  wages.number_of_weeks = present(quantity("0.5"));
  CHECK(arithmetic_errors(1, wages) == 0);
  wages.total_charged = present(money("50.00"));
  CHECK(arithmetic_errors(1, wages) == 1);
}

TEST_CASE("a line formula mismatch names the formula, its amount and the stated total",
          "[rules][grant][tabled]") {
  GrantProposal proposal;
  auto& travel = proposal.table_d.emplace().travel.emplace(table_d_section(3, "travel"));
  auto lodging = table_d_line(TableDRow::Lodging, Funding::Grant, "560.00", "lodging[1]");
  lodging.number_of_nights = present(quantity("8"));
  lodging.amount_per_night = present(money("65.00"));
  lodging.taxes = present(money("40.00"));
  travel.lines.push_back(lodging);
  auto meals = table_d_line(TableDRow::Meals, Funding::Grant, "99.00", "meals[1]");
  meals.meal = present(model::Meal::Dinner);
  meals.number_of_meals = present(quantity("6"));
  meals.amount_per_meal = present(money("16.50"));
  travel.lines.push_back(meals);
  const auto outcome = check_proposal(proposal);
  CHECK(count(outcome, "TABLED-LINE-ARITH") == 0);
  proposal.table_d->travel->lines[0].taxes = core::Field<core::Money>{};
  proposal.table_d->travel->lines[1].total_charged = present(money("99.01"), "meals[1]/tc");
  const auto wrong = check_proposal(proposal);
  std::vector<std::string> messages;
  for (const auto& finding : wrong.findings)
    if (finding.rule == "TABLED-LINE-ARITH") messages.push_back(finding.message);
  CHECK(messages == std::vector<std::string>{
                        "Travel \"lodging\": 8 × $65.00 = $520.00, but Total Charged says "
                        "$560.00.",
                        "Travel \"dinner\": 6 × $16.50 = $99.00, but Total Charged says $99.01."});
}

TEST_CASE("declared Table D section totals add up their lines", "[rules][grant][tabled]") {
  GrantProposal proposal;
  auto& equipment = proposal.table_d.emplace().equipment.emplace(table_d_section(7, "equipment"));
  equipment.lines.push_back(table_d_line(TableDRow::Purchase, Funding::Grant, "38000.00"));
  equipment.lines.push_back(table_d_line(TableDRow::Rental, Funding::Grant, "8000.00"));
  equipment.lines.push_back(table_d_line(TableDRow::Purchase, Funding::Matching, "500.00"));
  equipment.total_grant = present(money("46000.00"), "equipment/total-grant");
  equipment.total_matching = present(money("500.00"), "equipment/total-matching");
  CHECK(count(check_proposal(proposal), "TABLED-CATEGORY-SUM") == 0);
  proposal.table_d->equipment->total_grant = present(money("45000.00"), "equipment/total-grant");
  const auto outcome = check_proposal(proposal);
  CHECK(locations(outcome, "TABLED-CATEGORY-SUM") ==
        std::vector<std::string>{"equipment/total-grant"});
  CHECK(message(outcome, "TABLED-CATEGORY-SUM") ==
        "Table D Equipment grant total says $45,000.00 but its lines add to $46,000.00.");
}

TEST_CASE("Table D agrees with Table C category by category and funding by funding",
          "[rules][grant][tabled]") {
  GrantProposal proposal = with_table_c(table_c({{1, "1000.00", "100.00"}, {6, "6150.00"}}));
  model::TableD& table = proposal.table_d.emplace();
  table.location = "cet-grant-proposal/table-d";
  auto& wages = table.wages_salaries.emplace(table_d_section(1, "wages-salaries"));
  wages.lines.push_back(table_d_line(TableDRow::Line, Funding::Grant, "1000.00"));
  wages.lines.push_back(table_d_line(TableDRow::Line, Funding::Matching, "100.00"));
  auto& materials = table.training_materials.emplace(table_d_section(6, "training-materials"));
  materials.lines.push_back(table_d_line(TableDRow::Line, Funding::Grant, "6150.00"));
  materials.lines.push_back(table_d_line(TableDRow::Line, Funding::Grant, "500.00"));
  auto outcome = check_proposal(proposal);
  CHECK(locations(outcome, "TABLED-MATCHES-TABLEC") ==
        std::vector<std::string>{"cet-grant-proposal/table-d/training-materials"});
  CHECK(message(outcome, "TABLED-MATCHES-TABLEC") ==
        "Category 6 grant: Table D lines add to $6,650.00 but Table C shows $6,150.00.");
  // A category in Table C with no Table D section is compared with zero.
  proposal.table_d->training_materials.reset();
  outcome = check_proposal(proposal);
  CHECK(locations(outcome, "TABLED-MATCHES-TABLEC") ==
        std::vector<std::string>{"cet-grant-proposal/table-d"});
  // No Table C: nothing to compare.
  proposal.table_c.reset();
  CHECK(count(check_proposal(proposal), "TABLED-MATCHES-TABLEC") == 0);
}

TEST_CASE("fringe benefits are figured on no more than Table D's wages", "[rules][grant][tabled]") {
  GrantProposal proposal;
  model::TableD& table = proposal.table_d.emplace();
  auto& wages = table.wages_salaries.emplace(table_d_section(1, "wages-salaries"));
  wages.lines.push_back(table_d_line(TableDRow::Line, Funding::Grant, "43200.00"));
  wages.lines.push_back(table_d_line(TableDRow::Line, Funding::Matching, "5400.00"));
  auto& benefits = table.fringe_benefit.emplace(table_d_section(2, "fringe-benefit"));
  benefits.lines.push_back(fringe("48600.00", "7.65", "3717.90"));
  CHECK(count(check_proposal(proposal), "TABLED-FRINGE-BASE") == 0);
  proposal.table_d->fringe_benefit->lines.push_back(fringe("48600.01", "1", "486.00"));
  const auto outcome = check_proposal(proposal);
  CHECK(count(outcome, "TABLED-FRINGE-BASE") == 1);
  CHECK(message(outcome, "TABLED-FRINGE-BASE") ==
        "Fringe \"FICA\" is figured on $48,600.01 of salaries, more than the $48,600.00 of wages "
        "in Table D.");
}
