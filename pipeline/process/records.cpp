#include "pipeline/process/records.hpp"

#include <algorithm>
#include <type_traits>
#include <variant>

#include "pipeline/core/money.hpp"

namespace pipeline::process {

namespace {

template <class T>
std::optional<T> value_of(const core::Field<T>& field) {
  return field.present() ? field.value : std::nullopt;
}

std::string text_of(const core::Field<std::string>& field) {
  return field.present() ? *field : std::string();
}

bool contains(const std::vector<std::string>& words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// The root's type or level word, or the profile's default when it is absent.
// A program without levels ignores the level word.
std::string word_of(const core::Field<std::string>& field, const model::AllowedWords* words) {
  if (words && words->allowed.empty()) return {};
  if (field.present()) return *field;
  if (field.absent() && words && words->default_word) return *words->default_word;
  return {};
}

// Fills what every alliance form shares from its root attributes.
template <class Form>
void fill_root(const Form& form, const model::AllianceProfile* profile, SubmissionRecord& record) {
  record.alliance_type = word_of(form.alliance_type, profile ? &profile->alliance_types : nullptr);
  record.level = word_of(form.level, profile ? &profile->levels : nullptr);
}

void fill(const model::DiarySheet& sheet, SubmissionRecord& record) {
  record.organization = text_of(sheet.name_of_organization);
  record.alliance_name = text_of(sheet.alliance_name);
  record.period_start = value_of(sheet.reporting_period.start);
  record.period_end = value_of(sheet.reporting_period.end);
  record.submitted_on = value_of(sheet.date_submitted);
}

void fill(const model::AnnualReport& report, SubmissionRecord& record) {
  const model::AllianceBackground& background = report.alliance_background;
  record.alliance_name = text_of(background.alliance_name);
  record.period_start = value_of(background.evaluation_period.start);
  record.period_end = value_of(background.evaluation_period.end);
  record.submitted_on = value_of(report.report_date);
  record.initial_signing_date = value_of(background.initial_date_signed);
}

void fill(const model::AllianceAgreement& agreement, SubmissionRecord& record) {
  record.alliance_name = text_of(agreement.alliance_name);
  for (const model::Organization& organization : agreement.organizations.rows) {
    if (!organization.name.present()) continue;
    record.organizations.push_back(*organization.name);
    record.organization += (record.organization.empty() ? "" : "; ") + *organization.name;
  }
  if (!agreement.action.rejected())
    record.action =
        agreement.action.value_or(model::AgreementAction::New) == model::AgreementAction::Renewal
            ? "renewal"
            : "new";
  record.signing_date = value_of(agreement.signing_date);
  if (agreement.term_years.present()) record.term_years = static_cast<int>(*agreement.term_years);
  record.initial_signing_date = value_of(agreement.history.initial_signing_date);
}

void fill(const model::GrantProposal& proposal, SubmissionRecord& record) {
  if (proposal.signature_sheet) {
    record.organization = text_of(proposal.signature_sheet->sponsoring_organization);
    record.project_title = text_of(proposal.signature_sheet->project_title);
    const auto& requested = proposal.signature_sheet->total_amount_of_cet_funds_requested;
    if (requested.present()) record.amount_requested = core::money_figure(*requested);
  }
  if (const auto year = model::fiscal_year_of(proposal)) {
    record.fiscal_year =
        std::to_string(year->first_year) + "-" + std::to_string(year->first_year + 1);
    record.period_start = core::Date::from_ymd(year->first_year, 10, 1);
    record.period_end = core::Date::from_ymd(year->first_year + 1, 9, 30);
  }
  if (const auto stage = model::stage_of(proposal)) {
    record.stage = *stage == model::GrantStage::Proposal   ? "proposal"
                   : *stage == model::GrantStage::Revision ? "revision"
                                                           : "closeout";
  }
  if (proposal.received.present()) record.submitted_on = proposal.received->local.date;
}

void fill(const model::DeclinationLetter& letter, SubmissionRecord& record) {
  record.organization = letter.requesting_organization.present()
                            ? *letter.requesting_organization
                            : text_of(letter.addressee.organization_name);
  record.submitted_on = value_of(letter.letter_date);
}

void fill(const model::ExpirationTerminationLetter& letter, SubmissionRecord& record) {
  record.organization = text_of(letter.addressee.organization_name);
  record.submitted_on = value_of(letter.letter_date);
  record.signing_date = value_of(letter.agreement_signed_date);
  record.expiration_date = value_of(letter.expiration_date);
}

void fill(const model::SignedDocument& document, SubmissionRecord& record) {
  if (!document.issued) return;
  record.issued_submission_id = document.issued->submission_id;
  record.issued_document = document.issued->name;
  record.alliance_name = document.issued->alliance_name;
  record.organization = document.issued->organization;
}

}  // namespace

std::string_view duty_name(Duty duty) {
  switch (duty) {
    case Duty::QuarterlyDiarySheet:
      return "quarterly-diary-sheet";
    case Duty::BiannualDataReport:
      return "biannual-data-report";
    case Duty::AnnualReport:
      return "annual-report";
  }
  return "annual-report";
}

std::vector<Duty> reporting_duties(const model::AllianceProfile& profile,
                                   std::string_view alliance_type, std::string_view level) {
  std::vector<Duty> duties;
  if (!contains(profile.alliance_types.allowed, alliance_type)) return duties;
  const bool exempt = alliance_type == "ambassador" &&
                      profile.ambassador.exempt_from_formal_requirements;  // OSHA, I-40
  const model::PeriodicReport& periodic = profile.periodic_report;
  if (!exempt && periodic.kind != model::PeriodicReportKind::None &&
      contains(periodic.alliance_types, alliance_type) &&
      (periodic.levels.empty() || contains(periodic.levels, level)))
    duties.push_back(periodic.kind == model::PeriodicReportKind::QuarterlyDiary
                         ? Duty::QuarterlyDiarySheet
                         : Duty::BiannualDataReport);
  if (!exempt && profile.annual_report.kind != model::AnnualReportKind::RecordOnly)
    duties.push_back(Duty::AnnualReport);
  return duties;
}

SubmissionRecord record_of(const model::Submission& submission, const core::Figures& figures,
                           const model::AllianceProfile* profile) {
  SubmissionRecord record;
  std::visit(
      [&](const auto& form) {
        using Form = std::decay_t<decltype(form)>;
        fill(form, record);
        if constexpr (std::is_same_v<Form, model::DiarySheet> ||
                      std::is_same_v<Form, model::AnnualReport> ||
                      std::is_same_v<Form, model::AllianceAgreement>)
          fill_root(form, profile, record);
      },
      submission.form);
  if (std::holds_alternative<model::SignedDocument>(submission.form)) {
    if (const std::string* executed = figures.find("executed-date"))
      record.executed_date = core::parse_date(*executed);
    return record;
  }
  if (submission.kind != "alliance-agreement") return record;
  if (const std::string* expiration = figures.find("expiration-date"))
    record.expiration_date = core::parse_date(*expiration);
  if (!record.expiration_date && record.signing_date && record.term_years)
    record.expiration_date = core::add_years(*record.signing_date, *record.term_years);
  if (profile)
    record.reporting_duties = reporting_duties(*profile, record.alliance_type, record.level);
  return record;
}

}  // namespace pipeline::process
