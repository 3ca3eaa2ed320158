// The diary-sheet and annual-report samples give exactly the findings (severity, rule, count),
// the locations and the figures of samples/README.md (transcribed in tests/expected/<sample>.txt),
// through ingest and the rules alone; the CSV and bundle twins give the same as their XML.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/rules/report_test_support.hpp"

namespace fs = std::filesystem;
using namespace pipeline;
using rules::testing::Checked;

namespace {

const fs::path kSource = FORMPIPE_SOURCE_DIR;

struct Summary {
  std::string status;
  std::map<std::string, int> findings;  // "error DIARY-HEADER" -> count
  std::map<std::string, std::string> figures;
};

// tests/expected/<sample>.txt: "status …", "<severity> <RULE> [xn]", "figure <key> <value>".
Summary expected(const std::string& sample) {
  Summary out;
  std::ifstream in(kSource / "tests" / "expected" / (sample + ".txt"));
  REQUIRE(in);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream words(line);
    std::string head;
    words >> head;
    if (head.empty() || head[0] == '#') continue;
    if (head == "status") {
      words >> out.status;
    } else if (head == "figure") {
      std::string key, value;
      words >> key;
      std::getline(words >> std::ws, value);
      out.figures[key] = value;
    } else {
      std::string rule, times;
      words >> rule >> times;
      out.findings[head + " " + rule] =
          times.empty() ? 1 : std::stoi(times.substr(times.find_first_of("0123456789")));
    }
  }
  return out;
}

Summary summary(const Checked& result) {
  Summary out;
  bool error = false;
  for (const auto& finding : result.findings) {
    ++out.findings[std::string(core::severity_name(finding.severity)) + " " + finding.rule];
    error = error || finding.severity == core::Severity::Error;
  }
  out.status = error ? "rejected" : "accepted";
  for (const auto& [key, value] : result.figures.items()) out.figures[key] = value;
  return out;
}

Checked run(const std::string& file) {
  const Checked result = rules::testing::check_path(kSource / "samples" / file);
  REQUIRE(result.readable);
  return result;
}

void check_against_readme(const std::string& sample, const std::string& file) {
  const Summary want = expected(sample);
  const Summary got = summary(run(file));
  CHECK(got.status == want.status);
  CHECK(got.findings == want.findings);
  CHECK(got.figures == want.figures);
}

// Messages and locations of a report, without the CSV origins, for comparing twins.
std::vector<std::string> without_origins(const Checked& result) {
  std::vector<std::string> out;
  for (const auto& finding : result.findings) {
    std::string location = finding.location;
    if (const auto paren = location.find(" ("); paren != std::string::npos) location.erase(paren);
    out.push_back(finding.rule + " | " + finding.message + " | " + location);
  }
  return out;
}

}  // namespace

TEST_CASE("every diary-sheet and annual-report sample gives the findings and figures of its README",
          "[rules][samples][diary][annual]") {
  const std::string sample =
      GENERATE(as<std::string>{}, "alliance-diary-sheet.valid",
               "alliance-diary-sheet.invalid.late-out-of-period-not-numeric",
               "alliance-diary-sheet.warning.no-activities-no-contacts",
               "alliance-diary-sheet.osha-national-biannual.valid",
               "alliance-diary-sheet.invalid.osha-biannual-wrong-window-late",
               "alliance-annual-report.valid",
               "alliance-annual-report.invalid.calosha-missing-work-plan-"
               "few-meetings");
  CAPTURE(sample);
  check_against_readme(sample, sample + ".xml");
}

TEST_CASE("the diary-sheet CSV and bundle twins give the same report as the XML",
          "[rules][samples][diary]") {
  const std::string twin = GENERATE(as<std::string>{}, "alliance-diary-sheet.valid.csv",
                                    "alliance-diary-sheet.valid.bundle");
  CAPTURE(twin);
  check_against_readme("alliance-diary-sheet.valid", twin);
  const Checked xml = run("alliance-diary-sheet.valid.xml");
  const Checked csv = run(twin);
  CHECK(without_origins(csv) == without_origins(xml));
  CHECK(csv.figures.items() == xml.figures.items());
}

TEST_CASE("the diary-sheet samples point where samples/README.md says", "[rules][samples][diary]") {
  const Checked late = run("alliance-diary-sheet.invalid.late-out-of-period-not-numeric.xml");
  CHECK(late.locations("DIARY-HEADER") == std::vector<std::string>{"alliance-diary-sheet/email"});
  CHECK(late.locations("ACTIVITY-DATE-IN-PERIOD") ==
        std::vector<std::string>{"alliance-diary-sheet/activities/activity[1]"});
  CHECK_THAT(late.first("ACTIVITY-NUMBER-REACHED").location,
             Catch::StartsWith("alliance-diary-sheet/activities/activity[2]"));
  CHECK(late.locations("ACTIVITY-TYPE") ==
        std::vector<std::string>{"alliance-diary-sheet/activities/activity[3]"});
  CHECK(late.locations("ACTIVITY-EMPHASIS") ==
        std::vector<std::string>{"alliance-diary-sheet/activities/activity[4]"});
  CHECK_THAT(late.first("DIARY-DUE").message, Catch::Contains("2024 Q4") &&
                                                  Catch::Contains("Friday 2025-01-03") &&
                                                  Catch::Contains("received 2025-01-17"));
  CHECK_THAT(late.first("ACTIVITY-TOTALS").message,
             Catch::Contains("4 activities reaching 1,155 people"));

  const Checked osha = run("alliance-diary-sheet.invalid.osha-biannual-wrong-window-late.xml");
  CHECK(osha.locations("DIARY-CONTACT-IN-PERIOD") ==
        std::vector<std::string>{"alliance-diary-sheet/dates-of-contact/contact[1]"});
  CHECK_THAT(osha.first("BIANNUAL-DUE").message,
             Catch::Contains("2025-07-15") && Catch::Contains("received 2025-07-20"));
  CHECK_THAT(osha.first("BIANNUAL-PERIOD").message, Catch::Contains("2025-01-01 to 2025-06-30"));
}

TEST_CASE("the annual-report samples point where samples/README.md says",
          "[rules][samples][annual]") {
  const Checked calosha =
      run("alliance-annual-report.invalid.calosha-missing-work-plan-few-meetings.xml");
  CHECK(calosha.locations("ANNUAL-STATE-CONTENT") ==
        std::vector<std::string>{"alliance-annual-report/measures-of-reach-and-impact",
                                 "alliance-annual-report/work-plan"});
  CHECK(calosha.locations("ACTIVITY-DATE-IN-PERIOD") ==
        std::vector<std::string>{"alliance-annual-report/events-and-products/activity[3]"});
  CHECK_THAT(calosha.first("ACTIVITY-NUMBER-REACHED").location,
             Catch::StartsWith("alliance-annual-report/events-and-products/activity[2]"));
  CHECK(calosha.locations("ANNUAL-MEETING-IN-PERIOD") ==
        std::vector<std::string>{"alliance-annual-report/implementation-team-meetings/meeting[2]"});
  CHECK_THAT(calosha.first("ANNUAL-PREPARER").message,
             Catch::Contains("coordinator") && Catch::Contains("liaison"));
  CHECK_THAT(calosha.first("ANNUAL-MEETINGS-MIN").message,
             Catch::Contains("Only 1") && Catch::Contains("at least 2"));

  const Checked miosha = run("alliance-annual-report.valid.xml");
  CHECK_THAT(miosha.first("ANNUAL-DUE-DATE").message,
             Catch::Contains("2024 annual report is due Friday 2025-01-03"));
}
