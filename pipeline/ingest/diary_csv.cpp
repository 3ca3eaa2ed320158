// alliance-diary-sheet as CSV (formats.md §8.4): a single file whose header columns repeat on
// every row, or a bundle of header.csv, activities.csv and dates-of-contact.csv. Both become the
// tree of the XML form, so read_diary_sheet gives the same model and findings.
#include "pipeline/ingest/form_readers.hpp"

#include "pipeline/ingest/csv_tree.hpp"

namespace pipeline::ingest {

namespace {

// Root attributes carried by the single file's columns.
const std::vector<std::string_view> kRootColumns{"profile", "alliance-type", "level"};
// Header fields: elements of the root, in formats.md §4 order.
const std::vector<std::string_view> kHeaderFields{"alliance-name",
                                                  "name-of-organization",
                                                  "address",
                                                  "city",
                                                  "state",
                                                  "zip-code",
                                                  "contact-person",
                                                  "title",
                                                  "telephone-number",
                                                  "email",
                                                  "liaison",
                                                  "date-submitted"};
const std::vector<const char*> kActivityFields{
    "date", "event-or-product-type", "description-comments", "emphasis", "number-reached"};

// Column indexes of `names` in `table` (nullopt for a column it does not have), looked up once
// per table rather than once per row.
template <class Names>
std::vector<std::optional<std::size_t>> columns_of(const CsvTable& table, const Names& names) {
  std::vector<std::optional<std::size_t>> out;
  for (std::string_view name : names) out.push_back(table.column(name));
  return out;
}

// Builds the header part of the tree from one row of `table` (header.csv, or the single
// file's first row).
void add_header(pugi::xml_node root, Tree& tree, const CsvTable& table, const CsvRow& row) {
  const std::string start = table.cell(row, "period-start");
  const std::string end = table.cell(row, "period-end");
  pugi::xml_node period = root.append_child("reporting-period");
  if (!start.empty()) period.append_attribute("start").set_value(start.c_str());
  if (!end.empty()) period.append_attribute("end").set_value(end.c_str());
  tree.set_origin(period, table.file, row.number);
  for (auto field : kHeaderFields) {
    if (const pugi::xml_node node = append_value(root, field, table.cell(row, field)))
      tree.set_origin(node, table.file, row.number);
  }
}

// `columns`: columns_of(table, kActivityFields).
pugi::xml_node add_activity(pugi::xml_node activities, Tree& tree, const CsvTable& table,
                            const CsvRow& row,
                            const std::vector<std::optional<std::size_t>>& columns) {
  pugi::xml_node activity = activities.append_child("activity");
  tree.set_origin(activity, table.file, row.number);
  for (std::size_t i = 0; i < kActivityFields.size(); ++i)
    append_cell(activity, kActivityFields[i], table.cell_view(row, columns[i]));
  return activity;
}

}  // namespace

TreeOrError diary_csv_tree(const CsvTable& table) {
  static const std::vector<std::string_view> kRequired{"form-kind", "profile", "period-start",
                                                       "period-end", "row-kind"};
  std::vector<std::string_view> optional{"alliance-type", "level", "description-comments"};
  optional.insert(optional.end(), kHeaderFields.begin(), kHeaderFields.end());
  optional.insert(optional.end(), kActivityFields.begin(), kActivityFields.end());
  std::vector<std::string> unknown;
  if (auto error = check_columns(table, kRequired, optional, &unknown)) return *error;
  if (table.rows.empty())
    return table.file +
           ": no data row; a sheet with nothing to report has one row whose row-kind is header";

  // Header columns: the same value on every row.
  std::vector<std::string_view> header{"form-kind", "period-start", "period-end"};
  header.insert(header.end(), kRootColumns.begin(), kRootColumns.end());
  header.insert(header.end(), kHeaderFields.begin(), kHeaderFields.end());
  const auto header_columns = columns_of(table, header);
  const auto kind_column = table.column("row-kind");
  const CsvRow& first = table.rows.front();
  for (const CsvRow& row : table.rows) {
    for (std::size_t i = 0; i < header.size(); ++i) {
      const std::string_view value = table.cell_view(row, header_columns[i]);
      const std::string_view expected = table.cell_view(first, header_columns[i]);
      if (value != expected)
        return table.where(row) + ": column \"" + std::string(header[i]) + "\" holds \"" +
               std::string(value) + "\" but row " + std::to_string(first.number) + " holds \"" +
               std::string(expected) + "\"; header columns repeat the same value on every row";
    }
    const std::string_view kind = table.cell_view(row, kind_column);
    if (kind != "activity" && kind != "contact" && kind != "header")
      return table.where(row) + ": row-kind \"" + std::string(kind) +
             "\"; expected activity, contact or header";
  }
  const std::string form_kind = table.cell(first, "form-kind");
  if (form_kind != "alliance-diary-sheet")
    return table.file + ": form-kind \"" + form_kind +
           "\"; a single CSV file holds an alliance-diary-sheet";

  auto tree = std::make_unique<Tree>();
  tree->origin.reserve(table.rows.size() + kHeaderFields.size() + unknown.size() + 1);
  pugi::xml_node root = tree->doc.append_child("alliance-diary-sheet");
  for (auto column : kRootColumns) {
    const std::string value = table.cell(first, column);
    if (!value.empty()) root.append_attribute(std::string(column).c_str()).set_value(value.c_str());
  }
  add_header(root, *tree, table, first);
  add_unknown_columns(root, *tree, table, first, unknown);

  const auto activity_columns = columns_of(table, kActivityFields);
  // A contact row's date and description, then the activity columns it keeps.
  const std::vector<const char*> kContactFields{
      "date-of-contact", "description", "event-or-product-type", "emphasis", "number-reached"};
  const auto contact_columns = columns_of(
      table, std::vector<std::string_view>{"date", "description-comments", "event-or-product-type",
                                           "emphasis", "number-reached"});
  pugi::xml_node activities;
  pugi::xml_node contacts;
  for (const CsvRow& row : table.rows) {
    const std::string_view kind = table.cell_view(row, kind_column);
    if (kind == "activity") {
      if (!activities) activities = root.append_child("activities");
      add_activity(activities, *tree, table, row, activity_columns);
    } else if (kind == "contact") {
      if (!contacts) contacts = root.append_child("dates-of-contact");
      pugi::xml_node contact = contacts.append_child("contact");
      tree->set_origin(contact, table.file, row.number);
      // Activity columns mean nothing on a contact row: kept so the reader reports them.
      for (std::size_t i = 0; i < kContactFields.size(); ++i)
        append_cell(contact, kContactFields[i], table.cell_view(row, contact_columns[i]));
    }
  }
  return tree;
}

TreeOrError diary_bundle_tree(const Bundle& bundle, const Manifest& manifest) {
  if (auto error = check_manifest_files(bundle, manifest,
                                        {"header.csv", "activities.csv", "dates-of-contact.csv"}))
    return *error;
  auto tree = std::make_unique<Tree>();
  pugi::xml_node root = tree->doc.append_child("alliance-diary-sheet");
  add_manifest_attributes(root, manifest);

  auto header = bundle_table(bundle, manifest, "header.csv");
  if (auto* error = std::get_if<std::string>(&header)) return *error;
  const auto& header_table = std::get<std::optional<CsvTable>>(header);
  if (!header_table) return std::string("manifest.csv: header.csv is required but not listed");
  {
    std::vector<std::string_view> optional(kHeaderFields.begin(), kHeaderFields.end());
    std::vector<std::string> unknown;
    if (auto error =
            check_columns(*header_table, {"period-start", "period-end"}, optional, &unknown))
      return *error;
    if (auto error = check_single_row(*header_table)) return *error;
    add_header(root, *tree, *header_table, header_table->rows.front());
    add_unknown_columns(root, *tree, *header_table, header_table->rows.front(), unknown);
  }

  auto activities = bundle_table(bundle, manifest, "activities.csv");
  if (auto* error = std::get_if<std::string>(&activities)) return *error;
  if (const auto& table = std::get<std::optional<CsvTable>>(activities)) {
    std::vector<std::string> unknown;
    if (auto error = check_columns(
            *table, {"date"},
            {"event-or-product-type", "description-comments", "emphasis", "number-reached"},
            &unknown))
      return *error;
    pugi::xml_node container = root.append_child("activities");
    const auto columns = columns_of(*table, kActivityFields);
    for (const CsvRow& row : table->rows) {
      const pugi::xml_node activity = add_activity(container, *tree, *table, row, columns);
      add_unknown_columns(activity, *tree, *table, row, unknown);
    }
  }

  auto contacts = bundle_table(bundle, manifest, "dates-of-contact.csv");
  if (auto* error = std::get_if<std::string>(&contacts)) return *error;
  if (const auto& table = std::get<std::optional<CsvTable>>(contacts)) {
    std::vector<std::string> unknown;
    if (auto error = check_columns(*table, {"date-of-contact"}, {"description"}, &unknown))
      return *error;
    pugi::xml_node container = root.append_child("dates-of-contact");
    for (const CsvRow& row : table->rows) {
      pugi::xml_node contact = container.append_child("contact");
      tree->set_origin(contact, table->file, row.number);
      append_value(contact, "date-of-contact", table->cell(row, "date-of-contact"));
      append_value(contact, "description", table->cell(row, "description"));
      add_unknown_columns(contact, *tree, *table, row, unknown);
    }
  }
  return tree;
}

}  // namespace pipeline::ingest
