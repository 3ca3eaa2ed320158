// The TRAVEL family (rules.md §4.7): Table D travel within the state rates of the fiscal year's
// parameters (App C item 3; I-7), on lines of either funding, and out-of-state travel on grant
// funds only with prior approval (App A §132).
#include <string>
#include <vector>

#include "pipeline/model/grant_words.hpp"
#include "pipeline/rules/alliance_rules.hpp"
#include "pipeline/rules/grant_families.hpp"

namespace pipeline::rules {

namespace {

using core::Field;
using core::Money;
using core::money_text;
using core::Outcome;
using model::GrantParameters;
using model::Meal;
using model::TableDLine;
using model::TableDRow;

const std::vector<TableDLine>& travel_lines(const model::GrantProposal& proposal) {
  static const std::vector<TableDLine> kNone;
  return proposal.table_d && proposal.table_d->travel ? proposal.table_d->travel->lines : kNone;
}

inline constexpr core::RuleRef kMileageRate{
    "TRAVEL-MILEAGE-RATE", core::Severity::Error,
    "CET RFP FY2004-05 App C item 3 (mileage, approved state rate $.375 maximum); §I-6 'Travel "
    "regulations and expenses'; §II-3(g)"};

// Mileage is paid at no more than the state rate a mile.
void mileage_within_state_rate(const std::vector<TableDLine>& lines,
                               const GrantParameters& parameters, Outcome& outcome) {
  for (const TableDLine& line : lines) {
    if (line.row != TableDRow::Mileage || !line.amount_per_mile.present()) continue;
    if (*line.amount_per_mile <= parameters.mileage_rate_maximum) continue;
    outcome.add(kMileageRate,
                "Mileage at " + core::rate_text(*line.amount_per_mile) +
                    " a mile exceeds the state rate of " +
                    core::rate_text(parameters.mileage_rate_maximum) + ".",
                line.amount_per_mile.location);
  }
}

inline constexpr core::RuleRef kLodgingRate{
    "TRAVEL-LODGING-RATE", core::Severity::Error,
    "CET RFP FY2004-05 App C item 3 (lodging $65.00 plus taxes per night); §II-3(g)"};

// Lodging costs no more than the state rate a night, taxes apart.
void lodging_within_state_rate(const std::vector<TableDLine>& lines,
                               const GrantParameters& parameters, Outcome& outcome) {
  for (const TableDLine& line : lines) {
    if (line.row != TableDRow::Lodging || !line.amount_per_night.present()) continue;
    if (*line.amount_per_night <= parameters.lodging_rate_maximum) continue;
    outcome.add(kLodgingRate,
                "Lodging at " + money_text(*line.amount_per_night) +
                    " a night exceeds the state rate of " +
                    money_text(parameters.lodging_rate_maximum) + " plus taxes.",
                line.amount_per_night.location);
  }
}

inline constexpr core::RuleRef kBreakfastRate{"TRAVEL-BREAKFAST-RATE", core::Severity::Error,
                                              "CET RFP FY2004-05 App C item 3 (breakfast $7.25)"};
inline constexpr core::RuleRef kLunchRate{"TRAVEL-LUNCH-RATE", core::Severity::Error,
                                          "CET RFP FY2004-05 App C item 3 (lunch $7.25)"};
inline constexpr core::RuleRef kDinnerRate{"TRAVEL-DINNER-RATE", core::Severity::Error,
                                           "CET RFP FY2004-05 App C item 3 (dinner $16.50)"};

// Each meal of kind `meal` costs no more than its state rate.
void meals_within_state_rate(const std::vector<TableDLine>& lines, Meal meal, Money maximum,
                             const core::RuleRef& rule, Outcome& outcome) {
  for (const TableDLine& line : lines) {
    if (line.row != TableDRow::Meals || !line.meal.present() || *line.meal != meal) continue;
    if (!line.amount_per_meal.present() || *line.amount_per_meal <= maximum) continue;
    outcome.add(rule,
                capitalized(std::string(model::meal_word(meal))) + " at " +
                    money_text(*line.amount_per_meal) + " exceeds the state rate of " +
                    money_text(maximum) + ".",
                line.amount_per_meal.location);
  }
}

inline constexpr core::RuleRef kOutOfState{
    "TRAVEL-OUT-OF-STATE", core::Severity::Warning,
    "CET RFP FY2004-05 App A §132 'Out of State Travel' (the grantee may not spend state funds on "
    "out-of-state travel without prior approval); I-41"};

// Out-of-state travel on grant funds has the department's prior approval.
void out_of_state_travel_approved(const std::vector<TableDLine>& lines, Outcome& outcome) {
  for (const TableDLine& line : lines) {
    if (!line.funding.present() || *line.funding != model::Funding::Grant) continue;
    if (!line.out_of_state.present() || !*line.out_of_state || !line.prior_approval.absent())
      continue;
    const std::string amount = line.total_charged.present() ? money_text(*line.total_charged)
                                                            : std::string("amount not stated");
    outcome.add(kOutOfState,
                "Out-of-state travel (" + amount + ") needs the department's prior approval.",
                line.location);
  }
}

}  // namespace

void check_travel(const model::GrantProposal& proposal, const Context& context,
                  rules::Outcome& outcome) {
  const std::vector<TableDLine>& lines = travel_lines(proposal);
  const GrantParameters& parameters = *context.grant;
  mileage_within_state_rate(lines, parameters, outcome);
  lodging_within_state_rate(lines, parameters, outcome);
  meals_within_state_rate(lines, Meal::Breakfast, parameters.breakfast_rate_maximum, kBreakfastRate,
                          outcome);
  meals_within_state_rate(lines, Meal::Lunch, parameters.lunch_rate_maximum, kLunchRate, outcome);
  meals_within_state_rate(lines, Meal::Dinner, parameters.dinner_rate_maximum, kDinnerRate,
                          outcome);
  out_of_state_travel_approved(lines, outcome);
}

}  // namespace pipeline::rules
