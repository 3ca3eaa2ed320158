#pragma once
//! One alliance program's parameters (rules.md §3), read from forms/<profile>.json.

namespace pipeline::model {

struct AllianceProfile {};

}  // namespace pipeline::model
