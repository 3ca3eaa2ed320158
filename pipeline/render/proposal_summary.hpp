#pragma once
//! The CET grant proposal summary (proposal-summary.pdf) a reviewer reads: the signature sheet,
//! Tables A–D of CET RFP FY2004-05 App D as tables with their totals, then every budget limit
//! (§I-3, §I-6, App C) with its amount, its share and the limit, and the training totals. Totals,
//! amounts and shares are the rules' figures (rules.md GRANT-BUDGET-TOTALS, TABLEA-TOTALS,
//! PERF-OBJECTIVES, ...), so the summary and the report never disagree; the limits are the
//! program's parameters for the fiscal year.

#include <string>

#include "pipeline/model/grant_figures.hpp"
#include "pipeline/model/grant_parameters.hpp"
#include "pipeline/model/grant_proposal.hpp"
#include "pipeline/render/options.hpp"

namespace pipeline::render {

// The summary as PDF bytes, with the figures the grant rules computed (rules::Outcome::grant); a
// figure they did not compute prints as a blank ("—").
// Throws RenderError (HarfBuzz) or core::IoError (fonts missing).
std::string render_proposal_summary(const model::GrantProposal& proposal,
                                    const model::GrantFigures& figures,
                                    const RenderOptions& options,
                                    const model::GrantParameters& parameters = {});

}  // namespace pipeline::render
