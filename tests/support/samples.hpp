#pragma once
//! Test support for every test that walks samples/: where a sample and its expectations are
//! (tests/expected/<sample>.txt, transcribed from samples/README.md), how an expectation file
//! reads, and findings and figures as maps to compare with it. tests/samples_test.cpp is the
//! authoritative walk; rule tests use this to look at the same samples more closely.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/date.hpp"
#include "pipeline/core/finding.hpp"

namespace pipeline::samples {

inline const std::filesystem::path kSourceDir = FORMPIPE_SOURCE_DIR;

// The "today" every walk of the samples uses; samples/README.md's expectations hold on it.
inline core::Date as_of() {
  return *core::parse_date("2026-11-23");
}

// samples/<file>.
inline std::filesystem::path path(std::string_view file) {
  return kSourceDir / "samples" / file;
}

// The bytes of samples/<file>, as text.
inline std::string text(std::string_view file) {
  std::ifstream in(path(file), std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// `text` with its first `from` replaced by `to`; `from` must be there (else the text is returned
// with `from` missing marked, so the test's expectation on it fails).
inline std::string replaced_once(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  if (at == std::string::npos) return text + "<!-- not found: " + from + " -->";
  return text.replace(at, from.size(), to);
}

// Every sample of samples/ (files and bundle folders), README.md and dot files left out, sorted.
inline std::vector<std::filesystem::path> all() {
  std::vector<std::filesystem::path> out;
  for (const auto& entry : std::filesystem::directory_iterator(kSourceDir / "samples")) {
    const std::string name = entry.path().filename().string();
    if (name == "README.md" || name[0] == '.') continue;
    out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The sample's base name: its expectation file and its twins (.xml, .csv, .bundle) share it.
inline std::string base_name(const std::filesystem::path& sample) {
  std::string name = sample.filename().string();
  for (const std::string_view ext : {".xml", ".csv", ".bundle"}) {
    if (name.size() > ext.size() && name.compare(name.size() - ext.size(), ext.size(), ext) == 0)
      return name.substr(0, name.size() - ext.size());
  }
  return name;
}

// tests/expected/<base>.txt.
inline std::filesystem::path expected_file(const std::string& base) {
  return kSourceDir / "tests" / "expected" / (base + ".txt");
}

struct Expected {
  std::string status;
  std::map<std::string, int> findings;  // "error GRANT-AWARD-MAX" -> count
  std::map<std::string, std::string> figures;
};

// Reads an expectation file: "status <status>", "<severity> <RULE> [xN]", "figure <key> <value>";
// blank lines and lines starting with '#' are skipped.
inline Expected read_expected(const std::filesystem::path& file) {
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

// "severity RULE" -> how many findings of that rule.
inline std::map<std::string, int> finding_counts(const std::vector<core::Finding>& findings) {
  std::map<std::string, int> out;
  for (const auto& f : findings) ++out[std::string(core::severity_name(f.severity)) + " " + f.rule];
  return out;
}

inline std::map<std::string, std::string> figure_map(const core::Figures& figures) {
  std::map<std::string, std::string> out;
  for (const auto& [key, value] : figures.items()) out[key] = value;
  return out;
}

// One line per finding, for INFO when a comparison fails.
inline std::string describe(const std::vector<core::Finding>& findings) {
  std::string out;
  for (const auto& f : findings)
    out += std::string(core::severity_name(f.severity)) + " " + f.rule + " @ " + f.location + ": " +
           f.message + "\n";
  return out;
}

}  // namespace pipeline::samples
