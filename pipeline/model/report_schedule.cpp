#include "pipeline/model/report_schedule.hpp"

#include <algorithm>

namespace pipeline::model {

namespace {

std::string year_month(core::Date date) {
  return date.iso().substr(0, 7);
}

std::optional<ReportPeriod> make_period(const ReportWindow& window, int start_year) {
  const int end_year = window.first_month <= window.last_month ? start_year : start_year + 1;
  const auto start = core::Date::from_ymd(start_year, window.first_month, 1);
  const auto end = core::Date::from_ymd(end_year, window.last_month,
                                        core::days_in_month(end_year, window.last_month));
  if (!start || !end) return std::nullopt;
  ReportPeriod period{*start, *end, {}};
  if (window.first_month == 1 && window.last_month == 12) {
    period.label = std::to_string(start_year);
  } else if (window.last_month - window.first_month == 2 && window.first_month % 3 == 1) {
    period.label = std::to_string(start_year) + " Q" + std::to_string((window.first_month + 2) / 3);
  } else {
    period.label = year_month(period.start) + " to " + year_month(period.end);
  }
  return period;
}

}  // namespace

std::optional<ReportPeriod> period_containing(const std::vector<ReportWindow>& windows,
                                              core::Date day) {
  const int month = day.month();
  for (const ReportWindow& window : windows) {
    const int first = window.first_month, last = window.last_month;
    int start_year = day.year();
    if (first <= last) {
      if (month < first || month > last) continue;
    } else if (month < first && month > last) {
      continue;
    } else if (month <= last) {
      start_year = day.year() - 1;
    }
    return make_period(window, start_year);
  }
  return std::nullopt;
}

std::optional<ReportPeriod> period_ending(const std::vector<ReportWindow>& windows,
                                          core::Date end) {
  if (end.day() != core::days_in_month(end.year(), end.month())) return std::nullopt;
  for (const ReportWindow& window : windows) {
    if (window.last_month != end.month()) continue;
    const int start_year = window.first_month <= window.last_month ? end.year() : end.year() - 1;
    return make_period(window, start_year);
  }
  return std::nullopt;
}

core::Date periodic_due_date(const PeriodicReport& report, core::Date period_end) {
  return report.due_rule == DueRule::FridayAfterEnd ? core::friday_after(period_end)
                                                    : core::add_days(period_end, report.due_days);
}

std::optional<core::Date> annual_due_date(const AnnualReportDuty& duty, core::Date period_end) {
  if (!duty.due_friday_after_new_year) return std::nullopt;
  const auto new_year = core::Date::from_ymd(period_end.year() + 1, 1, 1);
  if (!new_year) return std::nullopt;
  return core::friday_after(*new_year);
}

bool annual_due_applies(const AnnualReportDuty& duty, const std::string& alliance_type) {
  return std::find(duty.due_alliance_types.begin(), duty.due_alliance_types.end(), alliance_type) !=
         duty.due_alliance_types.end();
}

}  // namespace pipeline::model
