// The AGREEMENT rulebook (rules.md §4.15): Ambassador status, goals and objectives, and wording
// (rules.md §2.5, I-26).
#include "pipeline/rules/agreement_phrases.hpp"
#include "pipeline/rules/agreement_rules.hpp"
#include "pipeline/text/unicode.hpp"

namespace pipeline::rules::agreement {

namespace {

// ---------------------------------------------------------------------------------------------
// Ambassador status.

inline constexpr core::RuleRef kAmbassador{
    "AGREEMENT-AMBASSADOR", core::Severity::Error,
    "MIOSHA-ADM-03-3R6 §XII.D, §XVII, §XVII.A; OSHA CSP 04-01-003 §X.B, §X.C; rules.md I-24"};

// What an Ambassador document lacks, as {requirement, found}; nullopt when it qualifies.
std::optional<std::pair<std::string, std::string>> ambassador_shortfall(const Subject& s) {
  const auto& conditions = s.profile.ambassador;
  const auto& history = s.agreement.history;
  const auto& completed = history.completed_satisfactorily;
  if (conditions.requires_completed_satisfactorily && !completed.rejected() &&
      !completed.value_or(false))
    return std::pair{std::string("the previous cycle completed satisfactorily"),
                     completed.absent() ? std::string("the history does not say it was")
                                        : std::string("the history says it was not")};
  const auto& years = conditions.initial_cycle_years;
  const auto& within = conditions.cycle_end_within_days_after_signing;
  // A missing initial signing date is AGREEMENT-RENEWAL-HISTORY's to report.
  if (!years || !history.initial_signing_date.present()) return std::nullopt;
  const auto full_cycle = years_after(*history.initial_signing_date, *years);
  if (!full_cycle) return std::nullopt;
  const auto& previous = history.previous_expiration_date;
  if (previous.rejected()) return std::nullopt;
  const core::Date cycle_end = previous.value_or(*full_cycle);
  if (cycle_end < *full_cycle)
    return std::pair{"an initial cycle of " + std::to_string(*years) + " years from " +
                         history.initial_signing_date->iso() + " (to " + full_cycle->iso() + ")",
                     "the cycle ended " + cycle_end.iso()};
  const auto& signing = s.agreement.signing_date;
  if (!within || !signing.present()) return std::nullopt;
  const core::Date latest = core::add_days(*signing, *within);
  if (latest < cycle_end)
    return std::pair{"the initial cycle to end within " + std::to_string(*within) +
                         " days after the Ambassador signing on " + signing->iso() + " (by " +
                         latest.iso() + ")",
                     "it ends " + cycle_end.iso()};
  return std::nullopt;
}

// An Ambassador has completed its initial cycle satisfactorily.
void ambassador_eligible(const Subject& s, core::Outcome& outcome) {
  if (!s.is_type(kAmbassadorType) || !s.profile.ambassador.available) return;
  const auto shortfall = ambassador_shortfall(s);
  if (!shortfall) return;
  const auto& history = s.agreement.history;
  outcome.add(kAmbassador,
              "Ambassador status requires " + shortfall->first + "; " + shortfall->second + ".",
              history.present ? history.location : s.agreement.location);
}

inline constexpr core::RuleRef kAmbassadorNoRenewal{"AGREEMENT-AMBASSADOR-NO-RENEWAL",
                                                    core::Severity::Warning,
                                                    "OSHA CSP 04-01-003 §VI.G, §X.B; §X.C"};

// An Ambassador normally follows the initial agreement and one renewal.
void ambassador_after_renewal(const Subject& s, core::Outcome& outcome) {
  const auto& history = s.agreement.history;
  if (!s.is_type(kAmbassadorType) || !s.profile.ambassador.renewal_expected ||
      !history.renewal_signing_dates.empty())
    return;
  outcome.add(kAmbassadorNoRenewal,
              "Ambassador status normally follows the initial agreement and one renewal (§X.B); "
              "a previously concluded alliance may be promoted if it met its goals and kept a "
              "robust relationship with " +
                  s.program() + " (§X.C) — confirm.",
              history.location);
}

inline constexpr core::RuleRef kAmbassadorEarly{"AGREEMENT-AMBASSADOR-EARLY",
                                                core::Severity::Warning, "OSHA CSP 04-01-003 §X.B"};

// An Ambassador document is signed near the end of the current agreement, not long before.
void ambassador_not_early(const Subject& s, core::Outcome& outcome) {
  const auto& days = s.profile.ambassador.early_signing_days;
  const auto& signing = s.agreement.signing_date;
  const auto& ends = s.agreement.history.previous_expiration_date;
  if (!days || !s.is_type(kAmbassadorType) || !signing.present() || !ends.present()) return;
  if (*signing >= core::add_days(*ends, -*days)) return;
  outcome.add(kAmbassadorEarly,
              "The Ambassador document is signed " + signing->iso() + ", " +
                  days_text(core::days_between(*signing, *ends)) +
                  " days before the current agreement ends on " + ends->iso() +
                  "; promotion follows a completed renewal period.",
              signing.location);
}

// ---------------------------------------------------------------------------------------------
// Goals and objectives.

inline constexpr core::RuleRef kGoalsPresent{
    "AGREEMENT-GOALS-PRESENT", core::Severity::Error,
    "MIOSHA-ADM-03-3R6 §XV, App D; OSHA CSP 04-01-003 §VI.B; IOSH IACSP 04-01-002 §V.B; Cal/OSHA "
    "Alliance P&P (2019) §A.2"};

// The agreement states at least one objective.
void objectives_stated(const Subject& s, core::Outcome& outcome) {
  if (!s.agreement.raising_awareness.empty() || !s.agreement.training_and_education.empty()) return;
  outcome.add(kGoalsPresent, "The agreement states no objectives.", s.agreement.location);
}

inline constexpr core::RuleRef kMeasurableObjectives{
    "AGREEMENT-MEASURABLE-OBJECTIVES", core::Severity::Error,
    "MIOSHA-ADM-03-3R6 §XII.C, §XV.A, App D (a minimum of two measurable goals or objectives)"};
inline constexpr core::RuleRef kMeasurableObjectivesAdvisory{
    "AGREEMENT-MEASURABLE-OBJECTIVES-ADVISORY", core::Severity::Warning,
    "MIOSHA-ADM-03-3R6 App D; §XV.A"};

std::int64_t measurable_count(const AllianceAgreement& agreement) {
  std::int64_t n = 0;
  for (const auto* goal : {&agreement.raising_awareness, &agreement.training_and_education})
    for (const auto& objective : goal->rows)
      if (objective.measurable.value_or(false)) ++n;
  return n;
}

// The program's minimum of measurable objectives: required of some types, advised for others.
void measurable_objectives(const Subject& s, core::Outcome& outcome) {
  const auto& content = s.profile.agreement;
  const int minimum = content.measurable_objectives_minimum;
  if (minimum <= 0 || !s.type) return;
  const std::int64_t n = measurable_count(s.agreement);
  if (n >= minimum) return;
  const std::string count = std::to_string(n);
  const std::string at_least = "at least " + std::to_string(minimum) + " measurable objectives";
  if (contains(content.measurable_required_types, *s.type)) {
    std::string type = *s.type;
    if (!type.empty()) type[0] = static_cast<char>(type[0] - 'a' + 'A');
    outcome.add(kMeasurableObjectives,
                article(type) + " " + type + " Alliance needs " + at_least +
                    "; this agreement has " + count + ".",
                s.agreement.location);
  } else {
    outcome.add(kMeasurableObjectivesAdvisory,
                "The template asks for " + at_least + "; this agreement has " + count + ".",
                s.agreement.location);
  }
}

inline constexpr core::RuleRef kShpObjective{
    "AGREEMENT-SHP-OBJECTIVE", core::Severity::Error,
    "MIOSHA-ADM-03-3R6 App D (the SHP objective must be included in all new or renewal "
    "agreements)"};

// The Safety and Health Programs objective is among the raising-awareness objectives.
void shp_objective_included(const Subject& s, core::Outcome& outcome) {
  if (!s.profile.agreement.shp_objective_required) return;
  for (const auto& objective : s.agreement.raising_awareness.rows) {
    if (model::is_shp_objective(objective)) return;
  }
  outcome.add(kShpObjective,
              "Every new or renewal " + s.program() +
                  " agreement must include the objective on Safety and Health Programs (SHPs).",
              s.agreement.raising_awareness.location);
}

// ---------------------------------------------------------------------------------------------
// Wording (rules.md §2.5, I-26).

inline constexpr core::RuleRef kNoEnforcement{
    "AGREEMENT-NO-ENFORCEMENT", core::Severity::Error,
    "MIOSHA-ADM-03-3R6 §XIV.G; OSHA CSP 04-01-003 §I; IOSH IACSP 04-01-002 §XI.A; Cal/OSHA "
    "Alliance P&P (2019) §E.1"};

// No text gives the alliance an enforcement component.
void no_enforcement_component(const Subject& s, core::Outcome& outcome) {
  for (const Statement& statement : worded_texts(s.agreement)) {
    const auto wording = enforcement_wording(statement.text);
    if (!wording.unnegated) continue;
    outcome.add(kNoEnforcement,
                quoted(*wording.unnegated) +
                    " gives the alliance an enforcement component, which an agreement may not "
                    "have.",
                statement.location);
  }
}

inline constexpr core::RuleRef kEnforcementReview{
    "AGREEMENT-ENFORCEMENT-REVIEW", core::Severity::Warning,
    "MIOSHA-ADM-03-3R6 §XIV.G, §XVI.B.3, App D; OSHA CSP 04-01-003 §I, §VIII.G.3; rules.md I-26"};

// Negated enforcement wording and "focused inspection" are left to a reviewer.
void enforcement_wording_reviewed(const Subject& s, core::Outcome& outcome) {
  for (const Statement& statement : worded_texts(s.agreement)) {
    const auto wording = enforcement_wording(statement.text);
    if (wording.unnegated || !wording.review) continue;
    outcome.add(kEnforcementReview,
                quoted(*wording.review) +
                    " touches on enforcement; an agreement may share information on enforcement "
                    "initiatives but may not give the alliance an enforcement component — review "
                    "it.",
                statement.location);
  }
}

inline constexpr core::RuleRef kNoEndorsement{
    "AGREEMENT-NO-ENDORSEMENT", core::Severity::Warning,
    "MIOSHA-ADM-03-3R6 §XIV.E, §XIV.E.1; OSHA CSP 04-01-003 §VIII.G.8; IOSH IACSP 04-01-002 "
    "§XI.A; Cal/OSHA Alliance P&P (2019) §E.1"};

// No text suggests endorsement or preferential treatment.
void no_endorsement(const Subject& s, core::Outcome& outcome) {
  for (const Statement& statement : worded_texts(s.agreement)) {
    const auto phrase = endorsement_phrase(statement.text);
    if (!phrase) continue;
    outcome.add(kNoEndorsement,
                quoted(*phrase) +
                    " may suggest endorsement or preferential treatment; the agreement must not.",
                statement.location);
  }
}

inline constexpr core::RuleRef kNoStandardsInfluence{
    "AGREEMENT-NO-STANDARDS-INFLUENCE", core::Severity::Warning, "MIOSHA-ADM-03-3R6 §XIV.E.2"};

// No goal commits the member to influence standards development.
void no_standards_influence(const Subject& s, core::Outcome& outcome) {
  if (!s.profile.agreement.standards_influence_check) return;
  std::vector<Statement> goals;
  add_objectives(s.agreement.raising_awareness, goals);
  add_objectives(s.agreement.training_and_education, goals);
  add_texts(s.agreement.work_plan, goals);
  for (const Statement& statement : goals) {
    if (!influences_standards(statement.text)) continue;
    outcome.add(kNoStandardsInfluence,
                quoted(statement.text) +
                    " may commit the member to influence standards development, which goals may "
                    "not do.",
                statement.location);
  }
}

inline constexpr core::RuleRef kTerminationNotice{
    "AGREEMENT-TERMINATION-NOTICE", core::Severity::Error,
    "MIOSHA-ADM-03-3R6 §XV.C, App D; OSHA CSP 04-01-003 §X.A, §X.C; IOSH IACSP 04-01-002 §IX.C.5; "
    "Cal/OSHA Alliance P&P (2019) §D.3"};

// Either party may terminate on the program's days of written notice.
void termination_notice_as_program(const Subject& s, core::Outcome& outcome) {
  const auto& days = s.agreement.termination_notice_days;
  const int notice = s.profile.agreement.termination_notice_days;
  if (!days.present() || *days == notice) return;
  outcome.add(kTerminationNotice,
              "Either party may terminate on " + std::to_string(notice) +
                  " days' written notice; the agreement says " + std::to_string(*days) + ".",
              days.location);
}

// rules.md §4.15, in catalogue order.
constexpr AgreementRule kRules[] = {
    {{"AGREEMENT-AMBASSADOR"}, ambassador_eligible},
    {{"AGREEMENT-AMBASSADOR-NO-RENEWAL"}, ambassador_after_renewal},
    {{"AGREEMENT-AMBASSADOR-EARLY"}, ambassador_not_early},
    {{"AGREEMENT-GOALS-PRESENT"}, objectives_stated},
    {{"AGREEMENT-MEASURABLE-OBJECTIVES", "AGREEMENT-MEASURABLE-OBJECTIVES-ADVISORY"},
     measurable_objectives},
    {{"AGREEMENT-SHP-OBJECTIVE"}, shp_objective_included},
    {{"AGREEMENT-NO-ENFORCEMENT"}, no_enforcement_component},
    {{"AGREEMENT-ENFORCEMENT-REVIEW"}, enforcement_wording_reviewed},
    {{"AGREEMENT-NO-ENDORSEMENT"}, no_endorsement},
    {{"AGREEMENT-NO-STANDARDS-INFLUENCE"}, no_standards_influence},
    {{"AGREEMENT-TERMINATION-NOTICE"}, termination_notice_as_program},
};

}  // namespace

std::span<const AgreementRule> content_rules() {
  return kRules;
}

}  // namespace pipeline::rules::agreement
