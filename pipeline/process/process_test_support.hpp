#pragma once
// Test helper for tests that process whole submissions: the environment of the source tree's data
// folder (forms/, fonts/, templates/), loaded once per test binary, as the cli loads it.

#include "pipeline/process/environment.hpp"

namespace pipeline::process::testing {

inline const EnvironmentPtr& environment_ptr() {
  static const EnvironmentPtr loaded = Environment::load(FORMPIPE_SOURCE_DIR);
  return loaded;
}

inline const Environment& environment() {
  return *environment_ptr();
}

}  // namespace pipeline::process::testing
