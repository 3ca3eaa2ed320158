#include "pipeline/render/compliance_summary.hpp"

#include "pipeline/render/layout.hpp"
#include "pipeline/text/format.hpp"

namespace pipeline::render {

namespace {

std::string counted(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

struct Counts {
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t infos = 0;
};

Counts count_findings(const std::vector<core::Finding>& findings) {
  Counts counts;
  for (const auto& f : findings) {
    if (f.severity == core::Severity::Error) ++counts.errors;
    if (f.severity == core::Severity::Warning) ++counts.warnings;
    if (f.severity == core::Severity::Info) ++counts.infos;
  }
  return counts;
}

void status_banner(Document& doc, const ComplianceSummary& summary, const Counts& counts) {
  switch (summary.status) {
    case SummaryStatus::Accepted: {
      std::string text = "ACCEPTED — no error findings";
      if (counts.warnings + counts.infos > 0)
        text += "; " + counted(counts.warnings, "warning", "warnings") + ", " +
                counted(counts.infos, "information finding", "information findings");
      doc.banner(text, Tone::Success);
      return;
    }
    case SummaryStatus::Rejected:
      doc.banner("REJECTED — " + counted(counts.errors, "error", "errors") + ", " +
                     counted(counts.warnings, "warning", "warnings") + ", " +
                     counted(counts.infos, "information finding", "information findings"),
                 Tone::Error);
      return;
    case SummaryStatus::Unreadable:
      doc.banner("UNREADABLE — the submission could not be read; see the finding below",
                 Tone::Error);
      return;
  }
}

void findings_table(Document& doc, const std::vector<core::Finding>& findings,
                    core::Severity severity, const char* title) {
  std::vector<std::vector<Cell>> rows;
  for (const auto& f : findings) {
    if (f.severity != severity) continue;
    // The rule ID heads the finding on a line of its own, so long IDs never break at hyphens.
    rows.push_back({Cell({bold(f.rule + "\n"), regular(f.message)}, f.location), Cell(f.citation)});
  }
  if (rows.empty()) return;
  doc.heading(std::string(title) + " (" + std::to_string(rows.size()) + ")", 3);
  doc.table({{"Rule and finding", 4.3}, {"Citation", 1.9}}, rows);
}

}  // namespace

std::string render_compliance_summary(const ComplianceSummary& summary,
                                      const RenderOptions& options) {
  const std::string form = summary.form.empty() ? "unknown form" : summary.form;
  DocumentInfo info;
  info.kind = "compliance-summary";
  info.title = "Compliance Summary — " + form;
  info.author = summary.agency.empty() ? "formpipe" : summary.agency;
  info.subject = "Compliance review of " + (summary.source.empty() ? form : summary.source);
  info.keywords = form + (summary.profile.empty() ? "" : ", " + summary.profile);
  info.footer = "Compliance summary" +
                (summary.submission_id.empty() ? "" : " · submission " + summary.submission_id);
  info.letterhead = Letterhead{summary.agency.empty() ? "Form Review" : summary.agency,
                               {"Compliance review of a submitted form"},
                               {"Reviewed " + text::long_date(options.creation_date)}};
  Document doc(info, options);

  doc.heading("Compliance Summary");
  ParagraphStyle subtitle;
  subtitle.muted = true;
  subtitle.space_after = 10;
  doc.paragraph(form + (summary.profile.empty() ? "" : " · program profile " + summary.profile),
                subtitle);

  doc.heading("Submission", 2);
  std::vector<std::pair<std::string, std::string>> facts;
  if (!summary.source.empty()) facts.emplace_back("Received as", summary.source);
  if (!summary.submission_id.empty()) facts.emplace_back("Submission ID", summary.submission_id);
  facts.emplace_back("Form", form);
  if (!summary.profile.empty()) facts.emplace_back("Program profile", summary.profile);
  facts.insert(facts.end(), summary.facts.begin(), summary.facts.end());
  doc.key_values(facts);

  const Counts counts = count_findings(summary.findings);
  status_banner(doc, summary, counts);

  doc.heading("Findings", 2);
  if (summary.findings.empty()) {
    doc.paragraph("No findings: the submission meets every rule checked.");
  } else {
    findings_table(doc, summary.findings, core::Severity::Error, "Errors");
    findings_table(doc, summary.findings, core::Severity::Warning, "Warnings");
    findings_table(doc, summary.findings, core::Severity::Info, "Information");
  }

  doc.heading("Figures", 2);
  if (summary.figures.empty()) {
    doc.paragraph("No figures were computed for this submission.");
  } else {
    std::vector<std::vector<Cell>> rows;
    rows.reserve(summary.figures.size());
    for (const auto& [name, value] : summary.figures) rows.push_back({Cell(name), Cell(value)});
    doc.table({{"Figure", 3}, {"Value", 2, Align::Right}}, rows);
  }
  return doc.finish();
}

}  // namespace pipeline::render
