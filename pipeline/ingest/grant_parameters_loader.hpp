#pragma once
//! CET grant parameters as data: forms/cet-grant.json holds every number of rules.md §3's CET
//! table for one fiscal year, so another year's rates are an edit of the file, not of the code.
//! Amounts are JSON strings in the formats.md §2.1 forms ("85000.00", "0.375", "7.65"), never
//! JSON numbers, so no value passes through floating point.

#include <filesystem>

#include "pipeline/model/grant_parameters.hpp"

namespace pipeline::ingest {

// Reads forms_dir/cet-grant.json. Throws core::Error naming the file and the key when the file
// is missing, is not JSON, lacks a key, holds an unknown key or a value of the wrong form.
model::GrantParameters load_grant_parameters(const std::filesystem::path& forms_dir);

}  // namespace pipeline::ingest
