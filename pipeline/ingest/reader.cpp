#include "pipeline/ingest/reader.hpp"

#include <algorithm>

#include "pipeline/ingest/reader_paths.hpp"

namespace pipeline::ingest {

Reader::Reader(const Tree& tree, std::vector<core::Finding>& findings, std::string profile)
    : tree_(tree),
      findings_(findings),
      profile_(std::move(profile)),
      paths_(std::make_unique<Paths>(tree)),
      children_(std::make_unique<Children>()) {}

Reader::~Reader() = default;

core::Location Reader::path(pugi::xml_node node) const {
  return paths_->path(node);
}

core::Location Reader::child_path(pugi::xml_node parent, std::string_view name) const {
  return paths_->child_path(parent, name);
}

core::Location Reader::attribute_path(pugi::xml_node node, std::string_view name) const {
  return paths_->attribute_path(node, name);
}

std::string Reader::form_date_label(std::string label) {
  constexpr std::string_view iso = "YYYY-MM-DD";
  if (const std::size_t at = label.find(iso); at != std::string::npos)
    label.insert(at + iso.size(), " or MM/DD/YYYY");
  return label;
}

void Reader::report(const core::RuleRef& rule, std::string message, std::string location) {
  findings_.push_back(core::make_finding(rule, std::move(message), std::move(location)));
}

void Reader::report_missing(pugi::xml_node parent, std::string_view name) {
  const std::string where = child_path(parent, name).str();
  report(kFormatRequired, where + " is required but missing.", where);
}

void Reader::report_type(const core::RuleRef& rule, const core::Location& location,
                         std::string_view type_label, const std::string& raw) {
  const std::string where = location.str();
  report(rule, where + ": expected " + std::string(type_label) + ", found \"" + raw + "\".", where);
}

void Reader::report_unknown(const core::Location& location_parts, std::string_view name) {
  if (!unknown_reported_.insert(std::string(name)).second) return;
  const std::string location = location_parts.str();
  const std::string kind = tree_.root() ? tree_.root().name() : "form";
  report(kFormatUnknown, location + " is not part of the " + kind + " format and was ignored.",
         location);
}

pugi::xml_node Reader::once(pugi::xml_node parent, const char* name, Need need) {
  if (!parent) return {};
  // parent.child(name), then every later sibling named so (next_sibling(name)).
  const std::vector<Children::Named>& children = children_->of(parent);
  const std::string_view wanted(name);
  auto it = std::find_if(children.begin(), children.end(), [&](const Children::Named& c) {
    return !c.name.empty() && c.name == wanted;
  });
  if (it == children.end()) {
    if (need == Need::Required) report_missing(parent, name);
    return {};
  }
  const pugi::xml_node first = it->node;
  for (++it; it != children.end(); ++it) {
    if (it->name != wanted) continue;
    const std::string where = path(it->node).str();
    report(kFormatDuplicate, where + " occurs more than once; only the first is used.", where);
  }
  return first;
}

std::vector<pugi::xml_node> Reader::rows(pugi::xml_node parent, const char* name) {
  std::vector<pugi::xml_node> out;
  if (!parent) return out;
  for (pugi::xml_node row = parent.child(name); row; row = row.next_sibling(name))
    out.push_back(row);
  paths_->number_rows(parent, out);
  return out;
}

void Reader::known(pugi::xml_node node, std::initializer_list<std::string_view> elements,
                   std::initializer_list<std::string_view> attributes) {
  if (!node) return;
  // The element children from the index once() then looks names up in (reporting does not
  // touch the index, so walking it while reporting is safe).
  for (const Children::Named& child : children_->of(node)) {
    if (!child.element) continue;
    if (std::find(elements.begin(), elements.end(), child.name) == elements.end())
      report_unknown(path(child.node), child.name);
  }
  for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
    const std::string_view name = a.name();
    if (std::find(attributes.begin(), attributes.end(), name) == attributes.end())
      report_unknown(attribute_path(node, name), name);
  }
}

std::vector<Reader::ValueRow> Reader::value_rows(pugi::xml_node parent, const char* name,
                                                 std::initializer_list<std::string_view> attributes,
                                                 TextShape shape) {
  std::vector<ValueRow> out;
  for (const pugi::xml_node row : rows(parent, name)) {
    known(row, {}, attributes);
    core::Field<std::string> text = own_text(row, shape);
    if (text.absent()) continue;
    out.push_back(ValueRow{row, std::move(text)});
  }
  return out;
}

core::Field<std::string> Reader::own_text(pugi::xml_node node, TextShape shape) {
  core::Field<std::string> out;
  if (!node) return out;
  out.location = path(node);
  std::string value = element_text(node, shape);
  if (value.empty()) return out;
  out.state = core::FieldState::Present;
  out.raw = value;
  out.value = std::move(value);
  return out;
}

core::Field<std::string> Reader::text(pugi::xml_node parent, const char* name, Need need,
                                      std::initializer_list<std::string_view> attributes,
                                      TextShape shape) {
  const pugi::xml_node node = once(parent, name);
  if (!node) {
    core::Field<std::string> out;
    out.location = parent ? child_path(parent, name) : core::Location(std::string_view(name));
    if (need == Need::Required && parent) report_missing(parent, name);
    return out;
  }
  // known(node, {}, attributes) and own_text(node, shape) with one walk of the children.
  const CharacterData data(node);
  if (data.has_element) {
    for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling())
      if (child.type() == pugi::node_element) report_unknown(path(child), child.name());
  }
  for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
    const std::string_view attribute_name = a.name();
    if (std::find(attributes.begin(), attributes.end(), attribute_name) == attributes.end())
      report_unknown(attribute_path(node, attribute_name), attribute_name);
  }
  core::Field<std::string> out;
  out.location = path(node);
  std::string value = data.text(shape);
  if (!value.empty()) {
    out.state = core::FieldState::Present;
    out.raw = value;
    out.value = std::move(value);
  }
  if (out.absent() && need == Need::Required) report_missing(parent, name);
  return out;
}

core::Field<std::string> Reader::attribute(pugi::xml_node node, const char* name, Need need) {
  core::Field<std::string> out;
  if (!node) return out;
  out.location = attribute_path(node, name);
  const pugi::xml_attribute a = node.attribute(name);
  std::string value = a ? single_line_text(a.value()) : std::string();
  if (value.empty()) {
    if (need == Need::Required)
      report(kFormatRequired, out.location + " is required but missing.", out.location);
    return out;
  }
  out.state = core::FieldState::Present;
  out.raw = value;
  out.value = std::move(value);
  return out;
}

core::Field<core::Money> Reader::money(pugi::xml_node parent, const char* name, Need need) {
  return typed<core::Money>(parent, name, need, core::parse_money,
                            "money (dollars with at most two decimals, e.g. 1500.00)");
}
core::Field<core::Rate> Reader::rate(pugi::xml_node parent, const char* name, Need need) {
  return typed<core::Rate>(parent, name, need, core::parse_rate,
                           "a rate (dollars with at most three decimals, e.g. 0.375)");
}
core::Field<core::Quantity> Reader::quantity(pugi::xml_node parent, const char* name, Need need) {
  return typed<core::Quantity>(parent, name, need, core::parse_quantity,
                               "a quantity (at most two decimals, e.g. 12.5)");
}
core::Field<core::Percent> Reader::percent(pugi::xml_node parent, const char* name, Need need) {
  return typed<core::Percent>(parent, name, need, core::parse_percent,
                              "a percentage from 0 to 100 (e.g. 7.65)");
}
core::Field<std::int64_t> Reader::count(pugi::xml_node parent, const char* name, Need need) {
  return typed<std::int64_t>(parent, name, need, core::parse_count, "a whole number");
}
core::Field<core::Date> Reader::date(pugi::xml_node parent, const char* name, Need need) {
  return typed<core::Date>(parent, name, need, core::parse_date, date_type_label);
}

core::Field<bool> Reader::yes_no(pugi::xml_node parent, const char* name, Need need) {
  return typed<bool>(parent, name, need, parse_yes_no, "yes or no");
}

core::Field<std::string> Reader::one_of(pugi::xml_node parent, const char* name, Need need,
                                        std::initializer_list<std::string_view> values,
                                        const core::RuleRef& type_rule) {
  const auto label = [&] {
    std::string out = "one of ";
    for (auto v : values) out += (out.size() > 7 ? ", " : "") + std::string(v);
    return out;
  };
  return typed<std::string>(
      parent, name, need,
      [&](std::string_view v) -> std::optional<std::string> {
        if (std::find(values.begin(), values.end(), v) != values.end()) return std::string(v);
        return std::nullopt;
      },
      label, type_rule);
}

}  // namespace pipeline::ingest
