// The diary-sheet and annual-report samples' findings point where samples/README.md says and
// their messages carry its figures, and the CSV and bundle twins give the same messages and
// locations as their XML, through ingest and the rules alone (tests/samples_test.cpp checks
// every sample's findings and figures).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "pipeline/rules/report_test_support.hpp"

using pipeline::rules::testing::check_sample;
using pipeline::rules::testing::Checked;

namespace {

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

TEST_CASE("the diary-sheet CSV and bundle twins give the same report as the XML",
          "[rules][samples][diary]") {
  const std::string twin = GENERATE(as<std::string>{}, "alliance-diary-sheet.valid.csv",
                                    "alliance-diary-sheet.valid.bundle");
  CAPTURE(twin);
  const Checked xml = check_sample("alliance-diary-sheet.valid.xml");
  const Checked csv = check_sample(twin);
  CHECK(without_origins(csv) == without_origins(xml));
  CHECK(csv.figures.items() == xml.figures.items());
}

TEST_CASE("the diary-sheet samples point where samples/README.md says", "[rules][samples][diary]") {
  const Checked late =
      check_sample("alliance-diary-sheet.invalid.late-out-of-period-not-numeric.xml");
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

  const Checked osha =
      check_sample("alliance-diary-sheet.invalid.osha-biannual-wrong-window-late.xml");
  CHECK(osha.locations("DIARY-CONTACT-IN-PERIOD") ==
        std::vector<std::string>{"alliance-diary-sheet/dates-of-contact/contact[1]"});
  CHECK_THAT(osha.first("BIANNUAL-DUE").message,
             Catch::Contains("2025-07-15") && Catch::Contains("received 2025-07-20"));
  CHECK_THAT(osha.first("BIANNUAL-PERIOD").message, Catch::Contains("2025-01-01 to 2025-06-30"));
}

TEST_CASE("the annual-report samples point where samples/README.md says",
          "[rules][samples][annual]") {
  const Checked calosha =
      check_sample("alliance-annual-report.invalid.calosha-missing-work-plan-few-meetings.xml");
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

  const Checked miosha = check_sample("alliance-annual-report.valid.xml");
  CHECK_THAT(miosha.first("ANNUAL-DUE-DATE").message,
             Catch::Contains("2024 annual report is due Friday 2025-01-03"));
}
