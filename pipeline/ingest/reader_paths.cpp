#include "pipeline/ingest/reader_paths.hpp"

#include <algorithm>
#include <charconv>

namespace pipeline::ingest {

void Origin::append_to(std::string& out) const {
  out += *text;
  if (row == 0) return;
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, row).ptr;
  out += " row ";
  out.append(digits, end);
}

Paths::~Paths() {
  for (CachedPath& entry : path_cache_) forget_path(entry);
}

void Paths::forget_path(CachedPath& entry) const {
  if (entry.shared) entry.shared->release();
  entry = CachedPath{};
}

namespace {

std::size_t row_hash(const void* row, std::size_t mask) {
  const auto value = reinterpret_cast<std::uintptr_t>(row);
  return static_cast<std::size_t>((value >> 4) * 0x9E3779B97F4A7C15ull >> 32) & mask;
}

}  // namespace

std::size_t Paths::row_index(const void* node) const {
  if (rows_.empty()) return 0;
  const std::size_t mask = rows_.size() - 1;
  for (std::size_t i = row_hash(node, mask);; i = (i + 1) & mask) {
    if (rows_[i].row == node) return rows_[i].index;
    if (rows_[i].row == nullptr) return 0;
  }
}

void Paths::add_row(const void* row, std::size_t index) {
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

const Paths::CachedPath& Paths::parent_path(pugi::xml_node element) const {
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

void Paths::append_bare_path(std::string& out, pugi::xml_node node) const {
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

bool Paths::may_have_origin(const void* element) const {
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

const Origin* Paths::origin_of(pugi::xml_node node) const {
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

void Paths::append_origin(std::string& out, pugi::xml_node node) const {
  if (tree_.origin.empty()) return;  // an XML submission
  if (const Origin* origin = origin_of(node)) {
    out += " (";
    origin->append_to(out);
    out += ')';
  }
}

bool Paths::has_own_origin(pugi::xml_node node) const {
  return !tree_.origin.empty() && may_have_origin(node.internal_object()) &&
         tree_.origin.count(node.internal_object()) != 0;
}

std::string Paths::form_name(pugi::xml_node node) const {
  if (!node) return {};
  const auto it = tree_.form->names.find(node.internal_object());
  return it == tree_.form->names.end() ? std::string(node.name()) : it->second;
}

core::Location Paths::form_child(pugi::xml_node parent, std::string_view name) const {
  std::string full = form_name(parent);
  if (!full.empty()) full += '.';
  full += name;
  // A value element with attribute fields keeps its own text in the field `text` (forms.md).
  if (std::string text = full + ".text"; tree_.form->pages.count(text) != 0) full = std::move(text);
  return core::Location(tree_.form->location(full));
}

core::Location Paths::path(pugi::xml_node node) const {
  if (tree_.form) {
    if (!node || node.type() != pugi::node_element) return {};
    if (node == tree_.root()) return core::Location(std::string_view(node.name()));
    std::string name = form_name(node);
    if (std::string text = name + ".text"; tree_.form->pages.count(text) != 0)
      name = std::move(text);
    return core::Location(tree_.form->location(name));
  }
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

core::Location Paths::child_path(pugi::xml_node parent, std::string_view name) const {
  if (tree_.form) return form_child(parent, name);
  return core::Location(parent ? parent_path(parent).shared : nullptr, "/", name);
}

core::Location Paths::attribute_path(pugi::xml_node node, std::string_view name) const {
  if (tree_.form) {
    std::string full = form_name(node);
    if (!full.empty()) full += '.';
    full += name;
    return core::Location(tree_.form->location(full));
  }
  return core::Location(node ? parent_path(node).shared : nullptr, "/@", name);
}

void Paths::number_rows(pugi::xml_node parent, const std::vector<pugi::xml_node>& rows) {
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
  for (std::size_t i = 0; i < rows.size(); ++i) add_row(rows[i].internal_object(), i + 1);
}

const std::vector<Children::Named>& Children::of(pugi::xml_node parent) {
  const void* key = parent.internal_object();
  if (indexes_[0].parent == key) return indexes_[0].children;
  std::swap(indexes_[0], indexes_[1]);
  Index& index = indexes_[0];
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

}  // namespace pipeline::ingest
