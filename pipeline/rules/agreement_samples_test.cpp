// The agreement and letter samples give exactly the findings (severity, rule, count), locations
// and figures of samples/README.md (transcribed in tests/expected/<sample>.txt), through ingest
// and the rules alone.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "pipeline/core/data_dir.hpp"
#include "pipeline/ingest/alliance_profile_loader.hpp"
#include "pipeline/ingest/ingest.hpp"
#include "pipeline/rules/rules.hpp"

namespace fs = std::filesystem;
using namespace pipeline;

namespace {

const fs::path kSource = FORMPIPE_SOURCE_DIR;

struct Report {
  std::map<std::string, int> findings;  // "error AGREEMENT-DURATION" -> count
  std::map<std::string, std::string> figures;
  std::vector<core::Finding> all;
};

// tests/expected/<sample>.txt: "status …", "<severity> <RULE> [×n]", "figure <key> <value>".
Report read_expected(const std::string& sample) {
  Report out;
  std::ifstream in(kSource / "tests" / "expected" / (sample + ".txt"));
  REQUIRE(in);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream words(line);
    std::string head, rule, times;
    words >> head;
    if (head.empty() || head[0] == '#' || head == "status") continue;
    if (head == "figure") {
      std::string value;
      words >> rule;
      std::getline(words >> std::ws, value);
      out.figures[rule] = value;
      continue;
    }
    words >> rule >> times;
    out.findings[head + " " + rule] =
        times.empty() ? 1 : std::stoi(times.substr(times.find_first_of("0123456789")));
  }
  return out;
}

Report run(const std::string& sample) {
  const auto ingested = ingest::ingest_path(kSource / "samples" / (sample + ".xml"), {});
  REQUIRE(ingested.submission);
  const model::AllianceProfile profile =
      ingest::load_alliance_profile(core::data_dir() / "forms", ingested.submission->profile);
  rules::Context context;
  context.as_of = *core::Date::from_ymd(2026, 1, 1);  // no expectation depends on it
  context.alliance = &profile;
  core::Outcome outcome;
  rules::check(*ingested.submission, context, outcome);
  Report out;
  out.all = ingested.findings;
  out.all.insert(out.all.end(), outcome.findings.begin(), outcome.findings.end());
  for (const auto& finding : out.all)
    ++out.findings[std::string(core::severity_name(finding.severity)) + " " + finding.rule];
  for (const auto& [key, value] : outcome.figures.items()) out.figures[key] = value;
  return out;
}

std::vector<std::string> locations(const Report& report, std::string_view rule) {
  std::vector<std::string> out;
  for (const auto& finding : report.all)
    if (finding.rule == rule) out.push_back(finding.location);
  return out;
}

}  // namespace

TEST_CASE("agreement and letter samples give the README's findings and figures",
          "[rules][agreement][letter][samples]") {
  const auto sample = GENERATE(
      as<std::string>{}, "alliance-agreement.valid", "alliance-agreement.calosha-renewal.valid",
      "alliance-agreement.osha-national.valid",
      "alliance-agreement.invalid.miosha-no-shp-enforcement-six-years",
      "alliance-agreement.invalid.iowa-ambassador-no-worker-rep-three-years",
      "alliance-agreement.warning.osha-ambassador-without-renewal",
      "alliance-agreement.invalid.osha-region-consulate-tribe-late-kickoff",
      "declination-letter.valid", "declination-letter.invalid.received-after-letter-ohio-no-zip",
      "expiration-termination-letter.valid",
      "expiration-termination-letter.invalid.expiration-three-year-not-yet-expired",
      "expiration-termination-letter.invalid.termination-bad-reason-short-notice");
  CAPTURE(sample);
  const Report expected = read_expected(sample);
  const Report actual = run(sample);
  for (const auto& finding : actual.all)
    UNSCOPED_INFO(finding.rule << " at " << finding.location << ": " << finding.message);
  CHECK(actual.findings == expected.findings);
  CHECK(actual.figures == expected.figures);
}

TEST_CASE("agreement and letter sample findings point where the README says",
          "[rules][agreement][letter][samples]") {
  using Locations = std::vector<std::string>;
  const auto miosha = run("alliance-agreement.invalid.miosha-no-shp-enforcement-six-years");
  CHECK(locations(miosha, "AGREEMENT-NO-ENFORCEMENT") ==
        Locations{"alliance-agreement/raising-awareness/objective[1]"});
  CHECK(locations(miosha, "AGREEMENT-FOR-PROFIT") ==
        Locations{"alliance-agreement/organizations/organization[1]"});
  CHECK(locations(miosha, "AGREEMENT-ENTITY-CHECK") ==
        Locations{"alliance-agreement/vetting/entity-check-resolved"});
  const auto iowa = run("alliance-agreement.invalid.iowa-ambassador-no-worker-rep-three-years");
  CHECK(locations(iowa, "AGREEMENT-NO-ENDORSEMENT") ==
        Locations{"alliance-agreement/raising-awareness/objective[2]"});
  const auto ambassador = run("alliance-agreement.warning.osha-ambassador-without-renewal");
  CHECK(locations(ambassador, "AGREEMENT-AMBASSADOR-NO-RENEWAL") ==
        Locations{"alliance-agreement/history"});
  const auto region = run("alliance-agreement.invalid.osha-region-consulate-tribe-late-kickoff");
  CHECK(locations(region, "AGREEMENT-TRIBE-APPROVAL") ==
        Locations{"alliance-agreement/organizations/organization[2]"});
  CHECK(locations(region, "AGREEMENT-CONSULATE") ==
        Locations{"alliance-agreement/organizations/organization[1]"});
  const auto declination = run("declination-letter.invalid.received-after-letter-ohio-no-zip");
  CHECK(locations(declination, "LETTER-FIELDS") ==
        Locations{"declination-letter/addressee/zip-code"});
  CHECK(locations(declination, "LETTER-DECLINE-REASON") ==
        Locations{"declination-letter/reason[1]"});
}
