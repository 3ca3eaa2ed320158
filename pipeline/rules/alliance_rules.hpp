#pragma once
//! The ALLIANCE family (rules.md §4.10), shared by every alliance form's rulebook (internal to
//! rules/): the alliance type and the OSHA level, judged against the program profile; and the
//! small pieces those rulebooks' messages share.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/field.hpp"
#include "pipeline/core/finding.hpp"
#include "pipeline/model/alliance_profile.hpp"
#include "pipeline/rules/rules.hpp"

namespace pipeline::rules {

// The program profile the rulebook of `kind` ("alliance-diary-sheet") needs; throws core::Error
// when the context has none.
const model::AllianceProfile& alliance_profile_of(const Context& context, std::string_view kind);

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

// The program as messages name it: its agency's short name ("MIOSHA"), else the profile name.
std::string program_name(const model::AllianceProfile& profile);

// Whether `word` is one of the profile's `words`.
bool contains(const std::vector<std::string>& words, std::string_view word);

// A profile word as a message starts it: "ambassador" -> "Ambassador".
std::string capitalized(std::string word);

// "a, b or c": the words separated by ", ", the last one by `last_separator`.
std::string joined(const std::vector<std::string>& words, std::string_view last_separator);

}  // namespace pipeline::rules
