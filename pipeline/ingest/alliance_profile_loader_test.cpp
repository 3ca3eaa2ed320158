// The alliance program profiles of forms/ (rules.md §3) as ingest::load_alliance_profile reads
// them.
#include "pipeline/ingest/alliance_profile_loader.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "pipeline/core/error.hpp"

using namespace pipeline;

namespace {

const std::filesystem::path kSource = FORMPIPE_SOURCE_DIR;

std::string read_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace

TEST_CASE("the four alliance profiles load and hold rules.md §3", "[ingest][profiles]") {
  const auto forms = kSource / "forms";
  const auto miosha = ingest::load_alliance_profile(forms, "miosha");
  CHECK(miosha.state == "Michigan");
  CHECK(miosha.alliance_types.allowed ==
        std::vector<std::string>{"partner", "affiliative", "ambassador"});
  CHECK(miosha.alliance_types.required);
  CHECK(miosha.levels.allowed.empty());
  CHECK(miosha.initial_term.min_years == 1);
  CHECK(miosha.initial_term.max_years == 5);
  CHECK(miosha.initial_term.template_years == 5);
  CHECK(miosha.renewal_term.max_years == 5);
  CHECK(miosha.ambassador.available);
  CHECK(miosha.ambassador.initial_cycle_years == 5);
  CHECK(miosha.ambassador.cycle_end_within_days_after_signing == 60);
  CHECK(miosha.implementation_team.meetings_per_year_minimum == 3);
  CHECK_FALSE(miosha.implementation_team.kick_off_within_days);
  CHECK(miosha.agreement.termination_notice_days == 30);
  CHECK(miosha.periodic_report.kind == model::PeriodicReportKind::QuarterlyDiary);
  CHECK(miosha.periodic_report.alliance_types == std::vector<std::string>{"partner"});
  CHECK(miosha.periodic_report.windows.size() == 4);
  CHECK(miosha.periodic_report.due_rule == model::DueRule::FridayAfterEnd);
  CHECK(miosha.annual_report.kind == model::AnnualReportKind::Template);
  CHECK(miosha.annual_report.due_friday_after_new_year);
  CHECK(miosha.annual_report.preparer_roles.at("affiliative") ==
        std::vector<std::string>{"liaison", "member"});
  CHECK(miosha.worker_representation.requirement ==
        model::WorkerRepresentationRequirement::NotRequired);
  CHECK(miosha.work_plan.requirement == model::WorkPlanRequirement::NotRequired);
  CHECK(miosha.renewal_contact.days_before_expiration == 60);
  CHECK(miosha.clearances.by_level.empty());
  CHECK_FALSE(miosha.agency_signatories.required);
  CHECK(miosha.agency_signatories.all_roles);
  REQUIRE(miosha.agency_signatories.defaults.size() == 2);
  CHECK(miosha.agency_signatories.defaults[0].name == "Barton G. Pickelman, CIH");
  CHECK(miosha.agency_signatories.defaults[1].role == "cet-division-director");
  CHECK(miosha.agreement.measurable_objectives_minimum == 2);
  CHECK(miosha.agreement.shp_objective_required);
  CHECK(miosha.letters.available);
  CHECK(miosha.letters.telephone == "(517) 284-7720");
  CHECK(miosha.letters.addressee_state == "MI");
  CHECK(miosha.diary_header_required);

  const auto osha = ingest::load_alliance_profile(forms, "osha");
  CHECK(osha.alliance_types.allowed == std::vector<std::string>{"standard", "ambassador"});
  CHECK(osha.alliance_types.default_word == "standard");
  CHECK(osha.levels.allowed == std::vector<std::string>{"national", "region-wide", "area-office"});
  CHECK(osha.levels.required);
  CHECK(osha.initial_term.min_years == 2);
  CHECK(osha.initial_term.max_years == 2);
  CHECK(osha.renewal_term.min_years == 2);
  CHECK(osha.renewal_term.max_years == 5);
  CHECK(osha.ambassador.renewal_expected);
  CHECK(osha.ambassador.early_signing_days == 60);
  CHECK(osha.ambassador.exempt_from_formal_requirements);
  CHECK(osha.implementation_team.meetings_per_year_minimum == 1);
  CHECK(osha.implementation_team.kick_off_within_days == 30);
  CHECK(osha.periodic_report.kind == model::PeriodicReportKind::Biannual);
  CHECK(osha.periodic_report.levels == std::vector<std::string>{"national"});
  REQUIRE(osha.periodic_report.windows.size() == 2);
  CHECK(osha.periodic_report.windows[0].first_month == 10);
  CHECK(osha.periodic_report.windows[0].last_month == 3);
  CHECK(osha.periodic_report.due_rule == model::DueRule::DaysAfterEnd);
  CHECK(osha.periodic_report.due_days == 15);
  CHECK(osha.annual_report.kind == model::AnnualReportKind::RecordOnly);
  CHECK(osha.worker_representation.requirement ==
        model::WorkerRepresentationRequirement::ReasonableEffort);
  CHECK(osha.worker_representation.accepted_means.size() == 9);
  CHECK(osha.work_plan.requirement == model::WorkPlanRequirement::Recommended);
  CHECK(osha.clearances.by_level.at("national") == std::vector<std::string>{"national-sol", "oas"});
  CHECK(osha.clearances.by_level.at("area-office") == std::vector<std::string>{"regional-sol"});
  CHECK(osha.clearances.new_agreement_by_level.at("region-wide") ==
        std::vector<std::string>{"dcsp"});
  CHECK(osha.clearances.consulate_other.size() == 4);
  CHECK(osha.agency_signatories.roles_by_level.at("region-wide") ==
        std::vector<std::string>{"regional-administrator", "designee"});
  CHECK(osha.agreement.webpage_levels == std::vector<std::string>{"national"});
  CHECK_FALSE(osha.letters.available);

  for (const char* state : {"iowa", "calosha"}) {
    CAPTURE(state);
    const auto p = ingest::load_alliance_profile(forms, state);
    CHECK(p.alliance_types.allowed == std::vector<std::string>{"standard"});
    CHECK_FALSE(p.ambassador.available);
    CHECK(p.initial_term.min_years == 2);
    CHECK(p.initial_term.max_years == 2);
    CHECK(p.renewal_term.max_years == 5);
    CHECK(p.implementation_team.meetings_per_year_minimum == 2);
    CHECK(p.agreement.termination_notice_days == 30);
    CHECK(p.periodic_report.kind == model::PeriodicReportKind::None);
    CHECK(p.annual_report.kind == model::AnnualReportKind::State);
    CHECK(p.annual_report.preparer_roles.at("*") == std::vector<std::string>{"coordinator"});
    CHECK(p.worker_representation.requirement == model::WorkerRepresentationRequirement::Required);
    CHECK(
        p.worker_representation.accepted_means ==
        std::vector<std::string>{"union-signatory", "worker-involvement", "community-labor-group"});
    CHECK(p.work_plan.requirement == model::WorkPlanRequirement::Required);
    CHECK(p.agreement.criteria_codes.size() == 11);
    CHECK(p.agency_signatories.required);
  }
  const auto iowa = ingest::load_alliance_profile(forms, "iowa");
  CHECK(iowa.agency_signatories.roles_by_level.at("") ==
        std::vector<std::string>{"labor-commissioner", "designee"});
  CHECK(iowa.agreement.criteria_codes.front() == "a");
  const auto calosha = ingest::load_alliance_profile(forms, "calosha");
  CHECK(calosha.agency_signatories.roles_by_level.at("") ==
        std::vector<std::string>{"chief", "alliance-program-coordinator", "designee"});
  CHECK(calosha.agreement.criteria_codes.back() == "11");
  CHECK(calosha.state == "California");
}

TEST_CASE("a missing or malformed profile file is a core::Error naming the file",
          "[ingest][profiles]") {
  const auto dir = std::filesystem::temp_directory_path() / "formpipe-profile-test";
  std::filesystem::create_directories(dir);
  auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir / name, std::ios::binary) << text;
  };
  CHECK_THROWS_WITH(ingest::load_alliance_profile(dir, "texas"), Catch::Contains("texas.json"));
  write("broken.json", "{\"profile\": ");
  CHECK_THROWS_WITH(ingest::load_alliance_profile(dir, "broken"),
                    Catch::Contains("broken.json") && Catch::Contains("not valid JSON"));
  // A real profile with a misspelt key, and one with a missing group.
  std::string text = read_text(kSource / "forms" / "iowa.json");
  const std::string good = text;
  text.replace(text.find("\"diary-header-required\""), 23, "\"diary-header-requird\"");
  write("iowa.json", text);
  CHECK_THROWS_WITH(
      ingest::load_alliance_profile(dir, "iowa"),
      Catch::Contains("diary-header-requird") && Catch::Contains("not a profile parameter"));
  text = good;
  text.replace(text.find("\"min-years\": 2"), 14, "\"min-years\": \"two\"");
  write("iowa.json", text);
  CHECK_THROWS_WITH(ingest::load_alliance_profile(dir, "iowa"),
                    Catch::Contains("initial-term.min-years") && Catch::Contains("whole number"));
  text = good;
  text.replace(text.find("\"kind\": \"state\""), 15, "\"kind\": \"statewide\"");
  write("iowa.json", text);
  CHECK_THROWS_WITH(ingest::load_alliance_profile(dir, "iowa"),
                    Catch::Contains("annual-report.kind: expected template, state or record-only, "
                                    "found \"statewide\""));
  write("iowa.json", good);
  CHECK_THROWS_AS(ingest::load_alliance_profile(dir, "calosha"), core::Error);
  CHECK_NOTHROW(ingest::load_alliance_profile(dir, "iowa"));
  std::filesystem::remove_all(dir);
}
