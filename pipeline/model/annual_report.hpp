#pragma once
//! The AnnualReport model (formats.md §5, MIOSHA-ADM-03-3R6 App B; IOSH §V.E; Cal/OSHA §A.5).
//! Filled in by ingest only; read-only afterwards. Root attributes as for DiarySheet: the words
//! as written (`affiliate` read as `affiliative`), judged by ALLIANCE-TYPE / ALLIANCE-LEVEL.
//! Absent sections and fields are left to ANNUAL-SECTIONS(-STATE, -ADVISORY) and
//! ANNUAL-STATE-CONTENT; ingest reports only FORMAT-* problems.

#include <string>

#include "pipeline/core/date.hpp"
#include "pipeline/core/field.hpp"
#include "pipeline/model/activity.hpp"
#include "pipeline/model/container.hpp"

namespace pipeline::model {

// `implementation-team-members/member`, `contributors/member`.
struct TeamMember {
  core::Location location;
  core::Field<std::string> name;          // FORMAT-REQUIRED
  core::Field<std::string> organization;  // FORMAT-REQUIRED
};

// `implementation-team-meetings/meeting`.
struct Meeting {
  core::Location location;       // the row's path
  core::Field<core::Date> date;  // FORMAT-REQUIRED
  // The `<location>` element (where the meeting was held); named so because `location` is the
  // row's path in every model row.
  core::Field<std::string> location_name;  // FORMAT-REQUIRED
  // `in-person` | `conference-call` | `video-conference` (FORMAT-TYPE otherwise).
  core::Field<std::string> type;  // FORMAT-REQUIRED
};

// App B I. Alliance Background.
struct AllianceBackground {
  bool present = false;
  core::Location location;
  core::Field<std::string> alliance_name;
  core::Field<core::Date> initial_date_signed;
  core::Field<core::Date> date_renewed;
  core::Field<std::string> overview;
  Container<TeamMember> implementation_team_members;
  Container<TeamMember> contributors;
  Period evaluation_period;
};

// `prepared-by`: the name as text and its `role` attribute (FORMAT-REQUIRED when prepared-by is
// there): `liaison` | `member` | `coordinator` | `mcps` (FORMAT-TYPE otherwise).
struct PreparedBy {
  bool present = false;
  core::Location location;
  core::Field<std::string> name;
  core::Field<std::string> role;
};

struct AnnualReport {
  core::Location location;  // "alliance-annual-report"
  core::Field<std::string> alliance_type;
  core::Field<std::string> level;
  core::Field<core::Date> report_date;
  AllianceBackground alliance_background;
  Container<Meeting> implementation_team_meetings;
  Container<Activity> events_and_products;
  Container<core::Field<std::string>> upcoming_milestones;  // `milestone` rows
  PreparedBy prepared_by;
  core::Field<std::string> goals_and_objectives;
  core::Field<std::string> measures_of_reach_and_impact;
  Container<core::Field<std::string>> work_plan;  // `item` rows
};

}  // namespace pipeline::model
