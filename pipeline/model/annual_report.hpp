#pragma once
//! The AnnualReport model (formats.md). Filled in by ingest only; read-only afterwards.

namespace pipeline::model {

struct AnnualReport {};

}  // namespace pipeline::model
