// The GRANT family (rules.md §4.2): budget limits, eligibility and completeness of a CET grant
// proposal, 40 rules in catalogue order. Amounts, caps, rates and the deadline come from the
// fiscal year's GrantParameters; the arithmetic is grant_budget.hpp's.
#include <algorithm>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/rules/grant_budget.hpp"
#include "pipeline/rules/grant_families.hpp"
#include "pipeline/text/unicode.hpp"

namespace pipeline::rules {

namespace {

using core::Field;
using core::Money;
using core::money_text;
using core::Outcome;
using model::GrantParameters;
using model::GrantProposal;
using model::GrantStage;

// Fixed by the RFP's text rather than by the fiscal year's parameters.
constexpr std::int64_t kSummaryMaximumPages = 2;      // §II-2b.2.A "2 pages maximum"
constexpr std::int64_t kConsecutiveCyclesLimit = 5;   // §I-3 "not ... more than five"
constexpr std::int64_t kMinimumBids = 3;              // App A §128 "at least three (3) sources"
constexpr std::size_t kMostEmphasisedActivities = 2;  // §I-5 "a single activity or ... any two"
constexpr std::string_view kAdministrator = "administration-coordination";  // §II-2b.3 a)

// rules.md §2.5: prohibited-use phrases (GRANT-PROHIBITED-USE), already case folded.
constexpr std::string_view kProhibitedUsePhrases[] = {
    "lobby", "membership drive", "membership recruitment", "recruit members", "recruiting members"};

// rules.md §2.6: CET RFP FY2004-05 Appendix B (2002), with the misprints of I-35 corrected.
struct HazardRank {
  std::string_view naics;
  std::string_view rank;
};
constexpr HazardRank kHazardRanking[] = {
    {"485", "1"},    {"326", "2"},    {"481", "3"},    {"315", "4.5"},   {"321", "4.5"},
    {"337", "5"},    {"331", "6"},    {"311", "7"},    {"332", "8"},     {"424", "9"},
    {"336", "10.5"}, {"484", "10.5"}, {"335", "11.3"}, {"237", "11.3"},  {"327", "11.3"},
    {"452", "12"},   {"8114", "13"},  {"322", "14.5"}, {"333", "14.5"},  {"62", "15.5"},
    {"236", "15.5"}, {"721", "16"},   {"339", "17"},   {"1151", "18.3"}, {"1152", "18.3"},
    {"238", "18.3"}, {"323", "18.3"}, {"221", "19"},   {"531", "20"},    {"444", "21.3"},
    {"445", "21.3"}, {"624", "21.3"}, {"423", "22"},
};

// ---------------------------------------------------------------------------------------------
// The proposal with what every GRANT rule derives from it.

struct Grant {
  const GrantProposal& proposal;
  const GrantParameters& parameters;
  std::optional<GrantStage> stage;       // nullopt: rejected stage attribute
  std::optional<TableCAmounts> amounts;  // engaged when table-c is present

  // G, M, T and G_c when Table C is present and the amount is known (I-45): each rule asks for
  // the amounts it uses and runs exactly when those are known.
  std::optional<Money> grant_total() const {
    return amounts ? amounts->grant_total() : std::nullopt;
  }
  std::optional<Money> matching_total() const {
    return amounts ? amounts->matching_total() : std::nullopt;
  }
  std::optional<Money> budget_total() const {
    return amounts ? amounts->budget_total() : std::nullopt;
  }
  std::optional<Money> grant_at(int category) const {
    return amounts ? amounts->grant_at(category) : std::nullopt;
  }

  bool at_proposal() const { return stage == GrantStage::Proposal; }
  // Where an absent top-level element would be.
  std::string part_path(std::string_view name) const {
    return proposal.location + "/" + std::string(name);
  }
};

std::string quoted(std::string_view text) {
  return "\"" + std::string(text) + "\"";
}

// A text field for a message: its value, or `fallback` when it has none.
std::string shown(const Field<std::string>& field, std::string_view fallback) {
  return field.present() ? *field : std::string(fallback);
}

std::string amount_shown(const Field<Money>& field) {
  return field.present() ? money_text(*field) : std::string("an unstated amount");
}

std::string percent_number(core::Percent percent) {
  return core::percent_value_text(percent);
}

// 100 × part ÷ whole for a message ("3.79"); "—" when the whole is zero.
std::string percent_shown(Money part, Money whole) {
  return core::percent_figure(part.units, whole.units).value_or("—");
}

bool is_yes(const Field<bool>& field) {
  return field.present() && *field;
}

// A yes-no commitment the proposal must make: absent or "no" fails; a rejected value is unknown.
bool fails_commitment(const Field<bool>& field) {
  return !field.rejected() && !is_yes(field);
}

std::string fiscal_year_text(model::FiscalYear year) {
  return std::to_string(year.first_year) + "-" + std::to_string(year.first_year + 1);
}

// ---------------------------------------------------------------------------------------------
// Budget limits.

inline constexpr core::RuleRef kAwardMax{
    "GRANT-AWARD-MAX", core::Severity::Error,
    "CET RFP FY2004-05 §I-3 'Program Funding' (maximum award)"};

// A new proposal asks for no more than the maximum award.
void grant_within_award_maximum(const Grant& g, Outcome& outcome) {
  const std::optional<Money> known = g.grant_total();
  if (!g.at_proposal() || !known) return;
  const Money grant = *known;
  const Money maximum = g.parameters.award_maximum;
  if (grant <= maximum) return;
  outcome.add(kAwardMax,
              "The grant requested, " + money_text(grant) + ", exceeds the maximum award of " +
                  money_text(maximum) + " by " + money_text(grant - maximum) + ".",
              g.proposal.table_c->location);
}

inline constexpr core::RuleRef kAwardMaxRevision{
    "GRANT-AWARD-MAX-REVISION", core::Severity::Warning,
    "CET RFP FY2004-05 §I-3 'Program Funding' (maximum award; \"based upon anticipated lapse "
    "money, additional funds may become available during the grant year for on-going "
    "projects\")"};

// A revised or closed-out grant over the maximum award rests on lapse money to be confirmed.
void revised_grant_within_award_maximum(const Grant& g, Outcome& outcome) {
  if (g.stage != GrantStage::Revision && g.stage != GrantStage::Closeout) return;
  const std::optional<Money> known = g.grant_total();
  if (!known) return;
  const Money grant = *known;
  const Money maximum = g.parameters.award_maximum;
  if (grant <= maximum) return;
  outcome.add(kAwardMaxRevision,
              "The grant, " + money_text(grant) + ", exceeds the " + money_text(maximum) +
                  " maximum award; confirm that additional lapse funds were made available "
                  "(§I-3).",
              g.proposal.table_c->location);
}

inline constexpr core::RuleRef kRequestConsistent{
    "GRANT-REQUEST-CONSISTENT", core::Severity::Error,
    "CET RFP FY2004-05 App D 'Project Proposal Signatures' (Total Amount of CET Funds Requested) "
    "and 'Table C' (Total row, grant column); §I-3"};

// The signature sheet requests what Table C's grant column adds up to.
void request_matches_table_c(const Grant& g, Outcome& outcome) {
  const std::optional<Money> known = g.grant_total();
  if (!known || !g.proposal.signature_sheet) return;
  const Field<Money>& requested = g.proposal.signature_sheet->total_amount_of_cet_funds_requested;
  if (!requested.present()) return;
  const Money grant = *known;
  if (*requested == grant) return;
  outcome.add(kRequestConsistent,
              "The signature sheet requests " + money_text(*requested) +
                  " but Table C's grant column totals " + money_text(grant) + ".",
              requested.location);
}

inline constexpr core::RuleRef kMatchMin{
    "GRANT-MATCH-MIN", core::Severity::Error,
    "CET RFP FY2004-05 §I-3 'Program Funding' (matching share at least 10 % of the award)"};

// The matching share is at least the minimum share of the grant (I-3).
void matching_share_reaches_minimum(const Grant& g, Outcome& outcome) {
  const std::optional<Money> known_grant = g.grant_total();
  const std::optional<Money> known_matching = g.matching_total();
  if (!known_grant || !known_matching) return;
  const Money grant = *known_grant;
  const Money matching = *known_matching;
  const core::Percent minimum = g.parameters.matching_minimum_percent;
  if (reaches_share(matching, grant, minimum)) return;
  outcome.add(kMatchMin,
              "The matching share, " + money_text(matching) + ", is " +
                  percent_shown(matching, grant) + "% of the grant; at least " +
                  percent_number(minimum) + "% (" + money_text(share_minimum(grant, minimum)) +
                  ") is required.",
              g.proposal.table_c->location);
}

inline constexpr core::RuleRef kEquipmentCap{
    "GRANT-EQUIPMENT-CAP", core::Severity::Error,
    "CET RFP FY2004-05 §I-6 'Equipment is limited'; §II-3(c); App C item 7"};

// Equipment from grant funds stays within its share of the grant (I-1, I-5).
void equipment_within_cap(const Grant& g, Outcome& outcome) {
  const std::optional<Money> known_grant = g.grant_total();
  const std::optional<Money> known_equipment = g.grant_at(7);
  if (!known_grant || !known_equipment) return;
  const Money grant = *known_grant;
  const Money equipment = *known_equipment;
  const core::Percent cap = g.parameters.equipment_cap_percent;
  if (within_share(equipment, grant, cap)) return;
  outcome.add(kEquipmentCap,
              "Equipment from grant funds, " + money_text(equipment) + ", is " +
                  percent_shown(equipment, grant) + "% of the grant; the limit is " +
                  percent_number(cap) + "% (" + money_text(share_maximum(grant, cap)) + ").",
              g.proposal.table_c->location);
}

inline constexpr core::RuleRef kContractualCap{
    "GRANT-CONTRACTUAL-CAP", core::Severity::Error,
    "CET RFP FY2004-05 §I-6 'Subcontracts are limited'; App A §130(c); §II-3(f); App C item 8"};
inline constexpr core::RuleRef kContractualCapApproved{
    "GRANT-CONTRACTUAL-CAP-APPROVED", core::Severity::Warning,
    "CET RFP FY2004-05 §I-6 'Subcontracts are limited'; App A §130(c); §II-3(f); App C item 8 "
    "(the project manager may approve more)"};

const Field<std::string>* subcontracting_approval(const GrantProposal& proposal) {
  if (!proposal.approvals) return nullptr;
  const Field<std::string>& approval = proposal.approvals->subcontracting_over_20_percent;
  return approval.present() ? &approval : nullptr;
}

// Contractual costs from grant funds stay within their share unless the project manager
// approved more (I-6).
void contractual_within_cap(const Grant& g, Outcome& outcome) {
  const std::optional<Money> known_grant = g.grant_total();
  const std::optional<Money> known_contractual = g.grant_at(8);
  if (!known_grant || !known_contractual) return;
  if (subcontracting_approval(g.proposal) != nullptr) return;
  const Money grant = *known_grant;
  const Money contractual = *known_contractual;
  const core::Percent cap = g.parameters.contractual_cap_percent;
  if (within_share(contractual, grant, cap)) return;
  outcome.add(kContractualCap,
              "Contractual costs from grant funds, " + money_text(contractual) + ", are " +
                  percent_shown(contractual, grant) + "% of the grant; the limit is " +
                  percent_number(cap) + "% (" + money_text(share_maximum(grant, cap)) +
                  ") unless the project manager approves more.",
              g.proposal.table_c->location);
}

// With an approval recorded, contractual costs over the cap are for the reviewer to confirm.
void approved_contractual_within_cap(const Grant& g, Outcome& outcome) {
  const Field<std::string>* approval = subcontracting_approval(g.proposal);
  const std::optional<Money> known_grant = g.grant_total();
  const std::optional<Money> known_contractual = g.grant_at(8);
  if (!known_grant || !known_contractual) return;
  if (approval == nullptr) return;
  const Money grant = *known_grant;
  const Money contractual = *known_contractual;
  const core::Percent cap = g.parameters.contractual_cap_percent;
  if (within_share(contractual, grant, cap)) return;
  outcome.add(kContractualCapApproved,
              "Contractual costs, " + money_text(contractual) + ", exceed " + percent_number(cap) +
                  "% of the grant (" + money_text(share_maximum(grant, cap)) + "); approval " +
                  quoted(**approval) + " is recorded — confirm it covers this amount.",
              approval->location);
}

inline constexpr core::RuleRef kOtherCap{
    "GRANT-OTHER-CAP", core::Severity::Error,
    "CET RFP FY2004-05 App C item 9 ('Other, e.g. Indirect or Overhead Costs', limited to 20 % of "
    "the total grant funds requested)"};

// Other (indirect, overhead) costs from grant funds stay within their share of the grant.
void other_within_cap(const Grant& g, Outcome& outcome) {
  const std::optional<Money> known_grant = g.grant_total();
  const std::optional<Money> known_other = g.grant_at(9);
  if (!known_grant || !known_other) return;
  const Money grant = *known_grant;
  const Money other = *known_other;
  const core::Percent cap = g.parameters.other_cap_percent;
  if (within_share(other, grant, cap)) return;
  outcome.add(kOtherCap,
              "Other/indirect costs from grant funds, " + money_text(other) + ", are " +
                  percent_shown(other, grant) + "% of the grant; the limit is " +
                  percent_number(cap) + "% (" + money_text(share_maximum(grant, cap)) + ").",
              g.proposal.table_c->location);
}

inline constexpr core::RuleRef kAdminLumpCap{
    "GRANT-ADMIN-LUMP-CAP", core::Severity::Error,
    "CET RFP FY2004-05 §I-6 'Grant projects are nonprofit' (administrative costs, method 2: a "
    "lumped total may not exceed 20 % of the remaining project expenditures)"};

// The lumped administrative total L, when Table D has administrative-costs lines and L is known.
std::optional<Money> lumped_administrative_costs(const GrantProposal& proposal) {
  if (!proposal.table_d || !has_administrative_costs(*proposal.table_d)) return std::nullopt;
  return administrative_lump_total(*proposal.table_d);
}

// Lumped administrative costs stay within their share of the remaining expenditures T − L (I-4).
void administrative_lump_within_cap(const Grant& g, Outcome& outcome) {
  const std::optional<Money> budget = g.budget_total();
  const std::optional<Money> lump = lumped_administrative_costs(g.proposal);
  if (!budget || !lump) return;
  const Money remaining = *budget - *lump;
  const core::Percent cap = g.parameters.administrative_lump_cap_percent;
  if (within_share(*lump, remaining, cap)) return;
  outcome.add(kAdminLumpCap,
              "Lumped administrative costs, " + money_text(*lump) + ", exceed " +
                  percent_number(cap) + "% of the remaining project expenditures " +
                  money_text(remaining) + "; the limit is " +
                  money_text(share_maximum(remaining, cap)) + ".",
              g.proposal.table_d->location);
}

inline constexpr core::RuleRef kAdminLumpItems{
    "GRANT-ADMIN-LUMP-ITEMS", core::Severity::Error,
    "CET RFP FY2004-05 §I-6 (method 2: identify each administrative cost item, then give their "
    "total)"};

// Every lumped administrative cost names the items it covers.
void administrative_lump_names_items(const Grant& g, Outcome& outcome) {
  if (!g.proposal.table_d) return;
  for (const model::TableDSection* section : g.proposal.table_d->sections()) {
    if (section == nullptr) continue;
    for (const model::TableDLine& line : section->lines) {
      if (line.row != model::TableDRow::AdministrativeCosts) continue;
      const bool named = std::any_of(line.items.begin(), line.items.end(),
                                     [](const Field<std::string>& item) { return item.present(); });
      if (named) continue;
      outcome.add(kAdminLumpItems,
                  "A lumped administrative cost must name the items it covers (rent, utilities, "
                  "library use, maintenance...).",
                  line.location);
    }
  }
}

inline constexpr core::RuleRef kIndirectBrokenOut{
    "GRANT-INDIRECT-BROKEN-OUT", core::Severity::Error,
    "CET RFP FY2004-05 §II-3(h) (indirect or overhead costs must be broken out); App D Table D "
    "'Other — Specify'"};

// Every "Other" line of Table D says what the cost is.
void other_costs_broken_out(const Grant& g, Outcome& outcome) {
  if (!g.proposal.table_d || !g.proposal.table_d->other) return;
  for (const model::TableDLine& line : g.proposal.table_d->other->lines) {
    if (line.row != model::TableDRow::Line || !line.specify.absent()) continue;
    outcome.add(kIndirectBrokenOut,
                "An \"Other\" cost of " + amount_shown(line.total_charged) +
                    " does not say what it is; indirect and overhead costs must be broken out.",
                line.location);
  }
}

// ---------------------------------------------------------------------------------------------
// Completeness.

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

// ---------------------------------------------------------------------------------------------
// Eligibility and commitments.

inline constexpr core::RuleRef kNonprofit{
    "GRANT-NONPROFIT", core::Severity::Error,
    "CET RFP FY2004-05 App A §103 (\"Only nonprofit organizations … are eligible\"); §I-8 (the "
    "solicitation is made available to \"qualified nonprofit organizations\")"};

Field<bool> nonprofit_field(const Grant& g) {
  if (g.proposal.applicant) return g.proposal.applicant->nonprofit;
  Field<bool> absent;
  absent.location = g.part_path("applicant/nonprofit");
  return absent;
}

// Only nonprofit organizations are eligible.
void applicant_is_nonprofit(const Grant& g, Outcome& outcome) {
  if (!g.at_proposal()) return;
  const Field<bool> nonprofit = nonprofit_field(g);
  if (!fails_commitment(nonprofit)) return;
  outcome.add(kNonprofit,
              "Only nonprofit organizations are eligible; the applicant is not shown as "
              "nonprofit.",
              nonprofit.location);
}

inline constexpr core::RuleRef kNonprofitEvidenceInfo{
    "GRANT-NONPROFIT-EVIDENCE-INFO", core::Severity::Info,
    "CET RFP FY2004-05 App A §103 (\"Applicants may be required to submit evidence of their "
    "nonprofit status\")"};

// A notice that the department may ask for evidence of nonprofit status when none is cited.
void nonprofit_evidence_notice(const Grant& g, Outcome& outcome) {
  if (!g.at_proposal() || !g.proposal.applicant) return;
  const model::Applicant& applicant = *g.proposal.applicant;
  if (!is_yes(applicant.nonprofit) || !applicant.nonprofit_evidence.absent()) return;
  outcome.add(kNonprofitEvidenceInfo,
              "No evidence of nonprofit status is cited; the department may ask for it (§103).",
              applicant.nonprofit_evidence.location);
}

inline constexpr core::RuleRef kEvaluationCommitment{
    "GRANT-EVALUATION-COMMITMENT", core::Severity::Error,
    "CET RFP FY2004-05 §I-6 'Evaluation cooperation required'; §I-8.2 adequacy criterion 2; "
    "§II-2b.3; App A §126"};
inline constexpr core::RuleRef kImmediateStartEvidence{
    "GRANT-IMMEDIATE-START-EVIDENCE", core::Severity::Error,
    "CET RFP FY2004-05 §I-6 'Immediate implementation of grant project' (\"Applicants must supply "
    "evidence of the ability to begin program activities within four (4) weeks of grant "
    "award\"); §I-9 II (\"Immediate implementation is possible\")"};

// A commitment of `commitments`, or an absent field where it would be.
Field<bool> commitment(const Grant& g, Field<bool> model::Commitments::*member,
                       std::string_view element) {
  if (g.proposal.commitments) return (*g.proposal.commitments).*member;
  Field<bool> absent;
  absent.location = g.part_path("commitments/" + std::string(element));
  return absent;
}

// The proposal commits to cooperate in the evaluation of the program.
void commits_to_evaluation(const Grant& g, Outcome& outcome) {
  if (!g.at_proposal()) return;
  const Field<bool> field =
      commitment(g, &model::Commitments::evaluation_cooperation, "evaluation-cooperation");
  if (!fails_commitment(field)) return;
  outcome.add(kEvaluationCommitment,
              "The proposal does not commit to cooperate in the evaluation of the program.",
              field.location);
}

// The proposal shows it can begin within four weeks of the award.
void can_start_within_four_weeks(const Grant& g, Outcome& outcome) {
  if (!g.at_proposal()) return;
  const Field<bool> field =
      commitment(g, &model::Commitments::start_within_four_weeks, "start-within-four-weeks");
  if (!fails_commitment(field)) return;
  outcome.add(kImmediateStartEvidence,
              "The proposal must show that it can begin within four weeks of the award; it does "
              "not.",
              field.location);
}

inline constexpr core::RuleRef kDeadline{
    "GRANT-DEADLINE", core::Severity::Error,
    "CET RFP FY2004-05 §I-8.1 (received by 5 p.m. Friday, May 21, 2004; late proposals are "
    "returned unopened)"};

// A proposal for the configured fiscal year is received by its deadline (I-34).
void received_by_deadline(const Grant& g, Outcome& outcome) {
  if (!g.at_proposal() || !g.proposal.received.present()) return;
  const std::optional<model::FiscalYear> year = model::fiscal_year_of(g.proposal);
  if (!year || fiscal_year_text(*year) != g.parameters.fiscal_year) return;
  const model::Received& received = *g.proposal.received;
  if (received.instant <= g.parameters.proposal_deadline) return;
  outcome.add(kDeadline,
              "The proposal was received " + received.local.text + ", after the deadline of " +
                  g.parameters.proposal_deadline_text + ".",
              g.proposal.received.location);
}

inline constexpr core::RuleRef kActivityEmphasis{
    "GRANT-ACTIVITY-EMPHASIS", core::Severity::Warning,
    "CET RFP FY2004-05 §I-5 (training, services, limited research: an emphasis on a single "
    "activity or on any two)"};

// The proposal emphasises one or two of training, services and limited research.
void emphasises_one_or_two_activities(const Grant& g, Outcome& outcome) {
  if (!g.at_proposal()) return;
  const auto& narrative = g.proposal.proposal_narrative;
  const model::ProjectDesign* design =
      narrative && narrative->project_design ? &*narrative->project_design : nullptr;
  if (design != nullptr && design->activities_to_be_funded.rejected()) return;
  std::vector<std::string> distinct;
  if (design != nullptr && design->activities_to_be_funded.present()) {
    for (const std::string& activity : *design->activities_to_be_funded)
      if (std::find(distinct.begin(), distinct.end(), activity) == distinct.end())
        distinct.push_back(activity);
  }
  if (!distinct.empty() && distinct.size() <= kMostEmphasisedActivities) return;
  std::string list;
  for (const std::string& activity : distinct) list += (list.empty() ? "" : ", ") + activity;
  outcome.add(kActivityEmphasis,
              "The proposal should emphasise one or two of training, services and limited "
              "research; it names " +
                  (list.empty() ? std::string("none") : list) + ".",
              design != nullptr
                  ? design->activities_to_be_funded.location
                  : g.part_path("proposal-narrative/project-design/activities-to-be-funded"));
}

inline constexpr core::RuleRef kApplicantCategoryInfo{
    "GRANT-APPLICANT-CATEGORY-INFO", core::Severity::Info,
    "CET RFP FY2004-05 §I-3 (\"Proposals will be categorized\": management/employer, "
    "labor/employee and other organizations)"};

// The funding category the applicant states, for the reviewer (the department categorizes).
void applicant_category_notice(const Grant& g, Outcome& outcome) {
  if (!g.at_proposal()) return;
  Field<std::string> category;
  category.location = g.part_path("applicant/applicant-category");
  if (g.proposal.applicant) category = g.proposal.applicant->applicant_category;
  if (category.rejected()) return;
  if (!category.present()) {
    outcome.add(kApplicantCategoryInfo,
                "The applicant states no funding category; the department assigns one (§I-3).",
                category.location);
    return;
  }
  outcome.figures.set("applicant-category", *category);
  outcome.add(kApplicantCategoryInfo,
              "Funding category stated by the applicant: " + *category + ".", category.location);
}

inline constexpr core::RuleRef kConsecutiveCycles{
    "GRANT-CONSECUTIVE-CYCLES", core::Severity::Warning,
    "CET RFP FY2004-05 §I-3 (no more than five consecutive grant cycles unless circumstances "
    "warrant)"};

// A project funded five consecutive cycles needs circumstances that warrant another.
void within_consecutive_cycles(const Grant& g, Outcome& outcome) {
  if (!g.at_proposal() || !g.proposal.applicant) return;
  const Field<std::int64_t>& cycles = g.proposal.applicant->consecutive_prior_cycles;
  if (!cycles.present() || *cycles < kConsecutiveCyclesLimit) return;
  outcome.add(kConsecutiveCycles,
              "This project has been funded " + std::to_string(*cycles) +
                  " consecutive cycles; funding it for more than " +
                  std::to_string(kConsecutiveCyclesLimit) + " needs circumstances that warrant it.",
              cycles.location);
}

inline constexpr core::RuleRef kParallelDisclosure{
    "GRANT-PARALLEL-DISCLOSURE", core::Severity::Warning,
    "CET RFP FY2004-05 §I-6 'Organizational or other grant project disclosure'"};

// The proposal discloses parallel projects or grants, or says there are none.
void parallel_projects_disclosed(const Grant& g, Outcome& outcome) {
  if (!g.at_proposal()) return;
  const model::ParallelProjects* parallel =
      g.proposal.applicant && g.proposal.applicant->parallel_projects
          ? &*g.proposal.applicant->parallel_projects
          : nullptr;
  if (parallel != nullptr) {
    if (is_yes(parallel->none)) return;
    if (std::any_of(parallel->projects.begin(), parallel->projects.end(),
                    [](const Field<std::string>& project) { return project.present(); }))
      return;
    if (parallel->none.rejected()) return;
  }
  outcome.add(
      kParallelDisclosure,
      "The proposal does not disclose parallel projects or grants (write none=\"yes\" if "
      "there are none).",
      parallel != nullptr ? parallel->location : g.part_path("applicant/parallel-projects"));
}

// ---------------------------------------------------------------------------------------------
// Program income and fees.

// Σ expected income of the fees; nullopt when one is unknown.
std::optional<Money> program_income_total(const model::ProgramIncome& income) {
  Money total{};
  for (const model::Fee& fee : income.fees) {
    if (!fee.expected_income.present()) return std::nullopt;
    total += *fee.expected_income;
  }
  return total;
}

inline constexpr core::RuleRef kProgramIncomeApplied{
    "GRANT-PROGRAM-INCOME-APPLIED", core::Severity::Error,
    "CET RFP FY2004-05 §I-6 'Grant projects are nonprofit' (program income is applied to project "
    "expenses before grant funds)"};

// Program income is applied to project expenses before grant funds.
void program_income_applied(const Grant& g, Outcome& outcome) {
  if (!g.proposal.program_income) return;
  const model::ProgramIncome& income = *g.proposal.program_income;
  Money expected{};
  bool earns = false;
  for (const model::Fee& fee : income.fees) {
    if (!fee.expected_income.present()) continue;
    expected += *fee.expected_income;
    earns = earns || fee.expected_income->units > 0;
  }
  if (!earns || !fails_commitment(income.applied_to_project_expenses)) return;
  outcome.add(kProgramIncomeApplied,
              "Program income of " + money_text(expected) +
                  " must be applied to project expenses before grant funds.",
              income.applied_to_project_expenses.location);
}

inline constexpr core::RuleRef kFeeApproval{
    "GRANT-FEE-APPROVAL", core::Severity::Warning,
    "CET RFP FY2004-05 §I-6 'Fees charged for activities ...' (prohibited unless approved in "
    "advance, in writing); I-41"};
inline constexpr core::RuleRef kFeeKeyPersonnel{
    "GRANT-FEE-KEY-PERSONNEL", core::Severity::Error,
    "CET RFP FY2004-05 §I-6 (the cost of key personnel cannot be recovered through fees)"};
inline constexpr core::RuleRef kFeePurpose{
    "GRANT-FEE-PURPOSE", core::Severity::Warning,
    "CET RFP FY2004-05 §I-6 (nominal fees recover limited costs such as facility rental, meal "
    "expenses, training material)"};

std::string fee_shown(const model::Fee& fee) {
  return quoted(shown(fee.description, "(no description)"));
}

const std::vector<model::Fee>& fees_of(const GrantProposal& proposal) {
  static const std::vector<model::Fee> kNone;
  return proposal.program_income ? proposal.program_income->fees : kNone;
}

// Every fee has the department's advance written approval.
void fees_approved_in_advance(const Grant& g, Outcome& outcome) {
  for (const model::Fee& fee : fees_of(g.proposal)) {
    if (!fee.prior_approval.absent()) continue;
    outcome.add(kFeeApproval,
                "Fee " + fee_shown(fee) + " needs the department's advance written approval.",
                fee.location);
  }
}

// No fee recovers the cost of key personnel.
void fees_spare_key_personnel(const Grant& g, Outcome& outcome) {
  for (const model::Fee& fee : fees_of(g.proposal)) {
    if (!fee.purpose.present() || *fee.purpose != model::FeePurpose::KeyPersonnel) continue;
    outcome.add(
        kFeeKeyPersonnel,
        "Fee " + fee_shown(fee) + " would recover key-personnel costs, which fees may not do.",
        fee.location);
  }
}

// Fees recover only facility rental, meals or training material.
void fees_for_allowed_purposes(const Grant& g, Outcome& outcome) {
  for (const model::Fee& fee : fees_of(g.proposal)) {
    if (!fee.purpose.present() || *fee.purpose != model::FeePurpose::Other) continue;
    outcome.add(kFeePurpose,
                "Fee " + fee_shown(fee) +
                    " is for a purpose other than facility rental, meals or training material.",
                fee.location);
  }
}

// ---------------------------------------------------------------------------------------------
// Uses of grant funds.

inline constexpr core::RuleRef kLostTimeWages{
    "GRANT-LOST-TIME-WAGES", core::Severity::Error,
    "CET RFP FY2004-05 §I-6 'Grant funds must not be used to pay lost-time wages' (only in-kind "
    "contributions by the grantee)"};

// Lost-time wages appear only as in-kind matching.
void lost_time_wages_in_kind(const Grant& g, Outcome& outcome) {
  if (!g.proposal.table_d || !g.proposal.table_d->wages_salaries) return;
  for (const model::TableDLine& line : g.proposal.table_d->wages_salaries->lines) {
    if (!is_yes(line.lost_time)) continue;
    if (line.funding.rejected() || line.in_kind.rejected()) continue;
    const bool matching = line.funding.present() && *line.funding == model::Funding::Matching;
    if (matching && is_yes(line.in_kind)) continue;
    outcome.add(kLostTimeWages,
                "Lost-time wages " + quoted(shown(line.position, "(no position)")) + " (" +
                    amount_shown(line.total_charged) +
                    ") may not be paid from grant funds; show them as in-kind matching.",
                line.location);
  }
}

inline constexpr core::RuleRef kProhibitedUse{
    "GRANT-PROHIBITED-USE", core::Severity::Warning,
    "CET RFP FY2004-05 §I-6 'Grant activities must not include membership drives'; 'Grant funds "
    "must not be used ... for lobbying activities'; I-41"};

// Whether `text` may name a prohibited use: false when it is ASCII without "lobby" or "member" in
// any letter case. Every phrase contains one of them (with no space inside), and folding ASCII
// text only lowers its letters and collapses its spaces, so such a text never matches.
bool may_name_prohibited_use(std::string_view text) {
  constexpr std::string_view lobby = "lobby";
  constexpr std::string_view member = "member";
  const auto lower = [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c;
  };
  const auto at = [&](std::size_t i, std::string_view word) {
    if (text.size() - i < word.size()) return false;
    for (std::size_t k = 1; k < word.size(); ++k)
      if (lower(text[i + k]) != word[k]) return false;
    return true;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (static_cast<unsigned char>(c) >= 0x80) return true;  // not ASCII: fold and see
    const char l = lower(c);
    if ((l == 'l' && at(i, lobby)) || (l == 'm' && at(i, member))) return true;
  }
  return false;
}

bool names_prohibited_use(std::string_view text) {
  if (!may_name_prohibited_use(text)) return false;
  const std::string folded = text::fold_for_match(text);
  return std::any_of(
      std::begin(kProhibitedUsePhrases), std::end(kProhibitedUsePhrases),
      [&](std::string_view phrase) { return folded.find(phrase) != std::string::npos; });
}

// The texts GRANT-PROHIBITED-USE reads, in document order of their tables.
std::vector<const Field<std::string>*> described_uses(const GrantProposal& proposal) {
  std::vector<const Field<std::string>*> out;
  if (proposal.table_a) {
    for (const model::TrainingProgram& program : proposal.table_a->training_programs)
      out.push_back(&program.title_of_training_program);
    for (const model::ServiceActivity& service : proposal.table_a->service_activities)
      out.push_back(&service.description);
  }
  if (proposal.table_b) {
    for (const model::TimeFlowActivity& activity : proposal.table_b->activities)
      out.push_back(&activity.name);
  }
  if (proposal.table_d) {
    for (const model::TableDSection* section : proposal.table_d->sections()) {
      if (section == nullptr) continue;
      for (const model::TableDLine& line : section->lines) {
        for (const Field<std::string>* text :
             {&line.position, &line.type_of_benefit, &line.type_of_supplies, &line.type_of_material,
              &line.type_of_equipment, &line.type_of_rental, &line.scope_nature_of_contract,
              &line.specify})
          out.push_back(text);
        for (const Field<std::string>& item : line.items) out.push_back(&item);
      }
    }
  }
  for (const model::Fee& fee : fees_of(proposal)) out.push_back(&fee.description);
  return out;
}

// No text describes lobbying or a membership drive (a phrase heuristic, I-41).
void no_lobbying_or_membership_drive(const Grant& g, Outcome& outcome) {
  for (const Field<std::string>* text : described_uses(g.proposal)) {
    if (!text->present() || !names_prohibited_use(**text)) continue;
    outcome.add(kProhibitedUse,
                quoted(**text) +
                    " looks like lobbying or a membership drive, which grant funds may not "
                    "support.",
                text->location);
  }
}

inline constexpr core::RuleRef kEquipmentPriorApproval{
    "GRANT-EQUIPMENT-PRIOR-APPROVAL", core::Severity::Warning,
    "CET RFP FY2004-05 App A §128 'Purchase of Equipment'; I-37"};
inline constexpr core::RuleRef kEquipmentBids{
    "GRANT-EQUIPMENT-BIDS", core::Severity::Warning,
    "CET RFP FY2004-05 App A §128 (bids from at least three sources, or an explanation)"};

// Whether a grant-funded equipment line without a recorded approval needs §128 prior approval:
// cost per item at the threshold or more and a life at the threshold or more (unknown life
// counts, I-37).
bool needs_prior_approval(const model::TableDLine& line, const GrantParameters& parameters) {
  if (!line.funding.present() || *line.funding != model::Funding::Grant) return false;
  if (!line.prior_approval.absent()) return false;
  if (!line.cost_per_item.present() || line.life_span_months.rejected()) return false;
  if (*line.cost_per_item < parameters.equipment_prior_approval_cost) return false;
  return line.life_span_months.absent() ||
         *line.life_span_months >= parameters.equipment_prior_approval_life_months;
}

std::string equipment_shown(const model::TableDLine& line) {
  return quoted(line.row == model::TableDRow::Rental ? shown(line.type_of_rental, "(no type)")
                                                     : shown(line.type_of_equipment, "(no type)"));
}

const std::vector<model::TableDLine>& equipment_lines(const GrantProposal& proposal) {
  static const std::vector<model::TableDLine> kNone;
  return proposal.table_d && proposal.table_d->equipment ? proposal.table_d->equipment->lines
                                                         : kNone;
}

// Costly, durable equipment bought, leased or rented with grant funds has prior approval.
void equipment_has_prior_approval(const Grant& g, Outcome& outcome) {
  for (const model::TableDLine& line : equipment_lines(g.proposal)) {
    if (!needs_prior_approval(line, g.parameters)) continue;
    const std::string life = line.life_span_months.present()
                                 ? "a life of " + std::to_string(*line.life_span_months) + " months"
                                 : "no stated life span (taken as 24 months or more)";
    outcome.add(kEquipmentPriorApproval,
                equipment_shown(line) + " costs " + money_text(*line.cost_per_item) +
                    " an item with " + life +
                    "; purchase, lease or rental needs the project manager's prior approval.",
                line.location);
  }
}

// Equipment needing prior approval comes with three bids or an explanation.
void equipment_has_three_bids(const Grant& g, Outcome& outcome) {
  for (const model::TableDLine& line : equipment_lines(g.proposal)) {
    if (!needs_prior_approval(line, g.parameters) || line.bids.rejected()) continue;
    const std::int64_t bids = line.bids.value_or(0);
    if (bids >= kMinimumBids || line.bid_explanation.present()) continue;
    outcome.add(kEquipmentBids,
                equipment_shown(line) + " has " + std::to_string(bids) +
                    " bid(s); the request needs three bids or an explanation.",
                line.location);
  }
}

// ---------------------------------------------------------------------------------------------
// Computed figures.

inline constexpr core::RuleRef kPriorityAudience{
    "GRANT-PRIORITY-AUDIENCE", core::Severity::Info,
    "CET RFP FY2004-05 §I-4 (preference for Appendix B audiences, establishments under 100 "
    "employees); §I-3; §II-2b.2.A; §I-2 objective 2; App B"};

// The Appendix B entry whose code is the longest prefix of `naics`, if any (rules.md §2.6).
const HazardRank* hazard_rank(std::string_view naics) {
  const HazardRank* best = nullptr;
  for (const HazardRank& entry : kHazardRanking) {
    if (naics.substr(0, entry.naics.size()) != entry.naics) continue;
    if (best == nullptr || entry.naics.size() > best->naics.size()) best = &entry;
  }
  return best;
}

// The audience's industries on the hazard ranking list, whom it serves and its size.
void priority_audience_figures(const Grant& g, Outcome& outcome) {
  if (!g.proposal.target_audience) return;
  const model::TargetAudience& audience = *g.proposal.target_audience;
  std::string codes;
  std::string ranks;
  std::string matches;
  for (const Field<std::string>& naics : audience.naics) {
    if (!naics.present()) continue;
    const HazardRank* rank = hazard_rank(*naics);
    if (rank == nullptr) continue;
    const std::string separator = codes.empty() ? "" : " ";
    codes += separator + *naics;
    ranks += separator + std::string(rank->rank);
    matches += (matches.empty() ? "" : ", ") + *naics + " (rank " + std::string(rank->rank) + ")";
  }
  if (!audience.naics.empty()) {
    outcome.figures.set("priority-naics", codes);
    outcome.figures.set("priority-ranks", ranks);
  }
  std::string serves = "not stated";
  if (audience.serves.present()) {
    serves = *audience.serves;
    outcome.figures.set("serves", serves);
  }
  std::string small = "not stated";
  if (audience.small_establishments.present()) {
    small = *audience.small_establishments ? "yes" : "no";
    outcome.figures.set("small-establishments", small);
  }
  outcome.add(kPriorityAudience,
              "Audience industries on the hazard ranking list: " +
                  (matches.empty() ? std::string("none") : matches) + "; serves " + serves +
                  "; mainly small establishments: " + small + ".",
              audience.location);
}

inline constexpr core::RuleRef kBudgetTotals{"GRANT-BUDGET-TOTALS", core::Severity::Info,
                                             "CET RFP FY2004-05 §I-3, §I-6, App C"};

// A percentage figure, set only when the whole is not zero.
void set_percent(Outcome& outcome, const std::string& key, Money part, Money whole) {
  if (auto figure = core::percent_figure(part.units, whole.units))
    outcome.figures.set(key, *figure);
}

// The budget figures every cap is judged on, each when its own amounts are known (I-45): an
// unknown matching amount leaves the grant figures and the caps' maxima, an unknown grant amount
// the matching total.
void budget_totals(const Grant& g, Outcome& outcome) {
  if (!g.amounts) return;
  const GrantParameters& parameters = g.parameters;
  const std::optional<Money> grant = g.grant_total();
  const std::optional<Money> matching = g.matching_total();
  const std::optional<Money> budget = g.budget_total();
  core::Figures& figures = outcome.figures;
  const auto money = [&](const std::string& key, std::optional<Money> value) {
    if (value) figures.set(key, core::money_figure(*value));
  };
  money("grant-total", grant);
  money("matching-total", matching);
  money("budget-total", budget);
  if (grant) money("matching-minimum", share_minimum(*grant, parameters.matching_minimum_percent));
  if (grant && matching) set_percent(outcome, "matching-percent", *matching, *grant);
  struct Capped {
    const char* name;
    int category;
    core::Percent cap;
  };
  const Capped capped[] = {{"equipment", 7, parameters.equipment_cap_percent},
                           {"contractual", 8, parameters.contractual_cap_percent},
                           {"other", 9, parameters.other_cap_percent}};
  for (const Capped& c : capped) {
    const std::string name = c.name;
    const std::optional<Money> part = g.grant_at(c.category);
    money(name + "-grant", part);
    if (part && grant) set_percent(outcome, name + "-percent", *part, *grant);
    if (grant) money(name + "-maximum", share_maximum(*grant, c.cap));
  }
  money("award-maximum", parameters.award_maximum);
  if (const std::optional<Money> lump = lumped_administrative_costs(g.proposal)) {
    money("administrative-lump-total", *lump);
    if (budget) {
      const Money remaining = *budget - *lump;
      money("remaining-expenditures", remaining);
      money("administrative-lump-maximum",
            share_maximum(remaining, parameters.administrative_lump_cap_percent));
    }
  }
  if (g.proposal.program_income && !g.proposal.program_income->fees.empty()) {
    if (const std::optional<Money> income = program_income_total(*g.proposal.program_income))
      money("program-income-total", *income);
  }
  const auto shown = [](const std::optional<Money>& value) {
    return value ? money_text(*value) : std::string("unknown");
  };
  const std::optional<std::string> percent =
      grant && matching ? core::percent_figure(matching->units, grant->units) : std::nullopt;
  outcome.add(kBudgetTotals,
              "Grant " + shown(grant) + ", matching " + shown(matching) +
                  (percent ? " (" + *percent + "%)" : std::string()) + ", total budget " +
                  shown(budget) + ".",
              g.proposal.table_c->location);
}

// ---------------------------------------------------------------------------------------------

using GrantRule = void (*)(const Grant&, Outcome&);

// rules.md §4.2, in catalogue order.
constexpr GrantRule kGrantRules[] = {
    grant_within_award_maximum,          // GRANT-AWARD-MAX
    revised_grant_within_award_maximum,  // GRANT-AWARD-MAX-REVISION
    request_matches_table_c,             // GRANT-REQUEST-CONSISTENT
    matching_share_reaches_minimum,      // GRANT-MATCH-MIN
    equipment_within_cap,                // GRANT-EQUIPMENT-CAP
    contractual_within_cap,              // GRANT-CONTRACTUAL-CAP
    approved_contractual_within_cap,     // GRANT-CONTRACTUAL-CAP-APPROVED
    other_within_cap,                    // GRANT-OTHER-CAP
    administrative_lump_within_cap,      // GRANT-ADMIN-LUMP-CAP
    administrative_lump_names_items,     // GRANT-ADMIN-LUMP-ITEMS
    other_costs_broken_out,              // GRANT-INDIRECT-BROKEN-OUT
    proposal_has_seven_parts,            // GRANT-PARTS-COMPLETE
    narrative_has_sections,              // GRANT-NARRATIVE-SECTIONS
    design_has_subsections,              // GRANT-DESIGN-SUBSECTIONS
    summary_within_two_pages,            // GRANT-SUMMARY-LENGTH
    signature_sheet_complete,            // GRANT-SIGNATURE-SHEET
    participants_signed_affiliation,     // GRANT-AFFILIATION
    key_administrator_with_resume,       // GRANT-KEY-ADMINISTRATOR
    key_personnel_have_resumes,          // GRANT-KEY-RESUMES
    key_personnel_disclose_base_salary,  // GRANT-BASE-SALARY
    advisory_committee_described,        // GRANT-ADVISORY-COMMITTEE
    applicant_is_nonprofit,              // GRANT-NONPROFIT
    nonprofit_evidence_notice,           // GRANT-NONPROFIT-EVIDENCE-INFO
    commits_to_evaluation,               // GRANT-EVALUATION-COMMITMENT
    can_start_within_four_weeks,         // GRANT-IMMEDIATE-START-EVIDENCE
    received_by_deadline,                // GRANT-DEADLINE
    emphasises_one_or_two_activities,    // GRANT-ACTIVITY-EMPHASIS
    applicant_category_notice,           // GRANT-APPLICANT-CATEGORY-INFO
    within_consecutive_cycles,           // GRANT-CONSECUTIVE-CYCLES
    parallel_projects_disclosed,         // GRANT-PARALLEL-DISCLOSURE
    program_income_applied,              // GRANT-PROGRAM-INCOME-APPLIED
    fees_approved_in_advance,            // GRANT-FEE-APPROVAL
    fees_spare_key_personnel,            // GRANT-FEE-KEY-PERSONNEL
    fees_for_allowed_purposes,           // GRANT-FEE-PURPOSE
    lost_time_wages_in_kind,             // GRANT-LOST-TIME-WAGES
    no_lobbying_or_membership_drive,     // GRANT-PROHIBITED-USE
    equipment_has_prior_approval,        // GRANT-EQUIPMENT-PRIOR-APPROVAL
    equipment_has_three_bids,            // GRANT-EQUIPMENT-BIDS
    priority_audience_figures,           // GRANT-PRIORITY-AUDIENCE
    budget_totals,                       // GRANT-BUDGET-TOTALS
};

}  // namespace

void check_grant(const GrantProposal& proposal, const Context& context, Outcome& outcome) {
  std::optional<TableCAmounts> amounts;
  if (proposal.table_c) amounts = table_c_amounts(*proposal.table_c);
  const Grant grant{proposal, *context.grant, model::stage_of(proposal), amounts};
  for (const GrantRule rule : kGrantRules) rule(grant, outcome);
}

}  // namespace pipeline::rules
