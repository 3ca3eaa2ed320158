#pragma once
//! The GrantProposal model (formats.md). Filled in by ingest only; read-only afterwards.

namespace pipeline::model {

struct GrantProposal {};

}  // namespace pipeline::model
