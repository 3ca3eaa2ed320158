#pragma once
//! Pure arithmetic on a grant proposal's budget, shared by the grant rule families: the symbols
//! of rules.md §2.3 (G_c, M_c, G, M, T, D_{c,s}, L, W), the Table D line formulas of formats.md
//! §3.11, share caps tested by cross-multiplication and the §108 reduction (rules.md §2.1).
//!
//! A product is computed exactly and rounded half up to the cent. A value rejected by its type
//! check is unknown (rules.md §1): every function that would need it returns nullopt, so the rules
//! that use the result do not run.

#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include "pipeline/core/money.hpp"
#include "pipeline/model/grant_proposal.hpp"

namespace pipeline::rules {

// ---- Table C: G_c, M_c, G, M, T -------------------------------------------------------------

// The Total Funds of each Table C category (index 0 is category 1), as stated; nullopt where a
// term is unknown. A sum is unknown when one of its terms is (rules.md I-45): G needs only the
// grant column, M only the matching column, so each rule runs when its own amounts are known.
struct TableCAmounts {
  std::array<std::optional<core::Money>, 9> grant;     // G_c
  std::array<std::optional<core::Money>, 9> matching;  // M_c

  std::optional<core::Money> grant_at(int category) const { return grant.at(index(category)); }
  std::optional<core::Money> matching_at(int category) const {
    return matching.at(index(category));
  }
  std::optional<core::Money> at(int category, model::Funding funding) const {
    return funding == model::Funding::Grant ? grant_at(category) : matching_at(category);
  }
  // G_c + M_c: a category's grant plus matching (I-11).
  std::optional<core::Money> category_total(int category) const;
  std::optional<core::Money> grant_total() const;     // G: the total grant funds requested (I-2)
  std::optional<core::Money> matching_total() const;  // M
  std::optional<core::Money> budget_total() const;    // T = G + M

 private:
  static std::size_t index(int category) { return static_cast<std::size_t>(category - 1); }
};

// G_c and M_c of a Table C. A category or line left out counts as zero; a repeated category
// number adds to the same category (I-46). A line whose Total Funds is absent or rejected makes
// its own category and column unknown; a row of unknown category number holding money makes
// that column unknown in every category (the money is in one of them).
TableCAmounts table_c_amounts(const model::TableC& table);

// ---- Table D: D_{c,s}, L, W -----------------------------------------------------------------

// Σ stated total-charged of the section's lines with `funding`. nullopt when a line's funding or
// total-charged is unknown (rejected or missing).
std::optional<core::Money> section_total(const model::TableDSection& section,
                                         model::Funding funding);
// D_{c,s}: section_total of category c's section, zero when the section is absent.
std::optional<core::Money> table_d_amount(const model::TableD& table, int category,
                                          model::Funding funding);
// Whether some section holds an administrative-costs line.
bool has_administrative_costs(const model::TableD& table);
// L: Σ stated total-charged of every administrative-costs line (both fundings).
std::optional<core::Money> administrative_lump_total(const model::TableD& table);
// W: Σ stated total-charged of every wages-salaries line (both fundings).
std::optional<core::Money> wages_total(const model::TableD& table);

// ---- line formulas (TABLED-LINE-ARITH) ------------------------------------------------------

// amount × quantity (cost per item × units, salary per week × weeks, ...), rounded half up;
// nullopt when it is out of range (more than core::kLargestMoney, which no total can state).
std::optional<core::Money> product(core::Money amount, core::Quantity quantity);
// quantity × per-unit rate in mills (miles × amount per mile), rounded half up; nullopt when out
// of range.
std::optional<core::Money> product(core::Quantity quantity, core::Rate rate);
// amount × percent ÷ 100 (total salaries × formula %), rounded half up.
core::Money percent_of(core::Money amount, core::Percent percent);

// A line's formula, evaluated: the amount and the formula as written for a message
// ("8 × $65.00 + $40.00").
struct LineFormula {
  std::optional<core::Money> amount;  // nullopt: out of range (over core::kLargestMoney)
  std::string expression;
};
// The formula of formats.md §3.11 for a line of the Table D section of `category` (1–9);
// nullopt when its row has none (contractual, other, administrative costs) or one of its inputs
// is unknown. Absent lodging taxes are zero.
std::optional<LineFormula> line_formula(int category, const model::TableDLine& line);

// ---- shares (rules.md §2.1) -----------------------------------------------------------------

// part ≤ share % of whole, tested exactly: part × 100 × Percent::scale ≤ share × whole.
bool within_share(core::Money part, core::Money whole, core::Percent share);
// part ≥ share % of whole, tested exactly.
bool reaches_share(core::Money part, core::Money whole, core::Percent share);
// The largest amount within the share: ⌊whole × share ÷ 100⌋ cents.
core::Money share_maximum(core::Money whole, core::Percent share);
// The smallest amount reaching the share: ⌈whole × share ÷ 100⌉ cents.
core::Money share_minimum(core::Money whole, core::Percent share);

// ---- performance (PERF-OBJECTIVES, §108, CHANGE-PERFORMANCE) --------------------------------

// People trained and person-hours: the two measures of §108, whose sum is the "count". Each is
// nullopt when unknown (one of its terms is, or it does not fit 64 bits); each measure is
// compared on its own (I-11), so one unknown measure does not stop the other (I-45).
struct PerformanceCounts {
  std::optional<std::int64_t> people_trained;
  std::optional<core::Quantity> person_hours;  // hundredths of an hour

  // people + person-hours, in hundredths (the §108 count, I-12); nullopt when a measure is
  // unknown or the sum does not fit 64 bits.
  std::optional<std::int64_t> count_hundredths() const;
};

// Stated counts of a performance-objectives or performance-outcome element.
PerformanceCounts performance_counts(const model::Performance& performance);
// Table A's training programs (I-10): people trained = Σ sessions × persons, person-hours =
// Σ sessions × persons × length (service activities do not count).
PerformanceCounts table_a_training(const model::TableA& table);
// The objectives of PERF-OBJECTIVES: `objectives` when present, otherwise derived from
// `table_a`; nullopt when neither is present.
std::optional<PerformanceCounts> performance_objectives(
    const std::optional<model::Performance>& objectives,
    const std::optional<model::TableA>& table_a);

// ---- §108 -----------------------------------------------------------------------------------

// The award after the App A §108 reduction: `award` when `achieved ≥ required` or `required` is
// zero, otherwise award × achieved ÷ required rounded half up (counts in any one unit).
core::Money reduced_award(core::Money award, std::int64_t achieved, std::int64_t required);

}  // namespace pipeline::rules
