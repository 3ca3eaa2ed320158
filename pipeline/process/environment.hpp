#pragma once
//! Everything a submission is processed with that does not come from the submission itself: the
//! program profiles and grant parameters (forms/), the fonts (fonts/), the document templates
//! (templates/) and the clock. Like typst's `World`, it is built once by the caller — `cli` for
//! one command, `inbox` for a run or a watch — from one data folder, passed down explicitly, and
//! immutable while submissions are processed with it: ingest, rules and render read no
//! environment variable and no file it did not hand them. `watch` builds a new one between
//! submissions when the templates or profiles change on disk (changed_on_disk).

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "pipeline/core/date.hpp"
#include "pipeline/core/file_stamps.hpp"
#include "pipeline/model/alliance_profile.hpp"
#include "pipeline/model/grant_parameters.hpp"
#include "pipeline/render/options.hpp"

namespace pipeline::render {
class FontSet;
class Templates;
}  // namespace pipeline::render

namespace pipeline::process {

class Environment {
 public:
  // "Today" for deadline rules and the PDFs' dates: a fixed --as-of date, or the local date.
  using Clock = std::function<core::Date()>;

  // Loads the data folder whole: forms/cet-grant.json and every other forms/*.json as an
  // alliance program, fonts/ and templates/. Throws core::Error (IoError, TemplateError) naming
  // what is missing or malformed. A null clock is the local date.
  static std::shared_ptr<const Environment> load(const std::filesystem::path& data_dir,
                                                 Clock clock = nullptr);

  const std::filesystem::path& data_dir() const { return data_dir_; }
  core::Date today() const;

  const model::GrantParameters& grant() const { return *grant_; }
  // The program `name` of forms/; throws core::Error naming the file when there is none.
  const model::AllianceProfile& alliance(std::string_view name) const;
  // The same, or null.
  const model::AllianceProfile* find_alliance(std::string_view name) const;

  const std::shared_ptr<const render::FontSet>& fonts() const { return fonts_; }
  const std::shared_ptr<const render::Templates>& templates() const { return templates_; }
  // Render options dated `day`, with this environment's fonts and templates.
  render::RenderOptions render_options(core::Date day) const;

  // Whether templates/*.xml or forms/*.json differ on disk from what was loaded.
  bool changed_on_disk() const;

 private:
  std::filesystem::path data_dir_;
  Clock clock_;
  std::shared_ptr<const model::GrantParameters> grant_;
  std::map<std::string, std::shared_ptr<const model::AllianceProfile>, std::less<>> alliances_;
  std::vector<core::FileStamp> forms_;
  std::shared_ptr<const render::FontSet> fonts_;
  std::shared_ptr<const render::Templates> templates_;
};

using EnvironmentPtr = std::shared_ptr<const Environment>;

}  // namespace pipeline::process
