#pragma once
//! MIOSHA's letters as PDF, in the wording of templates/declination-letter.xml (Letter of
//! Alliance Declination, MIOSHA-ADM-03-3R6 App C, §XIV.H) and
//! templates/expiration-termination-letter.xml (Letter of Alliance Expiration/Termination,
//! App E, §XVII.A, §XVIII). The sender's division, telephone, signer and copies come from the
//! profile's letter settings.

#include <string>

#include "pipeline/model/alliance_profile.hpp"
#include "pipeline/model/letters.hpp"
#include "pipeline/render/options.hpp"

namespace pipeline::render {

// The declination letter as PDF bytes. Throws TemplateError when the template is missing or
// malformed, RenderError (HarfBuzz) or core::IoError (fonts missing).
std::string render_declination_letter(const model::DeclinationLetter& letter,
                                      const model::AllianceProfile& profile,
                                      const RenderOptions& options);

// The expiration or termination letter as PDF bytes; throws as render_declination_letter.
std::string render_expiration_termination_letter(const model::ExpirationTerminationLetter& letter,
                                                 const model::AllianceProfile& profile,
                                                 const RenderOptions& options);

}  // namespace pipeline::render
