// The alliance-annual-report rulebook: FORMAT-PERIOD, ALLIANCE-TYPE and ALLIANCE-LEVEL, the
// ACTIVITY family over the events and products, then the ANNUAL family (rules.md §4.14). What a
// program asks of its report (App B's template, a state content list, or a record only), who
// prepares it, when it is due and how many meetings a year it needs are the profile's.
#include "pipeline/rules/rulebooks.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/money.hpp"
#include "pipeline/model/report_schedule.hpp"
#include "pipeline/rules/activity_rules.hpp"
#include "pipeline/rules/alliance_rules.hpp"

namespace pipeline::rules {

namespace {

using model::AnnualReport;
using model::AnnualReportKind;

inline constexpr core::RuleRef kSections{"ANNUAL-SECTIONS", core::Severity::Error,
                                         "MIOSHA-ADM-03-3R6 App B sections I, II, III, V"};
inline constexpr core::RuleRef kSectionsState{
    "ANNUAL-SECTIONS-STATE", core::Severity::Error,
    "IOSH IACSP 04-01-002 §V.E; Cal/OSHA Alliance P&P (2019) §A.5"};
inline constexpr core::RuleRef kSectionsAdvisory{
    "ANNUAL-SECTIONS-ADVISORY", core::Severity::Warning,
    "MIOSHA-ADM-03-3R6 App B; OSHA CSP 04-01-003 Significant Changes; IOSH IACSP 04-01-002 "
    "§V.E; Cal/OSHA Alliance P&P (2019) §A.5"};
inline constexpr core::RuleRef kPeriod{"ANNUAL-PERIOD", core::Severity::Error,
                                       "MIOSHA-ADM-03-3R6 App B 'Evaluation Period'"};
inline constexpr core::RuleRef kPeriodLength{
    "ANNUAL-PERIOD-LENGTH", core::Severity::Warning,
    "IOSH IACSP 04-01-002 §V.E; Cal/OSHA Alliance P&P (2019) §A.5"};
inline constexpr core::RuleRef kDueDate{
    "ANNUAL-DUE-DATE", core::Severity::Info,
    "MIOSHA-ADM-03-3R6 §XVI.C.5, §XVI.C.4; §XII.B, §XII.D, §XVI.E"};
inline constexpr core::RuleRef kDue{"ANNUAL-DUE", core::Severity::Warning,
                                    "MIOSHA-ADM-03-3R6 §XVI.C.5"};
inline constexpr core::RuleRef kMeetingCount{
    "ANNUAL-MEETING-COUNT", core::Severity::Info,
    "MIOSHA-ADM-03-3R6 App D; IOSH IACSP 04-01-002 §V.F, §VII.A.1, §VII.B.3, §IX.B.2; Cal/OSHA "
    "Alliance P&P (2019) §C.1.h, §D.2.b; OSHA CSP 04-01-003 §IX.C.2, §XI.A.3, §XI.E.4"};
inline constexpr core::RuleRef kMeetingsMin{
    "ANNUAL-MEETINGS-MIN", core::Severity::Warning,
    "MIOSHA-ADM-03-3R6 App D; IOSH IACSP 04-01-002 §V.F, §VII.A.1, §VII.B.3, §IX.B.2; Cal/OSHA "
    "Alliance P&P (2019) §C.1.h, §D.2.b; OSHA CSP 04-01-003 §IX.C.2, §XI.A.3, §XI.E.4"};
inline constexpr core::RuleRef kMeetingInPeriod{"ANNUAL-MEETING-IN-PERIOD", core::Severity::Warning,
                                                "MIOSHA-ADM-03-3R6 App B II"};
inline constexpr core::RuleRef kPreparer{
    "ANNUAL-PREPARER", core::Severity::Warning,
    "MIOSHA-ADM-03-3R6 §XII.B, §XII.D, §XVI.C.5, §XVI.E; IOSH IACSP 04-01-002 §V.E; Cal/OSHA "
    "Alliance P&P (2019) §A.5, §C.1.j"};
inline constexpr core::RuleRef kStateContent{
    "ANNUAL-STATE-CONTENT", core::Severity::Error,
    "IOSH IACSP 04-01-002 §V.E; Cal/OSHA Alliance P&P (2019) §A.5"};
inline constexpr core::RuleRef kRecordOnly{"ANNUAL-OSHA-RECORD-ONLY", core::Severity::Info,
                                           "OSHA CSP 04-01-003 Significant Changes, §VI.C, §IX.G"};
inline constexpr core::RuleRef kDates{
    "ANNUAL-DATES", core::Severity::Error,
    "MIOSHA-ADM-03-3R6 App B 'Date Signed (Initial Signing Date AND Most Recent Renewal Date)'"};
inline constexpr core::RuleRef kNoEvents{"ANNUAL-NO-EVENTS", core::Severity::Warning,
                                         "MIOSHA-ADM-03-3R6 App B III; §XVIII.B"};

// The alliance type whose formal duties an exempting program lifts (OSHA Ambassadors, I-40).
constexpr std::string_view kAmbassadorType = "ambassador";

// The report with what the rules derive from its root attributes and the profile.
struct Report {
  const AnnualReport& report;
  const model::AllianceProfile& profile;
  std::optional<std::string> type;       // nullopt: unknown (ALLIANCE-TYPE failed)
  std::optional<KnownPeriod> period;     // the evaluation period, when known and in order
  std::optional<core::Date> submitted;   // rules.md §2.2; nullopt when report-date is rejected
  std::optional<core::Date> period_end;  // the due-date rules need only the end

  AnnualReportKind kind() const { return profile.annual_report.kind; }
  // OSHA Ambassadors have no meeting duty (I-40); an unknown type counts, since no rule
  // conditioned on the type runs for it.
  bool exempt_from_meetings() const {
    return profile.ambassador.exempt_from_formal_requirements &&
           (!type || *type == kAmbassadorType);
  }
  std::string program() const { return program_name(profile); }
  const core::Location& period_location() const {
    return report.alliance_background.evaluation_period.location;
  }
};

// --- ANNUAL-SECTIONS, -STATE, -ADVISORY ------------------------------------------------------

// One item of App B that a report may lack.
struct SectionItem {
  std::string what;  // as the message names it
  bool state_list;   // named by IOSH §V.E / Cal/OSHA §A.5's content list
  bool missing;
  core::Location location;
};

std::string quoted(std::string_view name) {
  return "\"" + std::string(name) + "\"";
}

template <class Row>
bool without_rows(const model::Container<Row>& container) {
  return !container.present || container.empty();
}

std::vector<SectionItem> section_items(const AnnualReport& r) {
  const model::AllianceBackground& b = r.alliance_background;
  std::vector<SectionItem> items{
      {quoted("report-date"), false, r.report_date.absent(), r.report_date.location}};
  if (!b.present) {
    // Its fields cannot be there either: the background counts once.
    items.push_back({quoted("alliance-background"), true, true, b.location});
  } else {
    items.push_back(
        {quoted("alliance-name"), true, b.alliance_name.absent(), b.alliance_name.location});
    items.push_back({quoted("initial-date-signed"), true, b.initial_date_signed.absent(),
                     b.initial_date_signed.location});
    items.push_back({quoted("overview"), true, b.overview.absent(), b.overview.location});
    items.push_back({quoted("implementation-team-members") + " with at least one \"member\"", true,
                     without_rows(b.implementation_team_members),
                     b.implementation_team_members.location});
    items.push_back({quoted("evaluation-period"), true, !b.evaluation_period.present,
                     b.evaluation_period.location});
  }
  items.push_back({quoted("implementation-team-meetings"), false,
                   !r.implementation_team_meetings.present,
                   r.implementation_team_meetings.location});
  items.push_back({quoted("events-and-products"), true, !r.events_and_products.present,
                   r.events_and_products.location});
  items.push_back({quoted("upcoming-milestones") + " with at least one \"milestone\"", false,
                   without_rows(r.upcoming_milestones), r.upcoming_milestones.location});
  return items;
}

// App B's sections: required by the program's own template (ANNUAL-SECTIONS); for a state
// program only its content list is required (ANNUAL-SECTIONS-STATE) and the rest of the
// template is advice (ANNUAL-SECTIONS-ADVISORY), as it is all of it for a record-only report.
void sections_present(const Report& s, core::Outcome& outcome) {
  for (const SectionItem& item : section_items(s.report)) {
    if (!item.missing) continue;
    const std::string message = "The annual report has no " + item.what;
    if (s.kind() == AnnualReportKind::Template) {
      outcome.add(kSections, message + ".", item.location);
    } else if (s.kind() == AnnualReportKind::State && item.state_list) {
      outcome.add(kSectionsState, message + ".", item.location);
    } else {
      outcome.add(kSectionsAdvisory, message + "; the MIOSHA template report includes it.",
                  item.location);
    }
  }
}

// --- ANNUAL-PERIOD, -PERIOD-LENGTH, -DUE-DATE, -DUE ------------------------------------------

// ANNUAL-PERIOD: App B's report covers the previous calendar year, or for a new alliance the
// part of it after the signing.
void covers_previous_year(const Report& s, core::Outcome& outcome) {
  const auto& report_date = s.report.report_date;
  if (s.kind() != AnnualReportKind::Template || !report_date.present() || !s.period) return;
  const int year = report_date->year() - 1;
  const auto january = core::Date::from_ymd(year, 1, 1);
  const auto december = core::Date::from_ymd(year, 12, 31);
  if (!january || !december) return;
  const auto& signed_on = s.report.alliance_background.initial_date_signed;
  const bool new_alliance = signed_on.present() && signed_on->year() == year;
  const bool starts_right =
      s.period->start == *january || (new_alliance && s.period->start == *signed_on);
  if (s.period->end == *december && starts_right) return;
  const core::Date expected_start = new_alliance ? *signed_on : *january;
  outcome.add(kPeriod,
              "A " + s.program() + " annual report dated " + report_date->iso() + " covers " +
                  expected_start.iso() + " to " + december->iso() + "; this one covers " +
                  s.period->start.iso() + " to " + s.period->end.iso() + ".",
              s.period_location());
}

// ANNUAL-PERIOD-LENGTH: other programs' "reporting year" is a past period of at most one year.
void covers_past_year_at_most(const Report& s, core::Outcome& outcome) {
  if (s.kind() == AnnualReportKind::Template || !s.period) return;
  const auto& report_date = s.report.report_date;
  const bool within_year = s.period->end < core::add_years(s.period->start, 1);
  const bool past = !report_date.present() || *report_date >= s.period->end;
  if (within_year && past) return;
  outcome.add(kPeriodLength,
              "The evaluation period " + s.period->start.iso() + " to " + s.period->end.iso() +
                  " is not a past period of at most one year.",
              s.period_location());
}

// The Friday after the 1 January that follows the evaluation period.
std::optional<core::Date> annual_due_date(const Report& s) {
  if (!s.period_end) return std::nullopt;
  return model::annual_due_date(s.profile.annual_report, *s.period_end);
}

bool due_for_type(const Report& s) {
  return s.type && model::annual_due_applies(s.profile.annual_report, *s.type);
}

// ANNUAL-DUE-DATE, given for every type; only the listed types have the date as a deadline.
void due_date_figure(const Report& s, core::Outcome& outcome) {
  const auto due = annual_due_date(s);
  if (!due) return;
  outcome.figures.set("due-date", due->iso());
  const std::string when = core::date_with_weekday(*due);
  if (s.type && !due_for_type(s)) {
    std::vector<std::string> due_types;
    for (const std::string& type : s.profile.annual_report.due_alliance_types)
      due_types.push_back(capitalized(type));
    outcome.add(kDueDate,
                "No due date is set for " + capitalized(*s.type) + " alliances; " +
                    joined(due_types, " and ") + " reports are due " + when + ".",
                s.period_location());
  } else {
    outcome.add(
        kDueDate,
        "The " + std::to_string(s.period_end->year()) + " annual report is due " + when + ".",
        s.period_location());
  }
}

// ANNUAL-DUE
void received_by_due_date(const Report& s, core::Outcome& outcome) {
  const auto due = annual_due_date(s);
  if (!due || !due_for_type(s) || !s.submitted || *s.submitted <= *due) return;
  outcome.add(kDue,
              "The " + std::to_string(s.period_end->year()) + " annual report was due " +
                  core::date_with_weekday(*due) + "; it is dated " + s.submitted->iso() + ".",
              s.report.report_date.location);
}

// --- meetings --------------------------------------------------------------------------------

struct MeetingTally {
  int count = 0;
  int required = 0;
};

// Meetings dated in the period, and the yearly minimum prorated by months touched (I-21).
std::optional<MeetingTally> meeting_tally(const Report& s) {
  const auto& meetings = s.report.implementation_team_meetings;
  if (!s.period || !meetings.present || s.exempt_from_meetings()) return std::nullopt;
  MeetingTally tally;
  for (const model::Meeting& meeting : meetings.rows)
    if (meeting.date.present() && s.period->contains(*meeting.date)) ++tally.count;
  const int per_year = s.profile.implementation_team.meetings_per_year_minimum;
  const int months = core::months_touched(s.period->start, s.period->end);
  tally.required =
      std::min(per_year, static_cast<int>(core::ceil_div(static_cast<core::Wide>(per_year) * months,
                                                         static_cast<core::Wide>(12))));
  return tally;
}

// ANNUAL-MEETING-COUNT
void meeting_count_figures(const Report& s, core::Outcome& outcome) {
  const auto tally = meeting_tally(s);
  if (!tally) return;
  outcome.figures.set("meeting-count", std::to_string(tally->count));
  outcome.figures.set("meetings-required", std::to_string(tally->required));
  outcome.add(kMeetingCount,
              std::to_string(tally->count) + " implementation team meetings in the period; " +
                  std::to_string(tally->required) + " required.",
              s.report.implementation_team_meetings.location);
}

// ANNUAL-MEETINGS-MIN
void meetings_at_minimum(const Report& s, core::Outcome& outcome) {
  const auto tally = meeting_tally(s);
  if (!tally || tally->count >= tally->required) return;
  outcome.add(kMeetingsMin,
              "Only " + std::to_string(tally->count) +
                  " implementation team meeting(s) in the period; at least " +
                  std::to_string(tally->required) + " are required.",
              s.report.implementation_team_meetings.location);
}

// ANNUAL-MEETING-IN-PERIOD
void meetings_in_period(const Report& s, core::Outcome& outcome) {
  if (!s.period) return;
  for (const model::Meeting& meeting : s.report.implementation_team_meetings.rows) {
    if (!meeting.date.present() || s.period->contains(*meeting.date)) continue;
    outcome.add(kMeetingInPeriod,
                "The meeting on " + meeting.date->iso() + " is outside the evaluation period.",
                meeting.location);
  }
}

// --- the rest of §4.14 -----------------------------------------------------------------------

// ANNUAL-PREPARER: the author the program names for this type ("*": every type).
void prepared_by_expected_role(const Report& s, core::Outcome& outcome) {
  const model::PreparedBy& prepared = s.report.prepared_by;
  if (!prepared.present || !prepared.role.present()) return;
  const auto& roles = s.profile.annual_report.preparer_roles;
  auto found = s.type ? roles.find(*s.type) : roles.end();
  if (found == roles.end()) found = roles.find("*");
  if (found == roles.end() || contains(found->second, *prepared.role)) return;
  outcome.add(kPreparer,
              "This report should be prepared by the " + joined(found->second, " or ") +
                  ", not the " + *prepared.role + ".",
              prepared.role.location);
}

// ANNUAL-STATE-CONTENT: the rest of a state program's content list.
void state_content_present(const Report& s, core::Outcome& outcome) {
  if (s.kind() != AnnualReportKind::State) return;
  const AnnualReport& r = s.report;
  const SectionItem items[] = {
      {quoted("goals-and-objectives"), true, r.goals_and_objectives.absent(),
       r.goals_and_objectives.location},
      {quoted("measures-of-reach-and-impact"), true, r.measures_of_reach_and_impact.absent(),
       r.measures_of_reach_and_impact.location},
      {quoted("work-plan") + " with at least one \"item\"", true, without_rows(r.work_plan),
       r.work_plan.location},
  };
  for (const SectionItem& item : items)
    if (item.missing)
      outcome.add(kStateContent, "The annual report has no " + item.what + ".", item.location);
}

// ANNUAL-OSHA-RECORD-ONLY
void record_only_noted(const Report& s, core::Outcome& outcome) {
  if (s.kind() != AnnualReportKind::RecordOnly) return;
  outcome.add(kRecordOnly,
              s.program() +
                  " replaced individual annual reports with the coordinator's annual evaluation; "
                  "this report is kept as a record only.",
              s.report.location);
}

// ANNUAL-DATES: initial signing ≤ renewal, both ≤ the report date.
void signing_dates_in_order(const Report& s, core::Outcome& outcome) {
  const model::AllianceBackground& b = s.report.alliance_background;
  const auto& initial = b.initial_date_signed;
  const auto& renewed = b.date_renewed;
  const auto& report_date = s.report.report_date;
  std::vector<std::string> problems;
  if (initial.present() && renewed.present() && *renewed < *initial)
    problems.push_back("renewed " + renewed->iso() + " before the initial signing " +
                       initial->iso());
  if (initial.present() && report_date.present() && *report_date < *initial)
    problems.push_back("initial signing " + initial->iso() + " after the report date " +
                       report_date->iso());
  if (renewed.present() && report_date.present() && *report_date < *renewed)
    problems.push_back("renewed " + renewed->iso() + " after the report date " +
                       report_date->iso());
  if (problems.empty()) return;
  outcome.add(kDates, "The signing dates are out of order: " + joined(problems, "; ") + ".",
              b.location);
}

// ANNUAL-NO-EVENTS
void events_listed(const Report& s, core::Outcome& outcome) {
  const auto& events = s.report.events_and_products;
  if (!events.present || !events.empty()) return;
  outcome.add(kNoEvents, "The report lists no events or products for the year.", events.location);
}

using ReportRule = void (*)(const Report&, core::Outcome&);

// rules.md §4.14, in catalogue order.
constexpr ReportRule kReportRules[] = {
    sections_present,           // ANNUAL-SECTIONS, -SECTIONS-STATE, -SECTIONS-ADVISORY
    covers_previous_year,       // ANNUAL-PERIOD
    covers_past_year_at_most,   // ANNUAL-PERIOD-LENGTH
    due_date_figure,            // ANNUAL-DUE-DATE
    received_by_due_date,       // ANNUAL-DUE
    meeting_count_figures,      // ANNUAL-MEETING-COUNT
    meetings_at_minimum,        // ANNUAL-MEETINGS-MIN
    meetings_in_period,         // ANNUAL-MEETING-IN-PERIOD
    prepared_by_expected_role,  // ANNUAL-PREPARER
    state_content_present,      // ANNUAL-STATE-CONTENT
    record_only_noted,          // ANNUAL-OSHA-RECORD-ONLY
    signing_dates_in_order,     // ANNUAL-DATES
    events_listed,              // ANNUAL-NO-EVENTS
};

}  // namespace

void check_annual_report(const AnnualReport& report, const Context& context,
                         core::Outcome& outcome) {
  const model::AllianceProfile& profile = alliance_profile_of(context, "alliance-annual-report");
  const std::optional<KnownPeriod> period =
      check_period(report.alliance_background.evaluation_period, outcome);
  check_alliance_type(profile, report.alliance_type, outcome);
  check_alliance_level(profile, report.level, outcome);
  check_activities(report.events_and_products,
                   ActivityScope{profile, period, report.report_date, std::nullopt}, outcome);
  const Report subject{report,
                       profile,
                       known_alliance_type(profile, report.alliance_type),
                       period,
                       submission_date(report.report_date, context.as_of),
                       known_period_end(report.alliance_background.evaluation_period)};
  for (const ReportRule rule : kReportRules) rule(subject, outcome);
}

}  // namespace pipeline::rules
