#pragma once
//! The filled annual alliance report (annual-report.pdf) in the sections of MIOSHA-ADM-03-3R6
//! App B: I. Alliance Background, II. Implementation Team Meetings, III. Events and Products,
//! V. Upcoming Milestones (App B has no section IV). For programs whose reports "must include"
//! more (IOSH IACSP 04-01-002 §V.E, Cal/OSHA Alliance P&P (2019) §A.5) it adds the goals and
//! objectives, the measures of reach and impact and the work plan for the reporting year; a
//! report that gives them prints them for any program.

#include <string>

#include "pipeline/model/alliance_profile.hpp"
#include "pipeline/model/annual_report.hpp"
#include "pipeline/render/options.hpp"

namespace pipeline::render {

// The report as PDF bytes. Throws RenderError (HarfBuzz) or core::IoError (fonts missing).
std::string render_annual_report(const model::AnnualReport& report,
                                 const model::AllianceProfile& profile,
                                 const RenderOptions& options);

}  // namespace pipeline::render
