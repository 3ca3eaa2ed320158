// Products past the largest amount a form can state (issue 9): out of range, never a wrapped or
// saturated number.
#include <catch2/catch.hpp>

#include <string>

#include "pipeline/rules/grant_test_support.hpp"

using namespace pipeline;
using namespace pipeline::rules::test;
using model::Funding;
using model::TableDRow;

TEST_CASE("a Table D product over the largest amount is out of range, not a wrong number",
          "[rules][grant][tabled]") {
  model::GrantProposal proposal;
  model::TableDSection section = table_d_section(1, "wages-salaries");
  auto line = table_d_line(TableDRow::Line, Funding::Grant, "999999999.99");
  line.salary_per_week = present(money("999999999.99"));
  line.number_of_weeks = present(quantity("999999999.99"));
  section.lines.push_back(line);
  proposal.table_d.emplace().wages_salaries = section;
  const auto outcome = check_proposal(proposal);
  CHECK(count(outcome, "TABLED-LINE-ARITH") == 1);
  const std::string text = message(outcome, "TABLED-LINE-ARITH");
  CHECK_THAT(text, Catch::Contains("$999,999,999.99 × 999999999.99 is out of range (more than "
                                   "$999,999,999.99, the largest amount a form can state)"));
  CHECK_THAT(text, !Catch::Contains("92,233,720"));  // the 64-bit maximum it used to print
}

TEST_CASE("money rounding and percentage figures are computed in 128 bits", "[core][money]") {
  CHECK(core::rounded_money(core::Wide{99'999'999'999}, 1) == core::kLargestMoney);
  CHECK_FALSE(core::rounded_money(core::Wide{99'999'999'999} * 99'999'999'999, 100));
  CHECK(core::rounded_money(core::Wide{-5}, 10) == core::Money{-1});
  // A part far larger than a one-cent whole: 10^17 cents over 1 cent.
  CHECK(core::percent_figure(100'000'000'000'000'000, 1) == "10000000000000000000.00");
  CHECK(core::percent_figure(-1, 3) == "-33.33");
  CHECK(core::percent_figure(0, 3) == "0.00");
}
