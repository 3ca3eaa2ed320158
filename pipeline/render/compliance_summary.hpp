#pragma once
//! The reviewer's compliance summary of one submission (compliance-summary.pdf): the submission
//! facts, a status banner, every finding grouped by severity with its rule ID, message, citation
//! and location, then the computed figures.

#include <string>
#include <utility>
#include <vector>

#include "pipeline/core/finding.hpp"
#include "pipeline/render/options.hpp"

namespace pipeline::render {

enum class SummaryStatus { Accepted, Rejected, Unreadable };

struct ComplianceSummary {
  std::string form;     // root element, "cet-grant-proposal"; empty when unknown
  std::string profile;  // "miosha"; empty when unknown
  SummaryStatus status = SummaryStatus::Unreadable;
  std::string submission_id;  // the report id, shown in the facts and every footer
  std::string source;         // file or folder name as received
  std::string agency;         // letterhead; empty: a neutral "Form Review" letterhead
  // Facts about the submission in display order ("Organization", "Program year", ...).
  std::vector<std::pair<std::string, std::string>> facts;
  std::vector<core::Finding> findings;                       // in the order the rules found them
  std::vector<std::pair<std::string, std::string>> figures;  // name -> value, in rules.md order
};

// The summary as PDF bytes. Throws RenderError (HarfBuzz) or core::IoError (fonts missing).
std::string render_compliance_summary(const ComplianceSummary& summary,
                                      const RenderOptions& options);

}  // namespace pipeline::render
