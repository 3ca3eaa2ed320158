#pragma once
//! A container element of a form (formats.md §2): present even when it holds no rows, so rules
//! can tell "no section" from "an empty section".

#include <string>
#include <vector>

#include "pipeline/core/location.hpp"

namespace pipeline::model {

template <class Row>
struct Container {
  bool present = false;
  core::Location location;  // the container's path (where it would be when absent)
  std::vector<Row> rows;    // in document order

  bool empty() const { return rows.empty(); }
};

}  // namespace pipeline::model
