// GRANT rules (rules.md §4.2) on proposals built in code: every cap exactly at its limit passes
// and one cent past fails; parameters come from GrantParameters.
#include <catch2/catch.hpp>

#include <string>

#include "pipeline/rules/grant_test_support.hpp"
#include "pipeline/text/unicode.hpp"

using namespace pipeline;
using namespace pipeline::rules::test;
using model::Funding;
using model::GrantProposal;
using model::GrantStage;
using model::TableDRow;

namespace {

// A proposal whose Table C holds `categories` and nothing else.
GrantProposal with_table_c(std::initializer_list<CategoryAmounts> categories) {
  GrantProposal proposal;
  proposal.location = "cet-grant-proposal";
  proposal.table_c = table_c(categories);
  return proposal;
}

GrantProposal at_stage(GrantProposal proposal, GrantStage stage) {
  proposal.stage = present(stage);
  return proposal;
}

}  // namespace

TEST_CASE("the maximum award: $85,000.00 passes, one cent more is an error",
          "[rules][grant][caps]") {
  CHECK(count(check_proposal(with_table_c({{1, "80000.00", "8500.00"}, {8, "5000.00"}})),
              "GRANT-AWARD-MAX") == 0);
  const auto over = check_proposal(with_table_c({{1, "80000.01", "8500.00"}, {8, "5000.00"}}));
  CHECK(count(over, "GRANT-AWARD-MAX") == 1);
  CHECK(message(over, "GRANT-AWARD-MAX") ==
        "The grant requested, $85,000.01, exceeds the maximum award of $85,000.00 by $0.01.");
  CHECK(count(over, "GRANT-AWARD-MAX-REVISION") == 0);
}

TEST_CASE("over the maximum award, a revision or close-out is only a warning",
          "[rules][grant][caps]") {
  const GrantProposal over = with_table_c({{1, "85000.01", "8500.01"}});
  for (const GrantStage stage : {GrantStage::Revision, GrantStage::Closeout}) {
    const auto outcome = check_proposal(at_stage(over, stage));
    CHECK(count(outcome, "GRANT-AWARD-MAX") == 0);
    CHECK(count(outcome, "GRANT-AWARD-MAX-REVISION") == 1);
  }
  CHECK(count(check_proposal(
                  at_stage(with_table_c({{1, "85000.00", "8500.00"}}), GrantStage::Revision)),
              "GRANT-AWARD-MAX-REVISION") == 0);
}

TEST_CASE("the maximum award is the fiscal year's parameter", "[rules][grant][caps]") {
  model::GrantParameters parameters;
  parameters.award_maximum = money("90000.00");
  const GrantProposal proposal = with_table_c({{1, "90000.00", "9000.00"}});
  CHECK(count(check_proposal(proposal, parameters), "GRANT-AWARD-MAX") == 0);
  CHECK(count(check_proposal(proposal), "GRANT-AWARD-MAX") == 1);
  CHECK(figure(check_proposal(proposal, parameters), "award-maximum") == "90000.00");
}

TEST_CASE("the signature sheet requests exactly Table C's grant total", "[rules][grant][caps]") {
  GrantProposal proposal = with_table_c({{1, "40000.00", "4000.00"}});
  CHECK(count(check_proposal(proposal), "GRANT-REQUEST-CONSISTENT") == 0);  // nothing to compare
  auto& sheet = proposal.signature_sheet.emplace();
  sheet.total_amount_of_cet_funds_requested = present(money("40000.00"), "r-sig");
  CHECK(count(check_proposal(proposal), "GRANT-REQUEST-CONSISTENT") == 0);
  sheet.total_amount_of_cet_funds_requested = present(money("40000.01"), "r-sig");
  const auto outcome = check_proposal(proposal);
  CHECK(count(outcome, "GRANT-REQUEST-CONSISTENT") == 1);
  CHECK(message(outcome, "GRANT-REQUEST-CONSISTENT") ==
        "The signature sheet requests $40,000.01 but Table C's grant column totals $40,000.00.");
  CHECK(outcome.findings.front().location == "r-sig");
}

TEST_CASE("the matching share: exactly 10% passes, one cent less is an error",
          "[rules][grant][caps]") {
  CHECK(count(check_proposal(with_table_c({{1, "20000.00", "2000.00"}})), "GRANT-MATCH-MIN") == 0);
  const auto short_match = check_proposal(with_table_c({{1, "20000.00", "1999.99"}}));
  CHECK(count(short_match, "GRANT-MATCH-MIN") == 1);
  CHECK(message(short_match, "GRANT-MATCH-MIN") ==
        "The matching share, $1,999.99, is 10.00% of the grant; at least 10% ($2,000.00) is "
        "required.");
  // 10 × M ≥ G on cents: a grant of $20,000.01 needs $2,000.01.
  CHECK(count(check_proposal(with_table_c({{1, "20000.01", "2000.00"}})), "GRANT-MATCH-MIN") == 1);
  CHECK(figure(check_proposal(with_table_c({{1, "20000.01", "2000.01"}})), "matching-minimum") ==
        "2000.01");
}

TEST_CASE("equipment: exactly 50% of the grant passes, one cent more is an error",
          "[rules][grant][caps]") {
  CHECK(count(check_proposal(with_table_c({{1, "10000.00", "2000.00"}, {7, "10000.00"}})),
              "GRANT-EQUIPMENT-CAP") == 0);
  const auto over = check_proposal(with_table_c({{1, "9999.99", "2000.00"}, {7, "10000.01"}}));
  CHECK(count(over, "GRANT-EQUIPMENT-CAP") == 1);
  CHECK(message(over, "GRANT-EQUIPMENT-CAP") ==
        "Equipment from grant funds, $10,000.01, is 50.00% of the grant; the limit is 50% "
        "($10,000.00).");
  // Matching equipment is the grantee's own money (I-1).
  CHECK(
      count(check_proposal(with_table_c({{1, "10000.00", "2000.00"}, {7, "10000.00", "50000.00"}})),
            "GRANT-EQUIPMENT-CAP") == 0);
}

TEST_CASE("contractual: exactly 20% passes, one cent more is an error unless approved",
          "[rules][grant][caps]") {
  GrantProposal at_limit = with_table_c({{1, "16000.00", "2000.00"}, {8, "4000.00"}});
  GrantProposal over = with_table_c({{1, "15999.99", "2000.00"}, {8, "4000.01"}});
  CHECK(count(check_proposal(at_limit), "GRANT-CONTRACTUAL-CAP") == 0);
  CHECK(count(check_proposal(over), "GRANT-CONTRACTUAL-CAP") == 1);
  CHECK(count(check_proposal(over), "GRANT-CONTRACTUAL-CAP-APPROVED") == 0);

  // With the project manager's approval recorded, the excess is a warning to confirm.
  for (GrantProposal* proposal : {&at_limit, &over})
    proposal->approvals.emplace().subcontracting_over_20_percent =
        present(std::string("PM letter 2004-05-01"), "approval");
  CHECK(count(check_proposal(at_limit), "GRANT-CONTRACTUAL-CAP-APPROVED") == 0);
  const auto approved = check_proposal(over);
  CHECK(count(approved, "GRANT-CONTRACTUAL-CAP") == 0);
  CHECK(count(approved, "GRANT-CONTRACTUAL-CAP-APPROVED") == 1);
  CHECK(message(approved, "GRANT-CONTRACTUAL-CAP-APPROVED") ==
        "Contractual costs, $4,000.01, exceed 20% of the grant ($4,000.00); approval \"PM letter "
        "2004-05-01\" is recorded — confirm it covers this amount.");
}

TEST_CASE("other costs: exactly 20% passes, one cent more is an error", "[rules][grant][caps]") {
  CHECK(count(check_proposal(with_table_c({{1, "16000.00", "2000.00"}, {9, "4000.00"}})),
              "GRANT-OTHER-CAP") == 0);
  CHECK(count(check_proposal(with_table_c({{1, "15999.99", "2000.00"}, {9, "4000.01"}})),
              "GRANT-OTHER-CAP") == 1);
}

TEST_CASE("caps use the fiscal year's percentages", "[rules][grant][caps]") {
  model::GrantParameters parameters;
  parameters.equipment_cap_percent = percent("40");
  const GrantProposal proposal = with_table_c({{1, "11999.99", "2000.00"}, {7, "8000.01"}});
  CHECK(count(check_proposal(proposal), "GRANT-EQUIPMENT-CAP") == 0);
  const auto outcome = check_proposal(proposal, parameters);
  CHECK(count(outcome, "GRANT-EQUIPMENT-CAP") == 1);
  CHECK(figure(outcome, "equipment-maximum") == "8000.00");
}

namespace {

// Table C: grant $50,000.00 and matching $10,000.00 (T = $60,000.00); Table D: one lumped
// administrative line of `lump` in Other.
GrantProposal with_administrative_lump(const char* lump) {
  GrantProposal proposal = with_table_c({{1, "50000.00"}, {9, nullptr, "10000.00"}});
  model::TableD& table = proposal.table_d.emplace();
  table.location = "cet-grant-proposal/table-d";
  auto& other = table.other.emplace(table_d_section(9, "other"));
  auto line = table_d_line(TableDRow::AdministrativeCosts, Funding::Matching, lump);
  line.items.push_back(present(std::string("Project office rent")));
  other.lines.push_back(line);
  return proposal;
}

}  // namespace

TEST_CASE("lumped administrative costs: exactly 20% of the remainder passes, a cent more fails",
          "[rules][grant][caps]") {
  // L ≤ (T − L) ÷ 5: $10,000.00 ≤ $50,000.00 ÷ 5.
  const auto at_limit = check_proposal(with_administrative_lump("10000.00"));
  CHECK(count(at_limit, "GRANT-ADMIN-LUMP-CAP") == 0);
  CHECK(figure(at_limit, "administrative-lump-total") == "10000.00");
  CHECK(figure(at_limit, "remaining-expenditures") == "50000.00");
  CHECK(figure(at_limit, "administrative-lump-maximum") == "10000.00");
  const auto over = check_proposal(with_administrative_lump("10000.01"));
  CHECK(count(over, "GRANT-ADMIN-LUMP-CAP") == 1);
  CHECK(message(over, "GRANT-ADMIN-LUMP-CAP") ==
        "Lumped administrative costs, $10,000.01, exceed 20% of the remaining project "
        "expenditures $49,999.99; the limit is $9,999.99.");
}

TEST_CASE("a lumped administrative cost names its items", "[rules][grant]") {
  GrantProposal proposal = with_administrative_lump("1000.00");
  CHECK(count(check_proposal(proposal), "GRANT-ADMIN-LUMP-ITEMS") == 0);
  proposal.table_d->other->lines[0].items = {core::Field<std::string>{}};  // <item/> is absent
  const auto outcome = check_proposal(proposal);
  CHECK(count(outcome, "GRANT-ADMIN-LUMP-ITEMS") == 1);
}

TEST_CASE("every Other line says what it is", "[rules][grant]") {
  GrantProposal proposal = with_table_c({{1, "1000.00", "100.00"}});
  auto& other = proposal.table_d.emplace().other.emplace(table_d_section(9, "other"));
  other.lines.push_back(table_d_line(TableDRow::Line, Funding::Grant, "250.00", "other/line[1]"));
  other.lines.push_back(table_d_line(TableDRow::Line, Funding::Grant, "50.00", "other/line[2]"));
  other.lines[1].specify = present(std::string("Liability insurance"));
  const auto outcome = check_proposal(proposal);
  CHECK(count(outcome, "GRANT-INDIRECT-BROKEN-OUT") == 1);
  CHECK(message(outcome, "GRANT-INDIRECT-BROKEN-OUT") ==
        "An \"Other\" cost of $250.00 does not say what it is; indirect and overhead costs must "
        "be broken out.");
}

TEST_CASE("the budget figures of GRANT-BUDGET-TOTALS", "[rules][grant][figures]") {
  GrantProposal proposal = with_table_c({{1, "43200.00", "5400.00"},
                                         {2, "5704.80", "413.10"},
                                         {3, "2155.50"},
                                         {4, "540.00", "1800.00"},
                                         {5, "970.00"},
                                         {6, "2900.00"},
                                         {7, "2400.00"},
                                         {8, "4000.00"},
                                         {9, "1500.00", "1200.00"}});
  auto& income = proposal.program_income.emplace();
  income.fees.resize(2);
  income.fees[0].expected_income = present(money("1000.00"));
  income.fees[1].expected_income = present(money("600.00"));
  const auto outcome = check_proposal(proposal);
  CHECK(count(outcome, "GRANT-BUDGET-TOTALS") == 1);
  CHECK(message(outcome, "GRANT-BUDGET-TOTALS") ==
        "Grant $63,370.30, matching $8,813.10 (13.91%), total budget $72,183.40.");
  const std::pair<const char*, const char*> expected[] = {
      {"grant-total", "63370.30"},         {"matching-total", "8813.10"},
      {"budget-total", "72183.40"},        {"matching-minimum", "6337.03"},
      {"matching-percent", "13.91"},       {"equipment-grant", "2400.00"},
      {"equipment-percent", "3.79"},       {"equipment-maximum", "31685.15"},
      {"contractual-grant", "4000.00"},    {"contractual-percent", "6.31"},
      {"contractual-maximum", "12674.06"}, {"other-grant", "1500.00"},
      {"other-percent", "2.37"},           {"other-maximum", "12674.06"},
      {"award-maximum", "85000.00"},       {"program-income-total", "1600.00"},
  };
  for (const auto& [key, value] : expected) {
    CAPTURE(key);
    CHECK(figure(outcome, key) == value);
  }
  // No Table D administrative costs: no lump figures.
  CHECK(figure(outcome, "administrative-lump-total") == "(absent)");
}

TEST_CASE("with no grant requested the percentage figures are omitted", "[rules][grant][figures]") {
  const auto outcome = check_proposal(with_table_c({{1, nullptr, "100.00"}}));
  CHECK(figure(outcome, "grant-total") == "0.00");
  CHECK(figure(outcome, "matching-percent") == "(absent)");
  CHECK(figure(outcome, "equipment-percent") == "(absent)");
  CHECK(message(outcome, "GRANT-BUDGET-TOTALS") ==
        "Grant $0.00, matching $100.00, total budget $100.00.");
}

TEST_CASE("a rejected Table C grant amount stops the rules that need G", "[rules][grant]") {
  GrantProposal proposal = with_table_c({{1, "90000.00"}, {7, "60000.00"}});
  proposal.table_c->categories[0].grant->total_funds = rejected<core::Money>("90,000");
  const auto outcome = check_proposal(proposal);
  for (const char* rule :
       {"GRANT-AWARD-MAX", "GRANT-MATCH-MIN", "GRANT-EQUIPMENT-CAP", "TABLEC-GRANT-POSITIVE"}) {
    CAPTURE(rule);
    CHECK(count(outcome, rule) == 0);
  }
  // The summary still says what is known (I-45): the matching column.
  CHECK(message(outcome, "GRANT-BUDGET-TOTALS") ==
        "Grant unknown, matching $0.00, total budget unknown.");
  CHECK(figure(outcome, "matching-total") == "0.00");
  CHECK(figure(outcome, "grant-total") == "(absent)");
}

// ---- completeness --------------------------------------------------------------------------

TEST_CASE("a proposal lacking its parts gets one finding per missing part",
          "[rules][grant][completeness]") {
  GrantProposal proposal;
  proposal.location = "cet-grant-proposal";
  const auto outcome = check_proposal(proposal);
  CHECK(count(outcome, "GRANT-PARTS-COMPLETE") == 7);
  CHECK(count(outcome, "GRANT-KEY-ADMINISTRATOR") == 1);
  CHECK(count(outcome, "GRANT-ADVISORY-COMMITTEE") == 1);
  CHECK(count(outcome, "GRANT-NONPROFIT") == 1);
  CHECK(count(outcome, "GRANT-EVALUATION-COMMITMENT") == 1);
  CHECK(count(outcome, "GRANT-IMMEDIATE-START-EVIDENCE") == 1);
  CHECK(count(outcome, "GRANT-ACTIVITY-EMPHASIS") == 1);
  CHECK(count(outcome, "GRANT-PARALLEL-DISCLOSURE") == 1);
  CHECK(count(outcome, "GRANT-APPLICANT-CATEGORY-INFO") == 1);
  CHECK(message(outcome, "GRANT-APPLICANT-CATEGORY-INFO") ==
        "The applicant states no funding category; the department assigns one (§I-3).");
  // Stage-proposal rules do not run on a close-out or revision.
  for (const GrantStage stage : {GrantStage::Revision, GrantStage::Closeout}) {
    const auto later = check_proposal(at_stage(proposal, stage));
    CHECK(count(later, "GRANT-PARTS-COMPLETE") == 0);
    CHECK(count(later, "GRANT-NONPROFIT") == 0);
    CHECK(count(later, "GRANT-APPLICANT-CATEGORY-INFO") == 0);
  }
  // A rejected stage is unknown: no stage-specific rule runs.
  proposal.stage = rejected<GrantStage>("draft");
  CHECK(count(check_proposal(proposal), "GRANT-PARTS-COMPLETE") == 0);
}

TEST_CASE("the narrative has its sections and Project Design its parts",
          "[rules][grant][completeness]") {
  GrantProposal proposal;
  auto& narrative = proposal.proposal_narrative.emplace();
  narrative.location = "cet-grant-proposal/proposal-narrative";
  narrative.problem_addressed = present(model::Narrative{"Falls.", ""});
  auto& design = narrative.project_design.emplace();
  design.activities_to_be_funded = present(std::vector<std::string>{"training"});
  // A project-design with no narrative part counts as absent (formats.md §3.6).
  auto outcome = check_proposal(proposal);
  CHECK(count(outcome, "GRANT-NARRATIVE-SECTIONS") == 2);
  CHECK(count(outcome, "GRANT-DESIGN-SUBSECTIONS") == 0);
  design.project_summary = present(model::Narrative{"", "narrative.pdf"});
  outcome = check_proposal(proposal);
  CHECK(count(outcome, "GRANT-NARRATIVE-SECTIONS") == 1);  // project-management
  CHECK(count(outcome, "GRANT-DESIGN-SUBSECTIONS") == 2);  // sponsor, innovation
  CHECK(message(outcome, "GRANT-NARRATIVE-SECTIONS") ==
        "The proposal narrative has no \"Project Management\" section.");
}

TEST_CASE("the project summary: two pages pass, three are a warning", "[rules][grant]") {
  GrantProposal proposal;
  auto& design = proposal.proposal_narrative.emplace().project_design.emplace();
  design.project_summary = present(model::Narrative{"", "p.pdf"});
  design.project_summary_pages = present<std::int64_t>(2);
  CHECK(count(check_proposal(proposal), "GRANT-SUMMARY-LENGTH") == 0);
  design.project_summary_pages = present<std::int64_t>(3);
  const auto outcome = check_proposal(at_stage(proposal, GrantStage::Revision));  // any stage
  CHECK(count(outcome, "GRANT-SUMMARY-LENGTH") == 1);
  CHECK(message(outcome, "GRANT-SUMMARY-LENGTH") ==
        "The project summary is 3 pages; the maximum is 2.");
}

TEST_CASE("the signature sheet has every field", "[rules][grant][completeness]") {
  GrantProposal proposal;
  auto& sheet = proposal.signature_sheet.emplace();
  sheet.location = "cet-grant-proposal/signature-sheet";
  auto outcome = check_proposal(proposal);
  CHECK(count(outcome, "GRANT-SIGNATURE-SHEET") == 11);  // ten fields and the certification
  auto& certification = sheet.certification_and_signature.emplace();
  certification.title = present(std::string("Executive Director"));
  sheet.state = rejected<std::string>("Mich.");  // FORMAT-TYPE's, not missing
  outcome = check_proposal(proposal);
  CHECK(count(outcome, "GRANT-SIGNATURE-SHEET") == 11);  // 9 fields + signature and date
}

TEST_CASE("participating organizations sign the statement of affiliation", "[rules][grant]") {
  GrantProposal proposal;
  auto& organizations =
      proposal.applicant.emplace().participating_organizations.emplace().organizations;
  organizations.push_back(present(std::string("Asociación de Trabajadores Agrícolas"), "org[1]"));
  organizations.push_back(present(std::string("Capital Area Technical College"), "org[2]"));
  auto& signers = proposal.signature_sheet.emplace().statement_of_affiliation.emplace().signers;
  signers.emplace_back().organization = present(text::nfc("ASOCIACIÓN  de trabajadores agrícolas"));
  const auto outcome = check_proposal(proposal);
  CHECK(count(outcome, "GRANT-AFFILIATION") == 1);
  CHECK(message(outcome, "GRANT-AFFILIATION") ==
        "Participating organization \"Capital Area Technical College\" has not signed the "
        "statement of affiliation.");
}

namespace {

model::Person person(const char* name, const char* roles, bool resume, bool salary) {
  model::Person p;
  p.location = std::string("person ") + name;
  p.name = present(std::string(name));
  p.position = present(std::string("Instructor"));
  std::vector<std::string> list;
  std::string role;
  for (const char* c = roles;; ++c) {
    if (*c == ' ' || *c == '\0') {
      if (!role.empty()) list.push_back(role);
      role.clear();
      if (*c == '\0') break;
    } else {
      role += *c;
    }
  }
  p.role = present(list);
  p.resume = present(resume);
  if (salary) p.institutional_base_salary = present(money("52000.00"));
  return p;
}

}  // namespace

TEST_CASE("key personnel: an administrator with a resume, resumes, base salaries",
          "[rules][grant][personnel]") {
  GrantProposal proposal;
  auto& persons = proposal.key_personnel.emplace().persons;
  persons.push_back(person("Dana Whitfield", "administration-coordination", false, true));
  persons.push_back(person("Kofi Mensah", "instruction", true, false));
  auto outcome = check_proposal(proposal);
  CHECK(count(outcome, "GRANT-KEY-ADMINISTRATOR") == 1);
  CHECK(count(outcome, "GRANT-KEY-RESUMES") == 1);
  CHECK(message(outcome, "GRANT-KEY-RESUMES") ==
        "Key person Dana Whitfield (Instructor) has no resume attached.");
  CHECK(count(outcome, "GRANT-BASE-SALARY") == 1);
  CHECK(message(outcome, "GRANT-BASE-SALARY") ==
        "Key person Kofi Mensah (Instructor) does not disclose an institutional base salary.");

  persons[0].resume = present(true);
  persons[1].institutional_base_salary = rejected<core::Money>("52k");  // FORMAT-TYPE's
  outcome = check_proposal(proposal);
  CHECK(count(outcome, "GRANT-KEY-ADMINISTRATOR") == 0);
  CHECK(count(outcome, "GRANT-KEY-RESUMES") == 0);
  CHECK(count(outcome, "GRANT-BASE-SALARY") == 0);

  // A resume left out means no; base salaries are checked at every stage.
  persons[1].resume = core::Field<bool>{};
  persons[1].institutional_base_salary = core::Field<core::Money>{};
  outcome = check_proposal(at_stage(proposal, GrantStage::Revision));
  CHECK(count(outcome, "GRANT-KEY-RESUMES") == 0);  // stage proposal only
  CHECK(count(outcome, "GRANT-BASE-SALARY") == 1);
  CHECK(count(check_proposal(proposal), "GRANT-KEY-RESUMES") == 1);
}

TEST_CASE("eligibility: nonprofit, its evidence and the two commitments", "[rules][grant]") {
  GrantProposal proposal;
  auto& applicant = proposal.applicant.emplace();
  auto& commitments = proposal.commitments.emplace();
  applicant.nonprofit = present(false, "nonprofit");
  commitments.evaluation_cooperation = present(false);
  commitments.start_within_four_weeks = rejected<bool>("soon");
  auto outcome = check_proposal(proposal);
  CHECK(count(outcome, "GRANT-NONPROFIT") == 1);
  CHECK(count(outcome, "GRANT-NONPROFIT-EVIDENCE-INFO") == 0);
  CHECK(count(outcome, "GRANT-EVALUATION-COMMITMENT") == 1);
  CHECK(count(outcome, "GRANT-IMMEDIATE-START-EVIDENCE") == 0);  // rejected: FORMAT-TYPE's

  applicant.nonprofit = present(true);
  commitments.evaluation_cooperation = present(true);
  commitments.start_within_four_weeks = present(true);
  outcome = check_proposal(proposal);
  CHECK(count(outcome, "GRANT-NONPROFIT") == 0);
  CHECK(count(outcome, "GRANT-NONPROFIT-EVIDENCE-INFO") == 1);
  CHECK(count(outcome, "GRANT-EVALUATION-COMMITMENT") == 0);
  CHECK(count(outcome, "GRANT-IMMEDIATE-START-EVIDENCE") == 0);
  applicant.nonprofit_evidence = present(std::string("IRS 501(c)(3) letter, 1998"));
  CHECK(count(check_proposal(proposal), "GRANT-NONPROFIT-EVIDENCE-INFO") == 0);
}

namespace {

GrantProposal received_at(const char* datetime) {
  GrantProposal proposal;
  const auto local = core::parse_datetime(datetime);
  REQUIRE(local);
  const core::Instant instant = local->offset_minutes
                                    ? core::instant_with_offset(*local, *local->offset_minutes)
                                    : text::michigan_local_to_instant(*local);
  proposal.received = present(model::Received{*local, instant}, "cet-grant-proposal/received");
  return proposal;
}

}  // namespace

TEST_CASE("the deadline: 5 p.m. Michigan time passes, a second later is an error",
          "[rules][grant][deadline]") {
  CHECK(count(check_proposal(received_at("2004-05-21T17:00")), "GRANT-DEADLINE") == 0);
  CHECK(count(check_proposal(received_at("2004-05-21T21:00Z")), "GRANT-DEADLINE") == 0);
  const auto late = check_proposal(received_at("2004-05-21T17:00:01"));
  CHECK(count(late, "GRANT-DEADLINE") == 1);
  CHECK(message(late, "GRANT-DEADLINE") ==
        "The proposal was received 2004-05-21T17:00:01, after the deadline of 5 p.m. Friday "
        "2004-05-21.");
  CHECK(count(check_proposal(received_at("2004-05-21T17:30-04:00")), "GRANT-DEADLINE") == 1);
  // Another fiscal year's proposal is not judged against the 2004-2005 deadline.
  GrantProposal other_year = received_at("2005-05-21T17:45");
  other_year.fiscal_year = present(model::FiscalYear{2005});
  CHECK(count(check_proposal(other_year), "GRANT-DEADLINE") == 0);
  CHECK(count(check_proposal(received_at("2005-05-21T17:45")), "GRANT-DEADLINE") == 1);
}

TEST_CASE("the activity emphasis: one or two distinct activities", "[rules][grant]") {
  GrantProposal proposal;
  auto& design = proposal.proposal_narrative.emplace().project_design.emplace();
  const auto with = [&](std::vector<std::string> activities) {
    design.activities_to_be_funded = present(activities);
    return count(check_proposal(proposal), "GRANT-ACTIVITY-EMPHASIS");
  };
  CHECK(with({"training"}) == 0);
  CHECK(with({"training", "services", "training"}) == 0);
  CHECK(with({"training", "services", "limited-research"}) == 1);
  CHECK(message(check_proposal(proposal), "GRANT-ACTIVITY-EMPHASIS") ==
        "The proposal should emphasise one or two of training, services and limited research; "
        "it names training, services, limited-research.");
  design.activities_to_be_funded = rejected<std::vector<std::string>>("training research");
  CHECK(count(check_proposal(proposal), "GRANT-ACTIVITY-EMPHASIS") == 0);
}

TEST_CASE("applicant category, consecutive cycles and parallel projects", "[rules][grant]") {
  GrantProposal proposal;
  auto& applicant = proposal.applicant.emplace();
  applicant.applicant_category = present(std::string("labor-employee"));
  applicant.consecutive_prior_cycles = present<std::int64_t>(4);
  applicant.parallel_projects.emplace().none = present(true);
  auto outcome = check_proposal(proposal);
  CHECK(figure(outcome, "applicant-category") == "labor-employee");
  CHECK(message(outcome, "GRANT-APPLICANT-CATEGORY-INFO") ==
        "Funding category stated by the applicant: labor-employee.");
  CHECK(count(outcome, "GRANT-CONSECUTIVE-CYCLES") == 0);
  CHECK(count(outcome, "GRANT-PARALLEL-DISCLOSURE") == 0);

  applicant.consecutive_prior_cycles = present<std::int64_t>(5);
  applicant.parallel_projects->none = present(false);
  outcome = check_proposal(proposal);
  CHECK(count(outcome, "GRANT-CONSECUTIVE-CYCLES") == 1);
  CHECK(count(outcome, "GRANT-PARALLEL-DISCLOSURE") == 1);
  applicant.parallel_projects->projects.push_back(present(std::string("Fire-safety workshops")));
  CHECK(count(check_proposal(proposal), "GRANT-PARALLEL-DISCLOSURE") == 0);
}

// ---- program income, fees, uses of funds ---------------------------------------------------

namespace {

model::Fee fee(const char* description, model::FeePurpose purpose, const char* income) {
  model::Fee f;
  f.location = std::string("fee ") + description;
  f.description = present(std::string(description), f.location + "/description");
  f.purpose = present(purpose);
  f.expected_income = present(money(income));
  return f;
}

}  // namespace

TEST_CASE("program income is applied to project expenses; fees are approved and limited",
          "[rules][grant][fees]") {
  GrantProposal proposal;
  auto& income = proposal.program_income.emplace();
  income.fees.push_back(fee("Room rental share", model::FeePurpose::FacilityRental, "0.00"));
  income.applied_to_project_expenses = present(false);
  auto outcome = check_proposal(proposal);
  CHECK(count(outcome, "GRANT-PROGRAM-INCOME-APPLIED") == 0);  // no income expected
  CHECK(count(outcome, "GRANT-FEE-APPROVAL") == 1);

  income.fees.push_back(fee("Instructor salary", model::FeePurpose::KeyPersonnel, "1600.00"));
  income.fees.push_back(fee("Parking", model::FeePurpose::Other, "50.00"));
  income.fees[0].prior_approval = present(std::string("CET letter 2004-04-02"));
  outcome = check_proposal(proposal);
  CHECK(count(outcome, "GRANT-PROGRAM-INCOME-APPLIED") == 1);
  CHECK(message(outcome, "GRANT-PROGRAM-INCOME-APPLIED") ==
        "Program income of $1,650.00 must be applied to project expenses before grant funds.");
  CHECK(count(outcome, "GRANT-FEE-APPROVAL") == 2);
  CHECK(count(outcome, "GRANT-FEE-KEY-PERSONNEL") == 1);
  CHECK(count(outcome, "GRANT-FEE-PURPOSE") == 1);  // key-personnel is the error's
  CHECK(message(outcome, "GRANT-FEE-PURPOSE") ==
        "Fee \"Parking\" is for a purpose other than facility rental, meals or training "
        "material.");
  income.applied_to_project_expenses = present(true);
  CHECK(count(check_proposal(proposal), "GRANT-PROGRAM-INCOME-APPLIED") == 0);
}

TEST_CASE("lost-time wages only as in-kind matching", "[rules][grant]") {
  GrantProposal proposal;
  auto& wages =
      proposal.table_d.emplace().wages_salaries.emplace(table_d_section(1, "wages-salaries"));
  const auto lost_time = [](Funding funding, bool in_kind) {
    auto line = table_d_line(TableDRow::Line, funding, "3000.00");
    line.position = present(std::string("Trainee wages"));
    line.lost_time = present(true);
    line.in_kind = present(in_kind);
    return line;
  };
  wages.lines = {lost_time(Funding::Grant, true), lost_time(Funding::Matching, false),
                 lost_time(Funding::Matching, true)};
  const auto outcome = check_proposal(proposal);
  CHECK(count(outcome, "GRANT-LOST-TIME-WAGES") == 2);
  CHECK(message(outcome, "GRANT-LOST-TIME-WAGES") ==
        "Lost-time wages \"Trainee wages\" ($3,000.00) may not be paid from grant funds; show "
        "them as in-kind matching.");
}

TEST_CASE("texts that look like lobbying or a membership drive are flagged",
          "[rules][grant][phrases]") {
  GrantProposal proposal;
  auto& table_a = proposal.table_a.emplace();
  table_a.training_programs.emplace_back().title_of_training_program =
      present(std::string("LOBBYING the Legislature on fall protection"), "title");
  table_a.service_activities.emplace_back().description =
      present(std::string("Hazard walk-throughs"), "description");
  proposal.table_b.emplace().activities.emplace_back().name =
      present(std::string("Membership\n  Drive"), "activity");
  auto& other = proposal.table_d.emplace().other.emplace(table_d_section(9, "other"));
  auto line = table_d_line(TableDRow::AdministrativeCosts, Funding::Grant, "10.00");
  line.items.push_back(present(std::string("Recruiting members at the fair"), "item"));
  other.lines.push_back(line);
  auto& income = proposal.program_income.emplace();
  income.fees.push_back(fee("Hotel lobby rental", model::FeePurpose::FacilityRental, "1.00"));
  const auto outcome = check_proposal(proposal);
  std::vector<std::string> where;
  for (const auto& finding : outcome.findings)
    if (finding.rule == "GRANT-PROHIBITED-USE") where.push_back(finding.location);
  // A substring test: "Hotel lobby" is flagged too, for the reviewer (I-41).
  CHECK(where == std::vector<std::string>{"title", "activity", "item",
                                          "fee Hotel lobby rental/description"});
}

namespace {

model::TableDLine equipment(const char* cost, std::optional<std::int64_t> life,
                            Funding funding = Funding::Grant) {
  auto line = table_d_line(TableDRow::Purchase, funding, cost);
  line.type_of_equipment = present(std::string("Trailer"));
  line.cost_per_item = present(money(cost));
  line.total_units = present(quantity("1"));
  if (life) line.life_span_months = present(*life);
  return line;
}

int prior_approvals(const model::TableDLine& line) {
  GrantProposal proposal;
  proposal.table_d.emplace().equipment.emplace(table_d_section(7, "equipment")).lines = {line};
  return count(check_proposal(proposal), "GRANT-EQUIPMENT-PRIOR-APPROVAL");
}

}  // namespace

TEST_CASE("equipment of $1,000.00 or more lasting 24 months or more needs prior approval",
          "[rules][grant][equipment]") {
  CHECK(prior_approvals(equipment("1000.00", 24)) == 1);
  CHECK(prior_approvals(equipment("999.99", 120)) == 0);
  CHECK(prior_approvals(equipment("1000.00", 23)) == 0);
  CHECK(prior_approvals(equipment("1000.00", std::nullopt)) == 1);  // unknown life counts (I-37)
  CHECK(prior_approvals(equipment("5000.00", 60, Funding::Matching)) == 0);
  auto approved = equipment("5000.00", 60);
  approved.prior_approval = present(std::string("PM letter 2004-09-20"));
  CHECK(prior_approvals(approved) == 0);
  auto rental = equipment("1200.00", 36);
  rental.row = TableDRow::Rental;
  rental.type_of_rental = present(std::string("Scissor lift"));
  CHECK(prior_approvals(rental) == 1);
}

TEST_CASE("equipment needing approval has three bids or an explanation",
          "[rules][grant][equipment]") {
  GrantProposal proposal;
  auto& lines = proposal.table_d.emplace().equipment.emplace(table_d_section(7, "equipment")).lines;
  lines = {equipment("38000.00", 120), equipment("38000.00", 120), equipment("38000.00", 120),
           equipment("900.00", 120)};
  lines[0].bids = present<std::int64_t>(1);
  lines[1].bids = present<std::int64_t>(3);
  lines[2].bid_explanation = present(std::string("Single manufacturer"));
  const auto outcome = check_proposal(proposal);
  CHECK(count(outcome, "GRANT-EQUIPMENT-BIDS") == 1);
  CHECK(message(outcome, "GRANT-EQUIPMENT-BIDS") ==
        "\"Trailer\" has 1 bid(s); the request needs three bids or an explanation.");
  CHECK(message(outcome, "GRANT-EQUIPMENT-PRIOR-APPROVAL") ==
        "\"Trailer\" costs $38,000.00 an item with a life of 120 months; purchase, lease or "
        "rental needs the project manager's prior approval.");
}

// ---- priority audience ---------------------------------------------------------------------

TEST_CASE("audience NAICS codes match Appendix B by longest prefix", "[rules][grant][audience]") {
  GrantProposal proposal;
  auto& audience = proposal.target_audience.emplace();
  for (const char* code :
       {"236115", "113310", "115210", "811411", "8112", "62", "445110", "1451", "484"})
    audience.naics.push_back(present(std::string(code)));
  audience.naics.push_back(rejected<std::string>("23A"));
  audience.serves = present(std::string("employers"));
  auto outcome = check_proposal(proposal);
  CHECK(figure(outcome, "priority-naics") == "236115 115210 811411 62 445110 484");
  CHECK(figure(outcome, "priority-ranks") == "15.5 18.3 13 15.5 21.3 10.5");
  CHECK(figure(outcome, "serves") == "employers");
  CHECK(figure(outcome, "small-establishments") == "(absent)");

  audience.naics = {present(std::string("113310"))};
  audience.small_establishments = present(false);
  outcome = check_proposal(proposal);
  CHECK(figure(outcome, "priority-naics") == "");
  CHECK(figure(outcome, "priority-ranks") == "");
  CHECK(message(outcome, "GRANT-PRIORITY-AUDIENCE") ==
        "Audience industries on the hazard ranking list: none; serves employers; mainly small "
        "establishments: no.");

  audience.naics.clear();
  outcome = check_proposal(proposal);
  CHECK(count(outcome, "GRANT-PRIORITY-AUDIENCE") == 1);
  CHECK(figure(outcome, "priority-naics") == "(absent)");
}
