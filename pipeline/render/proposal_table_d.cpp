// The proposal summary's Table D (formats.md §3.11): each section's lines with their funding,
// formula and total, and the section totals by funding.
#include <array>
#include <utility>

#include "pipeline/model/grant_words.hpp"
#include "pipeline/render/proposal_summary_parts.hpp"

namespace pipeline::render::proposal {

namespace {

// ---- Table D ------------------------------------------------------------------------------

// A section's columns: the line item, its funding, up to two formula columns, the total.
struct SectionLayout {
  const char* item;
  const char* first = nullptr;  // null: the section has no formula columns
  const char* second = nullptr;
};

SectionLayout section_layout(int category) {
  switch (category) {
    case 1:
      return {"Position", "Salary per Week", "No. of Weeks"};
    case 2:
      return {"Type of Benefit", "Total Salaries", "Formula %"};
    case 3:
      return {"Item", "Number", "Amount per Unit"};
    case 4:
      return {"Item", "No. of Months", "Monthly Amount"};
    case 5:
      return {"Type of Supplies", "Cost per Item", "Total Units"};
    case 6:
      return {"Type of Material", "Cost per Item", "Total Units"};
    case 7:
      return {"Type of Equipment or Rental", "Cost per Item", "Total Units"};
    case 8:
      return {"Scope/Nature of Contract"};
    default:
      return {"Specify"};
  }
}

// The funding cell: grant or matching, with the line's flags in small type under it.
Cell funding_cell(const model::TableDLine& line) {
  std::string funding = kBlank;
  if (line.funding.present())
    funding = *line.funding == model::Funding::Grant ? "Grant" : "Matching";
  else if (line.funding.rejected())
    funding = line.funding.raw;
  std::vector<std::string> flags;
  if (line.in_kind.value_or(false)) flags.emplace_back("in kind");
  if (line.lost_time.value_or(false)) flags.emplace_back("lost time");
  if (line.out_of_state.value_or(false)) flags.emplace_back("out of state");
  if (line.prior_approval.present()) flags.push_back("prior approval: " + *line.prior_approval);
  return Cell({regular(funding)}, parts::joined(flags, "; "));
}

std::string meal_name(const core::Field<model::Meal>& meal) {
  if (!meal.present()) return meal.rejected() ? meal.raw : std::string();
  return std::string(model::meal_word(*meal));
}

std::string with_unit(std::string value, const char* unit) {
  return value == kBlank ? value : value + " " + unit;
}

struct LineCells {
  Cell item;
  std::string first;
  std::string second;
};

LineCells line_cells(int category, const model::TableDLine& line) {
  using model::TableDRow;
  switch (line.row) {
    case TableDRow::Mileage:
      return {Cell("Mileage"), with_unit(quantity_of(line.number_of_miles), "miles"),
              line.amount_per_mile.present() ? core::rate_text(*line.amount_per_mile)
                                             : std::string(kBlank)};
    case TableDRow::Lodging:
      return {Cell({regular("Lodging")},
                   line.taxes.present() ? "plus taxes " + core::money_text(*line.taxes) : ""),
              with_unit(quantity_of(line.number_of_nights), "nights"),
              money_of(line.amount_per_night)};
    case TableDRow::Meals: {
      const std::string meal = meal_name(line.meal);
      return {Cell(meal.empty() ? "Meals" : "Meals — " + meal),
              with_unit(quantity_of(line.number_of_meals), "meals"),
              money_of(line.amount_per_meal)};
    }
    case TableDRow::OfficeSpace:
    case TableDRow::TrainingSpace:
    case TableDRow::GasElectricity:
    case TableDRow::Telephone: {
      const char* name = line.row == TableDRow::OfficeSpace      ? "Office space"
                         : line.row == TableDRow::TrainingSpace  ? "Training space"
                         : line.row == TableDRow::GasElectricity ? "Gas/electricity"
                                                                 : "Telephone";
      return {Cell(name), quantity_of(line.number_of_months), money_of(line.monthly_amount)};
    }
    case TableDRow::AdministrativeCosts: {
      std::vector<std::string> items;
      for (const auto& item : line.items) items.push_back(part_of(item));
      return {Cell({regular("Administrative costs, lumped")}, parts::joined(items, "; ")), "", ""};
    }
    case TableDRow::Purchase:
    case TableDRow::Rental: {
      std::vector<std::string> notes;
      if (line.row == TableDRow::Rental) notes.emplace_back("rental");
      if (line.life_span_months.present())
        notes.push_back("life span " + core::grouped(*line.life_span_months) + " months");
      if (line.bids.present())
        notes.push_back(core::grouped(*line.bids) + (*line.bids == 1 ? " bid" : " bids"));
      if (line.bid_explanation.present()) notes.push_back(*line.bid_explanation);
      const auto& type =
          line.row == TableDRow::Rental ? line.type_of_rental : line.type_of_equipment;
      return {Cell({regular(text_of(type))}, parts::joined(notes, "; ")),
              money_of(line.cost_per_item), quantity_of(line.total_units)};
    }
    case TableDRow::Line:
      break;
  }
  switch (category) {
    case 1:
      return {Cell(text_of(line.position)), money_of(line.salary_per_week),
              quantity_of(line.number_of_weeks)};
    case 2:
      return {Cell(text_of(line.type_of_benefit)), money_of(line.total_salaries),
              line.formula_percent.present() ? percent_text(*line.formula_percent)
                                             : std::string(kBlank)};
    case 5:
      return {Cell(text_of(line.type_of_supplies)), money_of(line.cost_per_item),
              quantity_of(line.total_units)};
    case 6:
      return {Cell(text_of(line.type_of_material)), money_of(line.cost_per_item),
              quantity_of(line.total_units)};
    case 8:
      return {Cell(text_of(line.scope_nature_of_contract)), "", ""};
    default:
      return {Cell(text_of(line.specify)), "", ""};
  }
}

// A section total as the form declares it, else the sum of the section's lines.
std::string section_total(const model::TableDSection& section, model::Funding funding) {
  const auto& declared =
      funding == model::Funding::Grant ? section.total_grant : section.total_matching;
  if (declared.present() || declared.rejected()) return money_of(declared);
  core::Money sum;
  for (const model::TableDLine& line : section.lines)
    if (line.funding.present() && *line.funding == funding && line.total_charged.present())
      sum += *line.total_charged;
  return core::money_text(sum);
}

void table_d_section(Document& doc, const model::TableDSection& section) {
  const SectionLayout layout = section_layout(section.category);
  parts::keep_together(doc, parts::table_space(section.lines.size() + 2, 22));
  doc.heading(std::to_string(section.category) + ". " +
                  std::string(model::table_d_section_title(section.category)),
              3);
  const bool formula = layout.first != nullptr;
  std::vector<Column> columns = {{layout.item, formula ? 2.7 : 4.6}, {"Funding", 1.2}};
  if (formula) {
    columns.push_back({layout.first, 1.25, Align::Right});
    columns.push_back({layout.second, 1.15, Align::Right});
  }
  columns.push_back({"Total Charged", 1.25, Align::Right});

  Rows rows;
  for (const model::TableDLine& line : section.lines) {
    LineCells cells = line_cells(section.category, line);
    std::vector<Cell> row = {std::move(cells.item), funding_cell(line)};
    if (formula) {
      row.emplace_back(std::move(cells.first));
      row.emplace_back(std::move(cells.second));
    }
    row.emplace_back(money_of(line.total_charged));
    rows.push_back(std::move(row));
  }
  for (const model::Funding funding : {model::Funding::Grant, model::Funding::Matching}) {
    std::vector<Cell> row(columns.size());
    row[0] = Cell(funding == model::Funding::Grant ? "Total — Grant" : "Total — Matching");
    row.back() = Cell(section_total(section, funding));
    rows.push_back(std::move(row));
  }
  TableOptions options;
  options.size = 8.5;
  options.total_rows = 2;
  doc.table(columns, rows, options);
}

}  // namespace

void table_d(Document& doc, const model::GrantProposal& proposal) {
  // The heading stays with the first section's table.
  double first = kTableStart;
  if (proposal.table_d)
    for (const model::TableDSection* section : proposal.table_d->sections())
      if (section) {
        first = parts::table_space(section->lines.size() + 2, 22);
        break;
      }
  parts::keep_together(doc, first + 50);
  doc.heading("Table D — Detailed Breakdown of Grant and Matching Expenditures", 2);
  if (!proposal.table_d) {
    doc.paragraph("The proposal has no Table D.");
    return;
  }
  bool any = false;
  for (const model::TableDSection* section : proposal.table_d->sections()) {
    if (!section) continue;
    any = true;
    table_d_section(doc, *section);
  }
  if (!any) doc.paragraph("Table D lists no expenditures.");
}

}  // namespace pipeline::render::proposal
