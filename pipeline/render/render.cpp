#include "pipeline/render/render.hpp"

#include <type_traits>
#include <variant>

#include "pipeline/core/error.hpp"
#include "pipeline/render/agreement.hpp"
#include "pipeline/render/annual_report_document.hpp"
#include "pipeline/render/diary_sheet_document.hpp"
#include "pipeline/render/letters.hpp"
#include "pipeline/render/proposal_summary.hpp"

namespace pipeline::render {

std::string render_form(const model::Submission& submission, const FormContext& context,
                        const RenderOptions& options) {
  return std::visit(
      [&](const auto& form) -> std::string {
        using Form = std::decay_t<decltype(form)>;
        if constexpr (std::is_same_v<Form, model::SignedDocument>) {
          throw core::Error("render: a signed copy is kept as it came; it has no document");
        } else if constexpr (std::is_same_v<Form, model::GrantProposal>) {
          if (!context.grant || !context.figures)
            throw core::Error("render: a grant proposal needs the grant parameters and figures");
          return render_proposal_summary(form, *context.figures, options, *context.grant);
        } else {
          if (!context.alliance)
            throw core::Error("render: " + submission.kind + " needs its program's profile");
          const model::AllianceProfile& profile = *context.alliance;
          if constexpr (std::is_same_v<Form, model::DiarySheet>)
            return render_diary_sheet(form, profile, options);
          else if constexpr (std::is_same_v<Form, model::AnnualReport>)
            return render_annual_report(form, profile, options);
          else if constexpr (std::is_same_v<Form, model::AllianceAgreement>)
            return render_agreement(form, profile, options);
          else if constexpr (std::is_same_v<Form, model::DeclinationLetter>)
            return render_declination_letter(form, profile, options);
          else
            return render_expiration_termination_letter(form, profile, options);
        }
      },
      submission.form);
}

}  // namespace pipeline::render
