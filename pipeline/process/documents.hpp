#pragma once
//! What each submission renders: the compliance summary for every readable submission, and for
//! an accepted one the document its form asks for (cli.md "What processing a submission
//! produces"), plus the facts a reviewer sees first.

#include <string>
#include <utility>
#include <vector>

#include "pipeline/model/form.hpp"
#include "pipeline/process/process.hpp"

namespace pipeline::process {

// "Organization", "Period", ... in display order, for the report and the compliance summary.
std::vector<std::pair<std::string, std::string>> facts_of(const model::Submission& submission);

// Renders into `processed.documents` and lists them in the report. `submission` is null for an
// unreadable input (it still gets a compliance summary).
void render_documents(const model::Submission* submission, Processed& processed);

}  // namespace pipeline::process
