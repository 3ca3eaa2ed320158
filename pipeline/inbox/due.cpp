#include "pipeline/inbox/due.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <algorithm>
#include <functional>
#include <map>
#include <sstream>

#include "pipeline/model/report_schedule.hpp"
#include "pipeline/text/unicode.hpp"

namespace pipeline::inbox {

namespace {

using model::ReportPeriod;

// A report an alliance owes period after period (model/report_schedule.hpp has the arithmetic).
struct Schedule {
  std::string report;  // "diary-sheet", ...
  std::string citation;
  std::vector<model::ReportWindow> windows;
  std::function<std::optional<core::Date>(const ReportPeriod&)> due_date;

  std::optional<ReportPeriod> period_containing(core::Date day) const {
    return model::period_containing(windows, day);
  }
};

std::optional<Schedule> schedule_of(const std::string& duty, const model::AllianceProfile& profile,
                                    const std::string& alliance_type) {
  if (duty == "quarterly-diary-sheet" || duty == "biannual-data-report") {
    const model::PeriodicReport& periodic = profile.periodic_report;
    Schedule schedule{duty == "quarterly-diary-sheet" ? "diary-sheet" : "biannual-data-report",
                      periodic.citation,
                      periodic.windows,
                      {}};
    schedule.due_date = [&periodic](const ReportPeriod& period) -> std::optional<core::Date> {
      return model::periodic_due_date(periodic, period.end);
    };
    return schedule;
  }
  if (duty == "annual-report") {
    const model::AnnualReportDuty& annual = profile.annual_report;
    const bool dated = model::annual_due_applies(annual, alliance_type);
    Schedule schedule{"annual-report", annual.citation, {{1, 12}}, {}};
    schedule.due_date = [&annual, dated](const ReportPeriod& period) -> std::optional<core::Date> {
      if (!dated) return std::nullopt;
      return model::annual_due_date(annual, period.end);
    };
    return schedule;
  }
  return std::nullopt;
}

// The identity of an alliance across its agreements: the program and the alliance name, or
// the participating organizations when the agreement names no alliance.
std::string alliance_key(const AllianceFacts& agreement) {
  std::string key = agreement.profile + "\n";
  if (!agreement.alliance_name.empty()) return key + text::fold_for_match(agreement.alliance_name);
  for (const std::string& organization : agreement.organizations)
    key += "\n" + text::fold_for_match(organization);
  return key;
}

bool belongs_to(const AllianceFacts& report, const AllianceFacts& agreement) {
  if (report.profile != agreement.profile) return false;
  if (!report.alliance_name.empty() && !agreement.alliance_name.empty() &&
      text::same_name(report.alliance_name, agreement.alliance_name))
    return true;
  return !report.organization.empty() &&
         std::any_of(
             agreement.organizations.begin(), agreement.organizations.end(),
             [&](const std::string& name) { return text::same_name(name, report.organization); });
}

std::string display_name(const AllianceFacts& agreement) {
  if (!agreement.alliance_name.empty()) return agreement.alliance_name;
  std::string name;
  for (const std::string& organization : agreement.organizations)
    name += (name.empty() ? "" : " and ") + organization;
  return name.empty() ? "(unnamed alliance " + agreement.submission_id + ")" : name;
}

// Whether `report` is the kind that fulfils `item`'s period.
bool fulfils(const AllianceFacts& report, const DueItem& item) {
  if (!report.period_end) return false;
  if (item.report == "annual-report")
    return report.form == "alliance-annual-report" &&
           report.period_end->year() == item.period_end.year();
  return report.form == "alliance-diary-sheet" && *report.period_end == item.period_end;
}

void settle_status(DueItem& item, const std::vector<const AllianceFacts*>& reports,
                   core::Date as_of) {
  for (const AllianceFacts* report : reports) {
    if (!fulfils(*report, item)) continue;
    item.submission_id = report->submission_id;
    if (report->status == "accepted") {
      item.status = DueStatus::Received;
      return;
    }
    item.status = DueStatus::Rejected;
  }
  if (item.status == DueStatus::Rejected) return;
  if (item.due_date && as_of > *item.due_date) {
    item.status = DueStatus::Overdue;
  } else if (as_of > item.period_end) {
    item.status = DueStatus::Due;
  } else {
    item.status = DueStatus::Upcoming;
  }
}

AllianceDue alliance_due(const std::vector<const AllianceFacts*>& agreements,
                         const std::vector<const AllianceFacts*>& reports, core::Date as_of,
                         const model::AllianceProfile* profile) {
  const AllianceFacts& latest = *agreements.back();
  AllianceDue due;
  due.name = display_name(latest);
  due.profile = latest.profile;
  due.alliance_type = latest.alliance_type;
  due.level = latest.level;
  due.agreement_id = latest.submission_id;
  due.signing_date = *latest.signing_date;
  due.signatures = latest.executed_date ? "executed" : latest.issued ? "awaiting signatures" : "";
  due.first_signing_date = *agreements.front()->signing_date;
  due.expiration_date = latest.expiration_date;
  if (due.expiration_date) {
    const std::optional<int> contact_days =
        profile ? profile->renewal_contact.days_before_expiration : std::nullopt;
    due.expired = *due.expiration_date <= as_of;
    due.renewal_contact =
        !due.expired && *due.expiration_date <= core::add_days(as_of, contact_days.value_or(60));
    if (due.renewal_contact && contact_days) {
      due.renewal_contact_by = core::add_days(*due.expiration_date, -*contact_days);
      due.renewal_citation = profile->renewal_contact.citation;
    }
  }
  if (!profile) return due;
  // Periods that have begun by as-of, while an agreement was in effect.
  core::Date last_day = as_of;
  if (due.expiration_date) last_day = std::min(last_day, core::add_days(*due.expiration_date, -1));
  for (const std::string& duty : latest.reporting_duties) {
    const std::optional<Schedule> schedule = schedule_of(duty, *profile, latest.alliance_type);
    if (!schedule) continue;
    for (std::optional<ReportPeriod> period = schedule->period_containing(due.first_signing_date);
         period && period->start <= last_day;
         period = schedule->period_containing(core::add_days(period->end, 1))) {
      DueItem item;
      item.report = schedule->report;
      item.label = period->label;
      item.period_start = std::max(period->start, due.first_signing_date);
      item.period_end = period->end;
      item.due_date = schedule->due_date(*period);
      item.citation = schedule->citation;
      settle_status(item, reports, as_of);
      due.items.push_back(std::move(item));
    }
  }
  std::stable_sort(due.items.begin(), due.items.end(),
                   [](const DueItem& a, const DueItem& b) { return a.period_end < b.period_end; });
  return due;
}

Poco::Dynamic::Var date_or_null(const std::optional<core::Date>& date) {
  return date ? Poco::Dynamic::Var(date->iso()) : Poco::Dynamic::Var();
}

std::string report_words(const std::string& report) {
  if (report == "diary-sheet") return "diary sheet";
  if (report == "biannual-data-report") return "biannual data report";
  return "annual report";
}

}  // namespace

std::string_view due_status_name(DueStatus status) {
  switch (status) {
    case DueStatus::Received:
      return "received";
    case DueStatus::Rejected:
      return "rejected";
    case DueStatus::Overdue:
      return "overdue";
    case DueStatus::Due:
      return "due";
    case DueStatus::Upcoming:
      return "upcoming";
  }
  return "upcoming";
}

namespace {

// An executed agreement counts from its executed date, its expiration moved with it: the term
// from there when the agreement names one, else the same number of days.
AllianceFacts as_executed(AllianceFacts item) {
  if (!item.executed_date) return item;
  if (item.term_years)
    item.expiration_date = core::add_years(*item.executed_date, *item.term_years);
  else if (item.expiration_date && item.signing_date)
    item.expiration_date = core::add_days(
        *item.executed_date, core::days_between(*item.signing_date, *item.expiration_date));
  item.signing_date = item.executed_date;
  return item;
}

}  // namespace

DueList compute_due(const std::vector<AllianceFacts>& given, core::Date as_of,
                    const ProfileLookup& profiles) {
  std::vector<AllianceFacts> facts;
  facts.reserve(given.size());
  for (const AllianceFacts& item : given) facts.push_back(as_executed(item));
  std::map<std::string, std::vector<const AllianceFacts*>> agreements;
  std::vector<const AllianceFacts*> reports;
  for (const AllianceFacts& item : facts) {
    if (item.form != "alliance-agreement") {
      reports.push_back(&item);
    } else if (item.status == "accepted" && item.signing_date && *item.signing_date <= as_of) {
      agreements[alliance_key(item)].push_back(&item);
    }
  }
  DueList list;
  list.as_of = as_of;
  for (auto& [key, signed_agreements] : agreements) {
    std::stable_sort(signed_agreements.begin(), signed_agreements.end(),
                     [](const AllianceFacts* a, const AllianceFacts* b) {
                       return *a->signing_date < *b->signing_date;
                     });
    std::vector<const AllianceFacts*> own_reports;
    for (const AllianceFacts* report : reports)
      if (belongs_to(*report, *signed_agreements.back())) own_reports.push_back(report);
    const AllianceFacts& latest = *signed_agreements.back();
    list.alliances.push_back(
        alliance_due(signed_agreements, own_reports, as_of, profiles(latest.profile)));
  }
  std::sort(list.alliances.begin(), list.alliances.end(),
            [](const AllianceDue& a, const AllianceDue& b) {
              return text::fold_for_match(a.name) < text::fold_for_match(b.name);
            });
  return list;
}

std::string due_json(const DueList& list) {
  Poco::JSON::Object root(Poco::JSON_PRESERVE_KEY_ORDER);
  root.set("as-of", list.as_of.iso());
  std::map<DueStatus, int> counts;
  int renewals = 0;
  Poco::JSON::Array alliances;
  for (const AllianceDue& due : list.alliances) {
    Poco::JSON::Object alliance(Poco::JSON_PRESERVE_KEY_ORDER);
    alliance.set("alliance", due.name);
    alliance.set("profile", due.profile);
    alliance.set("alliance-type", due.alliance_type);
    alliance.set("level", due.level);
    alliance.set("agreement", due.agreement_id);
    alliance.set("signing-date", due.signing_date.iso());
    alliance.set("signatures", due.signatures.empty() ? Poco::Dynamic::Var()
                                                      : Poco::Dynamic::Var(due.signatures));
    alliance.set("first-signing-date", due.first_signing_date.iso());
    alliance.set("expiration-date", date_or_null(due.expiration_date));
    alliance.set("expired", due.expired);
    alliance.set("renewal-contact", due.renewal_contact);
    alliance.set("renewal-contact-by", date_or_null(due.renewal_contact_by));
    renewals += due.renewal_contact ? 1 : 0;
    Poco::JSON::Array items;
    for (const DueItem& item : due.items) {
      Poco::JSON::Object entry(Poco::JSON_PRESERVE_KEY_ORDER);
      entry.set("report", item.report);
      entry.set("period", item.label);
      entry.set("period-start", item.period_start.iso());
      entry.set("period-end", item.period_end.iso());
      entry.set("due-date", date_or_null(item.due_date));
      entry.set("status", std::string(due_status_name(item.status)));
      entry.set("submission", item.submission_id.empty() ? Poco::Dynamic::Var()
                                                         : Poco::Dynamic::Var(item.submission_id));
      entry.set("citation", item.citation);
      items.add(entry);
      ++counts[item.status];
    }
    alliance.set("reports", items);
    alliances.add(alliance);
  }
  root.set("alliances", alliances);
  Poco::JSON::Object summary(Poco::JSON_PRESERVE_KEY_ORDER);
  summary.set("alliances", static_cast<int>(list.alliances.size()));
  for (DueStatus status : {DueStatus::Overdue, DueStatus::Due, DueStatus::Rejected,
                           DueStatus::Upcoming, DueStatus::Received})
    summary.set(std::string(due_status_name(status)), counts[status]);
  summary.set("renewal-contact", renewals);
  root.set("summary", summary);
  std::ostringstream out;
  root.stringify(out, 2);
  return out.str();
}

std::string due_table(const DueList& list) {
  std::ostringstream out;
  out << "What each alliance owes as of " << list.as_of.iso() << "\n";
  if (list.alliances.empty())
    out << "\nNo signed, accepted alliance agreement is on record as of that date.\n";
  std::map<DueStatus, int> counts;
  int renewals = 0;
  for (const AllianceDue& due : list.alliances) {
    out << "\n" << due.name << "\n  " << due.profile;
    if (!due.alliance_type.empty()) out << " " << due.alliance_type;
    if (!due.level.empty() && due.profile == "osha") out << " (" << due.level << ")";
    out << " · agreement " << due.agreement_id
        << (due.signatures == "executed" ? " executed " : " signed ") << due.signing_date.iso();
    if (due.signatures == "awaiting signatures") out << " (awaiting signatures)";
    if (due.expiration_date)
      out << (due.expired ? " · expired " : " · expires ") << due.expiration_date->iso();
    out << "\n";
    if (due.renewal_contact) {
      ++renewals;
      out << "  RENEWAL   expires " << due.expiration_date->iso() << " (in "
          << core::days_between(list.as_of, *due.expiration_date) << " days)";
      if (due.renewal_contact_by)
        out << ": renewal contact " << (list.as_of > *due.renewal_contact_by ? "was due " : "")
            << "by " << due.renewal_contact_by->iso() << " (" << due.renewal_citation << ")";
      out << "\n";
    }
    int received = 0;
    for (const DueItem& item : due.items) {
      ++counts[item.status];
      if (item.status == DueStatus::Received) {
        ++received;
        continue;
      }
      std::string status(due_status_name(item.status));
      if (item.status == DueStatus::Overdue) status = "OVERDUE";
      std::string what = report_words(item.report) + " " + item.label;
      out << "  " << status << std::string(10 - std::min<std::size_t>(status.size(), 9), ' ')
          << what << std::string(what.size() < 36 ? 36 - what.size() : 1, ' ')
          << (item.due_date ? "due " + core::date_with_weekday(*item.due_date)
                            : std::string("no due date set"));
      if (item.status == DueStatus::Rejected) out << " · " << item.submission_id << " rejected";
      out << "\n";
    }
    if (due.items.empty()) out << "  no periodic report is required of this alliance\n";
    if (received > 0)
      out << "  " << received << " period" << (received == 1 ? "" : "s") << " reported\n";
  }
  out << "\n"
      << list.alliances.size() << " alliance" << (list.alliances.size() == 1 ? "" : "s") << ": "
      << counts[DueStatus::Overdue] << " overdue, " << counts[DueStatus::Due] << " due, "
      << counts[DueStatus::Rejected] << " rejected, " << counts[DueStatus::Upcoming]
      << " upcoming, " << counts[DueStatus::Received] << " received; " << renewals << " agreement"
      << (renewals == 1 ? "" : "s") << " expiring within 60 days\n";
  return out.str();
}

}  // namespace pipeline::inbox
