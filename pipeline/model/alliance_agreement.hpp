#pragma once
//! The AllianceAgreement model (formats.md). Filled in by ingest only; read-only afterwards.

namespace pipeline::model {

struct AllianceAgreement {};

}  // namespace pipeline::model
