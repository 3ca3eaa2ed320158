// Placeholder rulebooks, removed one by one as each form kind's rulebook is written.
#include "pipeline/rules/alliance_rules.hpp"
#include "pipeline/rules/rulebooks.hpp"

namespace pipeline::rules {

void check_diary_sheet(const model::DiarySheet&, const Context&, core::Outcome&) {}
void check_annual_report(const model::AnnualReport&, const Context&, core::Outcome&) {}
// ALLIANCE-TYPE and ALLIANCE-LEVEL, until alliance_rules.cpp lands.
void check_alliance_type(const model::AllianceProfile&, const core::Field<std::string>&,
                         core::Outcome&) {}
void check_alliance_level(const model::AllianceProfile&, const core::Field<std::string>&,
                          core::Outcome&) {}

}  // namespace pipeline::rules
