#pragma once
//! The GrantProposal model (formats.md §3): a CET grant proposal, or a revision or close-out of
//! an awarded grant. Filled in by ingest only; read-only afterwards.
//!
//! Names follow formats.md: every element or attribute is a member named in snake_case, nested as
//! the XML nests; repeated row elements are vectors named in the plural (`signer` -> `signers`).
//! Every value is a core::Field (absent / present / rejected, with its location). A container
//! element is a std::optional, engaged exactly when the element is in the document, and keeps
//! its own `location`. Every row keeps its `location` (with "(file row N)" for CSV input).

#include <array>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/date.hpp"
#include "pipeline/core/field.hpp"
#include "pipeline/core/money.hpp"

namespace pipeline::model {

// Root attribute `stage` (formats.md §3.1); absent means Proposal.
enum class GrantStage { Proposal, Revision, Closeout };

// Root attribute `fiscal-year`, "2004-2005" (consecutive years); absent means 2004-2005.
struct FiscalYear {
  int first_year = 2004;  // the grant period runs 1 October first_year to 30 September next
  friend constexpr bool operator==(FiscalYear, FiscalYear) = default;
};

// `received`: the datetime as written and the instant it names (Michigan time when the text has
// no offset).
struct Received {
  core::LocalDateTime local;
  core::Instant instant;
};

// A `narrative` value (formats.md §2.1): text, or a `file` attribute naming an attached document,
// or both. A present Field<Narrative> has at least one of them non-empty.
struct Narrative {
  std::string text;  // paragraph breaks kept
  std::string file;  // e.g. "narrative.pdf"
};

// ---- §3.3 signature-sheet -------------------------------------------------------------------

struct CertificationAndSignature {
  core::Location location;
  core::Field<std::string> signature_of_official;
  core::Field<std::string> title;
  core::Field<core::Date> date;
};

struct Signer {
  core::Location location;
  core::Field<std::string> authorized_signature;
  core::Field<std::string> organization;
  core::Field<core::Date> date;
};

struct StatementOfAffiliation {
  core::Location location;
  std::vector<Signer> signers;
};

struct SignatureSheet {
  core::Location location;
  core::Field<std::string> project_title;
  core::Field<std::string> sponsoring_organization;
  core::Field<std::string> authorized_contact_person;
  core::Field<std::string> position_title;
  core::Field<std::string> mailing_address;
  core::Field<std::string> city;
  core::Field<std::string> state;     // USPS code
  core::Field<std::string> zip_code;  // as written
  core::Field<core::Money> total_amount_of_cet_funds_requested;
  core::Field<std::string> telephone_number;  // as written
  std::optional<CertificationAndSignature> certification_and_signature;
  std::optional<StatementOfAffiliation> statement_of_affiliation;
};

// ---- §3.4 applicant, §3.5 target-audience --------------------------------------------------

struct ParticipatingOrganizations {
  core::Location location;
  std::vector<core::Field<std::string>> organizations;
};

// A list of parallel projects, or none="yes".
struct ParallelProjects {
  core::Location location;
  core::Field<bool> none;  // attribute none="yes"
  std::vector<core::Field<std::string>> projects;
};

struct Applicant {
  core::Location location;
  core::Field<bool> nonprofit;
  core::Field<std::string> nonprofit_evidence;
  // management-employer | labor-employee | other (checked by ingest)
  core::Field<std::string> applicant_category;
  std::optional<ParticipatingOrganizations> participating_organizations;
  core::Field<std::int64_t> consecutive_prior_cycles;  // absent means 0
  std::optional<ParallelProjects> parallel_projects;
};

struct TargetAudience {
  core::Location location;
  std::vector<core::Field<std::string>> naics;  // document order
  core::Field<bool> small_establishments;
  core::Field<std::string> serves;  // employees | employers | both (checked by ingest)
};

// ---- §3.6 proposal-narrative ---------------------------------------------------------------

struct ProjectDesign {
  core::Location location;
  core::Field<Narrative> project_summary;
  core::Field<std::int64_t> project_summary_pages;  // project-summary/@pages
  core::Field<Narrative> project_sponsor;
  core::Field<Narrative> project_innovation;
  // training | services | limited-research, as listed (repeats kept)
  core::Field<std::vector<std::string>> activities_to_be_funded;

  // formats.md §3.6: project-design counts as present only when one of its three narrative
  // parts is (the element alone, e.g. holding only activities-to-be-funded, does not).
  bool has_narrative_part() const {
    return project_summary.present() || project_sponsor.present() || project_innovation.present();
  }
};

struct ProposalNarrative {
  core::Location location;
  core::Field<Narrative> problem_addressed;
  // Engaged when the element exists; see ProjectDesign::has_narrative_part().
  std::optional<ProjectDesign> project_design;
  core::Field<Narrative> project_management;
};

// ---- §3.7 key-personnel, advisory-committee, commitments -----------------------------------

struct Person {
  core::Location location;
  core::Field<std::string> name;
  core::Field<std::string> position;
  // administration-coordination, instruction, ... as listed (checked by ingest)
  core::Field<std::vector<std::string>> role;
  core::Field<core::Money> institutional_base_salary;
  core::Field<bool> resume;  // absent means no
};

struct KeyPersonnel {
  core::Location location;
  std::vector<Person> persons;
};

struct Member {
  core::Location location;
  core::Field<std::string> name;
  core::Field<std::string> affiliation;
  core::Field<std::string> expertise;
};

struct AdvisoryCommittee {
  core::Location location;
  std::vector<Member> members;
};

struct Commitments {
  core::Location location;
  core::Field<bool> evaluation_cooperation;
  core::Field<bool> start_within_four_weeks;
};

// ---- §3.8 table-a --------------------------------------------------------------------------

// Rejected values are reported as TABLEA-TYPE.
enum class TypeOfTraining { Presentation, Seminar, Course };

struct TrainingProgram {
  core::Location location;
  core::Field<std::string> title_of_training_program;
  core::Field<TypeOfTraining> type_of_training;
  core::Field<std::int64_t> number_of_sessions;
  core::Field<std::int64_t> number_of_persons;    // average per session
  core::Field<core::Quantity> length_of_session;  // hours, hundredths
  core::Field<core::Quantity> total_hours;        // hours, hundredths
  core::Field<std::int64_t> meetings_per_session;
};

// Rejected values are reported as TABLEA-SERVICE-TYPE.
enum class TypeOfServiceActivity { TechnicalAssistance, DisseminateInformation, Other };

struct ServiceActivity {
  core::Location location;
  core::Field<TypeOfServiceActivity> type_of_service_activity;
  core::Field<std::string> description;
  core::Field<core::Quantity> number_of_hours_available;  // hours, hundredths
  core::Field<std::int64_t> persons_per_contact;
};

struct TableA {
  core::Location location;
  std::vector<TrainingProgram> training_programs;
  std::vector<ServiceActivity> service_activities;
};

// ---- §3.9 table-b --------------------------------------------------------------------------

// A Table B row (named apart from the alliance forms' model::Activity).
struct TimeFlowActivity {
  core::Location location;
  core::Field<std::string> name;
  core::Field<std::set<int>> months;  // 1..12; rejected values are reported as TABLEB-MONTHS
};

struct TableB {
  core::Location location;
  std::vector<TimeFlowActivity> activities;
};

// ---- §3.10 table-c -------------------------------------------------------------------------

// A grant or matching line of Table C: the Total Funds column and the four quarters.
struct TableCLine {
  core::Location location;
  core::Field<core::Money> total_funds;
  core::Field<core::Money> first;
  core::Field<core::Money> second;
  core::Field<core::Money> third;
  core::Field<core::Money> fourth;
};

// One `category` element, as written: numbers outside 1-9 are rejected (TABLEC-CATEGORY);
// repeated numbers and wrong names are kept for the TABLEC-CATEGORY rule.
struct TableCCategory {
  core::Location location;
  core::Field<std::int64_t> number;
  core::Field<std::string> name;       // as written; should be the name for `number`
  std::optional<TableCLine> grant;     // absent = all zeros
  std::optional<TableCLine> matching;  // absent = all zeros
};

struct TableCTotal {
  core::Location location;
  std::optional<TableCLine> grant;
  std::optional<TableCLine> matching;
};

struct TableC {
  core::Location location;
  std::vector<TableCCategory> categories;  // document order
  std::optional<TableCTotal> total;
};

// ---- §3.11 table-d -------------------------------------------------------------------------

enum class Funding { Grant, Matching };

// The row element of a Table D line.
enum class TableDRow {
  Line,
  Mileage,
  Lodging,
  Meals,
  OfficeSpace,
  TrainingSpace,
  GasElectricity,
  Telephone,
  AdministrativeCosts,
  Purchase,
  Rental,
};

enum class Meal { Breakfast, Lunch, Dinner };

// One Table D line of any section. Only the fields of its row kind (formats.md §3.11) can be
// present; the others stay absent.
struct TableDLine {
  core::Location location;
  TableDRow row = TableDRow::Line;
  std::string element;  // the row element name: "line", "mileage", "administrative-costs", ...

  // attributes
  core::Field<Funding> funding;
  core::Field<bool> in_kind;                // absent means no
  core::Field<bool> lost_time;              // wages-salaries lines only
  core::Field<bool> out_of_state;           // travel rows only
  core::Field<std::string> prior_approval;  // travel and equipment rows only

  // wages-salaries/line
  core::Field<std::string> position;
  core::Field<core::Money> salary_per_week;
  core::Field<core::Quantity> number_of_weeks;
  // fringe-benefit/line
  core::Field<std::string> type_of_benefit;
  core::Field<core::Money> total_salaries;
  core::Field<core::Percent> formula_percent;
  // travel/mileage
  core::Field<core::Quantity> number_of_miles;
  core::Field<core::Rate> amount_per_mile;
  // travel/lodging
  core::Field<core::Quantity> number_of_nights;
  core::Field<core::Money> amount_per_night;
  core::Field<core::Money> taxes;  // absent means 0
  // travel/meals
  core::Field<Meal> meal;
  core::Field<core::Quantity> number_of_meals;
  core::Field<core::Money> amount_per_meal;
  // rent-and-utilities: office-space, training-space, gas-electricity, telephone
  core::Field<core::Quantity> number_of_months;
  core::Field<core::Money> monthly_amount;
  // administrative-costs (rent-and-utilities or other)
  std::vector<core::Field<std::string>> items;
  // office-supplies/line, training-materials/line, equipment/purchase, equipment/rental
  core::Field<std::string> type_of_supplies;
  core::Field<std::string> type_of_material;
  core::Field<std::string> type_of_equipment;
  core::Field<std::string> type_of_rental;
  core::Field<core::Money> cost_per_item;
  core::Field<core::Quantity> total_units;
  core::Field<std::int64_t> life_span_months;  // equipment
  core::Field<std::int64_t> bids;              // equipment
  core::Field<std::string> bid_explanation;    // equipment
  // contractual/line
  core::Field<std::string> scope_nature_of_contract;
  // other/line
  core::Field<std::string> specify;

  core::Field<core::Money> total_charged;
};

// One Table D section (one Table C category).
struct TableDSection {
  core::Location location;
  int category = 0;               // the Table C category number, 1..9
  std::string name;               // the section element name: "wages-salaries", "travel", ...
  std::vector<TableDLine> lines;  // every row element of the section, in document order
  core::Field<core::Money> total_grant;     // declared section total
  core::Field<core::Money> total_matching;  // declared section total
};

struct TableD {
  core::Location location;
  std::optional<TableDSection> wages_salaries;      // 1
  std::optional<TableDSection> fringe_benefit;      // 2
  std::optional<TableDSection> travel;              // 3
  std::optional<TableDSection> rent_and_utilities;  // 4
  std::optional<TableDSection> office_supplies;     // 5
  std::optional<TableDSection> training_materials;  // 6
  std::optional<TableDSection> equipment;           // 7
  std::optional<TableDSection> contractual;         // 8
  std::optional<TableDSection> other;               // 9

  // The nine sections in category order (index 0 is category 1); null where absent.
  std::array<const TableDSection*, 9> sections() const {
    const auto at = [](const std::optional<TableDSection>& s) { return s ? &*s : nullptr; };
    return {at(wages_salaries),     at(fringe_benefit),  at(travel),
            at(rent_and_utilities), at(office_supplies), at(training_materials),
            at(equipment),          at(contractual),     at(other)};
  }
};

// ---- §3.12 program-income, approvals -------------------------------------------------------

enum class FeePurpose { FacilityRental, MealExpenses, TrainingMaterial, KeyPersonnel, Other };

struct Fee {
  core::Location location;
  core::Field<std::string> description;
  core::Field<FeePurpose> purpose;
  core::Field<core::Money> expected_income;
  core::Field<std::string> prior_approval;  // attribute
};

struct ProgramIncome {
  core::Location location;
  std::vector<Fee> fees;
  core::Field<bool> applied_to_project_expenses;
};

struct Approvals {
  core::Location location;
  core::Field<std::string> subcontracting_over_20_percent;  // the approval reference
};

// ---- §3.13 performance-objectives, performance-outcome -------------------------------------

struct Performance {
  core::Location location;
  core::Field<std::int64_t> people_trained;
  core::Field<core::Quantity> person_hours;  // hours, hundredths
};

// ---- §3.14 change-request, baseline --------------------------------------------------------

struct ChangeRequest {
  core::Location location;
  core::Field<core::Date> requested_on;
  core::Field<core::Date> proposed_implementation_date;
  core::Field<std::string> reason;
};

// The approved figures a revision is compared with.
struct Baseline {
  core::Location location;
  core::Field<core::Date> approved_on;  // attribute
  std::optional<KeyPersonnel> key_personnel;
  std::optional<TableA> table_a;
  std::optional<TableC> table_c;
  std::optional<Performance> performance_objectives;
};

// ---- the document --------------------------------------------------------------------------

struct GrantProposal {
  core::Location location;  // "cet-grant-proposal"

  // root attributes
  core::Field<FiscalYear> fiscal_year;  // absent means 2004-2005
  core::Field<GrantStage> stage;        // absent means proposal

  core::Field<Received> received;
  std::optional<SignatureSheet> signature_sheet;
  std::optional<Applicant> applicant;
  std::optional<TargetAudience> target_audience;
  std::optional<ProposalNarrative> proposal_narrative;
  std::optional<KeyPersonnel> key_personnel;
  std::optional<AdvisoryCommittee> advisory_committee;
  std::optional<Commitments> commitments;
  std::optional<TableA> table_a;
  std::optional<TableB> table_b;
  core::Field<Narrative> project_budget_narrative;
  std::optional<TableC> table_c;
  std::optional<TableD> table_d;
  std::optional<ProgramIncome> program_income;
  std::optional<Approvals> approvals;
  std::optional<Performance> performance_objectives;
  std::optional<Performance> performance_outcome;
  std::optional<ChangeRequest> change_request;
  std::optional<Baseline> baseline;
};

// The stage, with the default applied; nullopt when the attribute was rejected (unknown stage).
inline std::optional<GrantStage> stage_of(const GrantProposal& proposal) {
  if (proposal.stage.rejected()) return std::nullopt;
  return proposal.stage.value_or(GrantStage::Proposal);
}

// The fiscal year, with the default applied; nullopt when the attribute was rejected.
inline std::optional<FiscalYear> fiscal_year_of(const GrantProposal& proposal) {
  if (proposal.fiscal_year.rejected()) return std::nullopt;
  return proposal.fiscal_year.value_or(FiscalYear{});
}

}  // namespace pipeline::model
