// The due-date rules of diary sheets and annual reports need only the period's end: an unknown
// start stops the rules that read it (the period's window, meetings and contacts in the period)
// but not those (rules.md §1, I-45).
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

#include "pipeline/rules/report_test_support.hpp"

using namespace pipeline;
using pipeline::rules::testing::check_xml;
using pipeline::rules::testing::Checked;
using pipeline::rules::testing::with;

TEST_CASE("a diary sheet's due date needs only its period's end", "[rules][diary][inputs]") {
  struct Case {
    const char* sample;
    const char* start;
    const char* due_rule;
    const char* late_rule;
  };
  const Case cases[] = {
      {"alliance-diary-sheet.valid.xml", "start=\"2025-07-01\"", "DIARY-DUE-DATE", "DIARY-DUE"},
      {"alliance-diary-sheet.osha-national-biannual.valid.xml", "start=\"2025-04-01\"",
       "BIANNUAL-DUE-DATE", "BIANNUAL-DUE"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.sample);
    const std::string xml = samples::text(c.sample);
    const Checked known = check_xml(xml);
    REQUIRE(known.count(c.due_rule) == 1);
    for (const char* start : {"start=\"2025-07-32\"", ""}) {
      CAPTURE(start);
      const std::string changed = with(xml, c.start, start);
      const Checked result = check_xml(changed);
      CHECK(result.count(c.due_rule) == 1);
      CHECK(result.first(c.due_rule).message == known.first(c.due_rule).message);
      CHECK(result.figure("due-date") == known.figure("due-date"));
      // Dated after the due date: late, whatever the start.
      const Checked late =
          check_xml(with(changed, "<date-submitted>2025-10-", "<date-submitted>2025-11-"));
      CHECK(late.count(c.late_rule) == 1);
    }
  }
}

TEST_CASE("an annual report's due date needs only its period's end", "[rules][annual][inputs]") {
  const std::string xml = samples::text("alliance-annual-report.valid.xml");
  const Checked known = check_xml(xml);
  REQUIRE(known.count("ANNUAL-DUE-DATE") == 1);
  const Checked unknown_start = check_xml(with(xml, "start=\"2024-01-01\"", "start=\"2024\""));
  CHECK(unknown_start.count("FORMAT-TYPE") == 1);
  CHECK(unknown_start.count("ANNUAL-DUE-DATE") == 1);
  CHECK(unknown_start.figure("due-date") == known.figure("due-date"));
  CHECK(unknown_start.count("ANNUAL-PERIOD") == 0);  // it reads the start
  CHECK(unknown_start.figure("meeting-count") == "(none)");
}
