#pragma once
//! The GRANT family's shared pieces (internal to rules/): the proposal with what every GRANT rule
//! derives from it, the small helpers their messages share, and the family's sections (rules.md
//! §4.2), each a file of its own with its part of the rulebook in catalogue order:
//! grant_limit_rules.cpp, grant_completeness_rules.cpp, grant_eligibility_rules.cpp,
//! grant_use_rules.cpp, grant_figure_rules.cpp; grant_rules.cpp runs them.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/finding.hpp"
#include "pipeline/model/grant_figures.hpp"
#include "pipeline/model/grant_parameters.hpp"
#include "pipeline/model/grant_proposal.hpp"
#include "pipeline/rules/grant_budget.hpp"
#include "pipeline/rules/rulebooks.hpp"

namespace pipeline::rules::grant {

using core::Field;
using core::Money;
using core::money_text;
using core::Outcome;
using model::GrantParameters;
using model::GrantProposal;
using model::GrantStage;

// ---------------------------------------------------------------------------------------------
// The proposal with what every GRANT rule derives from it.

struct Grant {
  const GrantProposal& proposal;
  const GrantParameters& parameters;
  std::optional<GrantStage> stage;       // nullopt: rejected stage attribute
  std::optional<TableCAmounts> amounts;  // engaged when table-c is present
  model::GrantFigures& figures;          // what the info rules compute, typed

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

inline std::string quoted(std::string_view text) {
  return "\"" + std::string(text) + "\"";
}

// A text field for a message: its value, or `fallback` when it has none.
inline std::string shown(const Field<std::string>& field, std::string_view fallback) {
  return field.present() ? *field : std::string(fallback);
}

inline std::string amount_shown(const Field<Money>& field) {
  return field.present() ? money_text(*field) : std::string("an unstated amount");
}

inline std::string percent_number(core::Percent percent) {
  return core::percent_value_text(percent);
}

// 100 × part ÷ whole for a message ("3.79"); "—" when the whole is zero.
inline std::string percent_shown(Money part, Money whole) {
  return core::percent_figure(part.units, whole.units).value_or("—");
}

inline bool is_yes(const Field<bool>& field) {
  return field.present() && *field;
}

// A yes-no commitment the proposal must make: absent or "no" fails; a rejected value is unknown.
inline bool fails_commitment(const Field<bool>& field) {
  return !field.rejected() && !is_yes(field);
}

inline std::string fiscal_year_text(model::FiscalYear year) {
  return std::to_string(year.first_year) + "-" + std::to_string(year.first_year + 1);
}

// The lumped administrative total L, when Table D has administrative-costs lines and L is known.
std::optional<Money> lumped_administrative_costs(const GrantProposal& proposal);
// Σ expected income of the fees; nullopt when one is unknown.
std::optional<Money> program_income_total(const model::ProgramIncome& income);
// The fees of the program income (none when it is absent).
const std::vector<model::Fee>& fees_of(const GrantProposal& proposal);

// A row of the GRANT family's rulebook.
using GrantRule = RuleRow<Grant>;

// Each section's rows, in catalogue order.
std::span<const GrantRule> limit_rules();         // budget limits
std::span<const GrantRule> completeness_rules();  // completeness
std::span<const GrantRule> eligibility_rules();   // eligibility, commitments, program income, fees
std::span<const GrantRule> use_rules();           // uses of grant funds
std::span<const GrantRule> figure_rules();        // computed figures

}  // namespace pipeline::rules::grant
