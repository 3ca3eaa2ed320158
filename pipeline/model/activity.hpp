#pragma once
//! Parts shared by the alliance reports: the activity row (diary sheets' `activities/activity`,
//! annual reports' `events-and-products/activity`, formats.md §4) and the period elements
//! (`reporting-period`, `evaluation-period`).

#include <cstdint>
#include <string>

#include "pipeline/core/date.hpp"
#include "pipeline/core/field.hpp"

namespace pipeline::model {

// formats.md §4 `activity`.
struct Activity {
  core::Location location;       // the row's path, e.g. ".../activities/activity[2]"
  core::Field<core::Date> date;  // FORMAT-REQUIRED / FORMAT-TYPE are ingest's
  // Kept as written, whatever the word: ACTIVITY-TYPE (a warning) judges it against the
  // vocabulary of formats.md §2.2; ingest reports nothing for it.
  core::Field<std::string> event_or_product_type;
  core::Field<std::string> description_comments;  // absence: ACTIVITY-DESCRIPTION
  core::Field<std::string> emphasis;              // absence: ACTIVITY-EMPHASIS (miosha)
  // "1,200" reads as 1200. Anything else that is not a number is Rejected and already reported
  // by ingest as ACTIVITY-NUMBER-REACHED; Absent is ACTIVITY-NUMBER-REACHED-MISSING's.
  core::Field<std::int64_t> number_reached;
};

// An empty element with `start` and `end` attributes (both FORMAT-REQUIRED when the element is
// there). FORMAT-PERIOD (start after end) is a rule's.
struct Period {
  bool present = false;
  core::Location location;  // the element's path
  core::Field<core::Date> start;
  core::Field<core::Date> end;
};

}  // namespace pipeline::model
