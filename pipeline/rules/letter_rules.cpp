// The letter-request rulebooks: the 11 LETTER rules of rules.md §4.16 (MIOSHA-ADM-03-3R6 App C
// and App E), in catalogue order, for declination and expiration/termination letters.
#include "pipeline/rules/rulebooks.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/error.hpp"

namespace pipeline::rules {

namespace {

using model::Addressee;
using model::DeclinationLetter;
using model::ExpirationTerminationLetter;
using model::LetterEnding;

// §XIV.H: the reasons MIOSHA gives for declining (agency resources, program priorities,
// similarity to an existing alliance); App C presents them as examples (I-29).
constexpr std::string_view kDeclineReasons[] = {"agency-resources", "program-priorities",
                                                "similar-alliance"};
// §XVIII's list is "not limited to"; a reason outside it is written with this code (I-30).
constexpr std::string_view kOtherReason = "other";

const model::AllianceProfile& profile_of(const Context& context, std::string_view kind) {
  if (context.alliance == nullptr)
    throw core::Error("the " + std::string(kind) + " rules need the miosha alliance profile");
  return *context.alliance;
}

std::optional<std::int64_t> days_after(const core::Field<core::Date>& from,
                                       const core::Field<core::Date>& to) {
  if (!from.present() || !to.present()) return std::nullopt;
  return core::days_between(*from, *to);
}

// ---------------------------------------------------------------------------------------------

inline constexpr core::RuleRef kFields{"LETTER-FIELDS", core::Severity::Error,
                                       "MIOSHA-ADM-03-3R6 App C, App E"};

template <class T>
void require(const core::Field<T>& field, std::string_view name, core::Outcome& outcome) {
  if (!field.absent()) return;
  outcome.add(kFields, "The letter request has no \"" + std::string(name) + "\".", field.location);
}

// The addressee block of formats.md §7.3: every field but the courtesy title.
void addressee_complete(const Addressee& addressee, const core::Location& root,
                        core::Outcome& outcome) {
  if (!addressee.present) {
    outcome.add(
        kFields, "The letter request has no \"addressee\".",
        addressee.location.empty() ? core::Location(root + "/addressee") : addressee.location);
    return;
  }
  require(addressee.name, "addressee/name", outcome);
  require(addressee.title, "addressee/title", outcome);
  require(addressee.organization_name, "addressee/organization-name", outcome);
  require(addressee.address, "addressee/address", outcome);
  require(addressee.city, "addressee/city", outcome);
  require(addressee.state, "addressee/state", outcome);
  require(addressee.zip_code, "addressee/zip-code", outcome);
}

// LETTER-FIELDS for a declination: date, addressee, date received and at least one reason.
void declination_fields_given(const DeclinationLetter& letter, core::Outcome& outcome) {
  require(letter.letter_date, "letter-date", outcome);
  addressee_complete(letter.addressee, letter.location, outcome);
  require(letter.request_received_date, "request-received-date", outcome);
  if (letter.reasons.empty())
    outcome.add(kFields, "The letter request has no \"reason\".", letter.location + "/reason");
}

// LETTER-FIELDS for an expiration or termination: an expiration also needs its two dates.
void ending_fields_given(const ExpirationTerminationLetter& letter, core::Outcome& outcome) {
  require(letter.letter_date, "letter-date", outcome);
  addressee_complete(letter.addressee, letter.location, outcome);
  if (letter.ending.present() && *letter.ending == LetterEnding::Expiration) {
    require(letter.agreement_signed_date, "agreement-signed-date", outcome);
    require(letter.expiration_date, "expiration-date", outcome);
  }
}

inline constexpr core::RuleRef kMichigan{"LETTER-MICHIGAN", core::Severity::Warning,
                                         "MIOSHA-ADM-03-3R6 App C, App E"};

// The templates address organizations in the program's state.
void addressed_in_state(const Addressee& addressee, const model::AllianceProfile& profile,
                        core::Outcome& outcome) {
  const std::string& expected = profile.letters.addressee_state;
  if (expected.empty() || !addressee.state.present() || *addressee.state == expected) return;
  outcome.add(kMichigan,
              "The letter is addressed to " + *addressee.state + "; the " + profile.agency_short +
                  " templates address " + profile.state + " organizations.",
              addressee.state.location);
}

// ---------------------------------------------------------------------------------------------
// Declinations.

inline constexpr core::RuleRef kDeclineReason{"LETTER-DECLINE-REASON", core::Severity::Warning,
                                              "MIOSHA-ADM-03-3R6 §XIV.H, App C"};

// Each reason is one §XIV.H gives; others are for review.
void decline_reasons_listed(const DeclinationLetter& letter, core::Outcome& outcome) {
  for (const auto& reason : letter.reasons) {
    if (!reason.code.present()) continue;
    bool listed = false;
    for (const auto code : kDeclineReasons) listed = listed || *reason.code == code;
    if (listed) continue;
    const std::string& text = reason.text.present() ? *reason.text : *reason.code;
    outcome.add(kDeclineReason,
                "Reason \"" + text +
                    "\" is not one of the reasons §XIV.H gives for declining; "
                    "review it.",
                reason.location);
  }
}

inline constexpr core::RuleRef kDeclineDates{"LETTER-DECLINE-DATES", core::Severity::Error,
                                             "MIOSHA-ADM-03-3R6 App C"};

// The request was received on or before the letter's date.
void received_before_letter(const DeclinationLetter& letter, core::Outcome& outcome) {
  const auto& received = letter.request_received_date;
  const auto& dated = letter.letter_date;
  if (!received.present() || !dated.present() || *received <= *dated) return;
  outcome.add(kDeclineDates,
              "The request is dated as received " + received->iso() + ", after the letter's date " +
                  dated->iso() + ".",
              received.location);
}

// ---------------------------------------------------------------------------------------------
// Expirations.

bool is_ending(const ExpirationTerminationLetter& letter, LetterEnding ending) {
  return letter.ending.present() && *letter.ending == ending;
}

inline constexpr core::RuleRef kExpirationDates{"LETTER-EXPIRATION-DATES", core::Severity::Error,
                                                "MIOSHA-ADM-03-3R6 App E; §XVII.A"};

// The agreement was signed before it expired, and expired by the letter's date.
void expired_by_letter(const ExpirationTerminationLetter& letter, core::Outcome& outcome) {
  const auto& signed_on = letter.agreement_signed_date;
  const auto& expired = letter.expiration_date;
  const auto& dated = letter.letter_date;
  if (!is_ending(letter, LetterEnding::Expiration) || !signed_on.present() || !expired.present() ||
      !dated.present())
    return;
  if (*signed_on < *expired && *expired <= *dated) return;
  outcome.add(kExpirationDates,
              "An expiration letter dated " + dated->iso() + " cannot report an agreement signed " +
                  signed_on->iso() + " as expired on " + expired->iso() + ".",
              expired.location);
}

inline constexpr core::RuleRef kExpirationTerm{"LETTER-EXPIRATION-TERM", core::Severity::Warning,
                                               "MIOSHA-ADM-03-3R6 App E, App D, §XV.B"};

// The expiration date is the anniversary of the signing after the term.
void expiration_matches_term(const ExpirationTerminationLetter& letter, core::Outcome& outcome) {
  const auto& signed_on = letter.agreement_signed_date;
  const auto& expired = letter.expiration_date;
  const auto& term = letter.term_years;
  if (!is_ending(letter, LetterEnding::Expiration) || !signed_on.present() || !expired.present() ||
      !term.present())
    return;
  const bool in_range = *term <= 9999 - signed_on->year();
  if (in_range && core::add_years(*signed_on, static_cast<int>(*term)) == *expired) return;
  const std::string expected =
      in_range ? core::add_years(*signed_on, static_cast<int>(*term)).iso() : "never";
  outcome.add(kExpirationTerm,
              "A " + std::to_string(*term) + "-year agreement signed " + signed_on->iso() +
                  " expires " + expected + ", not " + expired->iso() + ".",
              expired.location);
}

// ---------------------------------------------------------------------------------------------
// Terminations.

inline constexpr core::RuleRef kTerminationReason{
    "LETTER-TERMINATION-REASON", core::Severity::Error, "MIOSHA-ADM-03-3R6 §XVIII, App E"};

// A termination states its reason. (An unknown code was reported by ingest under this rule.)
void termination_reason_given(const ExpirationTerminationLetter& letter, core::Outcome& outcome) {
  if (!is_ending(letter, LetterEnding::Termination) || letter.termination_reason.present) return;
  outcome.add(kTerminationReason,
              "A termination letter needs a reason: one of §XVIII's (failure to fulfill "
              "responsibilities, insufficient resources, change in strategic direction) or "
              "\"other\" with the reason written out.",
              letter.termination_reason.location.empty() ? letter.location + "/termination-reason"
                                                         : letter.termination_reason.location);
}

inline constexpr core::RuleRef kTerminationReasonOther{
    "LETTER-TERMINATION-REASON-OTHER", core::Severity::Warning,
    "MIOSHA-ADM-03-3R6 §XVIII (reasons \"may include, but are not limited to\" A–C); rules.md "
    "I-30"};

// A reason outside §XVIII's list is for review.
void termination_reason_listed(const ExpirationTerminationLetter& letter, core::Outcome& outcome) {
  const auto& reason = letter.termination_reason;
  if (!is_ending(letter, LetterEnding::Termination) || !reason.code.present() ||
      *reason.code != kOtherReason)
    return;
  const std::string text = reason.text.present() ? *reason.text : std::string(kOtherReason);
  outcome.add(kTerminationReasonOther,
              "Reason \"" + text + "\" is not one of the reasons §XVIII lists; review it.",
              reason.location);
}

inline constexpr core::RuleRef kTerminatedBy{"LETTER-TERMINATED-BY", core::Severity::Warning,
                                             "MIOSHA-ADM-03-3R6 §XVIII"};

// The App E termination letter is for terminations by the agency.
void terminated_by_agency(const ExpirationTerminationLetter& letter, core::Outcome& outcome) {
  const auto& by = letter.terminated_by;
  if (!is_ending(letter, LetterEnding::Termination) || !by.present() ||
      *by == model::TerminatedBy::Miosha)
    return;
  outcome.add(kTerminatedBy,
              "The member ended this alliance; the App E termination letter is for terminations "
              "by MIOSHA.",
              by.location);
}

inline constexpr core::RuleRef kTerminationNotice{
    "LETTER-TERMINATION-NOTICE", core::Severity::Warning, "MIOSHA-ADM-03-3R6 App D, §XV.C"};

// The termination takes effect after the agreement's days of written notice.
void notice_before_effect(const ExpirationTerminationLetter& letter,
                          const model::AllianceProfile& profile, core::Outcome& outcome) {
  const int notice = profile.agreement.termination_notice_days;
  const auto days = days_after(letter.letter_date, letter.effective_date);
  if (!is_ending(letter, LetterEnding::Termination) || !days || *days >= notice) return;
  outcome.add(kTerminationNotice,
              "The termination takes effect " + letter.effective_date->iso() + ", " +
                  std::to_string(*days) + " days after the letter; the agreement provides " +
                  std::to_string(notice) + " days' written notice.",
              letter.effective_date.location);
}

inline constexpr core::RuleRef kTerminationDates{"LETTER-TERMINATION-DATES", core::Severity::Error,
                                                 "MIOSHA-ADM-03-3R6 App E"};

// The agreement was signed on or before the letter's date.
void signed_before_letter(const ExpirationTerminationLetter& letter, core::Outcome& outcome) {
  const auto& signed_on = letter.agreement_signed_date;
  const auto& dated = letter.letter_date;
  if (!is_ending(letter, LetterEnding::Termination) || !signed_on.present() || !dated.present() ||
      *signed_on <= *dated)
    return;
  outcome.add(kTerminationDates,
              "The agreement's signing date " + signed_on->iso() + " is after the letter's date " +
                  dated->iso() + ".",
              signed_on.location);
}

}  // namespace

void check_declination_letter(const DeclinationLetter& letter, const Context& context,
                              core::Outcome& outcome) {
  const auto& profile = profile_of(context, "declination-letter");
  declination_fields_given(letter, outcome);               // LETTER-FIELDS
  addressed_in_state(letter.addressee, profile, outcome);  // LETTER-MICHIGAN
  decline_reasons_listed(letter, outcome);                 // LETTER-DECLINE-REASON
  received_before_letter(letter, outcome);                 // LETTER-DECLINE-DATES
}

void check_expiration_termination_letter(const ExpirationTerminationLetter& letter,
                                         const Context& context, core::Outcome& outcome) {
  const auto& profile = profile_of(context, "expiration-termination-letter");
  ending_fields_given(letter, outcome);                    // LETTER-FIELDS
  addressed_in_state(letter.addressee, profile, outcome);  // LETTER-MICHIGAN
  expired_by_letter(letter, outcome);                      // LETTER-EXPIRATION-DATES
  expiration_matches_term(letter, outcome);                // LETTER-EXPIRATION-TERM
  termination_reason_given(letter, outcome);               // LETTER-TERMINATION-REASON
  termination_reason_listed(letter, outcome);              // LETTER-TERMINATION-REASON-OTHER
  terminated_by_agency(letter, outcome);                   // LETTER-TERMINATED-BY
  notice_before_effect(letter, profile, outcome);          // LETTER-TERMINATION-NOTICE
  signed_before_letter(letter, outcome);                   // LETTER-TERMINATION-DATES
}

}  // namespace pipeline::rules
