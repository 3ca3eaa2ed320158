#pragma once
//! Test support for rule tests that go through ingest (diary sheets, annual reports, and the
//! samples of every kind): ingest a document, run its rulebook with the program's profile or the
//! CET grant parameters from forms/, and look at every finding, ingest's and the rules' together,
//! as a report would show them.

#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/data_dir.hpp"
#include "pipeline/core/date.hpp"
#include "pipeline/core/finding.hpp"
#include "pipeline/ingest/alliance_profile_loader.hpp"
#include "pipeline/ingest/grant_parameters_loader.hpp"
#include "pipeline/ingest/ingest.hpp"
#include "pipeline/rules/rules.hpp"
#include "tests/support/samples.hpp"

namespace pipeline::rules::testing {

inline core::Date day(std::string_view iso) {
  return core::parse_date(iso).value();
}

// forms/<name>.json, loaded once per test binary.
inline const model::AllianceProfile& alliance_profile(const std::string& name) {
  static std::map<std::string, model::AllianceProfile> loaded;
  auto found = loaded.find(name);
  if (found == loaded.end())
    found =
        loaded.emplace(name, ingest::load_alliance_profile(core::data_dir() / "forms", name)).first;
  return found->second;
}

// forms/cet-grant.json, loaded once per test binary.
inline const model::GrantParameters& grant_parameters() {
  static const model::GrantParameters loaded =
      ingest::load_grant_parameters(core::data_dir() / "forms");
  return loaded;
}

struct Checked {
  bool readable = false;
  std::vector<core::Finding> findings;  // ingest's, then the rules'
  core::Figures figures;

  int count(std::string_view rule) const {
    int n = 0;
    for (const auto& finding : findings) n += finding.rule == rule ? 1 : 0;
    return n;
  }
  // The first finding of `rule` (an empty one when there is none).
  core::Finding first(std::string_view rule) const {
    for (const auto& finding : findings)
      if (finding.rule == rule) return finding;
    return {};
  }
  std::vector<std::string> locations(std::string_view rule) const {
    std::vector<std::string> out;
    for (const auto& finding : findings)
      if (finding.rule == rule) out.push_back(finding.location);
    return out;
  }
  std::string figure(std::string_view key) const {
    const std::string* value = figures.find(key);
    return value ? *value : "(none)";
  }
  // Errors and warnings only, as "RULE" strings in order (info findings left out).
  std::vector<std::string> problems() const {
    std::vector<std::string> out;
    for (const auto& finding : findings)
      if (finding.severity != core::Severity::Info) out.push_back(finding.rule);
    return out;
  }
};

inline Checked checked(const ingest::Ingested& ingested, core::Date as_of) {
  Checked out;
  out.findings = ingested.findings;
  if (!ingested.submission) return out;
  out.readable = true;
  Context context;
  context.as_of = as_of;
  if (ingested.submission->kind == "cet-grant-proposal")
    context.grant = &grant_parameters();
  else
    context.alliance = &alliance_profile(ingested.submission->profile);
  core::Outcome outcome;
  check(*ingested.submission, context, outcome);
  out.findings.insert(out.findings.end(), outcome.findings.begin(), outcome.findings.end());
  out.figures = outcome.figures;
  return out;
}

// `text` with its first `from` replaced by `to`; the test fails when `from` is not there.
inline std::string with(std::string text, const std::string& from, const std::string& to) {
  REQUIRE(text.find(from) != std::string::npos);
  return samples::replaced_once(std::move(text), from, to);
}

// A far-off default "today": no test depends on it unless it says so.
inline Checked check_xml(const std::string& xml, core::Date as_of = day("2030-01-01")) {
  return checked(ingest::ingest_xml(xml, "test.xml", ingest::Options{}), as_of);
}

inline Checked check_path(const std::filesystem::path& path, core::Date as_of = day("2030-01-01")) {
  return checked(ingest::ingest_path(path, ingest::Options{}), as_of);
}

// samples/<file> on the samples walk's "today"; the sample must be readable.
inline Checked check_sample(std::string_view file) {
  Checked out = check_path(samples::path(file), samples::as_of());
  REQUIRE(out.readable);
  return out;
}

}  // namespace pipeline::rules::testing
