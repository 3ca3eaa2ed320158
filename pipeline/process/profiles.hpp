#pragma once
//! Program profiles (forms/*.json), loaded once per process and shared by every thread.

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "pipeline/model/alliance_profile.hpp"
#include "pipeline/model/grant_parameters.hpp"

namespace pipeline::process {

class Profiles {
 public:
  // The process-wide profiles, read from core::data_dir()/forms on first use.
  static Profiles& shared();

  // Throws core::Error when the profile file is missing or malformed.
  const model::GrantParameters& grant();
  const model::AllianceProfile& alliance(std::string_view name);

 private:
  std::mutex mutex_;
  std::unique_ptr<model::GrantParameters> grant_;
  std::map<std::string, std::unique_ptr<model::AllianceProfile>, std::less<>> alliance_;
};

}  // namespace pipeline::process
