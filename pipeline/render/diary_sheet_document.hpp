#pragma once
//! The filled diary sheet (diary-sheet.pdf): MIOSHA-ADM-03-3R6 App A "Alliance Diary Sheet" — the
//! header block (organization, address, contact, liaison, date submitted), the activity table
//! (Date | Event or Product Type | Description/Comments | Emphasis | Number Reached) with its
//! total, and the dates of contact. The same data carries OSHA's Biannual Alliance Data
//! Reporting Form for national alliances (OSHA CSP 04-01-003 §II.H, §IX.F.1) and an activity log
//! for the other programs; the profile says which, and names the agency's liaison.

#include <string>

#include "pipeline/model/alliance_profile.hpp"
#include "pipeline/model/diary_sheet.hpp"
#include "pipeline/render/options.hpp"

namespace pipeline::render {

// The filled form as PDF bytes. Throws RenderError (HarfBuzz) or core::IoError (fonts missing).
std::string render_diary_sheet(const model::DiarySheet& sheet,
                               const model::AllianceProfile& profile, const RenderOptions& options);

}  // namespace pipeline::render
