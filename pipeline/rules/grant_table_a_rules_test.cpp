#include "pipeline/rules/grant_table_a.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "pipeline/ingest/ingest.hpp"
#include "pipeline/rules/grant_families.hpp"

using namespace pipeline;

namespace {

struct Checked {
  std::vector<core::Finding> ingest;  // FORMAT-* and the type rules ingest reports
  rules::Outcome outcome;             // the TABLEA family
};

// A proposal holding only `table_a` (the inner XML of <table-a>), through ingest and TABLEA.
Checked table_a(const std::string& rows) {
  const auto in = ingest::ingest_xml("<cet-grant-proposal profile=\"cet-grant\"><table-a>" + rows +
                                         "</table-a></cet-grant-proposal>",
                                     "t.xml", ingest::Options{});
  REQUIRE(in.submission);
  Checked out;
  out.ingest = in.findings;
  rules::check_table_a(std::get<model::GrantProposal>(in.submission->form), rules::Context{},
                       out.outcome);
  model::add_report_figures(out.outcome.grant, out.outcome.figures);  // as the rulebook does
  return out;
}

std::string program(const std::string& type, const std::string& sessions,
                    const std::string& persons, const std::string& length, const std::string& total,
                    const std::string& extra = "") {
  return "<training-program><title-of-training-program>Ladder Safety</title-of-training-program>" +
         (type.empty() ? std::string() : "<type-of-training>" + type + "</type-of-training>") +
         "<number-of-sessions>" + sessions + "</number-of-sessions><number-of-persons>" + persons +
         "</number-of-persons><length-of-session>" + length + "</length-of-session><total-hours>" +
         total + "</total-hours>" + extra + "</training-program>";
}

std::string service(const std::string& type, const std::string& hours,
                    const std::string& extra = "") {
  return "<service-activity><type-of-service-activity>" + type +
         "</type-of-service-activity><number-of-hours-available>" + hours +
         "</number-of-hours-available>" + extra + "</service-activity>";
}

std::vector<const core::Finding*> with_rule(const std::vector<core::Finding>& findings,
                                            const std::string& rule) {
  std::vector<const core::Finding*> out;
  for (const auto& f : findings)
    if (f.rule == rule) out.push_back(&f);
  return out;
}

std::size_t count(const Checked& checked, const std::string& rule) {
  return with_rule(checked.ingest, rule).size() + with_rule(checked.outcome.findings, rule).size();
}

std::string figure(const core::Outcome& outcome, const std::string& key) {
  const std::string* value = outcome.figures.find(key);
  return value ? *value : "(absent)";
}

}  // namespace

TEST_CASE("TABLEA-HOURS: total hours equal sessions × persons × length exactly, in hundredths",
          "[rules][grant][tablea]") {
  // 3 × 7 × 1.25 h = 26.25 h: no rounding can hide a hundredth.
  CHECK(count(table_a(program("seminar", "3", "7", "2.25", "47.25")), "TABLEA-HOURS") == 0);
  CHECK(count(table_a(program("presentation", "3", "7", "1.25", "26.25")), "TABLEA-HOURS") == 0);
  CHECK(count(table_a(program("presentation", "3", "7", "1.25", "26.26")), "TABLEA-HOURS") == 1);
  CHECK(count(table_a(program("presentation", "3", "7", "1.25", "26.24")), "TABLEA-HOURS") == 1);
  CHECK(count(table_a(program("presentation", "3", "7", "1.25", "26.3")), "TABLEA-HOURS") == 1);
  // 0.01 h × 999,999,999 × 999,999,999 does not overflow.
  CHECK(count(table_a(program("seminar", "999999999", "999999999", "2.01", "1")), "TABLEA-HOURS") ==
        1);

  const auto checked = table_a(program("course", "6", "12", "3", "220"));
  const auto findings = with_rule(checked.outcome.findings, "TABLEA-HOURS");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0]->severity == core::Severity::Error);
  CHECK(findings[0]->message ==
        "\"Ladder Safety\": 6 sessions × 12 persons × 3 h = 216 h, but Total hours says 220.");
  CHECK(findings[0]->location == "cet-grant-proposal/table-a/training-program[1]/total-hours");
  CHECK_THAT(findings[0]->citation, Catch::Contains("Table A Instructions"));
}

TEST_CASE("TABLEA-HOURS does not run when a factor is rejected or missing",
          "[rules][grant][tablea]") {
  const auto rejected = table_a(program("seminar", "three", "7", "2.5", "1"));
  CHECK(count(rejected, "FORMAT-TYPE") == 1);
  CHECK(count(rejected, "TABLEA-HOURS") == 0);
  const auto missing = table_a(
      "<training-program><title-of-training-program>X</title-of-training-program>"
      "<type-of-training>seminar</type-of-training><number-of-sessions>2</number-of-sessions>"
      "<length-of-session>3</length-of-session><total-hours>9</total-hours></training-program>");
  CHECK(count(missing, "FORMAT-REQUIRED") == 1);
  CHECK(count(missing, "TABLEA-HOURS") == 0);
}

TEST_CASE("TABLEA-TYPE: a missing type is reported here, a word outside the list by ingest, once",
          "[rules][grant][tablea]") {
  const auto missing = table_a(program("", "2", "10", "2", "40"));
  REQUIRE(with_rule(missing.outcome.findings, "TABLEA-TYPE").size() == 1);
  CHECK(with_rule(missing.outcome.findings, "TABLEA-TYPE")[0]->location ==
        "cet-grant-proposal/table-a/training-program[1]/type-of-training");
  CHECK(count(missing, "FORMAT-REQUIRED") == 0);

  const auto wrong = table_a(program("workshop", "2", "10", "2", "40"));
  CHECK(with_rule(wrong.ingest, "TABLEA-TYPE").size() == 1);
  CHECK(with_rule(wrong.outcome.findings, "TABLEA-TYPE").empty());
  CHECK(count(wrong, "FORMAT-TYPE") == 0);
  // A rejected type is unknown: no length rule runs on it.
  CHECK(count(table_a(program("workshop", "2", "10", "0.5", "10")), "TABLEA-SEMINAR-LENGTH") == 0);
}

TEST_CASE("TABLEA-MIN-PERSONS: five persons are training, four are not", "[rules][grant][tablea]") {
  CHECK(count(table_a(program("seminar", "2", "5", "3", "30")), "TABLEA-MIN-PERSONS") == 0);
  const auto four = table_a(program("seminar", "2", "4", "3", "24"));
  REQUIRE(with_rule(four.outcome.findings, "TABLEA-MIN-PERSONS").size() == 1);
  CHECK(with_rule(four.outcome.findings, "TABLEA-MIN-PERSONS")[0]->message ==
        "\"Ladder Safety\" averages 4 persons; training needs at least five (fewer is technical "
        "assistance).");
  CHECK(count(table_a(program("course", "2", "0", "3", "0")), "TABLEA-MIN-PERSONS") == 1);
}

TEST_CASE("presentation, seminar and course lengths at and past their two-hour limits",
          "[rules][grant][tablea]") {
  struct Case {
    const char* type;
    const char* length;
    const char* total;  // 1 session × 10 persons × length
    const char* rule;
    std::size_t expected;
  };
  const auto c = GENERATE(values<Case>({
      {"presentation", "2", "20", "TABLEA-PRESENTATION-LENGTH", 0},
      {"presentation", "2.00", "20", "TABLEA-PRESENTATION-LENGTH", 0},
      {"presentation", "2.01", "20.1", "TABLEA-PRESENTATION-LENGTH", 1},
      {"presentation", "2.5", "25", "TABLEA-PRESENTATION-LENGTH", 1},
      {"seminar", "2", "20", "TABLEA-SEMINAR-LENGTH", 0},
      {"seminar", "1.99", "19.9", "TABLEA-SEMINAR-LENGTH", 1},
      {"seminar", "8", "80", "TABLEA-SEMINAR-LENGTH", 0},
      {"course", "2.01", "20.1", "TABLEA-COURSE-LENGTH", 0},
      {"course", "2", "20", "TABLEA-COURSE-LENGTH", 1},
      {"course", "1.5", "15", "TABLEA-COURSE-LENGTH", 1},
      // Each length rule looks at its own type only.
      {"seminar", "1", "10", "TABLEA-PRESENTATION-LENGTH", 0},
      {"presentation", "3", "30", "TABLEA-SEMINAR-LENGTH", 0},
      {"seminar", "2", "20", "TABLEA-COURSE-LENGTH", 0},
  }));
  CAPTURE(c.type, c.length, c.rule);
  const auto checked = table_a(program(c.type, "1", "10", c.length, c.total));
  CHECK(count(checked, "TABLEA-HOURS") == 0);
  CHECK(count(checked, c.rule) == c.expected);
}

TEST_CASE("length messages name the program and its length", "[rules][grant][tablea]") {
  const auto presentation = table_a(program("presentation", "1", "10", "2.5", "25"));
  REQUIRE(presentation.outcome.findings.size() == 2);  // and TABLEA-TOTALS
  CHECK(presentation.outcome.findings[0].message ==
        "Presentation \"Ladder Safety\" lasts 2.5 h; a presentation is at most 2 hours (longer is "
        "a seminar).");
  CHECK(presentation.outcome.findings[0].location ==
        "cet-grant-proposal/table-a/training-program[1]/length-of-session");
  const auto seminar = table_a(program("seminar", "1", "10", "1.75", "17.5"));
  CHECK(with_rule(seminar.outcome.findings, "TABLEA-SEMINAR-LENGTH").at(0)->message ==
        "Seminar \"Ladder Safety\" lasts 1.75 h; a seminar is at least 2 hours.");
  const auto course = table_a(program("course", "1", "10", "2", "20"));
  CHECK(with_rule(course.outcome.findings, "TABLEA-COURSE-LENGTH").at(0)->message ==
        "Course \"Ladder Safety\" lasts 2 h; a course exceeds 2 hours in total.");
}

TEST_CASE("a course is a series of at least two meetings of two hours each",
          "[rules][grant][tablea]") {
  auto course = [](const char* length, const char* total, const char* meetings) {
    return table_a(
        program("course", "1", "10", length, total,
                std::string("<meetings-per-session>") + meetings + "</meetings-per-session>"));
  };
  CHECK(count(course("4", "40", "2"), "TABLEA-COURSE-SERIES") == 0);
  const auto once = course("4", "40", "1");
  REQUIRE(with_rule(once.outcome.findings, "TABLEA-COURSE-SERIES").size() == 1);
  CHECK(with_rule(once.outcome.findings, "TABLEA-COURSE-SERIES")[0]->message ==
        "Course \"Ladder Safety\" meets 1 time(s); a course is a series of at least two meetings.");
  CHECK(count(once, "TABLEA-COURSE-MEETING-LENGTH") == 0);  // needs two or more meetings
  CHECK(count(course("4", "40", "0"), "TABLEA-COURSE-SERIES") == 1);
  // Without meetings-per-session neither rule runs.
  CHECK(count(table_a(program("course", "1", "10", "3", "30")), "TABLEA-COURSE-SERIES") == 0);

  // 2.00 h × meetings is the limit; the warning is not an error.
  CHECK(count(course("4", "40", "2"), "TABLEA-COURSE-MEETING-LENGTH") == 0);
  CHECK(count(course("6", "60", "3"), "TABLEA-COURSE-MEETING-LENGTH") == 0);
  const auto short_meetings = course("5.99", "59.9", "3");
  const auto warnings = with_rule(short_meetings.outcome.findings, "TABLEA-COURSE-MEETING-LENGTH");
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0]->severity == core::Severity::Warning);
  CHECK(warnings[0]->message ==
        "Course \"Ladder Safety\" averages 2 h a meeting; §I-5 describes meetings of two or more "
        "hours each.");
  CHECK_THAT(with_rule(course("5", "50", "3").outcome.findings, "TABLEA-COURSE-MEETING-LENGTH")
                 .at(0)
                 ->message,
             Catch::Contains("averages 1.67 h"));
}

TEST_CASE("service activities: type given, other described, technical assistance limits",
          "[rules][grant][tablea]") {
  const auto missing_type = table_a(
      "<service-activity><number-of-hours-available>10</number-of-hours-available>"
      "</service-activity>");
  REQUIRE(with_rule(missing_type.outcome.findings, "TABLEA-SERVICE-TYPE").size() == 1);
  CHECK(with_rule(missing_type.outcome.findings, "TABLEA-SERVICE-TYPE")[0]->message ==
        "Service activity 1: type must be technical assistance, disseminate information or other.");
  const auto wrong_type = table_a(service("consulting", "10"));
  CHECK(with_rule(wrong_type.ingest, "TABLEA-SERVICE-TYPE").size() == 1);
  CHECK(with_rule(wrong_type.outcome.findings, "TABLEA-SERVICE-TYPE").empty());

  const auto other = table_a(service("disseminate-information", "5") + service("other", "12"));
  const auto describe = with_rule(other.outcome.findings, "TABLEA-SERVICE-OTHER-DESCRIBE");
  REQUIRE(describe.size() == 1);
  CHECK(describe[0]->severity == core::Severity::Warning);
  CHECK(describe[0]->message ==
        "Service activity 2 of type \"other\" should be described, with the reason to fund it.");
  CHECK(describe[0]->location == "cet-grant-proposal/table-a/service-activity[2]");
  CHECK(count(table_a(service("other", "12", "<description>Hotline</description>")),
              "TABLEA-SERVICE-OTHER-DESCRIBE") == 0);

  auto ta = [](const char* hours, const char* persons) {
    return table_a(service("technical-assistance", hours,
                           "<description>Site visits</description><persons-per-contact>" +
                               std::string(persons) + "</persons-per-contact>"));
  };
  CHECK(count(ta("10", "4"), "TABLEA-TA-PERSONS") == 0);
  const auto five = ta("10", "5");
  REQUIRE(with_rule(five.outcome.findings, "TABLEA-TA-PERSONS").size() == 1);
  CHECK(with_rule(five.outcome.findings, "TABLEA-TA-PERSONS")[0]->message ==
        "Technical assistance \"Site visits\" involves 5 persons; five or more is training.");
  CHECK(count(ta("1", "2"), "TABLEA-TA-HOURS") == 0);
  CHECK(count(ta("1.00", "2"), "TABLEA-TA-HOURS") == 0);
  const auto short_hours = ta("0.99", "2");
  REQUIRE(with_rule(short_hours.outcome.findings, "TABLEA-TA-HOURS").size() == 1);
  CHECK(with_rule(short_hours.outcome.findings, "TABLEA-TA-HOURS")[0]->message ==
        "Technical assistance \"Site visits\" offers 0.99 h; it requires at least one staff hour.");
  // The persons and hours limits are for technical assistance only.
  CHECK(count(table_a(service("disseminate-information", "0.5",
                              "<persons-per-contact>9</persons-per-contact>")),
              "TABLEA-TA-PERSONS") == 0);
  CHECK(count(table_a(service("disseminate-information", "0.5")), "TABLEA-TA-HOURS") == 0);
}

TEST_CASE("TABLEA-NOT-EMPTY and TABLEA-DUPLICATE-TITLE", "[rules][grant][tablea]") {
  const auto empty = table_a("");
  REQUIRE(with_rule(empty.outcome.findings, "TABLEA-NOT-EMPTY").size() == 1);
  CHECK(with_rule(empty.outcome.findings, "TABLEA-NOT-EMPTY")[0]->location ==
        "cet-grant-proposal/table-a");
  CHECK(count(table_a(service("other", "1", "<description>x</description>")), "TABLEA-NOT-EMPTY") ==
        0);

  auto titled = [](const std::string& title) {
    return "<training-program><title-of-training-program>" + title +
           "</title-of-training-program><type-of-training>seminar</type-of-training>"
           "<number-of-sessions>1</number-of-sessions><number-of-persons>5</number-of-persons>"
           "<length-of-session>2</length-of-session><total-hours>10</total-hours>"
           "</training-program>";
  };
  // Equal after NFC, case folding and white-space collapsing (rules.md §2.5); one per repeat.
  const auto repeated =
      table_a(titled("Seguridad en Andamios") + titled("Trenching") +
              titled("SEGURIDAD   EN ANDAMIOS") + titled("Seguridad en andamios"));
  const auto duplicates = with_rule(repeated.outcome.findings, "TABLEA-DUPLICATE-TITLE");
  REQUIRE(duplicates.size() == 2);
  CHECK(duplicates[0]->severity == core::Severity::Warning);
  CHECK(duplicates[0]->message ==
        "Training program \"SEGURIDAD EN ANDAMIOS\" is listed more than once.");
  CHECK(duplicates[0]->location ==
        "cet-grant-proposal/table-a/training-program[3]/title-of-training-program");
  CHECK(count(table_a(titled("Andamios") + titled("Andamios II")), "TABLEA-DUPLICATE-TITLE") == 0);
}

TEST_CASE("TABLEA-TOTALS use the computed products, never the stated total hours",
          "[rules][grant][tablea]") {
  const auto checked = table_a(
      program("seminar", "6", "12", "3", "220") + program("presentation", "5", "10", "2.5", "125") +
      service("technical-assistance", "120.5") + service("technical-assistance", "0.25") +
      service("disseminate-information", "40"));
  const auto& outcome = checked.outcome;
  CHECK(figure(outcome, "training-sessions-total") == "11");
  CHECK(figure(outcome, "people-trained-total") == "122");
  CHECK(figure(outcome, "person-hours-total") == "341");  // 216 + 125, not 220 + 125
  CHECK(figure(outcome, "technical-assistance-hours-total") == "120.75");
  CHECK(figure(outcome, "dissemination-hours-total") == "40");
  CHECK(figure(outcome, "other-service-hours-total") == "0");
  const auto totals = with_rule(outcome.findings, "TABLEA-TOTALS");
  REQUIRE(totals.size() == 1);
  CHECK(totals[0]->severity == core::Severity::Info);
  CHECK(totals[0]->message == "Table A: 11 sessions, 122 people trained, 341 person-hours.");
}

TEST_CASE("a Table A total that needs an unknown value is left out", "[rules][grant][tablea]") {
  const auto checked =
      table_a(program("seminar", "6", "many", "3", "220") +
              program("seminar", "2", "10", "2", "40") + service("technical-assistance", "lots") +
              service("disseminate-information", "8") + service("visits", "99"));
  const auto& outcome = checked.outcome;
  CHECK(figure(outcome, "training-sessions-total") == "8");
  CHECK(figure(outcome, "people-trained-total") == "(absent)");
  CHECK(figure(outcome, "person-hours-total") == "(absent)");
  CHECK(figure(outcome, "technical-assistance-hours-total") == "(absent)");
  // A rejected service type is none of the three types.
  CHECK(figure(outcome, "dissemination-hours-total") == "8");
  CHECK(figure(outcome, "other-service-hours-total") == "0");
  CHECK(with_rule(outcome.findings, "TABLEA-TOTALS").at(0)->message ==
        "Table A: 8 sessions, unknown people trained, unknown person-hours.");
}

TEST_CASE("table_a_totals counts training from computed products and services by type",
          "[rules][grant][tablea]") {
  model::TableA table;
  auto& p = table.training_programs.emplace_back();
  p.number_of_sessions = {core::FieldState::Present, 3, "", "3"};
  p.number_of_persons = {core::FieldState::Present, 15, "", "15"};
  p.length_of_session = {core::FieldState::Present, core::Quantity{1650}, "", "16.5"};
  p.total_hours = {core::FieldState::Present, core::Quantity{1}, "", "0.01"};  // never used
  auto& s = table.service_activities.emplace_back();
  s.type_of_service_activity = {core::FieldState::Present,
                                model::TypeOfServiceActivity::TechnicalAssistance, "", ""};
  s.number_of_hours_available = {core::FieldState::Present, core::Quantity{10050}, "", "100.5"};

  CHECK(rules::training_hours(p) == core::Wide{74250});
  const auto totals = rules::table_a_totals(table);
  CHECK(totals.training_sessions == 3);
  CHECK(totals.people_trained == 45);
  CHECK(totals.person_hours == core::Quantity{74250});
  CHECK(totals.technical_assistance_hours == core::Quantity{10050});
  CHECK(totals.dissemination_hours == core::Quantity{0});
  CHECK(totals.other_service_hours == core::Quantity{0});

  // Too large for 64 bits is unknown, never wrapped.
  p.number_of_sessions.value = 999'999'999;
  p.number_of_persons.value = 999'999'999;
  p.length_of_session.value = core::Quantity{99'999'999'999};
  const auto huge = rules::table_a_totals(table);
  CHECK(huge.people_trained == 999'999'998'000'000'001);
  CHECK_FALSE(huge.person_hours);
  p.number_of_persons = {core::FieldState::Rejected, std::nullopt, "", "many"};
  CHECK_FALSE(rules::training_hours(p));
  CHECK(rules::table_a_totals(table).training_sessions == 999'999'999);
  CHECK_FALSE(rules::table_a_totals(table).people_trained);
}
