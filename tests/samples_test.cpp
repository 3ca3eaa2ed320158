// Walks samples/: every sample gives exactly the status, findings (severity, rule, count) and
// figures that tests/expected/<sample>.txt transcribes from samples/README.md, and every CSV
// twin gives the same report as its XML.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "pipeline/process/process.hpp"

namespace fs = std::filesystem;
using namespace pipeline;

namespace {

const fs::path kSource = FORMPIPE_SOURCE_DIR;

struct Expected {
  std::string status;
  std::map<std::string, int> findings;  // "error GRANT-AWARD-MAX" -> count
  std::map<std::string, std::string> figures;
};

Expected read_expected(const fs::path& file) {
  Expected out;
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream words(line);
    std::string head;
    words >> head;
    if (head == "status") {
      words >> out.status;
    } else if (head == "figure") {
      std::string key, value;
      words >> key;
      std::getline(words >> std::ws, value);
      out.figures[key] = value;
    } else {
      std::string rule, times;
      words >> rule >> times;
      out.findings[head + " " + rule] = times.empty() ? 1 : std::stoi(times.substr(1));
    }
  }
  return out;
}

// The sample's base name: its expectation file and its twins share it.
std::string base_name(const fs::path& sample) {
  std::string name = sample.filename().string();
  for (const char* ext : {".xml", ".csv", ".bundle"}) {
    const std::string e = ext;
    if (name.size() > e.size() && name.compare(name.size() - e.size(), e.size(), e) == 0)
      return name.substr(0, name.size() - e.size());
  }
  return name;
}

std::vector<fs::path> samples() {
  std::vector<fs::path> out;
  for (const auto& entry : fs::directory_iterator(kSource / "samples")) {
    const std::string name = entry.path().filename().string();
    if (name == "README.md" || name[0] == '.') continue;
    out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

process::Report report_of(const fs::path& sample) {
  process::Options options;
  options.as_of = *core::parse_date("2026-11-23");
  options.render = false;
  return process::process_path(sample, options).report;
}

std::map<std::string, int> finding_counts(const process::Report& report) {
  std::map<std::string, int> out;
  for (const auto& f : report.findings)
    ++out[std::string(core::severity_name(f.severity)) + " " + f.rule];
  return out;
}

std::map<std::string, std::string> figure_map(const process::Report& report) {
  std::map<std::string, std::string> out;
  for (const auto& [key, value] : report.figures.items()) out[key] = value;
  return out;
}

std::string describe(const process::Report& report) {
  std::string out;
  for (const auto& f : report.findings)
    out += std::string(core::severity_name(f.severity)) + " " + f.rule + " @ " + f.location +
           ": " + f.message + "\n";
  return out;
}

}  // namespace

TEST_CASE("every sample has its expectations and they are met", "[samples]") {
  const auto all = samples();
  REQUIRE(all.size() >= 27);
  for (const fs::path& sample : all) {
    SECTION(sample.filename().string()) {
      const fs::path expected_file = kSource / "tests" / "expected" / (base_name(sample) + ".txt");
      REQUIRE(fs::exists(expected_file));
      const Expected expected = read_expected(expected_file);
      const process::Report report = report_of(sample);
      INFO(describe(report));
      CHECK(std::string(process::status_name(report.status)) == expected.status);
      CHECK(finding_counts(report) == expected.findings);
      CHECK(figure_map(report) == expected.figures);
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
      const auto a = report_of(kSource / "samples" / xml);
      const auto b = report_of(kSource / "samples" / csv);
      INFO(describe(b));
      CHECK(b.status == a.status);
      CHECK(b.form == a.form);
      CHECK(b.profile == a.profile);
      CHECK(finding_counts(b) == finding_counts(a));
      CHECK(figure_map(b) == figure_map(a));
    }
  }
}
