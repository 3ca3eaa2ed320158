#include "pipeline/rules/grant_budget.hpp"

#include <limits>

namespace pipeline::rules {

namespace {

using core::Money;
using core::Wide;
using model::Funding;
using model::TableDLine;
using model::TableDRow;

// 100 × Percent::scale: a share of `whole` is whole × share.units ÷ kPercentDenominator.
constexpr Wide kPercentDenominator = Wide{100} * core::Percent::scale;

// ⌊num ÷ den⌋ for any sign of num (den > 0).
std::int64_t floor_quotient(Wide num, Wide den) {
  if (num >= 0) return core::floor_div(num, den);
  return -core::ceil_div(-num, den);
}

// ⌈num ÷ den⌉ for any sign of num (den > 0).
std::int64_t ceil_quotient(Wide num, Wide den) {
  if (num >= 0) return core::ceil_div(num, den);
  return -core::floor_div(-num, den);
}

// num ÷ den rounded half up, for a share of an amount (never larger than the amount), saturated
// at the largest 64-bit amount. Products use core::rounded_money (out of range, not saturated).
Money rounded(Wide num, Wide den) {
  constexpr Wide kLargest = std::numeric_limits<std::int64_t>::max();
  if (num / den >= kLargest) return Money{std::numeric_limits<std::int64_t>::max()};
  return Money{core::round_half_up(num, den)};
}

// The stated Total Funds of a Table C line: zero when the line is absent, nullopt when unknown.
std::optional<Money> total_funds(const std::optional<model::TableCLine>& line) {
  if (!line) return Money{};
  if (!line->total_funds.present()) return std::nullopt;
  return *line->total_funds;
}

// Σ stated total-charged over the lines of `table` that `take` selects.
template <class Take>
std::optional<Money> sum_lines(const model::TableD& table, Take take) {
  Money sum{};
  for (const model::TableDSection* section : table.sections()) {
    if (section == nullptr) continue;
    for (const TableDLine& line : section->lines) {
      if (!take(*section, line)) continue;
      if (!line.total_charged.present()) return std::nullopt;
      sum += *line.total_charged;
    }
  }
  return sum;
}

std::string quantity_text(core::Quantity q) {
  return core::hundredths_figure(q);
}

// amount × quantity, when both are known.
std::optional<LineFormula> money_times_quantity(const core::Field<Money>& amount,
                                                const core::Field<core::Quantity>& quantity) {
  if (!amount.present() || !quantity.present()) return std::nullopt;
  return LineFormula{product(*amount, *quantity),
                     core::money_text(*amount) + " × " + quantity_text(*quantity)};
}

// quantity × amount, written in that order (number of nights × amount per night, ...).
std::optional<LineFormula> quantity_times_money(const core::Field<core::Quantity>& quantity,
                                                const core::Field<Money>& amount) {
  if (!amount.present() || !quantity.present()) return std::nullopt;
  return LineFormula{product(*amount, *quantity),
                     quantity_text(*quantity) + " × " + core::money_text(*amount)};
}

}  // namespace

// ---- Table C --------------------------------------------------------------------------------

namespace {

// Σ of nine terms; nullopt when one is unknown.
std::optional<Money> column_total(const std::array<std::optional<Money>, 9>& column) {
  Money sum{};
  for (const std::optional<Money>& term : column) {
    if (!term) return std::nullopt;
    sum += *term;
  }
  return sum;
}

std::optional<Money> plus(std::optional<Money> a, std::optional<Money> b) {
  if (!a || !b) return std::nullopt;
  return *a + *b;
}

// Adds `amount` (nullopt: unknown) to category `index` of `column`, or, for a row of unknown
// category (`index` nullopt), makes the whole column unknown unless the row holds no money.
void add_to(std::array<std::optional<Money>, 9>& column, std::optional<std::size_t> index,
            std::optional<Money> amount) {
  if (!index) {
    if (amount && amount->units == 0) return;
    column.fill(std::nullopt);
    return;
  }
  std::optional<Money>& term = column.at(*index);
  term = plus(term, amount);
}

}  // namespace

std::optional<Money> TableCAmounts::category_total(int category) const {
  return plus(grant_at(category), matching_at(category));
}

std::optional<Money> TableCAmounts::grant_total() const {
  return column_total(grant);
}

std::optional<Money> TableCAmounts::matching_total() const {
  return column_total(matching);
}

std::optional<Money> TableCAmounts::budget_total() const {
  return plus(grant_total(), matching_total());
}

TableCAmounts table_c_amounts(const model::TableC& table) {
  TableCAmounts amounts;
  amounts.grant.fill(Money{});
  amounts.matching.fill(Money{});
  for (const model::TableCCategory& category : table.categories) {
    std::optional<std::size_t> index;
    if (category.number.present()) index = static_cast<std::size_t>(*category.number - 1);
    add_to(amounts.grant, index, total_funds(category.grant));
    add_to(amounts.matching, index, total_funds(category.matching));
  }
  return amounts;
}

// ---- Table D --------------------------------------------------------------------------------

std::optional<Money> section_total(const model::TableDSection& section, Funding funding) {
  Money sum{};
  for (const TableDLine& line : section.lines) {
    if (!line.funding.present()) return std::nullopt;
    if (*line.funding != funding) continue;
    if (!line.total_charged.present()) return std::nullopt;
    sum += *line.total_charged;
  }
  return sum;
}

std::optional<Money> table_d_amount(const model::TableD& table, int category, Funding funding) {
  const model::TableDSection* section = table.sections().at(static_cast<std::size_t>(category - 1));
  if (section == nullptr) return Money{};
  return section_total(*section, funding);
}

bool has_administrative_costs(const model::TableD& table) {
  for (const model::TableDSection* section : table.sections()) {
    if (section == nullptr) continue;
    for (const TableDLine& line : section->lines)
      if (line.row == TableDRow::AdministrativeCosts) return true;
  }
  return false;
}

std::optional<Money> administrative_lump_total(const model::TableD& table) {
  return sum_lines(table, [](const model::TableDSection&, const TableDLine& line) {
    return line.row == TableDRow::AdministrativeCosts;
  });
}

std::optional<Money> wages_total(const model::TableD& table) {
  return sum_lines(table, [](const model::TableDSection& section, const TableDLine&) {
    return section.category == 1;
  });
}

// ---- line formulas --------------------------------------------------------------------------

std::optional<Money> product(Money amount, core::Quantity quantity) {
  return core::rounded_money(Wide{amount.units} * quantity.units, core::Quantity::scale);
}

std::optional<Money> product(core::Quantity quantity, core::Rate rate) {
  // hundredths × mills = 1/100,000 dollar; a cent is 1,000 of them.
  constexpr Wide kPerCent = Wide{core::Quantity::scale} * core::Rate::scale / Money::scale;
  return core::rounded_money(Wide{quantity.units} * rate.units, kPerCent);
}

Money percent_of(Money amount, core::Percent percent) {
  return rounded(Wide{amount.units} * percent.units, kPercentDenominator);
}

std::optional<LineFormula> line_formula(int category, const TableDLine& line) {
  switch (line.row) {
    case TableDRow::Line:
      switch (category) {
        case 1:  // wages-salaries
          return money_times_quantity(line.salary_per_week, line.number_of_weeks);
        case 2:  // fringe-benefit
          if (!line.total_salaries.present() || !line.formula_percent.present())
            return std::nullopt;
          return LineFormula{percent_of(*line.total_salaries, *line.formula_percent),
                             core::money_text(*line.total_salaries) + " × " +
                                 core::percent_value_text(*line.formula_percent) + "%"};
        case 5:  // office-supplies
        case 6:  // training-materials
          return money_times_quantity(line.cost_per_item, line.total_units);
        default:  // contractual and other lines have no formula
          return std::nullopt;
      }
    case TableDRow::Mileage:
      if (!line.number_of_miles.present() || !line.amount_per_mile.present()) return std::nullopt;
      return LineFormula{
          product(*line.number_of_miles, *line.amount_per_mile),
          quantity_text(*line.number_of_miles) + " × " + core::rate_text(*line.amount_per_mile)};
    case TableDRow::Lodging: {
      if (line.taxes.rejected()) return std::nullopt;
      std::optional<LineFormula> formula =
          quantity_times_money(line.number_of_nights, line.amount_per_night);
      if (formula && line.taxes.present()) {
        if (formula->amount)
          formula->amount =
              core::rounded_money(Wide{formula->amount->units} + line.taxes->units, 1);
        formula->expression += " + " + core::money_text(*line.taxes);
      }
      return formula;
    }
    case TableDRow::Meals:
      return quantity_times_money(line.number_of_meals, line.amount_per_meal);
    case TableDRow::OfficeSpace:
    case TableDRow::TrainingSpace:
    case TableDRow::GasElectricity:
    case TableDRow::Telephone:
      return quantity_times_money(line.number_of_months, line.monthly_amount);
    case TableDRow::Purchase:
    case TableDRow::Rental:
      return money_times_quantity(line.cost_per_item, line.total_units);
    case TableDRow::AdministrativeCosts:
      return std::nullopt;
  }
  return std::nullopt;
}

// ---- shares ---------------------------------------------------------------------------------

bool within_share(Money part, Money whole, core::Percent share) {
  return Wide{part.units} * kPercentDenominator <= Wide{share.units} * whole.units;
}

bool reaches_share(Money part, Money whole, core::Percent share) {
  return Wide{part.units} * kPercentDenominator >= Wide{share.units} * whole.units;
}

Money share_maximum(Money whole, core::Percent share) {
  return Money{floor_quotient(Wide{whole.units} * share.units, kPercentDenominator)};
}

Money share_minimum(Money whole, core::Percent share) {
  return Money{ceil_quotient(Wide{whole.units} * share.units, kPercentDenominator)};
}

// ---- performance ----------------------------------------------------------------------------

namespace {

constexpr Wide kLargestCount = std::numeric_limits<std::int64_t>::max();

// A measure that fits 64 bits; absurdly large values (a billion sessions of a billion persons)
// are treated as unknown rather than wrapped.
std::optional<std::int64_t> narrowed(std::optional<Wide> value) {
  if (!value || *value > kLargestCount) return std::nullopt;
  return static_cast<std::int64_t>(*value);
}

}  // namespace

std::optional<std::int64_t> PerformanceCounts::count_hundredths() const {
  if (!people_trained || !person_hours) return std::nullopt;
  return narrowed(Wide{*people_trained} * core::Quantity::scale + person_hours->units);
}

PerformanceCounts performance_counts(const model::Performance& performance) {
  PerformanceCounts out;
  if (performance.people_trained.present()) out.people_trained = *performance.people_trained;
  if (performance.person_hours.present()) out.person_hours = *performance.person_hours;
  return out;
}

PerformanceCounts table_a_training(const model::TableA& table) {
  std::optional<Wide> people = 0;
  std::optional<Wide> hours = 0;
  for (const model::TrainingProgram& program : table.training_programs) {
    if (!program.number_of_sessions.present() || !program.number_of_persons.present()) {
      people.reset();
      hours.reset();
      break;
    }
    const Wide attendance = Wide{*program.number_of_sessions} * *program.number_of_persons;
    *people += attendance;
    if (!hours) continue;
    if (program.length_of_session.present())
      *hours += attendance * program.length_of_session->units;
    else
      hours.reset();  // the length is needed for person-hours only
  }
  PerformanceCounts out;
  out.people_trained = narrowed(people);
  if (const std::optional<std::int64_t> h = narrowed(hours)) out.person_hours = core::Quantity{*h};
  return out;
}

std::optional<PerformanceCounts> performance_objectives(
    const std::optional<model::Performance>& objectives,
    const std::optional<model::TableA>& table_a) {
  if (objectives) return performance_counts(*objectives);
  if (table_a) return table_a_training(*table_a);
  return std::nullopt;
}

// ---- §108 -----------------------------------------------------------------------------------

Money reduced_award(Money award, std::int64_t achieved, std::int64_t required) {
  if (required <= 0 || achieved >= required) return award;
  return rounded(Wide{award.units} * achieved, required);
}

}  // namespace pipeline::rules
