#pragma once
//! A value read from a submission, with where it came from and whether it was there at all.
//! Rules must tell "absent" (its absence rule fires) from "rejected" (its type check already
//! reported it; it now counts as unknown and nothing else fires for it) — rules.md §1.

#include <optional>
#include <string>
#include <utility>

#include "pipeline/core/location.hpp"

namespace pipeline::core {

enum class FieldState { Absent, Present, Rejected };

template <class T>
struct Field {
  FieldState state = FieldState::Absent;
  std::optional<T> value;  // set exactly when state is Present
  Location location;       // path of the element or attribute (with CSV file and row)
  std::string raw;         // the text as written (trimmed), for messages

  bool present() const { return state == FieldState::Present; }
  bool absent() const { return state == FieldState::Absent; }
  bool rejected() const { return state == FieldState::Rejected; }
  const T& operator*() const { return *value; }
  const T* operator->() const { return &*value; }
  // The value when present, otherwise `fallback`.
  T value_or(T fallback) const { return value ? *value : std::move(fallback); }
};

}  // namespace pipeline::core
