#include "pipeline/process/environment.hpp"

#include <algorithm>
#include <ctime>

#include "pipeline/core/error.hpp"
#include "pipeline/ingest/alliance_profile_loader.hpp"
#include "pipeline/ingest/grant_parameters_loader.hpp"
#include "pipeline/render/fonts.hpp"
#include "pipeline/render/template_document.hpp"

namespace pipeline::process {

namespace {

constexpr std::string_view kGrantFile = "cet-grant.json";

core::Date local_today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return *core::Date::from_ymd(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

}  // namespace

std::shared_ptr<const Environment> Environment::load(const std::filesystem::path& data_dir,
                                                     Clock clock) {
  auto env = std::make_shared<Environment>();
  env->data_dir_ = data_dir;
  env->clock_ = clock ? std::move(clock) : Clock(local_today);
  const std::filesystem::path forms = data_dir / "forms";
  env->forms_ = core::file_stamps(forms, ".json");
  env->grant_ =
      std::make_shared<const model::GrantParameters>(ingest::load_grant_parameters(forms));
  for (const core::FileStamp& stamp : env->forms_) {
    if (stamp.name == kGrantFile) continue;
    const std::string name = std::filesystem::path(stamp.name).stem().string();
    env->alliances_.emplace(name, std::make_shared<const model::AllianceProfile>(
                                      ingest::load_alliance_profile(forms, name)));
  }
  env->fonts_ = render::FontSet::load(data_dir / "fonts");
  env->templates_ = render::Templates::load(data_dir / "templates");
  return env;
}

core::Date Environment::today() const {
  return clock_();
}

const model::AllianceProfile* Environment::find_alliance(std::string_view name) const {
  const auto found = alliances_.find(name);
  return found == alliances_.end() ? nullptr : found->second.get();
}

const model::AllianceProfile& Environment::alliance(std::string_view name) const {
  if (const model::AllianceProfile* profile = find_alliance(name)) return *profile;
  throw core::IoError((data_dir_ / "forms" / (std::string(name) + ".json")).string(),
                      "no such program profile");
}

render::RenderOptions Environment::render_options(core::Date day) const {
  render::RenderOptions options;
  options.creation_date = day;
  options.fonts = fonts_;
  options.templates = templates_;
  return options;
}

bool Environment::changed_on_disk() const {
  return core::file_stamps(data_dir_ / "forms", ".json") != forms_ || templates_->changed_on_disk();
}

}  // namespace pipeline::process
