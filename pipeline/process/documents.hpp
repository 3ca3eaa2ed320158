#pragma once
//! What each submission renders: the compliance summary for every submission, readable or not,
//! and for an accepted one the document its form asks for (cli.md "What processing a submission
//! produces"), plus the facts a reviewer sees first.

#include <string>
#include <utility>
#include <vector>

#include "pipeline/model/form.hpp"
#include "pipeline/process/process.hpp"
#include "pipeline/process/records.hpp"

namespace pipeline::process {

// "Organization", "Alliance", "Reporting period", ... in display order, for the report and the
// compliance summary; taken from the submission's record, so they never disagree with it.
std::vector<std::pair<std::string, std::string>> facts_of(const model::Submission& submission,
                                                          const SubmissionRecord& record);

// The file name of the document an accepted submission of `kind` renders ("agreement.pdf", ...);
// empty for an unknown kind.
std::string document_name(std::string_view kind);

// Renders compliance-summary.pdf and, when `form_document`, an accepted submission's document
// into `processed.documents`, and lists their names in `processed.report.documents` (the summary
// first). `submission` is null for an unreadable input. The PDFs are dated `as_of`, so the same
// submission on the same day gives the same bytes. Throws core::Error when the environment
// lacks the submission's program or a template.
void render_documents(const model::Submission* submission, const Environment& env, core::Date as_of,
                      bool form_document, Processed& processed);

}  // namespace pipeline::process
