// DIARY, BIANNUAL and ALLIANCE rules on diary sheets, through ingest and the rulebook with the
// real program profiles.
#include <catch2/catch.hpp>

#include <string>

#include "pipeline/rules/report_test_support.hpp"

using namespace pipeline;
using rules::testing::check_xml;
using rules::testing::Checked;
using rules::testing::day;

namespace {

// A complete diary sheet whose parts a test changes.
struct DiaryXml {
  std::string root = R"(profile="miosha" alliance-type="partner")";
  std::string start = "2025-07-01";
  std::string end = "2025-09-30";
  std::string submitted = "2025-10-03";  // empty: no date-submitted
  std::string email = "safety@example.org";
  std::string activities;  // empty: one activity on the first day of the period
  std::string contacts;

  std::string text() const {
    const std::string activity =
        activities.empty() ? "<activity><date>" + start +
                                 "</date><event-or-product-type>training</event-or-product-type>"
                                 "<description-comments>Crew training</description-comments>"
                                 "<emphasis>Safety and Health Programs</emphasis>"
                                 "<number-reached>10</number-reached></activity>"
                           : activities;
    return "<alliance-diary-sheet " + root + ">" + "<reporting-period start=\"" + start +
           "\" end=\"" + end + "\"/>" +
           "<name-of-organization>Example Association</name-of-organization>"
           "<address>1 Main Street</address><city>Lansing</city><zip-code>48917</zip-code>"
           "<contact-person>Ana Núñez</contact-person><title>Chair</title>"
           "<telephone-number>517-555-0100</telephone-number>" +
           (email.empty() ? "" : "<email>" + email + "</email>") +
           "<liaison>Karen Lindqvist</liaison>" +
           (submitted.empty() ? "" : "<date-submitted>" + submitted + "</date-submitted>") +
           "<activities>" + activity + "</activities>" + "<dates-of-contact>" + contacts +
           "</dates-of-contact></alliance-diary-sheet>";
  }
};

DiaryXml quarter(const std::string& start, const std::string& end, const std::string& submitted) {
  DiaryXml sheet;
  sheet.start = start;
  sheet.end = end;
  sheet.submitted = submitted;
  return sheet;
}

DiaryXml osha(const std::string& start, const std::string& end, const std::string& submitted,
              const std::string& root = R"(profile="osha" level="national")") {
  DiaryXml sheet = quarter(start, end, submitted);
  sheet.root = root;
  return sheet;
}

}  // namespace

TEST_CASE("a complete Partner sheet on time gives only the due date and the totals",
          "[rules][diary]") {
  const Checked result = check_xml(DiaryXml{}.text());
  REQUIRE(result.readable);
  CHECK(result.problems().empty());
  CHECK(result.count("DIARY-DUE-DATE") == 1);
  CHECK(result.count("ACTIVITY-TOTALS") == 1);
  CHECK(result.figure("due-date") == "2025-10-03");
}

TEST_CASE("a Partner diary sheet is due the Friday after each quarter", "[rules][diary][dates]") {
  struct Case {
    const char* start;
    const char* end;
    const char* due;
    const char* quarter;
  };
  const Case c = GENERATE(values<Case>({
      {"2025-01-01", "2025-03-31", "2025-04-04", "2025 Q1"},  // Monday
      {"2025-04-01", "2025-06-30", "2025-07-04", "2025 Q2"},  // Monday; no holiday moves it (I-13)
      {"2025-07-01", "2025-09-30", "2025-10-03", "2025 Q3"},  // Tuesday
      {"2025-10-01", "2025-12-31", "2026-01-02", "2025 Q4"},  // Wednesday, due in the new year
      {"2024-01-01", "2024-03-31", "2024-04-05", "2024 Q1"},  // leap year, Sunday
      {"2024-04-01", "2024-06-30", "2024-07-05", "2024 Q2"},  // Sunday
  }));
  CAPTURE(c.end);
  const Checked on_time = check_xml(quarter(c.start, c.end, c.due).text());
  CHECK(on_time.problems().empty());
  CHECK(on_time.figure("due-date") == c.due);
  CHECK_THAT(on_time.first("DIARY-DUE-DATE").message,
             Catch::Contains(c.quarter) && Catch::Contains(std::string("Friday ") + c.due));

  const std::string late = core::add_days(day(c.due), 1).iso();
  const Checked result = check_xml(quarter(c.start, c.end, late).text());
  REQUIRE(result.count("DIARY-DUE") == 1);
  CHECK(result.first("DIARY-DUE").severity == core::Severity::Warning);
  CHECK_THAT(result.first("DIARY-DUE").message, Catch::Contains(std::string("Friday ") + c.due) &&
                                                    Catch::Contains("received " + late));
  CHECK(result.first("DIARY-DUE").location == "alliance-diary-sheet/date-submitted");
}

TEST_CASE("a quarter that ends on a Friday is due seven days later", "[rules][diary][dates]") {
  // 2023-03-31 and 2027-12-31 are Fridays: friday_after is strictly after (I-13).
  const Checked q1 = check_xml(quarter("2023-01-01", "2023-03-31", "2023-04-07").text());
  CHECK(q1.figure("due-date") == "2023-04-07");
  CHECK(q1.count("DIARY-DUE") == 0);
  CHECK(check_xml(quarter("2023-01-01", "2023-03-31", "2023-04-08").text()).count("DIARY-DUE") ==
        1);
  const Checked q4 = check_xml(quarter("2027-10-01", "2027-12-31", "2027-12-31").text());
  CHECK(q4.figure("due-date") == "2028-01-07");
  CHECK(q4.problems().empty());
}

TEST_CASE("a Partner sheet covers one calendar quarter, or its part after a signing",
          "[rules][diary]") {
  SECTION("ending inside a quarter") {
    const Checked result = check_xml(quarter("2025-07-01", "2025-08-31", "2025-10-03").text());
    REQUIRE(result.count("DIARY-PERIOD-QUARTER") == 1);
    CHECK_THAT(result.first("DIARY-PERIOD-QUARTER").message,
               Catch::Contains("2025-07-01 to 2025-08-31"));
    CHECK(result.first("DIARY-PERIOD-QUARTER").location == "alliance-diary-sheet/reporting-period");
  }
  SECTION("starting in the quarter before") {
    const Checked result = check_xml(quarter("2025-06-01", "2025-09-30", "2025-10-03").text());
    CHECK(result.count("DIARY-PERIOD-QUARTER") == 1);
    CHECK(result.count("DIARY-PARTIAL-PERIOD") == 0);
  }
  SECTION("starting late in the quarter is a notice, not an error (I-42)") {
    const Checked result = check_xml(quarter("2025-08-15", "2025-09-30", "2025-10-03").text());
    CHECK(result.problems().empty());
    REQUIRE(result.count("DIARY-PARTIAL-PERIOD") == 1);
    CHECK(result.first("DIARY-PARTIAL-PERIOD").severity == core::Severity::Info);
    CHECK_THAT(result.first("DIARY-PARTIAL-PERIOD").message, Catch::Contains("part of 2025 Q3"));
  }
}

TEST_CASE("leap years: Q1 2024 ends 2024-03-31 and holds 29 February", "[rules][diary][dates]") {
  DiaryXml sheet = quarter("2024-01-01", "2024-03-31", "2024-04-05");
  sheet.activities =
      "<activity><date>2024-02-29</date><event-or-product-type>training</event-or-product-type>"
      "<description-comments>Leap-day training</description-comments><emphasis>Falls</emphasis>"
      "<number-reached>29</number-reached></activity>";
  const Checked result = check_xml(sheet.text());
  CHECK(result.problems().empty());
  CHECK(result.figure("due-date") == "2024-04-05");
  CHECK(result.figure("number-reached-total") == "29");

  const Checked leap_start = check_xml(quarter("2024-02-29", "2024-03-31", "2024-04-05").text());
  CHECK(leap_start.count("DIARY-PARTIAL-PERIOD") == 1);
  CHECK(leap_start.problems().empty());

  const Checked leap_end = check_xml(quarter("2024-01-01", "2024-02-29", "2024-04-05").text());
  CHECK(leap_end.count("DIARY-PERIOD-QUARTER") == 1);
}

TEST_CASE("without a date-submitted the deadline is judged on the as-of date",
          "[rules][diary][dates]") {
  const std::string sheet = quarter("2025-07-01", "2025-09-30", "").text();
  const Checked on_time = check_xml(sheet, day("2025-10-03"));
  CHECK(on_time.count("DIARY-HEADER") == 1);  // date-submitted is part of the App A header
  CHECK(on_time.count("DIARY-DUE") == 0);
  const Checked late = check_xml(sheet, day("2025-10-04"));
  REQUIRE(late.count("DIARY-DUE") == 1);
  CHECK_THAT(late.first("DIARY-DUE").message, Catch::Contains("received 2025-10-04"));
  // The as-of date stands in for deadlines only, never for the sheet's own date.
  const Checked early_as_of = check_xml(sheet, day("2025-07-01"));
  CHECK(early_as_of.count("DIARY-SUBMITTED-EARLY") == 0);
  CHECK(early_as_of.count("ACTIVITY-NOT-AFTER-SUBMISSION") == 0);
}

TEST_CASE("a rejected date-submitted is unknown: no deadline is judged on it", "[rules][diary]") {
  const Checked result =
      check_xml(quarter("2025-07-01", "2025-09-30", "2025-10-32").text(), day("2026-06-01"));
  CHECK(result.count("FORMAT-TYPE") == 1);
  CHECK(result.count("DIARY-HEADER") == 0);
  CHECK(result.count("DIARY-DUE") == 0);
  CHECK(result.count("DIARY-DUE-DATE") == 1);
}

TEST_CASE("a sheet dated before its period ends is flagged", "[rules][diary]") {
  const Checked result = check_xml(quarter("2025-07-01", "2025-09-30", "2025-09-29").text());
  REQUIRE(result.count("DIARY-SUBMITTED-EARLY") == 1);
  CHECK_THAT(result.first("DIARY-SUBMITTED-EARLY").message,
             Catch::Contains("2025-09-29") && Catch::Contains("2025-09-30"));
  CHECK(check_xml(quarter("2025-07-01", "2025-09-30", "2025-09-30").text())
            .count("DIARY-SUBMITTED-EARLY") == 0);
}

TEST_CASE("the header is MIOSHA's form: missing fields are errors there, warnings elsewhere",
          "[rules][diary]") {
  DiaryXml miosha;
  miosha.email.clear();
  const Checked result = check_xml(miosha.text());
  REQUIRE(result.count("DIARY-HEADER") == 1);
  CHECK(result.first("DIARY-HEADER").severity == core::Severity::Error);
  CHECK(result.first("DIARY-HEADER").location == "alliance-diary-sheet/email");
  CHECK_THAT(result.first("DIARY-HEADER").message, Catch::Contains("\"email\""));

  DiaryXml other = osha("2025-04-01", "2025-09-30", "2025-10-10");
  other.email.clear();
  const Checked osha_result = check_xml(other.text());
  CHECK(osha_result.count("DIARY-HEADER") == 0);
  REQUIRE(osha_result.count("DIARY-HEADER-OTHER") == 1);
  CHECK(osha_result.first("DIARY-HEADER-OTHER").severity == core::Severity::Warning);
}

TEST_CASE("dates of contact: asked for when nothing else is reported, and inside the period",
          "[rules][diary]") {
  DiaryXml none;
  none.activities = " ";
  const Checked empty = check_xml(none.text());
  CHECK(empty.count("DIARY-NO-ACTIVITY-NO-CONTACTS") == 1);
  CHECK(empty.figure("activity-count") == "0");

  DiaryXml contacts = none;
  contacts.contacts =
      "<contact><date-of-contact>2025-08-01</date-of-contact></contact>"
      "<contact><date-of-contact>2025-06-30</date-of-contact></contact>"
      "<contact><date-of-contact>2025-10-01</date-of-contact></contact>";
  const Checked result = check_xml(contacts.text());
  CHECK(result.count("DIARY-NO-ACTIVITY-NO-CONTACTS") == 0);
  CHECK(result.locations("DIARY-CONTACT-IN-PERIOD") ==
        std::vector<std::string>{"alliance-diary-sheet/dates-of-contact/contact[2]",
                                 "alliance-diary-sheet/dates-of-contact/contact[3]"});
  CHECK(result.figure("contact-count") == "3");
}

TEST_CASE("only Partner and OSHA national standard alliances report periodically",
          "[rules][diary]") {
  struct Case {
    const char* root;
    bool required;
  };
  const Case c = GENERATE(values<Case>({
      {R"(profile="miosha" alliance-type="affiliative")", false},
      {R"(profile="miosha" alliance-type="affiliate")", false},
      {R"(profile="miosha" alliance-type="ambassador")", false},
      {R"(profile="iowa")", false},
      {R"(profile="calosha" alliance-type="standard")", false},
      {R"(profile="osha" level="region-wide")", false},
      {R"(profile="osha" level="area-office")", false},
      {R"(profile="osha" alliance-type="ambassador" level="national")", false},
      {R"(profile="osha" alliance-type="standard" level="national")", true},
      {R"(profile="miosha" alliance-type="partner")", true},
  }));
  CAPTURE(c.root);
  // A period no program accepts: only a required report is judged on it.
  DiaryXml sheet = quarter("2025-02-01", "2025-05-31", "2025-06-01");
  sheet.root = c.root;
  const Checked result = check_xml(sheet.text());
  CHECK(result.count("ALLIANCE-TYPE") == 0);
  CHECK(result.count("DIARY-NOT-REQUIRED") == (c.required ? 0 : 1));
  CHECK(result.count("DIARY-PERIOD-QUARTER") + result.count("BIANNUAL-PERIOD") ==
        (c.required ? 1 : 0));
  CHECK((result.figure("due-date") != "(none)") == c.required);
}

TEST_CASE("OSHA biannual reports cover October–March or April–September, due 15 days after",
          "[rules][biannual][dates]") {
  SECTION("October–March, across New Year") {
    const Checked result = check_xml(osha("2024-10-01", "2025-03-31", "2025-04-15").text());
    CHECK(result.problems().empty());
    CHECK(result.figure("due-date") == "2025-04-15");
    CHECK_THAT(result.first("BIANNUAL-DUE-DATE").message, Catch::Contains("Tuesday 2025-04-15"));
    const Checked late = check_xml(osha("2024-10-01", "2025-03-31", "2025-04-16").text());
    REQUIRE(late.count("BIANNUAL-DUE") == 1);
    CHECK_THAT(late.first("BIANNUAL-DUE").message, Catch::Contains("received 2025-04-16"));
  }
  SECTION("April–September") {
    const Checked result = check_xml(osha("2025-04-01", "2025-09-30", "2025-10-15").text());
    CHECK(result.problems().empty());
    CHECK(result.figure("due-date") == "2025-10-15");
    CHECK(check_xml(osha("2025-04-01", "2025-09-30", "2025-10-16").text()).count("BIANNUAL-DUE") ==
          1);
  }
  SECTION("a calendar half-year is no OSHA window, but its due date is still given") {
    const Checked result = check_xml(osha("2025-01-01", "2025-06-30", "2025-07-20").text());
    CHECK(result.count("BIANNUAL-PERIOD") == 1);
    CHECK_THAT(result.first("BIANNUAL-PERIOD").message,
               Catch::Contains("October–March or April–September"));
    CHECK(result.figure("due-date") == "2025-07-15");
    CHECK(result.count("BIANNUAL-DUE") == 1);
    CHECK(result.count("DIARY-PARTIAL-PERIOD") == 0);
  }
  SECTION("a new alliance's first report may start late in the half-year") {
    const Checked result = check_xml(osha("2024-11-15", "2025-03-31", "2025-04-01").text());
    CHECK(result.problems().empty());
    CHECK_THAT(result.first("DIARY-PARTIAL-PERIOD").message,
               Catch::Contains("October 2024–March 2025 half-year"));
  }
  SECTION("starting before the half-year") {
    CHECK(
        check_xml(osha("2024-09-01", "2025-03-31", "2025-04-01").text()).count("BIANNUAL-PERIOD") ==
        1);
  }
  SECTION("a leap-year half ending 31 March") {
    const Checked result = check_xml(osha("2023-10-01", "2024-03-31", "2024-04-15").text());
    CHECK(result.problems().empty());
    CHECK(result.figure("due-date") == "2024-04-15");
  }
}

TEST_CASE("a period that starts after it ends is FORMAT-PERIOD and stops the period rules",
          "[rules][diary]") {
  DiaryXml sheet = quarter("2025-09-30", "2025-07-01", "2025-10-03");
  const Checked result = check_xml(sheet.text());
  REQUIRE(result.count("FORMAT-PERIOD") == 1);
  CHECK(result.first("FORMAT-PERIOD").location == "alliance-diary-sheet/reporting-period");
  CHECK_THAT(result.first("FORMAT-PERIOD").message,
             Catch::Contains("2025-09-30") && Catch::Contains("2025-07-01"));
  CHECK(result.count("DIARY-PERIOD-QUARTER") == 0);
  CHECK(result.count("DIARY-DUE-DATE") == 0);
  CHECK(result.count("ACTIVITY-DATE-IN-PERIOD") == 0);
  CHECK(result.count("ACTIVITY-TOTALS") == 1);
}

TEST_CASE("ALLIANCE-TYPE judges the type against the program; an unknown type stops its rules",
          "[rules][alliance]") {
  struct Case {
    const char* root;
    bool fails;
  };
  const Case c = GENERATE(values<Case>({
      {R"(profile="miosha")", true},  // required for MIOSHA
      {R"(profile="miosha" alliance-type="standard")", true},
      {R"(profile="osha" alliance-type="partner" level="national")", true},
      {R"(profile="iowa" alliance-type="ambassador")", true},  // no Ambassadors in Iowa
      {R"(profile="calosha" alliance-type="affiliative")", true},
      {R"(profile="miosha" alliance-type="affiliate")", false},  // App D's spelling (I-17)
      {R"(profile="osha" level="national")", false},             // default standard
      {R"(profile="iowa")", false},
  }));
  CAPTURE(c.root);
  DiaryXml sheet;
  sheet.root = c.root;
  const Checked result = check_xml(sheet.text());
  CHECK(result.count("ALLIANCE-TYPE") == (c.fails ? 1 : 0));
  if (c.fails) {
    CHECK(result.first("ALLIANCE-TYPE").severity == core::Severity::Error);
    CHECK(result.first("ALLIANCE-TYPE").location == "alliance-diary-sheet/@alliance-type");
  }
  if (c.fails && std::string(c.root).find("iowa") == std::string::npos &&
      std::string(c.root).find("calosha") == std::string::npos) {
    // The periodic-report duty depends on the type, so nothing is said about it.
    CHECK(result.count("DIARY-NOT-REQUIRED") == 0);
    CHECK(result.figure("due-date") == "(none)");
  }
}

TEST_CASE("ALLIANCE-LEVEL: an OSHA sheet says national, region-wide or area-office",
          "[rules][alliance]") {
  const Checked missing =
      check_xml(osha("2025-04-01", "2025-09-30", "2025-10-10", R"(profile="osha")").text());
  REQUIRE(missing.count("ALLIANCE-LEVEL") == 1);
  CHECK(missing.first("ALLIANCE-LEVEL").location == "alliance-diary-sheet/@level");
  CHECK(missing.count("DIARY-NOT-REQUIRED") == 0);
  CHECK(missing.count("BIANNUAL-DUE-DATE") == 0);

  const Checked wrong = check_xml(
      osha("2025-04-01", "2025-09-30", "2025-10-10", R"(profile="osha" level="state")").text());
  REQUIRE(wrong.count("ALLIANCE-LEVEL") == 1);
  CHECK_THAT(
      wrong.first("ALLIANCE-LEVEL").message,
      Catch::Contains("national, region-wide or area-office") && Catch::Contains("\"state\""));

  DiaryXml miosha;
  miosha.root = R"(profile="miosha" alliance-type="partner" level="national")";
  CHECK(check_xml(miosha.text()).count("ALLIANCE-LEVEL") == 0);  // ignored outside OSHA
}
