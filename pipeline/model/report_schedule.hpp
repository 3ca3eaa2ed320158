#pragma once
//! When an alliance's reports fall and when each is due: pure arithmetic on an AllianceProfile's
//! `periodic-report` and `annual-report` groups (rules.md §4.11, §4.12, §4.14). The rules
//! (DIARY-DUE-DATE, BIANNUAL-DUE-DATE, ANNUAL-DUE-DATE and their lateness rules) and
//! `formpipe due` both count from here, so a report's period and due date cannot differ between
//! what a submission is told and what the alliance is shown to owe.

#include <optional>
#include <string>
#include <vector>

#include "pipeline/core/date.hpp"
#include "pipeline/model/alliance_profile.hpp"

namespace pipeline::model {

// One period of a schedule: its days and the label people use for it ("2025 Q3", "2025",
// "2025-10 to 2026-03").
struct ReportPeriod {
  core::Date start;
  core::Date end;
  std::string label;
};

// The period of one of `windows` that contains `day`, or nullopt when no window covers its
// month. A window may run across the new year (October–March).
std::optional<ReportPeriod> period_containing(const std::vector<ReportWindow>& windows,
                                              core::Date day);

// The period of one of `windows` whose last day is `end`, or nullopt when `end` is not the last
// day of a window.
std::optional<ReportPeriod> period_ending(const std::vector<ReportWindow>& windows, core::Date end);

// The due date of a periodic report (diary sheet or biannual data report) whose period ends on
// `period_end`: the Friday after the end, or the end plus the profile's days.
core::Date periodic_due_date(const PeriodicReport& report, core::Date period_end);

// The date an annual report for the period ending `period_end` would be due by the program's
// rule (MIOSHA: the Friday after the following 1 January), for every alliance type; nullopt
// when the program sets no date or the year is out of range.
std::optional<core::Date> annual_due_date(const AnnualReportDuty& duty, core::Date period_end);

// Whether that date is a deadline for alliances of `alliance_type` (MIOSHA: partners).
bool annual_due_applies(const AnnualReportDuty& duty, const std::string& alliance_type);

}  // namespace pipeline::model
