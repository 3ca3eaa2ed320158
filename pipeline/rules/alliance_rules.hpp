#pragma once
//! The ALLIANCE family (rules.md §4.10), shared by every alliance form's rulebook (internal to
//! rules/): the alliance type and the OSHA level, judged against the program profile.

#include <optional>
#include <string>

#include "pipeline/core/field.hpp"
#include "pipeline/core/finding.hpp"
#include "pipeline/model/alliance_profile.hpp"

namespace pipeline::rules {

// ALLIANCE-TYPE: the root's `alliance-type` (after the `affiliate` synonym) is one the program
// allows; absent is an error where the program requires it, else its default.
void check_alliance_type(const model::AllianceProfile& profile,
                         const core::Field<std::string>& alliance_type, core::Outcome& outcome);
// ALLIANCE-LEVEL: the root's `level` is one the program allows (OSHA); ignored for programs
// without levels.
void check_alliance_level(const model::AllianceProfile& profile,
                          const core::Field<std::string>& level, core::Outcome& outcome);

// The alliance type the other rules go on with: the word when the program allows it, the
// program's default when absent and not required; nullopt when ALLIANCE-TYPE fails (the type is
// then unknown and no rule conditioned on it runs).
std::optional<std::string> known_alliance_type(const model::AllianceProfile& profile,
                                               const core::Field<std::string>& alliance_type);
// The level the other rules go on with; nullopt when it is unknown or the program has no levels.
std::optional<std::string> known_level(const model::AllianceProfile& profile,
                                       const core::Field<std::string>& level);

}  // namespace pipeline::rules
