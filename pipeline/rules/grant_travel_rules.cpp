#include "pipeline/rules/grant_families.hpp"

namespace pipeline::rules {

void check_travel(const model::GrantProposal&, const Context&, core::Outcome&) {}

}  // namespace pipeline::rules
