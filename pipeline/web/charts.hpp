#pragma once
//! Pictures of the desk, drawn as inline SVG (no script, no resource from elsewhere): a grant
//! proposal's Table C and an alliance's reporting periods. Every picture is role="img" with a
//! title stating its numbers, and its colours always come with words.

#include <string>
#include <utility>
#include <vector>

#include "pipeline/core/date.hpp"
#include "pipeline/inbox/due.hpp"

namespace pipeline::web {

// A grant proposal's Table C from its report figures: the grant amount of equipment,
// contractual and other against each cap (the line at its maximum: 50% and 20% of the grant),
// and the matching share against its minimum. "" when the figures are not a grant's.
std::string table_c_chart(const std::vector<std::pair<std::string, std::string>>& figures);

// An alliance's reporting periods of the year of `as_of` (else its last four), one box each,
// coloured and labelled received, rejected, overdue, due or upcoming.
std::string due_strip(const inbox::AllianceDue& alliance, core::Date as_of);

}  // namespace pipeline::web
