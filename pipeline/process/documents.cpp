#include "pipeline/process/documents.hpp"

#include <optional>

#include "pipeline/core/money.hpp"
#include "pipeline/render/compliance_summary.hpp"
#include "pipeline/render/render.hpp"
#include "pipeline/text/format.hpp"

namespace pipeline::process {

namespace {

using Facts = std::vector<std::pair<std::string, std::string>>;

// The reviewing office on the compliance summary's letterhead.
constexpr const char* kCetAgency = "MIOSHA Consultation Education and Training Division";

std::string date_text(const std::optional<core::Date>& date) {
  return date ? text::long_date(*date) : std::string();
}

// "partner" -> "Partner", "region-wide" -> "Region-wide".
std::string capitalized(std::string word) {
  if (!word.empty() && word[0] >= 'a' && word[0] <= 'z') word[0] = static_cast<char>(word[0] - 32);
  return word;
}

std::string period_label(std::string_view kind) {
  if (kind == "alliance-diary-sheet") return "Reporting period";
  if (kind == "alliance-annual-report") return "Evaluation period";
  return "Grant period";
}

std::string submitted_label(std::string_view kind) {
  if (kind == "alliance-diary-sheet") return "Date submitted";
  if (kind == "alliance-annual-report") return "Report date";
  if (kind == "cet-grant-proposal") return "Received";
  return "Letter date";
}

std::string duties_text(const std::vector<Duty>& duties) {
  std::string out;
  for (const Duty duty : duties) {
    std::string name(duty_name(duty));
    for (char& c : name)
      if (c == '-') c = ' ';
    out += (out.empty() ? capitalized(name) : ", " + name);
  }
  return out;
}

render::SummaryStatus summary_status(Status status) {
  switch (status) {
    case Status::Accepted:
      return render::SummaryStatus::Accepted;
    case Status::Rejected:
      return render::SummaryStatus::Rejected;
    case Status::Unreadable:
      return render::SummaryStatus::Unreadable;
  }
  return render::SummaryStatus::Unreadable;
}

}  // namespace

Facts facts_of(const model::Submission& submission, const SubmissionRecord& record) {
  Facts facts;
  const auto add = [&](std::string label, std::string value) {
    if (!value.empty()) facts.emplace_back(std::move(label), std::move(value));
  };
  const std::string& kind = submission.kind;
  const bool expiration_letter = kind == "expiration-termination-letter";

  add(record.organizations.size() > 1 ? "Organizations" : "Organization", record.organization);
  add("Alliance", record.alliance_name);
  add("Project title", record.project_title);
  if (!record.alliance_type.empty())
    add("Alliance type", capitalized(record.alliance_type) +
                             (record.level.empty() ? "" : ", " + record.level + " level"));
  add("Agreement", record.action.empty() ? "" : capitalized(record.action));
  add("Fiscal year", record.fiscal_year);
  add("Stage", capitalized(record.stage));
  if (const auto amount = core::parse_money(record.amount_requested))
    add("CET funds requested", core::money_text(*amount));
  if (record.period_start || record.period_end)
    add(period_label(kind), date_text(record.period_start) + " – " + date_text(record.period_end));
  add(submitted_label(kind), date_text(record.submitted_on));
  add(expiration_letter ? "Agreement signed" : "Signing date", date_text(record.signing_date));
  if (record.term_years)
    add("Term",
        std::to_string(*record.term_years) + (*record.term_years == 1 ? " year" : " years"));
  add(expiration_letter ? "Expiration date" : "Expires", date_text(record.expiration_date));
  add("Initially signed", date_text(record.initial_signing_date));
  add("Reports due", duties_text(record.reporting_duties));
  return facts;
}

std::string document_name(std::string_view kind) {
  if (kind == "cet-grant-proposal") return "proposal-summary.pdf";
  if (kind == "alliance-diary-sheet") return "diary-sheet.pdf";
  if (kind == "alliance-annual-report") return "annual-report.pdf";
  if (kind == "alliance-agreement") return "agreement.pdf";
  if (kind == "declination-letter" || kind == "expiration-termination-letter") return "letter.pdf";
  return {};
}

void render_documents(const model::Submission* submission, const Environment& env, core::Date as_of,
                      bool form_document, Processed& processed) {
  Report& report = processed.report;
  const render::RenderOptions render_options = env.render_options(as_of);

  render::ComplianceSummary summary;
  summary.form = report.form;
  summary.profile = report.profile;
  summary.status = summary_status(report.status);
  summary.submission_id = report.id;
  summary.source = report.source;
  if (submission)
    summary.agency = submission->kind == "cet-grant-proposal"
                         ? kCetAgency
                         : env.alliance(submission->profile).agency;
  summary.facts = report.facts;
  summary.findings = report.findings;
  summary.figures = report.figures.items();

  processed.documents.clear();
  processed.documents.push_back(
      {"compliance-summary.pdf", render::render_compliance_summary(summary, render_options)});
  if (submission && report.status == Status::Accepted && form_document) {
    const std::string name = document_name(submission->kind);
    if (!name.empty()) {
      render::FormContext context;
      if (submission->kind == "cet-grant-proposal") {
        context.grant = &env.grant();
        context.figures = &report.grant;
      } else {
        context.alliance = &env.alliance(submission->profile);
      }
      processed.documents.push_back(
          {name, render::render_form(*submission, context, render_options)});
    }
  }
  report.documents.clear();
  for (const Document& document : processed.documents) report.documents.push_back(document.name);
}

}  // namespace pipeline::process
