// PERF (rules.md §4.9): objectives from performance-objectives or Table A, and the §108
// reduction in proportion to the count completed.
#include <catch2/catch.hpp>

#include <string>

#include "pipeline/rules/grant_test_support.hpp"

using namespace pipeline;
using namespace pipeline::rules::test;
using model::GrantProposal;

namespace {

model::Performance performance(std::int64_t people, const char* hours) {
  model::Performance p;
  p.location = "performance";
  p.people_trained = present(people);
  p.person_hours = present(quantity(hours));
  return p;
}

// The close-out sample: G = $63,370.30, objectives 300 + 900, `people` + `hours` completed.
GrantProposal closeout(std::int64_t people, const char* hours) {
  GrantProposal proposal;
  proposal.stage = present(model::GrantStage::Closeout);
  proposal.table_c = table_c({{1, "63370.30", "8813.10"}});
  proposal.performance_objectives = performance(300, "900");
  proposal.performance_outcome = performance(people, hours);
  return proposal;
}

}  // namespace

TEST_CASE("the §108 reduction of the close-out sample", "[rules][grant][perf]") {
  const auto outcome = check_proposal(closeout(260, "790"));
  CHECK(count(outcome, "PERF-OBJECTIVES") == 1);
  CHECK(count(outcome, "PERF-AWARD-REDUCTION") == 1);
  const std::pair<const char*, const char*> expected[] = {
      {"objective-people-trained", "300"},   {"objective-person-hours", "900"},
      {"objective-count", "1200"},           {"outcome-people-trained", "260"},
      {"outcome-person-hours", "790"},       {"outcome-count", "1050"},
      {"performance-percent", "87.50"},      {"award-before-reduction", "63370.30"},
      {"award-after-reduction", "55449.01"}, {"award-reduction", "7921.29"},
  };
  for (const auto& [key, value] : expected) {
    CAPTURE(key);
    CHECK(figure(outcome, key) == value);
  }
  CHECK(message(outcome, "PERF-OBJECTIVES") ==
        "Minimum performance: 300 people trained and 900 person-hours (count 1200).");
  CHECK(message(outcome, "PERF-AWARD-REDUCTION") ==
        "Completed 1050 of the required 1200 (87.50%): award $63,370.30 becomes $55,449.01.");
}

TEST_CASE("person-hours may carry decimals: the count is kept in hundredths",
          "[rules][grant][perf]") {
  // 260 + 790.5 = 1,050.5 of 1,200: 6,337,030 × 105,050 ÷ 120,000 = 5,547,541.97… → $55,475.42.
  const auto outcome = check_proposal(closeout(260, "790.5"));
  CHECK(figure(outcome, "outcome-count") == "1050.5");
  CHECK(figure(outcome, "performance-percent") == "87.54");
  CHECK(figure(outcome, "award-after-reduction") == "55475.42");
}

TEST_CASE("meeting the count in any combination keeps the whole award", "[rules][grant][perf]") {
  // 100 people and 1,100 person-hours make the 1,200 count (§108: "in any combination").
  auto outcome = check_proposal(closeout(100, "1100"));
  CHECK(figure(outcome, "award-after-reduction") == "63370.30");
  CHECK(figure(outcome, "award-reduction") == "0.00");
  CHECK(figure(outcome, "performance-percent") == "100.00");
  outcome = check_proposal(closeout(400, "1000"));  // never increased
  CHECK(figure(outcome, "award-after-reduction") == "63370.30");
  CHECK(figure(outcome, "performance-percent") == "116.67");
}

TEST_CASE("objectives of zero mean no reduction and no percentage", "[rules][grant][perf]") {
  GrantProposal proposal = closeout(0, "0");
  proposal.performance_objectives = performance(0, "0");
  const auto outcome = check_proposal(proposal);
  CHECK(figure(outcome, "award-after-reduction") == "63370.30");
  CHECK(figure(outcome, "performance-percent") == "(absent)");
}

TEST_CASE("objectives are derived from Table A's training programs when not stated",
          "[rules][grant][perf]") {
  GrantProposal proposal;
  auto& table = proposal.table_a.emplace();
  table.location = "cet-grant-proposal/table-a";
  const auto program = [](std::int64_t sessions, std::int64_t persons, const char* length) {
    model::TrainingProgram p;
    p.number_of_sessions = present(sessions);
    p.number_of_persons = present(persons);
    p.length_of_session = present(quantity(length));
    p.total_hours = present(quantity("1"));  // the stated column does not count
    return p;
  };
  table.training_programs = {program(6, 12, "3"), program(5, 10, "2.5"), program(4, 4, "12")};
  auto outcome = check_proposal(proposal);
  CHECK(figure(outcome, "objective-people-trained") == "138");
  CHECK(figure(outcome, "objective-person-hours") == "533");
  CHECK(figure(outcome, "objective-count") == "671");
  CHECK(count(outcome, "PERF-AWARD-REDUCTION") == 0);  // no outcome, no Table C

  // A rejected value leaves the objectives unknown.
  proposal.table_a->training_programs[2].number_of_sessions = rejected<std::int64_t>("four");
  outcome = check_proposal(proposal);
  CHECK(count(outcome, "PERF-OBJECTIVES") == 0);
}
