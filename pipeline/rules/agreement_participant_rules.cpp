// The AGREEMENT rulebook (rules.md §4.15): participants, signatories, clearances and what the
// agreement names.
#include "pipeline/rules/agreement_phrases.hpp"
#include "pipeline/rules/agreement_rules.hpp"
#include "pipeline/text/unicode.hpp"

namespace pipeline::rules::agreement {

namespace {

// ---------------------------------------------------------------------------------------------
// Participants.

inline constexpr core::RuleRef kWorkerRep{
    "AGREEMENT-WORKER-REP", core::Severity::Error,
    "IOSH IACSP 04-01-002 §VI.C.3 (a)–(c); Cal/OSHA Alliance P&P (2019) §B.3.e (1)–(3)"};
inline constexpr core::RuleRef kWorkerRepOsha{"AGREEMENT-WORKER-REP-OSHA", core::Severity::Warning,
                                              "OSHA CSP 04-01-003 §VIII.G.6; rules.md I-25"};

bool worker_representation_shown(const Subject& s) {
  const auto& rule = s.profile.worker_representation;
  for (const auto& organization : s.agreement.organizations.rows)
    if (organization.organization_type.present() &&
        contains(rule.worker_types, *organization.organization_type))
      return true;
  for (const auto& means : s.agreement.worker_representation.rows) {
    if (!means.value.present() || !contains(rule.accepted_means, *means.value)) continue;
    if (*means.value != kOtherMeans || means.detail.present()) return true;
  }
  return false;
}

// An alliance with employers shows worker representation by a means the program accepts.
void worker_representation(const Subject& s, core::Outcome& outcome) {
  const auto& rule = s.profile.worker_representation;
  using Requirement = model::WorkerRepresentationRequirement;
  if (rule.requirement == Requirement::NotRequired) return;
  if (rule.requirement == Requirement::ReasonableEffort && s.exempt()) return;
  const auto& organizations = s.agreement.organizations.rows;
  const bool with_employers =
      std::any_of(organizations.begin(), organizations.end(), [&](const Organization& o) {
        return o.organization_type.present() && contains(rule.employer_types, *o.organization_type);
      });
  if (!with_employers || worker_representation_shown(s)) return;
  const auto& location = s.agreement.worker_representation.location;
  if (rule.requirement == Requirement::Required) {
    outcome.add(kWorkerRep,
                "An alliance with employers or employer groups must include worker "
                "representation (" +
                    joined(rule.accepted_means, " or ") + "); none is shown.",
                location);
  } else {
    outcome.add(kWorkerRepOsha,
                "An alliance with employers or employer groups should show a reasonable effort "
                "to secure worker participation (§VIII.G.6); none is recorded.",
                location);
  }
}

inline constexpr core::RuleRef kOrgType{"AGREEMENT-ORG-TYPE", core::Severity::Warning,
                                        "MIOSHA-ADM-03-3R6 §XIII, §XII.A; OSHA CSP 04-01-003 §VII"};

// Each participant is of a type the program lists as eligible.
void organization_types_eligible(const Subject& s, core::Outcome& outcome) {
  const auto& eligible = s.profile.agreement.eligible_organization_types;
  if (eligible.empty()) return;
  for (const auto& organization : s.agreement.organizations.rows) {
    const auto& type = organization.organization_type;
    if (!type.present() || contains(eligible, *type)) continue;
    outcome.add(kOrgType,
                quoted(name_of(organization)) + " is a " + *type + ", which the " + s.program() +
                    " program does not list as eligible; review the request.",
                organization.location);
  }
}

inline constexpr core::RuleRef kForProfit{"AGREEMENT-FOR-PROFIT", core::Severity::Warning,
                                          "MIOSHA-ADM-03-3R6 §XIV.F, §XIV.D; OSHA CSP 04-01-003 "
                                          "§VII.C"};

// Whether a participant is for-profit; nullopt when unknown.
std::optional<bool> for_profit(const Organization& organization) {
  if (organization.for_profit.present()) return *organization.for_profit;
  if (organization.for_profit.absent() && organization.organization_type.present())
    return *organization.organization_type == kBusinessType;
  return std::nullopt;
}

// A for-profit participant must not benefit financially or gain clients.
void for_profit_reviewed(const Subject& s, core::Outcome& outcome) {
  if (!s.profile.agreement.for_profit_review) return;
  for (const auto& organization : s.agreement.organizations.rows) {
    if (!for_profit(organization).value_or(false)) continue;
    outcome.add(kForProfit,
                quoted(name_of(organization)) +
                    " is for-profit: confirm it will not benefit financially or use the alliance "
                    "to gain clients.",
                organization.location);
  }
}

inline constexpr core::RuleRef kConsulate{
    "AGREEMENT-CONSULATE", core::Severity::Warning,
    "OSHA CSP 04-01-003 §VII.B (OIA review; for countries other than Mexico also National Office "
    "SOL and ILAB clearance and State Department approval)"};

bool is_mexico(const core::Field<std::string>& country) {
  if (!country.present()) return false;
  const std::string key = text::strip_accents(text::fold_for_match(*country));
  return std::find(std::begin(kMexicoNames), std::end(kMexicoNames), key) != std::end(kMexicoNames);
}

// A consulate alliance has its country's clearances.
void consulate_cleared(const Subject& s, core::Outcome& outcome) {
  const auto& clearances = s.profile.clearances;
  if (clearances.consulate_mexico.empty() && clearances.consulate_other.empty()) return;
  const auto recorded = recorded_clearances(s.agreement);
  for (const auto& organization : s.agreement.organizations.rows) {
    if (!has_type(organization, kConsulateType)) continue;
    const auto& required =
        is_mexico(organization.country) ? clearances.consulate_mexico : clearances.consulate_other;
    const auto missing = missing_from(required, recorded);
    if (missing.empty()) continue;
    const std::string country =
        organization.country.present() ? *organization.country : "country not given";
    outcome.add(kConsulate,
                "Consulate " + quoted(name_of(organization)) + " (" + country + "): no " +
                    joined(missing, " or ") + " clearance is recorded.",
                organization.location);
  }
}

inline constexpr core::RuleRef kTribeApproval{"AGREEMENT-TRIBE-APPROVAL", core::Severity::Error,
                                              "OSHA CSP 04-01-003 §VII.D"};

// A regional or area office alliance with a tribe has National Office SOL approval.
void tribe_approved(const Subject& s, core::Outcome& outcome) {
  const auto& required = s.profile.clearances.tribe_regional;
  if (required.empty() || !s.level || *s.level == kNational) return;
  const auto missing = missing_from(required, recorded_clearances(s.agreement));
  if (missing.empty()) return;
  for (const auto& organization : s.agreement.organizations.rows) {
    if (!has_type(organization, kTribeType)) continue;
    outcome.add(kTribeApproval,
                quoted(name_of(organization)) +
                    ": a regional or area office alliance with a Native American tribe needs "
                    "National Office SOL approval.",
                organization.location);
  }
}

inline constexpr core::RuleRef kOshaClearances{
    "AGREEMENT-OSHA-CLEARANCES", core::Severity::Warning,
    "OSHA CSP 04-01-003 §VIII.D.6, §VIII.D.8; §VIII.E.8; §VIII.F.8, §XI.C.6; §X.A; rules.md I-43"};

// A signed agreement records the clearances its level obtains before signing.
void level_clearances_recorded(const Subject& s, core::Outcome& outcome) {
  if (!s.formal() || !s.level || !s.agreement.signing_date.present()) return;
  const auto& by_level = s.profile.clearances.by_level;
  const auto required = by_level.find(*s.level);
  if (required == by_level.end()) return;
  for (const auto& clearance : missing_from(required->second, recorded_clearances(s.agreement)))
    outcome.add(kOshaClearances,
                "The signed " + *s.level + " agreement records no " + quoted(clearance) +
                    " clearance, which " + s.program() + " obtains before signing.",
                s.agreement.clearances.location);
}

inline constexpr core::RuleRef kOshaDcspApproval{
    "AGREEMENT-OSHA-DCSP-APPROVAL", core::Severity::Error,
    "OSHA CSP 04-01-003 §VIII.E.9–10; §VIII.E.11; rules.md I-43"};

// A new region-wide agreement is signed only after DCSP approves it.
void new_agreement_approved(const Subject& s, core::Outcome& outcome) {
  if (!s.formal() || !s.level || !s.is_new() || !s.agreement.signing_date.present()) return;
  const auto& by_level = s.profile.clearances.new_agreement_by_level;
  const auto required = by_level.find(*s.level);
  if (required == by_level.end()) return;
  const auto missing = missing_from(required->second, recorded_clearances(s.agreement));
  if (missing.empty()) return;
  std::vector<std::string> names;
  for (const auto& word : missing) names.push_back(quoted(word));
  outcome.add(kOshaDcspApproval,
              "A new " + *s.level + " alliance may be signed only after its approval; no " +
                  joined(names, " or ") + " approval is recorded.",
              s.agreement.clearances.location);
}

inline constexpr core::RuleRef kFederalAgency{"AGREEMENT-FEDERAL-AGENCY", core::Severity::Warning,
                                              "OSHA CSP 04-01-003 §VII.A"};

// A federal agency alliance considers an MOA and notifies DEP's Office of Federal Agency
// Programs.
void federal_agency_notified(const Subject& s, core::Outcome& outcome) {
  const auto& required = s.profile.clearances.federal_agency;
  if (required.empty() || missing_from(required, recorded_clearances(s.agreement)).empty()) return;
  for (const auto& organization : s.agreement.organizations.rows) {
    if (!has_type(organization, kFederalAgencyType)) continue;
    outcome.add(kFederalAgency,
                quoted(name_of(organization)) +
                    " is a federal agency: consider a Memorandum of Agreement and notify DEP's "
                    "Office of Federal Agency Programs.",
                organization.location);
  }
}

inline constexpr core::RuleRef kOrgSignatory{
    "AGREEMENT-ORG-SIGNATORY", core::Severity::Error,
    "MIOSHA-ADM-03-3R6 §XV, App D; OSHA CSP 04-01-003 §VIII.D.11; IOSH IACSP 04-01-002 §V.D; "
    "Cal/OSHA Alliance P&P (2019) §A.4"};

// Each participant has a signatory with a name and a title.
void organizations_signed(const Subject& s, core::Outcome& outcome) {
  for (const auto& organization : s.agreement.organizations.rows) {
    const auto& signatories = organization.signatories;
    if (std::any_of(signatories.begin(), signatories.end(), [](const model::Signatory& signatory) {
          return signatory.name.present() && signatory.title.present();
        }))
      continue;
    outcome.add(kOrgSignatory, quoted(name_of(organization)) + " has no signatory.",
                organization.location);
  }
}

inline constexpr core::RuleRef kAgencySignatory{
    "AGREEMENT-AGENCY-SIGNATORY", core::Severity::Error,
    "MIOSHA-ADM-03-3R6 App D; OSHA CSP 04-01-003 §VI.L, §VIII.D.11, §XI.C.3, §XI.D.2; IOSH IACSP "
    "04-01-002 §V.D, §IX.A.7; Cal/OSHA Alliance P&P (2019) §A.4, §D.1.f"};

// The agency signs through the roles the program names (for the level).
void agency_signed(const Subject& s, core::Outcome& outcome) {
  const auto& rule = s.profile.agency_signatories;
  const auto& signatories = s.agreement.agency_signatories;
  if (!signatories.present && !rule.required) return;
  const bool has_levels = !s.profile.levels.allowed.empty();
  if (has_levels && !s.level) return;
  const auto roles = rule.roles_by_level.find(has_levels ? *s.level : std::string());
  if (roles == rule.roles_by_level.end()) return;
  auto signs = [&](const std::string& role) {
    return std::any_of(signatories.rows.begin(), signatories.rows.end(),
                       [&](const model::AgencySignatory& signatory) {
                         return signatory.role.present() && *signatory.role == role;
                       });
  };
  const bool signed_as_required =
      rule.all_roles ? std::all_of(roles->second.begin(), roles->second.end(), signs)
                     : std::any_of(roles->second.begin(), roles->second.end(), signs);
  if (signatories.present && signed_as_required) return;
  outcome.add(kAgencySignatory,
              "The " + s.program() + " agreement must be signed by " + rule.roles_text + ".",
              signatories.location);
}

inline constexpr core::RuleRef kEntityCheck{"AGREEMENT-ENTITY-CHECK", core::Severity::Error,
                                            "MIOSHA-ADM-03-3R6 §XIV.A, §XIV.I"};

// A signed agreement follows vetting, a resolved entity check and every participant's EIN.
void entity_check_before_signing(const Subject& s, core::Outcome& outcome) {
  if (!s.profile.agreement.entity_check_required || !s.agreement.signing_date.present()) return;
  auto unmet = [&](std::string_view item, const core::Location& location) {
    outcome.add(kEntityCheck, "The agreement is signed but " + std::string(item) + ".", location);
  };
  const auto& vetting = s.agreement.vetting;
  if (!vetting.present) {
    // An absent container is one absence (I-47), named by the container.
    unmet("no vetting is recorded", vetting.location);
  } else if (!vetting.vetting_complete.rejected() && !vetting.vetting_complete.value_or(false))
    unmet("vetting is not recorded as complete", vetting.vetting_complete.location);
  if (vetting.present && !vetting.entity_check_resolved.rejected() &&
      !vetting.entity_check_resolved.value_or(false))
    unmet("the entity check is not recorded as resolved", vetting.entity_check_resolved.location);
  // Each organization without an EIN is its own entity check (I-47).
  for (const auto& organization : s.agreement.organizations.rows)
    if (organization.ein.absent())
      unmet(quoted(name_of(organization)) + " has no EIN", organization.ein.location);
}

inline constexpr core::RuleRef kPointOfContact{"AGREEMENT-POINT-OF-CONTACT",
                                               core::Severity::Warning,
                                               "MIOSHA-ADM-03-3R6 §XVI.B.2; OSHA CSP 04-01-003 "
                                               "§VIII.G.2, §IX.A"};

// The member names a point of contact that can be reached.
void point_of_contact_named(const Subject& s, core::Outcome& outcome) {
  if (!s.profile.agreement.point_of_contact_expected || s.exempt()) return;
  const auto& contact = s.agreement.point_of_contact;
  // A value FORMAT-TYPE rejected was given, so it counts here.
  if (contact.present && !contact.name.absent() &&
      (!contact.email.absent() || !contact.telephone_number.absent()))
    return;
  outcome.add(kPointOfContact, "The agreement names no point of contact for the alliance member.",
              contact.location);
}

inline constexpr core::RuleRef kOshaWebpage{"AGREEMENT-OSHA-WEBPAGE", core::Severity::Warning,
                                            "OSHA CSP 04-01-003 §VIII.G.7"};

// A national participant publishes a stand-alone Alliance webpage.
void webpage_given(const Subject& s, core::Outcome& outcome) {
  if (!s.formal() || !s.level || !contains(s.profile.agreement.webpage_levels, *s.level) ||
      !s.agreement.alliance_webpage.absent())
    return;
  outcome.add(kOshaWebpage,
              "A " + *s.level +
                  " Alliance participant must publish a stand-alone Alliance webpage; none is "
                  "given.",
              s.agreement.alliance_webpage.location);
}

inline constexpr core::RuleRef kWorkPlan{
    "AGREEMENT-WORK-PLAN", core::Severity::Error,
    "IOSH IACSP 04-01-002 §V.C, §VI.C.4.h, §IX.A.1, §IX.A.4; Cal/OSHA Alliance P&P (2019) §A.3, "
    "§B.3.f(8), §D.1.a, §D.1.c"};

// The program requires the outline of the first year's work plan before signing.
void work_plan_outlined(const Subject& s, core::Outcome& outcome) {
  if (s.profile.work_plan.requirement != model::WorkPlanRequirement::Required ||
      !s.agreement.work_plan.empty())
    return;
  outcome.add(kWorkPlan,
              article(s.program()) + " " + s.program() +
                  " alliance needs the outline of its first-year work plan before signing.",
              s.agreement.work_plan.location);
}

inline constexpr core::RuleRef kStateCriteria{
    "AGREEMENT-STATE-CRITERIA-REQUIRED", core::Severity::Error,
    "IOSH IACSP 04-01-002 §VI.C, §VI.C.4; Cal/OSHA Alliance P&P (2019) §B.3, §B.3.f"};

// The agreement says how the alliance meets the program criteria.
void criteria_addressed(const Subject& s, core::Outcome& outcome) {
  if (s.profile.agreement.criteria_codes.empty() || !s.agreement.criteria_addressed.empty()) return;
  outcome.add(kStateCriteria,
              "The agreement must say how the alliance meets the program criteria; it does not.",
              s.agreement.criteria_addressed.location);
}

inline constexpr core::RuleRef kHazardsReview{
    "AGREEMENT-HAZARDS-REVIEW", core::Severity::Warning,
    "MIOSHA-ADM-03-3R6 App D; OSHA CSP 04-01-003 §VI.B; IOSH IACSP 04-01-002 §V.B; Cal/OSHA "
    "Alliance P&P (2019) §A.2"};

// The agreement names the hazards or issues it addresses.
void hazards_named(const Subject& s, core::Outcome& outcome) {
  if (!s.agreement.hazards.empty() || !s.agreement.issues.empty()) return;
  outcome.add(kHazardsReview,
              "The agreement names no hazard or issue; agreements commonly identify the hazards "
              "or topics they address.",
              s.agreement.hazards.location);
}

inline constexpr core::RuleRef kTargetWorkforce{
    "AGREEMENT-TARGET-WORKFORCE", core::Severity::Warning,
    "OSHA CSP 04-01-003 §VI.B; IOSH IACSP 04-01-002 §V.B; Cal/OSHA Alliance P&P (2019) §A.2"};

// The agreement says which workforce it targets.
void target_workforce_named(const Subject& s, core::Outcome& outcome) {
  if (!s.profile.agreement.target_workforce_expected || !s.agreement.target_workforce.absent())
    return;
  outcome.add(kTargetWorkforce, "The agreement does not say which workforce it targets.",
              s.agreement.target_workforce.location);
}

inline constexpr core::RuleRef kMioshaDivision{"AGREEMENT-MIOSHA-DIVISION-MISSING",
                                               core::Severity::Warning, "MIOSHA-ADM-03-3R6 App D"};

// The agreement names the MIOSHA division taking part.
void division_named(const Subject& s, core::Outcome& outcome) {
  if (!s.profile.agreement.miosha_division_expected || !s.agreement.miosha_division.absent())
    return;
  outcome.add(kMioshaDivision,
              "The agreement names no MIOSHA division; the rendered agreement leaves out the "
              "sentence on the division taking part.",
              s.agreement.miosha_division.location);
}

// rules.md §4.15, in catalogue order.
constexpr AgreementRule kRules[] = {
    {{"AGREEMENT-WORKER-REP", "AGREEMENT-WORKER-REP-OSHA"}, worker_representation},
    {{"AGREEMENT-ORG-TYPE"}, organization_types_eligible},
    {{"AGREEMENT-FOR-PROFIT"}, for_profit_reviewed},
    {{"AGREEMENT-CONSULATE"}, consulate_cleared},
    {{"AGREEMENT-TRIBE-APPROVAL"}, tribe_approved},
    {{"AGREEMENT-OSHA-CLEARANCES"}, level_clearances_recorded},
    {{"AGREEMENT-OSHA-DCSP-APPROVAL"}, new_agreement_approved},
    {{"AGREEMENT-FEDERAL-AGENCY"}, federal_agency_notified},
    {{"AGREEMENT-ORG-SIGNATORY"}, organizations_signed},
    {{"AGREEMENT-AGENCY-SIGNATORY"}, agency_signed},
    {{"AGREEMENT-ENTITY-CHECK"}, entity_check_before_signing},
    {{"AGREEMENT-POINT-OF-CONTACT"}, point_of_contact_named},
    {{"AGREEMENT-OSHA-WEBPAGE"}, webpage_given},
    {{"AGREEMENT-WORK-PLAN"}, work_plan_outlined},
    {{"AGREEMENT-STATE-CRITERIA-REQUIRED"}, criteria_addressed},
    {{"AGREEMENT-HAZARDS-REVIEW"}, hazards_named},
    {{"AGREEMENT-TARGET-WORKFORCE"}, target_workforce_named},
    {{"AGREEMENT-MIOSHA-DIVISION-MISSING"}, division_named},
};

}  // namespace

std::span<const AgreementRule> participant_rules() {
  return kRules;
}

}  // namespace pipeline::rules::agreement
