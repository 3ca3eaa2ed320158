// The GRANT family (rules.md §4.2), eligibility and commitments, program income and fees.
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/rules/grant_rules.hpp"

namespace pipeline::rules::grant {

// Σ expected income of the fees; nullopt when one is unknown.
std::optional<Money> program_income_total(const model::ProgramIncome& income) {
  Money total{};
  for (const model::Fee& fee : income.fees) {
    if (!fee.expected_income.present()) return std::nullopt;
    total += *fee.expected_income;
  }
  return total;
}

const std::vector<model::Fee>& fees_of(const GrantProposal& proposal) {
  static const std::vector<model::Fee> kNone;
  return proposal.program_income ? proposal.program_income->fees : kNone;
}

namespace {

constexpr std::int64_t kConsecutiveCyclesLimit = 5;   // §I-3 "not ... more than five"
constexpr std::size_t kMostEmphasisedActivities = 2;  // §I-5 "a single activity or ... any two"

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
  g.figures.applicant_category = *category;
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

// rules.md §4.2, in catalogue order.
constexpr GrantRule kRules[] = {
    {{"GRANT-NONPROFIT"}, applicant_is_nonprofit},
    {{"GRANT-NONPROFIT-EVIDENCE-INFO"}, nonprofit_evidence_notice},
    {{"GRANT-EVALUATION-COMMITMENT"}, commits_to_evaluation},
    {{"GRANT-IMMEDIATE-START-EVIDENCE"}, can_start_within_four_weeks},
    {{"GRANT-DEADLINE"}, received_by_deadline},
    {{"GRANT-ACTIVITY-EMPHASIS"}, emphasises_one_or_two_activities},
    {{"GRANT-APPLICANT-CATEGORY-INFO"}, applicant_category_notice},
    {{"GRANT-CONSECUTIVE-CYCLES"}, within_consecutive_cycles},
    {{"GRANT-PARALLEL-DISCLOSURE"}, parallel_projects_disclosed},
    {{"GRANT-PROGRAM-INCOME-APPLIED"}, program_income_applied},
    {{"GRANT-FEE-APPROVAL"}, fees_approved_in_advance},
    {{"GRANT-FEE-KEY-PERSONNEL"}, fees_spare_key_personnel},
    {{"GRANT-FEE-PURPOSE"}, fees_for_allowed_purposes},
};

}  // namespace

std::span<const GrantRule> eligibility_rules() {
  return kRules;
}

}  // namespace pipeline::rules::grant
