#include "pipeline/rules/grant_families.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "pipeline/ingest/ingest.hpp"

using namespace pipeline;

namespace {

// Ingests a cet-grant-proposal with `body` and `stage`, then runs the CHANGE family.
core::Outcome changes(const std::string& body, const std::string& stage = "revision") {
  const auto in = ingest::ingest_xml("<cet-grant-proposal profile=\"cet-grant\" stage=\"" + stage +
                                         "\">" + body + "</cet-grant-proposal>",
                                     "t.xml", ingest::Options{});
  REQUIRE(in.submission);
  rules::Outcome outcome;
  rules::check_changes(std::get<model::GrantProposal>(in.submission->form), rules::Context{},
                       outcome);
  model::add_report_figures(outcome.grant, outcome.figures);  // as the rulebook does
  return outcome;
}

std::string request(const std::string& requested, const std::string& effective,
                    bool with_reason = true) {
  return "<change-request><requested-on>" + requested +
         "</requested-on><proposed-implementation-date>" + effective +
         "</proposed-implementation-date>" +
         (with_reason ? "<reason>Instructor left.</reason>" : "") + "</change-request>";
}

std::string objectives(const std::string& people, const std::string& hours) {
  return "<performance-objectives><people-trained>" + people + "</people-trained><person-hours>" +
         hours + "</person-hours></performance-objectives>";
}

// A revision whose only compared element is the performance objectives.
std::string with_objectives(const std::string& before, const std::string& after) {
  return request("2005-03-01", "2005-04-01") + "<baseline>" + before + "</baseline>" + after;
}

std::string person(const std::string& name, const std::string& roles) {
  return "<person><name>" + name + "</name><position>Instructor</position><role>" + roles +
         "</role><institutional-base-salary>50000.00</institutional-base-salary></person>";
}

std::string program(const std::string& title, const std::string& type, int sessions) {
  const std::string length = type == "presentation" ? "1" : "4";
  return "<training-program><title-of-training-program>" + title +
         "</title-of-training-program><type-of-training>" + type +
         "</type-of-training><number-of-sessions>" + std::to_string(sessions) +
         "</number-of-sessions><number-of-persons>10</number-of-persons><length-of-session>" +
         length + "</length-of-session><total-hours>" +
         std::to_string(sessions * 10 * std::stoi(length)) + "</total-hours></training-program>";
}

// A Table C with category 1 grant `one` and category 2 matching `two` (quarters all on Q1).
std::string table_c(const std::string& one, const std::string& two) {
  auto line = [](const char* source, const std::string& amount) {
    return std::string("<") + source + "><total-funds>" + amount + "</total-funds><first>" +
           amount + "</first><second>0</second><third>0</third><fourth>0</fourth></" + source + ">";
  };
  return "<table-c><category number=\"1\">" + line("grant", one) +
         "</category><category number=\"2\">" + line("matching", two) + "</category><total>" +
         line("grant", one) + line("matching", two) + "</total></table-c>";
}

std::vector<const core::Finding*> with_rule(const core::Outcome& outcome, const std::string& rule) {
  std::vector<const core::Finding*> out;
  for (const auto& f : outcome.findings)
    if (f.rule == rule) out.push_back(&f);
  return out;
}

std::size_t count(const core::Outcome& outcome, const std::string& rule) {
  return with_rule(outcome, rule).size();
}

std::string figure(const core::Outcome& outcome, const std::string& key) {
  const std::string* value = outcome.figures.find(key);
  return value ? *value : "(absent)";
}

const std::string kBaselinePeople = "<baseline>" + std::string("<key-personnel>") +
                                    person("Dana Whitfield", "administration-coordination") +
                                    "</key-personnel></baseline>";

}  // namespace

TEST_CASE("CHANGE rules run only on a revision", "[rules][grant][change]") {
  const std::string body = request("2005-03-21", "2005-04-02") + "<key-personnel>" +
                           person("Renée Kowalczyk", "instruction") + "</key-personnel>" +
                           kBaselinePeople;
  CHECK(changes(body, "proposal").findings.empty());
  CHECK(changes(body, "closeout").findings.empty());
  const auto revision = changes(body);
  CHECK(count(revision, "CHANGE-NOTICE-21-DAYS") == 1);
  CHECK(count(revision, "CHANGE-QUARTER-END") == 1);
  CHECK(count(revision, "CHANGE-KEY-PERSONNEL") == 2);
  CHECK(count(revision, "CHANGE-SUMMARY") == 1);
}

TEST_CASE("CHANGE-NOTICE-21-DAYS: exactly three weeks ahead passes, 20 days fails",
          "[rules][grant][change]") {
  const std::string rest = "<key-personnel>" +
                           person("Dana Whitfield", "administration-coordination") +
                           "</key-personnel>" + kBaselinePeople;
  CHECK(count(changes(request("2005-03-11", "2005-04-01") + rest), "CHANGE-NOTICE-21-DAYS") == 0);
  CHECK(count(changes(request("2005-02-01", "2005-04-01") + rest), "CHANGE-NOTICE-21-DAYS") == 0);
  const auto twenty = changes(request("2005-03-12", "2005-04-01") + rest);
  const auto findings = with_rule(twenty, "CHANGE-NOTICE-21-DAYS");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0]->severity == core::Severity::Error);
  CHECK(findings[0]->message ==
        "The change was requested 2005-03-12 for 2005-04-01, 20 days ahead; at least 21 are "
        "required.");
  CHECK(findings[0]->location == "cet-grant-proposal/change-request/proposed-implementation-date");
  // Across a year end and a leap day: 2004-02-09 + 21 days = 2004-03-01.
  CHECK(count(changes(request("2004-02-09", "2004-03-01") + rest), "CHANGE-NOTICE-21-DAYS") == 0);
  CHECK(count(changes(request("2004-02-10", "2004-03-01") + rest), "CHANGE-NOTICE-21-DAYS") == 1);
  CHECK(count(changes(request("2004-12-11", "2005-01-01") + rest), "CHANGE-NOTICE-21-DAYS") == 0);
  // Implementation before the request is no notice at all.
  CHECK_THAT(with_rule(changes(request("2005-04-05", "2005-04-01") + rest), "CHANGE-NOTICE-21-DAYS")
                 .at(0)
                 ->message,
             Catch::Contains("-4 days ahead"));
  // A rejected date is unknown: no notice rule, and it is not reported missing.
  const auto rejected = changes(request("2005-02-30", "2005-04-01") + rest);
  CHECK(count(rejected, "CHANGE-NOTICE-21-DAYS") == 0);
  CHECK(count(rejected, "CHANGE-REQUEST") == 0);
}

TEST_CASE("CHANGE-QUARTER-END notes a change that does not start a quarter",
          "[rules][grant][change]") {
  const std::string rest = "<key-personnel>" +
                           person("Dana Whitfield", "administration-coordination") +
                           "</key-personnel>" + kBaselinePeople;
  for (const char* start : {"2005-01-01", "2005-04-01", "2005-07-01", "2004-10-01"})
    CHECK(count(changes(request("2004-01-01", start) + rest), "CHANGE-QUARTER-END") == 0);
  for (const char* other : {"2005-04-02", "2005-03-31", "2005-02-01", "2005-12-01"})
    CHECK(count(changes(request("2004-01-01", other) + rest), "CHANGE-QUARTER-END") == 1);
  const auto may = changes(request("2004-01-01", "2005-05-01") + rest);
  const auto notice = with_rule(may, "CHANGE-QUARTER-END");
  REQUIRE(notice.size() == 1);
  CHECK(notice[0]->severity == core::Severity::Info);
  CHECK(notice[0]->message ==
        "The change takes effect 2005-05-01, not at the start of a quarter; changes generally "
        "occur at the end of a quarter.");
}

TEST_CASE("CHANGE-REQUEST and CHANGE-REASON: a revision is a written, explained request",
          "[rules][grant][change]") {
  const auto bare = changes("");
  const auto missing = with_rule(bare, "CHANGE-REQUEST");
  REQUIRE(missing.size() == 2);
  CHECK(missing[0]->severity == core::Severity::Error);
  CHECK(missing[0]->message == "A revision needs a written change request (change-request).");
  CHECK(missing[0]->location == "cet-grant-proposal/change-request");
  CHECK(missing[1]->message == "A revision needs the approved figures it changes (baseline).");
  CHECK(count(bare, "CHANGE-REASON") == 0);  // no change-request to explain

  const auto partial = changes(
      "<change-request><requested-on>2005-01-02</requested-on></change-request><baseline/>");
  const auto items = with_rule(partial, "CHANGE-REQUEST");
  REQUIRE(items.size() == 2);
  CHECK_THAT(items[0]->message, Catch::Contains("change-request/proposed-implementation-date"));
  CHECK(items[0]->location == "cet-grant-proposal/change-request/proposed-implementation-date");
  CHECK(items[1]->message ==
        "A revision needs a baseline holding key-personnel, table-a, table-c or "
        "performance-objectives.");
  const auto reason = with_rule(partial, "CHANGE-REASON");
  REQUIRE(reason.size() == 1);
  CHECK(reason[0]->severity == core::Severity::Warning);
  CHECK(reason[0]->message ==
        "The change request does not explain the reason for and effect of the change.");

  // Each element the baseline holds needs its revised counterpart.
  const auto counterparts =
      changes(request("2005-01-01", "2005-04-01") + "<baseline>" + "<key-personnel>" +
              person("A", "instruction") + "</key-personnel>" + table_c("10.00", "1.00") +
              objectives("10", "20") + "</baseline>");
  const auto needed = with_rule(counterparts, "CHANGE-REQUEST");
  REQUIRE(needed.size() == 3);
  CHECK_THAT(needed[0]->message, Catch::Contains("key-personnel"));
  CHECK_THAT(needed[1]->message, Catch::Contains("table-c"));
  CHECK_THAT(needed[2]->message, Catch::Contains("performance-objectives"));
  // Objectives may be derived from a revised Table A instead.
  const auto derived = changes(with_objectives(
      objectives("10", "20"), "<table-a>" + program("T", "seminar", 1) + "</table-a>"));
  CHECK(count(derived, "CHANGE-REQUEST") == 0);
  CHECK(count(changes(with_objectives(objectives("10", "20"), objectives("10", "20"))),
              "CHANGE-REQUEST") == 0);
}

TEST_CASE("CHANGE-KEY-PERSONNEL: one warning per person added, removed or given other roles",
          "[rules][grant][change]") {
  const std::string before =
      "<key-personnel>" +
      person("Dana Whitfield", "administration-coordination evaluation-record-keeping") +
      person("Luis Ortega", "instruction") +
      person("Renée Kowalczyk", "instruction curriculum-development") + "</key-personnel>";
  // Names are compared after NFC and case folding ("Rene\u0301e" is "Renée"); role order and
  // repeats do not matter.
  const std::string after = "<key-personnel>" +
                            person("RENE\u0301E KOWALCZYK", "curriculum-development instruction") +
                            person("Dana Whitfield",
                                   "evaluation-record-keeping administration-coordination "
                                   "administration-coordination") +
                            "</key-personnel>";
  const auto same =
      changes(request("2005-01-01", "2005-04-01") + after + "<baseline>" + before + "</baseline>");
  const auto removed = with_rule(same, "CHANGE-KEY-PERSONNEL");
  REQUIRE(removed.size() == 1);
  CHECK(removed[0]->severity == core::Severity::Warning);
  CHECK(removed[0]->message == "Key personnel change needs prior approval: Luis Ortega removed.");
  CHECK(removed[0]->location == "cet-grant-proposal/baseline/key-personnel/person[2]");

  const std::string changed = "<key-personnel>" +
                              person("Dana Whitfield", "administration-coordination") +
                              person("Luis Ortega", "instruction") +
                              person("Renée Kowalczyk", "instruction curriculum-development") +
                              person("Tomás Núñez", "technical-assistance") + "</key-personnel>";
  const auto outcome = changes(request("2005-01-01", "2005-04-01") + changed + "<baseline>" +
                               before + "</baseline>");
  const auto findings = with_rule(outcome, "CHANGE-KEY-PERSONNEL");
  REQUIRE(findings.size() == 2);
  CHECK(findings[0]->message ==
        "Key personnel change needs prior approval: Dana Whitfield role changed.");
  CHECK(findings[0]->location == "cet-grant-proposal/key-personnel/person[1]");
  CHECK(findings[1]->message == "Key personnel change needs prior approval: Tomás Núñez added.");
  CHECK(findings[1]->location == "cet-grant-proposal/key-personnel/person[4]");
}

TEST_CASE("CHANGE-TRAINING-TYPE: a program changing type, or the set of types changing",
          "[rules][grant][change]") {
  auto revise = [](const std::string& before, const std::string& after) {
    return changes(request("2005-01-01", "2005-04-01") + "<table-a>" + after +
                   "</table-a><baseline><table-a>" + before + "</table-a></baseline>");
  };
  const std::string approved = program("Fall Protection", "seminar", 5) +
                               program("Trenching", "course", 5) +
                               program("Standards Update", "presentation", 5);
  CHECK(count(revise(approved, approved), "CHANGE-TRAINING-TYPE") == 0);
  // Renamed and reordered programs of the same types are no change of type.
  CHECK(count(revise(approved, program("Update", "presentation", 5) +
                                   program("Trench Safety", "course", 5) +
                                   program("Fall Protection", "seminar", 5)),
              "CHANGE-TRAINING-TYPE") == 0);

  const auto course_to_seminar = revise(
      approved, program("Fall Protection", "seminar", 5) + program("TRENCHING", "seminar", 5) +
                    program("Standards Update", "presentation", 5));
  const auto findings = with_rule(course_to_seminar, "CHANGE-TRAINING-TYPE");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0]->severity == core::Severity::Warning);
  CHECK(findings[0]->message ==
        "The type of training changes (\"TRENCHING\" course → seminar; no course any more); this "
        "needs prior approval.");
  CHECK(findings[0]->location == "cet-grant-proposal/table-a");

  // Same set of types, but one program swapped its type with another.
  CHECK(count(revise(program("A", "seminar", 5) + program("B", "course", 5),
                     program("A", "course", 5) + program("B", "seminar", 5)),
              "CHANGE-TRAINING-TYPE") == 1);
  // Another program of a type already offered changes nothing.
  CHECK(count(revise(approved, approved + program("New", "course", 1)), "CHANGE-TRAINING-TYPE") ==
        0);
  CHECK_THAT(with_rule(revise(program("A", "seminar", 5),
                              program("A", "seminar", 5) + program("B", "course", 1)),
                       "CHANGE-TRAINING-TYPE")
                 .at(0)
                 ->message,
             Catch::Contains("new type course"));
}

TEST_CASE("CHANGE-SESSIONS: a fall of 20% or more in total sessions, inclusive",
          "[rules][grant][change]") {
  auto sessions = [](int before, int after) {
    return changes(request("2005-01-01", "2005-04-01") + "<table-a>" +
                   program("A", "seminar", after - after / 2) + program("B", "seminar", after / 2) +
                   "</table-a><baseline><table-a>" + program("A", "seminar", before) +
                   "</table-a></baseline>");
  };
  CHECK(count(sessions(20, 17), "CHANGE-SESSIONS") == 0);  // 15 %
  CHECK(count(sessions(20, 20), "CHANGE-SESSIONS") == 0);
  CHECK(count(sessions(20, 30), "CHANGE-SESSIONS") == 0);  // an increase
  const auto exactly = sessions(20, 16);                   // 5 × 4 = 20 ≥ 20
  const auto findings = with_rule(exactly, "CHANGE-SESSIONS");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0]->severity == core::Severity::Warning);
  CHECK(findings[0]->message ==
        "Training sessions fall from 20 to 16 (-20.00%); a reduction of 20% or more needs prior "
        "approval.");
  CHECK(count(sessions(21, 17), "CHANGE-SESSIONS") == 0);  // 5 × 4 = 20 < 21
  CHECK(count(sessions(21, 16), "CHANGE-SESSIONS") == 1);  // 5 × 5 = 25 ≥ 21
  CHECK(figure(sessions(21, 16), "sessions-change-percent") == "-23.81");
  CHECK(figure(sessions(20, 30), "sessions-change-percent") == "50.00");
}

TEST_CASE("CHANGE-PERFORMANCE: each objective falling by 15% or more, inclusive",
          "[rules][grant][change]") {
  auto perf = [](const char* people_before, const char* hours_before, const char* people_after,
                 const char* hours_after) {
    return changes(with_objectives(objectives(people_before, hours_before),
                                   objectives(people_after, hours_after)));
  };
  CHECK(count(perf("100", "900", "86", "900"), "CHANGE-PERFORMANCE") == 0);  // 14 %
  CHECK(count(perf("100", "900", "100", "900"), "CHANGE-PERFORMANCE") == 0);
  const auto people = perf("100", "900", "85", "900");  // 20 × 15 = 300 ≥ 300
  const auto findings = with_rule(people, "CHANGE-PERFORMANCE");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0]->severity == core::Severity::Warning);
  CHECK(findings[0]->message ==
        "People trained falls from 100 to 85 (-15.00%); a reduction of 15% or more needs prior "
        "approval.");
  CHECK(findings[0]->location == "cet-grant-proposal/performance-objectives");
  // Hours in hundredths: 100.00 → 85.00 is exactly 15 %, 85.01 is less.
  CHECK(count(perf("10", "100", "10", "85"), "CHANGE-PERFORMANCE") == 1);
  CHECK(count(perf("10", "100", "10", "85.01"), "CHANGE-PERFORMANCE") == 0);
  CHECK(with_rule(perf("10", "742.75", "10", "600.5"), "CHANGE-PERFORMANCE").at(0)->message ==
        "Person-hours falls from 742.75 to 600.5 (-19.15%); a reduction of 15% or more needs "
        "prior approval.");
  CHECK(count(perf("100", "900", "80", "700"), "CHANGE-PERFORMANCE") == 2);
  // A rejected objective is unknown; the other measure is still compared (I-11, I-45).
  const auto hours_only = perf("100", "900", "eighty", "700");
  REQUIRE(count(hours_only, "CHANGE-PERFORMANCE") == 1);
  CHECK_THAT(with_rule(hours_only, "CHANGE-PERFORMANCE").at(0)->message,
             Catch::StartsWith("Person-hours falls from 900 to 700"));
  CHECK(figure(hours_only, "person-hours-change-percent") == "-22.22");
  CHECK(figure(hours_only, "people-trained-change-percent") == "(absent)");
}

TEST_CASE("CHANGE-CATEGORY and CHANGE-CATEGORY-MAJOR at 5% and 10% of the approved budget",
          "[rules][grant][change]") {
  // B = 900.00 grant + 100.00 matching = 1,000.00; only category 1 changes.
  auto vary = [](const char* revised_one) {
    return changes(request("2005-01-01", "2005-04-01") + table_c(revised_one, "100.00") +
                   "<baseline>" + table_c("900.00", "100.00") + "</baseline>");
  };
  struct Case {
    const char* revised;
    std::size_t minor;
    std::size_t major;
  };
  const auto c = GENERATE(values<Case>({
      {"900.00", 0, 0},
      {"949.99", 0, 0},
      {"950.00", 0, 0},  // exactly 5 %: nothing
      {"850.00", 0, 0},
      {"950.01", 1, 0},
      {"849.99", 1, 0},
      {"999.99", 1, 0},
      {"1000.00", 0, 1},  // exactly 10 %: major
      {"800.00", 0, 1},
      {"0.00", 0, 1},
  }));
  CAPTURE(c.revised);
  const auto outcome = vary(c.revised);
  CHECK(count(outcome, "CHANGE-CATEGORY") == c.minor);
  CHECK(count(outcome, "CHANGE-CATEGORY-MAJOR") == c.major);
}

TEST_CASE("category change messages and the CHANGE-SUMMARY figures", "[rules][grant][change]") {
  const auto outcome = changes(request("2005-01-01", "2005-04-01") + table_c("960.00", "140.00") +
                               "<baseline>" + table_c("900.00", "100.00") + "</baseline>");
  const auto minor = with_rule(outcome, "CHANGE-CATEGORY");
  REQUIRE(minor.size() == 1);
  CHECK(minor[0]->severity == core::Severity::Warning);
  CHECK(minor[0]->message ==
        "Category 1 changes by $60.00 (6.00% of the $1,000.00 budget); a variation over 5% needs "
        "prior approval.");
  CHECK(minor[0]->location == "cet-grant-proposal/table-c/category[1]");
  CHECK(count(outcome, "CHANGE-CATEGORY-MAJOR") == 0);  // category 2: 40.00 = 4 %
  CHECK(figure(outcome, "baseline-budget-total") == "1000.00");
  CHECK(figure(outcome, "revised-budget-total") == "1100.00");
  CHECK(figure(outcome, "category-1-variation") == "60.00");
  CHECK(figure(outcome, "category-1-variation-percent") == "6.00");
  CHECK(figure(outcome, "category-2-variation") == "40.00");
  CHECK(figure(outcome, "category-2-variation-percent") == "4.00");
  CHECK(figure(outcome, "category-3-variation") == "(absent)");
  CHECK(figure(outcome, "baseline-sessions-total") == "(absent)");  // no Table A on either side
  const auto summary = with_rule(outcome, "CHANGE-SUMMARY");
  REQUIRE(summary.size() == 1);
  CHECK(summary[0]->severity == core::Severity::Info);
  CHECK(summary[0]->message ==
        "Changes from the approved grant: budget $1,000.00 → $1,100.00; category 1 $60.00 "
        "(6.00%); category 2 $40.00 (4.00%).");
  const auto major = changes(request("2005-01-01", "2005-04-01") + table_c("800.00", "100.00") +
                             "<baseline>" + table_c("900.00", "100.00") + "</baseline>");
  CHECK(with_rule(major, "CHANGE-CATEGORY-MAJOR").at(0)->message ==
        "Category 1 changes by $100.00 (10.00% of the $1,000.00 budget); a change of 10% or more "
        "is a major change needing the department's authorisation and an amended agreement.");
}
