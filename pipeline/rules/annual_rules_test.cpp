// ANNUAL rules on annual alliance reports, through ingest and the rulebook with the real program
// profiles.
#include <catch2/catch.hpp>

#include <string>

#include "pipeline/rules/report_test_support.hpp"

using namespace pipeline;
using rules::testing::check_xml;
using rules::testing::Checked;

namespace {

const std::string kMeetings2024 =
    "<meeting><date>2024-02-20</date><location>Lansing</location><type>in-person</type></meeting>"
    "<meeting><date>2024-06-11</date><location>Call</location><type>conference-call</type>"
    "</meeting><meeting><date>2024-10-15</date><location>Video</location>"
    "<type>video-conference</type></meeting>";

// A complete MIOSHA Partner report for 2024 whose parts a test changes.
struct AnnualXml {
  std::string root = R"(profile="miosha" alliance-type="partner")";
  std::string report_date = "2025-01-03";  // empty: none
  bool background = true;
  std::string signed_on = "2022-04-12";
  std::string renewed;
  std::string overview = "Hospital maintenance safety";
  std::string members =
      "<member><name>Philippe Lefèvre</name><organization>Society"
      "</organization></member>";
  std::string start = "2024-01-01";
  std::string end = "2024-12-31";
  std::string meetings = kMeetings2024;  // "-": no implementation-team-meetings element
  std::string events =
      "<activity><date>2024-03-14</date><event-or-product-type>training"
      "</event-or-product-type><description-comments>Electrical safety"
      "</description-comments><emphasis>Electrical hazards</emphasis>"
      "<number-reached>85</number-reached></activity>";                         // "-": no element
  std::string milestones = "<milestone>Lockout/tagout quick card</milestone>";  // "-": none
  std::string prepared = R"(<prepared-by role="liaison">Karen Lindqvist</prepared-by>)";
  std::string extra;  // state content

  std::string text() const {
    auto container = [](const char* name, const std::string& rows) {
      return rows == "-" ? std::string() : "<" + std::string(name) + ">" + rows + "</" + name + ">";
    };
    std::string out = "<alliance-annual-report " + root + ">";
    if (!report_date.empty()) out += "<report-date>" + report_date + "</report-date>";
    if (background) {
      out +=
          "<alliance-background><alliance-name>Example Alliance</alliance-name>"
          "<initial-date-signed>" +
          signed_on + "</initial-date-signed>";
      if (!renewed.empty()) out += "<date-renewed>" + renewed + "</date-renewed>";
      if (!overview.empty()) out += "<overview>" + overview + "</overview>";
      out += container("implementation-team-members", members);
      out += "<evaluation-period start=\"" + start + "\" end=\"" + end + "\"/>";
      out += "</alliance-background>";
    }
    out += container("implementation-team-meetings", meetings);
    out += container("events-and-products", events);
    out += container("upcoming-milestones", milestones);
    return out + prepared + extra + "</alliance-annual-report>";
  }
};

const std::string kStateContent =
    "<goals-and-objectives>Reach 5,000 workers a year</goals-and-objectives>"
    "<measures-of-reach-and-impact>Workers trained</measures-of-reach-and-impact>"
    "<work-plan><item>Heat season forum</item></work-plan>";

AnnualXml state(const std::string& profile) {
  AnnualXml report;
  report.root = R"(profile=")" + profile + "\"";
  report.prepared = R"(<prepared-by role="coordinator">Mei-Ling Tran</prepared-by>)";
  report.extra = kStateContent;
  return report;
}

AnnualXml federal(const std::string& type = "standard") {
  AnnualXml report;
  report.root = R"(profile="osha" level="national" alliance-type=")" + type + "\"";
  report.prepared.clear();
  return report;
}

}  // namespace

TEST_CASE("a complete report of each program gives no error or warning", "[rules][annual]") {
  CHECK(check_xml(AnnualXml{}.text()).problems().empty());
  CHECK(check_xml(state("iowa").text()).problems().empty());
  CHECK(check_xml(state("calosha").text()).problems().empty());
  const Checked osha = check_xml(federal().text());
  CHECK(osha.problems().empty());
  CHECK(osha.count("ANNUAL-OSHA-RECORD-ONLY") == 1);
  CHECK(osha.first("ANNUAL-OSHA-RECORD-ONLY").severity == core::Severity::Info);
}

TEST_CASE("the MIOSHA annual report is due the Friday after New Year", "[rules][annual][dates]") {
  struct Case {
    const char* start;
    const char* end;
    const char* report_date;
    const char* due;
  };
  const Case c = GENERATE(values<Case>({
      {"2024-01-01", "2024-12-31", "2025-01-03", "2025-01-03"},  // 1 January 2025: Wednesday
      {"2026-01-01", "2026-12-31", "2027-01-08", "2027-01-08"},  // a Friday: seven days (I-14)
      {"2027-01-01", "2027-12-31", "2028-01-07", "2028-01-07"},  // a Saturday, leap year after
      {"2025-01-01", "2025-12-31", "2026-01-02", "2026-01-02"},  // a Thursday
  }));
  CAPTURE(c.end);
  AnnualXml report;
  report.start = c.start;
  report.end = c.end;
  report.report_date = c.report_date;
  report.meetings = "";
  report.events = "-";
  const Checked on_time = check_xml(report.text());
  CHECK(on_time.figure("due-date") == c.due);
  CHECK_THAT(on_time.first("ANNUAL-DUE-DATE").message,
             Catch::Contains(std::string("Friday ") + c.due));
  CHECK(on_time.count("ANNUAL-DUE") == 0);
  CHECK(on_time.count("ANNUAL-PERIOD") == 0);

  report.report_date = core::add_days(rules::testing::day(c.due), 1).iso();
  const Checked late = check_xml(report.text());
  REQUIRE(late.count("ANNUAL-DUE") == 1);
  CHECK(late.first("ANNUAL-DUE").severity == core::Severity::Warning);
  CHECK_THAT(late.first("ANNUAL-DUE").message,
             Catch::Contains("dated " + report.report_date) && Catch::Contains(c.due));
}

TEST_CASE("Affiliative and Ambassador reports have no due date of their own",
          "[rules][annual][dates]") {
  AnnualXml report;
  report.root = R"(profile="miosha" alliance-type="affiliate")";
  report.report_date = "2025-03-14";
  report.prepared = R"(<prepared-by role="member">Philippe Lefèvre</prepared-by>)";
  const Checked result = check_xml(report.text());
  CHECK(result.count("ANNUAL-DUE") == 0);
  CHECK(result.figure("due-date") == "2025-01-03");
  CHECK_THAT(result.first("ANNUAL-DUE-DATE").message,
             Catch::Contains("No due date is set for Affiliative alliances") &&
                 Catch::Contains("Partner reports are due Friday 2025-01-03"));
  CHECK(result.problems().empty());
}

TEST_CASE("without a report-date the deadline is judged on the as-of date",
          "[rules][annual][dates]") {
  AnnualXml report;
  report.report_date.clear();
  const Checked on_time = check_xml(report.text(), rules::testing::day("2025-01-03"));
  CHECK(on_time.count("ANNUAL-SECTIONS") == 1);  // report-date is App B's [DATE]
  CHECK(on_time.count("ANNUAL-DUE") == 0);
  CHECK(on_time.count("ANNUAL-PERIOD") == 0);  // needs the report's own date
  const Checked late = check_xml(report.text(), rules::testing::day("2025-01-06"));
  REQUIRE(late.count("ANNUAL-DUE") == 1);
  CHECK_THAT(late.first("ANNUAL-DUE").message, Catch::Contains("dated 2025-01-06"));
}

TEST_CASE("a MIOSHA report covers the previous calendar year, or its part after a signing",
          "[rules][annual]") {
  AnnualXml report;
  SECTION("the wrong year") {
    report.start = "2023-01-01";
    report.end = "2023-12-31";
    report.meetings = "";
    report.events = "";
    const Checked result = check_xml(report.text());
    REQUIRE(result.count("ANNUAL-PERIOD") == 1);
    CHECK_THAT(
        result.first("ANNUAL-PERIOD").message,
        Catch::Contains("2024-01-01 to 2024-12-31") && Catch::Contains("2023-01-01 to 2023-12-31"));
    CHECK(result.first("ANNUAL-PERIOD").location ==
          "alliance-annual-report/alliance-background/evaluation-period");
  }
  SECTION("a new alliance reports from its signing") {
    report.signed_on = "2024-07-01";
    report.start = "2024-07-01";
    report.meetings =
        "<meeting><date>2024-08-01</date><location>L</location><type>in-person</type></meeting>"
        "<meeting><date>2024-11-01</date><location>L</location><type>in-person</type></meeting>";
    report.events = report.events.replace(report.events.find("2024-03-14"), 10, "2024-09-01");
    const Checked result = check_xml(report.text());
    CHECK(result.problems().empty());
    // Six months touched: min(3, ⌈3 × 6 ÷ 12⌉) = 2 meetings (I-21).
    CHECK(result.figure("meetings-required") == "2");
    CHECK(result.figure("meeting-count") == "2");
  }
  SECTION("a new alliance's report that starts neither on 1 January nor at the signing") {
    report.signed_on = "2024-07-01";
    report.start = "2024-08-01";
    report.meetings = "";
    report.events = "";
    const Checked result = check_xml(report.text());
    REQUIRE(result.count("ANNUAL-PERIOD") == 1);
    CHECK_THAT(result.first("ANNUAL-PERIOD").message, Catch::Contains("covers 2024-07-01"));
  }
}

TEST_CASE("other programs' reports cover a past period of at most one year",
          "[rules][annual][dates]") {
  AnnualXml report = state("iowa");
  report.meetings = "";
  report.events = "";
  report.report_date = "2025-03-31";
  SECTION("from 29 February: one year ends on 28 February") {
    report.start = "2024-02-29";
    report.end = "2025-02-27";
    CHECK(check_xml(report.text()).count("ANNUAL-PERIOD-LENGTH") == 0);
    report.end = "2025-02-28";
    const Checked result = check_xml(report.text());
    REQUIRE(result.count("ANNUAL-PERIOD-LENGTH") == 1);
    CHECK(result.first("ANNUAL-PERIOD-LENGTH").severity == core::Severity::Warning);
  }
  SECTION("a period not yet over at the report date") {
    report.start = "2024-06-01";
    report.end = "2025-05-31";
    CHECK(check_xml(report.text()).count("ANNUAL-PERIOD-LENGTH") == 1);
  }
  SECTION("MIOSHA's calendar-year rule does not apply") {
    report.start = "2024-04-01";
    report.end = "2025-03-31";
    const Checked result = check_xml(report.text());
    CHECK(result.count("ANNUAL-PERIOD") == 0);
    CHECK(result.count("ANNUAL-PERIOD-LENGTH") == 0);
    CHECK(result.count("ANNUAL-DUE-DATE") == 0);
  }
}

TEST_CASE("implementation team meetings: the yearly minimum, prorated by months touched",
          "[rules][annual]") {
  SECTION("MIOSHA: three a year") {
    AnnualXml report;
    report.meetings = kMeetings2024.substr(0, kMeetings2024.find("<meeting>", 10)) +
                      "<meeting><date>2025-01-02</date><location>L</location>"
                      "<type>in-person</type></meeting>";
    const Checked result = check_xml(report.text());
    CHECK(result.figure("meeting-count") == "1");
    CHECK(result.figure("meetings-required") == "3");
    REQUIRE(result.count("ANNUAL-MEETINGS-MIN") == 1);
    CHECK_THAT(result.first("ANNUAL-MEETINGS-MIN").message,
               Catch::Contains("Only 1") && Catch::Contains("at least 3"));
    CHECK(
        result.locations("ANNUAL-MEETING-IN-PERIOD") ==
        std::vector<std::string>{"alliance-annual-report/implementation-team-meetings/meeting[2]"});
  }
  SECTION("Iowa and Cal/OSHA: two a year") {
    AnnualXml report = state("calosha");
    CHECK(check_xml(report.text()).figure("meetings-required") == "2");
    report.meetings = "";
    const Checked none = check_xml(report.text());
    CHECK(none.figure("meeting-count") == "0");
    CHECK(none.count("ANNUAL-MEETINGS-MIN") == 1);
    CHECK(none.count("ANNUAL-SECTIONS-ADVISORY") == 0);  // an empty section is there
  }
  SECTION("OSHA: one a year, even for a one-month period") {
    AnnualXml report = federal();
    report.start = "2024-12-01";
    report.meetings = "";
    report.events = "";
    const Checked result = check_xml(report.text());
    CHECK(result.figure("meetings-required") == "1");
    CHECK(result.count("ANNUAL-MEETINGS-MIN") == 1);
  }
  SECTION("OSHA Ambassadors have no meeting duty (I-40)") {
    AnnualXml report = federal("ambassador");
    report.meetings = "";
    const Checked result = check_xml(report.text());
    CHECK(result.count("ANNUAL-MEETING-COUNT") == 0);
    CHECK(result.count("ANNUAL-MEETINGS-MIN") == 0);
    CHECK(result.figure("meeting-count") == "(none)");
  }
  SECTION("without the meetings section nothing is counted; its absence is a section finding") {
    AnnualXml report;
    report.meetings = "-";
    const Checked result = check_xml(report.text());
    CHECK(result.count("ANNUAL-SECTIONS") == 1);
    CHECK(result.count("ANNUAL-MEETING-COUNT") == 0);
    CHECK(result.count("ANNUAL-MEETINGS-MIN") == 0);
  }
}

TEST_CASE("App B's sections: MIOSHA's own template, other programs' content lists",
          "[rules][annual]") {
  SECTION("MIOSHA requires every section") {
    AnnualXml report;
    report.milestones = "";
    report.overview.clear();
    report.events = "-";
    const Checked result = check_xml(report.text());
    CHECK(result.count("ANNUAL-SECTIONS") == 3);
    CHECK(result.locations("ANNUAL-SECTIONS") ==
          std::vector<std::string>{"alliance-annual-report/alliance-background/overview",
                                   "alliance-annual-report/events-and-products",
                                   "alliance-annual-report/upcoming-milestones"});
    CHECK(result.count("ANNUAL-NO-EVENTS") == 0);
  }
  SECTION("a missing background counts once") {
    AnnualXml report;
    report.background = false;
    const Checked result = check_xml(report.text());
    REQUIRE(result.count("ANNUAL-SECTIONS") == 1);
    CHECK_THAT(result.first("ANNUAL-SECTIONS").message, Catch::Contains("\"alliance-background\""));
    CHECK(result.count("ANNUAL-MEETING-COUNT") == 0);  // no period to count in
  }
  SECTION("Iowa: its content list is required, the rest of the template advised") {
    AnnualXml report = state("iowa");
    report.overview.clear();
    report.members = "";
    report.milestones = "-";
    report.report_date.clear();
    const Checked result = check_xml(report.text(), rules::testing::day("2025-03-01"));
    CHECK(result.count("ANNUAL-SECTIONS") == 0);
    CHECK(result.count("ANNUAL-SECTIONS-STATE") == 2);
    CHECK(result.first("ANNUAL-SECTIONS-STATE").severity == core::Severity::Error);
    CHECK(result.count("ANNUAL-SECTIONS-ADVISORY") == 2);
    CHECK(result.first("ANNUAL-SECTIONS-ADVISORY").severity == core::Severity::Warning);
  }
  SECTION("OSHA: every section is advice only") {
    AnnualXml report = federal();
    report.overview.clear();
    report.milestones = "-";
    const Checked result = check_xml(report.text());
    CHECK(result.count("ANNUAL-SECTIONS-ADVISORY") == 2);
    CHECK(result.count("ANNUAL-SECTIONS-STATE") == 0);
    CHECK(result.count("ANNUAL-SECTIONS") == 0);
  }
}

TEST_CASE("Iowa and Cal/OSHA reports carry goals, measures and the work plan", "[rules][annual]") {
  AnnualXml report = state("iowa");
  report.extra = "<work-plan></work-plan>";
  const Checked result = check_xml(report.text());
  CHECK(result.locations("ANNUAL-STATE-CONTENT") ==
        std::vector<std::string>{"alliance-annual-report/goals-and-objectives",
                                 "alliance-annual-report/measures-of-reach-and-impact",
                                 "alliance-annual-report/work-plan"});
  CHECK(check_xml(AnnualXml{}.text()).count("ANNUAL-STATE-CONTENT") == 0);
}

TEST_CASE("each program's report is prepared by the author it names", "[rules][annual]") {
  struct Case {
    const char* root;
    const char* role;
    const char* expected;  // empty: passes
  };
  const Case c = GENERATE(values<Case>({
      {R"(profile="miosha" alliance-type="partner")", "liaison", ""},
      {R"(profile="miosha" alliance-type="partner")", "member", "liaison"},
      {R"(profile="miosha" alliance-type="affiliative")", "member", ""},
      {R"(profile="miosha" alliance-type="affiliative")", "liaison", ""},  // I-39
      {R"(profile="miosha" alliance-type="ambassador")", "liaison", "member"},
      {R"(profile="iowa")", "coordinator", ""},
      {R"(profile="calosha")", "liaison", "coordinator"},
      {R"(profile="osha" level="national")", "mcps", ""},  // OSHA names no author
  }));
  CAPTURE(c.root, c.role);
  AnnualXml report;
  report.root = c.root;
  report.prepared = std::string("<prepared-by role=\"") + c.role + "\">A. Author</prepared-by>";
  const Checked result = check_xml(report.text());
  const std::string expected = c.expected;
  REQUIRE(result.count("ANNUAL-PREPARER") == (expected.empty() ? 0 : 1));
  if (!expected.empty())
    CHECK_THAT(result.first("ANNUAL-PREPARER").message,
               Catch::Contains("by the " + expected + ", not the " + c.role));
}

TEST_CASE("signing dates come in order and before the report", "[rules][annual]") {
  AnnualXml report;
  report.renewed = "2021-01-01";
  const Checked before = check_xml(report.text());
  REQUIRE(before.count("ANNUAL-DATES") == 1);
  CHECK_THAT(before.first("ANNUAL-DATES").message, Catch::Contains("2021-01-01"));

  report.renewed = "2025-02-01";
  const Checked after = check_xml(report.text());
  REQUIRE(after.count("ANNUAL-DATES") == 1);
  CHECK_THAT(after.first("ANNUAL-DATES").message, Catch::Contains("after the report date"));

  report.renewed = "2024-04-12";
  CHECK(check_xml(report.text()).count("ANNUAL-DATES") == 0);
}

TEST_CASE("a report with an empty events section is flagged", "[rules][annual]") {
  AnnualXml report;
  report.events = "";
  const Checked result = check_xml(report.text());
  REQUIRE(result.count("ANNUAL-NO-EVENTS") == 1);
  CHECK(result.first("ANNUAL-NO-EVENTS").location == "alliance-annual-report/events-and-products");
  CHECK(result.figure("activity-count") == "0");
  CHECK(result.figure("contact-count") == "(none)");
}
