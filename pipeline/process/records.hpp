#pragma once
//! The facts the agency keeps about a submission (MIOSHA-ADM-03-3R6 §XVI.D.4: the agreement,
//! diary sheets, renewals, reports): who sent it, for which alliance or grant, for which period,
//! and for an agreement its dates, type and the reports it obliges the alliance to send.
//! A pure function of the model and the rules' figures; the inbox stores it, `formpipe due`
//! schedules from it.

#include <optional>
#include <string>
#include <vector>

#include "pipeline/core/date.hpp"
#include "pipeline/core/finding.hpp"
#include "pipeline/model/alliance_profile.hpp"
#include "pipeline/model/form.hpp"

namespace pipeline::process {

// A periodic report an alliance agreement obliges (rules.md §3 "periodic activity report",
// "annual report"); the program profile gives its windows and due dates.
enum class Duty {
  QuarterlyDiarySheet,  // MIOSHA Partner: App A each quarter, due the Friday after (§XVI.C.4)
  BiannualDataReport,  // OSHA national standard: Oct–Mar, Apr–Sep, due 15 days after (§IX.F.1)
  AnnualReport,        // MIOSHA every type (§XVI.C.4, §XVI.E); Iowa §V.E; Cal/OSHA §A.5
};
std::string_view duty_name(Duty duty);  // "quarterly-diary-sheet", ...

struct SubmissionRecord {
  // Every form kind, when the form says it (empty / nullopt otherwise).
  std::string organization;   // the submitting or addressed organization
  std::string alliance_name;  // `alliance-name` (diary sheet, agreement, annual report)
  std::optional<core::Date> period_start;  // reporting / evaluation period, grant year
  std::optional<core::Date> period_end;
  std::optional<core::Date> submitted_on;  // date-submitted, report-date, received

  // Alliance forms: the root attributes with the profile's defaults applied (`standard`
  // outside MIOSHA; `affiliate` is read as `affiliative`); empty when absent without default.
  std::string alliance_type;
  std::string level;
  // Agreements.
  std::string action;                      // "new" or "renewal"
  std::vector<std::string> organizations;  // every participating organization's name
  std::optional<core::Date> signing_date;
  std::optional<int> term_years;
  std::optional<core::Date> expiration_date;  // AGREEMENT-EXPIRATION
  std::optional<core::Date> initial_signing_date;
  std::vector<Duty> reporting_duties;

  // Grant proposals.
  std::string project_title;
  std::string fiscal_year;       // "2004-2005"
  std::string stage;             // "proposal", "revision", "closeout"
  std::string amount_requested;  // money figure "63370.30"

  // Signed copies (signing.md §4): the submission that issued the document signed, and the date
  // of its last signature when every field is signed and every signature holds (SIGNED-EXECUTED).
  std::string issued_submission_id;
  std::string issued_document;  // "agreement.pdf"
  std::optional<core::Date> executed_date;
};

// The record of a readable submission. `figures` are the rules' (expiration-date ...);
// `profile` is the alliance program's (null for a grant proposal).
SubmissionRecord record_of(const model::Submission& submission, const core::Figures& figures,
                           const model::AllianceProfile* profile);

// The reports an alliance of this type and level must send under `profile` (rules.md §3): the
// periodic report of the types and levels it names, and the annual report unless the program
// keeps only a record of it (OSHA) or the type is exempt (OSHA Ambassadors, I-40).
std::vector<Duty> reporting_duties(const model::AllianceProfile& profile,
                                   std::string_view alliance_type, std::string_view level);

}  // namespace pipeline::process
