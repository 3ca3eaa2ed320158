#include "pipeline/forms/field_names.hpp"

#include <pugixml.hpp>

#include <array>
#include <utility>

#include "pipeline/core/error.hpp"

namespace pipeline::forms {

namespace {

// Table D's sections: every row element in them repeats (the declared totals do not).
constexpr std::array<std::string_view, 9> kTableDSections{
    "wages-salaries",     "fringe-benefit",  "travel",
    "rent-and-utilities", "office-supplies", "training-materials",
    "equipment",          "contractual",     "other"};

constexpr std::array<std::pair<std::string_view, std::string_view>, 20> kRepeated{{
    {"activities", "activity"},
    {"events-and-products", "activity"},
    {"table-b", "activity"},
    {"dates-of-contact", "contact"},
    {"implementation-team-members", "member"},
    {"contributors", "member"},
    {"advisory-committee", "member"},
    {"implementation-team-meetings", "meeting"},
    {"upcoming-milestones", "milestone"},
    {"work-plan", "item"},
    {"administrative-costs", "item"},
    {"target-audience", "naics"},
    {"participating-organizations", "organization"},
    {"parallel-projects", "project"},
    {"statement-of-affiliation", "signer"},
    {"key-personnel", "person"},
    {"table-a", "training-program"},
    {"table-a", "service-activity"},
    {"table-c", "category"},
    {"program-income", "fee"},
}};

constexpr std::array<std::string_view, 7> kTextChild{
    "problem-addressed",  "project-summary",          "project-sponsor", "project-innovation",
    "project-management", "project-budget-narrative", "prepared-by"};

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Trimmed, runs of white space as one space, a blank line (paragraph break) as "\n\n".
std::string tidy(std::string_view text) {
  std::string out;
  bool space = false;
  bool paragraph = false;
  int newlines = 0;
  for (const char c : text) {
    if (is_space(c)) {
      space = true;
      if (c == '\n' && ++newlines >= 2) paragraph = true;
      continue;
    }
    if (!out.empty() && paragraph)
      out += "\n\n";
    else if (!out.empty() && space)
      out += ' ';
    space = paragraph = false;
    newlines = 0;
    out += c;
  }
  return out;
}

void put(FieldValues& values, std::string name, std::string_view text) {
  std::string value = tidy(text);
  if (!value.empty()) values[std::move(name)] = std::move(value);
}

void walk(pugi::xml_node node, const std::string& path, FieldValues& values) {
  const std::string prefix = path.empty() ? std::string() : path + ".";
  const std::string_view name = node.name();
  for (const pugi::xml_attribute a : node.attributes()) {
    const std::string_view attribute = a.name();
    if (path.empty() && (attribute == "profile" || attribute == "version")) continue;
    put(values, prefix + std::string(attribute), a.value());
  }
  bool has_elements = false;
  std::map<std::string, int, std::less<>> positions;
  for (const pugi::xml_node child : node.children()) {
    if (child.type() != pugi::node_element) continue;
    has_elements = true;
    std::string child_name = prefix + child.name();
    if (is_repeated(name, child.name()))
      child_name += "." + std::to_string(++positions[child.name()]);
    walk(child, child_name, values);
  }
  if (has_elements || path.empty()) return;
  const std::string text = node.text().get();
  if (has_text_child(name))
    put(values, prefix + "text", text);
  else
    put(values, path, text);
}

}  // namespace

bool is_repeated(std::string_view parent, std::string_view child) {
  for (const auto& [p, c] : kRepeated)
    if (p == parent && c == child) return true;
  for (const auto section : kTableDSections)
    if (parent == section) return child != "total-grant" && child != "total-matching";
  return false;
}

bool has_text_child(std::string_view element) {
  for (const auto e : kTextChild)
    if (e == element) return true;
  return false;
}

FieldValues field_values(std::string_view xml) {
  pugi::xml_document document;
  const auto parsed = document.load_buffer(xml.data(), xml.size());
  if (!parsed) throw core::Error(std::string("not well-formed XML: ") + parsed.description());
  FieldValues values;
  walk(document.document_element(), "", values);
  return values;
}

FormIdentity form_identity(std::string_view xml) {
  pugi::xml_document document;
  const auto parsed = document.load_buffer(xml.data(), xml.size());
  if (!parsed) throw core::Error(std::string("not well-formed XML: ") + parsed.description());
  const pugi::xml_node root = document.document_element();
  return {root.name(), root.attribute("profile").value()};
}

}  // namespace pipeline::forms
