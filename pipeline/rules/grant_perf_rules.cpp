// The PERF family (rules.md §4.9): the minimum performance a grant is held to, and the App A §108
// reduction of the award in proportion to the count completed (I-12).
#include <cstdint>
#include <optional>
#include <string>

#include "pipeline/rules/grant_budget.hpp"
#include "pipeline/rules/grant_families.hpp"

namespace pipeline::rules {

namespace {

using core::Money;
using core::Outcome;

std::string hours_figure(std::int64_t hundredths) {
  return core::hundredths_figure(core::Quantity{hundredths});
}

inline constexpr core::RuleRef kObjectives{
    "PERF-OBJECTIVES", core::Severity::Info,
    "CET RFP FY2004-05 §I-6 'Performance objectives'; App A §108"};

// The negotiated minimum performance, or the one Table A's training programs promise: each
// figure when its own values are known (I-45).
void objectives_figures(const model::GrantProposal& proposal,
                        const std::optional<PerformanceCounts>& objectives, Outcome& outcome,
                        model::GrantFigures& figures) {
  if (!objectives || (!objectives->people_trained && !objectives->person_hours)) return;
  const std::optional<std::int64_t> count_hundredths = objectives->count_hundredths();
  const std::string people =
      objectives->people_trained ? std::to_string(*objectives->people_trained) : "unknown";
  const std::string hours =
      objectives->person_hours ? core::hundredths_figure(*objectives->person_hours) : "unknown";
  const std::string count = count_hundredths ? hours_figure(*count_hundredths) : "unknown";
  figures.objective_people_trained = objectives->people_trained;
  figures.objective_person_hours = objectives->person_hours;
  if (count_hundredths) figures.objective_count = core::Quantity{*count_hundredths};
  outcome.add(kObjectives,
              "Minimum performance: " + people + " people trained and " + hours +
                  " person-hours (count " + count + ").",
              proposal.performance_objectives ? proposal.performance_objectives->location
                                              : proposal.table_a->location);
}

inline constexpr core::RuleRef kAwardReduction{
    "PERF-AWARD-REDUCTION", core::Severity::Info,
    "CET RFP FY2004-05 App A §108 'Conduct and Standard of the Work' (award reduced in proportion "
    "to the minimum requirements completed; 300 people + 900 person-hours = a count of 1,200 in "
    "any combination)"};

// The award after the §108 reduction: G × achieved ÷ required when short, rounded half up.
void award_reduction_figures(const model::GrantProposal& proposal,
                             const std::optional<PerformanceCounts>& objectives, Outcome& outcome,
                             model::GrantFigures& figures) {
  if (!objectives || !proposal.performance_outcome || !proposal.table_c) return;
  const PerformanceCounts outcome_counts = performance_counts(*proposal.performance_outcome);
  // The award is G, the grant column only (I-45).
  const std::optional<Money> grant = table_c_amounts(*proposal.table_c).grant_total();
  // The §108 count adds both measures, so each side needs both.
  const std::optional<std::int64_t> required_count = objectives->count_hundredths();
  const std::optional<std::int64_t> achieved_count = outcome_counts.count_hundredths();
  if (!required_count || !achieved_count || !grant) return;
  const std::int64_t required = *required_count;
  const std::int64_t achieved = *achieved_count;
  const Money before = *grant;
  const Money after = reduced_award(before, achieved, required);
  const std::string count = hours_figure(achieved);
  const std::optional<std::string> percent = core::percent_figure(achieved, required);
  figures.outcome_people_trained = *outcome_counts.people_trained;
  figures.outcome_person_hours = *outcome_counts.person_hours;
  figures.outcome_count = core::Quantity{achieved};
  if (percent) figures.performance_percent = core::percent_of(achieved, required);
  figures.award_before_reduction = before;
  figures.award_after_reduction = after;
  figures.award_reduction = before - after;
  outcome.add(kAwardReduction,
              "Completed " + count + " of the required " + hours_figure(required) +
                  (percent ? " (" + *percent + "%)" : std::string()) + ": award " +
                  core::money_text(before) + " becomes " + core::money_text(after) + ".",
              proposal.performance_outcome->location);
}

}  // namespace

void check_performance(const model::GrantProposal& proposal, const Context&,
                       rules::Outcome& outcome) {
  const std::optional<PerformanceCounts> objectives =
      performance_objectives(proposal.performance_objectives, proposal.table_a);
  objectives_figures(proposal, objectives, outcome, outcome.grant);
  award_reduction_figures(proposal, objectives, outcome, outcome.grant);
}

}  // namespace pipeline::rules
