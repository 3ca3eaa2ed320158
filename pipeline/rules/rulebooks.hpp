#pragma once
//! The rulebook of each form kind (internal to rules/). Each runs its families in catalogue order.

#include <array>
#include <string_view>
#include <vector>

#include "pipeline/rules/rules.hpp"

namespace pipeline::rules {

// A row of a rulebook table: the rule IDs of rules.md §4 its check may raise (a second one for a
// rule that has a pair, e.g. AGREEMENT-WORKER-REP and AGREEMENT-WORKER-REP-OSHA), and the check.
template <class Subject>
struct RuleRow {
  std::array<std::string_view, 2> ids;
  void (*check)(const Subject&, core::Outcome&);
};

// The rule IDs of the GRANT family's rows (rules.md §4.2) and of the AGREEMENT rulebook's rows
// (§4.15), in the order they run.
std::vector<std::string_view> grant_rule_ids();
std::vector<std::string_view> agreement_rule_ids();
// The SIGNED rules' IDs (signing.md §4), in the order they run.
std::vector<std::string_view> signed_rule_ids();

// Fills outcome.grant and writes its figures to outcome.figures once every family has run.
void check_grant_proposal(const model::GrantProposal& proposal, const Context& context,
                          Outcome& outcome);
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
void check_signed_document(const model::SignedDocument& document, const Context& context,
                           core::Outcome& outcome);

}  // namespace pipeline::rules
