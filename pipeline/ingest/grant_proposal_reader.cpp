// cet-grant-proposal (formats.md §3): the tree of an XML document or of a CSV bundle -> the
// GrantProposal model, with every FORMAT-* finding (and the type checks formats.md §2.1 gives to
// TABLEA-TYPE, TABLEA-SERVICE-TYPE, TABLEB-MONTHS and TABLEC-CATEGORY) reported on the way.
#include <algorithm>
#include <string>
#include <string_view>
#include <utility>

#include "pipeline/ingest/grant_reader_parts.hpp"

namespace pipeline::ingest {

namespace {

using namespace grant_reader;

// ---- §3.3 signature-sheet ------------------------------------------------------------------

model::SignatureSheet read_signature_sheet(Reader& reader, pugi::xml_node node) {
  reader.known(node, {"project-title", "sponsoring-organization", "authorized-contact-person",
                      "position-title", "mailing-address", "city", "state", "zip-code",
                      "total-amount-of-cet-funds-requested", "telephone-number",
                      "certification-and-signature", "statement-of-affiliation"});
  model::SignatureSheet sheet;
  sheet.location = reader.path(node);
  sheet.project_title = reader.text(node, "project-title");
  sheet.sponsoring_organization = reader.text(node, "sponsoring-organization");
  sheet.authorized_contact_person = reader.text(node, "authorized-contact-person");
  sheet.position_title = reader.text(node, "position-title");
  sheet.mailing_address = reader.text(node, "mailing-address");
  sheet.city = reader.text(node, "city");
  sheet.state = state_code(reader, node, "state");
  sheet.zip_code = reader.typed<std::string>(node, "zip-code", Need::Optional, parse_zip,
                                             "a ZIP code (12345 or 12345-6789)");
  sheet.total_amount_of_cet_funds_requested =
      reader.money(node, "total-amount-of-cet-funds-requested");
  sheet.telephone_number =
      reader.typed<std::string>(node, "telephone-number", Need::Optional, parse_telephone,
                                "a telephone number with area code (10 digits)");
  if (const pugi::xml_node cert = reader.once(node, "certification-and-signature")) {
    reader.known(cert, {"signature-of-official", "title", "date"});
    model::CertificationAndSignature& c = sheet.certification_and_signature.emplace();
    c.location = reader.path(cert);
    c.signature_of_official = reader.text(cert, "signature-of-official");
    c.title = reader.text(cert, "title");
    c.date = reader.date(cert, "date");
  }
  if (const pugi::xml_node soa = reader.once(node, "statement-of-affiliation")) {
    reader.known(soa, {"signer"});
    model::StatementOfAffiliation& s = sheet.statement_of_affiliation.emplace();
    s.location = reader.path(soa);
    for (pugi::xml_node row : reader.rows(soa, "signer")) {
      reader.known(row, {"authorized-signature", "organization", "date"});
      model::Signer& signer = s.signers.emplace_back();
      signer.location = reader.path(row);
      signer.authorized_signature = reader.text(row, "authorized-signature", Need::Required);
      signer.organization = reader.text(row, "organization", Need::Required);
      signer.date = reader.date(row, "date", Need::Required);
    }
  }
  return sheet;
}

// ---- §3.4 applicant, §3.5 target-audience --------------------------------------------------

model::Applicant read_applicant(Reader& reader, pugi::xml_node node) {
  reader.known(
      node, {"nonprofit", "nonprofit-evidence", "applicant-category", "participating-organizations",
             "consecutive-prior-cycles", "parallel-projects"});
  model::Applicant applicant;
  applicant.location = reader.path(node);
  applicant.nonprofit = reader.yes_no(node, "nonprofit");
  applicant.nonprofit_evidence = reader.text(node, "nonprofit-evidence");
  applicant.applicant_category = reader.one_of(node, "applicant-category", Need::Optional,
                                               {"management-employer", "labor-employee", "other"});
  if (const pugi::xml_node orgs = reader.once(node, "participating-organizations")) {
    reader.known(orgs, {"organization"});
    model::ParticipatingOrganizations& p = applicant.participating_organizations.emplace();
    p.location = reader.path(orgs);
    p.organizations = text_rows(reader, orgs, "organization");
  }
  applicant.consecutive_prior_cycles = reader.count(node, "consecutive-prior-cycles");
  if (const pugi::xml_node parallel = reader.once(node, "parallel-projects")) {
    reader.known(parallel, {"project"}, {"none"});
    model::ParallelProjects& p = applicant.parallel_projects.emplace();
    p.location = reader.path(parallel);
    p.none =
        reader.typed_attribute<bool>(parallel, "none", Need::Optional, parse_yes_no, "yes or no");
    p.projects = text_rows(reader, parallel, "project");
  }
  return applicant;
}

model::TargetAudience read_target_audience(Reader& reader, pugi::xml_node node) {
  reader.known(node, {"naics", "small-establishments", "serves"});
  model::TargetAudience audience;
  audience.location = reader.path(node);
  for (Reader::ValueRow& row : reader.value_rows(node, "naics")) {
    audience.naics.push_back(
        reader.convert<std::string>(std::move(row.text), parse_naics, "a NAICS code (2–6 digits)"));
  }
  audience.small_establishments = reader.yes_no(node, "small-establishments");
  audience.serves =
      reader.one_of(node, "serves", Need::Optional, {"employees", "employers", "both"});
  return audience;
}

// ---- §3.6 proposal-narrative ---------------------------------------------------------------

model::ProjectDesign read_project_design(Reader& reader, pugi::xml_node node) {
  reader.known(node, {"project-summary", "project-sponsor", "project-innovation",
                      "activities-to-be-funded"});
  model::ProjectDesign design;
  design.location = reader.path(node);
  if (const pugi::xml_node summary = reader.once(node, "project-summary")) {
    reader.known(summary, {}, {"file", "pages"});
    design.project_summary = narrative_of(reader, summary);
    design.project_summary_pages = reader.typed_attribute<std::int64_t>(
        summary, "pages", Need::Optional, core::parse_count, "a whole number");
  } else {
    design.project_summary.location = reader.child_path(node, "project-summary");
  }
  design.project_sponsor = narrative(reader, node, "project-sponsor");
  design.project_innovation = narrative(reader, node, "project-innovation");
  design.activities_to_be_funded =
      word_list(reader, node, "activities-to-be-funded", Need::Optional,
                {"training", "services", "limited-research"},
                "a space-separated list of training, services, limited-research");
  return design;
}

model::ProposalNarrative read_proposal_narrative(Reader& reader, pugi::xml_node node) {
  reader.known(node, {"problem-addressed", "project-design", "project-management"});
  model::ProposalNarrative out;
  out.location = reader.path(node);
  out.problem_addressed = narrative(reader, node, "problem-addressed");
  if (const pugi::xml_node design = reader.once(node, "project-design"))
    out.project_design = read_project_design(reader, design);
  out.project_management = narrative(reader, node, "project-management");
  return out;
}

// ---- §3.7 key-personnel, advisory-committee, commitments -----------------------------------

model::KeyPersonnel read_key_personnel(Reader& reader, pugi::xml_node node) {
  reader.known(node, {"person"});
  model::KeyPersonnel out;
  out.location = reader.path(node);
  for (pugi::xml_node row : reader.rows(node, "person")) {
    reader.known(row, {"name", "position", "role", "institutional-base-salary", "resume"});
    model::Person& person = out.persons.emplace_back();
    person.location = reader.path(row);
    person.name = reader.text(row, "name", Need::Required);
    person.position = reader.text(row, "position", Need::Required);
    person.role = word_list(
        reader, row, "role", Need::Required,
        {"administration-coordination", "instruction", "curriculum-development",
         "technical-assistance", "evaluation-record-keeping", "financial-record-keeping", "other"},
        "a space-separated list of staffing roles "
        "(administration-coordination, instruction, curriculum-development, "
        "technical-assistance, evaluation-record-keeping, "
        "financial-record-keeping, other)");
    person.institutional_base_salary = reader.money(row, "institutional-base-salary");
    person.resume = reader.yes_no(row, "resume");
  }
  return out;
}

model::AdvisoryCommittee read_advisory_committee(Reader& reader, pugi::xml_node node) {
  reader.known(node, {"member"});
  model::AdvisoryCommittee out;
  out.location = reader.path(node);
  for (pugi::xml_node row : reader.rows(node, "member")) {
    reader.known(row, {"name", "affiliation", "expertise"});
    model::Member& member = out.members.emplace_back();
    member.location = reader.path(row);
    member.name = reader.text(row, "name", Need::Required);
    member.affiliation = reader.text(row, "affiliation", Need::Required);
    member.expertise = reader.text(row, "expertise");
  }
  return out;
}

model::Commitments read_commitments(Reader& reader, pugi::xml_node node) {
  reader.known(node, {"evaluation-cooperation", "start-within-four-weeks"});
  model::Commitments out;
  out.location = reader.path(node);
  out.evaluation_cooperation = reader.yes_no(node, "evaluation-cooperation");
  out.start_within_four_weeks = reader.yes_no(node, "start-within-four-weeks");
  return out;
}

// ---- §3.12 program-income, approvals; §3.13 performance; §3.14 change-request, baseline ----

model::ProgramIncome read_program_income(Reader& reader, pugi::xml_node node) {
  reader.known(node, {"fee", "applied-to-project-expenses"});
  model::ProgramIncome income;
  income.location = reader.path(node);
  for (pugi::xml_node row : reader.rows(node, "fee")) {
    reader.known(row, {"description", "purpose", "expected-income"}, {"prior-approval"});
    model::Fee& fee = income.fees.emplace_back();
    fee.location = reader.path(row);
    fee.description = reader.text(row, "description", Need::Required);
    fee.purpose = word(reader, row, "purpose", Need::Required, kFeePurposes);
    fee.expected_income = reader.money(row, "expected-income", Need::Required);
    fee.prior_approval = reader.attribute(row, "prior-approval");
  }
  income.applied_to_project_expenses = reader.yes_no(node, "applied-to-project-expenses");
  return income;
}

model::Approvals read_approvals(Reader& reader, pugi::xml_node node) {
  reader.known(node, {"subcontracting-over-20-percent"});
  model::Approvals approvals;
  approvals.location = reader.path(node);
  approvals.subcontracting_over_20_percent = reader.text(node, "subcontracting-over-20-percent");
  return approvals;
}

model::Performance read_performance(Reader& reader, pugi::xml_node node) {
  reader.known(node, {"people-trained", "person-hours"});
  model::Performance performance;
  performance.location = reader.path(node);
  performance.people_trained = reader.count(node, "people-trained", Need::Required);
  performance.person_hours = reader.quantity(node, "person-hours", Need::Required);
  return performance;
}

model::ChangeRequest read_change_request(Reader& reader, pugi::xml_node node) {
  reader.known(node, {"requested-on", "proposed-implementation-date", "reason"});
  model::ChangeRequest request;
  request.location = reader.path(node);
  request.requested_on = reader.date(node, "requested-on");
  request.proposed_implementation_date = reader.date(node, "proposed-implementation-date");
  request.reason = reader.text(node, "reason");
  return request;
}

model::Baseline read_baseline(Reader& reader, pugi::xml_node node) {
  reader.known(node, {"key-personnel", "table-a", "table-c", "performance-objectives"},
               {"approved-on"});
  model::Baseline baseline;
  baseline.location = reader.path(node);
  baseline.approved_on = reader.typed_attribute<core::Date>(node, "approved-on", Need::Optional,
                                                            core::parse_date, date_type_label);
  if (const pugi::xml_node n = reader.once(node, "key-personnel"))
    baseline.key_personnel = read_key_personnel(reader, n);
  if (const pugi::xml_node n = reader.once(node, "table-a"))
    baseline.table_a = read_table_a(reader, n);
  if (const pugi::xml_node n = reader.once(node, "table-c"))
    baseline.table_c = read_table_c(reader, n);
  if (const pugi::xml_node n = reader.once(node, "performance-objectives"))
    baseline.performance_objectives = read_performance(reader, n);
  return baseline;
}

// formats.md §3.1: a close-out needs table-c, performance-outcome, and performance-objectives
// or table-a. (The proposal and revision requirements are reported by rules.)
void check_closeout_parts(Reader& reader, pugi::xml_node root,
                          const model::GrantProposal& proposal) {
  if (!proposal.table_c) reader.report_missing(root, "table-c");
  if (!proposal.performance_outcome) reader.report_missing(root, "performance-outcome");
  if (!proposal.performance_objectives && !proposal.table_a) {
    const std::string where = reader.child_path(root, "performance-objectives").str();
    reader.report(kFormatRequired,
                  where +
                      " (or table-a, from which objectives are derived) is required but "
                      "missing.",
                  where);
  }
}

}  // namespace

model::GrantProposal read_grant_proposal(pugi::xml_node root, Reader& reader) {
  reader.known(root,
               {"received", "signature-sheet", "applicant", "target-audience", "proposal-narrative",
                "key-personnel", "advisory-committee", "commitments", "table-a", "table-b",
                "project-budget-narrative", "table-c", "table-d", "program-income", "approvals",
                "performance-objectives", "performance-outcome", "change-request", "baseline"},
               {"profile", "fiscal-year", "stage", "version"});
  model::GrantProposal proposal;
  proposal.location = reader.path(root);
  proposal.fiscal_year = reader.typed_attribute<model::FiscalYear>(
      root, "fiscal-year", Need::Optional, parse_fiscal_year,
      "a fiscal year YYYY-YYYY of consecutive years (e.g. 2004-2005)");
  proposal.stage = word_attribute(reader, root, "stage", Need::Optional, kStages);
  proposal.received = reader.typed<model::Received>(
      root, "received", Need::Optional, parse_received,
      "a date and time YYYY-MM-DDThh:mm, optionally with :ss and Z or ±hh:mm");

  const auto part = [&](const char* name) { return reader.once(root, name); };
  if (const pugi::xml_node n = part("signature-sheet"))
    proposal.signature_sheet = read_signature_sheet(reader, n);
  if (const pugi::xml_node n = part("applicant")) proposal.applicant = read_applicant(reader, n);
  if (const pugi::xml_node n = part("target-audience"))
    proposal.target_audience = read_target_audience(reader, n);
  if (const pugi::xml_node n = part("proposal-narrative"))
    proposal.proposal_narrative = read_proposal_narrative(reader, n);
  if (const pugi::xml_node n = part("key-personnel"))
    proposal.key_personnel = read_key_personnel(reader, n);
  if (const pugi::xml_node n = part("advisory-committee"))
    proposal.advisory_committee = read_advisory_committee(reader, n);
  if (const pugi::xml_node n = part("commitments"))
    proposal.commitments = read_commitments(reader, n);
  if (const pugi::xml_node n = part("table-a")) proposal.table_a = read_table_a(reader, n);
  if (const pugi::xml_node n = part("table-b")) proposal.table_b = read_table_b(reader, n);
  proposal.project_budget_narrative = narrative(reader, root, "project-budget-narrative");
  if (const pugi::xml_node n = part("table-c")) proposal.table_c = read_table_c(reader, n);
  if (const pugi::xml_node n = part("table-d")) proposal.table_d = read_table_d(reader, n);
  if (const pugi::xml_node n = part("program-income"))
    proposal.program_income = read_program_income(reader, n);
  if (const pugi::xml_node n = part("approvals")) proposal.approvals = read_approvals(reader, n);
  if (const pugi::xml_node n = part("performance-objectives"))
    proposal.performance_objectives = read_performance(reader, n);
  if (const pugi::xml_node n = part("performance-outcome"))
    proposal.performance_outcome = read_performance(reader, n);
  if (const pugi::xml_node n = part("change-request"))
    proposal.change_request = read_change_request(reader, n);
  if (const pugi::xml_node n = part("baseline")) proposal.baseline = read_baseline(reader, n);

  if (proposal.stage.present() && *proposal.stage == model::GrantStage::Closeout)
    check_closeout_parts(reader, root, proposal);
  return proposal;
}

}  // namespace pipeline::ingest
