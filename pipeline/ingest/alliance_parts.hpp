#pragma once
//! Reading pieces the alliance forms share: the root's alliance-type and level, the activity row
//! of diary sheets and annual reports, period elements, containers and text rows. Internal to
//! ingest.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "pipeline/core/finding.hpp"
#include "pipeline/ingest/reader.hpp"
#include "pipeline/model/activity.hpp"
#include "pipeline/model/container.hpp"

namespace pipeline::ingest {

// formats.md §2.1 names this rule for a number-reached that is not a number.
inline constexpr core::RuleRef kActivityNumberReached{
    "ACTIVITY-NUMBER-REACHED", core::Severity::Error,
    "MIOSHA-ADM-03-3R6 App A and App B ('Number Reached (Numeric Value)'); OSHA CSP 04-01-003 "
    "§VIII.G.4"};

// `alliance-type` as written, `affiliate` read as `affiliative` (raw keeps the word written).
// Never reported here: ALLIANCE-TYPE judges it against the profile.
core::Field<std::string> read_alliance_type(pugi::xml_node root, Reader& reader);

// Digits, or digits grouped in threes by commas ("1,200", "1,250,000").
std::optional<std::int64_t> parse_number_reached(std::string_view text);

// A `reporting-period` / `evaluation-period` element; its start and end are FORMAT-REQUIRED when
// it is there.
model::Period read_period(pugi::xml_node parent, const char* name, Need need, Reader& reader);

// An `activity` row (formats.md §4).
model::Activity read_activity(pugi::xml_node row, Reader& reader);

// A container element (present even when empty) and its location; `node` is null when absent.
template <class Row>
model::Container<Row> container_at(pugi::xml_node parent, pugi::xml_node node, const char* name,
                                   const Reader& reader) {
  model::Container<Row> out;
  out.present = static_cast<bool>(node);
  out.location = node ? reader.path(node) : reader.child_path(parent, name);
  return out;
}

// A container of rows whose text is their value (`hazard`, `item`, `milestone`, ...); blank rows
// are not entries (Reader::value_rows).
model::Container<core::Field<std::string>> read_text_rows(pugi::xml_node parent, const char* name,
                                                          const char* row, Reader& reader);

}  // namespace pipeline::ingest
