#include "pipeline/rules/grant_families.hpp"

namespace pipeline::rules {

void check_grant(const model::GrantProposal&, const Context&, core::Outcome&) {}

}  // namespace pipeline::rules
