#pragma once
//! What the two alliance reports share (internal to rules/): their period (FORMAT-PERIOD), the
//! submission date of rules.md §2.2, and the ACTIVITY family (rules.md §4.13) over their activity
//! rows — a diary sheet's `activities/activity`, an annual report's `events-and-products/activity`.

#include <cstddef>
#include <optional>
#include <vector>

#include "pipeline/core/date.hpp"
#include "pipeline/core/field.hpp"
#include "pipeline/core/finding.hpp"
#include "pipeline/model/activity.hpp"
#include "pipeline/model/alliance_profile.hpp"
#include "pipeline/model/container.hpp"

namespace pipeline::rules {

// A reporting or evaluation period whose dates are both known and in order.
struct KnownPeriod {
  core::Date start;
  core::Date end;

  bool contains(core::Date date) const { return start <= date && date <= end; }
};

// FORMAT-PERIOD: when both dates are known, start ≤ end. Returns the period the other rules may
// use: nullopt when a date is absent or rejected, or when FORMAT-PERIOD fails.
std::optional<KnownPeriod> check_period(const model::Period& period, core::Outcome& outcome);

// The period's end when it is known and FORMAT-PERIOD does not fail: the due-date rules need only
// the end, so an unknown start does not stop them (rules.md §1, I-45).
std::optional<core::Date> known_period_end(const model::Period& period);

// The submission date of deadline rules (rules.md §2.2): the form's own date, else `as_of` when
// the form gives none; nullopt when the form's date was rejected (it is then unknown).
std::optional<core::Date> submission_date(const core::Field<core::Date>& form_date,
                                          core::Date as_of);

// What the ACTIVITY rules need to know of the report that holds the rows.
struct ActivityScope {
  const model::AllianceProfile& profile;
  std::optional<KnownPeriod> period;         // the report's period, when known
  const core::Field<core::Date>& form_date;  // date-submitted / report-date
  std::optional<std::size_t> contact_count;  // diary sheets: rows of dates-of-contact
};

// The ACTIVITY family over a report's rows, with the ACTIVITY-TOTALS figures. A non-numeric
// number-reached was already reported by ingest (ACTIVITY-NUMBER-REACHED, formats.md §2.1).
void check_activities(const model::Container<model::Activity>& activities,
                      const ActivityScope& scope, core::Outcome& outcome);

}  // namespace pipeline::rules
