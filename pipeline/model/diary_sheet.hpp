#pragma once
//! The DiarySheet model (formats.md §4): MIOSHA App A diary sheet, OSHA national biannual data
//! report or an activity log. Filled in by ingest only; read-only afterwards.
//!
//! Root attributes: `alliance_type` is the word as written, with `affiliate` read as
//! `affiliative` (raw keeps "affiliate"); `level` is the word as written. Ingest reports neither:
//! ALLIANCE-TYPE and ALLIANCE-LEVEL judge them against the profile (absent, unknown word, or a
//! word the program does not have).

#include <string>

#include "pipeline/core/date.hpp"
#include "pipeline/core/field.hpp"
#include "pipeline/model/activity.hpp"
#include "pipeline/model/container.hpp"

namespace pipeline::model {

// `dates-of-contact/contact`.
struct Contact {
  core::Location location;
  core::Field<core::Date> date_of_contact;  // FORMAT-REQUIRED
  core::Field<std::string> description;
};

struct DiarySheet {
  core::Location location;  // "alliance-diary-sheet"
  core::Field<std::string> alliance_type;
  core::Field<std::string> level;
  Period reporting_period;  // FORMAT-REQUIRED
  core::Field<std::string> alliance_name;
  // The App A header: absence is DIARY-HEADER (miosha) or DIARY-HEADER-OTHER; a mistyped value
  // (zip, telephone, e-mail, date) is FORMAT-TYPE, reported by ingest, and Rejected.
  core::Field<std::string> name_of_organization;
  core::Field<std::string> address;
  core::Field<std::string> city;
  core::Field<std::string> state;  // USPS code; Michigan when absent for miosha
  core::Field<std::string> zip_code;
  core::Field<std::string> contact_person;
  core::Field<std::string> title;
  core::Field<std::string> telephone_number;
  core::Field<std::string> email;
  core::Field<std::string> liaison;
  core::Field<core::Date> date_submitted;
  Container<Activity> activities;
  Container<Contact> dates_of_contact;
};

}  // namespace pipeline::model
