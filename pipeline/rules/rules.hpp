#pragma once
//! Rules: a Submission -> findings and figures. Pure functions: no I/O, no clock (`as_of` is the
//! only "today"), parameters from the program profile. One rulebook per form kind; each rule is a
//! small function named for what it requires, with its RuleRef (ID, severity, citation) beside it,
//! so one grep for a rule ID finds its code and its tests.

#include "pipeline/core/date.hpp"
#include "pipeline/core/finding.hpp"
#include "pipeline/model/alliance_profile.hpp"
#include "pipeline/model/form.hpp"
#include "pipeline/model/grant_figures.hpp"
#include "pipeline/model/grant_parameters.hpp"

namespace pipeline::rules {

struct Context {
  core::Date as_of;                                  // --as-of, or the real date
  const model::GrantParameters* grant = nullptr;     // for cet-grant-proposal
  const model::AllianceProfile* alliance = nullptr;  // for alliance forms and letters
};

// Everything the rules say about one submission: its findings and the report's figures, and for a
// grant proposal the same figures typed (what the proposal summary prints).
struct Outcome : core::Outcome {
  model::GrantFigures grant;
};

// Runs every rule of the submission's form kind; appends to `outcome`.
void check(const model::Submission& submission, const Context& context, Outcome& outcome);
// The same for a caller that needs only the findings and the report's figures.
void check(const model::Submission& submission, const Context& context, core::Outcome& outcome);

}  // namespace pipeline::rules
