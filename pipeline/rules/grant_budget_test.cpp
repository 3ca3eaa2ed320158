#include "pipeline/rules/grant_budget.hpp"

#include <catch2/catch.hpp>

#include <limits>

#include "pipeline/rules/grant_test_support.hpp"

using namespace pipeline;
using namespace pipeline::rules::test;
using core::Money;
using model::Funding;
using model::TableDRow;

TEST_CASE("Table C amounts add the nine categories of each funding", "[rules][grant][budget]") {
  const model::TableC table = table_c({{1, "43200.00", "5400.00"},
                                       {2, "5704.80", "413.10"},
                                       {7, "2400.00"},
                                       {9, "1500.00", "1200.00"}});
  const auto amounts = rules::table_c_amounts(table);
  CHECK(amounts.grant_at(7) == money("2400.00"));
  CHECK(amounts.matching_at(7) == Money{});
  CHECK(amounts.at(9, Funding::Matching) == money("1200.00"));
  CHECK(amounts.grant_total() == money("52804.80"));
  CHECK(amounts.matching_total() == money("7013.10"));
  CHECK(amounts.budget_total() == money("59817.90"));
}

TEST_CASE("an unknown Table C amount makes unknown only the sums that add it (I-45)",
          "[rules][grant][budget]") {
  model::TableC table = table_c({{1, "100.00", "10.00"}, {2, "50.00", "5.00"}});
  SECTION("rejected grant total-funds: the grant column is unknown, the matching one is not") {
    table.categories[1].grant->total_funds = rejected<Money>("50.0.0");
    const auto amounts = rules::table_c_amounts(table);
    CHECK_FALSE(amounts.grant_at(2));
    CHECK(amounts.grant_at(1) == money("100.00"));
    CHECK_FALSE(amounts.grant_total());
    CHECK_FALSE(amounts.budget_total());
    CHECK(amounts.matching_total() == money("15.00"));
    CHECK_FALSE(amounts.category_total(2));
    CHECK(amounts.category_total(1) == money("110.00"));
  }
  SECTION("missing matching total-funds: the grant column is still known") {
    table.categories[0].matching->total_funds = core::Field<Money>{};
    const auto amounts = rules::table_c_amounts(table);
    CHECK(amounts.grant_total() == money("150.00"));
    CHECK_FALSE(amounts.matching_total());
    CHECK_FALSE(amounts.budget_total());
  }
  SECTION("rejected number of a category with grant money: the grant column is unknown") {
    table.categories[1].matching->total_funds = present(money("0.00"));
    table.categories[1].number = rejected<std::int64_t>("12");
    const auto amounts = rules::table_c_amounts(table);
    CHECK_FALSE(amounts.grant_at(1));
    CHECK_FALSE(amounts.grant_total());
    CHECK(amounts.matching_total() == money("10.00"));
  }
  SECTION("a repeated number adds to the same category (I-46)") {
    table.categories[1].number = present<std::int64_t>(1);
    const auto amounts = rules::table_c_amounts(table);
    CHECK(amounts.grant_at(1) == money("150.00"));
    CHECK(amounts.grant_at(2) == Money{});
    CHECK(amounts.grant_total() == money("150.00"));
  }
}

TEST_CASE("Table D sums: D by category and funding, L and W over both fundings",
          "[rules][grant][budget]") {
  model::TableD table;
  auto& wages = table.wages_salaries.emplace(rules::test::table_d_section(1, "wages-salaries"));
  wages.lines.push_back(table_d_line(TableDRow::Line, Funding::Grant, "30000.00"));
  wages.lines.push_back(table_d_line(TableDRow::Line, Funding::Matching, "3000.00"));
  auto& rent = table.rent_and_utilities.emplace(table_d_section(4, "rent-and-utilities"));
  rent.lines.push_back(table_d_line(TableDRow::Telephone, Funding::Grant, "540.00"));
  rent.lines.push_back(table_d_line(TableDRow::AdministrativeCosts, Funding::Grant, "300.00"));
  auto& other = table.other.emplace(table_d_section(9, "other"));
  other.lines.push_back(table_d_line(TableDRow::AdministrativeCosts, Funding::Matching, "1200.00"));

  CHECK(rules::table_d_amount(table, 1, Funding::Grant) == money("30000.00"));
  CHECK(rules::table_d_amount(table, 4, Funding::Grant) == money("840.00"));
  CHECK(rules::table_d_amount(table, 7, Funding::Grant) == Money{});  // no section
  CHECK(rules::has_administrative_costs(table));
  CHECK(rules::administrative_lump_total(table) == money("1500.00"));
  CHECK(rules::wages_total(table) == money("33000.00"));

  rent.lines[0].total_charged = rejected<Money>("540,00");
  CHECK_FALSE(rules::table_d_amount(table, 4, Funding::Grant));
  CHECK(rules::table_d_amount(table, 4, Funding::Matching) == Money{});
  CHECK(rules::administrative_lump_total(table) == money("1500.00"));  // not an admin line
  rent.lines[1].funding = rejected<Funding>("both");
  CHECK_FALSE(rules::table_d_amount(table, 4, Funding::Matching));
}

TEST_CASE("products are exact and rounded half up to the cent", "[rules][grant][budget]") {
  // $10.00 × 7.65 % = $0.765 exactly: half a cent, rounded up.
  CHECK(rules::percent_of(money("10.00"), percent("7.65")) == money("0.77"));
  CHECK(rules::percent_of(money("43200.00"), percent("7.65")) == money("3304.80"));
  CHECK(rules::percent_of(money("10.00"), percent("7.6499")) == money("0.76"));
  // 1 mile × $0.375 = $0.375; 3 miles = $1.125; 10.5 miles = $3.9375; 4,000 miles = $1,500.
  CHECK(rules::product(quantity("1"), rate("0.375")) == money("0.38"));
  CHECK(rules::product(quantity("3"), rate("0.375")) == money("1.13"));
  CHECK(rules::product(quantity("10.5"), rate("0.375")) == money("3.94"));
  CHECK(rules::product(quantity("4000"), rate("0.375")) == money("1500.00"));
  CHECK(rules::product(quantity("0.01"), rate("0.499")) == money("0.00"));
  CHECK(rules::product(quantity("0.01"), rate("0.500")) == money("0.01"));
  // $100.01 × 0.5 weeks = $50.005.
  CHECK(rules::product(money("100.01"), quantity("0.5")) == money("50.01"));
  CHECK(rules::product(money("0.15"), quantity("4000")) == money("600.00"));
  CHECK(rules::product(money("0.37"), quantity("0.01")) == money("0.00"));
  // The largest values formats.md allows overflow 64 bits: the product is out of range (not
  // saturated into a wrong number), as is any product over the largest amount.
  CHECK_FALSE(rules::product(money("999999999.99"), quantity("999999999.99")));
  CHECK_FALSE(rules::product(money("999999999.99"), quantity("1.01")));
  CHECK_FALSE(rules::product(quantity("999999999.99"), rate("999999.999")));
  CHECK(rules::product(money("999999999.99"), quantity("1")) == money("999999999.99"));
}

TEST_CASE("line formulas follow formats.md §3.11 by section and row", "[rules][grant][budget]") {
  model::TableDLine wages = table_d_line(TableDRow::Line, Funding::Grant, "30000.00");
  wages.salary_per_week = present(money("600.00"));
  wages.number_of_weeks = present(quantity("50"));
  auto formula = rules::line_formula(1, wages);
  REQUIRE(formula);
  CHECK(formula->amount == money("30000.00"));
  CHECK(formula->expression == "$600.00 × 50");

  model::TableDLine fringe = table_d_line(TableDRow::Line, Funding::Grant, "0.77");
  fringe.total_salaries = present(money("10.00"));
  fringe.formula_percent = present(percent("7.65"));
  formula = rules::line_formula(2, fringe);
  REQUIRE(formula);
  CHECK(formula->amount == money("0.77"));
  CHECK(formula->expression == "$10.00 × 7.65%");

  model::TableDLine lodging = table_d_line(TableDRow::Lodging, Funding::Grant, "426.00");
  lodging.number_of_nights = present(quantity("6"));
  lodging.amount_per_night = present(money("65.00"));
  formula = rules::line_formula(3, lodging);
  REQUIRE(formula);
  CHECK(formula->amount == money("390.00"));  // absent taxes are zero
  lodging.taxes = present(money("36.00"));
  formula = rules::line_formula(3, lodging);
  REQUIRE(formula);
  CHECK(formula->amount == money("426.00"));
  CHECK(formula->expression == "6 × $65.00 + $36.00");
  lodging.taxes = rejected<Money>("36,00");
  CHECK_FALSE(rules::line_formula(3, lodging));

  model::TableDLine mileage = table_d_line(TableDRow::Mileage, Funding::Grant, "1500.00");
  mileage.number_of_miles = present(quantity("4000"));
  mileage.amount_per_mile = present(rate("0.375"));
  formula = rules::line_formula(3, mileage);
  REQUIRE(formula);
  CHECK(formula->expression == "4000 × $0.375");

  model::TableDLine space = table_d_line(TableDRow::TrainingSpace, Funding::Matching, "1800.00");
  space.number_of_months = present(quantity("12"));
  space.monthly_amount = present(money("150.00"));
  formula = rules::line_formula(4, space);
  REQUIRE(formula);
  CHECK(formula->amount == money("1800.00"));

  model::TableDLine rental = table_d_line(TableDRow::Rental, Funding::Grant, "600.00");
  rental.cost_per_item = present(money("300.00"));
  rental.total_units = present(quantity("2"));
  formula = rules::line_formula(7, rental);
  REQUIRE(formula);
  CHECK(formula->amount == money("600.00"));

  // No formula: contractual, other, administrative costs; or an input unknown.
  CHECK_FALSE(rules::line_formula(8, table_d_line(TableDRow::Line, Funding::Grant, "1.00")));
  CHECK_FALSE(rules::line_formula(9, table_d_line(TableDRow::Line, Funding::Grant, "1.00")));
  CHECK_FALSE(
      rules::line_formula(4, table_d_line(TableDRow::AdministrativeCosts, Funding::Grant, "1.00")));
  wages.number_of_weeks = rejected<core::Quantity>("fifty");
  CHECK_FALSE(rules::line_formula(1, wages));
}

TEST_CASE("shares are tested by cross-multiplication, limits are floor and ceiling",
          "[rules][grant][budget]") {
  const core::Percent half = percent("50");
  const core::Percent fifth = percent("20");
  const core::Percent tenth = percent("10");
  const Money grant = money("63370.30");
  CHECK(rules::share_maximum(grant, half) == money("31685.15"));
  CHECK(rules::share_maximum(grant, fifth) == money("12674.06"));
  CHECK(rules::share_minimum(grant, tenth) == money("6337.03"));
  CHECK(rules::within_share(money("31685.15"), grant, half));
  CHECK_FALSE(rules::within_share(money("31685.16"), grant, half));
  CHECK(rules::reaches_share(money("6337.03"), grant, tenth));
  CHECK_FALSE(rules::reaches_share(money("6337.02"), grant, tenth));
  // A negative whole (Table D's lump above Table C's budget) has a negative floor.
  CHECK(rules::share_maximum(Money{-1}, fifth) == Money{-1});
  CHECK(rules::share_minimum(Money{-9}, tenth) == Money{0});
}

TEST_CASE("the share limits are the last passing and first failing cents",
          "[rules][grant][budget][property]") {
  const auto whole = GENERATE(take(200, random<std::int64_t>(0, 99'999'999'999)));
  const auto share_units = GENERATE(take(3, random<std::int64_t>(0, 1'000'000)));
  INFO("rng seed " << Catch::rngSeed() << ", whole " << whole << ", share " << share_units);
  const core::Percent share{share_units};
  const Money maximum = rules::share_maximum(Money{whole}, share);
  const Money minimum = rules::share_minimum(Money{whole}, share);
  CHECK(rules::within_share(maximum, Money{whole}, share));
  CHECK_FALSE(rules::within_share(maximum + Money{1}, Money{whole}, share));
  CHECK(rules::reaches_share(minimum, Money{whole}, share));
  if (minimum.units > 0) CHECK_FALSE(rules::reaches_share(minimum - Money{1}, Money{whole}, share));
}

TEST_CASE("the §108 reduced award is proportional and rounded half up",
          "[rules][grant][budget][perf]") {
  // samples/README.md: 6,337,030 cents × 1,050 ÷ 1,200 = 5,544,901.25 → $55,449.01.
  CHECK(rules::reduced_award(money("63370.30"), 105000, 120000) == money("55449.01"));
  // Half a cent rounds up: 1 cent × 1 ÷ 2.
  CHECK(rules::reduced_award(Money{1}, 1, 2) == Money{1});
  CHECK(rules::reduced_award(Money{3}, 1, 2) == Money{2});
  // Never reduced when the count is met or exceeded, or nothing was required; never increased.
  CHECK(rules::reduced_award(money("63370.30"), 120000, 120000) == money("63370.30"));
  CHECK(rules::reduced_award(money("63370.30"), 130000, 120000) == money("63370.30"));
  CHECK(rules::reduced_award(money("63370.30"), 0, 0) == money("63370.30"));
  CHECK(rules::reduced_award(money("63370.30"), 0, 120000) == Money{});
}

TEST_CASE("performance counts come from the objectives or from Table A's training",
          "[rules][grant][budget][perf]") {
  model::Performance stated;
  stated.people_trained = present<std::int64_t>(300);
  stated.person_hours = present(quantity("900.5"));
  auto counts = rules::performance_counts(stated);
  CHECK(counts.count_hundredths() == 120050);

  model::TableA table;
  const auto program = [](std::int64_t sessions, std::int64_t persons, const char* length) {
    model::TrainingProgram p;
    p.number_of_sessions = present(sessions);
    p.number_of_persons = present(persons);
    p.length_of_session = present(quantity(length));
    return p;
  };
  table.training_programs = {program(10, 18, "4"), program(3, 15, "16"), program(8, 25, "1.5")};
  table.service_activities.resize(2);  // service hours never count (I-10)
  counts = rules::table_a_training(table);
  CHECK(counts.people_trained == 425);
  CHECK(counts.person_hours == quantity("1740"));

  // performance-objectives win over Table A; without either there are none.
  const std::optional<model::TableA> with_table = table;
  CHECK(rules::performance_objectives(stated, with_table)->people_trained == 300);
  CHECK(rules::performance_objectives(std::nullopt, with_table)->people_trained == 425);
  CHECK_FALSE(rules::performance_objectives(std::nullopt, std::nullopt));
}

TEST_CASE("an unknown performance value makes unknown only the measures that need it (I-45)",
          "[rules][grant][budget][perf]") {
  model::Performance stated;
  stated.people_trained = present<std::int64_t>(300);
  stated.person_hours = rejected<core::Quantity>("900 h");
  const rules::PerformanceCounts counts = rules::performance_counts(stated);
  CHECK(counts.people_trained == 300);
  CHECK_FALSE(counts.person_hours);
  CHECK_FALSE(counts.count_hundredths());

  model::TableA table;
  model::TrainingProgram p;
  p.number_of_sessions = present<std::int64_t>(10);
  p.number_of_persons = present<std::int64_t>(18);
  p.length_of_session = rejected<core::Quantity>("4h");
  table.training_programs = {p, p};
  // A length is needed for person-hours only.
  rules::PerformanceCounts derived = rules::table_a_training(table);
  CHECK(derived.people_trained == 360);
  CHECK_FALSE(derived.person_hours);
  // Sessions and persons are needed for both.
  table.training_programs[1].number_of_persons = rejected<std::int64_t>("15?");
  derived = rules::table_a_training(table);
  CHECK_FALSE(derived.people_trained);
  CHECK_FALSE(derived.person_hours);
}
