#include "pipeline/ingest/reader.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstring>

#include "pipeline/text/unicode.hpp"

namespace pipeline::ingest {

namespace {

bool is_xml_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_xml_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_xml_space(s.back())) s.remove_suffix(1);
  return s;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Unicode White_Space within ASCII: tab, line feed, vertical tab, form feed, carriage return
// and space (what text::collapse_spaces treats as space there).
bool is_ascii_space(char c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}

// text::collapse_spaces(text::nfc(raw)); ASCII text (most values) is NFC already and collapses
// without the round trip through ICU's UTF-16 strings.
std::string single_line(std::string_view raw) {
  // Most values are printable ASCII words with single spaces between them: a tight pass to
  // tell, then one copy.
  if (!raw.empty() && raw.front() != ' ' && raw.back() != ' ') {
    const char* const end = raw.data() + raw.size();
    const char* p = raw.data();
    for (; p != end; ++p) {
      const auto u = static_cast<unsigned char>(*p);
      if (u > 0x20 && u < 0x80) continue;
      // (The last character is not a space, so p[1] exists.)
      if (u == ' ' && p[1] != ' ') continue;
      break;
    }
    if (p == end) return std::string(raw);
  }
  // Otherwise: one pass to tell whether it is ASCII and clean, then one copy.
  bool ascii = true;
  bool clean = raw.empty() || (!is_ascii_space(raw.front()) && !is_ascii_space(raw.back()));
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    // (The last character is not a space when `clean` still holds, so raw[i + 1] exists.)
    if (clean && is_ascii_space(c) && (c != ' ' || raw[i + 1] == ' ')) clean = false;
  }
  if (!ascii) return text::collapse_spaces(text::nfc(raw));
  if (clean) return std::string(raw);
  return text::collapse_ascii_spaces(raw);
}

std::string normalised(std::string_view raw) {
  return is_ascii(raw) ? std::string(raw) : text::nfc(raw);
}

std::string narrative_text(std::string_view raw) {
  // Paragraphs are separated by a blank line; inside one, white space collapses.
  std::string out;
  std::string paragraph;
  std::size_t start = 0;
  auto flush = [&] {
    const std::string collapsed = single_line(paragraph);
    if (!collapsed.empty()) {
      if (!out.empty()) out += "\n\n";
      out += collapsed;
    }
    paragraph.clear();
  };
  while (start <= raw.size()) {
    std::size_t end = raw.find('\n', start);
    if (end == std::string_view::npos) end = raw.size();
    const std::string_view line = raw.substr(start, end - start);
    if (trim(line).empty()) {
      flush();
    } else {
      paragraph += line;
      paragraph += ' ';
    }
    start = end + 1;
  }
  flush();
  return out;
}

}  // namespace

namespace {

// The character data of an element's children, joined; whether a child is an element.
// Most values are one run of character data: it is read in place rather than copied.
struct CharacterData {
  std::string joined;
  std::string_view raw;
  bool has_element = false;

  explicit CharacterData(pugi::xml_node node) {
    int runs = 0;
    for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
      const pugi::xml_node_type type = child.type();
      if (type == pugi::node_element) has_element = true;
      if (type != pugi::node_pcdata && type != pugi::node_cdata) continue;
      if (runs++ == 0) {
        raw = child.value();
      } else {
        if (runs == 2) joined = raw;
        joined += child.value();
      }
    }
    if (runs > 1) raw = joined;
  }
  CharacterData(const CharacterData&) = delete;
  CharacterData& operator=(const CharacterData&) = delete;

  std::string text(TextShape shape) const {
    if (shape == TextShape::Narrative) return narrative_text(normalised(raw));
    return single_line(raw);
  }
};

}  // namespace

std::string element_text(pugi::xml_node node, TextShape shape) {
  return CharacterData(node).text(shape);
}

void Origin::append_to(std::string& out) const {
  out += *text;
  if (row == 0) return;
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, row).ptr;
  out += " row ";
  out.append(digits, end);
}

Reader::Reader(const Tree& tree, std::vector<core::Finding>& findings, std::string profile)
    : tree_(tree), findings_(findings), profile_(std::move(profile)) {}

Reader::~Reader() {
  for (CachedPath& entry : path_cache_) forget_path(entry);
}

void Reader::forget_path(CachedPath& entry) const {
  if (entry.shared) entry.shared->release();
  entry = CachedPath{};
}

namespace {

std::size_t row_hash(const void* row, std::size_t mask) {
  const auto value = reinterpret_cast<std::uintptr_t>(row);
  return static_cast<std::size_t>((value >> 4) * 0x9E3779B97F4A7C15ull >> 32) & mask;
}

}  // namespace

std::size_t Reader::row_index(const void* node) const {
  if (rows_.empty()) return 0;
  const std::size_t mask = rows_.size() - 1;
  for (std::size_t i = row_hash(node, mask);; i = (i + 1) & mask) {
    if (rows_[i].row == node) return rows_[i].index;
    if (rows_[i].row == nullptr) return 0;
  }
}

void Reader::add_row(const void* row, std::size_t index) {
  // The first index given to a row stays (as std::unordered_map::emplace kept it).
  if (2 * (row_count_ + 1) > rows_.size()) {
    std::vector<RowSlot> old = std::move(rows_);
    rows_.assign(std::max<std::size_t>(64, 2 * old.size()), RowSlot{});
    row_count_ = 0;
    for (const RowSlot& slot : old)
      if (slot.row) add_row(slot.row, slot.index);
  }
  const std::size_t mask = rows_.size() - 1;
  for (std::size_t i = row_hash(row, mask);; i = (i + 1) & mask) {
    if (rows_[i].row == row) return;
    if (rows_[i].row == nullptr) {
      rows_[i] = RowSlot{row, index};
      ++row_count_;
      return;
    }
  }
}

const Reader::CachedPath& Reader::parent_path(pugi::xml_node element) const {
  const void* key = element.internal_object();
  for (std::size_t i = 0; i < path_cache_.size(); ++i) {
    if (path_cache_[i].element != key) continue;
    if (i != 0)
      std::rotate(path_cache_.begin(), path_cache_.begin() + static_cast<std::ptrdiff_t>(i),
                  path_cache_.begin() + static_cast<std::ptrdiff_t>(i) + 1);
    return path_cache_[0];
  }
  // Built from its own parent's entry (which may reorder the cache): the same text as
  // append_bare_path and append_origin give.
  std::string_view parent_head;
  std::string_view slash;
  std::string_view name;
  char digits[24];
  std::string_view index;
  if (element.type() == pugi::node_element) {
    name = element.name();
    const pugi::xml_node parent = element.parent();
    if (parent && parent.type() == pugi::node_element) {
      const CachedPath& p = parent_path(parent);
      parent_head = p.shared->head();
      slash = "/";
      if (const std::size_t row = p.row_parent ? row_index(key) : 0; row != 0) {
        digits[0] = '[';
        char* end = std::to_chars(digits + 1, digits + sizeof digits - 1, row).ptr;
        *end++ = ']';
        index = std::string_view(digits, static_cast<std::size_t>(end - digits));
      }
    }
  }
  std::string origin;
  append_origin(origin, element);
  CachedPath entry;
  entry.element = key;
  entry.shared = core::Location::Shared::make({parent_head, slash, name, index}, origin);
  entry.row_parent = std::find(row_parents_.begin(), row_parents_.end(), key) != row_parents_.end();
  forget_path(path_cache_.back());
  std::move_backward(path_cache_.begin(), path_cache_.end() - 1, path_cache_.end());
  path_cache_[0] = entry;
  return path_cache_[0];
}

void Reader::append_bare_path(std::string& out, pugi::xml_node node) const {
  if (!node || node.type() != pugi::node_element) return;
  const pugi::xml_node parent = node.parent();
  const char* name = node.name();
  if (parent && parent.type() == pugi::node_element) {
    const CachedPath& p = parent_path(parent);
    const std::size_t index = p.row_parent ? row_index(node.internal_object()) : 0;
    out += p.shared->head();
    out += '/';
    out += name;
    if (index != 0) {
      char digits[24];
      const auto end = std::to_chars(digits, digits + sizeof digits, index).ptr;
      out += '[';
      out.append(digits, end);
      out += ']';
    }
  } else {
    out += name;
  }
}

namespace {

// Bit of the origin filter for an element.
std::size_t filter_bit(const void* element, std::size_t bits) {
  const auto value = reinterpret_cast<std::uintptr_t>(element);
  return static_cast<std::size_t>((value >> 4) * 0x9E3779B97F4A7C15ull >> 40) & (bits - 1);
}

}  // namespace

bool Reader::may_have_origin(const void* element) const {
  // The origin map of a 100,000-row CSV is too large for the cache; most elements looked up
  // (the values) are not in it, and a bit per hash rules them out without touching it.
  if (origin_filter_size_ != tree_.origin.size()) {
    std::size_t bits = 1024;
    while (bits < 8 * tree_.origin.size()) bits *= 2;
    origin_filter_.assign(bits / 64, 0);
    for (const auto& entry : tree_.origin) {
      const std::size_t bit = filter_bit(entry.first, bits);
      origin_filter_[bit / 64] |= std::uint64_t{1} << (bit % 64);
    }
    origin_filter_size_ = tree_.origin.size();
  }
  const std::size_t bit = filter_bit(element, origin_filter_.size() * 64);
  return (origin_filter_[bit / 64] >> (bit % 64) & 1) != 0;
}

const Origin* Reader::origin_of(pugi::xml_node node) const {
  if (!node) return nullptr;
  if (may_have_origin(node.internal_object())) {
    if (auto it = tree_.origin.find(node.internal_object()); it != tree_.origin.end())
      return &it->second;
  }
  // The nearest ancestor's origin; the last one asked for is kept (the tree does not change).
  const pugi::xml_node parent = node.parent();
  if (!parent) return nullptr;
  if (parent.internal_object() != origin_cache_element_) {
    const Origin* found = nullptr;
    for (pugi::xml_node n = parent; n && !found; n = n.parent()) {
      if (!may_have_origin(n.internal_object())) continue;
      if (auto it = tree_.origin.find(n.internal_object()); it != tree_.origin.end())
        found = &it->second;
    }
    origin_cache_ = found;
    origin_cache_element_ = parent.internal_object();
  }
  return origin_cache_;
}

void Reader::append_origin(std::string& out, pugi::xml_node node) const {
  if (tree_.origin.empty()) return;  // an XML submission
  if (const Origin* origin = origin_of(node)) {
    out += " (";
    origin->append_to(out);
    out += ')';
  }
}

bool Reader::has_own_origin(pugi::xml_node node) const {
  return !tree_.origin.empty() && may_have_origin(node.internal_object()) &&
         tree_.origin.count(node.internal_object()) != 0;
}

core::Location Reader::path(pugi::xml_node node) const {
  // The parent's shared text and this element's leaf, unless the element has a CSV origin of
  // its own (or no parent element): then the whole text.
  if (node && node.type() == pugi::node_element) {
    const pugi::xml_node parent = node.parent();
    if (parent && parent.type() == pugi::node_element && !has_own_origin(node)) {
      const CachedPath& p = parent_path(parent);
      const std::size_t index = p.row_parent ? row_index(node.internal_object()) : 0;
      return core::Location(p.shared, "/", node.name(), index);
    }
  }
  std::string out;
  append_bare_path(out, node);
  append_origin(out, node);
  return core::Location(out);
}

core::Location Reader::child_path(pugi::xml_node parent, std::string_view name) const {
  return core::Location(parent ? parent_path(parent).shared : nullptr, "/", name);
}

core::Location Reader::attribute_path(pugi::xml_node node, std::string_view name) const {
  return core::Location(node ? parent_path(node).shared : nullptr, "/@", name);
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

const std::vector<Reader::NamedChild>& Reader::children_of(pugi::xml_node parent) {
  const void* key = parent.internal_object();
  if (child_indexes_[0].parent == key) return child_indexes_[0].children;
  std::swap(child_indexes_[0], child_indexes_[1]);
  ChildIndex& index = child_indexes_[0];
  if (index.parent != key) {
    index.parent = key;
    index.children.clear();
    for (pugi::xml_node child = parent.first_child(); child; child = child.next_sibling()) {
      const bool element = child.type() == pugi::node_element;
      const std::string_view name = child.name();
      if (element || !name.empty()) index.children.push_back({name, child, element});
    }
  }
  return index.children;
}

pugi::xml_node Reader::once(pugi::xml_node parent, const char* name, Need need) {
  if (!parent) return {};
  // parent.child(name), then every later sibling named so (next_sibling(name)).
  const std::vector<NamedChild>& children = children_of(parent);
  const std::string_view wanted(name);
  auto it = std::find_if(children.begin(), children.end(),
                         [&](const NamedChild& c) { return !c.name.empty() && c.name == wanted; });
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
  if (std::find(row_parents_.begin(), row_parents_.end(), parent.internal_object()) ==
      row_parents_.end())
    row_parents_.push_back(parent.internal_object());
  // Paths below `parent` may now have indexes: the cached texts kept are those of `parent`
  // and its ancestors (whose paths stay as they are).
  std::array<const void*, 16> kept{};
  std::size_t kept_count = 0;
  for (pugi::xml_node n = parent; n && kept_count < kept.size(); n = n.parent())
    kept[kept_count++] = n.internal_object();
  for (CachedPath& entry : path_cache_) {
    if (!entry.element) continue;
    if (std::find(kept.begin(), kept.begin() + static_cast<std::ptrdiff_t>(kept_count),
                  entry.element) == kept.begin() + static_cast<std::ptrdiff_t>(kept_count))
      forget_path(entry);
    else if (entry.element == parent.internal_object())
      entry.row_parent = true;
  }
  for (pugi::xml_node row = parent.child(name); row; row = row.next_sibling(name)) {
    out.push_back(row);
    add_row(row.internal_object(), out.size());
  }
  return out;
}

void Reader::known(pugi::xml_node node, std::initializer_list<std::string_view> elements,
                   std::initializer_list<std::string_view> attributes) {
  if (!node) return;
  // The element children from the index once() then looks names up in (reporting does not
  // touch the index, so walking it while reporting is safe).
  for (const NamedChild& child : children_of(node)) {
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
  std::string value = a ? single_line(a.value()) : std::string();
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
  return typed<core::Date>(parent, name, need, core::parse_date, "a date YYYY-MM-DD");
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

std::optional<bool> parse_yes_no(std::string_view text) {
  if (text == "yes") return true;
  if (text == "no") return false;
  return std::nullopt;
}

std::optional<std::string> parse_zip(std::string_view text) {
  if ((text.size() == 5 && all_digits(text)) ||
      (text.size() == 10 && all_digits(text.substr(0, 5)) && text[5] == '-' &&
       all_digits(text.substr(6))))
    return std::string(text);
  return std::nullopt;
}

std::optional<std::string> parse_state(std::string_view text) {
  if (text.size() == 2 && std::isupper(static_cast<unsigned char>(text[0])) &&
      std::isupper(static_cast<unsigned char>(text[1])))
    return std::string(text);
  return std::nullopt;
}

std::optional<std::string> parse_telephone(std::string_view text) {
  // Digits, ignoring an extension introduced by x, ext or ext.
  std::string lower;
  for (char c : text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::size_t cut = std::string::npos;
  for (std::string_view marker : {"ext.", "ext", "x"}) {
    const std::size_t at = lower.find(marker);
    if (at != std::string::npos && at < cut) cut = at;
  }
  std::string digits;
  for (std::size_t i = 0; i < text.size() && i < cut; ++i)
    if (text[i] >= '0' && text[i] <= '9') digits += text[i];
  if (digits.size() == 10 || (digits.size() == 11 && digits[0] == '1')) return std::string(text);
  return std::nullopt;
}

std::optional<std::string> parse_email(std::string_view text) {
  for (char c : text)
    if (is_xml_space(c)) return std::nullopt;
  const std::size_t at = text.find('@');
  if (at == std::string_view::npos || at == 0 || text.find('@', at + 1) != std::string_view::npos)
    return std::nullopt;
  const std::string_view domain = text.substr(at + 1);
  if (domain.find('.') == std::string_view::npos) return std::nullopt;
  return std::string(text);
}

std::optional<std::string> parse_ein(std::string_view text) {
  if (text.size() == 10 && all_digits(text.substr(0, 2)) && text[2] == '-' &&
      all_digits(text.substr(3)))
    return std::string(text);
  return std::nullopt;
}

std::optional<std::string> parse_naics(std::string_view text) {
  if (text.size() >= 2 && text.size() <= 6 && all_digits(text)) return std::string(text);
  return std::nullopt;
}

std::optional<std::set<int>> parse_months(std::string_view text) {
  std::set<int> months;
  std::size_t i = 0;
  auto read_number = [&](int& out) {
    const std::size_t start = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
    if (i == start || i - start > 2) return false;
    out = 0;
    for (std::size_t k = start; k < i; ++k) out = out * 10 + (text[k] - '0');
    return out >= 1 && out <= 12;
  };
  while (i < text.size()) {
    if (text[i] == ' ' || text[i] == ',') {
      ++i;
      continue;
    }
    int first = 0;
    if (!read_number(first)) return std::nullopt;
    int last = first;
    if (i < text.size() && text[i] == '-') {
      ++i;
      if (!read_number(last) || last < first) return std::nullopt;
    }
    for (int m = first; m <= last; ++m) months.insert(m);
    if (i < text.size() && text[i] != ' ' && text[i] != ',') return std::nullopt;
  }
  if (months.empty()) return std::nullopt;
  return months;
}

std::optional<std::vector<std::string>> parse_word_list(
    std::string_view text, std::initializer_list<std::string_view> allowed) {
  std::vector<std::string> words;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == ' ') {
      ++i;
      continue;
    }
    const std::size_t end = std::min(text.find(' ', i), text.size());
    const std::string_view word = text.substr(i, end - i);
    if (std::find(allowed.begin(), allowed.end(), word) == allowed.end()) return std::nullopt;
    words.emplace_back(word);
    i = end;
  }
  if (words.empty()) return std::nullopt;
  return words;
}

}  // namespace pipeline::ingest
