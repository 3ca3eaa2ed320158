#pragma once
//! Alliance program profiles as data: forms/<profile>.json holds every parameter of rules.md §3
//! for one program (miosha, osha, iowa, calosha), with the citation of each group, so a fifth
//! program or a changed term is an edit of a JSON file, not of the code.

#include <filesystem>
#include <string_view>

#include "pipeline/model/alliance_profile.hpp"

namespace pipeline::ingest {

// Reads forms_dir/<profile>.json. Throws core::Error naming the file (and the key) when the file
// is missing, is not JSON, lacks a required key, holds a key it should not, or a value of the
// wrong kind.
model::AllianceProfile load_alliance_profile(const std::filesystem::path& forms_dir,
                                             std::string_view profile);

}  // namespace pipeline::ingest
