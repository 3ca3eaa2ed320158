#pragma once
//! Alliance agreements as PDF: a new agreement, or a renewal agreement when the document's
//! `action` is renewal, in the wording of the program's template
//! (templates/agreement-<profile>.xml: MIOSHA-ADM-03-3R6 App D; OSHA CSP 04-01-003 §VI.B,
//! §VIII.G; IOSH IACSP 04-01-002 §V–§VI; Cal/OSHA Alliance P&P (2019) §A–§B). Agency signatories
//! come from the agreement, else from the profile's defaults (MIOSHA App D's block).

#include <string>

#include "pipeline/model/alliance_agreement.hpp"
#include "pipeline/model/alliance_profile.hpp"
#include "pipeline/render/options.hpp"

namespace pipeline::render {

// The agreement as PDF bytes. Throws TemplateError when the program's template is missing or
// malformed, RenderError (HarfBuzz) or core::IoError (fonts missing).
std::string render_agreement(const model::AllianceAgreement& agreement,
                             const model::AllianceProfile& profile, const RenderOptions& options);

}  // namespace pipeline::render
