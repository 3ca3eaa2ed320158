#pragma once
//! The rule families of the CET grant proposal (rules.md §4.2–§4.9), internal to rules/. Each
//! appends its findings to `outcome` and its figures to `outcome.grant`; grant_rulebook.cpp runs
//! them in catalogue order. `context.grant` must be set (the cet-grant parameters).

#include "pipeline/core/finding.hpp"
#include "pipeline/model/grant_proposal.hpp"
#include "pipeline/rules/rules.hpp"

namespace pipeline::rules {

// GRANT: budget limits, eligibility, completeness (§4.2).
void check_grant(const model::GrantProposal& proposal, const Context& context, Outcome& outcome);
// TABLEA: Summary of Training and Service Activities (§4.3).
void check_table_a(const model::GrantProposal& proposal, const Context& context, Outcome& outcome);
// TABLEB: Project Time-Flow of Activities (§4.4).
void check_table_b(const model::GrantProposal& proposal, const Context& context, Outcome& outcome);
// TABLEC: Summary of Estimated Expenditures (§4.5), the document's and the baseline's.
void check_table_c(const model::GrantProposal& proposal, const Context& context, Outcome& outcome);
// TABLED: Detailed Breakdown of Grant and Matching Expenditures (§4.6).
void check_table_d(const model::GrantProposal& proposal, const Context& context, Outcome& outcome);
// TRAVEL: state travel rates and out-of-state travel (§4.7).
void check_travel(const model::GrantProposal& proposal, const Context& context, Outcome& outcome);
// CHANGE: changes to an awarded grant, stage revision (§4.8).
void check_changes(const model::GrantProposal& proposal, const Context& context, Outcome& outcome);
// PERF: performance objectives and the §108 reduction (§4.9).
void check_performance(const model::GrantProposal& proposal, const Context& context,
                       Outcome& outcome);

}  // namespace pipeline::rules
