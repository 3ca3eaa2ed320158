// The alliance-diary-sheet rulebook: FORMAT-PERIOD, ALLIANCE-TYPE and ALLIANCE-LEVEL, the DIARY
// and BIANNUAL families (rules.md §4.11, §4.12), then the ACTIVITY family. Which alliances report
// periodically, in which windows and by when is the program profile's `periodic-report`.
#include "pipeline/rules/rulebooks.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/model/report_schedule.hpp"
#include "pipeline/rules/activity_rules.hpp"
#include "pipeline/rules/alliance_rules.hpp"

namespace pipeline::rules {

namespace {

using model::DiarySheet;
using model::PeriodicReport;
using model::PeriodicReportKind;

inline constexpr core::RuleRef kDiaryHeader{"DIARY-HEADER", core::Severity::Error,
                                            "MIOSHA-ADM-03-3R6 App A (header of the diary sheet)"};
inline constexpr core::RuleRef kDiaryHeaderOther{
    "DIARY-HEADER-OTHER", core::Severity::Warning,
    "MIOSHA-ADM-03-3R6 App A (the header is MIOSHA's form); OSHA CSP 04-01-003 §VIII.G.4"};
inline constexpr core::RuleRef kPeriodQuarter{"DIARY-PERIOD-QUARTER", core::Severity::Error,
                                              "MIOSHA-ADM-03-3R6 §XII.C, §XVI.C.4"};
inline constexpr core::RuleRef kPartialPeriod{
    "DIARY-PARTIAL-PERIOD", core::Severity::Info,
    "MIOSHA-ADM-03-3R6 §XVI.C.4, App B 'Evaluation Period'; OSHA CSP 04-01-003 §IX.F.1"};
inline constexpr core::RuleRef kDiaryDueDate{"DIARY-DUE-DATE", core::Severity::Info,
                                             "MIOSHA-ADM-03-3R6 §XVI.C.4"};
inline constexpr core::RuleRef kDiaryDue{"DIARY-DUE", core::Severity::Warning,
                                         "MIOSHA-ADM-03-3R6 §XVI.C.4"};
inline constexpr core::RuleRef kNotRequired{
    "DIARY-NOT-REQUIRED", core::Severity::Info,
    "MIOSHA-ADM-03-3R6 §XII.B, §XII.D, §XVI.C.4; OSHA CSP 04-01-003 §VIII.G.4, §IX.F.2, §X.C; "
    "IOSH IACSP 04-01-002 §V.E; Cal/OSHA Alliance P&P (2019) §A.5"};
inline constexpr core::RuleRef kSubmittedEarly{
    "DIARY-SUBMITTED-EARLY", core::Severity::Warning,
    "MIOSHA-ADM-03-3R6 §XVI.C.4; OSHA CSP 04-01-003 §IX.F.1"};
inline constexpr core::RuleRef kNoActivityNoContacts{
    "DIARY-NO-ACTIVITY-NO-CONTACTS", core::Severity::Warning, "MIOSHA-ADM-03-3R6 App A, §XVI.C.4"};
inline constexpr core::RuleRef kContactInPeriod{"DIARY-CONTACT-IN-PERIOD", core::Severity::Warning,
                                                "MIOSHA-ADM-03-3R6 App A"};
inline constexpr core::RuleRef kBiannualPeriod{"BIANNUAL-PERIOD", core::Severity::Error,
                                               "OSHA CSP 04-01-003 §IX.F.1, §VIII.G.4"};
inline constexpr core::RuleRef kBiannualDueDate{"BIANNUAL-DUE-DATE", core::Severity::Info,
                                                "OSHA CSP 04-01-003 §IX.F.1"};
inline constexpr core::RuleRef kBiannualDue{"BIANNUAL-DUE", core::Severity::Warning,
                                            "OSHA CSP 04-01-003 §IX.F.1"};

constexpr std::array<std::string_view, 12> kMonthNames{
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

std::string_view month_name(int month) {
  return kMonthNames[static_cast<std::size_t>(std::clamp(month, 1, 12) - 1)];
}

// Whether the program asks this alliance for periodic reports (profile `periodic-report`).
enum class Duty { Unknown, NotRequired, Required };

// A reporting window of the profile, placed in the calendar.
struct Window {
  core::Date first;
  core::Date last;
};

// The sheet with what the rules derive from its root attributes and the profile.
struct Sheet {
  const DiarySheet& sheet;
  const model::AllianceProfile& profile;
  std::optional<std::string> type;       // nullopt: unknown (ALLIANCE-TYPE failed)
  std::optional<std::string> level;      // nullopt: unknown, or the program has no levels
  std::optional<KnownPeriod> period;     // nullopt: a date unknown, or FORMAT-PERIOD failed
  std::optional<core::Date> submitted;   // rules.md §2.2; nullopt when date-submitted is rejected
  std::optional<core::Date> period_end;  // the due-date rules need only the end

  const PeriodicReport& report() const { return profile.periodic_report; }

  Duty duty() const {
    const PeriodicReport& r = report();
    if (r.kind == PeriodicReportKind::None) return Duty::NotRequired;
    if (!type) return Duty::Unknown;
    if (!r.alliance_types.empty() && !contains(r.alliance_types, *type)) return Duty::NotRequired;
    if (r.levels.empty()) return Duty::Required;
    if (!level) return Duty::Unknown;
    return contains(r.levels, *level) ? Duty::Required : Duty::NotRequired;
  }
  // A sheet the profile's periodic report of `kind` applies to, with a usable period.
  bool reports(PeriodicReportKind kind) const {
    return report().kind == kind && duty() == Duty::Required && period.has_value();
  }
  // The same with a known end only (the due-date rules: DIARY-DUE-DATE, DIARY-DUE, ...).
  bool reports_due(PeriodicReportKind kind) const {
    return report().kind == kind && duty() == Duty::Required && period_end.has_value();
  }

  // The profile's window whose last day is the period's end.
  std::optional<Window> window() const {
    const auto w = model::period_ending(report().windows, period->end);
    if (!w) return std::nullopt;
    return Window{w->start, w->end};
  }
  // The period is one of the profile's windows, or its part after a late start (I-42).
  bool in_window() const {
    const auto w = window();
    return w && w->first <= period->start;
  }

  core::Date due_date() const { return model::periodic_due_date(report(), *period_end); }
  // "2025 Q3"
  std::string quarter() const {
    return std::to_string(period_end->year()) + " Q" +
           std::to_string(core::quarter_of(*period_end));
  }
  // "October–March or April–September"
  std::string windows_text() const {
    std::vector<std::string> ranges;
    for (const model::ReportWindow& w : report().windows)
      ranges.push_back(std::string(month_name(w.first_month)) + "–" +
                       std::string(month_name(w.last_month)));
    return joined(ranges, " or ");
  }
  std::string period_text() const { return period->start.iso() + " to " + period->end.iso(); }
  std::string program() const { return program_name(profile); }
};

// --- DIARY (rules.md §4.11) ------------------------------------------------------------------

struct HeaderField {
  std::string_view name;
  bool absent;
  const core::Location& location;
};

// DIARY-HEADER (the program's own form: an error) or DIARY-HEADER-OTHER (a warning).
void header_complete(const Sheet& s, core::Outcome& outcome) {
  const DiarySheet& d = s.sheet;
  const HeaderField fields[] = {
      {"name-of-organization", d.name_of_organization.absent(), d.name_of_organization.location},
      {"address", d.address.absent(), d.address.location},
      {"city", d.city.absent(), d.city.location},
      {"zip-code", d.zip_code.absent(), d.zip_code.location},
      {"contact-person", d.contact_person.absent(), d.contact_person.location},
      {"title", d.title.absent(), d.title.location},
      {"telephone-number", d.telephone_number.absent(), d.telephone_number.location},
      {"email", d.email.absent(), d.email.location},
      {"liaison", d.liaison.absent(), d.liaison.location},
      {"date-submitted", d.date_submitted.absent(), d.date_submitted.location},
  };
  const bool own_form = s.profile.diary_header_required;
  for (const HeaderField& field : fields) {
    if (!field.absent) continue;
    const std::string name = "\"" + std::string(field.name) + "\"";
    if (own_form) {
      outcome.add(kDiaryHeader, "The diary sheet has no " + name + ".", field.location);
    } else {
      outcome.add(kDiaryHeaderOther,
                  "The sheet has no " + name + "; the diary-sheet header asks for it.",
                  field.location);
    }
  }
}

// DIARY-PERIOD-QUARTER: a quarterly sheet covers one calendar quarter (or its part after a new
// alliance's signing, I-42).
void covers_one_quarter(const Sheet& s, core::Outcome& outcome) {
  if (!s.reports(PeriodicReportKind::QuarterlyDiary) || s.in_window()) return;
  outcome.add(kPeriodQuarter,
              "A " + s.program() + " " + capitalized(*s.type) +
                  " diary sheet covers one calendar quarter, or the part of it after a new "
                  "alliance's signing; " +
                  s.period_text() + " does not.",
              s.sheet.reporting_period.location);
}

// DIARY-PARTIAL-PERIOD: a sheet inside its window that starts after the window's first day.
void partial_period_noted(const Sheet& s, core::Outcome& outcome) {
  const bool quarterly = s.reports(PeriodicReportKind::QuarterlyDiary);
  if ((!quarterly && !s.reports(PeriodicReportKind::Biannual)) || !s.in_window()) return;
  const Window w = *s.window();
  if (s.period->start == w.first) return;
  const std::string part = quarterly ? s.quarter()
                                     : "the " + std::string(month_name(w.first.month())) + " " +
                                           std::to_string(w.first.year()) + "–" +
                                           std::string(month_name(w.last.month())) + " " +
                                           std::to_string(w.last.year()) + " half-year";
  outcome.add(kPartialPeriod,
              "The sheet covers " + s.period_text() + ", part of " + part +
                  "; only a new alliance's first sheet should start late.",
              s.sheet.reporting_period.location);
}

// DIARY-DUE-DATE: the Friday after the quarter (profile due rule).
void quarter_due_date(const Sheet& s, core::Outcome& outcome) {
  if (!s.reports_due(PeriodicReportKind::QuarterlyDiary)) return;
  const core::Date due = s.due_date();
  outcome.figures.set("due-date", due.iso());
  outcome.add(kDiaryDueDate,
              "Diary sheet for " + s.quarter() + " is due " + core::date_with_weekday(due) + ".",
              s.sheet.reporting_period.location);
}

// DIARY-DUE: received by the due date.
void quarter_on_time(const Sheet& s, core::Outcome& outcome) {
  if (!s.reports_due(PeriodicReportKind::QuarterlyDiary) || !s.submitted) return;
  const core::Date due = s.due_date();
  if (*s.submitted <= due) return;
  outcome.add(kDiaryDue,
              "Diary sheet for " + s.quarter() + " was due " + core::date_with_weekday(due) +
                  "; received " + s.submitted->iso() + ".",
              s.sheet.date_submitted.location);
}

// DIARY-NOT-REQUIRED: the program asks this alliance for no periodic report.
void not_required_noted(const Sheet& s, core::Outcome& outcome) {
  if (s.duty() != Duty::NotRequired) return;
  outcome.add(kNotRequired,
              "No periodic diary sheet is required of this alliance; the sheet is kept as an "
              "activity record.",
              s.sheet.location);
}

// DIARY-SUBMITTED-EARLY: not dated before its period ends.
void not_submitted_early(const Sheet& s, core::Outcome& outcome) {
  const auto& submitted = s.sheet.date_submitted;
  if (!submitted.present() || !s.period_end || *submitted >= *s.period_end) return;
  outcome.add(kSubmittedEarly,
              "The sheet is dated " + submitted->iso() + ", before its reporting period ends on " +
                  s.period_end->iso() + ".",
              submitted.location);
}

// DIARY-NO-ACTIVITY-NO-CONTACTS: a sheet without activities notes its dates of contact.
void contacts_when_no_activity(const Sheet& s, core::Outcome& outcome) {
  if (!s.sheet.activities.empty() || !s.sheet.dates_of_contact.empty()) return;
  outcome.add(kNoActivityNoContacts,
              "The sheet reports no activity and no dates of contact; App A asks for the dates of "
              "contact.",
              s.sheet.dates_of_contact.location);
}

// DIARY-CONTACT-IN-PERIOD
void contacts_in_period(const Sheet& s, core::Outcome& outcome) {
  if (!s.period) return;
  for (const model::Contact& contact : s.sheet.dates_of_contact.rows) {
    const auto& date = contact.date_of_contact;
    if (!date.present() || s.period->contains(*date)) continue;
    outcome.add(
        kContactInPeriod,
        "Contact on " + date->iso() + " is outside the reporting period " + s.period_text() + ".",
        contact.location);
  }
}

// --- BIANNUAL (rules.md §4.12) ---------------------------------------------------------------

// BIANNUAL-PERIOD: one of the half-years (or its part after a new alliance's signing, I-42).
void covers_one_half_year(const Sheet& s, core::Outcome& outcome) {
  if (!s.reports(PeriodicReportKind::Biannual) || s.in_window()) return;
  outcome.add(kBiannualPeriod,
              "The biannual report must cover " + s.windows_text() +
                  " (or, for a new alliance, the part after its signing); " + s.period_text() +
                  " does not.",
              s.sheet.reporting_period.location);
}

// BIANNUAL-DUE-DATE: the period end plus the profile's days.
void half_year_due_date(const Sheet& s, core::Outcome& outcome) {
  if (!s.reports_due(PeriodicReportKind::Biannual)) return;
  const core::Date due = s.due_date();
  outcome.figures.set("due-date", due.iso());
  outcome.add(kBiannualDueDate,
              "The biannual data report is due " + core::date_with_weekday(due) + ".",
              s.sheet.reporting_period.location);
}

// BIANNUAL-DUE
void half_year_on_time(const Sheet& s, core::Outcome& outcome) {
  if (!s.reports_due(PeriodicReportKind::Biannual) || !s.submitted) return;
  const core::Date due = s.due_date();
  if (*s.submitted <= due) return;
  outcome.add(kBiannualDue,
              "The biannual data report was due " + core::date_with_weekday(due) + "; received " +
                  s.submitted->iso() + ".",
              s.sheet.date_submitted.location);
}

using SheetRule = void (*)(const Sheet&, core::Outcome&);

// rules.md §4.11 and §4.12, in catalogue order.
constexpr SheetRule kSheetRules[] = {
    header_complete,            // DIARY-HEADER, DIARY-HEADER-OTHER
    covers_one_quarter,         // DIARY-PERIOD-QUARTER
    partial_period_noted,       // DIARY-PARTIAL-PERIOD
    quarter_due_date,           // DIARY-DUE-DATE
    quarter_on_time,            // DIARY-DUE
    not_required_noted,         // DIARY-NOT-REQUIRED
    not_submitted_early,        // DIARY-SUBMITTED-EARLY
    contacts_when_no_activity,  // DIARY-NO-ACTIVITY-NO-CONTACTS
    contacts_in_period,         // DIARY-CONTACT-IN-PERIOD
    covers_one_half_year,       // BIANNUAL-PERIOD
    half_year_due_date,         // BIANNUAL-DUE-DATE
    half_year_on_time,          // BIANNUAL-DUE
};

}  // namespace

void check_diary_sheet(const DiarySheet& sheet, const Context& context, core::Outcome& outcome) {
  const model::AllianceProfile& profile = alliance_profile_of(context, "alliance-diary-sheet");
  const std::optional<KnownPeriod> period = check_period(sheet.reporting_period, outcome);
  check_alliance_type(profile, sheet.alliance_type, outcome);
  check_alliance_level(profile, sheet.level, outcome);
  const Sheet subject{sheet,
                      profile,
                      known_alliance_type(profile, sheet.alliance_type),
                      known_level(profile, sheet.level),
                      period,
                      submission_date(sheet.date_submitted, context.as_of),
                      known_period_end(sheet.reporting_period)};
  for (const SheetRule rule : kSheetRules) rule(subject, outcome);
  check_activities(
      sheet.activities,
      ActivityScope{profile, period, sheet.date_submitted, sheet.dates_of_contact.rows.size()},
      outcome);
}

}  // namespace pipeline::rules
