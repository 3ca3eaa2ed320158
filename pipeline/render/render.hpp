#pragma once
//! render's entry point for the document a submission asks for: the agreement, letter, filled
//! diary sheet, annual report or proposal summary of an accepted form. Everything it renders with
//! is handed in (the program's parameters here, fonts and templates in RenderOptions).

#include <string>

#include "pipeline/core/finding.hpp"
#include "pipeline/model/alliance_profile.hpp"
#include "pipeline/model/form.hpp"
#include "pipeline/model/grant_figures.hpp"
#include "pipeline/model/grant_parameters.hpp"
#include "pipeline/render/options.hpp"

namespace pipeline::render {

// What a form's document is rendered with besides the form itself.
struct FormContext {
  const model::AllianceProfile* alliance = nullptr;  // alliance forms and letters: required
  const model::GrantParameters* grant = nullptr;     // grant proposals: required
  const model::GrantFigures* figures = nullptr;      // grant proposals: the rules' figures
};

// The document of `submission`'s form as PDF bytes. Throws core::Error when the context lacks
// what the form needs, TemplateError, RenderError or core::IoError.
std::string render_form(const model::Submission& submission, const FormContext& context,
                        const RenderOptions& options);

}  // namespace pipeline::render
