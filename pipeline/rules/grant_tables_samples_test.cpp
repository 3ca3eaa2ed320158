// The CET grant samples through ingest and the TABLEA, TABLEB and CHANGE families alone: the
// findings of those families (severity, rule, count, and the rows they point at) and their
// figures are exactly those of samples/README.md.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "pipeline/ingest/ingest.hpp"
#include "pipeline/rules/grant_families.hpp"

namespace fs = std::filesystem;
using namespace pipeline;

namespace {

struct FamilyReport {
  std::map<std::string, int> counts;    // "warning CHANGE-KEY-PERSONNEL" -> 2
  std::vector<core::Finding> findings;  // of the three families, ingest's type rules included
  core::Outcome outcome;
};

bool in_families(const std::string& rule) {
  return rule.rfind("TABLEA-", 0) == 0 || rule.rfind("TABLEB-", 0) == 0 ||
         rule.rfind("CHANGE-", 0) == 0;
}

FamilyReport run(const std::string& sample) {
  const auto ingested = ingest::ingest_path(fs::path(FORMPIPE_SOURCE_DIR) / "samples" / sample, {});
  REQUIRE(ingested.submission);
  const auto& proposal = std::get<model::GrantProposal>(ingested.submission->form);
  FamilyReport report;
  rules::check_table_a(proposal, rules::Context{}, report.outcome);
  rules::check_table_b(proposal, rules::Context{}, report.outcome);
  rules::check_changes(proposal, rules::Context{}, report.outcome);
  for (const std::vector<core::Finding>* list :
       {&ingested.findings, &std::as_const(report.outcome.findings)}) {
    for (const core::Finding& f : *list) {
      if (!in_families(f.rule)) continue;
      report.findings.push_back(f);
      ++report.counts[std::string(core::severity_name(f.severity)) + " " + f.rule];
    }
  }
  return report;
}

void check_figures(const core::Outcome& outcome,
                   const std::map<std::string, std::string>& expected) {
  for (const auto& [key, value] : expected) {
    CAPTURE(key);
    const std::string* actual = outcome.figures.find(key);
    REQUIRE(actual != nullptr);
    CHECK(*actual == value);
  }
}

// Where the one finding of `rule` points.
std::string location_of(const FamilyReport& report, const std::string& rule) {
  std::string where;
  for (const auto& f : report.findings)
    if (f.rule == rule) where = f.location;
  return where;
}

const std::map<std::string, std::string> kValidTotals{
    {"training-sessions-total", "21"},   {"people-trained-total", "425"},
    {"person-hours-total", "1740"},      {"technical-assistance-hours-total", "160"},
    {"dissemination-hours-total", "80"}, {"other-service-hours-total", "0"},
};

}  // namespace

TEST_CASE("the valid grant proposal and its CSV twin give only TABLEA-TOTALS",
          "[rules][grant][samples][tablea][tableb]") {
  const std::map<std::string, int> expected{{"info TABLEA-TOTALS", 1}};
  for (const char* sample : {"cet-grant-proposal.valid.xml", "cet-grant-proposal.valid.bundle"}) {
    CAPTURE(sample);
    const auto report = run(sample);
    CHECK(report.counts == expected);
    check_figures(report.outcome, kValidTotals);
  }
}

TEST_CASE("the budget sample's Table A and B pass, with its totals",
          "[rules][grant][samples][tablea][tableb]") {
  const auto report = run("cet-grant-proposal.invalid.budget-caps-match-travel-arithmetic.xml");
  CHECK(report.counts == std::map<std::string, int>{{"info TABLEA-TOTALS", 1}});
  check_figures(report.outcome, {{"training-sessions-total", "22"},
                                 {"people-trained-total", "380"},
                                 {"person-hours-total", "1480"},
                                 {"technical-assistance-hours-total", "200"},
                                 {"dissemination-hours-total", "0"},
                                 {"other-service-hours-total", "0"}});
}

TEST_CASE("the Table A/B sample gives its TABLEA and TABLEB findings and totals",
          "[rules][grant][samples][tablea][tableb]") {
  const auto report = run("cet-grant-proposal.invalid.table-a-b-completeness-eligibility.xml");
  CHECK(report.counts == std::map<std::string, int>{{"error TABLEA-HOURS", 1},
                                                    {"error TABLEA-PRESENTATION-LENGTH", 1},
                                                    {"error TABLEA-MIN-PERSONS", 1},
                                                    {"error TABLEA-TA-PERSONS", 1},
                                                    {"error TABLEB-MONTHS", 1},
                                                    {"warning TABLEB-ADVISORY", 1},
                                                    {"info TABLEA-TOTALS", 1}});
  CHECK_THAT(location_of(report, "TABLEA-HOURS"), Catch::Contains("table-a/training-program[1]"));
  CHECK_THAT(location_of(report, "TABLEA-PRESENTATION-LENGTH"),
             Catch::Contains("table-a/training-program[2]"));
  CHECK_THAT(location_of(report, "TABLEA-MIN-PERSONS"),
             Catch::Contains("table-a/training-program[3]"));
  CHECK_THAT(location_of(report, "TABLEA-TA-PERSONS"),
             Catch::Contains("table-a/service-activity[1]"));
  CHECK_THAT(location_of(report, "TABLEB-MONTHS"), Catch::Contains("table-b/activity[4]"));
  check_figures(report.outcome, {{"training-sessions-total", "15"},
                                 {"people-trained-total", "138"},
                                 {"person-hours-total", "533"},
                                 {"technical-assistance-hours-total", "120"},
                                 {"dissemination-hours-total", "0"},
                                 {"other-service-hours-total", "0"}});
}

TEST_CASE("the revision sample gives its CHANGE findings and figures",
          "[rules][grant][samples][change]") {
  const auto report = run("cet-grant-proposal.revision.prior-approval-changes.xml");
  CHECK(report.counts == std::map<std::string, int>{{"error CHANGE-NOTICE-21-DAYS", 1},
                                                    {"warning CHANGE-KEY-PERSONNEL", 2},
                                                    {"warning CHANGE-TRAINING-TYPE", 1},
                                                    {"warning CHANGE-SESSIONS", 1},
                                                    {"warning CHANGE-PERFORMANCE", 2},
                                                    {"warning CHANGE-CATEGORY", 1},
                                                    {"warning CHANGE-CATEGORY-MAJOR", 1},
                                                    {"info CHANGE-SUMMARY", 1},
                                                    {"info TABLEA-TOTALS", 1}});
  check_figures(report.outcome, {{"training-sessions-total", "16"},
                                 {"people-trained-total", "321"},
                                 {"person-hours-total", "1089"},
                                 {"technical-assistance-hours-total", "160"},
                                 {"dissemination-hours-total", "80"},
                                 {"other-service-hours-total", "0"},
                                 {"baseline-sessions-total", "21"},
                                 {"revised-sessions-total", "16"},
                                 {"sessions-change-percent", "-23.81"},
                                 {"baseline-people-trained", "425"},
                                 {"revised-people-trained", "321"},
                                 {"people-trained-change-percent", "-24.47"},
                                 {"baseline-person-hours", "1740"},
                                 {"revised-person-hours", "1089"},
                                 {"person-hours-change-percent", "-37.41"},
                                 {"baseline-budget-total", "72183.40"},
                                 {"revised-budget-total", "72183.40"},
                                 {"category-1-variation", "8000.00"},
                                 {"category-1-variation-percent", "11.08"},
                                 {"category-7-variation", "3000.00"},
                                 {"category-7-variation-percent", "4.16"},
                                 {"category-8-variation", "5000.00"},
                                 {"category-8-variation-percent", "6.93"}});
  // Only the categories that changed have variation figures.
  for (int c : {2, 3, 4, 5, 6, 9})
    CHECK(report.outcome.figures.find("category-" + std::to_string(c) + "-variation") == nullptr);

  std::vector<std::string> people;
  for (const auto& f : report.findings)
    if (f.rule == "CHANGE-KEY-PERSONNEL") people.push_back(f.message);
  CHECK(people == std::vector<std::string>{
                      "Key personnel change needs prior approval: Luis Ortega removed.",
                      "Key personnel change needs prior approval: Renée Kowalczyk added."});
  CHECK_THAT(location_of(report, "CHANGE-CATEGORY"), Catch::Contains("table-c/category[8]"));
  CHECK_THAT(location_of(report, "CHANGE-CATEGORY-MAJOR"), Catch::Contains("table-c/category[1]"));
}

TEST_CASE("the close-out sample has no Table A, B or change findings",
          "[rules][grant][samples][tablea][tableb][change]") {
  const auto report = run("cet-grant-proposal.closeout.performance-shortfall.xml");
  CHECK(report.counts.empty());
  CHECK(report.outcome.figures.empty());
}
