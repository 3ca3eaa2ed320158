#pragma once
//! Letter requests (formats.md §7): the data for a Letter of Alliance Declination
//! (MIOSHA-ADM-03-3R6 App C) and a Letter of Alliance Expiration/Termination (App E). Fields
//! marked LETTER-FIELDS are left Absent for that rule; ingest reports only FORMAT-* problems and
//! an unknown termination-reason code (LETTER-TERMINATION-REASON).

#include <cstdint>
#include <string>
#include <vector>

#include "pipeline/core/date.hpp"
#include "pipeline/core/field.hpp"

namespace pipeline::model {

// formats.md §7.3: every field but `courtesy_title` is LETTER-FIELDS'.
struct Addressee {
  bool present = false;
  core::Location location;
  core::Field<std::string> courtesy_title;  // "Ms.", "Mr.", "Dr."
  core::Field<std::string> name;
  core::Field<std::string> title;
  core::Field<std::string> organization_name;
  core::Field<std::string> address;
  core::Field<std::string> city;
  core::Field<std::string> state;     // USPS code (FORMAT-TYPE)
  core::Field<std::string> zip_code;  // FORMAT-TYPE
};

// `reason` of a declination.
struct DeclineReason {
  core::Location location;
  // `agency-resources` | `program-priorities` | `similar-alliance` | `other` (FORMAT-REQUIRED,
  // FORMAT-TYPE).
  core::Field<std::string> code;
  core::Field<std::string> text;  // FORMAT-REQUIRED for `other`
};

struct DeclinationLetter {
  core::Location location;  // "declination-letter"
  core::Field<core::Date> letter_date;
  Addressee addressee;
  core::Field<core::Date> request_received_date;
  core::Field<std::string> requesting_organization;  // absent: the addressee's organization
  std::vector<DeclineReason> reasons;                // none: LETTER-FIELDS
  core::Field<std::string> reference_initials;       // absent: "XX/xxx" for the typist
};

// Root attribute `ending` (FORMAT-REQUIRED, FORMAT-TYPE).
enum class LetterEnding { Expiration, Termination };
// `terminated-by`; absent means Miosha.
enum class TerminatedBy { Miosha, Member };

struct TerminationReason {
  bool present = false;
  core::Location location;
  // `failure-to-fulfill` | `insufficient-resources` | `strategic-change` | `other`. An unknown or
  // missing code is Rejected, already reported by ingest as LETTER-TERMINATION-REASON; a missing
  // element (present false) is that rule's to report for a termination.
  core::Field<std::string> code;
  core::Field<std::string> text;  // the reason as written; FORMAT-REQUIRED for `other`
};

struct ExpirationTerminationLetter {
  core::Location location;  // "expiration-termination-letter"
  core::Field<LetterEnding> ending;
  core::Field<core::Date> letter_date;
  Addressee addressee;
  core::Field<core::Date> agreement_signed_date;
  core::Field<core::Date> expiration_date;
  core::Field<std::int64_t> term_years;
  TerminationReason termination_reason;
  core::Field<TerminatedBy> terminated_by;
  core::Field<core::Date> effective_date;
  core::Field<std::string> reference_initials;
};

}  // namespace pipeline::model
