// A PDF form's fields -> its form kind's tree (docs/forms.md "Field names"): the attribute table
// by parent element, and the builder.
#include "pipeline/ingest/form_fields.hpp"

#include <algorithm>
#include <charconv>
#include <initializer_list>
#include <unordered_map>
#include <unordered_set>

namespace pipeline::ingest {

namespace {

bool one_of(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// A level that is a repeated element's position: 1 to kMaxPosition, no leading zero.
constexpr std::size_t kMaxPosition = 100000;
std::size_t position_of(std::string_view level) {
  if (level.empty() || level.size() > 6 || level.front() == '0') return 0;
  std::size_t value = 0;
  const auto [end, error] = std::from_chars(level.data(), level.data() + level.size(), value);
  if (error != std::errc() || end != level.data() + level.size() || value > kMaxPosition) return 0;
  return value;
}

// Real forms are a few levels deep; a name deeper than this is not one of formats.md's.
constexpr std::size_t kMaxLevels = 32;

bool is_blank(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
}

// An element being built: its field name, own text, attributes and children.
struct Node {
  std::string name;          // element name
  std::size_t position = 0;  // its position among its repeated siblings; 0: not repeated
  std::string field;         // field name of the element ("activities.activity.3")
  std::string text;          // own text (a value element's value)
  bool has_text = false;
  std::vector<std::pair<std::string, std::string>> attributes;
  std::vector<std::unique_ptr<Node>> children;

  Node* child(std::string_view child_name, std::size_t child_position,
              std::string_view child_field) {
    for (const auto& c : children)
      if (c->name == child_name && c->position == child_position) return c.get();
    auto made = std::make_unique<Node>();
    made->name = std::string(child_name);
    made->position = child_position;
    made->field = std::string(child_field);
    children.push_back(std::move(made));
    return children.back().get();
  }

  void set_text(const std::string& value) {
    if (has_text) return;  // the first field of a name wins
    text = value;
    has_text = true;
  }

  void add_attribute(std::string_view attribute, const std::string& value) {
    for (const auto& a : attributes)
      if (a.first == attribute) return;
    attributes.emplace_back(std::string(attribute), value);
  }
};

// Appends `node`'s children to `element`, rows of one name together in the order of their
// positions, names in the order their first field came.
void emit(const Node& node, pugi::xml_node element, FormOrigin& origin) {
  for (const auto& [name, value] : node.attributes)
    element.append_attribute(name.c_str()).set_value(value.c_str());
  if (node.has_text)
    element.append_child(pugi::node_pcdata).set_value(node.text.data(), node.text.size());
  std::vector<const Node*> order;
  order.reserve(node.children.size());
  std::unordered_map<std::string_view, std::size_t> first_seen;
  for (const auto& c : node.children) {
    first_seen.emplace(c->name, first_seen.size());
    order.push_back(c.get());
  }
  std::stable_sort(order.begin(), order.end(), [&](const Node* a, const Node* b) {
    const std::size_t fa = first_seen.at(a->name);
    const std::size_t fb = first_seen.at(b->name);
    return fa != fb ? fa < fb : a->position < b->position;
  });
  for (const Node* c : order) {
    pugi::xml_node child = element.append_child(c->name.c_str());
    origin.names.emplace(child.internal_object(), c->field);
    emit(*c, child, origin);
  }
}

std::vector<std::string_view> split_levels(std::string_view name) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = name.find('.', start);
    out.push_back(name.substr(start, dot == std::string_view::npos ? dot : dot - start));
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return out;
}

// Places one field's value in the tree below `root`.
void place(Node& root, std::string_view kind, const FormField& field) {
  const std::vector<std::string_view> levels = split_levels(field.name);
  const bool malformed =
      levels.size() > kMaxLevels ||
      std::any_of(levels.begin(), levels.end(), [](std::string_view l) { return l.empty(); });
  if (malformed) {
    // Not a name of formats.md's shape: an element of its own, reported as unknown.
    root.child(field.name, 0, field.name)->set_text(field.value);
    return;
  }
  Node* node = &root;
  std::vector<std::string_view> path;  // element names below the root
  const std::string_view whole(field.name);
  for (std::size_t i = 0; i < levels.size(); ++i) {
    const std::string_view level = levels[i];
    const bool last = i + 1 == levels.size();
    if (last && node != &root && level == "text") {
      node->set_text(field.value);
      return;
    }
    if (last && is_form_attribute(kind, path, level)) {
      node->add_attribute(level, field.value);
      return;
    }
    // An element, with its position when the next level is one.
    std::size_t position = 0;
    std::size_t used = i;
    if (i + 1 < levels.size()) {
      position = position_of(levels[i + 1]);
      if (position != 0) used = i + 1;
    }
    const std::size_t field_end =
        static_cast<std::size_t>(levels[used].data() + levels[used].size() - whole.data());
    node = node->child(level, position, whole.substr(0, field_end));
    path.push_back(level);
    i = used;
  }
  node->set_text(field.value);
}

}  // namespace

bool is_form_attribute(std::string_view kind, const std::vector<std::string_view>& path,
                       std::string_view name) {
  if (path.empty()) {  // root attributes other than profile and version
    if (kind == "cet-grant-proposal") return one_of(name, {"fiscal-year", "stage"});
    return one_of(name, {"alliance-type", "level"});
  }
  const std::string_view parent = path.back();
  if (one_of(parent, {"reporting-period", "evaluation-period"}))
    return one_of(name, {"start", "end"});
  if (parent == "prepared-by") return name == "role";
  if (one_of(parent, {"problem-addressed", "project-sponsor", "project-innovation",
                      "project-management", "project-budget-narrative"}))
    return name == "file";
  if (parent == "project-summary") return one_of(name, {"file", "pages"});
  if (parent == "parallel-projects") return name == "none";
  if (parent == "category") return one_of(name, {"number", "name"});
  if (parent == "baseline") return name == "approved-on";
  if (parent == "fee") return name == "prior-approval";
  // Table D rows: table-d / section / row.
  if (path.size() == 3 && path.front() == "table-d")
    return one_of(name, {"funding", "in-kind", "lost-time", "out-of-state", "prior-approval"});
  return false;
}

std::string FormOrigin::location(std::string_view name) const {
  std::string out(name);
  if (const auto it = pages.find(out); it != pages.end() && it->second > 0) {
    out += " (page ";
    out += std::to_string(it->second);
    out += ')';
  }
  return out;
}

std::unique_ptr<Tree> form_tree(std::string_view kind, std::string_view profile,
                                const std::vector<FormField>& fields) {
  auto tree = std::make_unique<Tree>();
  tree->form = std::make_unique<FormOrigin>();
  FormOrigin& origin = *tree->form;
  Node root;
  std::unordered_set<std::string> filled;  // every element (name prefix) a person's value is in
  for (const FormField& field : fields) {
    // The page of every field and of every prefix of its name: its first widget's.
    for (std::size_t dot = field.name.find('.');; dot = field.name.find('.', dot + 1)) {
      const std::string prefix = field.name.substr(0, dot);
      auto [it, added] = origin.pages.emplace(prefix, field.page);
      if (!added && it->second == 0) it->second = field.page;
      if (dot == std::string::npos) break;
    }
    if (field.name.empty() || is_blank(field.value) || field.fixed) continue;
    place(root, kind, field);
    for (std::size_t dot = field.name.find('.'); dot != std::string::npos;
         dot = field.name.find('.', dot + 1))
      filled.insert(field.name.substr(0, dot));
  }
  // The form's own values, in the elements the person filled in.
  for (const FormField& field : fields) {
    if (!field.fixed || is_blank(field.value)) continue;
    const std::size_t dot = field.name.rfind('.');
    if (dot != std::string::npos && filled.count(field.name.substr(0, dot)) != 0)
      place(root, kind, field);
  }
  pugi::xml_node element = tree->doc.append_child(std::string(kind).c_str());
  origin.names.emplace(element.internal_object(), std::string());
  if (!profile.empty()) element.append_attribute("profile").set_value(std::string(profile).c_str());
  emit(root, element, origin);
  return tree;
}

}  // namespace pipeline::ingest
