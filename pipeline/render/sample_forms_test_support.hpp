#pragma once
// Test helper for the document renderers: models read from samples/ (or from a sample's XML
// with a change) by ingest, the rules' figures for them, and the program profiles from forms/,
// so the renderers are tested on exactly what the pipeline hands them.

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <variant>

#include "pipeline/core/data_dir.hpp"
#include "pipeline/ingest/alliance_profile_loader.hpp"
#include "pipeline/ingest/grant_parameters_loader.hpp"
#include "pipeline/ingest/ingest.hpp"
#include "pipeline/render/options.hpp"
#include "pipeline/render/render_test_support.hpp"
#include "pipeline/rules/rules.hpp"

namespace pipeline::render::samples {

inline std::filesystem::path sample_path(const std::string& name) {
  return std::filesystem::path(FORMPIPE_SOURCE_DIR) / "samples" / name;
}

inline std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

inline std::string read_sample(const std::string& name) {
  return read_text(sample_path(name));
}

// `text` with its first `from` replaced by `to` (the test fails when `from` is not there).
inline std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  INFO(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

inline model::Submission ingested(const ingest::Ingested& result) {
  INFO((result.findings.empty() ? std::string() : result.findings.front().message));
  REQUIRE(result.submission.has_value());
  return *result.submission;
}

// The sample (a file, CSV or bundle) as ingest reads it.
inline model::Submission sample(const std::string& name) {
  return ingested(ingest::ingest_path(sample_path(name), {}));
}

// A submission from XML text, e.g. a sample with a change.
inline model::Submission from_xml(const std::string& xml, const std::string& name = "test.xml") {
  return ingested(ingest::ingest_xml(xml, name, {}));
}

template <class Form>
const Form& form_of(const model::Submission& submission) {
  REQUIRE(std::holds_alternative<Form>(submission.form));
  return std::get<Form>(submission.form);
}

inline const model::GrantParameters& grant_parameters() {
  static const model::GrantParameters parameters =
      ingest::load_grant_parameters(core::data_dir() / "forms");
  return parameters;
}

inline model::AllianceProfile profile(const std::string& name) {
  return ingest::load_alliance_profile(core::data_dir() / "forms", name);
}

// The rules' figures for a grant proposal, as the pipeline computes them.
inline model::GrantFigures grant_figures(const model::Submission& submission) {
  rules::Context context;
  context.as_of = *core::Date::from_ymd(2025, 10, 9);
  context.grant = &grant_parameters();
  rules::Outcome outcome;
  rules::check(submission, context, outcome);
  return outcome.grant;
}

// A fixed creation date, and templates read from the source tree's templates/.
inline RenderOptions options() {
  return testing::options(*core::Date::from_ymd(2025, 10, 9));
}

}  // namespace pipeline::render::samples
