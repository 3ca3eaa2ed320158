// The AGREEMENT rulebook (rules.md §4.15): term, dates and history; the implementation team and
// the OSHA signing process.
#include "pipeline/rules/agreement_phrases.hpp"
#include "pipeline/rules/agreement_rules.hpp"
#include "pipeline/text/unicode.hpp"

namespace pipeline::rules::agreement {

namespace {

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

// rules.md §4.15, in catalogue order.
constexpr AgreementRule kRules[] = {
    {{"AGREEMENT-DURATION"}, term_within_range},
    {{"AGREEMENT-EXPIRATION"}, expiration_figure},
    {{"AGREEMENT-RENEWAL-HISTORY"}, renewal_history_given},
    {{"AGREEMENT-DATES-ORDER"}, dates_in_order},
    {{"AGREEMENT-RENEWAL-CONTACT"}, renewal_contact_in_time},
    {{"AGREEMENT-RENEWAL-CONTACT-BY"}, renewal_contact_figure},
    {{"AGREEMENT-MEETINGS"}, meetings_at_minimum},
    {{"AGREEMENT-KICKOFF"}, kickoff_in_time},
    {{"AGREEMENT-OSHA-DEADLINES"}, osha_deadline_figures},
    {{"AGREEMENT-OSHA-INTERIM"}, interim_renewal_notice},
    {{"AGREEMENT-OSHA-SECOND-RENEWAL"}, at_most_one_national_renewal},
};

}  // namespace

std::span<const AgreementRule> term_rules() {
  return kRules;
}

}  // namespace pipeline::rules::agreement
