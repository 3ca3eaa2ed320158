// Walks samples/: every sample gives exactly the status, findings (severity, rule, count) and
// figures that tests/expected/<sample>.txt transcribes from samples/README.md, and every CSV
// twin gives the same report as its XML.
#include <catch2/catch.hpp>

#include <filesystem>

#include "pipeline/process/process.hpp"
#include "pipeline/process/process_test_support.hpp"
#include "tests/support/samples.hpp"

namespace fs = std::filesystem;
using namespace pipeline;

namespace {

process::Report report_of(const fs::path& sample) {
  process::Options options;
  options.as_of = samples::as_of();
  options.render = false;
  return process::process_path(sample, process::testing::environment(), options).report;
}

}  // namespace

TEST_CASE("every sample has its expectations and they are met", "[samples]") {
  const auto all = samples::all();
  REQUIRE(all.size() >= 27);
  for (const fs::path& sample : all) {
    SECTION(sample.filename().string()) {
      const fs::path expected_file = samples::expected_file(samples::base_name(sample));
      REQUIRE(fs::exists(expected_file));
      const samples::Expected expected = samples::read_expected(expected_file);
      const process::Report report = report_of(sample);
      INFO(samples::describe(report.findings));
      CHECK(std::string(process::status_name(report.status)) == expected.status);
      CHECK(samples::finding_counts(report.findings) == expected.findings);
      CHECK(samples::figure_map(report.figures) == expected.figures);
      for (const auto& f : report.findings) {
        CHECK_FALSE(f.citation.empty());
        CHECK_FALSE(f.message.empty());
      }
    }
  }
}

TEST_CASE("CSV twins give the same report as their XML", "[samples][csv]") {
  const std::vector<std::pair<std::string, std::string>> twins{
      {"cet-grant-proposal.valid.xml", "cet-grant-proposal.valid.bundle"},
      {"alliance-diary-sheet.valid.xml", "alliance-diary-sheet.valid.csv"},
      {"alliance-diary-sheet.valid.xml", "alliance-diary-sheet.valid.bundle"},
  };
  for (const auto& [xml, csv] : twins) {
    SECTION(csv) {
      const auto a = report_of(samples::path(xml));
      const auto b = report_of(samples::path(csv));
      INFO(samples::describe(b.findings));
      CHECK(b.status == a.status);
      CHECK(b.form == a.form);
      CHECK(b.profile == a.profile);
      CHECK(samples::finding_counts(b.findings) == samples::finding_counts(a.findings));
      CHECK(samples::figure_map(b.figures) == samples::figure_map(a.figures));
    }
  }
}
