#pragma once
//! The DiarySheet model (formats.md). Filled in by ingest only; read-only afterwards.

namespace pipeline::model {

struct DiarySheet {};

}  // namespace pipeline::model
