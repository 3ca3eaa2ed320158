#pragma once
//! Pure arithmetic on Table A, shared by the TABLEA and CHANGE families: the totals of
//! TABLEA-TOTALS (rules.md §4.3). The objectives PERF-OBJECTIVES derives from Table A are
//! grant_budget.hpp's performance_objectives().
//!
//! Training figures use the computed product sessions × persons × length, never the stated Total
//! hours (I-10). A value that is absent or rejected is unknown (rules.md §1): a total that would
//! need it is nullopt, so the rules that use it do not run.

#include <cstdint>
#include <optional>

#include "pipeline/core/money.hpp"
#include "pipeline/model/grant_proposal.hpp"

namespace pipeline::rules {

// The totals of one Table A. Each is nullopt when a value it needs is unknown, or when it would
// not fit in 64 bits.
struct TableATotals {
  std::optional<std::int64_t> training_sessions;  // Σ sessions
  std::optional<std::int64_t> people_trained;     // Σ sessions × persons
  std::optional<core::Quantity> person_hours;     // Σ sessions × persons × length, hundredths
  // Σ hours available by service type. A service activity whose type is unknown counts in none
  // of them (a rejected type is none of the three).
  std::optional<core::Quantity> technical_assistance_hours;
  std::optional<core::Quantity> dissemination_hours;
  std::optional<core::Quantity> other_service_hours;
};

TableATotals table_a_totals(const model::TableA& table);

// sessions × persons × length of one training program, in hundredths of an hour; nullopt when
// one of them is unknown. Exact (128-bit), so it is never rounded.
std::optional<core::Wide> training_hours(const model::TrainingProgram& program);

}  // namespace pipeline::rules
