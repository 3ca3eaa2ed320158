#pragma once
//! CET grant program parameters for one fiscal year (rules.md §3), read from forms/cet-grant.json.

namespace pipeline::model {

struct GrantParameters {};

}  // namespace pipeline::model
