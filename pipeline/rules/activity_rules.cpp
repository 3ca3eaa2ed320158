// FORMAT-PERIOD, the submission date and the ACTIVITY family (rules.md §4.1, §2.2, §4.13),
// shared by the diary-sheet and annual-report rulebooks.
#include "pipeline/rules/activity_rules.hpp"

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>

#include "pipeline/core/money.hpp"

namespace pipeline::rules {

namespace {

using model::Activity;

inline constexpr core::RuleRef kFormatPeriod{"FORMAT-PERIOD", core::Severity::Error,
                                             "formats.md §4, §5"};

// ACTIVITY-NUMBER-REACHED (error) is ingest's: formats.md §2.1 has the rule report a
// number-reached that is not a number, once, when the value is read (ingest/alliance_parts.hpp).

inline constexpr core::RuleRef kNumberReachedMissing{
    "ACTIVITY-NUMBER-REACHED-MISSING", core::Severity::Warning,
    "MIOSHA-ADM-03-3R6 App A and App B; OSHA CSP 04-01-003 §VIII.G.4"};
inline constexpr core::RuleRef kDateInPeriod{
    "ACTIVITY-DATE-IN-PERIOD", core::Severity::Error,
    "MIOSHA-ADM-03-3R6 §XVI.C.4, App B 'Evaluation Period'; OSHA CSP 04-01-003 §IX.F.1"};
inline constexpr core::RuleRef kNotAfterSubmission{
    "ACTIVITY-NOT-AFTER-SUBMISSION", core::Severity::Error, "MIOSHA-ADM-03-3R6 App A, App B"};
inline constexpr core::RuleRef kActivityType{
    "ACTIVITY-TYPE", core::Severity::Warning,
    "MIOSHA-ADM-03-3R6 App A, App B ('Event or Product Type')"};
inline constexpr core::RuleRef kDescription{
    "ACTIVITY-DESCRIPTION", core::Severity::Warning,
    "MIOSHA-ADM-03-3R6 App A, App B ('Description/Comments')"};
inline constexpr core::RuleRef kEmphasis{
    "ACTIVITY-EMPHASIS", core::Severity::Warning,
    "MIOSHA-ADM-03-3R6 App A, App B ('Emphasis (See MIOSHA Strategic Plan for FY 2024-2028 "
    "Summary)')"};
inline constexpr core::RuleRef kTotals{"ACTIVITY-TOTALS", core::Severity::Info,
                                       "MIOSHA-ADM-03-3R6 App A, App B"};

// `event-or-product-type` (formats.md §2.2; rules.md I-32).
constexpr std::string_view kEventOrProductTypes[] = {
    "training",      "presentation", "exhibit",       "conference",   "meeting",    "roundtable",
    "hazard-survey", "product",      "dissemination", "social-media", "newsletter", "other"};

// How a message names an activity: its date, as written when it is not a date.
std::string dated(const Activity& activity) {
  if (activity.date.present()) return activity.date->iso();
  return activity.date.raw.empty() ? std::string("undated") : activity.date.raw;
}

void number_reached_given(const Activity& activity, core::Outcome& outcome) {
  if (!activity.number_reached.absent()) return;
  outcome.add(kNumberReachedMissing,
              "The " + dated(activity) + " activity gives no number reached.", activity.location);
}

void dated_inside_period(const Activity& activity, const ActivityScope& scope,
                         core::Outcome& outcome) {
  if (!scope.period || !activity.date.present() || scope.period->contains(*activity.date)) return;
  outcome.add(kDateInPeriod,
              "The activity dated " + activity.date->iso() + " falls outside the period " +
                  scope.period->start.iso() + " to " + scope.period->end.iso() + ".",
              activity.location);
}

void not_after_submission(const Activity& activity, const ActivityScope& scope,
                          core::Outcome& outcome) {
  // Only the form's own date: the as-of date stands in for deadlines, not for the report itself.
  const auto& submitted = scope.form_date;
  if (!submitted.present() || !activity.date.present() || *activity.date <= *submitted) return;
  outcome.add(kNotAfterSubmission,
              "The activity dated " + activity.date->iso() + " is later than the report itself (" +
                  submitted->iso() + ").",
              activity.location);
}

void type_listed(const Activity& activity, core::Outcome& outcome) {
  const auto& type = activity.event_or_product_type;
  if (type.rejected()) return;
  if (type.absent()) {
    outcome.add(kActivityType,
                "The " + dated(activity) + " activity gives no event or product type.",
                activity.location);
    return;
  }
  const bool listed = std::find(std::begin(kEventOrProductTypes), std::end(kEventOrProductTypes),
                                *type) != std::end(kEventOrProductTypes);
  if (listed) return;
  outcome.add(kActivityType,
              "Event or product type \"" + type.raw + "\" is not one of the listed types.",
              activity.location);
}

void description_given(const Activity& activity, core::Outcome& outcome) {
  if (!activity.description_comments.absent()) return;
  outcome.add(kDescription, "The " + dated(activity) + " activity has no description.",
              activity.location);
}

void emphasis_given(const Activity& activity, const ActivityScope& scope, core::Outcome& outcome) {
  if (!scope.profile.activity_emphasis_required || !activity.emphasis.absent()) return;
  outcome.add(kEmphasis, "The " + dated(activity) + " activity names no strategic-plan emphasis.",
              activity.location);
}

// ACTIVITY-TOTALS: every row counts; only numbers that passed ACTIVITY-NUMBER-REACHED are summed.
void totals(const model::Container<Activity>& activities, const ActivityScope& scope,
            core::Outcome& outcome) {
  std::int64_t reached = 0;
  for (const Activity& activity : activities.rows)
    if (activity.number_reached.present()) reached += *activity.number_reached;
  const std::string count = std::to_string(activities.rows.size());
  outcome.figures.set("activity-count", count);
  outcome.figures.set("number-reached-total", std::to_string(reached));
  if (scope.contact_count)
    outcome.figures.set("contact-count", std::to_string(*scope.contact_count));
  outcome.add(kTotals, count + " activities reaching " + core::grouped(reached) + " people.",
              activities.location);
}

}  // namespace

std::optional<KnownPeriod> check_period(const model::Period& period, core::Outcome& outcome) {
  if (!period.start.present() || !period.end.present()) return std::nullopt;
  if (*period.end < *period.start) {
    outcome.add(
        kFormatPeriod,
        "The period starts " + period.start->iso() + ", after it ends " + period.end->iso() + ".",
        period.location);
    return std::nullopt;
  }
  return KnownPeriod{*period.start, *period.end};
}

std::optional<core::Date> known_period_end(const model::Period& period) {
  if (!period.end.present()) return std::nullopt;
  if (period.start.present() && *period.end < *period.start) return std::nullopt;
  return *period.end;
}

std::optional<core::Date> submission_date(const core::Field<core::Date>& form_date,
                                          core::Date as_of) {
  if (form_date.present()) return *form_date;
  if (form_date.absent()) return as_of;
  return std::nullopt;
}

void check_activities(const model::Container<Activity>& activities, const ActivityScope& scope,
                      core::Outcome& outcome) {
  // rules.md §4.13 in catalogue order, row by row.
  for (const Activity& activity : activities.rows) number_reached_given(activity, outcome);
  for (const Activity& activity : activities.rows) dated_inside_period(activity, scope, outcome);
  for (const Activity& activity : activities.rows) not_after_submission(activity, scope, outcome);
  for (const Activity& activity : activities.rows) type_listed(activity, outcome);
  for (const Activity& activity : activities.rows) description_given(activity, outcome);
  for (const Activity& activity : activities.rows) emphasis_given(activity, scope, outcome);
  totals(activities, scope, outcome);
}

}  // namespace pipeline::rules
