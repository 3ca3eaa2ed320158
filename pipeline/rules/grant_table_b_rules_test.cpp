#include "pipeline/rules/grant_families.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "pipeline/ingest/ingest.hpp"

using namespace pipeline;

namespace {

struct TableBChecked {
  std::vector<core::Finding> ingest;  // FORMAT-* and TABLEB-MONTHS
  rules::Outcome outcome;             // the TABLEB family
};

// A proposal with Table B `activities` and, when given, Table A `table_a` (inner XML).
TableBChecked table_b(const std::string& activities, const std::string& table_a = "") {
  const auto in = ingest::ingest_xml(
      "<cet-grant-proposal profile=\"cet-grant\">" +
          (table_a.empty() ? std::string() : "<table-a>" + table_a + "</table-a>") + "<table-b>" +
          activities + "</table-b></cet-grant-proposal>",
      "t.xml", ingest::Options{});
  REQUIRE(in.submission);
  TableBChecked out;
  out.ingest = in.findings;
  rules::check_table_b(std::get<model::GrantProposal>(in.submission->form), rules::Context{},
                       out.outcome);
  return out;
}

std::string activity(const std::string& name, const std::string& months) {
  return "<activity><name>" + name + "</name>" +
         (months.empty() ? std::string() : "<months>" + months + "</months>") + "</activity>";
}

// Activities that satisfy the document-level rules, so a test sees only what it changes.
const std::string kOversight =
    activity("Consult with Advisory Committee", "1 4 7 10") + activity("Evaluate Program", "12");

std::vector<const core::Finding*> with_rule(const std::vector<core::Finding>& findings,
                                            const std::string& rule) {
  std::vector<const core::Finding*> out;
  for (const auto& f : findings)
    if (f.rule == rule) out.push_back(&f);
  return out;
}

std::size_t count(const TableBChecked& checked, const std::string& rule) {
  return with_rule(checked.ingest, rule).size() + with_rule(checked.outcome.findings, rule).size();
}

}  // namespace

TEST_CASE("TABLEB-MONTHS: month numbers 1 to 12 and ranges a-b with a ≤ b",
          "[rules][grant][tableb]") {
  struct Case {
    const char* months;
    bool valid;
  };
  const auto c = GENERATE(values<Case>({
      {"1", true},           {"12", true},    {"1 4 7 10", true}, {"1, 5, 9", true},
      {"1,5,,9", true},      {"2-11", true},  {"1-12", true},     {"3-3", true},
      {"1-3, 6 9-12", true}, {"0", false},    {"13", false},      {"3 7 11 13", false},
      {"12-1", false},       {"1-13", false}, {"0-4", false},     {"1--3", false},
      {"1-", false},         {"-3", false},   {"1;2", false},     {"one", false},
      {"1.5", false},        {"100", false},  {",", false},
  }));
  CAPTURE(c.months);
  const auto checked = table_b(activity("Seminar", c.months) + kOversight);
  const auto months = with_rule(checked.ingest, "TABLEB-MONTHS");
  CHECK(months.size() == (c.valid ? 0u : 1u));
  // A rejected value is reported once, and never as missing.
  CHECK(count(checked, "TABLEB-ACTIVITY-MONTHS") == 0);
  CHECK(count(checked, "FORMAT-TYPE") == 0);
  if (!c.valid) {
    CHECK(months[0]->severity == core::Severity::Error);
    CHECK(months[0]->message ==
          "Activity \"Seminar\": months must be 1 to 12, found \"" + std::string(c.months) + "\".");
    CHECK(months[0]->location == "cet-grant-proposal/table-b/activity[1]/months");
  }
}

TEST_CASE("TABLEB-ACTIVITY-MONTHS: an activity with no month checked", "[rules][grant][tableb]") {
  const auto checked = table_b(kOversight + activity("Develop Materials", "") +
                               "<activity><name>Train Staff</name><months> </months></activity>");
  const auto findings = with_rule(checked.outcome.findings, "TABLEB-ACTIVITY-MONTHS");
  REQUIRE(findings.size() == 2);
  CHECK(findings[0]->severity == core::Severity::Error);
  CHECK(findings[0]->message == "Activity \"Develop Materials\" has no month checked.");
  CHECK(findings[0]->location == "cet-grant-proposal/table-b/activity[3]/months");
  CHECK(findings[1]->location == "cet-grant-proposal/table-b/activity[4]/months");
}

TEST_CASE("TABLEB-NOT-EMPTY: Table B must list an activity", "[rules][grant][tableb]") {
  const auto empty = table_b("");
  REQUIRE(with_rule(empty.outcome.findings, "TABLEB-NOT-EMPTY").size() == 1);
  CHECK(with_rule(empty.outcome.findings, "TABLEB-NOT-EMPTY")[0]->message ==
        "Table B lists no activity.");
  CHECK(count(table_b(kOversight), "TABLEB-NOT-EMPTY") == 0);
}

TEST_CASE("Table B activity names are recognised by their key (rules.md §2.4)",
          "[rules][grant][tableb]") {
  struct Case {
    const char* name;
    const char* rule;  // the warning that recognising the name silences
    bool recognised;
  };
  const auto c = GENERATE(values<Case>({
      {"Consult with Advisory Committee", "TABLEB-ADVISORY", true},
      {"  CONSULT with   advisory-committee!! ", "TABLEB-ADVISORY", true},
      {"consult_with_advisory_committee", "TABLEB-ADVISORY", true},
      {"Consult with Advisory Committee \u2014", "TABLEB-ADVISORY", true},
      {"Consult\u00a0with Advisory\u2011Committee", "TABLEB-ADVISORY", true},
      {"Consult with Advisory Committees", "TABLEB-ADVISORY", false},
      {"Consult with the Advisory Committee", "TABLEB-ADVISORY", false},
      {"Advisory Committee", "TABLEB-ADVISORY", false},
      {"Evaluate Program", "TABLEB-EVALUATE", true},
      {"evaluate-program", "TABLEB-EVALUATE", true},
      {"EVALUATE / PROGRAM", "TABLEB-EVALUATE", true},
      {"Evaluate Programme", "TABLEB-EVALUATE", false},
      {"Evaluaté Program", "TABLEB-EVALUATE", false},
  }));
  CAPTURE(c.name);
  const std::string others = std::string(c.rule) == "TABLEB-ADVISORY"
                                 ? activity("Evaluate Program", "12")
                                 : activity("Consult with Advisory Committee", "1");
  const auto checked = table_b(activity(c.name, "1-12") + others);
  CHECK(count(checked, c.rule) == (c.recognised ? 0u : 1u));
}

TEST_CASE("TABLEB-ADVISORY and TABLEB-EVALUATE are per document warnings",
          "[rules][grant][tableb]") {
  const auto checked = table_b(activity("Seminar", "1-12") + activity("Record Keeping", "1-12"));
  const auto advisory = with_rule(checked.outcome.findings, "TABLEB-ADVISORY");
  const auto evaluate = with_rule(checked.outcome.findings, "TABLEB-EVALUATE");
  REQUIRE(advisory.size() == 1);
  REQUIRE(evaluate.size() == 1);
  CHECK(advisory[0]->severity == core::Severity::Warning);
  CHECK(advisory[0]->message == "Table B schedules no consultation with the advisory committee.");
  CHECK(advisory[0]->location == "cet-grant-proposal/table-b");
  CHECK(evaluate[0]->message == "Table B schedules no program evaluation.");
  // An unnamed activity (FORMAT-REQUIRED) might be either one: the name tests do not run.
  const auto unnamed =
      table_b(activity("Seminar", "1-12") + "<activity><months>2</months></activity>");
  CHECK(count(unnamed, "FORMAT-REQUIRED") == 1);
  CHECK(count(unnamed, "TABLEB-ADVISORY") == 0);
  CHECK(count(unnamed, "TABLEB-EVALUATE") == 0);
}

TEST_CASE("TABLEB-COVERS-TABLEA: every Table A type has its Table B activity",
          "[rules][grant][tableb]") {
  const std::string table_a =
      "<training-program><title-of-training-program>A</title-of-training-program>"
      "<type-of-training>course</type-of-training><number-of-sessions>1</number-of-sessions>"
      "<number-of-persons>5</number-of-persons><length-of-session>4</length-of-session>"
      "<total-hours>20</total-hours></training-program>"
      "<training-program><title-of-training-program>B</title-of-training-program>"
      "<type-of-training>presentation</type-of-training><number-of-sessions>1</number-of-sessions>"
      "<number-of-persons>5</number-of-persons><length-of-session>1</length-of-session>"
      "<total-hours>5</total-hours></training-program>"
      "<service-activity><type-of-service-activity>technical-assistance</type-of-service-activity>"
      "<number-of-hours-available>10</number-of-hours-available></service-activity>"
      "<service-activity><type-of-service-activity>other</type-of-service-activity>"
      "<description>Hotline</description>"
      "<number-of-hours-available>10</number-of-hours-available></service-activity>";
  const auto all = table_b(kOversight + activity("Course", "2-11") + activity("Presentation", "3") +
                               activity("Provide Technical Assistance", "1-12"),
                           table_a);
  CHECK(count(all, "TABLEB-COVERS-TABLEA") == 0);

  // "Technical Assistance" alone is not the key provide-technical-assistance; `other` services
  // need no Table B activity.
  const auto partial =
      table_b(kOversight + activity("Presentation", "3") + activity("Technical Assistance", "1-12"),
              table_a);
  const auto findings = with_rule(partial.outcome.findings, "TABLEB-COVERS-TABLEA");
  REQUIRE(findings.size() == 2);
  CHECK(findings[0]->severity == core::Severity::Warning);
  CHECK(findings[0]->message ==
        "Table A has course activities but Table B does not schedule them.");
  CHECK(findings[1]->message ==
        "Table A has technical assistance activities but Table B does not schedule them.");
  // Months rejected by TABLEB-MONTHS still leave the activity named.
  CHECK(count(table_b(kOversight + activity("Course", "3 13") + activity("Presentation", "3") +
                          activity("Provide Technical Assistance", "1-12"),
                      table_a),
              "TABLEB-COVERS-TABLEA") == 0);
  // Without Table A the rule does not run.
  CHECK(count(table_b(kOversight), "TABLEB-COVERS-TABLEA") == 0);
}

TEST_CASE("TABLEB-MONTH-ONE: some activity starts in month 1", "[rules][grant][tableb]") {
  CHECK(count(table_b(activity("Consult with Advisory Committee", "1") +
                      activity("Evaluate Program", "12")),
              "TABLEB-MONTH-ONE") == 0);
  CHECK(count(table_b(activity("Consult with Advisory Committee", "1-3") +
                      activity("Evaluate Program", "12")),
              "TABLEB-MONTH-ONE") == 0);
  const auto late = table_b(activity("Consult with Advisory Committee", "2-12") +
                            activity("Evaluate Program", "12"));
  const auto findings = with_rule(late.outcome.findings, "TABLEB-MONTH-ONE");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0]->severity == core::Severity::Warning);
  CHECK(findings[0]->message ==
        "No activity is scheduled in month 1; the project must be able to start within four "
        "weeks.");
  // Rejected months are unknown: they might have held month 1.
  CHECK(count(table_b(activity("Consult with Advisory Committee", "2-12") +
                      activity("Evaluate Program", "1 13")),
              "TABLEB-MONTH-ONE") == 0);
}
