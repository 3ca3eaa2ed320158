// The alliance-agreement rulebook: ALLIANCE-TYPE and ALLIANCE-LEVEL, then the 42 AGREEMENT rules
// of rules.md §4.15 in catalogue order. Every number and word list comes from the program
// profile (forms/<profile>.json); the phrase lists of §2.5 are in agreement_phrases.cpp.
#include "pipeline/rules/rulebooks.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/rules/agreement_phrases.hpp"
#include "pipeline/rules/alliance_rules.hpp"
#include "pipeline/text/unicode.hpp"

namespace pipeline::rules {

namespace {

using model::AgreementAction;
using model::AllianceAgreement;
using model::AllianceProfile;
using model::Organization;

// Vocabulary of formats.md §2.2 and §6 that the rules single out.
constexpr std::string_view kAmbassadorType = "ambassador";
constexpr std::string_view kNational = "national";
constexpr std::string_view kBusinessType = "business";  // for-profit by default (formats.md §6.1)
constexpr std::string_view kConsulateType = "consulate";
constexpr std::string_view kTribeType = "native-american-tribe";
constexpr std::string_view kFederalAgencyType = "federal-agency";
constexpr std::string_view kOtherMeans = "other";
// AGREEMENT-CONSULATE: the names of Mexico once folded and stripped of accents (OSHA §VII.B).
constexpr std::string_view kMexicoNames[] = {"mexico", "united mexican states"};

// ---------------------------------------------------------------------------------------------
// The agreement with what the rules derive from its root attributes and the profile.

struct Subject {
  const AllianceAgreement& agreement;
  const AllianceProfile& profile;
  std::optional<std::string> type;        // nullopt: unknown (ALLIANCE-TYPE failed)
  std::optional<std::string> level;       // nullopt: unknown, or the program has no levels
  std::optional<AgreementAction> action;  // nullopt: rejected by FORMAT-TYPE

  bool is_type(std::string_view word) const { return type && *type == word; }
  bool is_renewal() const { return action == AgreementAction::Renewal; }
  bool is_new() const { return action == AgreementAction::New; }
  // An OSHA Ambassador document, which has no formal-alliance requirements (I-40); an unknown
  // type counts, since no rule conditioned on the type runs for it.
  bool exempt() const {
    return profile.ambassador.exempt_from_formal_requirements &&
           (!type || *type == kAmbassadorType);
  }
  // A known type that carries every formal requirement (OSHA: `standard`).
  bool formal() const { return type && !exempt(); }
  std::string program() const { return program_name(profile); }
};

std::optional<AgreementAction> resolved_action(const AllianceAgreement& agreement) {
  if (agreement.action.rejected()) return std::nullopt;
  return agreement.action.value_or(AgreementAction::New);
}

std::string action_word(const Subject& s) {
  return s.is_renewal() ? "renewal" : "new";
}

std::string quoted(std::string_view text) {
  return "\"" + std::string(text) + "\"";
}

std::string name_of(const Organization& organization) {
  return organization.name.present() ? *organization.name : "the organization";
}

// "A" or "An" before a word, by its first letter.
std::string article(std::string_view word) {
  const bool vowel =
      !word.empty() && std::string_view("AEIOUaeiou").find(word.front()) != std::string_view::npos;
  return vowel ? "An" : "A";
}

std::string days_text(std::int64_t days) {
  return std::to_string(days);
}

// add_years within the calendar's range (a term of thousands of years has no expiry date).
std::optional<core::Date> years_after(core::Date date, std::int64_t years) {
  if (years < 0 || years > 9999 - date.year()) return std::nullopt;
  return core::add_years(date, static_cast<int>(years));
}

std::optional<core::Date> expiration_date(const AllianceAgreement& agreement) {
  if (!agreement.signing_date.present() || !agreement.term_years.present()) return std::nullopt;
  return years_after(*agreement.signing_date, *agreement.term_years);
}

// The clearances recorded (rejected words count as none).
std::vector<std::string> recorded_clearances(const AllianceAgreement& agreement) {
  std::vector<std::string> out;
  for (const auto& clearance : agreement.clearances.rows)
    if (clearance.present()) out.push_back(*clearance);
  return out;
}

std::vector<std::string> missing_from(const std::vector<std::string>& required,
                                      const std::vector<std::string>& recorded) {
  std::vector<std::string> out;
  for (const auto& word : required)
    if (!contains(recorded, word)) out.push_back(word);
  return out;
}

bool has_type(const Organization& organization, std::string_view type) {
  return organization.organization_type.present() && *organization.organization_type == type;
}

// A text an agreement states, and where it is.
struct Statement {
  const std::string& text;
  const core::Location& location;
};

void add_objectives(const model::Container<model::Objective>& goal, std::vector<Statement>& out) {
  for (const auto& objective : goal.rows)
    if (objective.text.present()) out.push_back({*objective.text, objective.location});
}

void add_texts(const model::Container<core::Field<std::string>>& rows,
               std::vector<Statement>& out) {
  for (const auto& row : rows.rows)
    if (row.present()) out.push_back({*row, row.location});
}

// The texts the wording rules read: objectives, hazards, issues, target workforce, work-plan
// items, criteria (AGREEMENT-NO-ENFORCEMENT).
std::vector<Statement> worded_texts(const AllianceAgreement& agreement) {
  std::vector<Statement> out;
  add_objectives(agreement.raising_awareness, out);
  add_objectives(agreement.training_and_education, out);
  add_texts(agreement.hazards, out);
  add_texts(agreement.issues, out);
  if (agreement.target_workforce.present())
    out.push_back({*agreement.target_workforce, agreement.target_workforce.location});
  add_texts(agreement.work_plan, out);
  for (const auto& criterion : agreement.criteria_addressed.rows)
    if (criterion.text.present()) out.push_back({*criterion.text, criterion.location});
  return out;
}

// ---------------------------------------------------------------------------------------------
// Term, dates and history.

inline constexpr core::RuleRef kDuration{
    "AGREEMENT-DURATION", core::Severity::Error,
    "MIOSHA-ADM-03-3R6 §XI.A, §XV.B, App D; OSHA CSP 04-01-003 §VIII.C, §X.A; IOSH IACSP "
    "04-01-002 §VI.B; Cal/OSHA Alliance P&P (2019) §B.2"};

// A term within the program's initial or renewal range.
void term_within_range(const Subject& s, core::Outcome& outcome) {
  const auto& term = s.agreement.term_years;
  if (!term.present() || !s.action || s.exempt()) return;
  const model::TermRange& range = s.is_renewal() ? s.profile.renewal_term : s.profile.initial_term;
  if (*term >= range.min_years && *term <= range.max_years) return;
  const std::string allowed =
      range.min_years == range.max_years
          ? "exactly " + std::to_string(range.min_years) + " years"
          : std::to_string(range.min_years) + " to " + std::to_string(range.max_years) + " years";
  outcome.add(kDuration,
              "A " + action_word(s) + " " + s.program() + " agreement may run " + allowed +
                  "; this one runs " + std::to_string(*term) + " years.",
              term.location);
}

inline constexpr core::RuleRef kExpiration{"AGREEMENT-EXPIRATION", core::Severity::Info,
                                           "MIOSHA-ADM-03-3R6 App D; OSHA CSP 04-01-003 §VIII.C"};

// The expiration date: the anniversary of the signing after the term.
void expiration_figure(const Subject& s, core::Outcome& outcome) {
  const auto expires = expiration_date(s.agreement);
  if (!expires) return;
  outcome.figures.set("expiration-date", expires->iso());
  outcome.add(kExpiration,
              "The agreement runs from " + s.agreement.signing_date->iso() + " until " +
                  expires->iso() + ".",
              s.agreement.term_years.location);
}

inline constexpr core::RuleRef kRenewalHistory{
    "AGREEMENT-RENEWAL-HISTORY", core::Severity::Error,
    "formats.md §6.2; MIOSHA-ADM-03-3R6 §XII.D, §XVII.A; OSHA CSP 04-01-003 §VIII.C, §X.B"};

// Renewals and Ambassador documents carry the history other rules need.
void renewal_history_given(const Subject& s, core::Outcome& outcome) {
  const bool ambassador = s.is_type(kAmbassadorType);
  if (!s.is_renewal() && !ambassador) return;
  const std::string kind = s.is_renewal() ? "renewal" : "Ambassador";
  const auto& history = s.agreement.history;
  auto require = [&](const core::Field<core::Date>& field, std::string_view item) {
    if (!field.absent()) return;
    outcome.add(
        kRenewalHistory,
        article(kind) + " " + kind + " agreement needs " + std::string(item) + " in its history.",
        field.location);
  };
  require(history.initial_signing_date, "initial-signing-date");
  if (s.is_renewal()) require(history.previous_expiration_date, "previous-expiration-date");
}

inline constexpr core::RuleRef kDatesOrder{
    "AGREEMENT-DATES-ORDER", core::Severity::Error,
    "formats.md §6.2; MIOSHA-ADM-03-3R6 §XII.D, §XVII.A; OSHA CSP 04-01-003 §VIII.C, §X.B"};

// Initial signing, earlier renewals and this signing follow one another.
void dates_in_order(const Subject& s, core::Outcome& outcome) {
  const auto& history = s.agreement.history;
  if (!history.present) return;
  struct Named {
    std::string name;
    core::Date date;
  };
  std::vector<Named> chain;
  if (history.initial_signing_date.present())
    chain.push_back({"initial-signing-date", *history.initial_signing_date});
  for (const auto& renewal : history.renewal_signing_dates) {
    // Named as its element is (a blank one before it is no entry but keeps its index).
    const std::string path = renewal.location.str();
    if (renewal.present()) chain.push_back({path.substr(path.rfind('/') + 1), *renewal});
  }
  if (s.agreement.signing_date.present())
    chain.push_back({"signing-date", *s.agreement.signing_date});
  std::vector<std::string> problems;
  for (std::size_t i = 1; i < chain.size(); ++i) {
    if (chain[i - 1].date <= chain[i].date) continue;
    problems.push_back(chain[i].name + " " + chain[i].date.iso() + " is before " +
                       chain[i - 1].name + " " + chain[i - 1].date.iso());
  }
  if (history.initial_signing_date.present() && history.previous_expiration_date.present() &&
      !(*history.initial_signing_date < *history.previous_expiration_date))
    problems.push_back("previous-expiration-date " + history.previous_expiration_date->iso() +
                       " is not after initial-signing-date " + history.initial_signing_date->iso());
  if (problems.empty()) return;
  outcome.add(kDatesOrder,
              "The agreement's dates are out of order: " + joined(problems, "; ") + ".",
              history.location);
}

inline constexpr core::RuleRef kRenewalContact{
    "AGREEMENT-RENEWAL-CONTACT", core::Severity::Warning,
    "MIOSHA-ADM-03-3R6 §XVII.A (contact at least 60 days before the expiration)"};

// Renewal contact made the program's number of days before the expiration, or earlier.
void renewal_contact_in_time(const Subject& s, core::Outcome& outcome) {
  const auto& days = s.profile.renewal_contact.days_before_expiration;
  const auto& history = s.agreement.history;
  if (!days || !s.is_renewal() || !history.previous_expiration_date.present() ||
      !history.renewal_contact_date.present())
    return;
  const core::Date expires = *history.previous_expiration_date;
  const core::Date contact = *history.renewal_contact_date;
  if (contact <= core::add_days(expires, -*days)) return;
  outcome.add(kRenewalContact,
              "Renewal contact on " + contact.iso() + " was " +
                  days_text(core::days_between(contact, expires)) + " days before the " +
                  expires.iso() + " expiration; at least " + std::to_string(*days) +
                  " are expected.",
              history.renewal_contact_date.location);
}

inline constexpr core::RuleRef kRenewalContactBy{"AGREEMENT-RENEWAL-CONTACT-BY",
                                                 core::Severity::Info, "MIOSHA-ADM-03-3R6 §XVII.A"};

// The date by which renewal contact should be made.
void renewal_contact_figure(const Subject& s, core::Outcome& outcome) {
  const auto& days = s.profile.renewal_contact.days_before_expiration;
  const auto expires = expiration_date(s.agreement);
  if (!days || !expires) return;
  const core::Date by = core::add_days(*expires, -*days);
  outcome.figures.set("renewal-contact-by", by.iso());
  outcome.add(kRenewalContactBy,
              "Renewal contact should be made by " + core::date_with_weekday(by) + ".",
              s.agreement.term_years.location);
}

// ---------------------------------------------------------------------------------------------
// Implementation team and the OSHA signing process.

inline constexpr core::RuleRef kMeetings{
    "AGREEMENT-MEETINGS", core::Severity::Error,
    "MIOSHA-ADM-03-3R6 App D; IOSH IACSP 04-01-002 §V.F, §VII.A.1, §VII.B.3, §IX.B.2; Cal/OSHA "
    "Alliance P&P (2019) §C.1.h, §D.2.b; OSHA CSP 04-01-003 §IX.C.2, §XI.A.3, §XI.E.4"};

// The implementation team meets at least the program's minimum a year.
void meetings_at_minimum(const Subject& s, core::Outcome& outcome) {
  const auto& meetings = s.agreement.implementation_team.meetings_per_year;
  const int minimum = s.profile.implementation_team.meetings_per_year_minimum;
  if (!meetings.present() || s.exempt() || *meetings >= minimum) return;
  outcome.add(kMeetings,
              "The implementation team must meet at least " + std::to_string(minimum) +
                  " times a year; the agreement says " + std::to_string(*meetings) + ".",
              meetings.location);
}

inline constexpr core::RuleRef kKickoff{
    "AGREEMENT-KICKOFF", core::Severity::Warning,
    "OSHA CSP 04-01-003 §IX.C.1 (kick-off meeting within 30 days of the signing)"};

// The kick-off meeting is held within the program's days after the signing.
void kickoff_in_time(const Subject& s, core::Outcome& outcome) {
  const auto& days = s.profile.implementation_team.kick_off_within_days;
  const auto& kickoff = s.agreement.implementation_team.kick_off_meeting;
  const auto& signing = s.agreement.signing_date;
  if (!days || !s.formal() || !signing.present() || !kickoff.present()) return;
  if (*signing <= *kickoff && *kickoff <= core::add_days(*signing, *days)) return;
  outcome.add(kKickoff,
              "The kick-off meeting on " + kickoff->iso() + " is not within " +
                  std::to_string(*days) + " days after the " + signing->iso() + " signing.",
              kickoff.location);
}

inline constexpr core::RuleRef kOshaDeadlines{
    "AGREEMENT-OSHA-DEADLINES", core::Severity::Info,
    "OSHA CSP 04-01-003 §IX.C.1; §VIII.D.12; §VIII.E.12, §VIII.F.9, §XI.C.9, §XI.F.3"};

// What is due after an OSHA signing: the kick-off meeting, and posting or a copy to DCSP.
void osha_deadline_figures(const Subject& s, core::Outcome& outcome) {
  const auto& days = s.profile.implementation_team.kick_off_within_days;
  const auto& signing = s.agreement.signing_date;
  if (!days || !s.formal() || !signing.present()) return;
  const core::Date kickoff_by = core::add_days(*signing, *days);
  outcome.figures.set("kick-off-by", kickoff_by.iso());
  std::string message = "Kick-off meeting by " + core::date_with_weekday(kickoff_by);
  for (const auto& duty : s.profile.agreement.after_signing) {
    if (!s.level || *s.level != duty.level) continue;
    const core::Date by = core::add_days(*signing, duty.days);
    outcome.figures.set(duty.figure, by.iso());
    message += "; " + duty.duty + " by " + core::date_with_weekday(by);
  }
  outcome.add(kOshaDeadlines, message + ".", signing.location);
}

inline constexpr core::RuleRef kOshaInterim{"AGREEMENT-OSHA-INTERIM", core::Severity::Info,
                                            "OSHA CSP 04-01-003 §VIII.C"};

// A renewal signed after the previous agreement expired runs from its own signing.
void interim_renewal_notice(const Subject& s, core::Outcome& outcome) {
  const auto& signing = s.agreement.signing_date;
  const auto& expired = s.agreement.history.previous_expiration_date;
  if (!s.profile.agreement.interim_renewal_notice || !s.is_renewal() || !signing.present() ||
      !expired.present() || !(*expired < *signing))
    return;
  outcome.add(kOshaInterim,
              "The previous agreement expired " + expired->iso() +
                  "; the renewal runs from its signing on " + signing->iso() + ".",
              signing.location);
}

inline constexpr core::RuleRef kOshaSecondRenewal{
    "AGREEMENT-OSHA-SECOND-RENEWAL", core::Severity::Warning,
    "OSHA CSP 04-01-003 §X.B (after the initial agreement and one renewal, national alliances are "
    "generally concluded or promoted to Ambassador)"};

// A national alliance is renewed once; then it is concluded or promoted.
void at_most_one_national_renewal(const Subject& s, core::Outcome& outcome) {
  if (!s.profile.ambassador.renewal_expected || !s.formal() || !s.is_renewal() ||
      s.level != kNational || s.agreement.history.renewal_signing_dates.empty())
    return;
  outcome.add(kOshaSecondRenewal,
              "This national alliance has already been renewed; " + s.program() +
                  " generally concludes it or offers Ambassador status instead of another "
                  "renewal.",
              s.agreement.history.location);
}

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

// ---------------------------------------------------------------------------------------------

using AgreementRule = void (*)(const Subject&, core::Outcome&);

// rules.md §4.15, in catalogue order.
constexpr AgreementRule kAgreementRules[] = {
    term_within_range,              // AGREEMENT-DURATION
    expiration_figure,              // AGREEMENT-EXPIRATION
    renewal_history_given,          // AGREEMENT-RENEWAL-HISTORY
    dates_in_order,                 // AGREEMENT-DATES-ORDER
    renewal_contact_in_time,        // AGREEMENT-RENEWAL-CONTACT
    renewal_contact_figure,         // AGREEMENT-RENEWAL-CONTACT-BY
    meetings_at_minimum,            // AGREEMENT-MEETINGS
    kickoff_in_time,                // AGREEMENT-KICKOFF
    osha_deadline_figures,          // AGREEMENT-OSHA-DEADLINES
    interim_renewal_notice,         // AGREEMENT-OSHA-INTERIM
    at_most_one_national_renewal,   // AGREEMENT-OSHA-SECOND-RENEWAL
    ambassador_eligible,            // AGREEMENT-AMBASSADOR
    ambassador_after_renewal,       // AGREEMENT-AMBASSADOR-NO-RENEWAL
    ambassador_not_early,           // AGREEMENT-AMBASSADOR-EARLY
    objectives_stated,              // AGREEMENT-GOALS-PRESENT
    measurable_objectives,          // AGREEMENT-MEASURABLE-OBJECTIVES(-ADVISORY)
    shp_objective_included,         // AGREEMENT-SHP-OBJECTIVE
    no_enforcement_component,       // AGREEMENT-NO-ENFORCEMENT
    enforcement_wording_reviewed,   // AGREEMENT-ENFORCEMENT-REVIEW
    no_endorsement,                 // AGREEMENT-NO-ENDORSEMENT
    no_standards_influence,         // AGREEMENT-NO-STANDARDS-INFLUENCE
    termination_notice_as_program,  // AGREEMENT-TERMINATION-NOTICE
    worker_representation,          // AGREEMENT-WORKER-REP, AGREEMENT-WORKER-REP-OSHA
    organization_types_eligible,    // AGREEMENT-ORG-TYPE
    for_profit_reviewed,            // AGREEMENT-FOR-PROFIT
    consulate_cleared,              // AGREEMENT-CONSULATE
    tribe_approved,                 // AGREEMENT-TRIBE-APPROVAL
    level_clearances_recorded,      // AGREEMENT-OSHA-CLEARANCES
    new_agreement_approved,         // AGREEMENT-OSHA-DCSP-APPROVAL
    federal_agency_notified,        // AGREEMENT-FEDERAL-AGENCY
    organizations_signed,           // AGREEMENT-ORG-SIGNATORY
    agency_signed,                  // AGREEMENT-AGENCY-SIGNATORY
    entity_check_before_signing,    // AGREEMENT-ENTITY-CHECK
    point_of_contact_named,         // AGREEMENT-POINT-OF-CONTACT
    webpage_given,                  // AGREEMENT-OSHA-WEBPAGE
    work_plan_outlined,             // AGREEMENT-WORK-PLAN
    criteria_addressed,             // AGREEMENT-STATE-CRITERIA-REQUIRED
    hazards_named,                  // AGREEMENT-HAZARDS-REVIEW
    target_workforce_named,         // AGREEMENT-TARGET-WORKFORCE
    division_named,                 // AGREEMENT-MIOSHA-DIVISION-MISSING
};

}  // namespace

void check_alliance_agreement(const AllianceAgreement& agreement, const Context& context,
                              core::Outcome& outcome) {
  const AllianceProfile& profile = alliance_profile_of(context, "alliance-agreement");
  check_alliance_type(profile, agreement.alliance_type, outcome);
  check_alliance_level(profile, agreement.level, outcome);
  const Subject subject{agreement, profile, known_alliance_type(profile, agreement.alliance_type),
                        known_level(profile, agreement.level), resolved_action(agreement)};
  for (const AgreementRule rule : kAgreementRules) rule(subject, outcome);
}

}  // namespace pipeline::rules
