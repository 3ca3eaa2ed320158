// formats.md §8.3: a cet-grant-proposal bundle (manifest.csv plus one CSV per table) -> the XML
// tree the same proposal would have, so read_grant_proposal serves both and a CSV twin gives the
// findings of its XML. Every element built from a CSV row remembers "FILE row N"; a table's
// container remembers its file. Empty cells are left out (an empty value counts as absent);
// cells of unknown columns, and cells a row kind does not use, become elements under their
// column name so the reader reports them as FORMAT-UNKNOWN.
//
// Every FORMAT-CSV problem (a file not in §8.3, a missing required column, a single-row file
// without exactly one row, a row-kind column whose value names no row kind) is found while the
// tables are loaded, before any element is built.
#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pipeline/ingest/form_readers.hpp"
#include "pipeline/model/grant_words.hpp"

namespace pipeline::ingest {

namespace {

using Columns = std::vector<std::string_view>;

const Columns kFiles{"signature-sheet.csv",  "statement-of-affiliation.csv",
                     "proposal.csv",         "narrative.csv",
                     "key-personnel.csv",    "advisory-committee.csv",
                     "table-a.csv",          "table-b.csv",
                     "table-c.csv",          "table-d.csv",
                     "program-income.csv",   "performance.csv",
                     "change-request.csv",   "baseline-key-personnel.csv",
                     "baseline-table-a.csv", "baseline-table-c.csv"};

// One file of §8.3: its columns and, for the files whose rows are of several kinds, the column
// that names the kind and the kinds it may name.
struct TableShape {
  std::string_view file;
  Columns required;
  Columns optional;
  bool single_row = false;
  std::string_view kind_column = {};
  Columns kinds = {};
};

const Columns kKeyPersonnelColumns{"institutional-base-salary", "resume"};
const Columns kTableAColumns{
    "title-of-training-program", "type-of-training",         "number-of-sessions",
    "number-of-persons",         "length-of-session",        "total-hours",
    "meetings-per-session",      "type-of-service-activity", "description",
    "number-of-hours-available", "persons-per-contact"};
const Columns kTableCColumns{"category", "source", "total-funds", "first",
                             "second",   "third",  "fourth"};
const Columns kMonthColumns{"month-1", "month-2", "month-3", "month-4",  "month-5",  "month-6",
                            "month-7", "month-8", "month-9", "month-10", "month-11", "month-12"};
const Columns kTableDSections{"wages-salaries",     "fringe-benefit",  "travel",
                              "rent-and-utilities", "office-supplies", "training-materials",
                              "equipment",          "contractual",     "other"};
// The row kinds of table-d.csv: the row elements of Table D, then the section totals.
const Columns kTableDLines = [] {
  Columns out(model::kTableDRowElements.begin(), model::kTableDRowElements.end());
  out.insert(out.end(), {"total-grant", "total-matching"});
  return out;
}();

Columns with(Columns a, const Columns& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

const std::vector<TableShape>& shapes() {
  static const std::vector<TableShape> kShapes{
      {"signature-sheet.csv",
       {"project-title", "sponsoring-organization", "authorized-contact-person", "position-title",
        "mailing-address", "city", "state", "zip-code", "total-amount-of-cet-funds-requested",
        "telephone-number", "signature-of-official", "title", "date"},
       {},
       true},
      {"statement-of-affiliation.csv", {"authorized-signature", "organization", "date"}, {}},
      {"proposal.csv",
       {},
       {"nonprofit", "nonprofit-evidence", "applicant-category", "participating-organizations",
        "consecutive-prior-cycles", "parallel-projects", "naics", "small-establishments", "serves",
        "activities-to-be-funded", "evaluation-cooperation", "start-within-four-weeks",
        "applied-to-project-expenses", "subcontracting-over-20-percent"},
       true},
      {"narrative.csv",
       {"section"},
       {"file", "pages", "text"},
       false,
       "section",
       {"problem-addressed", "project-summary", "project-sponsor", "project-innovation",
        "project-management", "project-budget-narrative"}},
      {"key-personnel.csv", {"name", "position", "role"}, kKeyPersonnelColumns},
      {"advisory-committee.csv", {"name", "affiliation"}, {"expertise"}},
      {"table-a.csv", {"part"}, kTableAColumns, false, "part", {"training", "service"}},
      {"table-b.csv", with({"activity"}, kMonthColumns), {}},
      {"table-c.csv", kTableCColumns, {}, false, "source", {"grant", "matching"}},
      {"table-d.csv",
       {"section", "line"},
       {"funding", "description", "meal", "unit-amount", "quantity", "total-salaries",
        "formula-percent", "taxes", "total-charged", "life-span-months", "bids", "bid-explanation",
        "flags", "prior-approval"},
       false,
       "section",
       kTableDSections},
      {"program-income.csv", {"description", "purpose", "expected-income"}, {"prior-approval"}},
      {"performance.csv",
       {"measure"},
       {"objective", "outcome", "baseline-objective"},
       false,
       "measure",
       {"people-trained", "person-hours"}},
      {"change-request.csv", {"requested-on", "proposed-implementation-date"}, {"reason"}, true},
      {"baseline-key-personnel.csv", {"name", "position", "role"}, kKeyPersonnelColumns},
      {"baseline-table-a.csv", {"part"}, kTableAColumns, false, "part", {"training", "service"}},
      {"baseline-table-c.csv", kTableCColumns, {}, false, "source", {"grant", "matching"}},
  };
  return kShapes;
}

// A listed file, parsed and checked, with the columns §8.3 does not define.
struct Table {
  CsvTable csv;
  std::vector<std::string> unknown;
};

std::optional<std::string> check_kinds(const CsvTable& csv, std::string_view column,
                                       const Columns& kinds) {
  for (const CsvRow& row : csv.rows) {
    const std::string value = csv.cell(row, column);
    if (std::find(kinds.begin(), kinds.end(), value) == kinds.end()) {
      std::string expected;
      for (auto kind : kinds) expected += (expected.empty() ? "" : ", ") + std::string(kind);
      return csv.where(row) + ": " + std::string(column) + " \"" + value + "\" is not one of " +
             expected;
    }
  }
  return std::nullopt;
}

// table-d.csv: besides the section, `line` must name a row element or a declared total.
std::optional<std::string> check_table_d_lines(const CsvTable& csv) {
  return check_kinds(csv, "line", kTableDLines);
}

// Loads every listed file of the bundle; the FORMAT-CSV message on the first problem.
std::variant<std::map<std::string, Table, std::less<>>, std::string> load_tables(
    const Bundle& bundle, const Manifest& manifest) {
  std::map<std::string, Table, std::less<>> tables;
  for (const TableShape& shape : shapes()) {
    auto loaded = bundle_table(bundle, manifest, shape.file);
    if (auto* error = std::get_if<std::string>(&loaded)) return *error;
    auto& csv = std::get<std::optional<CsvTable>>(loaded);
    if (!csv) continue;
    Table table{std::move(*csv), {}};
    if (auto error = check_columns(table.csv, shape.required, shape.optional, &table.unknown))
      return *error;
    if (shape.single_row && table.csv.rows.size() != 1)
      return table.csv.file + ": holds " + std::to_string(table.csv.rows.size()) +
             " data rows; it must hold exactly one";
    if (!shape.kind_column.empty()) {
      if (auto error = check_kinds(table.csv, shape.kind_column, shape.kinds)) return *error;
    }
    if (shape.file == "table-d.csv") {
      if (auto error = check_table_d_lines(table.csv)) return *error;
    }
    tables.emplace(std::string(shape.file), std::move(table));
  }
  return tables;
}

// Builds the tree from the loaded tables.
class Builder {
 public:
  Builder(Tree& tree, const std::map<std::string, Table, std::less<>>& tables)
      : tree_(tree), tables_(tables) {}

  const Table* table(std::string_view file) const {
    auto it = tables_.find(file);
    return it == tables_.end() ? nullptr : &it->second;
  }

  // A value element holding `value`; nothing when the value is empty (absent).
  static void value(pugi::xml_node parent, std::string_view name, const std::string& text) {
    if (text.empty()) return;
    parent.append_child(std::string(name).c_str()).text().set(text.c_str());
  }
  // The cell of `column` as a value element named `name` (the column name by default).
  static void cell(pugi::xml_node parent, const Table& t, const CsvRow& row,
                   std::string_view column, std::string_view name = {}) {
    value(parent, name.empty() ? column : name, t.csv.cell(row, column));
  }
  static void attribute(pugi::xml_node node, const char* name, const std::string& text) {
    if (!text.empty()) node.append_attribute(name).set_value(text.c_str());
  }
  // The cells of unknown columns, as elements of `parent` (reported by the reader).
  void unknown_cells(pugi::xml_node parent, const Table& t, const CsvRow& row,
                     bool mark_origin = false) {
    for (const std::string& column : t.unknown) {
      pugi::xml_node node = parent.append_child(column.c_str());
      node.text().set(t.csv.cell(row, column).c_str());
      if (mark_origin) tree_.set_origin(node, t.csv.where(row));
    }
  }
  // A row element built from `row`, remembering where it came from.
  pugi::xml_node row_element(pugi::xml_node parent, std::string_view name, const Table& t,
                             const CsvRow& row) {
    pugi::xml_node node = parent.append_child(std::string(name).c_str());
    tree_.set_origin(node, t.csv.where(row));
    return node;
  }
  // A table's container, remembering its file.
  pugi::xml_node container(pugi::xml_node parent, const char* name, const Table& t) {
    pugi::xml_node node = parent.append_child(name);
    tree_.set_origin(node, t.csv.file);
    return node;
  }
  // `name` under `parent`, created on first use.
  static pugi::xml_node child(pugi::xml_node parent, const char* name) {
    pugi::xml_node node = parent.child(name);
    return node ? node : parent.append_child(name);
  }

  void signature_sheet(pugi::xml_node root);
  void proposal(pugi::xml_node root);
  void narrative(pugi::xml_node root);
  void key_personnel(pugi::xml_node parent, const Table& t);
  void advisory_committee(pugi::xml_node root);
  void table_a(pugi::xml_node parent, const Table& t);
  void table_b(pugi::xml_node root);
  void table_c(pugi::xml_node parent, const Table& t);
  void table_d(pugi::xml_node root);
  void program_income(pugi::xml_node root);
  void performance(pugi::xml_node root);
  void change_request(pugi::xml_node root);
  void baseline(pugi::xml_node root, const Manifest& manifest);

 private:
  Tree& tree_;
  const std::map<std::string, Table, std::less<>>& tables_;

  void table_d_line(pugi::xml_node section, const Table& t, const CsvRow& row);
};

// Splits a cell's list on `;` (and on spaces too when `spaces`), dropping empty items.
std::vector<std::string> split_list(const std::string& text, bool spaces) {
  std::vector<std::string> items;
  std::string item;
  const auto flush = [&] {
    const auto first = item.find_first_not_of(' ');
    if (first != std::string::npos) {
      const auto last = item.find_last_not_of(' ');
      items.push_back(item.substr(first, last - first + 1));
    }
    item.clear();
  };
  for (char c : text) {
    if (c == ';' || (spaces && (c == ' ' || c == '\t'))) {
      flush();
    } else {
      item += c;
    }
  }
  flush();
  return items;
}

std::string join_words(const std::string& text) {
  std::string out;
  for (const std::string& word : split_list(text, true)) out += (out.empty() ? "" : " ") + word;
  return out;
}

void Builder::signature_sheet(pugi::xml_node root) {
  const Table* sheet = table("signature-sheet.csv");
  const Table* signers = table("statement-of-affiliation.csv");
  if (!sheet && !signers) return;
  pugi::xml_node node = root.append_child("signature-sheet");
  if (sheet) {
    const CsvRow& row = sheet->csv.rows.front();
    tree_.set_origin(node, sheet->csv.where(row));
    for (std::string_view column :
         {"project-title", "sponsoring-organization", "authorized-contact-person", "position-title",
          "mailing-address", "city", "state", "zip-code", "total-amount-of-cet-funds-requested",
          "telephone-number"})
      cell(node, *sheet, row, column);
    const Columns certification{"signature-of-official", "title", "date"};
    if (std::any_of(certification.begin(), certification.end(),
                    [&](std::string_view c) { return !sheet->csv.cell(row, c).empty(); })) {
      pugi::xml_node cert = node.append_child("certification-and-signature");
      for (std::string_view column : certification) cell(cert, *sheet, row, column);
    }
    unknown_cells(node, *sheet, row);
  }
  if (signers) {
    pugi::xml_node statement = container(node, "statement-of-affiliation", *signers);
    for (const CsvRow& row : signers->csv.rows) {
      pugi::xml_node signer = row_element(statement, "signer", *signers, row);
      for (std::string_view column : {"authorized-signature", "organization", "date"})
        cell(signer, *signers, row, column);
      unknown_cells(signer, *signers, row);
    }
  }
}

// proposal.csv: one row spread over applicant, target-audience, project-design,
// commitments, program-income and approvals; each gets the element it would have in XML.
void Builder::proposal(pugi::xml_node root) {
  const Table* t = table("proposal.csv");
  if (!t) return;
  const CsvRow& row = t->csv.rows.front();
  const std::string where = t->csv.where(row);
  const auto has_any = [&](std::initializer_list<std::string_view> columns) {
    return std::any_of(columns.begin(), columns.end(),
                       [&](std::string_view c) { return !t->csv.cell(row, c).empty(); });
  };
  const auto part = [&](const char* name) {
    pugi::xml_node node = root.append_child(name);
    tree_.set_origin(node, where);
    return node;
  };

  if (has_any({"nonprofit", "nonprofit-evidence", "applicant-category",
               "participating-organizations", "consecutive-prior-cycles", "parallel-projects"})) {
    pugi::xml_node applicant = part("applicant");
    cell(applicant, *t, row, "nonprofit");
    cell(applicant, *t, row, "nonprofit-evidence");
    cell(applicant, *t, row, "applicant-category");
    if (const std::string orgs = t->csv.cell(row, "participating-organizations"); !orgs.empty()) {
      pugi::xml_node list = applicant.append_child("participating-organizations");
      for (const std::string& org : split_list(orgs, false)) value(list, "organization", org);
    }
    cell(applicant, *t, row, "consecutive-prior-cycles");
    if (const std::string parallel = t->csv.cell(row, "parallel-projects"); !parallel.empty()) {
      pugi::xml_node list = applicant.append_child("parallel-projects");
      if (parallel == "none") {
        list.append_attribute("none").set_value("yes");
      } else {
        for (const std::string& project : split_list(parallel, false))
          value(list, "project", project);
      }
    }
  }
  if (has_any({"naics", "small-establishments", "serves"})) {
    pugi::xml_node audience = part("target-audience");
    for (const std::string& code : split_list(t->csv.cell(row, "naics"), true))
      value(audience, "naics", code);
    cell(audience, *t, row, "small-establishments");
    cell(audience, *t, row, "serves");
  }
  if (const std::string activities = t->csv.cell(row, "activities-to-be-funded");
      !activities.empty()) {
    pugi::xml_node design = child(child(root, "proposal-narrative"), "project-design");
    pugi::xml_node node = design.append_child("activities-to-be-funded");
    node.text().set(activities.c_str());
    tree_.set_origin(node, where);
  }
  if (has_any({"evaluation-cooperation", "start-within-four-weeks"})) {
    pugi::xml_node commitments = part("commitments");
    cell(commitments, *t, row, "evaluation-cooperation");
    cell(commitments, *t, row, "start-within-four-weeks");
  }
  if (const std::string applied = t->csv.cell(row, "applied-to-project-expenses");
      !applied.empty()) {
    pugi::xml_node node = child(root, "program-income").append_child("applied-to-project-expenses");
    node.text().set(applied.c_str());
    tree_.set_origin(node, where);
  }
  if (has_any({"subcontracting-over-20-percent"})) {
    pugi::xml_node approvals = part("approvals");
    cell(approvals, *t, row, "subcontracting-over-20-percent");
  }
  unknown_cells(root, *t, row, true);
}

// narrative.csv: one row per narrative part, each placed where the XML has it.
void Builder::narrative(pugi::xml_node root) {
  const Table* t = table("narrative.csv");
  if (!t) return;
  for (const CsvRow& row : t->csv.rows) {
    const std::string section = t->csv.cell(row, "section");
    pugi::xml_node parent = root;
    if (section != "project-budget-narrative") {
      parent = child(root, "proposal-narrative");
      tree_.set_origin(parent, t->csv.file);
      if (section != "problem-addressed" && section != "project-management") {
        parent = child(parent, "project-design");
        tree_.set_origin(parent, t->csv.file);
      }
    }
    pugi::xml_node node = row_element(parent, section, *t, row);
    attribute(node, "file", t->csv.cell(row, "file"));
    attribute(node, "pages", t->csv.cell(row, "pages"));
    const std::string text = t->csv.cell(row, "text");
    if (!text.empty()) node.text().set(text.c_str());
    unknown_cells(node, *t, row);
  }
}

void Builder::key_personnel(pugi::xml_node parent, const Table& t) {
  pugi::xml_node list = container(parent, "key-personnel", t);
  for (const CsvRow& row : t.csv.rows) {
    pugi::xml_node person = row_element(list, "person", t, row);
    cell(person, t, row, "name");
    cell(person, t, row, "position");
    value(person, "role", join_words(t.csv.cell(row, "role")));
    cell(person, t, row, "institutional-base-salary");
    cell(person, t, row, "resume");
    unknown_cells(person, t, row);
  }
}

void Builder::advisory_committee(pugi::xml_node root) {
  const Table* t = table("advisory-committee.csv");
  if (!t) return;
  pugi::xml_node list = container(root, "advisory-committee", *t);
  for (const CsvRow& row : t->csv.rows) {
    pugi::xml_node member = row_element(list, "member", *t, row);
    for (std::string_view column : {"name", "affiliation", "expertise"})
      cell(member, *t, row, column);
    unknown_cells(member, *t, row);
  }
}

// table-a.csv: `part` says whether a row is a training program or a service activity; the
// columns of the other part, when filled in, are unknown to the row and reported.
void Builder::table_a(pugi::xml_node parent, const Table& t) {
  pugi::xml_node list = container(parent, "table-a", t);
  for (const CsvRow& row : t.csv.rows) {
    const bool training = t.csv.cell(row, "part") == "training";
    pugi::xml_node node =
        row_element(list, training ? "training-program" : "service-activity", t, row);
    for (std::string_view column : kTableAColumns) cell(node, t, row, column);
    unknown_cells(node, t, row);
  }
}

// table-b.csv: a cell holding x or X marks the month; any other non-empty cell is kept in the
// months text as "month-N=value", which TABLEB-MONTHS then rejects.
void Builder::table_b(pugi::xml_node root) {
  const Table* t = table("table-b.csv");
  if (!t) return;
  pugi::xml_node list = container(root, "table-b", *t);
  for (const CsvRow& row : t->csv.rows) {
    pugi::xml_node activity = row_element(list, "activity", *t, row);
    cell(activity, *t, row, "activity", "name");
    std::string months;
    for (std::size_t m = 0; m < kMonthColumns.size(); ++m) {
      const std::string mark = t->csv.cell(row, kMonthColumns[m]);
      if (mark.empty()) continue;
      if (!months.empty()) months += ' ';
      months += mark == "x" || mark == "X" ? std::to_string(m + 1)
                                           : std::string(kMonthColumns[m]) + "=" + mark;
    }
    value(activity, "months", months);
    unknown_cells(activity, *t, row);
  }
}

// table-c.csv: one row per category (1-9 or `total`) and source; the rows of one category
// share its element, in order of first appearance.
void Builder::table_c(pugi::xml_node parent, const Table& t) {
  pugi::xml_node list = container(parent, "table-c", t);
  std::map<std::string, pugi::xml_node> categories;
  for (const CsvRow& row : t.csv.rows) {
    const std::string category = t.csv.cell(row, "category");
    pugi::xml_node& holder = categories[category];
    if (!holder) {
      if (category == "total") {
        holder = row_element(list, "total", t, row);
      } else {
        holder = row_element(list, "category", t, row);
        attribute(holder, "number", category);
      }
    }
    pugi::xml_node line = row_element(holder, t.csv.cell(row, "source"), t, row);
    for (std::string_view column : {"total-funds", "first", "second", "third", "fourth"})
      cell(line, t, row, column);
    unknown_cells(line, t, row);
  }
}

// Which element each of table-d.csv's shared columns fills for a row kind (formats.md §8.3);
// an empty name means the row kind has no such field.
struct LineColumns {
  std::string_view description;
  std::string_view unit_amount;
  std::string_view quantity;
};

LineColumns line_columns(std::string_view section, std::string_view line) {
  if (line == "line") {
    if (section == "wages-salaries") return {"position", "salary-per-week", "number-of-weeks"};
    if (section == "fringe-benefit") return {"type-of-benefit", {}, {}};
    if (section == "office-supplies") return {"type-of-supplies", "cost-per-item", "total-units"};
    if (section == "training-materials")
      return {"type-of-material", "cost-per-item", "total-units"};
    if (section == "contractual") return {"scope-nature-of-contract", {}, {}};
    if (section == "other") return {"specify", {}, {}};
    return {};
  }
  if (line == "mileage") return {{}, "amount-per-mile", "number-of-miles"};
  if (line == "lodging") return {{}, "amount-per-night", "number-of-nights"};
  if (line == "meals") return {{}, "amount-per-meal", "number-of-meals"};
  if (line == "purchase") return {"type-of-equipment", "cost-per-item", "total-units"};
  if (line == "rental") return {"type-of-rental", "cost-per-item", "total-units"};
  if (line == "office-space" || line == "training-space" || line == "gas-electricity" ||
      line == "telephone")
    return {{}, "monthly-amount", "number-of-months"};
  return {};  // administrative-costs: description holds the items
}

void Builder::table_d_line(pugi::xml_node section, const Table& t, const CsvRow& row) {
  const std::string section_name = t.csv.cell(row, "section");
  const std::string line_name = t.csv.cell(row, "line");
  pugi::xml_node node = row_element(section, line_name, t, row);
  const bool total = line_name == "total-grant" || line_name == "total-matching";
  if (total) {
    const std::string amount = t.csv.cell(row, "total-charged");
    if (!amount.empty()) node.text().set(amount.c_str());
  }
  attribute(node, "funding", t.csv.cell(row, "funding"));
  for (const std::string& flag : split_list(t.csv.cell(row, "flags"), true))
    attribute(node, flag.c_str(), "yes");
  attribute(node, "prior-approval", t.csv.cell(row, "prior-approval"));

  const LineColumns shared = line_columns(section_name, line_name);
  const std::string description = t.csv.cell(row, "description");
  if (line_name == "administrative-costs") {
    for (const std::string& item : split_list(description, false)) value(node, "item", item);
  } else {
    value(node, shared.description.empty() ? "description" : shared.description, description);
  }
  cell(node, t, row, "meal");
  cell(node, t, row, "unit-amount", shared.unit_amount);
  cell(node, t, row, "quantity", shared.quantity);
  for (std::string_view column : {"total-salaries", "formula-percent", "taxes"})
    cell(node, t, row, column);
  if (!total) cell(node, t, row, "total-charged");
  for (std::string_view column : {"life-span-months", "bids", "bid-explanation"})
    cell(node, t, row, column);
  unknown_cells(node, t, row);
}

// table-d.csv: one row per line; a section element per section, in order of first appearance.
void Builder::table_d(pugi::xml_node root) {
  const Table* t = table("table-d.csv");
  if (!t) return;
  pugi::xml_node list = container(root, "table-d", *t);
  for (const CsvRow& row : t->csv.rows) {
    const std::string section = t->csv.cell(row, "section");
    table_d_line(child(list, section.c_str()), *t, row);
  }
}

void Builder::program_income(pugi::xml_node root) {
  const Table* t = table("program-income.csv");
  if (!t) return;
  pugi::xml_node income = child(root, "program-income");
  tree_.set_origin(income, t->csv.file);
  for (const CsvRow& row : t->csv.rows) {
    pugi::xml_node fee = row_element(income, "fee", *t, row);
    attribute(fee, "prior-approval", t->csv.cell(row, "prior-approval"));
    for (std::string_view column : {"description", "purpose", "expected-income"})
      cell(fee, *t, row, column);
    unknown_cells(fee, *t, row);
  }
}

// performance.csv: one row per measure, filling performance-objectives, performance-outcome
// and baseline/performance-objectives.
void Builder::performance(pugi::xml_node root) {
  const Table* t = table("performance.csv");
  if (!t) return;
  const auto holder = [&](pugi::xml_node parent, const char* name) {
    pugi::xml_node node = parent.child(name);
    if (!node) {
      node = parent.append_child(name);
      tree_.set_origin(node, t->csv.file);
    }
    return node;
  };
  for (const CsvRow& row : t->csv.rows) {
    const std::string measure = t->csv.cell(row, "measure");
    const auto place = [&](pugi::xml_node parent, const char* name, std::string_view column) {
      const std::string text = t->csv.cell(row, column);
      if (text.empty()) return;
      pugi::xml_node node = holder(parent, name).append_child(measure.c_str());
      node.text().set(text.c_str());
      tree_.set_origin(node, t->csv.where(row));
    };
    place(root, "performance-objectives", "objective");
    place(root, "performance-outcome", "outcome");
    if (!t->csv.cell(row, "baseline-objective").empty())
      place(child(root, "baseline"), "performance-objectives", "baseline-objective");
    unknown_cells(root, *t, row, true);
  }
}

void Builder::change_request(pugi::xml_node root) {
  const Table* t = table("change-request.csv");
  if (!t) return;
  const CsvRow& row = t->csv.rows.front();
  pugi::xml_node request = row_element(root, "change-request", *t, row);
  for (std::string_view column : {"requested-on", "proposed-implementation-date", "reason"})
    cell(request, *t, row, column);
  unknown_cells(request, *t, row);
}

void Builder::baseline(pugi::xml_node root, const Manifest& manifest) {
  const Table* people = table("baseline-key-personnel.csv");
  const Table* a = table("baseline-table-a.csv");
  const Table* c = table("baseline-table-c.csv");
  const std::string* approved = manifest.find("baseline-approved-on");
  if (!people && !a && !c && !approved) return;
  pugi::xml_node node = child(root, "baseline");
  if (approved) attribute(node, "approved-on", *approved);
  if (people) key_personnel(node, *people);
  if (a) table_a(node, *a);
  if (c) table_c(node, *c);
}

}  // namespace

TreeOrError grant_bundle_tree(const Bundle& bundle, const Manifest& manifest) {
  if (auto error = check_manifest_files(bundle, manifest, kFiles)) return *error;
  auto loaded = load_tables(bundle, manifest);
  if (auto* error = std::get_if<std::string>(&loaded)) return *error;
  const auto& tables = std::get<std::map<std::string, Table, std::less<>>>(loaded);

  auto tree = std::make_unique<Tree>();
  pugi::xml_node root = tree->doc.append_child("cet-grant-proposal");
  // Manifest keys: the root attributes, `received`, and the baseline's approval date. Keys that
  // are not part of this form (alliance-type, level, action, unknown ones) become attributes
  // the reader reports as FORMAT-UNKNOWN.
  for (const auto& [key, text] : manifest.values) {
    if (key == "form-kind" || key == "baseline-approved-on") continue;
    if (key == "received") {
      pugi::xml_node node = root.append_child("received");
      node.text().set(text.c_str());
      tree->set_origin(node, "manifest.csv");
    } else {
      root.append_attribute(key == "format-version" ? "version" : key.c_str())
          .set_value(text.c_str());
    }
  }
  for (const std::string& key : manifest.unknown_keys)
    if (!key.empty()) root.append_attribute(key.c_str());

  Builder builder(*tree, tables);
  builder.signature_sheet(root);
  builder.proposal(root);
  builder.narrative(root);
  if (const Table* t = builder.table("key-personnel.csv")) builder.key_personnel(root, *t);
  builder.advisory_committee(root);
  if (const Table* t = builder.table("table-a.csv")) builder.table_a(root, *t);
  builder.table_b(root);
  if (const Table* t = builder.table("table-c.csv")) builder.table_c(root, *t);
  builder.table_d(root);
  builder.program_income(root);
  builder.performance(root);
  builder.change_request(root);
  builder.baseline(root, manifest);
  return tree;
}

}  // namespace pipeline::ingest
