#pragma once
//! The rulebook of each form kind (internal to rules/). Each runs its families in catalogue order.

#include "pipeline/rules/rules.hpp"

namespace pipeline::rules {

void check_grant_proposal(const model::GrantProposal& proposal, const Context& context,
                          core::Outcome& outcome);
void check_diary_sheet(const model::DiarySheet& sheet, const Context& context,
                       core::Outcome& outcome);
void check_annual_report(const model::AnnualReport& report, const Context& context,
                         core::Outcome& outcome);
void check_alliance_agreement(const model::AllianceAgreement& agreement, const Context& context,
                              core::Outcome& outcome);
void check_declination_letter(const model::DeclinationLetter& letter, const Context& context,
                              core::Outcome& outcome);
void check_expiration_termination_letter(const model::ExpirationTerminationLetter& letter,
                                         const Context& context, core::Outcome& outcome);

}  // namespace pipeline::rules
