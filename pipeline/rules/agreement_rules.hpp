#pragma once
//! The AGREEMENT rulebook's shared pieces (internal to rules/): the agreement with what the rules
//! derive from its root attributes and the profile, the small helpers their messages share, and
//! the rulebook's sections (rules.md §4.15), each a file of its own with its part of the rulebook
//! in catalogue order: agreement_term_rules.cpp, agreement_content_rules.cpp,
//! agreement_participant_rules.cpp; agreement_rules.cpp runs them.

#include <algorithm>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/finding.hpp"
#include "pipeline/model/alliance_agreement.hpp"
#include "pipeline/model/alliance_profile.hpp"
#include "pipeline/rules/alliance_rules.hpp"
#include "pipeline/rules/rulebooks.hpp"

namespace pipeline::rules::agreement {

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

inline std::optional<AgreementAction> resolved_action(const AllianceAgreement& agreement) {
  if (agreement.action.rejected()) return std::nullopt;
  return agreement.action.value_or(AgreementAction::New);
}

inline std::string action_word(const Subject& s) {
  return s.is_renewal() ? "renewal" : "new";
}

inline std::string quoted(std::string_view text) {
  return "\"" + std::string(text) + "\"";
}

inline std::string name_of(const Organization& organization) {
  return organization.name.present() ? *organization.name : "the organization";
}

// "A" or "An" before a word, by its first letter.
inline std::string article(std::string_view word) {
  const bool vowel =
      !word.empty() && std::string_view("AEIOUaeiou").find(word.front()) != std::string_view::npos;
  return vowel ? "An" : "A";
}

inline std::string days_text(std::int64_t days) {
  return std::to_string(days);
}

// add_years within the calendar's range (a term of thousands of years has no expiry date).
inline std::optional<core::Date> years_after(core::Date date, std::int64_t years) {
  if (years < 0 || years > 9999 - date.year()) return std::nullopt;
  return core::add_years(date, static_cast<int>(years));
}

inline std::optional<core::Date> expiration_date(const AllianceAgreement& agreement) {
  if (!agreement.signing_date.present() || !agreement.term_years.present()) return std::nullopt;
  return years_after(*agreement.signing_date, *agreement.term_years);
}

// The clearances recorded (rejected words count as none).
inline std::vector<std::string> recorded_clearances(const AllianceAgreement& agreement) {
  std::vector<std::string> out;
  for (const auto& clearance : agreement.clearances.rows)
    if (clearance.present()) out.push_back(*clearance);
  return out;
}

inline std::vector<std::string> missing_from(const std::vector<std::string>& required,
                                             const std::vector<std::string>& recorded) {
  std::vector<std::string> out;
  for (const auto& word : required)
    if (!contains(recorded, word)) out.push_back(word);
  return out;
}

inline bool has_type(const Organization& organization, std::string_view type) {
  return organization.organization_type.present() && *organization.organization_type == type;
}

// A text an agreement states, and where it is.
struct Statement {
  const std::string& text;
  const core::Location& location;
};

inline void add_objectives(const model::Container<model::Objective>& goal,
                           std::vector<Statement>& out) {
  for (const auto& objective : goal.rows)
    if (objective.text.present()) out.push_back({*objective.text, objective.location});
}

inline void add_texts(const model::Container<core::Field<std::string>>& rows,
                      std::vector<Statement>& out) {
  for (const auto& row : rows.rows)
    if (row.present()) out.push_back({*row, row.location});
}

// The texts the wording rules read: objectives, hazards, issues, target workforce, work-plan
// items, criteria (AGREEMENT-NO-ENFORCEMENT).
inline std::vector<Statement> worded_texts(const AllianceAgreement& agreement) {
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

// A row of the AGREEMENT rulebook.
using AgreementRule = RuleRow<Subject>;

// Each section's rows, in catalogue order.
std::span<const AgreementRule> term_rules();         // term, dates, history, team, OSHA signing
std::span<const AgreementRule> content_rules();      // Ambassador status, objectives, wording
std::span<const AgreementRule> participant_rules();  // participants, signatories, what is named

}  // namespace pipeline::rules::agreement
