// alliance-annual-report as a bundle (formats.md §8.5): background.csv, team.csv, meetings.csv,
// events-and-products.csv, upcoming-milestones.csv and work-plan.csv become the tree of the XML
// form. A listed file with no data rows is a present, empty section; an unlisted file is an
// absent one.
#include "pipeline/ingest/form_readers.hpp"

#include "pipeline/ingest/csv_tree.hpp"

namespace pipeline::ingest {

namespace {

using Table = std::optional<CsvTable>;

// Reads a listed table and checks its columns; `unknown` receives the unknown column names.
std::variant<Table, std::string> load(const Bundle& bundle, const Manifest& manifest,
                                      std::string_view file,
                                      const std::vector<std::string_view>& required,
                                      const std::vector<std::string_view>& optional,
                                      std::vector<std::string>& unknown) {
  auto read = bundle_table(bundle, manifest, file);
  if (auto* error = std::get_if<std::string>(&read)) return *error;
  Table table = std::move(std::get<Table>(read));
  if (table) {
    if (auto error = check_columns(*table, required, optional, &unknown)) return *error;
  }
  return table;
}

// background.csv: root fields, alliance-background fields and prepared-by.
void add_background(pugi::xml_node root, pugi::xml_node background, Tree& tree,
                    const CsvTable& table, const CsvRow& row,
                    const std::vector<std::string>& unknown) {
  const std::string where = table.where(row);
  auto value = [&](pugi::xml_node parent, std::string_view column, std::string_view element) {
    if (const pugi::xml_node node = append_value(parent, element, table.cell(row, column)))
      tree.set_origin(node, where);
  };
  value(root, "report-date", "report-date");
  value(background, "alliance-name", "alliance-name");
  value(background, "initial-date-signed", "initial-date-signed");
  value(background, "date-renewed", "date-renewed");
  value(background, "overview", "overview");
  const std::string start = table.cell(row, "evaluation-period-start");
  const std::string end = table.cell(row, "evaluation-period-end");
  if (!start.empty() || !end.empty()) {
    pugi::xml_node period = background.append_child("evaluation-period");
    if (!start.empty()) period.append_attribute("start").set_value(start.c_str());
    if (!end.empty()) period.append_attribute("end").set_value(end.c_str());
    tree.set_origin(period, where);
  }
  const std::string name = table.cell(row, "prepared-by");
  const std::string role = table.cell(row, "prepared-by-role");
  if (!name.empty() || !role.empty()) {
    pugi::xml_node prepared = root.append_child("prepared-by");
    if (!name.empty()) prepared.append_child(pugi::node_pcdata).set_value(name.c_str());
    if (!role.empty()) prepared.append_attribute("role").set_value(role.c_str());
    tree.set_origin(prepared, where);
  }
  value(root, "goals-and-objectives", "goals-and-objectives");
  value(root, "measures-of-reach-and-impact", "measures-of-reach-and-impact");
  add_unknown_columns(root, tree, table, row, unknown);
}

// A table whose rows are text rows (`milestone`, `item`) under `container`.
void add_text_rows(pugi::xml_node root, Tree& tree, const CsvTable& table,
                   const std::vector<std::string>& unknown, const char* container,
                   const char* column, const char* row_name) {
  pugi::xml_node parent = root.append_child(container);
  for (const CsvRow& row : table.rows) {
    pugi::xml_node node = parent.append_child(row_name);
    const std::string value = table.cell(row, column);
    if (!value.empty()) node.append_child(pugi::node_pcdata).set_value(value.c_str());
    tree.set_origin(node, table.where(row));
    add_unknown_columns(node, tree, table, row, unknown);
  }
}

}  // namespace

TreeOrError annual_bundle_tree(const Bundle& bundle, const Manifest& manifest) {
  if (auto error = check_manifest_files(
          bundle, manifest,
          {"background.csv", "team.csv", "meetings.csv", "events-and-products.csv",
           "upcoming-milestones.csv", "work-plan.csv"}))
    return *error;
  auto tree = std::make_unique<Tree>();
  pugi::xml_node root = tree->doc.append_child("alliance-annual-report");
  add_manifest_attributes(root, manifest);

  std::vector<std::string> unknown;
  auto background =
      load(bundle, manifest, "background.csv", {},
           {"report-date", "alliance-name", "initial-date-signed", "date-renewed", "overview",
            "evaluation-period-start", "evaluation-period-end", "prepared-by", "prepared-by-role",
            "goals-and-objectives", "measures-of-reach-and-impact"},
           unknown);
  if (auto* error = std::get_if<std::string>(&background)) return *error;
  std::vector<std::string> team_unknown;
  auto team =
      load(bundle, manifest, "team.csv", {"name", "organization", "list"}, {}, team_unknown);
  if (auto* error = std::get_if<std::string>(&team)) return *error;

  // alliance-background is there when its table or the team table is.
  const Table& background_table = std::get<Table>(background);
  const Table& team_table = std::get<Table>(team);
  pugi::xml_node section;
  if (background_table || team_table) section = root.append_child("alliance-background");
  if (background_table) {
    if (auto error = check_single_row(*background_table)) return *error;
    add_background(root, section, *tree, *background_table, background_table->rows.front(),
                   unknown);
  }
  if (team_table) {
    pugi::xml_node members = section.append_child("implementation-team-members");
    pugi::xml_node contributors;
    for (const CsvRow& row : team_table->rows) {
      const std::string list = team_table->cell(row, "list");
      pugi::xml_node parent = members;
      if (list == "contributors") {
        if (!contributors) contributors = section.append_child("contributors");
        parent = contributors;
      } else if (list != "implementation-team") {
        return team_table->where(row) + ": list \"" + list +
               "\"; expected implementation-team or contributors";
      }
      pugi::xml_node member = parent.append_child("member");
      tree->set_origin(member, team_table->where(row));
      append_value(member, "name", team_table->cell(row, "name"));
      append_value(member, "organization", team_table->cell(row, "organization"));
      add_unknown_columns(member, *tree, *team_table, row, team_unknown);
    }
  }

  std::vector<std::string> meetings_unknown;
  auto meetings =
      load(bundle, manifest, "meetings.csv", {"date", "location", "type"}, {}, meetings_unknown);
  if (auto* error = std::get_if<std::string>(&meetings)) return *error;
  if (const Table& table = std::get<Table>(meetings)) {
    pugi::xml_node parent = root.append_child("implementation-team-meetings");
    for (const CsvRow& row : table->rows) {
      pugi::xml_node meeting = parent.append_child("meeting");
      tree->set_origin(meeting, table->where(row));
      for (auto column : {"date", "location", "type"})
        append_value(meeting, column, table->cell(row, column));
      add_unknown_columns(meeting, *tree, *table, row, meetings_unknown);
    }
  }

  std::vector<std::string> events_unknown;
  auto events =
      load(bundle, manifest, "events-and-products.csv", {"date"},
           {"event-or-product-type", "description-comments", "emphasis", "number-reached"},
           events_unknown);
  if (auto* error = std::get_if<std::string>(&events)) return *error;
  if (const Table& table = std::get<Table>(events)) {
    pugi::xml_node parent = root.append_child("events-and-products");
    for (const CsvRow& row : table->rows) {
      pugi::xml_node activity = parent.append_child("activity");
      tree->set_origin(activity, table->where(row));
      for (auto column :
           {"date", "event-or-product-type", "description-comments", "emphasis", "number-reached"})
        append_value(activity, column, table->cell(row, column));
      add_unknown_columns(activity, *tree, *table, row, events_unknown);
    }
  }

  std::vector<std::string> milestones_unknown;
  auto milestones =
      load(bundle, manifest, "upcoming-milestones.csv", {"milestone"}, {}, milestones_unknown);
  if (auto* error = std::get_if<std::string>(&milestones)) return *error;
  if (const Table& table = std::get<Table>(milestones))
    add_text_rows(root, *tree, *table, milestones_unknown, "upcoming-milestones", "milestone",
                  "milestone");

  std::vector<std::string> plan_unknown;
  auto plan = load(bundle, manifest, "work-plan.csv", {"item"}, {}, plan_unknown);
  if (auto* error = std::get_if<std::string>(&plan)) return *error;
  if (const Table& table = std::get<Table>(plan))
    add_text_rows(root, *tree, *table, plan_unknown, "work-plan", "item", "item");
  return tree;
}

}  // namespace pipeline::ingest
