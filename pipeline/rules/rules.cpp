#include "pipeline/rules/rules.hpp"

#include <type_traits>

#include "pipeline/rules/rulebooks.hpp"

namespace pipeline::rules {

void check(const model::Submission& submission, const Context& context, Outcome& outcome) {
  std::visit(
      [&](const auto& form) {
        using T = std::decay_t<decltype(form)>;
        if constexpr (std::is_same_v<T, model::GrantProposal>) {
          check_grant_proposal(form, context, outcome);
        } else if constexpr (std::is_same_v<T, model::DiarySheet>) {
          check_diary_sheet(form, context, outcome);
        } else if constexpr (std::is_same_v<T, model::AnnualReport>) {
          check_annual_report(form, context, outcome);
        } else if constexpr (std::is_same_v<T, model::AllianceAgreement>) {
          check_alliance_agreement(form, context, outcome);
        } else if constexpr (std::is_same_v<T, model::DeclinationLetter>) {
          check_declination_letter(form, context, outcome);
        } else if constexpr (std::is_same_v<T, model::ExpirationTerminationLetter>) {
          check_expiration_termination_letter(form, context, outcome);
        } else {
          check_signed_document(form, context, outcome);
        }
      },
      submission.form);
}

void check(const model::Submission& submission, const Context& context, core::Outcome& outcome) {
  Outcome checked;
  check(submission, context, checked);
  for (core::Finding& finding : checked.findings) outcome.findings.push_back(std::move(finding));
  for (auto& [key, value] : checked.figures.items()) outcome.figures.set(key, value);
}

}  // namespace pipeline::rules
