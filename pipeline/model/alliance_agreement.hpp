#pragma once
//! The AllianceAgreement model (formats.md §6): what is needed to render a new or renewal
//! alliance agreement (MIOSHA-ADM-03-3R6 App D; OSHA §VI.B; IOSH §V.B; Cal/OSHA §A.2). Filled in
//! by ingest only; read-only afterwards.
//!
//! Root attributes: `alliance_type` is the word as written with `affiliate` read as
//! `affiliative`, `level` the word as written; ingest reports neither (ALLIANCE-TYPE,
//! ALLIANCE-LEVEL judge them against the profile). Vocabulary words (organization types, means,
//! clearances, roles, objective models) are checked by ingest (FORMAT-TYPE) and kept as the
//! lower-kebab-case words of formats.md, so rules compare them with the profile's lists.

#include <cstdint>
#include <string>
#include <vector>

#include "pipeline/core/date.hpp"
#include "pipeline/core/field.hpp"
#include "pipeline/model/container.hpp"

namespace pipeline::model {

// Root attribute `action`; absent means New.
enum class AgreementAction { New, Renewal };

// `organization/signatory`: AGREEMENT-ORG-SIGNATORY needs both fields.
struct Signatory {
  core::Location location;
  core::Field<std::string> name;
  core::Field<std::string> title;
};

// `organizations/organization` (formats.md §6.1).
struct Organization {
  core::Location location;
  core::Field<std::string> name;               // FORMAT-REQUIRED
  core::Field<std::string> organization_type;  // FORMAT-REQUIRED; a §2.2 word
  // Absent: the default is yes for `business`, no for every other type.
  core::Field<bool> for_profit;
  core::Field<std::string> country;    // consulates: the country represented
  core::Field<std::string> ein;        // absence: AGREEMENT-ENTITY-CHECK (miosha, signed)
  std::vector<Signatory> signatories;  // the `signatory` elements; none: AGREEMENT-ORG-SIGNATORY
};

// `agency-signatories/signatory`.
struct AgencySignatory {
  core::Location location;
  // `miosha-director`, `cet-division-director`, `secretary-of-labor`, `assistant-secretary`,
  // `regional-administrator`, `area-director`, `labor-commissioner`, `chief`,
  // `alliance-program-coordinator`, `designee` (FORMAT-REQUIRED, FORMAT-TYPE).
  core::Field<std::string> role;
  core::Field<std::string> name;   // FORMAT-REQUIRED
  core::Field<std::string> title;  // FORMAT-REQUIRED
};

// `raising-awareness/objective`, `training-and-education/objective`.
struct Objective {
  core::Location location;
  core::Field<std::string> text;  // the element's text
  core::Field<bool> measurable;   // attribute; absent means no
  core::Field<std::string>
      model;  // attribute: key of an App D model objective (`shp-awareness`...)
};

// Whether an objective is MIOSHA App D's Safety and Health Programs objective: it follows the
// `shp-awareness` model, or its text speaks of safety and health programs (rules.md §2.5
// normalisation). AGREEMENT-SHP-OBJECTIVE and the agreement template both ask this.
bool is_shp_objective(const Objective& objective);

// `worker-representation/means`.
struct Means {
  core::Location location;
  // `union-signatory`, `worker-involvement`, `community-labor-group`,
  // `union-invited-to-meetings`, `union-product-review`, `target-audience-survey`,
  // `consulate-input`, `osha-compliance-staff`, `other` (FORMAT-TYPE otherwise).
  core::Field<std::string> value;
  core::Field<std::string> detail;  // attribute; FORMAT-REQUIRED for `other`
};

// `criteria-addressed/criterion`.
struct Criterion {
  core::Location location;
  // Attribute `code` (FORMAT-REQUIRED): `a`–`k` for iowa, `1`–`11` for calosha (FORMAT-TYPE
  // otherwise; either set when the document does not name its profile).
  core::Field<std::string> code;
  core::Field<std::string> text;
};

struct ImplementationTeam {
  bool present = false;
  core::Location location;
  core::Field<std::int64_t> meetings_per_year;  // absent: the profile minimum
  core::Field<core::Date> kick_off_meeting;     // OSHA
};

// formats.md §6.2.
struct History {
  bool present = false;
  core::Location location;
  core::Field<core::Date> initial_signing_date;
  std::vector<core::Field<core::Date>> renewal_signing_dates;  // oldest first
  core::Field<core::Date> previous_expiration_date;
  core::Field<core::Date> renewal_contact_date;
  core::Field<bool> completed_satisfactorily;
};

struct Vetting {
  bool present = false;
  core::Location location;
  core::Field<bool> vetting_complete;
  core::Field<bool> entity_check_resolved;
};

struct PointOfContact {
  bool present = false;
  core::Location location;
  core::Field<std::string> name;
  core::Field<std::string> email;
  core::Field<std::string> telephone_number;
};

struct AllianceAgreement {
  core::Location location;  // "alliance-agreement"
  core::Field<std::string> alliance_type;
  core::Field<std::string> level;
  core::Field<AgreementAction> action;  // absent: New
  core::Field<std::string> alliance_name;
  Container<Organization> organizations;  // FORMAT-REQUIRED, with at least one organization
  Container<AgencySignatory> agency_signatories;
  core::Field<std::string> miosha_division;
  Container<core::Field<std::string>> hazards;  // `hazard` rows
  Container<core::Field<std::string>> issues;   // `issue` rows
  core::Field<std::string> target_workforce;
  Container<Objective> raising_awareness;
  Container<Objective> training_and_education;
  ImplementationTeam implementation_team;
  Container<Means> worker_representation;
  Container<core::Field<std::string>> work_plan;  // `item` rows
  Container<Criterion> criteria_addressed;
  core::Field<core::Date> signing_date;  // a draft has none
  // FORMAT-REQUIRED except for OSHA Ambassador documents.
  core::Field<std::int64_t> term_years;
  core::Field<std::int64_t> termination_notice_days;  // absent: 30
  History history;
  Vetting vetting;
  // `clearance` rows: `national-sol`, `regional-sol`, `dcsp`, `oas`, `oia`, `ilab`,
  // `state-department`, `dep-ofap`. Absent means no clearance is recorded.
  Container<core::Field<std::string>> clearances;
  PointOfContact point_of_contact;
  core::Field<std::string> alliance_webpage;
};

}  // namespace pipeline::model
