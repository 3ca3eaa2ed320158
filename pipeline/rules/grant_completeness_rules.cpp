// The GRANT family (rules.md §4.2), completeness: the parts of the proposal, its narrative, the
// signature sheet, key personnel and the advisory committee.
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/rules/grant_rules.hpp"
#include "pipeline/text/unicode.hpp"

namespace pipeline::rules::grant {

namespace {

constexpr std::int64_t kSummaryMaximumPages = 2;  // §II-2b.2.A "2 pages maximum"
constexpr std::string_view kAdministrator = "administration-coordination";  // §II-2b.3 a)

inline constexpr core::RuleRef kPartsComplete{
    "GRANT-PARTS-COMPLETE", core::Severity::Error,
    "CET RFP FY2004-05 §I-8.1 (each proposal must include), §II-2a; App D (\"failure to file "
    "will result in non-consideration\")"};

// A proposal has the seven parts of §I-8.1.
void proposal_has_seven_parts(const Grant& g, Outcome& outcome) {
  if (!g.at_proposal()) return;
  const GrantProposal& p = g.proposal;
  struct Part {
    bool present;
    std::string_view element;
    std::string_view name;
  };
  const Part parts[] = {
      {p.signature_sheet.has_value(), "signature-sheet", "Proposal Signature Sheet"},
      {p.proposal_narrative.has_value(), "proposal-narrative", "Proposal Narrative"},
      {p.table_a.has_value(), "table-a", "Table A"},
      {p.table_b.has_value(), "table-b", "Table B"},
      {p.project_budget_narrative.present(), "project-budget-narrative",
       "Project Budget Narrative"},
      {p.table_c.has_value(), "table-c", "Table C"},
      {p.table_d.has_value(), "table-d", "Table D"},
  };
  for (const Part& part : parts) {
    if (part.present) continue;
    outcome.add(kPartsComplete,
                "The proposal has no " + std::string(part.name) + " (" + std::string(part.element) +
                    "); a complete proposal has seven parts.",
                g.part_path(part.element));
  }
}

inline constexpr core::RuleRef kNarrativeSections{"GRANT-NARRATIVE-SECTIONS", core::Severity::Error,
                                                  "CET RFP FY2004-05 §I-8.1 item 2, §II-2b"};

// The proposal narrative has its three sections.
void narrative_has_sections(const Grant& g, Outcome& outcome) {
  if (!g.at_proposal() || !g.proposal.proposal_narrative) return;
  const model::ProposalNarrative& narrative = *g.proposal.proposal_narrative;
  const bool design = narrative.project_design && narrative.project_design->has_narrative_part();
  struct Section {
    bool present;
    std::string_view element;
    std::string_view name;
  };
  const Section sections[] = {
      {!narrative.problem_addressed.absent(), "problem-addressed", "Problem Addressed"},
      {design, "project-design", "Project Design"},
      {!narrative.project_management.absent(), "project-management", "Project Management"},
  };
  for (const Section& section : sections) {
    if (section.present) continue;
    outcome.add(kNarrativeSections,
                "The proposal narrative has no " + quoted(section.name) + " section.",
                narrative.location + "/" + std::string(section.element));
  }
}

inline constexpr core::RuleRef kDesignSubsections{
    "GRANT-DESIGN-SUBSECTIONS", core::Severity::Warning, "CET RFP FY2004-05 §II-2b.2 A–C"};

// Project Design has its summary, sponsor and innovation parts.
void design_has_subsections(const Grant& g, Outcome& outcome) {
  if (!g.at_proposal() || !g.proposal.proposal_narrative) return;
  const std::optional<model::ProjectDesign>& design = g.proposal.proposal_narrative->project_design;
  if (!design || !design->has_narrative_part()) return;
  struct Subsection {
    const Field<model::Narrative>& field;
    std::string_view name;
  };
  const Subsection subsections[] = {
      {design->project_summary, "Project Summary"},
      {design->project_sponsor, "Project Sponsor"},
      {design->project_innovation, "Project Innovation"},
  };
  for (const Subsection& subsection : subsections) {
    if (!subsection.field.absent()) continue;
    outcome.add(kDesignSubsections, "Project Design has no " + quoted(subsection.name) + " part.",
                subsection.field.location);
  }
}

inline constexpr core::RuleRef kSummaryLength{
    "GRANT-SUMMARY-LENGTH", core::Severity::Warning,
    "CET RFP FY2004-05 §II-2b.2.A (Project Summary, 2 pages maximum); I-41"};

// The project summary keeps to two pages (a warning: the page count is self-declared, I-41).
void summary_within_two_pages(const Grant& g, Outcome& outcome) {
  if (!g.proposal.proposal_narrative || !g.proposal.proposal_narrative->project_design) return;
  const Field<std::int64_t>& pages =
      g.proposal.proposal_narrative->project_design->project_summary_pages;
  if (!pages.present() || *pages <= kSummaryMaximumPages) return;
  outcome.add(kSummaryLength,
              "The project summary is " + std::to_string(*pages) + " pages; the maximum is " +
                  std::to_string(kSummaryMaximumPages) + ".",
              pages.location);
}

inline constexpr core::RuleRef kSignatureSheet{
    "GRANT-SIGNATURE-SHEET", core::Severity::Error,
    "CET RFP FY2004-05 App D 'Project Proposal Signatures' (failure to file results in "
    "non-consideration)"};

// The signature sheet has every field of formats.md §3.3 (the statement of affiliation aside).
void signature_sheet_complete(const Grant& g, Outcome& outcome) {
  if (!g.at_proposal() || !g.proposal.signature_sheet) return;
  const model::SignatureSheet& sheet = *g.proposal.signature_sheet;
  const auto require = [&](bool absent, std::string_view heading, const core::Location& location) {
    if (!absent) return;
    outcome.add(kSignatureSheet, "The signature sheet has no " + quoted(heading) + ".", location);
  };
  const auto field = [&](const auto& value, std::string_view heading) {
    require(value.absent(), heading, value.location);
  };
  field(sheet.project_title, "Project Title");
  field(sheet.sponsoring_organization, "Sponsoring Organization");
  field(sheet.authorized_contact_person, "Authorized Contact Person");
  field(sheet.position_title, "Position Title");
  field(sheet.mailing_address, "Mailing Address");
  field(sheet.city, "City");
  field(sheet.state, "State");
  field(sheet.zip_code, "Zip Code");
  field(sheet.total_amount_of_cet_funds_requested, "Total Amount of CET Funds Requested");
  field(sheet.telephone_number, "Telephone Number");
  if (!sheet.certification_and_signature) {
    require(true, "Certification and Signature", sheet.location + "/certification-and-signature");
    return;
  }
  const model::CertificationAndSignature& certification = *sheet.certification_and_signature;
  field(certification.signature_of_official, "Signature of Official");
  field(certification.title, "Title");
  field(certification.date, "Date");
}

inline constexpr core::RuleRef kAffiliation{
    "GRANT-AFFILIATION", core::Severity::Warning,
    "CET RFP FY2004-05 App D 'Statement of Affiliation'; §I-8.1 item 1; §I-9 III (\"statement of "
    "affiliation and commitment from participating groups is secured\")"};

bool signed_affiliation(const GrantProposal& proposal, const std::string& organization) {
  if (!proposal.signature_sheet || !proposal.signature_sheet->statement_of_affiliation)
    return false;
  const auto& signers = proposal.signature_sheet->statement_of_affiliation->signers;
  return std::any_of(signers.begin(), signers.end(), [&](const model::Signer& signer) {
    return signer.organization.present() && text::same_name(*signer.organization, organization);
  });
}

// Every participating organization signed the statement of affiliation.
void participants_signed_affiliation(const Grant& g, Outcome& outcome) {
  if (!g.proposal.applicant || !g.proposal.applicant->participating_organizations) return;
  for (const Field<std::string>& organization :
       g.proposal.applicant->participating_organizations->organizations) {
    if (!organization.present() || signed_affiliation(g.proposal, *organization)) continue;
    outcome.add(kAffiliation,
                "Participating organization " + quoted(*organization) +
                    " has not signed the statement of affiliation.",
                organization.location);
  }
}

inline constexpr core::RuleRef kKeyAdministrator{
    "GRANT-KEY-ADMINISTRATOR", core::Severity::Error,
    "CET RFP FY2004-05 §I-6 'Project personnel' (a key administrator or coordinator with a "
    "resume); §II-2b.3"};

bool has_role(const model::Person& person, std::string_view role) {
  if (!person.role.present()) return false;
  return std::find(person.role->begin(), person.role->end(), role) != person.role->end();
}

// A key administrator or coordinator is named, with a resume.
void key_administrator_with_resume(const Grant& g, Outcome& outcome) {
  if (!g.at_proposal()) return;
  if (g.proposal.key_personnel) {
    const auto& persons = g.proposal.key_personnel->persons;
    if (std::any_of(persons.begin(), persons.end(), [](const model::Person& person) {
          return has_role(person, kAdministrator) && is_yes(person.resume);
        }))
      return;
  }
  outcome.add(
      kKeyAdministrator, "No key administrator or coordinator with a resume is named.",
      g.proposal.key_personnel ? g.proposal.key_personnel->location : g.part_path("key-personnel"));
}

inline constexpr core::RuleRef kKeyResumes{
    "GRANT-KEY-RESUMES", core::Severity::Warning,
    "CET RFP FY2004-05 §II-2b.3 (\"Provide a brief resume for each staff person who has already "
    "been identified for the project\"); App A §121.a"};

std::string person_shown(const model::Person& person) {
  return shown(person.name, "(no name)") + " (" + shown(person.position, "no position") + ")";
}

// Every identified key person has a resume attached.
void key_personnel_have_resumes(const Grant& g, Outcome& outcome) {
  if (!g.at_proposal() || !g.proposal.key_personnel) return;
  for (const model::Person& person : g.proposal.key_personnel->persons) {
    if (person.resume.rejected() || is_yes(person.resume)) continue;
    outcome.add(kKeyResumes, "Key person " + person_shown(person) + " has no resume attached.",
                person.location);
  }
}

inline constexpr core::RuleRef kBaseSalary{
    "GRANT-BASE-SALARY", core::Severity::Error,
    "CET RFP FY2004-05 §I-6 'Institutional base salary disclosure'; App D Table D "
    "(Wages/Salaries: include institutional base salary)"};

// Every key person discloses an institutional base salary.
void key_personnel_disclose_base_salary(const Grant& g, Outcome& outcome) {
  if (!g.proposal.key_personnel) return;
  for (const model::Person& person : g.proposal.key_personnel->persons) {
    if (!person.institutional_base_salary.absent()) continue;
    outcome.add(
        kBaseSalary,
        "Key person " + person_shown(person) + " does not disclose an institutional base salary.",
        person.location);
  }
}

inline constexpr core::RuleRef kAdvisoryCommittee{
    "GRANT-ADVISORY-COMMITTEE", core::Severity::Error,
    "CET RFP FY2004-05 §I-6 'Project oversight is required'; §II-2b.3 (composition of the "
    "advisory committee)"};

// An advisory board or committee with at least one member oversees the project.
void advisory_committee_described(const Grant& g, Outcome& outcome) {
  if (!g.at_proposal()) return;
  const auto& committee = g.proposal.advisory_committee;
  if (committee && !committee->members.empty()) return;
  outcome.add(kAdvisoryCommittee, "No project advisory board or committee is described.",
              committee ? committee->location : g.part_path("advisory-committee"));
}

// rules.md §4.2, in catalogue order.
constexpr GrantRule kRules[] = {
    {{"GRANT-PARTS-COMPLETE"}, proposal_has_seven_parts},
    {{"GRANT-NARRATIVE-SECTIONS"}, narrative_has_sections},
    {{"GRANT-DESIGN-SUBSECTIONS"}, design_has_subsections},
    {{"GRANT-SUMMARY-LENGTH"}, summary_within_two_pages},
    {{"GRANT-SIGNATURE-SHEET"}, signature_sheet_complete},
    {{"GRANT-AFFILIATION"}, participants_signed_affiliation},
    {{"GRANT-KEY-ADMINISTRATOR"}, key_administrator_with_resume},
    {{"GRANT-KEY-RESUMES"}, key_personnel_have_resumes},
    {{"GRANT-BASE-SALARY"}, key_personnel_disclose_base_salary},
    {{"GRANT-ADVISORY-COMMITTEE"}, advisory_committee_described},
};

}  // namespace

std::span<const GrantRule> completeness_rules() {
  return kRules;
}

}  // namespace pipeline::rules::grant
