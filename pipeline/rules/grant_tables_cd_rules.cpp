// The TABLEC (rules.md §4.5) and TABLED (§4.6) families: the Summary of Estimated Expenditures
// adds up across and down, and the Detailed Breakdown multiplies out, adds up and agrees with it.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/model/grant_words.hpp"
#include "pipeline/rules/grant_budget.hpp"
#include "pipeline/rules/grant_families.hpp"

namespace pipeline::rules {

namespace {

using core::Field;
using core::Money;
using core::money_text;
using core::Outcome;
using model::Funding;
using model::TableC;
using model::TableCLine;
using model::TableDLine;
using model::TableDRow;
using model::TableDSection;

constexpr Funding kFundings[] = {Funding::Grant, Funding::Matching};

std::string_view funding_name(Funding funding) {
  return funding == Funding::Grant ? "grant" : "matching";
}

std::string quoted(std::string_view text) {
  return "\"" + std::string(text) + "\"";
}

// ---------------------------------------------------------------------------------------------
// TABLEC

// formats.md §3.10: the name of each category number (index 0 is category 1).
constexpr std::string_view kCategoryNames[] = {
    "wages-and-salaries", "fringe-benefits", "travel",
    "rent-and-utilities", "office-supplies", "training-material",
    "equipment",          "contractual",     "other"};

// The five money columns of a Table C line.
struct Column {
  std::string_view name;
  Field<Money> TableCLine::*member;
};
constexpr Column kColumns[] = {{"total-funds", &TableCLine::total_funds},
                               {"first", &TableCLine::first},
                               {"second", &TableCLine::second},
                               {"third", &TableCLine::third},
                               {"fourth", &TableCLine::fourth}};

const std::optional<TableCLine>& line_of(const model::TableCCategory& category, Funding funding) {
  return funding == Funding::Grant ? category.grant : category.matching;
}

const std::optional<TableCLine>& line_of(const model::TableCTotal& total, Funding funding) {
  return funding == Funding::Grant ? total.grant : total.matching;
}

inline constexpr core::RuleRef kTableCCategory{
    "TABLEC-CATEGORY", core::Severity::Error,
    "CET RFP FY2004-05 App D Table C (categories 1–9); App C"};

// Each category is numbered, once, and named for its number when named at all. (A number
// outside 1–9 is rejected on ingest, which reports it under this rule.)
void categories_numbered_once(const TableC& table, std::string_view title, Outcome& outcome) {
  std::array<bool, 9> seen{};
  for (const model::TableCCategory& category : table.categories) {
    if (category.number.absent()) {
      outcome.add(kTableCCategory,
                  std::string(title) +
                      " category \"\" has no number; categories are numbered 1 "
                      "to 9.",
                  category.location);
      continue;
    }
    if (!category.number.present()) continue;
    const std::int64_t number = *category.number;
    const auto index = static_cast<std::size_t>(number - 1);
    std::vector<std::string> problems;
    if (seen.at(index)) problems.push_back("is repeated");
    seen.at(index) = true;
    const std::string_view expected = kCategoryNames[index];
    if (category.name.present() && *category.name != expected)
      problems.push_back("is named " + quoted(*category.name) + ", not " + quoted(expected));
    if (problems.empty()) continue;
    std::string problem = problems.front();
    if (problems.size() > 1) problem += " and " + problems.back();
    outcome.add(
        kTableCCategory,
        std::string(title) + " category " + quoted(std::to_string(number)) + " " + problem + ".",
        category.location);
  }
}

inline constexpr core::RuleRef kTableCQuarterSum{
    "TABLEC-QUARTER-SUM", core::Severity::Error,
    "CET RFP FY2004-05 App D Table C (estimated expenditures by quarter); §II-3 (planned use of "
    "grant and matching funds by category and quarter)"};

// A line's four quarters add up to its Total Funds.
void quarters_add_up(const TableCLine& line, const std::string& row, Funding funding,
                     Outcome& outcome) {
  for (const Column& column : kColumns)
    if (!(line.*column.member).present()) return;
  const Money sum = *line.first + *line.second + *line.third + *line.fourth;
  if (sum == *line.total_funds) return;
  outcome.add(kTableCQuarterSum,
              row + ", " + std::string(funding_name(funding)) + ": the quarters add to " +
                  money_text(sum) + " but Total Funds is " + money_text(*line.total_funds) + ".",
              line.location);
}

// Every row of Table C adds across.
void rows_add_across(const TableC& table, std::string_view title, Outcome& outcome) {
  for (const model::TableCCategory& category : table.categories) {
    const std::string row =
        std::string(title) + " category " +
        (category.number.present() ? std::to_string(*category.number) : category.number.raw);
    for (const Funding funding : kFundings)
      if (const auto& line = line_of(category, funding))
        quarters_add_up(*line, row, funding, outcome);
  }
  if (!table.total) return;
  for (const Funding funding : kFundings)
    if (const auto& line = line_of(*table.total, funding))
      quarters_add_up(*line, std::string(title) + " Total row", funding, outcome);
}

inline constexpr core::RuleRef kTableCCategorySum{"TABLEC-CATEGORY-SUM", core::Severity::Error,
                                                  "CET RFP FY2004-05 App D Table C (Total row)"};

// Σ over the categories of one column; nullopt when a value is unknown or a row has no known
// category number.
std::optional<Money> column_sum(const TableC& table, Funding funding, const Column& column) {
  Money sum{};
  for (const model::TableCCategory& category : table.categories) {
    const std::optional<TableCLine>& line = line_of(category, funding);
    if (!line) continue;
    const Field<Money>& value = (*line).*column.member;
    if (!category.number.present() || !value.present()) return std::nullopt;
    sum += *value;
  }
  return sum;
}

// Every column of Table C adds down to its Total row.
void columns_add_down(const TableC& table, std::string_view title, Outcome& outcome) {
  if (!table.total) return;
  for (const Funding funding : kFundings) {
    const std::optional<TableCLine>& total = line_of(*table.total, funding);
    if (!total) continue;
    for (const Column& column : kColumns) {
      const Field<Money>& stated = (*total).*column.member;
      const std::optional<Money> sum = column_sum(table, funding, column);
      if (!stated.present() || !sum || *sum == *stated) continue;
      outcome.add(kTableCCategorySum,
                  std::string(title) + " " + std::string(funding_name(funding)) + " " +
                      std::string(column.name) + ": the categories add to " + money_text(*sum) +
                      " but the Total row says " + money_text(*stated) + ".",
                  stated.location);
    }
  }
}

inline constexpr core::RuleRef kTableCGrantPositive{
    "TABLEC-GRANT-POSITIVE", core::Severity::Error,
    "CET RFP FY2004-05 App D 'Project Proposal Signatures' (Total Amount of CET Funds "
    "Requested); Table C"};

// Table C requests some grant funds.
void requests_grant_funds(const TableC& table, Outcome& outcome) {
  const std::optional<Money> grant = table_c_amounts(table).grant_total();
  if (!grant || grant->units > 0) return;
  outcome.add(kTableCGrantPositive, "Table C requests no grant funds.", table.location);
}

// ---------------------------------------------------------------------------------------------
// TABLED

std::string_view section_title(const TableDSection& section) {
  return model::table_d_section_title(section.category);
}

// What a line is, for a message: its description column, or its row name.
std::string line_description(const TableDLine& line) {
  for (const Field<std::string>* text :
       {&line.position, &line.type_of_benefit, &line.type_of_supplies, &line.type_of_material,
        &line.type_of_equipment, &line.type_of_rental, &line.scope_nature_of_contract,
        &line.specify})
    if (text->present()) return **text;
  if (line.row == TableDRow::Meals && line.meal.present())
    return std::string(model::meal_word(*line.meal));
  std::string name = line.element;
  for (char& c : name)
    if (c == '-') c = ' ';
  return name;
}

std::vector<const TableDSection*> present_sections(const model::TableD& table) {
  std::vector<const TableDSection*> out;
  for (const TableDSection* section : table.sections())
    if (section != nullptr) out.push_back(section);
  return out;
}

inline constexpr core::RuleRef kTableDLineArith{
    "TABLED-LINE-ARITH", core::Severity::Error,
    "CET RFP FY2004-05 App D Table D (column headings: Salary Per Week, No. of Weeks; Total "
    "Salaries, Formula %; Number of Miles, Amount Per Mile; Number of Nights, Amount Per Night; "
    "Number of Months, Monthly Amount; Cost per Item, Total Units; Total Charged)"};

// Every line with a formula states the formula's amount, rounded half up to the cent (I-8).
void lines_multiply_out(const model::TableD& table, Outcome& outcome) {
  for (const TableDSection* section : present_sections(table)) {
    for (const TableDLine& line : section->lines) {
      if (!line.total_charged.present()) continue;
      const std::optional<LineFormula> formula = line_formula(section->category, line);
      if (!formula || formula->amount == *line.total_charged) continue;
      if (!formula->amount) {
        // A product no 64-bit amount should pretend to hold: said, not printed wrong.
        outcome.add(kTableDLineArith,
                    std::string(section_title(*section)) + " " + quoted(line_description(line)) +
                        ": " + formula->expression + " is out of range (more than " +
                        money_text(core::kLargestMoney) +
                        ", the largest amount a form can state), but Total Charged says " +
                        money_text(*line.total_charged) + ".",
                    line.total_charged.location);
        continue;
      }
      outcome.add(kTableDLineArith,
                  std::string(section_title(*section)) + " " + quoted(line_description(line)) +
                      ": " + formula->expression + " = " + money_text(*formula->amount) +
                      ", but Total Charged says " + money_text(*line.total_charged) + ".",
                  line.total_charged.location);
    }
  }
}

inline constexpr core::RuleRef kTableDCategorySum{
    "TABLED-CATEGORY-SUM", core::Severity::Error,
    "CET RFP FY2004-05 App D Table D (\"… Total-Grant $\", \"… Total-Matching $\")"};

// Every declared section total is the sum of its lines of that funding.
void section_totals_add_up(const model::TableD& table, Outcome& outcome) {
  for (const TableDSection* section : present_sections(table)) {
    for (const Funding funding : kFundings) {
      const Field<Money>& declared =
          funding == Funding::Grant ? section->total_grant : section->total_matching;
      const std::optional<Money> sum = section_total(*section, funding);
      if (!declared.present() || !sum || *sum == *declared) continue;
      outcome.add(kTableDCategorySum,
                  "Table D " + std::string(section_title(*section)) + " " +
                      std::string(funding_name(funding)) + " total says " + money_text(*declared) +
                      " but its lines add to " + money_text(*sum) + ".",
                  declared.location);
    }
  }
}

inline constexpr core::RuleRef kTableDMatchesTableC{
    "TABLED-MATCHES-TABLEC", core::Severity::Error,
    "CET RFP FY2004-05 §II-3 (Table C summarises and Table D details the same grant and matching "
    "expenditures); App D Tables C and D"};

// Table D's lines add up, category by category and funding by funding, to Table C's Total Funds.
void agrees_with_table_c(const model::GrantProposal& proposal, Outcome& outcome) {
  if (!proposal.table_c) return;
  // Each category and funding is compared when both of its own amounts are known (I-45).
  const TableCAmounts amounts = table_c_amounts(*proposal.table_c);
  const model::TableD& table = *proposal.table_d;
  for (int category = 1; category <= 9; ++category) {
    for (const Funding funding : kFundings) {
      const std::optional<Money> detailed = table_d_amount(table, category, funding);
      const std::optional<Money> stated = amounts.at(category, funding);
      if (!detailed || !stated || *detailed == *stated) continue;
      const Money summarised = *stated;
      const TableDSection* section = table.sections().at(static_cast<std::size_t>(category - 1));
      outcome.add(kTableDMatchesTableC,
                  "Category " + std::to_string(category) + " " +
                      std::string(funding_name(funding)) + ": Table D lines add to " +
                      money_text(*detailed) + " but Table C shows " + money_text(summarised) + ".",
                  section != nullptr ? section->location : table.location);
    }
  }
}

inline constexpr core::RuleRef kTableDFringeBase{
    "TABLED-FRINGE-BASE", core::Severity::Warning,
    "CET RFP FY2004-05 App C item 2 (fringe benefits apply to salaried project personnel); App D "
    "Table D (Total Salaries)"};

// Fringe benefits are figured on no more salary than Table D's wages.
void fringe_within_wages(const model::TableD& table, Outcome& outcome) {
  if (!table.fringe_benefit) return;
  const std::optional<Money> wages = wages_total(table);
  if (!wages) return;
  for (const TableDLine& line : table.fringe_benefit->lines) {
    if (!line.total_salaries.present() || *line.total_salaries <= *wages) continue;
    outcome.add(kTableDFringeBase,
                "Fringe " +
                    quoted(line.type_of_benefit.present() ? *line.type_of_benefit
                                                          : std::string("(no type)")) +
                    " is figured on " + money_text(*line.total_salaries) +
                    " of salaries, more than the " + money_text(*wages) + " of wages in Table D.",
                line.location);
  }
}

}  // namespace

void check_table_c(const model::GrantProposal& proposal, const Context&, rules::Outcome& outcome) {
  if (!proposal.table_c) return;
  // TABLEC-CATEGORY, -QUARTER-SUM and -CATEGORY-SUM also check the baseline's Table C.
  const TableC* baseline =
      proposal.baseline && proposal.baseline->table_c ? &*proposal.baseline->table_c : nullptr;
  categories_numbered_once(*proposal.table_c, "Table C", outcome);
  if (baseline != nullptr) categories_numbered_once(*baseline, "Baseline Table C", outcome);
  rows_add_across(*proposal.table_c, "Table C", outcome);
  if (baseline != nullptr) rows_add_across(*baseline, "Baseline Table C", outcome);
  columns_add_down(*proposal.table_c, "Table C", outcome);
  if (baseline != nullptr) columns_add_down(*baseline, "Baseline Table C", outcome);
  requests_grant_funds(*proposal.table_c, outcome);
}

void check_table_d(const model::GrantProposal& proposal, const Context&, rules::Outcome& outcome) {
  if (!proposal.table_d) return;
  lines_multiply_out(*proposal.table_d, outcome);
  section_totals_add_up(*proposal.table_d, outcome);
  agrees_with_table_c(proposal, outcome);
  fringe_within_wages(*proposal.table_d, outcome);
}

}  // namespace pipeline::rules
