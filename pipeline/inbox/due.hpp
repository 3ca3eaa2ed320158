#pragma once
//! `formpipe due`: what each alliance owes as of a date, from the agreements and reports the
//! record store has seen (rules.md §3 and the DIARY, BIANNUAL, ANNUAL and AGREEMENT families).
//! The agreement's reporting duties (process::reporting_duties) say which reports; the program
//! profile (forms/<profile>.json) gives their windows and due dates:
//!
//! - MIOSHA Partner: a diary sheet for every calendar quarter, due the Friday after it
//!   (MIOSHA-ADM-03-3R6 §XVI.C.4, I-13), and an annual report for every calendar year, due the
//!   Friday after 1 January (§XVI.C.5, I-14); Affiliative and Ambassador alliances owe the
//!   annual report with no date set (§XVI.C.4, §XVI.E);
//! - OSHA national standard alliances: a biannual data report for October–March and
//!   April–September, due 15 days after (OSHA CSP 04-01-003 §IX.F.1, I-33);
//! - Iowa and Cal/OSHA: the coordinator's annual report, with no date set (IOSH §V.E,
//!   Cal/OSHA §A.5); its periods are taken as calendar years;
//! - every agreement expiring within 60 days (the profile's renewal-contact period when it has
//!   one): renewal contact, for MIOSHA by 60 days before the expiration (§XVII.A).
//!
//! An agreement whose signed copy came back with every field signed (SIGNED-EXECUTED) counts its
//! term, reports and renewal from the executed date, its expiration moved with it; one issued
//! but not yet signed back still counts from the signing date it names and is shown as
//! "awaiting signatures".
//!
//! An alliance's duties run from its first signing to the expiration of its latest agreement;
//! a period counts once it has begun. A report fulfils a period when an accepted report of the
//! same alliance ends on the period's last day (an annual report: in the period's year); a
//! rejected one leaves the period "rejected". Pure: no I/O, `as_of` is the only clock.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/core/date.hpp"
#include "pipeline/model/alliance_profile.hpp"

namespace pipeline::inbox {

// One alliance-form submission as the record store keeps it.
struct AllianceFacts {
  std::string submission_id;
  std::string form;    // alliance-agreement, alliance-diary-sheet, alliance-annual-report
  std::string status;  // accepted, rejected
  std::string profile;
  std::string alliance_name;
  std::string organization;                // diary sheets: name-of-organization
  std::vector<std::string> organizations;  // agreements: every participating organization
  std::string alliance_type;
  std::string level;
  std::optional<core::Date> signing_date;
  std::optional<core::Date> expiration_date;
  std::optional<core::Date> period_start;
  std::optional<core::Date> period_end;
  std::vector<std::string> reporting_duties;  // process::duty_name values
  // Agreements: the term in years, whether formpipe issued its agreement.pdf to be signed, and
  // the executed date once the signed copy came back with every field signed (signing.md §4).
  std::optional<int> term_years;
  bool issued = false;
  std::optional<core::Date> executed_date;
};

enum class DueStatus { Received, Rejected, Overdue, Due, Upcoming };
std::string_view due_status_name(DueStatus status);  // "received", ..., "upcoming"

struct DueItem {
  std::string report;  // "diary-sheet", "biannual-data-report", "annual-report"
  std::string label;   // "2025 Q3", "2024-10 to 2025-03", "2025"
  core::Date period_start;
  core::Date period_end;
  std::optional<core::Date> due_date;  // nullopt when the program sets none
  DueStatus status = DueStatus::Upcoming;
  std::string submission_id;  // the report that fulfils (or was rejected for) the period
  std::string citation;
};

struct AllianceDue {
  std::string name;  // alliance-name, or the organizations joined by " and "
  std::string profile;
  std::string alliance_type;
  std::string level;
  std::string agreement_id;  // the latest agreement's submission id
  // Of the latest agreement: its executed date once signed back, else the date it names.
  core::Date signing_date;
  // "executed" (signed back), "awaiting signatures" (issued, not yet signed back), or empty for
  // an agreement recorded before formpipe issued documents to sign.
  std::string signatures;
  core::Date first_signing_date;
  std::optional<core::Date> expiration_date;
  bool expired = false;
  bool renewal_contact = false;                  // expires within 60 days of as-of
  std::optional<core::Date> renewal_contact_by;  // MIOSHA: expiration − 60 days
  std::string renewal_citation;
  std::vector<DueItem> items;  // every period from the first signing up to as-of, in order
};

struct DueList {
  core::Date as_of;
  std::vector<AllianceDue> alliances;  // by name
};

// The program profile of a profile name; null when there is none.
using ProfileLookup = std::function<const model::AllianceProfile*(const std::string& profile)>;

// What every alliance owes as of `as_of`. Agreements count when accepted and signed on or
// before `as_of`; the latest one of an alliance gives its term and duties.
DueList compute_due(const std::vector<AllianceFacts>& facts, core::Date as_of,
                    const ProfileLookup& profiles);

// The list as a JSON object (every period, received ones too).
std::string due_json(const DueList& list);
// The list as a table for people: per alliance its outstanding periods and renewal, then a
// summary line.
std::string due_table(const DueList& list);

}  // namespace pipeline::inbox
