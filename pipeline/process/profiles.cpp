#include "pipeline/process/profiles.hpp"

#include "pipeline/core/data_dir.hpp"
#include "pipeline/ingest/alliance_profile_loader.hpp"
#include "pipeline/ingest/grant_parameters_loader.hpp"

namespace pipeline::process {

Profiles& Profiles::shared() {
  static Profiles profiles;
  return profiles;
}

const model::GrantParameters& Profiles::grant() {
  std::lock_guard lock(mutex_);
  if (!grant_)
    grant_ = std::make_unique<model::GrantParameters>(
        ingest::load_grant_parameters(core::data_dir() / "forms"));
  return *grant_;
}

const model::AllianceProfile& Profiles::alliance(std::string_view name) {
  std::lock_guard lock(mutex_);
  auto it = alliance_.find(name);
  if (it == alliance_.end()) {
    auto profile = std::make_unique<model::AllianceProfile>(
        ingest::load_alliance_profile(core::data_dir() / "forms", name));
    it = alliance_.emplace(std::string(name), std::move(profile)).first;
  }
  return *it->second;
}

}  // namespace pipeline::process
