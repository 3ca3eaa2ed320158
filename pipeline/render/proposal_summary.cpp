#include "pipeline/render/proposal_summary.hpp"

#include <array>
#include <optional>
#include <utility>
#include <vector>

#include "pipeline/model/grant_words.hpp"
#include "pipeline/render/form_parts.hpp"
#include "pipeline/render/layout.hpp"
#include "pipeline/render/proposal_summary_parts.hpp"
#include "pipeline/text/format.hpp"

namespace pipeline::render {

namespace {

using namespace proposal;

// ---- signature sheet ----------------------------------------------------------------------

void signature_sheet(Document& doc, const model::GrantProposal& proposal) {
  doc.heading("Project Proposal Signatures", 2);
  if (!proposal.signature_sheet) {
    doc.paragraph("The proposal has no signature sheet.");
    return;
  }
  const model::SignatureSheet& sheet = *proposal.signature_sheet;
  std::vector<std::pair<std::string, std::string>> items;
  items.emplace_back("Project Title", text_of(sheet.project_title));
  items.emplace_back("Sponsoring Organization", text_of(sheet.sponsoring_organization));
  const std::string contact = parts::joined(
      {part_of(sheet.authorized_contact_person), part_of(sheet.position_title)}, ", ");
  items.emplace_back("Authorized Contact Person", contact.empty() ? kBlank : contact);
  const std::string address =
      parts::joined({part_of(sheet.mailing_address), part_of(sheet.city),
                     parts::joined({part_of(sheet.state), part_of(sheet.zip_code)}, " ")},
                    ", ");
  items.emplace_back("Mailing Address", address.empty() ? kBlank : address);
  items.emplace_back("Telephone Number", text_of(sheet.telephone_number));
  items.emplace_back("Total CET Funds Requested",
                     money_of(sheet.total_amount_of_cet_funds_requested));
  if (sheet.certification_and_signature) {
    const model::CertificationAndSignature& c = *sheet.certification_and_signature;
    std::string signed_by =
        parts::joined({part_of(c.signature_of_official), part_of(c.title)}, ", ");
    if (c.date.present()) signed_by += "; signed " + text::long_date(*c.date);
    items.emplace_back("Certification and Signature", signed_by.empty() ? kBlank : signed_by);
  }
  if (sheet.statement_of_affiliation && !sheet.statement_of_affiliation->signers.empty()) {
    std::vector<std::string> lines;
    for (const model::Signer& signer : sheet.statement_of_affiliation->signers) {
      std::string line =
          parts::joined({part_of(signer.authorized_signature), part_of(signer.organization)}, ", ");
      if (signer.date.present()) line += "; signed " + text::long_date(*signer.date);
      lines.push_back(std::move(line));
    }
    items.emplace_back("Statement of Affiliation", parts::joined(lines, "\n"));
  }
  doc.key_values(items);
}

// ---- Table A ------------------------------------------------------------------------------

std::string training_type(const core::Field<model::TypeOfTraining>& type) {
  if (!type.present()) return type.rejected() ? type.raw : kBlank;
  return parts::word_label(model::training_type_word(*type));
}

std::string service_type(const core::Field<model::TypeOfServiceActivity>& type) {
  if (!type.present()) return type.rejected() ? type.raw : kBlank;
  switch (*type) {
    case model::TypeOfServiceActivity::TechnicalAssistance:
      return "Technical assistance";
    case model::TypeOfServiceActivity::DisseminateInformation:
      return "Disseminate information";
    case model::TypeOfServiceActivity::Other:
      return "Other";
  }
  return kBlank;
}

void training_programs(Document& doc, const model::TableA& table,
                       const model::GrantFigures& figures) {
  parts::keep_together(doc, parts::table_space(table.training_programs.size() + 1, 30));
  doc.heading("Training programs", 3);
  if (table.training_programs.empty()) {
    doc.paragraph("No training programs are proposed.");
    return;
  }
  Rows rows;
  for (const model::TrainingProgram& program : table.training_programs) {
    std::string meetings;
    if (program.meetings_per_session.present())
      meetings = core::grouped(*program.meetings_per_session) + " meetings per session";
    std::string trained = kBlank;
    if (program.number_of_sessions.present() && program.number_of_persons.present())
      trained = core::grouped(*program.number_of_sessions * *program.number_of_persons);
    rows.push_back({Cell(text_of(program.title_of_training_program)),
                    Cell({regular(training_type(program.type_of_training))}, meetings),
                    Cell(parts::count_of(program.number_of_sessions)),
                    Cell(parts::count_of(program.number_of_persons)),
                    Cell(quantity_of(program.length_of_session)), Cell(trained),
                    Cell(quantity_of(program.total_hours))});
  }
  rows.push_back({Cell("Total"), Cell(""), Cell(number_text(figures.training_sessions_total)),
                  Cell(""), Cell(""), Cell(number_text(figures.people_trained_total)),
                  Cell(number_text(figures.person_hours_total))});
  TableOptions options;
  options.total_rows = 1;
  options.size = 8.5;
  doc.table({{"Title of Training Program", 2.5},
             {"Type of Training", 1.25},
             {"No. of Sessions", 1, Align::Right},
             {"No. of Persons", 1, Align::Right},
             {"Length of Session (hours)", 1, Align::Right},
             {"Persons Trained", 1, Align::Right},
             {"Total Hours", 1, Align::Right}},
            rows, options);
}

void service_activities(Document& doc, const model::TableA& table) {
  parts::keep_together(doc, parts::table_space(table.service_activities.size() + 1, 30) + 20);
  doc.heading("Service activities", 3);
  if (table.service_activities.empty()) {
    doc.paragraph("No service activities are proposed.");
    return;
  }
  Rows rows;
  core::Quantity hours;
  for (const model::ServiceActivity& activity : table.service_activities) {
    if (activity.number_of_hours_available.present()) hours += *activity.number_of_hours_available;
    rows.push_back(
        {Cell(service_type(activity.type_of_service_activity)), Cell(text_of(activity.description)),
         Cell(quantity_of(activity.number_of_hours_available)),
         Cell(activity.persons_per_contact.present() ? core::grouped(*activity.persons_per_contact)
                                                     : std::string())});
  }
  rows.push_back({Cell("Total"), Cell(""), Cell(parts::quantity_text(hours)), Cell("")});
  TableOptions options;
  options.total_rows = 1;
  doc.table({{"Type of Service Activity", 1.6},
             {"Description", 3.9},
             {"No. of Hours Available", 1.15, Align::Right},
             {"Persons per Contact", 1.05, Align::Right}},
            rows, options);
  ParagraphStyle note;
  note.size = 8.5;
  note.muted = true;
  doc.paragraph("Hours available exclude travel time (CET RFP FY2004-05 §II-2b, Table A).", note);
}

void table_a(Document& doc, const model::GrantProposal& proposal,
             const model::GrantFigures& figures) {
  parts::keep_together(doc, kTableStart + 40);
  doc.heading("Table A — Summary of Training and Service Activities", 2);
  if (!proposal.table_a) {
    doc.paragraph("The proposal has no Table A.");
    return;
  }
  training_programs(doc, *proposal.table_a, figures);
  service_activities(doc, *proposal.table_a);
}

// ---- Table B ------------------------------------------------------------------------------

constexpr std::array<const char*, 12> kMonthAbbreviations = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

void table_b(Document& doc, const model::GrantProposal& proposal) {
  const std::size_t activities = proposal.table_b ? proposal.table_b->activities.size() : 0;
  parts::keep_together(doc, parts::table_space(activities, 20, 360) + 70);
  doc.heading("Table B — Project Time-Flow of Activities", 2);
  const int first_year = model::fiscal_year_of(proposal).value_or(model::FiscalYear{}).first_year;
  const core::Date start = *core::Date::from_ymd(first_year, 10, 1);
  const core::Date end = *core::Date::from_ymd(first_year + 1, 9, 30);
  ParagraphStyle note;
  note.muted = true;
  doc.paragraph("Months of the grant period, " + text::long_date(start) + " to " +
                    text::long_date(end) + "; a dot marks each month the activity is performed.",
                note);
  if (!proposal.table_b || proposal.table_b->activities.empty()) {
    doc.paragraph("The proposal schedules no activities.");
    return;
  }
  // Months 29 pt wide: "May" in bold 8 pt fits.
  std::vector<Column> columns = {{"Activity", 2.4}};
  for (int month = 1; month <= 12; ++month) {
    const int calendar = (start.month() - 1 + month - 1) % 12;  // 0 = January
    columns.push_back(
        {kMonthAbbreviations[static_cast<std::size_t>(calendar)], 0.62, Align::Center});
  }
  Rows rows;
  for (const model::TimeFlowActivity& activity : proposal.table_b->activities) {
    std::vector<Cell> row;
    row.emplace_back(RichText{regular(text_of(activity.name))},
                     activity.months.rejected() ? "months: " + activity.months.raw : "");
    for (int month = 1; month <= 12; ++month)
      row.emplace_back(activity.months.present() && activity.months->count(month) > 0 ? "●" : "");
    rows.push_back(std::move(row));
  }
  TableOptions options;
  options.size = 8;
  doc.table(columns, rows, options);
}

// ---- Table C ------------------------------------------------------------------------------

constexpr std::array<const char*, 9> kCategoryNames = {
    "Wages & Salaries", "Fringe Benefits", "Travel",
    "Rent & Utilities", "Office Supplies", "Training Material",
    "Equipment",        "Contractual",     "Other"};

std::vector<Cell> table_c_line(std::string category, std::string funds,
                               const std::optional<model::TableCLine>& line) {
  std::vector<Cell> row = {Cell(std::move(category)), Cell(std::move(funds))};
  if (!line) {
    for (int i = 0; i < 5; ++i) row.emplace_back(kBlank);
    return row;
  }
  for (const auto* field :
       {&line->total_funds, &line->first, &line->second, &line->third, &line->fourth})
    row.emplace_back(money_of(*field));
  return row;
}

void table_c(Document& doc, const model::GrantProposal& proposal) {
  parts::keep_together(doc, parts::table_space(20, 18, 430) + 40);  // the whole table
  doc.heading("Table C — Summary of Estimated Expenditures", 2);
  if (!proposal.table_c) {
    doc.paragraph("The proposal has no Table C.");
    return;
  }
  const model::TableC& table = *proposal.table_c;
  Rows rows;
  for (int number = 1; number <= 9; ++number) {
    const model::TableCCategory* category = nullptr;
    for (const model::TableCCategory& c : table.categories)
      if (c.number.present() && *c.number == number) {
        category = &c;
        break;
      }
    const std::string name =
        std::to_string(number) + ". " + kCategoryNames[static_cast<std::size_t>(number - 1)];
    rows.push_back(table_c_line(name, "Grant", category ? category->grant : std::nullopt));
    rows.push_back(table_c_line("", "Matching", category ? category->matching : std::nullopt));
  }
  const std::optional<model::TableCLine> none;
  rows.push_back(table_c_line("Total", "Grant", table.total ? table.total->grant : none));
  rows.push_back(table_c_line("", "Matching", table.total ? table.total->matching : none));
  // Widths in points: a bold total ("$18,950.08") needs 61 at 8 pt.
  TableOptions options;
  options.size = 8;
  options.total_rows = 2;
  doc.table({{"Category", 105},
             {"Funds", 58},
             {"Total Funds", 61, Align::Right},
             {"First Quarter", 61, Align::Right},
             {"Second Quarter", 61, Align::Right},
             {"Third Quarter", 61, Align::Right},
             {"Fourth Quarter", 61, Align::Right}},
            rows, options);
}

// ---- budget limits and totals ---------------------------------------------------------------

void budget_limits(Document& doc, const model::GrantFigures& figures,
                   const model::GrantParameters& parameters) {
  parts::keep_together(doc, 200);
  doc.heading("Budget Limits", 2);
  ParagraphStyle note;
  note.muted = true;
  doc.paragraph(
      "G is the total grant funds requested, M the matching share and T = G + M the total budget "
      "(Table C). Equipment, contractual and other costs are capped as a share of G by their "
      "grant funds; lumped administrative costs L as a share of the remaining expenditures "
      "T − L (CET RFP FY2004-05 §I-3, §I-6, App C). Limits for fiscal year " +
          parameters.fiscal_year + ".",
      note);

  Rows rows;
  rows.push_back({Cell("Total grant funds requested (G)"),
                  Cell(money_figure_text(figures.grant_total)), Cell(""),
                  Cell("at most " + core::money_text(parameters.award_maximum)),
                  Cell({regular(money_figure_text(figures.award_maximum))}, "maximum award")});
  rows.push_back({Cell("Matching share (M)"), Cell(money_figure_text(figures.matching_total)),
                  Cell(share_text(figures.matching_percent, "G")),
                  Cell("at least " + percent_text(parameters.matching_minimum_percent) + " of G"),
                  Cell({regular(money_figure_text(figures.matching_minimum))}, "minimum")});
  rows.push_back({Cell("Total budget (T = G + M)"), Cell(money_figure_text(figures.budget_total)),
                  Cell(""), Cell(""), Cell("")});
  struct Cap {
    const char* name;
    const model::CapFigures& figures;
    core::Percent limit;
  };
  const Cap caps[] = {{"Equipment", figures.equipment, parameters.equipment_cap_percent},
                      {"Contractual", figures.contractual, parameters.contractual_cap_percent},
                      {"Other", figures.other, parameters.other_cap_percent}};
  for (const Cap& cap : caps) {
    rows.push_back({Cell(std::string(cap.name) + ", grant funds"),
                    Cell(money_figure_text(cap.figures.grant)),
                    Cell(share_text(cap.figures.percent, "G")),
                    Cell("at most " + percent_text(cap.limit) + " of G"),
                    Cell({regular(money_figure_text(cap.figures.maximum))}, "maximum")});
  }
  std::string lump_share = kBlank;
  const auto lump = stated_amount(figures.administrative_lump_total);
  const auto remaining = stated_amount(figures.remaining_expenditures);
  if (lump && remaining)
    if (auto share = core::percent_figure(lump->units, remaining->units))
      lump_share = *share + "% of T − L";
  const std::string remaining_text =
      remaining ? " (" + core::money_text(*remaining) + ")" : std::string();
  rows.push_back(
      {Cell("Administrative costs, lumped (L)"), Cell(lump ? core::money_text(*lump) : kBlank),
       Cell(lump_share),
       Cell("at most " + percent_text(parameters.administrative_lump_cap_percent) + " of T − L" +
            remaining_text),
       Cell({regular(money_figure_text(figures.administrative_lump_maximum))}, "maximum")});
  TableOptions options;
  options.size = 8.5;
  doc.table({{"Budget Item", 2.2},
             {"Amount", 1.2, Align::Right},
             {"Share", 1.25, Align::Right},
             {"Limit", 2.15},
             {"Allowed", 1.2, Align::Right}},
            rows, options);
}

// A row of a table of figures: its label and its value as printed; nullopt when the rules did not
// compute it.
struct Measure {
  const char* label;
  std::optional<std::string> value;
};

template <class T>
std::optional<std::string> measured(const std::optional<T>& value) {
  if (!value) return std::nullopt;
  return number_text(value);
}
std::optional<std::string> measured_share(const std::optional<core::Percent>& share) {
  if (!share) return std::nullopt;
  return share_text(share);
}
std::optional<std::string> measured_money(const std::optional<core::Money>& amount) {
  if (!amount) return std::nullopt;
  return money_figure_text(amount);
}

// A table of figures. Figures the rules did not compute are left out, and a table with none is
// not printed.
void measure_table(Document& doc, const char* heading, const std::vector<Measure>& measures) {
  Rows rows;
  for (const Measure& measure : measures)
    if (measure.value) rows.push_back({Cell(measure.label), Cell(*measure.value)});
  if (rows.empty()) return;
  parts::keep_together(doc, parts::table_space(rows.size(), 18) + 20);
  doc.heading(heading, 2);
  TableOptions options;
  options.size = 9;
  doc.table({{"Measure", 4.2}, {"Total", 1.3, Align::Right}}, rows, options);
}

// The measures of one CHANGE-SUMMARY comparison: approved, revised and the change.
template <class T>
void change_measures(std::vector<Measure>& out,
                     const std::optional<model::ChangeFigures<T>>& change, const char* approved,
                     const char* revised, const char* changed) {
  out.push_back({approved, change ? measured(std::optional<T>(change->baseline)) : std::nullopt});
  out.push_back({revised, change ? measured(std::optional<T>(change->revised)) : std::nullopt});
  out.push_back({changed, change ? measured_share(change->change_percent) : std::nullopt});
}

void totals(Document& doc, const model::GrantFigures& f) {
  measure_table(
      doc, "Training and Service Totals",
      {{"Training sessions", measured(f.training_sessions_total)},
       {"People trained", measured(f.people_trained_total)},
       {"Person-hours of training", measured(f.person_hours_total)},
       {"Technical assistance hours available", measured(f.technical_assistance_hours_total)},
       {"Information dissemination hours available", measured(f.dissemination_hours_total)},
       {"Other service hours available", measured(f.other_service_hours_total)},
       {"Performance objective: people trained", measured(f.objective_people_trained)},
       {"Performance objective: person-hours", measured(f.objective_person_hours)},
       {"Performance objective: count (people + person-hours)", measured(f.objective_count)}});
  std::vector<Measure> changes;
  change_measures(changes, f.sessions, "Training sessions, approved", "Training sessions, revised",
                  "Change in sessions");
  change_measures(changes, f.people_trained, "People trained, approved", "People trained, revised",
                  "Change in people trained");
  change_measures(changes, f.person_hours, "Person-hours, approved", "Person-hours, revised",
                  "Change in person-hours");
  measure_table(doc, "Changes from the Approved Proposal", changes);
  measure_table(doc, "Performance Outcome and Award (§108)",
                {{"People trained", measured(f.outcome_people_trained)},
                 {"Person-hours of training", measured(f.outcome_person_hours)},
                 {"Count (people + person-hours)", measured(f.outcome_count)},
                 {"Share of the performance objective", measured_share(f.performance_percent)},
                 {"Award before reduction", measured_money(f.award_before_reduction)},
                 {"Reduction", measured_money(f.award_reduction)},
                 {"Award after reduction", measured_money(f.award_after_reduction)}});
}

}  // namespace

std::string render_proposal_summary(const model::GrantProposal& proposal,
                                    const model::GrantFigures& figures,
                                    const RenderOptions& options,
                                    const model::GrantParameters& parameters) {
  const std::string sponsor =
      proposal.signature_sheet ? part_of(proposal.signature_sheet->sponsoring_organization) : "";
  const int first_year = model::fiscal_year_of(proposal).value_or(model::FiscalYear{}).first_year;
  const std::string fiscal_year =
      "Fiscal Year " + std::to_string(first_year) + "-" + std::to_string(first_year + 1);
  const auto stage = model::stage_of(proposal);
  const std::string stage_text = !stage                                  ? kBlank
                                 : *stage == model::GrantStage::Proposal ? "Proposal"
                                 : *stage == model::GrantStage::Revision ? "Revision"
                                                                         : "Close-out";

  DocumentInfo info;
  info.kind = "proposal-summary";
  info.title = parts::running_title("CET Grant Proposal Summary", sponsor);
  info.author = "Michigan Occupational Safety and Health Administration";
  info.subject = "Consultation Education and Training grant proposal, " + fiscal_year;
  info.keywords = "cet-grant-proposal, cet-grant";
  info.footer = parts::footer_text({"CET grant proposal summary", sponsor, fiscal_year});
  Letterhead head;
  head.organization = "Michigan Occupational Safety and Health Administration";
  head.lines = {"Consultation Education and Training Division",
                "Consultation Education and Training Grant Program"};
  head.aside = {fiscal_year, stage_text};
  if (proposal.received.present())
    head.aside.push_back("Received " + text::long_date(proposal.received->local.date));
  info.letterhead = std::move(head);
  Document doc(info, options);

  doc.heading("CET Grant Proposal Summary");
  ParagraphStyle subtitle;
  subtitle.muted = true;
  subtitle.space_after = 4;
  doc.paragraph(sponsor.empty() ? fiscal_year : sponsor, subtitle);

  signature_sheet(doc, proposal);
  table_a(doc, proposal, figures);
  table_b(doc, proposal);
  table_c(doc, proposal);
  table_d(doc, proposal);
  budget_limits(doc, figures, parameters);
  totals(doc, figures);
  return doc.finish();
}

}  // namespace pipeline::render
