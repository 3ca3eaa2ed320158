#pragma once
// Private to the Reader (reader.cpp, reader_paths.cpp): the indexes that make locations and
// lookups cheap (a PDF form's locations are its field names, looked up in Tree::form). Paths builds
// an element's location ("a/b[2]/c (table-d.csv row 7)") from its parent's, kept in a small cache,
// with row indexes from an open-addressing table and CSV origins behind a bit filter; Children
// indexes the named children of the last parents looked in. Neither changes what a location says,
// only what it costs.

#include <pugixml.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/location.hpp"
#include "pipeline/ingest/tree.hpp"

namespace pipeline::ingest {

class Paths {
 public:
  explicit Paths(const Tree& tree) : tree_(tree) {}
  Paths(const Paths&) = delete;
  Paths& operator=(const Paths&) = delete;
  ~Paths();

  // Path of an element, with row indexes and the CSV origin.
  core::Location path(pugi::xml_node node) const;
  // Path of a child that may not exist: path(parent) + "/" + name (+ CSV origin).
  core::Location child_path(pugi::xml_node parent, std::string_view name) const;
  core::Location attribute_path(pugi::xml_node node, std::string_view name) const;
  // `rows` are the children of `parent` read as rows: from now on their paths carry their
  // 1-based indexes.
  void number_rows(pugi::xml_node parent, const std::vector<pugi::xml_node>& rows);

 private:
  const Tree& tree_;
  // A form tree's locations (tree_.form): field names with pages.
  std::string form_name(pugi::xml_node node) const;
  core::Location form_child(pugi::xml_node parent, std::string_view name) const;
  // Row element -> 1-based index: an open-addressing table (rows are never removed; a node
  // per row would cost an allocation each).
  struct RowSlot {
    const void* row = nullptr;
    std::size_t index = 0;
  };
  std::vector<RowSlot> rows_;
  std::size_t row_count_ = 0;
  void add_row(const void* row, std::size_t index);
  std::vector<const void*> row_parents_;  // elements whose children were numbered as rows

  // Appends the element path ("a/b[2]/c") and the CSV origin (" (table-d.csv row 7)").
  void append_bare_path(std::string& out, pugi::xml_node node) const;
  void append_origin(std::string& out, pugi::xml_node node) const;
  // The CSV origin of `node` or its nearest ancestor that has one; null when none does.
  const Origin* origin_of(pugi::xml_node node) const;
  // Whether `node` has a CSV origin of its own.
  bool has_own_origin(pugi::xml_node node) const;
  // An element as a parent: its shared text (bare path, then CSV origin) and whether its
  // children were numbered as rows (so they may carry indexes).
  struct CachedPath {
    const void* element = nullptr;
    const core::Location::Shared* shared = nullptr;  // one reference held
    bool row_parent = false;
  };
  // The cached entry of `element` (built when missing), moved to the front. The parents of the
  // elements whose paths are being built (the row whose values are read, its container, ...)
  // are kept, most recent first; number_rows forgets those below its parent, whose paths change.
  const CachedPath& parent_path(pugi::xml_node element) const;
  void forget_path(CachedPath& entry) const;
  mutable std::array<CachedPath, 8> path_cache_;
  // The 1-based row index of `node`, 0 when it was not numbered.
  std::size_t row_index(const void* node) const;
  mutable const void* origin_cache_element_ = nullptr;
  mutable const Origin* origin_cache_ = nullptr;
  // False when `element` certainly has no CSV origin (a bit filter over tree_.origin's keys,
  // rebuilt whenever the map has grown).
  bool may_have_origin(const void* element) const;
  mutable std::vector<std::uint64_t> origin_filter_;
  mutable std::size_t origin_filter_size_ = 0;
};

// The named children of the last two parents looked in, in document order (what pugixml's
// child(name) and next_sibling(name) walk, without a string comparison per child and lookup).
class Children {
 public:
  struct Named {
    std::string_view name;
    pugi::xml_node node;
    bool element = false;
  };
  const std::vector<Named>& of(pugi::xml_node parent);

 private:
  struct Index {
    const void* parent = nullptr;
    std::vector<Named> children;
  };
  std::array<Index, 2> indexes_;
};

}  // namespace pipeline::ingest
