#pragma once
//! One alliance program's parameters (rules.md §3), read from forms/<profile>.json by
//! ingest::load_alliance_profile. Rules read their numbers and word lists from here, so a fifth
//! program or a changed term is a data change. Words are the lower-kebab-case vocabulary of
//! formats.md (alliance types, levels, organization types, means, clearances, roles). Each group
//! keeps the citation of its source clauses for findings and documents.

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pipeline::model {

// Allowed root words (`alliance-type`, `level`) of a program.
struct AllowedWords {
  std::vector<std::string> allowed;  // empty: the attribute is ignored (levels of a state)
  bool required = false;             // absence is an error (miosha alliance-type, osha level)
  std::optional<std::string> default_word;  // used when absent ("standard")
  std::string citation;
};

// Agreement terms in whole years.
struct TermRange {
  int min_years = 0;
  int max_years = 0;
  std::optional<int> template_years;  // the term printed by the template (MIOSHA App D: 5)
  std::string citation;
};

struct AmbassadorConditions {
  bool available = false;                          // iowa, calosha: no Ambassador status
  bool requires_completed_satisfactorily = false;  // history/completed-satisfactorily = yes
  // miosha: the initial cycle must have run this many years from the initial signing...
  std::optional<int> initial_cycle_years;
  // ...and end no more than this many days after the Ambassador signing.
  std::optional<int> cycle_end_within_days_after_signing;
  bool renewal_expected = false;          // osha: normally after one renewal (a warning)
  std::optional<int> early_signing_days;  // osha: signed at most this many days before the end
  // osha: Ambassadors have no term, meeting, reporting, ... requirements (rules.md I-40).
  bool exempt_from_formal_requirements = false;
  std::string citation;
};

struct ImplementationTeamRule {
  int meetings_per_year_minimum = 0;
  std::optional<int> kick_off_within_days;  // osha: 30 days of the signing
  std::string citation;
};

enum class PeriodicReportKind { None, QuarterlyDiary, Biannual };
enum class DueRule { FridayAfterEnd, DaysAfterEnd };

// A reporting window in calendar months: first_month 10, last_month 3 is October–March.
struct ReportWindow {
  int first_month = 1;
  int last_month = 3;
};

struct PeriodicReport {
  PeriodicReportKind kind = PeriodicReportKind::None;
  std::vector<std::string> alliance_types;  // the types that must report ("partner")
  std::vector<std::string> levels;          // empty: every level; osha: "national"
  std::vector<ReportWindow> windows;
  DueRule due_rule = DueRule::FridayAfterEnd;
  int due_days = 0;  // DaysAfterEnd: the period end plus this many days
  std::string citation;
};

enum class AnnualReportKind {
  Template,    // miosha: App B's sections are required (ANNUAL-SECTIONS)
  State,       // iowa, calosha: "must include" their content list (ANNUAL-SECTIONS-STATE, ...)
  RecordOnly,  // osha: annual evaluations replaced the reports (ANNUAL-OSHA-RECORD-ONLY)
};

struct AnnualReportDuty {
  AnnualReportKind kind = AnnualReportKind::Template;
  std::string prepared_by;  // who prepares it, in words ("the Alliance Coordinator")
  // Alliance type -> the `prepared-by` roles that pass ANNUAL-PREPARER; key "*" for every type.
  // Empty: ANNUAL-PREPARER does not run.
  std::map<std::string, std::vector<std::string>> preparer_roles;
  // The types whose report is due by the Friday after 1 January (miosha: partner).
  std::vector<std::string> due_alliance_types;
  bool due_friday_after_new_year = false;
  std::string citation;
};

enum class WorkerRepresentationRequirement { NotRequired, ReasonableEffort, Required };

struct WorkerRepresentationRule {
  WorkerRepresentationRequirement requirement = WorkerRepresentationRequirement::NotRequired;
  std::vector<std::string> employer_types;  // organization types that trigger the rule
  std::vector<std::string> worker_types;    // organization types that are a union signatory
  std::vector<std::string> accepted_means;  // `means` words that count
  std::string citation;
};

enum class WorkPlanRequirement { NotRequired, Recommended, Required };

struct WorkPlanRule {
  WorkPlanRequirement requirement = WorkPlanRequirement::NotRequired;
  std::string citation;
};

struct RenewalContact {
  std::optional<int> days_before_expiration;  // miosha: at least 60
  std::string citation;
};

// Approvals obtained before signing (OSHA §VII, §VIII.D–F).
struct Clearances {
  std::map<std::string, std::vector<std::string>> by_level;                // every agreement
  std::map<std::string, std::vector<std::string>> new_agreement_by_level;  // new ones only
  std::vector<std::string> consulate_mexico;                               // §VII.B
  std::vector<std::string> consulate_other;
  std::vector<std::string> tribe_regional;  // tribes at region-wide and area-office level, §VII.D
  std::vector<std::string> federal_agency;  // §VII.A
  std::string citation;
};

// A signatory printed when the agreement names none (MIOSHA App D).
struct DefaultSignatory {
  std::string role;
  std::string name;
  std::string title;
  std::string organization;
};

struct AgencySignatoryRule {
  bool required = true;    // miosha: optional, the defaults are printed
  bool all_roles = false;  // true: every listed role signs (miosha); false: any one of them
  // Level -> roles; key "" for programs without levels.
  std::map<std::string, std::vector<std::string>> roles_by_level;
  std::string roles_text;  // "the Labor Commissioner or a designee", for messages
  std::vector<DefaultSignatory> defaults;
  std::string citation;
};

// A duty due a number of days after the signing, at one level (AGREEMENT-OSHA-DEADLINES).
struct SigningDuty {
  std::string level;   // "national"
  std::string figure;  // the report figure of its date: "posting-by"
  std::string duty;    // in words, for messages: "posting on the OSHA public website"
  int days = 0;
  std::string citation;
};

// What the program asks of an agreement's content, besides the groups above.
struct AgreementContent {
  int termination_notice_days = 30;
  std::string termination_notice_citation;
  int measurable_objectives_minimum = 0;
  std::vector<std::string> measurable_required_types;  // error for these types, else a warning
  bool shp_objective_required = false;
  bool standards_influence_check = false;
  std::vector<std::string> eligible_organization_types;  // empty: AGREEMENT-ORG-TYPE does not run
  bool for_profit_review = false;
  bool entity_check_required = false;
  bool point_of_contact_expected = false;
  std::vector<std::string> webpage_levels;  // osha: national
  std::vector<SigningDuty> after_signing;   // osha: posting or a copy to DCSP, by level
  // osha: a renewal signed after the previous agreement expired runs from its own signing, a
  // notice (AGREEMENT-OSHA-INTERIM).
  bool interim_renewal_notice = false;
  bool target_workforce_expected = false;
  bool miosha_division_expected = false;
  std::vector<std::string> criteria_codes;  // empty: criteria-addressed not required
  std::string criteria_citation;
  std::string citation;
};

// MIOSHA's letters (App C, App E): who signs, whom they copy, which state they address.
struct LetterSettings {
  bool available = false;
  std::string division;            // "Consultation Education and Training (CET) Division"
  std::string signer;              // "Division Director"
  std::string telephone;           // "(517) 284-7720"
  std::string reference_initials;  // "XX/xxx", left for the typist
  std::vector<std::string> declination_copies;  // cc: lines of App C
  std::vector<std::string> expiration_copies;   // cc: lines of App E
  std::string addressee_state;                  // "MI" (LETTER-MICHIGAN)
  std::string citation;
};

struct AllianceProfile {
  std::string profile;       // "miosha"
  std::string program;       // "MIOSHA Alliance Program"
  std::string source;        // "MIOSHA-ADM-03-3R6"
  std::string agency;        // "Michigan Occupational Safety and Health Administration"
  std::string agency_short;  // "MIOSHA"
  std::string state;         // "Michigan"; empty for the federal program
  AllowedWords alliance_types;
  AllowedWords levels;
  TermRange initial_term;
  TermRange renewal_term;
  AmbassadorConditions ambassador;
  ImplementationTeamRule implementation_team;
  PeriodicReport periodic_report;
  AnnualReportDuty annual_report;
  WorkerRepresentationRule worker_representation;
  WorkPlanRule work_plan;
  RenewalContact renewal_contact;
  Clearances clearances;
  AgencySignatoryRule agency_signatories;
  AgreementContent agreement;
  LetterSettings letters;
  bool diary_header_required = false;  // miosha: DIARY-HEADER (error), else DIARY-HEADER-OTHER
  // miosha: ACTIVITY-EMPHASIS (every activity names a Strategic Plan emphasis, App A, App B).
  bool activity_emphasis_required = false;
};

}  // namespace pipeline::model
