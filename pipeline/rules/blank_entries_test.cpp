// A list entry holding only white space is not an entry (formats.md §2, rules.md I-44): every
// repeated value element of every form kind, in XML and in its CSV twin, through ingest and the
// rules that read the list.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

#include "pipeline/rules/report_test_support.hpp"

using pipeline::rules::testing::check_xml;
using pipeline::rules::testing::Checked;
using namespace pipeline;

namespace {

std::string sample_text(const std::string& name) {
  std::ifstream in(samples::path(name), std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// `text` with the part from `from` up to and including `to` replaced by `with`.
std::string replaced(const std::string& text, const std::string& from, const std::string& to,
                     const std::string& with) {
  const auto start = text.find(from);
  REQUIRE(start != std::string::npos);
  const auto end = text.find(to, start);
  REQUIRE(end != std::string::npos);
  return text.substr(0, start) + with + text.substr(end + to.size());
}

template <class Model>
const Model& form_of(const ingest::Ingested& in) {
  REQUIRE(in.submission);
  REQUIRE(std::holds_alternative<Model>(in.submission->form));
  return std::get<Model>(in.submission->form);
}

ingest::Ingested read_xml(const std::string& xml) {
  return ingest::ingest_xml(xml, "test.xml", {});
}

const char* const kBlank = " \t\n  ";

}  // namespace

TEST_CASE(
    "agreement lists: blank hazards, issues, items, criteria, objectives and means are "
    "no entries",
    "[rules][agreement][blank]") {
  const std::string calosha = sample_text("alliance-agreement.calosha-renewal.valid.xml");
  const std::string blank = kBlank;
  struct Case {
    const char* list;
    std::string from, to, with;
    const char* rule;
  };
  const Case cases[] = {
      {"hazards and issues", "<hazards>", "</issues>",
       "<hazards><hazard>" + blank + "</hazard></hazards><issues><issue/></issues>",
       "AGREEMENT-HAZARDS-REVIEW"},
      {"work-plan", "<work-plan>", "</work-plan>",
       "<work-plan><item>" + blank + "</item><item></item></work-plan>", "AGREEMENT-WORK-PLAN"},
      {"criteria-addressed", "<criteria-addressed>", "</criteria-addressed>",
       "<criteria-addressed><criterion code=\"2\">" + blank + "</criterion></criteria-addressed>",
       "AGREEMENT-STATE-CRITERIA-REQUIRED"},
      {"objectives", "<raising-awareness>", "</training-and-education>",
       "<raising-awareness><objective measurable=\"yes\">" + blank +
           "</objective></raising-awareness><training-and-education><objective "
           "measurable=\"yes\"/></training-and-education>",
       "AGREEMENT-GOALS-PRESENT"},
      {"worker-representation", "<worker-representation>", "</worker-representation>",
       "<worker-representation><means detail=\"organizers\">" + blank +
           "</means></worker-representation>",
       "AGREEMENT-WORKER-REP"},
  };
  CHECK(check_xml(calosha).problems().empty());
  for (const Case& c : cases) {
    CAPTURE(c.list);
    const Checked result = check_xml(replaced(calosha, c.from, c.to, c.with));
    CHECK(result.count(c.rule) == 1);
    CHECK(result.count("FORMAT-REQUIRED") == 0);
    CHECK(result.count("FORMAT-TYPE") == 0);
  }
  // Blank entries among real ones are left out; the real ones keep their indexes.
  const auto in = read_xml(replaced(calosha, "<hazards>", "</hazards>",
                                    "<hazards><hazard> </hazard><hazard>heat illness</hazard>"
                                    "</hazards>"));
  const auto& agreement = form_of<model::AllianceAgreement>(in);
  REQUIRE(agreement.hazards.rows.size() == 1);
  CHECK(agreement.hazards.rows[0].location.str() == "alliance-agreement/hazards/hazard[2]");
}

TEST_CASE("agreement history and clearances: blank renewal dates and clearances are no entries",
          "[rules][agreement][blank]") {
  // An OSHA Ambassador without an earlier renewal: a blank renewal date does not make one.
  const std::string ambassador =
      sample_text("alliance-agreement.warning.osha-ambassador-without-renewal.xml");
  CHECK(check_xml(ambassador).count("AGREEMENT-AMBASSADOR-NO-RENEWAL") == 1);
  const std::string with_blank =
      replaced(ambassador, "<history>", "<history>",
               "<history><renewal-signing-date> </renewal-signing-date>");
  const Checked blank_renewal = check_xml(with_blank);
  CHECK(blank_renewal.count("AGREEMENT-AMBASSADOR-NO-RENEWAL") == 1);
  CHECK(blank_renewal.count("FORMAT-TYPE") == 0);
  CHECK(form_of<model::AllianceAgreement>(read_xml(with_blank))
            .history.renewal_signing_dates.empty());

  const std::string national = sample_text("alliance-agreement.osha-national.valid.xml");
  const auto in = read_xml(replaced(national, "<clearances>", "</clearances>",
                                    "<clearances><clearance> </clearance></clearances>"));
  CHECK(form_of<model::AllianceAgreement>(in).clearances.rows.empty());
  CHECK(in.findings.empty());
}

TEST_CASE("annual report lists: blank milestones and work-plan items are no entries (XML)",
          "[rules][annual][blank]") {
  const std::string miosha = sample_text("alliance-annual-report.valid.xml");
  const Checked milestones =
      check_xml(replaced(miosha, "<upcoming-milestones>", "</upcoming-milestones>",
                         "<upcoming-milestones><milestone>  </milestone><milestone/>"
                         "</upcoming-milestones>"));
  CHECK(milestones.locations("ANNUAL-SECTIONS") ==
        std::vector<std::string>{"alliance-annual-report/upcoming-milestones"});

  const std::string calosha =
      sample_text("alliance-annual-report.invalid.calosha-missing-work-plan-few-meetings.xml");
  CHECK(check_xml(calosha).count("ANNUAL-STATE-CONTENT") == 2);
  const Checked work_plan =
      check_xml(replaced(calosha, "<upcoming-milestones>", "<upcoming-milestones>",
                         "<work-plan><item>\n  </item></work-plan><upcoming-milestones>"));
  CHECK(work_plan.count("ANNUAL-STATE-CONTENT") == 2);
}

TEST_CASE("annual report lists: blank milestones and work-plan items are no entries (CSV)",
          "[rules][annual][blank][csv]") {
  ingest::Bundle bundle{
      "annual",
      {{"manifest.csv",
        "key,value\nform-kind,alliance-annual-report\nprofile,miosha\nalliance-type,partner\n"
        "file,background.csv\nfile,upcoming-milestones.csv\nfile,work-plan.csv\n"},
       {"background.csv",
        "report-date,alliance-name,initial-date-signed,evaluation-period-start,"
        "evaluation-period-end\n2025-01-03,Tree Care Alliance,2022-04-12,2024-01-01,2024-12-31\n"},
       // A row whose milestone is blank but which has another cell is still a row of the CSV.
       {"upcoming-milestones.csv", "milestone,note\n  ,later\nQuick card,\n"},
       {"work-plan.csv", "item,note\n\" \",x\n"}}};
  const auto in = ingest::ingest_bundle(bundle, {});
  REQUIRE_FALSE(in.unreadable);
  const auto& report = form_of<model::AnnualReport>(in);
  REQUIRE(report.upcoming_milestones.rows.size() == 1);
  CHECK(*report.upcoming_milestones.rows[0].value == "Quick card");
  CHECK(report.upcoming_milestones.rows[0].location.str() ==
        "alliance-annual-report/upcoming-milestones/milestone[2] (upcoming-milestones.csv row 3)");
  CHECK(report.work_plan.present);
  CHECK(report.work_plan.rows.empty());
}

TEST_CASE("grant lists: blank organizations, projects, NAICS codes and items are no entries",
          "[rules][grant][blank]") {
  const std::string valid = sample_text("cet-grant-proposal.valid.xml");
  const std::string blank = kBlank;
  const auto in = read_xml(replaced(
      replaced(replaced(replaced(valid, "<participating-organizations>",
                                 "</participating-organizations>",
                                 "<participating-organizations><organization>" + blank +
                                     "</organization><organization>Capital Area Technical "
                                     "College</organization></participating-organizations>"),
                        "<parallel-projects", "/>",
                        "<parallel-projects><project>" + blank + "</project></parallel-projects>"),
               "<naics>236115</naics>", "<naics>238910</naics>", "<naics>" + blank + "</naics>"),
      "<item>Project office rent</item>", "</administrative-costs>",
      "<item> </item><total-charged>1200.00</total-charged></administrative-costs>"));
  const auto& proposal = form_of<model::GrantProposal>(in);
  CHECK(proposal.applicant->participating_organizations->organizations.size() == 1);
  CHECK(proposal.applicant->parallel_projects->projects.empty());
  CHECK(proposal.target_audience->naics.empty());
  const model::TableDLine& lump = proposal.table_d->other->lines.back();
  CHECK(lump.row == model::TableDRow::AdministrativeCosts);
  CHECK(lump.items.empty());
  const Checked result = rules::testing::checked(in, samples::as_of());
  CHECK(result.count("GRANT-ADMIN-LUMP-ITEMS") == 1);
  CHECK(result.count("GRANT-PARALLEL-DISCLOSURE") == 1);
  // No NAICS code is given, so the hazard-ranking figures are not reported.
  CHECK(result.figure("priority-naics") == "(none)");
}

TEST_CASE("grant lists in a CSV bundle: blank list items are no entries",
          "[rules][grant][blank][csv]") {
  ingest::Bundle bundle{"cet-grant-proposal.valid.bundle", {}};
  const auto folder = samples::path("cet-grant-proposal.valid.bundle");
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    std::ifstream file(entry.path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << file.rdbuf();
    bundle.files[entry.path().filename().string()] = bytes.str();
  }
  std::string& proposal_csv = bundle.files["proposal.csv"];
  proposal_csv = replaced(proposal_csv, "Capital Area Technical College;", "4410,1,none",
                          "Capital Area Technical College;\t;,1,\"Project A;\t\"");
  std::string& table_d = bundle.files["table-d.csv"];
  table_d = replaced(table_d, "\"Project office rent;", "Project office maintenance\"",
                     "\"\t;Project office rent\"");
  const auto in = ingest::ingest_bundle(bundle, {});
  REQUIRE_FALSE(in.unreadable);
  const auto& proposal = form_of<model::GrantProposal>(in);
  REQUIRE(proposal.applicant->participating_organizations->organizations.size() == 1);
  CHECK(*proposal.applicant->participating_organizations->organizations[0] ==
        "Capital Area Technical College");
  REQUIRE(proposal.applicant->parallel_projects->projects.size() == 1);
  CHECK(proposal.table_d->other->lines.back().items.size() == 1);
}
