// ACTIVITY rules on the activity rows of diary sheets and annual reports, through ingest and the
// rulebooks with the real program profiles.
#include <catch2/catch.hpp>

#include <string>

#include "pipeline/rules/report_test_support.hpp"

using namespace pipeline;
using rules::testing::check_xml;
using rules::testing::Checked;

namespace {

// A MIOSHA Partner sheet for 2025 Q3, submitted on time, with the given activity rows.
std::string sheet(const std::string& activities, const std::string& profile = "miosha") {
  const std::string root = profile == "miosha" ? R"(profile="miosha" alliance-type="partner")"
                                               : R"(profile=")" + profile + R"(" level="national")";
  return "<alliance-diary-sheet " + root +
         "><reporting-period start=\"2025-07-01\" end=\"2025-09-30\"/>"
         "<name-of-organization>Example Association</name-of-organization>"
         "<address>1 Main Street</address><city>Lansing</city><zip-code>48917</zip-code>"
         "<contact-person>Ana Núñez</contact-person><title>Chair</title>"
         "<telephone-number>517-555-0100</telephone-number><email>a@example.org</email>"
         "<liaison>Karen Lindqvist</liaison><date-submitted>2025-10-03</date-submitted>"
         "<activities>" +
         activities + "</activities></alliance-diary-sheet>";
}

// One activity row; an empty argument leaves its element out.
std::string activity(const std::string& date, const std::string& number,
                     const std::string& type = "training",
                     const std::string& description = "Crew training",
                     const std::string& emphasis = "Safety and Health Programs") {
  auto element = [](const char* name, const std::string& value) {
    return value.empty() ? std::string()
                         : "<" + std::string(name) + ">" + value + "</" + name + ">";
  };
  return "<activity>" + element("date", date) + element("event-or-product-type", type) +
         element("description-comments", description) + element("emphasis", emphasis) +
         element("number-reached", number) + "</activity>";
}

}  // namespace

TEST_CASE("number reached: digits, or digits grouped in threes by commas", "[rules][activity]") {
  const Checked result =
      check_xml(sheet(activity("2025-07-10", "1,200") + activity("2025-07-11", "1,250,000") +
                      activity("2025-07-12", "42")));
  CHECK(result.problems().empty());
  CHECK(result.figure("activity-count") == "3");
  CHECK(result.figure("number-reached-total") == "1251242");
  CHECK_THAT(result.first("ACTIVITY-TOTALS").message,
             Catch::Contains("3 activities reaching 1,251,242 people"));
}

TEST_CASE("a blank number reached is a warning and is left out of the total", "[rules][activity]") {
  const Checked result =
      check_xml(sheet(activity("2025-07-10", "") + activity("2025-07-11", "300")));
  REQUIRE(result.count("ACTIVITY-NUMBER-REACHED-MISSING") == 1);
  const core::Finding missing = result.first("ACTIVITY-NUMBER-REACHED-MISSING");
  CHECK(missing.severity == core::Severity::Warning);
  CHECK(missing.location == "alliance-diary-sheet/activities/activity[1]");
  CHECK_THAT(missing.message, Catch::Contains("2025-07-10"));
  CHECK(result.count("ACTIVITY-NUMBER-REACHED") == 0);
  CHECK(result.figure("activity-count") == "2");
  CHECK(result.figure("number-reached-total") == "300");
}

TEST_CASE("a number reached that is not a number is an error and is left out of the total",
          "[rules][activity]") {
  const auto value = GENERATE(as<std::string>{}, "about 40", "40+", "TBD", "12,00", "1,2000",
                              "1.200", "-5", "1,200,000,000");
  CAPTURE(value);
  const Checked result =
      check_xml(sheet(activity("2025-07-10", value) + activity("2025-07-11", "300")));
  REQUIRE(result.count("ACTIVITY-NUMBER-REACHED") == 1);
  const core::Finding error = result.first("ACTIVITY-NUMBER-REACHED");
  CHECK(error.severity == core::Severity::Error);
  CHECK_THAT(error.message, Catch::Contains("2025-07-10") && Catch::Contains("\"" + value + "\""));
  CHECK(result.count("FORMAT-TYPE") == 0);
  CHECK(result.count("ACTIVITY-NUMBER-REACHED-MISSING") == 0);
  CHECK(result.figure("activity-count") == "2");
  CHECK(result.figure("number-reached-total") == "300");
}

TEST_CASE("activities fall inside the period, both ends included", "[rules][activity]") {
  const Checked result = check_xml(sheet(activity("2025-06-30", "1") + activity("2025-07-01", "1") +
                                         activity("2025-09-30", "1") + activity("2025-10-01", "1")),
                                   rules::testing::day("2030-01-01"));
  CHECK(result.locations("ACTIVITY-DATE-IN-PERIOD") ==
        std::vector<std::string>{"alliance-diary-sheet/activities/activity[1]",
                                 "alliance-diary-sheet/activities/activity[4]"});
  CHECK_THAT(result.first("ACTIVITY-DATE-IN-PERIOD").message,
             Catch::Contains("2025-06-30") && Catch::Contains("2025-07-01 to 2025-09-30"));
  // 2025-10-01 is before the sheet's own date (2025-10-03): not an after-submission error.
  CHECK(result.count("ACTIVITY-NOT-AFTER-SUBMISSION") == 0);
}

TEST_CASE("an activity dated after the sheet itself is an error", "[rules][activity]") {
  const Checked result =
      check_xml(sheet(activity("2025-10-03", "1") + activity("2025-10-04", "1")));
  REQUIRE(result.count("ACTIVITY-NOT-AFTER-SUBMISSION") == 1);
  CHECK(result.first("ACTIVITY-NOT-AFTER-SUBMISSION").location ==
        "alliance-diary-sheet/activities/activity[2]");
  CHECK_THAT(result.first("ACTIVITY-NOT-AFTER-SUBMISSION").message,
             Catch::Contains("2025-10-04") && Catch::Contains("(2025-10-03)"));
}

TEST_CASE("event types outside the list, and missing descriptions, are warnings",
          "[rules][activity]") {
  const Checked result =
      check_xml(sheet(activity("2025-07-10", "1", "podcast") + activity("2025-07-11", "1", "") +
                      activity("2025-07-12", "1", "hazard-survey", "")));
  REQUIRE(result.count("ACTIVITY-TYPE") == 2);
  CHECK_THAT(result.first("ACTIVITY-TYPE").message, Catch::Contains("\"podcast\""));
  CHECK(result.first("ACTIVITY-TYPE").severity == core::Severity::Warning);
  CHECK(result.locations("ACTIVITY-DESCRIPTION") ==
        std::vector<std::string>{"alliance-diary-sheet/activities/activity[3]"});
  CHECK(result.count("FORMAT-TYPE") == 0);
}

TEST_CASE("the strategic-plan emphasis is asked for by MIOSHA only", "[rules][activity]") {
  const std::string row = activity("2025-07-10", "1", "training", "Crew training", "");
  const Checked miosha = check_xml(sheet(row));
  REQUIRE(miosha.count("ACTIVITY-EMPHASIS") == 1);
  CHECK(miosha.first("ACTIVITY-EMPHASIS").severity == core::Severity::Warning);
  const std::string osha_row =
      "<activity><date>2025-05-06</date>"
      "<event-or-product-type>presentation</event-or-product-type>"
      "<description-comments>Webinar</description-comments>"
      "<number-reached>380</number-reached></activity>";
  std::string osha = sheet(osha_row, "osha");
  osha.replace(osha.find("2025-07-01"), 10, "2025-04-01");
  const Checked result = check_xml(osha);
  CHECK(result.count("ACTIVITY-EMPHASIS") == 0);
  CHECK(result.problems().empty());
}
