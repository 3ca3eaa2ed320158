// cet-grant-proposal Tables A–D (formats.md §3.8–§3.11): training and service activities, the
// time-flow, the summary of estimated expenditures and the detailed breakdown, read into the
// model with the TABLEA/TABLEB/TABLEC type checks formats.md §2.1 gives them.
#include "pipeline/ingest/grant_reader_parts.hpp"

namespace pipeline::ingest::grant_reader {

// ---- §3.8 table-a, §3.9 table-b ------------------------------------------------------------

model::TableA read_table_a(Reader& reader, pugi::xml_node node) {
  reader.known(node, {"training-program", "service-activity"});
  model::TableA table;
  table.location = reader.path(node);
  for (pugi::xml_node row : reader.rows(node, "training-program")) {
    reader.known(row,
                 {"title-of-training-program", "type-of-training", "number-of-sessions",
                  "number-of-persons", "length-of-session", "total-hours", "meetings-per-session"});
    model::TrainingProgram& program = table.training_programs.emplace_back();
    program.location = reader.path(row);
    program.title_of_training_program =
        reader.text(row, "title-of-training-program", Need::Required);
    program.type_of_training = checked<model::TypeOfTraining>(
        reader, reader.text(row, "type-of-training"),
        [](std::string_view text) { return parse_word(text, kTrainingTypes); }, kTableAType,
        [&](const std::string& raw) {
          return "\"" + shown(program.title_of_training_program) +
                 "\": type of training must be presentation, seminar or course, found \"" + raw +
                 "\".";
        });
    program.number_of_sessions = reader.count(row, "number-of-sessions", Need::Required);
    program.number_of_persons = reader.count(row, "number-of-persons", Need::Required);
    program.length_of_session = reader.quantity(row, "length-of-session", Need::Required);
    program.total_hours = reader.quantity(row, "total-hours", Need::Required);
    program.meetings_per_session = reader.count(row, "meetings-per-session");
  }
  for (pugi::xml_node row : reader.rows(node, "service-activity")) {
    reader.known(row, {"type-of-service-activity", "description", "number-of-hours-available",
                       "persons-per-contact"});
    model::ServiceActivity& service = table.service_activities.emplace_back();
    service.location = reader.path(row);
    const std::size_t n = table.service_activities.size();
    service.type_of_service_activity = checked<model::TypeOfServiceActivity>(
        reader, reader.text(row, "type-of-service-activity"),
        [](std::string_view text) { return parse_word(text, kServiceTypes); }, kTableAServiceType,
        [n](const std::string& raw) {
          return "Service activity " + std::to_string(n) +
                 ": type must be technical assistance, disseminate information or other, "
                 "found \"" +
                 raw + "\".";
        });
    service.description = reader.text(row, "description");
    service.number_of_hours_available =
        reader.quantity(row, "number-of-hours-available", Need::Required);
    service.persons_per_contact = reader.count(row, "persons-per-contact");
  }
  return table;
}

model::TableB read_table_b(Reader& reader, pugi::xml_node node) {
  reader.known(node, {"activity"});
  model::TableB table;
  table.location = reader.path(node);
  for (pugi::xml_node row : reader.rows(node, "activity")) {
    reader.known(row, {"name", "months"});
    model::TimeFlowActivity& activity = table.activities.emplace_back();
    activity.location = reader.path(row);
    activity.name = reader.text(row, "name", Need::Required);
    activity.months = checked<std::set<int>>(reader, reader.text(row, "months"), parse_months,
                                             kTableBMonths, [&](const std::string& raw) {
                                               return "Activity \"" + shown(activity.name) +
                                                      "\": months must be 1 to 12, found \"" + raw +
                                                      "\".";
                                             });
  }
  return table;
}

// ---- §3.10 table-c -------------------------------------------------------------------------

// A present `grant` or `matching` line must hold all five money fields.
std::optional<model::TableCLine> read_table_c_line(Reader& reader, pugi::xml_node parent,
                                                   const char* name, Need need) {
  const pugi::xml_node node = reader.once(parent, name, need);
  if (!node) return std::nullopt;
  reader.known(node, {"total-funds", "first", "second", "third", "fourth"});
  model::TableCLine line;
  line.location = reader.path(node);
  line.total_funds = reader.money(node, "total-funds", Need::Required);
  line.first = reader.money(node, "first", Need::Required);
  line.second = reader.money(node, "second", Need::Required);
  line.third = reader.money(node, "third", Need::Required);
  line.fourth = reader.money(node, "fourth", Need::Required);
  return line;
}

model::TableC read_table_c(Reader& reader, pugi::xml_node node) {
  reader.known(node, {"category", "total"});
  model::TableC table;
  table.location = reader.path(node);
  for (pugi::xml_node row : reader.rows(node, "category")) {
    reader.known(row, {"grant", "matching"}, {"number", "name"});
    model::TableCCategory& category = table.categories.emplace_back();
    category.location = reader.path(row);
    category.number = checked<std::int64_t>(
        reader, reader.attribute(row, "number"), parse_category_number, kTableCCategory,
        [](const std::string& raw) {
          return "Table C category \"" + raw + "\" is not a category number from 1 to 9.";
        });
    category.name = reader.attribute(row, "name");
    category.grant = read_table_c_line(reader, row, "grant", Need::Optional);
    category.matching = read_table_c_line(reader, row, "matching", Need::Optional);
  }
  if (const pugi::xml_node total = reader.once(node, "total", Need::Required)) {
    reader.known(total, {"grant", "matching"});
    model::TableCTotal& t = table.total.emplace();
    t.location = reader.path(total);
    t.grant = read_table_c_line(reader, total, "grant", Need::Required);
    t.matching = read_table_c_line(reader, total, "matching", Need::Required);
  }
  return table;
}

// ---- §3.11 table-d -------------------------------------------------------------------------

struct SectionShape {
  const char* name;
  int category;
  std::optional<model::TableDSection> model::TableD::*member;
  std::vector<std::string_view> rows;
};

const std::vector<SectionShape> kSections{
    {"wages-salaries", 1, &model::TableD::wages_salaries, {"line"}},
    {"fringe-benefit", 2, &model::TableD::fringe_benefit, {"line"}},
    {"travel", 3, &model::TableD::travel, {"mileage", "lodging", "meals"}},
    {"rent-and-utilities",
     4,
     &model::TableD::rent_and_utilities,
     {"office-space", "training-space", "gas-electricity", "telephone", "administrative-costs"}},
    {"office-supplies", 5, &model::TableD::office_supplies, {"line"}},
    {"training-materials", 6, &model::TableD::training_materials, {"line"}},
    {"equipment", 7, &model::TableD::equipment, {"purchase", "rental"}},
    {"contractual", 8, &model::TableD::contractual, {"line"}},
    {"other", 9, &model::TableD::other, {"line", "administrative-costs"}},
};

// The fields of one Table D row, by section and row element (formats.md §3.11).
void read_table_d_fields(Reader& reader, pugi::xml_node row, std::string_view section,
                         model::TableDLine& line) {
  using R = model::TableDRow;
  const Need req = Need::Required;
  switch (line.row) {
    case R::Line:
      if (section == "wages-salaries") {
        reader.known(row, {"position", "salary-per-week", "number-of-weeks", "total-charged"},
                     {"funding", "in-kind", "lost-time"});
        line.position = reader.text(row, "position", req);
        line.salary_per_week = reader.money(row, "salary-per-week", req);
        line.number_of_weeks = reader.quantity(row, "number-of-weeks", req);
      } else if (section == "fringe-benefit") {
        reader.known(row, {"type-of-benefit", "total-salaries", "formula-percent", "total-charged"},
                     {"funding", "in-kind"});
        line.type_of_benefit = reader.text(row, "type-of-benefit", req);
        line.total_salaries = reader.money(row, "total-salaries", req);
        line.formula_percent = reader.percent(row, "formula-percent", req);
      } else if (section == "office-supplies") {
        reader.known(row, {"type-of-supplies", "cost-per-item", "total-units", "total-charged"},
                     {"funding", "in-kind"});
        line.type_of_supplies = reader.text(row, "type-of-supplies", req);
        line.cost_per_item = reader.money(row, "cost-per-item", req);
        line.total_units = reader.quantity(row, "total-units", req);
      } else if (section == "training-materials") {
        reader.known(row, {"type-of-material", "cost-per-item", "total-units", "total-charged"},
                     {"funding", "in-kind"});
        line.type_of_material = reader.text(row, "type-of-material", req);
        line.cost_per_item = reader.money(row, "cost-per-item", req);
        line.total_units = reader.quantity(row, "total-units", req);
      } else if (section == "contractual") {
        reader.known(row, {"scope-nature-of-contract", "total-charged"}, {"funding", "in-kind"});
        line.scope_nature_of_contract = reader.text(row, "scope-nature-of-contract", req);
      } else {  // other: a missing `specify` is GRANT-INDIRECT-BROKEN-OUT's
        reader.known(row, {"specify", "total-charged"}, {"funding", "in-kind"});
        line.specify = reader.text(row, "specify");
      }
      break;
    case R::Mileage:
      reader.known(row, {"number-of-miles", "amount-per-mile", "total-charged"},
                   {"funding", "in-kind", "out-of-state", "prior-approval"});
      line.number_of_miles = reader.quantity(row, "number-of-miles", req);
      line.amount_per_mile = reader.rate(row, "amount-per-mile", req);
      break;
    case R::Lodging:
      reader.known(row, {"number-of-nights", "amount-per-night", "taxes", "total-charged"},
                   {"funding", "in-kind", "out-of-state", "prior-approval"});
      line.number_of_nights = reader.quantity(row, "number-of-nights", req);
      line.amount_per_night = reader.money(row, "amount-per-night", req);
      line.taxes = reader.money(row, "taxes");
      break;
    case R::Meals:
      reader.known(row, {"meal", "number-of-meals", "amount-per-meal", "total-charged"},
                   {"funding", "in-kind", "out-of-state", "prior-approval"});
      line.meal = word(reader, row, "meal", req, kMeals);
      line.number_of_meals = reader.quantity(row, "number-of-meals", req);
      line.amount_per_meal = reader.money(row, "amount-per-meal", req);
      break;
    case R::OfficeSpace:
    case R::TrainingSpace:
    case R::GasElectricity:
    case R::Telephone:
      reader.known(row, {"number-of-months", "monthly-amount", "total-charged"},
                   {"funding", "in-kind"});
      line.number_of_months = reader.quantity(row, "number-of-months", req);
      line.monthly_amount = reader.money(row, "monthly-amount", req);
      break;
    case R::AdministrativeCosts:  // no item at all is GRANT-ADMIN-LUMP-ITEMS's
      reader.known(row, {"item", "total-charged"}, {"funding", "in-kind"});
      line.items = text_rows(reader, row, "item");
      break;
    case R::Purchase:
    case R::Rental:
      reader.known(
          row,
          {line.row == R::Purchase ? "type-of-equipment" : "type-of-rental", "cost-per-item",
           "total-units", "total-charged", "life-span-months", "bids", "bid-explanation"},
          {"funding", "in-kind", "prior-approval"});
      if (line.row == R::Purchase)
        line.type_of_equipment = reader.text(row, "type-of-equipment", req);
      else
        line.type_of_rental = reader.text(row, "type-of-rental", req);
      line.cost_per_item = reader.money(row, "cost-per-item", req);
      line.total_units = reader.quantity(row, "total-units", req);
      line.life_span_months = reader.count(row, "life-span-months");
      line.bids = reader.count(row, "bids");
      line.bid_explanation = reader.text(row, "bid-explanation");
      break;
  }
  line.total_charged = reader.money(row, "total-charged", req);
}

void read_table_d_line(Reader& reader, pugi::xml_node row, std::string_view section,
                       model::TableDLine& line) {
  line.location = reader.path(row);
  line.element = row.name();
  line.row = model::table_d_row_of(line.element);
  const auto yes_no_attribute = [&](const char* name) {
    return reader.typed_attribute<bool>(row, name, Need::Optional, parse_yes_no, "yes or no");
  };
  line.funding = word_attribute(reader, row, "funding", Need::Required, kFundings);
  line.in_kind = yes_no_attribute("in-kind");
  if (section == "wages-salaries") line.lost_time = yes_no_attribute("lost-time");
  if (section == "travel") line.out_of_state = yes_no_attribute("out-of-state");
  if (section == "travel" || section == "equipment")
    line.prior_approval = reader.attribute(row, "prior-approval");
  read_table_d_fields(reader, row, section, line);
}

model::TableDSection read_table_d_section(Reader& reader, pugi::xml_node node,
                                          const SectionShape& shape) {
  model::TableDSection section;
  section.location = reader.path(node);
  section.category = shape.category;
  section.name = shape.name;
  // Register every row element first so that paths carry indexes, then read in document order.
  std::vector<pugi::xml_node> rows;
  for (std::string_view element : shape.rows) {
    const std::string name(element);
    for (pugi::xml_node row : reader.rows(node, name.c_str())) rows.push_back(row);
  }
  // Lines are large: read in place, never moved. The rows are the children named as one of
  // the section's row elements (what rows() listed).
  section.lines.reserve(rows.size());
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    const std::string_view child_name = child.name();
    if (!child_name.empty() &&
        std::find(shape.rows.begin(), shape.rows.end(), child_name) != shape.rows.end())
      read_table_d_line(reader, child, shape.name, section.lines.emplace_back());
  }
  section.total_grant = reader.money(node, "total-grant");
  section.total_matching = reader.money(node, "total-matching");
  return section;
}

model::TableD read_table_d(Reader& reader, pugi::xml_node node) {
  reader.known(
      node, {"wages-salaries", "fringe-benefit", "travel", "rent-and-utilities", "office-supplies",
             "training-materials", "equipment", "contractual", "other"});
  model::TableD table;
  table.location = reader.path(node);
  for (const SectionShape& shape : kSections) {
    const pugi::xml_node section = reader.once(node, shape.name);
    if (!section) continue;
    // A section's known children are its row elements and the two declared totals; it has no
    // attributes.
    std::vector<std::string_view> names = shape.rows;
    names.push_back("total-grant");
    names.push_back("total-matching");
    for (pugi::xml_node child = section.first_child(); child; child = child.next_sibling()) {
      if (child.type() == pugi::node_element &&
          std::find(names.begin(), names.end(), std::string_view(child.name())) == names.end())
        reader.report_unknown(reader.path(child), child.name());
    }
    for (pugi::xml_attribute a = section.first_attribute(); a; a = a.next_attribute())
      reader.report_unknown(reader.attribute_path(section, a.name()), a.name());
    table.*shape.member = read_table_d_section(reader, section, shape);
  }
  return table;
}

}  // namespace pipeline::ingest::grant_reader
