// Placeholder TABLEA, TABLEB and CHANGE families until grant_table_a_rules.cpp,
// grant_table_b_rules.cpp and grant_change_rules.cpp replace them; delete this file then.
#include "pipeline/rules/grant_families.hpp"

namespace pipeline::rules {

void check_table_a(const model::GrantProposal&, const Context&, core::Outcome&) {}
void check_table_b(const model::GrantProposal&, const Context&, core::Outcome&) {}
void check_changes(const model::GrantProposal&, const Context&, core::Outcome&) {}

}  // namespace pipeline::rules
