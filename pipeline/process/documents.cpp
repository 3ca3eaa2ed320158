#include "pipeline/process/documents.hpp"

#include <optional>
#include <variant>

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

// A signed copy: what it was issued as, then one line per signature field (signing.md §4: "the
// compliance summary lists each signature").
void add_signature_facts(const model::SignedDocument& document, const SubmissionRecord& record,
                         Facts& facts) {
  if (document.issued)
    facts.emplace_back("Issued as",
                       document.issued->name + " of submission " + document.issued->submission_id);
  else
    facts.emplace_back("Issued as", "not found in the record store");
  for (const model::SignatureFacts& s : document.signatures) {
    std::string value = s.signer_name.empty() ? "(no name)" : s.signer_name;
    if (!s.signer_email.empty()) value += " <" + s.signer_email + ">";
    value += s.signing_time.empty() ? ", time not given" : ", signed " + s.signing_time;
    value += !s.intact          ? "; NOT VALID"
             : s.modified_after ? "; valid, but the document changed after it"
             : s.trusted        ? "; valid and trusted"
                                : "; valid, not trusted";
    if (s.certification) value += " (certification)";
    facts.emplace_back("Signature " + s.field, std::move(value));
  }
  for (const model::UnsignedField& f : document.unsigned_fields)
    facts.emplace_back("Signature " + f.field,
                       "empty" + (f.description.empty() ? "" : " — " + f.description));
  if (record.executed_date) facts.emplace_back("Executed", date_text(record.executed_date));
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
  if (const auto* document = std::get_if<model::SignedDocument>(&submission.form))
    add_signature_facts(*document, record, facts);
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
  render::RenderOptions render_options = env.render_options(as_of);
  // Each PDF's identity (trailer /ID, XMP document ID): the submission and the file name.
  const auto identified = [&](const std::string& name) {
    render_options.document_id = report.id + "/" + name;
    return render_options;
  };

  render::ComplianceSummary summary;
  summary.form = report.form;
  summary.profile = report.profile;
  summary.status = summary_status(report.status);
  summary.submission_id = report.id;
  summary.source = report.source;
  if (submission) {
    if (submission->kind == "cet-grant-proposal")
      summary.agency = kCetAgency;
    else if (const model::AllianceProfile* profile = env.find_alliance(submission->profile))
      summary.agency = profile->agency;
  }
  summary.facts = report.facts;
  summary.findings = report.findings;
  summary.figures = report.figures.items();

  processed.documents.clear();
  processed.documents.push_back(
      {"compliance-summary.pdf",
       render::render_compliance_summary(summary, identified("compliance-summary.pdf"))});
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
          {name, render::render_form(*submission, context, identified(name))});
      if (name == "agreement.pdf" || name == "letter.pdf")
        report.signable.emplace_back(name, sha256_hex(processed.documents.back().bytes));
    }
  }
  report.documents.clear();
  for (const Document& document : processed.documents) report.documents.push_back(document.name);
}

}  // namespace pipeline::process
