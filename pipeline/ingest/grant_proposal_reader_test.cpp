// The grant proposal reader on XML: values, types, defaults, findings.
#include <catch2/catch.hpp>

#include "pipeline/ingest/grant_reader_test_support.hpp"

using namespace pipeline;
using namespace pipeline::ingest::testing;

// ---- samples ------------------------------------------------------------------------------

TEST_CASE("every grant sample reads with only the findings samples/README.md expects",
          "[ingest][grant]") {
  int read = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kSamples)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("cet-grant-proposal.", 0) != 0) continue;
    CAPTURE(name);
    const auto result = ingest::ingest_path(entry.path(), ingest::Options{});
    CHECK_FALSE(result.unreadable);
    CHECK(result.profile == "cet-grant");
    const GrantProposal& proposal = proposal_of(result);
    CHECK(proposal.location == "cet-grant-proposal");
    // Table B's month 13 is the one value of the grant samples whose type check fails; it is
    // TABLEB-MONTHS's (formats.md §2.1), not FORMAT-TYPE's.
    if (name == "cet-grant-proposal.invalid.table-a-b-completeness-eligibility.xml") {
      REQUIRE(rules_of(result) == std::vector<std::string>{"TABLEB-MONTHS"});
      CHECK(result.findings[0].location == "cet-grant-proposal/table-b/activity[4]/months");
      CHECK_THAT(result.findings[0].message,
                 Catch::Contains("\"Course\"") && Catch::Contains("3 7 11 13"));
    } else {
      CHECK(rules_of(result).empty());
    }
    ++read;
  }
  CHECK(read == 6);
}

TEST_CASE("received without an offset is Michigan time, with one its own instant",
          "[ingest][grant]") {
  const auto instant_of = [](const std::string& text) {
    const auto result = from_body("<received>" + text + "</received>");
    const GrantProposal& p = proposal_of(result);
    REQUIRE(p.received.present());
    return p.received->instant.seconds;
  };
  // 2004-05-19 10:15 EDT (UTC-4) is 14:15 UTC.
  CHECK(instant_of("2004-05-19T10:15") == 1'084'976'100);
  // The deadline itself, 17:00 EDT, is the parameters' default deadline instant.
  CHECK(instant_of("2004-05-21T17:00") == model::GrantParameters{}.proposal_deadline.seconds);
  CHECK(instant_of("2004-05-21T21:00Z") == model::GrantParameters{}.proposal_deadline.seconds);
  CHECK(instant_of("2004-05-21T17:00:01-04:00") ==
        model::GrantParameters{}.proposal_deadline.seconds + 1);
  // In winter Michigan is on EST (UTC-5).
  CHECK(instant_of("2004-01-15T10:00") == 1'074'178'800);

  const auto result = from_body("<received>2004-05-21 17:00</received>");
  CHECK(proposal_of(result).received.rejected());
  REQUIRE(rules_of(result) == std::vector<std::string>{"FORMAT-TYPE"});
  CHECK(result.findings[0].location == "cet-grant-proposal/received");
}

TEST_CASE("each kind of bad value is reported by the right rule at its location",
          "[ingest][grant]") {
  struct Case {
    std::string body;
    std::string rule;
    std::string location;
  };
  const auto c = GENERATE(values<Case>({
      {"<signature-sheet><total-amount-of-cet-funds-requested>100.125"
       "</total-amount-of-cet-funds-requested></signature-sheet>",
       "FORMAT-TYPE", "cet-grant-proposal/signature-sheet/total-amount-of-cet-funds-requested"},
      {"<signature-sheet><certification-and-signature><date>2004-02-30</date>"
       "</certification-and-signature></signature-sheet>",
       "FORMAT-TYPE", "cet-grant-proposal/signature-sheet/certification-and-signature/date"},
      {"<signature-sheet><state>Mich.</state></signature-sheet>", "FORMAT-TYPE",
       "cet-grant-proposal/signature-sheet/state"},
      {"<table-b/><table-b/>", "FORMAT-DUPLICATE", "cet-grant-proposal/table-b"},
      {"<applicant><nonprofit>yes</nonprofit><nonprofit>no</nonprofit></applicant>",
       "FORMAT-DUPLICATE", "cet-grant-proposal/applicant/nonprofit"},
      {"<table-e/>", "FORMAT-UNKNOWN", "cet-grant-proposal/table-e"},
      {"<table-d><travel><mileage funding=\"grant\" colour=\"red\"><number-of-miles>10"
       "</number-of-miles><amount-per-mile>0.375</amount-per-mile><total-charged>3.75"
       "</total-charged></mileage></travel></table-d>",
       "FORMAT-UNKNOWN", "cet-grant-proposal/table-d/travel/mileage[1]/@colour"},
      {"<table-d><wages-salaries><line funding=\"grant\"><position>Coordinator</position>"
       "<number-of-weeks>50</number-of-weeks><total-charged>30000.00</total-charged></line>"
       "</wages-salaries></table-d>",
       "FORMAT-REQUIRED", "cet-grant-proposal/table-d/wages-salaries/line[1]/salary-per-week"},
      {"<table-d><other><line><specify>Audit</specify><total-charged>10.00</total-charged>"
       "</line></other></table-d>",
       "FORMAT-REQUIRED", "cet-grant-proposal/table-d/other/line[1]/@funding"},
      {"<table-d><travel><meals funding=\"grant\"><meal>supper</meal><number-of-meals>1"
       "</number-of-meals><amount-per-meal>5.00</amount-per-meal><total-charged>5.00"
       "</total-charged></meals></travel></table-d>",
       "FORMAT-TYPE", "cet-grant-proposal/table-d/travel/meals[1]/meal"},
      {"<table-a><training-program><title-of-training-program>Ladders"
       "</title-of-training-program><type-of-training>workshop</type-of-training>"
       "<number-of-sessions>1</number-of-sessions><number-of-persons>5</number-of-persons>"
       "<length-of-session>2</length-of-session><total-hours>10</total-hours>"
       "</training-program></table-a>",
       "TABLEA-TYPE", "cet-grant-proposal/table-a/training-program[1]/type-of-training"},
      {"<table-a><service-activity><type-of-service-activity>coaching"
       "</type-of-service-activity><number-of-hours-available>5</number-of-hours-available>"
       "</service-activity></table-a>",
       "TABLEA-SERVICE-TYPE",
       "cet-grant-proposal/table-a/service-activity[1]/type-of-service-activity"},
      {"<table-c><category number=\"10\"/><total><grant><total-funds>0</total-funds><first>0"
       "</first><second>0</second><third>0</third><fourth>0</fourth></grant><matching>"
       "<total-funds>0</total-funds><first>0</first><second>0</second><third>0</third>"
       "<fourth>0</fourth></matching></total></table-c>",
       "TABLEC-CATEGORY", "cet-grant-proposal/table-c/category[1]/@number"},
      {"<table-c><category number=\"1\"><grant><total-funds>5.00</total-funds></grant>"
       "</category></table-c>",
       "FORMAT-REQUIRED", "cet-grant-proposal/table-c/category[1]/grant/first"},
      {"<key-personnel><person><name>A</name><position>B</position><role>boss</role>"
       "</person></key-personnel>",
       "FORMAT-TYPE", "cet-grant-proposal/key-personnel/person[1]/role"},
      {"<proposal-narrative><project-design><project-summary file=\"n.pdf\" pages=\"two\"/>"
       "</project-design></proposal-narrative>",
       "FORMAT-TYPE",
       "cet-grant-proposal/proposal-narrative/project-design/project-summary/@pages"},
  }));
  CAPTURE(c.body);
  const auto result = from_body(c.body);
  const core::Finding* f = finding(result, c.rule);
  REQUIRE(f != nullptr);
  CHECK(f->location == c.location);
  // FORMAT-* messages start with the path; the rules' own messages name the row instead.
  if (c.rule.rfind("FORMAT-", 0) == 0) CHECK_THAT(f->message, Catch::Contains(c.location));
}

TEST_CASE("a rejected value is unknown, not absent, and the row that holds it stays",
          "[ingest][grant]") {
  const auto result = from_body(
      "<table-b><activity><name>Course</name><months>0 13</months></activity>"
      "<activity><name>Seminar</name></activity></table-b>");
  const auto& activities = proposal_of(result).table_b->activities;
  REQUIRE(activities.size() == 2);
  CHECK(activities[0].months.rejected());
  CHECK(activities[0].months.raw == "0 13");
  CHECK(activities[1].months.absent());  // TABLEB-ACTIVITY-MONTHS's, a rule
  CHECK(rules_of(result) == std::vector<std::string>{"TABLEB-MONTHS"});
}

TEST_CASE("an unknown name is reported once however often it occurs", "[ingest][grant]") {
  const auto result = from_body(
      "<advisory-committee><member><name>A</name><affiliation>B</affiliation><phone>1</phone>"
      "</member><member><name>C</name><affiliation>D</affiliation><phone>2</phone></member>"
      "</advisory-committee>");
  REQUIRE(rules_of(result) == std::vector<std::string>{"FORMAT-UNKNOWN"});
  CHECK(result.findings[0].severity == core::Severity::Warning);
  CHECK(result.findings[0].location == "cet-grant-proposal/advisory-committee/member[1]/phone");
}

TEST_CASE("root attributes: stage, fiscal year and their defaults", "[ingest][grant]") {
  const auto plain = from_body("");
  CHECK(model::stage_of(proposal_of(plain)) == model::GrantStage::Proposal);
  CHECK(model::fiscal_year_of(proposal_of(plain))->first_year == 2004);
  CHECK(rules_of(plain).empty());

  const auto revision = from_body("", " stage=\"revision\" fiscal-year=\"2005-2006\"");
  CHECK(model::stage_of(proposal_of(revision)) == model::GrantStage::Revision);
  CHECK(model::fiscal_year_of(proposal_of(revision))->first_year == 2005);

  const auto bad = from_body("", " stage=\"draft\" fiscal-year=\"2004-2006\"");
  CHECK_FALSE(model::stage_of(proposal_of(bad)));
  CHECK_FALSE(model::fiscal_year_of(proposal_of(bad)));
  CHECK(rules_of(bad) == std::vector<std::string>{"FORMAT-TYPE", "FORMAT-TYPE"});
}

TEST_CASE("a close-out needs Table C, the outcome and objectives or Table A", "[ingest][grant]") {
  const auto bare = from_body("", " stage=\"closeout\"");
  std::vector<std::string> locations;
  for (const auto& f : bare.findings) {
    CHECK(f.rule == "FORMAT-REQUIRED");
    locations.push_back(f.location);
  }
  CHECK(locations == std::vector<std::string>{"cet-grant-proposal/table-c",
                                              "cet-grant-proposal/performance-outcome",
                                              "cet-grant-proposal/performance-objectives"});
  const auto proposal = from_body("");  // the proposal stage leaves these to the rules
  CHECK(rules_of(proposal).empty());
  const auto closeout = ingest::ingest_path(
      kSamples / "cet-grant-proposal.closeout.performance-shortfall.xml", ingest::Options{});
  CHECK(rules_of(closeout).empty());
  REQUIRE(proposal_of(closeout).performance_outcome);
}

TEST_CASE("narratives are present with text or a file attribute", "[ingest][grant]") {
  const auto result = from_body(
      "<proposal-narrative><problem-addressed>First.\n\n  Second   part.</problem-addressed>"
      "<project-design><activities-to-be-funded>training</activities-to-be-funded>"
      "</project-design><project-management/></proposal-narrative>"
      "<project-budget-narrative file=\"b.pdf\"/>");
  const GrantProposal& p = proposal_of(result);
  CHECK(p.proposal_narrative->problem_addressed->text == "First.\n\nSecond part.");
  CHECK(p.proposal_narrative->project_management.absent());
  REQUIRE(p.proposal_narrative->project_design);
  CHECK_FALSE(p.proposal_narrative->project_design->has_narrative_part());
  CHECK(p.project_budget_narrative->file == "b.pdf");
  CHECK(rules_of(result).empty());
}

// ---- bad bundles --------------------------------------------------------------------------------

TEST_CASE("forms/cet-grant.json holds the FY 2004-2005 parameters", "[ingest][grant]") {
  const model::GrantParameters loaded = ingest::load_grant_parameters(kSource / "forms");
  const model::GrantParameters defaults;
  CHECK(loaded.fiscal_year == "2004-2005");
  CHECK(loaded.award_maximum == defaults.award_maximum);
  CHECK(loaded.matching_minimum_percent == defaults.matching_minimum_percent);
  CHECK(loaded.equipment_cap_percent == defaults.equipment_cap_percent);
  CHECK(loaded.contractual_cap_percent == defaults.contractual_cap_percent);
  CHECK(loaded.other_cap_percent == defaults.other_cap_percent);
  CHECK(loaded.administrative_lump_cap_percent == defaults.administrative_lump_cap_percent);
  CHECK(loaded.mileage_rate_maximum == core::Rate{375});
  CHECK(loaded.lodging_rate_maximum == core::cents(6'500));
  CHECK(loaded.breakfast_rate_maximum == core::cents(725));
  CHECK(loaded.lunch_rate_maximum == core::cents(725));
  CHECK(loaded.dinner_rate_maximum == core::cents(1'650));
  CHECK(loaded.grant_period_start == *core::Date::from_ymd(2004, 10, 1));
  CHECK(loaded.grant_period_end == *core::Date::from_ymd(2005, 9, 30));
  CHECK(loaded.proposal_deadline == defaults.proposal_deadline);
  CHECK(loaded.proposal_deadline_text == defaults.proposal_deadline_text);
  CHECK(loaded.equipment_prior_approval_cost == core::dollars(1'000));
  CHECK(loaded.equipment_prior_approval_life_months == 24);
}

TEST_CASE("a missing or malformed parameters file is an error that names it", "[ingest][grant]") {
  const auto dir = std::filesystem::temp_directory_path() / "formpipe-grant-parameters-test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const auto write = [&](const std::string& text) {
    std::ofstream(dir / "cet-grant.json", std::ios::binary) << text;
  };
  CHECK_THROWS_WITH(ingest::load_grant_parameters(dir), Catch::Contains("cet-grant.json"));

  const std::string good = read_file(kSource / "forms" / "cet-grant.json");
  const auto edited = [&](const std::string& from, const std::string& to) {
    std::string text = good;
    text.replace(text.find(from), from.size(), to);
    return text;
  };
  struct Case {
    std::string text;
    std::string expect;
  };
  for (const Case& c : std::vector<Case>{
           {"{ not json", "not valid JSON"},
           {"[1, 2]", "expected a JSON object"},
           {edited("\"85000.00\"", "85000.00"), "award-maximum: expected a string"},
           {edited("\"85000.00\"", "\"85,000\""), "award-maximum: expected dollars"},
           {edited("\"0.375\"", "\"0.3755\""), "mileage-rate-maximum"},
           {edited("\"fiscal-year\"", "\"fiscal-yeer\""), "fiscal-year: is missing"},
           {edited("\"2004-2005\"", "\"2004-2006\""), "fiscal-year: expected YYYY-YYYY"},
           {edited("\"2005-09-30\"", "\"2003-09-30\""), "is before grant-period-start"},
           {edited("\"profile\"", "\"colour\": \"red\", \"profile\""), "colour: is not a CET"},
       }) {
    CAPTURE(c.text);
    write(c.text);
    CHECK_THROWS_AS(ingest::load_grant_parameters(dir), core::Error);
    CHECK_THROWS_WITH(ingest::load_grant_parameters(dir),
                      Catch::Contains("cet-grant.json") && Catch::Contains(c.expect));
  }
  std::filesystem::remove_all(dir);
}
