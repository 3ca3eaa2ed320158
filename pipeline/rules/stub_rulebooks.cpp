// Placeholder rulebooks, removed one by one as each form kind's rulebook is written.
#include "pipeline/rules/rulebooks.hpp"

namespace pipeline::rules {

void check_diary_sheet(const model::DiarySheet&, const Context&, core::Outcome&) {}
void check_annual_report(const model::AnnualReport&, const Context&, core::Outcome&) {}
void check_alliance_agreement(const model::AllianceAgreement&, const Context&, core::Outcome&) {}
void check_declination_letter(const model::DeclinationLetter&, const Context&, core::Outcome&) {}
void check_expiration_termination_letter(const model::ExpirationTerminationLetter&, const Context&,
                                         core::Outcome&) {}

}  // namespace pipeline::rules
