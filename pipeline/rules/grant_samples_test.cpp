// The CET grant samples give exactly the findings (severity, rule, count), locations and figures
// of samples/README.md (transcribed in tests/expected/<sample>.txt), through ingest and the rules
// alone; the CSV bundle gives the same as its XML twin.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/data_dir.hpp"
#include "pipeline/ingest/grant_parameters_loader.hpp"
#include "pipeline/ingest/ingest.hpp"
#include "pipeline/rules/rules.hpp"

namespace fs = std::filesystem;
using namespace pipeline;

namespace {

const fs::path kSource = FORMPIPE_SOURCE_DIR;

struct Report {
  std::map<std::string, int> findings;  // "error GRANT-AWARD-MAX" -> count
  std::map<std::string, std::string> figures;
  std::vector<core::Finding> all;
};

// tests/expected/<sample>.txt: "status …", "<severity> <RULE> [×n]", "figure <key> <value>".
Report read_expected(const std::string& sample) {
  Report out;
  std::ifstream in(kSource / "tests" / "expected" / (sample + ".txt"));
  REQUIRE(in);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream words(line);
    std::string head, rule, times;
    words >> head;
    if (head.empty() || head[0] == '#' || head == "status") continue;
    if (head == "figure") {
      std::string value;
      words >> rule;
      std::getline(words >> std::ws, value);
      out.figures[rule] = value;
      continue;
    }
    words >> rule >> times;
    out.findings[head + " " + rule] =
        times.empty() ? 1 : std::stoi(times.substr(times.find_first_of("0123456789")));
  }
  return out;
}

Report run_path(const fs::path& input) {
  const auto ingested = ingest::ingest_path(input, {});
  REQUIRE(ingested.submission);
  const model::GrantParameters parameters =
      ingest::load_grant_parameters(core::data_dir() / "forms");
  rules::Context context;
  context.as_of = *core::Date::from_ymd(2026, 1, 1);  // no expectation depends on it
  context.grant = &parameters;
  core::Outcome outcome;
  rules::check(*ingested.submission, context, outcome);
  Report out;
  out.all = ingested.findings;
  out.all.insert(out.all.end(), outcome.findings.begin(), outcome.findings.end());
  for (const auto& finding : out.all)
    ++out.findings[std::string(core::severity_name(finding.severity)) + " " + finding.rule];
  for (const auto& [key, value] : outcome.figures.items()) out.figures[key] = value;
  return out;
}

Report run(const std::string& sample) {
  return run_path(kSource / "samples" / (sample + ".xml"));
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// The families of grant_budget.hpp's rule files: GRANT, TABLEC, TABLED, TRAVEL, PERF.
bool budget_family(std::string_view severity_and_rule) {
  const std::string_view rule = severity_and_rule.substr(severity_and_rule.find(' ') + 1);
  for (std::string_view family : {"GRANT-", "TABLEC-", "TABLED-", "TRAVEL-", "PERF-"})
    if (starts_with(rule, family)) return true;
  return false;
}

// Figures of TABLEA-TOTALS and CHANGE-SUMMARY, the other grant families.
bool table_or_change_figure(std::string_view key) {
  for (std::string_view prefix : {"baseline-", "revised-", "category-"})
    if (starts_with(key, prefix)) return true;
  if (key.size() > 15 && key.substr(key.size() - 15) == "-change-percent") return true;
  for (std::string_view total : {"training-sessions-total", "people-trained-total",
                                 "person-hours-total", "technical-assistance-hours-total",
                                 "dissemination-hours-total", "other-service-hours-total"})
    if (key == total) return true;
  return false;
}

Report budget_part(const Report& report) {
  Report out;
  for (const auto& [rule, count] : report.findings)
    if (budget_family(rule)) out.findings[rule] = count;
  for (const auto& [key, value] : report.figures)
    if (!table_or_change_figure(key)) out.figures[key] = value;
  return out;
}

std::vector<std::string> locations(const Report& report, std::string_view rule) {
  std::vector<std::string> out;
  for (const auto& finding : report.all)
    if (finding.rule == rule) out.push_back(finding.location);
  return out;
}

const char* const kGrantSamples[] = {
    "cet-grant-proposal.valid",
    "cet-grant-proposal.invalid.budget-caps-match-travel-arithmetic",
    "cet-grant-proposal.invalid.table-a-b-completeness-eligibility",
    "cet-grant-proposal.revision.prior-approval-changes",
    "cet-grant-proposal.closeout.performance-shortfall",
};

}  // namespace

TEST_CASE("grant samples give the README's GRANT, TABLEC, TABLED, TRAVEL and PERF findings",
          "[rules][grant][samples]") {
  const std::string sample =
      GENERATE(from_range(std::begin(kGrantSamples), std::end(kGrantSamples)));
  CAPTURE(sample);
  const Report actual = run(sample);
  for (const auto& finding : actual.all)
    UNSCOPED_INFO(finding.rule << " at " << finding.location << ": " << finding.message);
  const Report expected = budget_part(read_expected(sample));
  const Report mine = budget_part(actual);
  CHECK(mine.findings == expected.findings);
  CHECK(mine.figures == expected.figures);
}

TEST_CASE("grant samples give every finding and figure of the README", "[rules][grant][samples]") {
  const std::string sample =
      GENERATE(from_range(std::begin(kGrantSamples), std::end(kGrantSamples)));
  CAPTURE(sample);
  const Report expected = read_expected(sample);
  const Report actual = run(sample);
  for (const auto& finding : actual.all)
    UNSCOPED_INFO(finding.rule << " at " << finding.location << ": " << finding.message);
  CHECK(actual.findings == expected.findings);
  CHECK(actual.figures == expected.figures);
}

TEST_CASE("the grant CSV bundle gives the same findings and figures as its XML twin",
          "[rules][grant][samples][csv]") {
  const Report xml = run_path(kSource / "samples" / "cet-grant-proposal.valid.xml");
  const Report bundle = run_path(kSource / "samples" / "cet-grant-proposal.valid.bundle");
  CHECK(bundle.findings == xml.findings);
  CHECK(bundle.figures == xml.figures);
}

TEST_CASE("grant sample findings point where the README says", "[rules][grant][samples]") {
  using Locations = std::vector<std::string>;
  const Report budget = run("cet-grant-proposal.invalid.budget-caps-match-travel-arithmetic");
  const std::string d = "cet-grant-proposal/table-d/";
  CHECK(locations(budget, "GRANT-LOST-TIME-WAGES") == Locations{d + "wages-salaries/line[2]"});
  CHECK(locations(budget, "TRAVEL-MILEAGE-RATE") ==
        Locations{d + "travel/mileage[1]/amount-per-mile"});
  CHECK(locations(budget, "TRAVEL-DINNER-RATE") ==
        Locations{d + "travel/meals[2]/amount-per-meal"});
  CHECK(locations(budget, "TABLED-LINE-ARITH") == Locations{d + "travel/lodging[1]/total-charged"});
  CHECK(locations(budget, "TABLED-CATEGORY-SUM") == Locations{d + "equipment/total-grant"});
  CHECK(locations(budget, "TABLED-MATCHES-TABLEC") == Locations{d + "training-materials"});
  CHECK(locations(budget, "TABLEC-QUARTER-SUM") ==
        Locations{"cet-grant-proposal/table-c/category[3]/grant",
                  "cet-grant-proposal/table-c/total/grant"});
  CHECK(locations(budget, "GRANT-EQUIPMENT-PRIOR-APPROVAL") ==
        Locations{d + "equipment/purchase[1]"});
  CHECK(locations(budget, "GRANT-EQUIPMENT-BIDS") == Locations{d + "equipment/purchase[1]"});

  const Report eligibility = run("cet-grant-proposal.invalid.table-a-b-completeness-eligibility");
  const std::string root = "cet-grant-proposal/";
  CHECK(locations(eligibility, "GRANT-NONPROFIT") == Locations{root + "applicant/nonprofit"});
  CHECK(locations(eligibility, "GRANT-BASE-SALARY") == Locations{root + "key-personnel/person[2]"});
  CHECK(locations(eligibility, "GRANT-KEY-RESUMES") == Locations{root + "key-personnel/person[1]"});
  CHECK(locations(eligibility, "GRANT-PARTS-COMPLETE") == Locations{root + "table-d"});
  CHECK(locations(eligibility, "GRANT-FEE-KEY-PERSONNEL") ==
        Locations{root + "program-income/fee[1]"});
  CHECK(locations(eligibility, "GRANT-FEE-APPROVAL") == Locations{root + "program-income/fee[1]"});
  CHECK(locations(eligibility, "GRANT-DEADLINE") == Locations{root + "received"});
}

TEST_CASE("grant sample messages carry their figures", "[rules][grant][samples]") {
  const Report budget = run("cet-grant-proposal.invalid.budget-caps-match-travel-arithmetic");
  const auto message = [&](std::string_view rule) {
    for (const auto& finding : budget.all)
      if (finding.rule == rule) return finding.message;
    return std::string();
  };
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
