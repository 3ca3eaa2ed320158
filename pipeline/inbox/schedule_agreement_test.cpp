// `formpipe due` and the report rules count from one schedule (model/report_schedule.hpp): for
// every program, alliance type and level, every period `due` lists over several years is checked
// against what the rules tell a report for that period — its due date figure, and that the day
// after it is late.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "pipeline/inbox/due.hpp"
#include "pipeline/process/records.hpp"
#include "pipeline/rules/report_test_support.hpp"

using namespace pipeline;
using rules::testing::alliance_profile;
using rules::testing::check_xml;
using rules::testing::Checked;

namespace {

std::string attributes(const std::string& profile, const std::string& type,
                       const std::string& level) {
  std::string out = "profile=\"" + profile + "\"";
  if (!type.empty()) out += " alliance-type=\"" + type + "\"";
  if (!level.empty()) out += " level=\"" + level + "\"";
  return out;
}

std::string diary_xml(const std::string& root, const inbox::DueItem& item, core::Date submitted) {
  return "<alliance-diary-sheet " + root + "><reporting-period start=\"" + item.period_start.iso() +
         "\" end=\"" + item.period_end.iso() +
         "\"/><alliance-name>Example Alliance</alliance-name>"
         "<name-of-organization>Example Association</name-of-organization>"
         "<address>1 Main Street</address><city>Lansing</city><zip-code>48917</zip-code>"
         "<contact-person>Ana Núñez</contact-person><title>Chair</title>"
         "<telephone-number>517-555-0100</telephone-number><email>a@example.org</email>"
         "<liaison>Karen Lindqvist</liaison><date-submitted>" +
         submitted.iso() + "</date-submitted><activities><activity><date>" + item.period_end.iso() +
         "</date><event-or-product-type>training</event-or-product-type>"
         "<description-comments>Crew training</description-comments>"
         "<emphasis>Safety and Health Programs</emphasis><number-reached>10</number-reached>"
         "</activity></activities></alliance-diary-sheet>";
}

std::string annual_xml(const std::string& root, const inbox::DueItem& item, core::Date signed_on,
                       core::Date dated) {
  return "<alliance-annual-report " + root + "><report-date>" + dated.iso() +
         "</report-date><alliance-background><alliance-name>Example Alliance</alliance-name>"
         "<initial-date-signed>" +
         signed_on.iso() +
         "</initial-date-signed><overview>Tree care safety</overview>"
         "<implementation-team-members><member><name>Ana Núñez</name>"
         "<organization>Example Association</organization></member>"
         "</implementation-team-members><evaluation-period start=\"" +
         item.period_start.iso() + "\" end=\"" + item.period_end.iso() +
         "\"/></alliance-background></alliance-annual-report>";
}

struct Case {
  std::string profile, type, level;
};

std::vector<Case> every_profile_type_and_level() {
  std::vector<Case> cases;
  for (const std::string profile : {"miosha", "osha", "iowa", "calosha"}) {
    const model::AllianceProfile& p = alliance_profile(profile);
    std::vector<std::string> types = p.alliance_types.allowed;
    if (types.empty()) types.push_back(p.alliance_types.default_word.value_or(""));
    std::vector<std::string> levels = p.levels.allowed;
    if (levels.empty()) levels.push_back("");
    for (const std::string& type : types)
      for (const std::string& level : levels) cases.push_back({profile, type, level});
  }
  return cases;
}

}  // namespace

TEST_CASE("due and the report rules agree on every period and due date of every program",
          "[inbox][due][schedule]") {
  const core::Date signed_on = *core::parse_date("2023-05-17");
  const core::Date as_of = *core::parse_date("2026-12-31");
  int periodic = 0, annual = 0, annual_dated = 0;
  for (const Case& c : every_profile_type_and_level()) {
    const model::AllianceProfile& profile = alliance_profile(c.profile);
    inbox::AllianceFacts agreement;
    agreement.submission_id = "a1";
    agreement.form = "alliance-agreement";
    agreement.status = "accepted";
    agreement.profile = c.profile;
    agreement.alliance_type = c.type;
    agreement.level = c.level;
    agreement.organizations = {"Example Association"};
    agreement.signing_date = signed_on;
    agreement.expiration_date = *core::parse_date("2028-05-17");
    for (process::Duty duty : process::reporting_duties(profile, c.type, c.level))
      agreement.reporting_duties.emplace_back(process::duty_name(duty));
    const inbox::DueList list = inbox::compute_due(
        {agreement}, as_of, [](const std::string& name) { return &alliance_profile(name); });
    REQUIRE(list.alliances.size() == 1);
    const std::string root = attributes(c.profile, c.type, c.level);
    for (const inbox::DueItem& item : list.alliances[0].items) {
      INFO(c.profile << " " << c.type << " " << c.level << ": " << item.report << " "
                     << item.label);
      if (item.report == "annual-report") {
        ++annual;
        const core::Date day_after = item.due_date ? core::add_days(*item.due_date, 1)
                                                   : core::add_days(item.period_end, 200);
        const Checked late = check_xml(annual_xml(root, item, signed_on, day_after), as_of);
        REQUIRE(late.readable);
        CHECK(late.count("ANNUAL-PERIOD") == 0);
        if (item.due_date) {
          ++annual_dated;
          CHECK(late.figure("due-date") == item.due_date->iso());
          CHECK(late.count("ANNUAL-DUE") == 1);
          const Checked on_time =
              check_xml(annual_xml(root, item, signed_on, *item.due_date), as_of);
          CHECK(on_time.count("ANNUAL-DUE") == 0);
        } else {
          CHECK(late.count("ANNUAL-DUE") == 0);
        }
        continue;
      }
      ++periodic;
      REQUIRE(item.due_date);
      const std::string due_rule = item.report == "diary-sheet" ? "DIARY-DUE" : "BIANNUAL-DUE";
      const std::string period_rule =
          item.report == "diary-sheet" ? "DIARY-PERIOD-QUARTER" : "BIANNUAL-PERIOD";
      const Checked on_time = check_xml(diary_xml(root, item, *item.due_date), as_of);
      REQUIRE(on_time.readable);
      CHECK(on_time.count(period_rule) == 0);
      CHECK(on_time.figure("due-date") == item.due_date->iso());
      CHECK(on_time.count(due_rule) == 0);
      const Checked late =
          check_xml(diary_xml(root, item, core::add_days(*item.due_date, 1)), as_of);
      CHECK(late.count(due_rule) == 1);
    }
  }
  // The walk met every kind of schedule: MIOSHA quarters, OSHA half-years and annual reports with
  // and without a date set.
  CHECK(periodic >= 14 + 7);
  CHECK(annual > annual_dated);
  CHECK(annual_dated >= 3);
}
