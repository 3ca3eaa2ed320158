#pragma once
//! The figures the grant rules compute for a CET grant proposal (rules.md §4.2–§4.9), typed:
//! what the proposal summary prints, handed from the rules to render as values, never as text.
//! Each is engaged exactly when the rule that computes it knows its inputs (rules.md §1, I-45).
//! They become the report's key/value figures in one place, report_figures().

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/core/finding.hpp"
#include "pipeline/core/money.hpp"

namespace pipeline::model {

// A cap on grant funds of GRANT-BUDGET-TOTALS: the category's grant funds, their share of G and
// the most the cap allows.
struct CapFigures {
  std::optional<core::Money> grant;
  std::optional<core::Percent> percent;  // of G
  std::optional<core::Money> maximum;
};

// One measure of CHANGE-SUMMARY: approved and revised, and the change as a share of approved.
template <class T>
struct ChangeFigures {
  T baseline{};
  T revised{};
  std::optional<core::Percent> change_percent;
};

// An audience industry on the hazard ranking list (GRANT-PRIORITY-AUDIENCE, rules.md §2.6).
struct PriorityIndustry {
  std::string naics;
  std::string rank;  // as App B writes it: "4.5", "11.3"
};

struct GrantFigures {
  // GRANT-APPLICANT-CATEGORY-INFO
  std::optional<std::string> applicant_category;
  // GRANT-PRIORITY-AUDIENCE: engaged when the audience lists NAICS codes (empty: none ranked).
  std::optional<std::vector<PriorityIndustry>> priority_industries;
  std::optional<std::string> serves;
  std::optional<bool> small_establishments;

  // GRANT-BUDGET-TOTALS
  std::optional<core::Money> grant_total;     // G
  std::optional<core::Money> matching_total;  // M
  std::optional<core::Money> budget_total;    // T = G + M
  std::optional<core::Money> matching_minimum;
  std::optional<core::Percent> matching_percent;  // M of G
  CapFigures equipment;
  CapFigures contractual;
  CapFigures other;
  std::optional<core::Money> award_maximum;
  std::optional<core::Money> administrative_lump_total;  // L
  std::optional<core::Money> remaining_expenditures;     // T − L
  std::optional<core::Money> administrative_lump_maximum;
  std::optional<core::Money> program_income_total;

  // TABLEA-TOTALS
  std::optional<std::int64_t> training_sessions_total;
  std::optional<std::int64_t> people_trained_total;
  std::optional<core::Quantity> person_hours_total;
  std::optional<core::Quantity> technical_assistance_hours_total;
  std::optional<core::Quantity> dissemination_hours_total;
  std::optional<core::Quantity> other_service_hours_total;

  // CHANGE-SUMMARY
  std::optional<ChangeFigures<std::int64_t>> sessions;
  std::optional<ChangeFigures<std::int64_t>> people_trained;
  std::optional<ChangeFigures<core::Quantity>> person_hours;
  std::optional<core::Money> baseline_budget_total;
  std::optional<core::Money> revised_budget_total;
  // Index 0 is category 1; engaged where the category's variation is known and not zero.
  std::array<std::optional<core::Money>, 9> category_variation;
  std::array<std::optional<core::Percent>, 9> category_variation_percent;  // of the approved T

  // PERF-OBJECTIVES
  std::optional<std::int64_t> objective_people_trained;
  std::optional<core::Quantity> objective_person_hours;
  std::optional<core::Quantity> objective_count;
  // PERF-AWARD-REDUCTION
  std::optional<std::int64_t> outcome_people_trained;
  std::optional<core::Quantity> outcome_person_hours;
  std::optional<core::Quantity> outcome_count;
  std::optional<core::Percent> performance_percent;
  std::optional<core::Money> award_before_reduction;
  std::optional<core::Money> award_after_reduction;
  std::optional<core::Money> award_reduction;
};

// The figures as the report writes them (cli.md "figures"): the keys of rules.md in catalogue
// order, each engaged figure once, appended to `out`.
void add_report_figures(const GrantFigures& figures, core::Figures& out);

}  // namespace pipeline::model
