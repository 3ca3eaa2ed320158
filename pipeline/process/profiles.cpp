#include "pipeline/process/profiles.hpp"

#include "pipeline/core/data_dir.hpp"

namespace pipeline::process {

Profiles& Profiles::shared() {
  static Profiles profiles;
  return profiles;
}

const model::GrantParameters& Profiles::grant() {
  std::lock_guard lock(mutex_);
  if (!grant_) grant_ = std::make_unique<model::GrantParameters>();
  return *grant_;
}

const model::AllianceProfile& Profiles::alliance(std::string_view name) {
  std::lock_guard lock(mutex_);
  auto it = alliance_.find(name);
  if (it == alliance_.end())
    it = alliance_.emplace(std::string(name), std::make_unique<model::AllianceProfile>()).first;
  return *it->second;
}

}  // namespace pipeline::process
