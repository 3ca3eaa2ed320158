// rules.md I-46 (repeated rows count), I-47 (counting absences) and I-48 (the first annual report
// of a new alliance).
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

#include "pipeline/rules/grant_test_support.hpp"
#include "pipeline/rules/report_test_support.hpp"

using namespace pipeline;
using pipeline::rules::testing::check_xml;
using pipeline::rules::testing::Checked;
using pipeline::rules::testing::with;

TEST_CASE("I-46: a repeated Table C category is reported and both rows count in the totals",
          "[rules][grant][readings]") {
  using namespace pipeline::rules::test;
  model::GrantProposal proposal;
  proposal.location = "cet-grant-proposal";
  proposal.table_c = table_c({{1, "40000.00", "4000.00"}, {1, "50000.00", "5000.00"}});
  const core::Outcome outcome = check_proposal(proposal);
  CHECK(count(outcome, "TABLEC-CATEGORY") == 1);
  CHECK(message(outcome, "TABLEC-CATEGORY") == "Table C category \"1\" is repeated.");
  CHECK(figure(outcome, "grant-total") == "90000.00");
  CHECK(figure(outcome, "matching-total") == "9000.00");
  CHECK(count(outcome, "GRANT-AWARD-MAX") == 1);  // $90,000.00: both rows count
}

TEST_CASE("I-46: a baseline person given twice counts twice in the comparison",
          "[rules][grant][readings]") {
  using namespace pipeline::rules::test;
  const auto person = [](const char* name, const char* location) {
    model::Person p;
    p.location = location;
    p.name = present(std::string(name), std::string(location) + "/name");
    return p;
  };
  model::GrantProposal proposal;
  proposal.location = "cet-grant-proposal";
  proposal.stage = present(model::GrantStage::Revision);
  auto& revised = proposal.key_personnel.emplace();
  revised.persons.push_back(person("Dana Whitfield", "key-personnel/person[1]"));
  auto& baseline = proposal.baseline.emplace().key_personnel.emplace();
  baseline.persons.push_back(person("Dana Whitfield", "baseline/key-personnel/person[1]"));
  baseline.persons.push_back(person("Dana Whitfield", "baseline/key-personnel/person[2]"));
  const core::Outcome outcome = check_proposal(proposal);
  REQUIRE(count(outcome, "CHANGE-KEY-PERSONNEL") == 1);
  CHECK(message(outcome, "CHANGE-KEY-PERSONNEL") ==
        "Key personnel change needs prior approval: Dana Whitfield removed.");
}

TEST_CASE(
    "I-47: AGREEMENT-ENTITY-CHECK reports each organization without an EIN, and an absent "
    "vetting element once",
    "[rules][agreement][readings]") {
  const std::string miosha = samples::text("alliance-agreement.valid.xml");
  REQUIRE(check_xml(miosha).count("AGREEMENT-ENTITY-CHECK") == 0);
  // Two organizations, neither with an EIN: one finding each.
  std::string no_eins =
      with(miosha, "</organizations>",
           "<organization><name>Arborist Workers Union</name><organization-type>labor-union"
           "</organization-type><signatory><name>R. Diaz</name><title>President</title>"
           "</signatory></organization></organizations>");
  const auto ein = no_eins.find("<ein>");
  REQUIRE(ein != std::string::npos);
  no_eins.erase(ein, no_eins.find("</ein>", ein) + 6 - ein);
  const Checked eins = check_xml(no_eins);
  CHECK(eins.count("AGREEMENT-ENTITY-CHECK") == 2);
  for (const std::string& location : eins.locations("AGREEMENT-ENTITY-CHECK"))
    CHECK_THAT(location, Catch::EndsWith("/ein"));
  // No vetting element: one absence, named by the container.
  const auto start = miosha.find("<vetting>");
  REQUIRE(start != std::string::npos);
  std::string no_vetting = miosha;
  no_vetting.erase(start, miosha.find("</vetting>") + 10 - start);
  const Checked vetting = check_xml(no_vetting);
  REQUIRE(vetting.count("AGREEMENT-ENTITY-CHECK") == 1);
  CHECK(vetting.first("AGREEMENT-ENTITY-CHECK").location == "alliance-agreement/vetting");
  CHECK(vetting.first("AGREEMENT-ENTITY-CHECK").message ==
        "The agreement is signed but no vetting is recorded.");
}

TEST_CASE("I-47: a signature sheet without certification-and-signature is one finding",
          "[rules][grant][readings]") {
  const std::string valid = samples::text("cet-grant-proposal.valid.xml");
  const auto start = valid.find("<certification-and-signature>");
  REQUIRE(start != std::string::npos);
  std::string without = valid;
  const std::string end_tag = "</certification-and-signature>";
  without.erase(start, valid.find(end_tag) + end_tag.size() - start);
  const Checked result = check_xml(without, samples::as_of());
  CHECK(result.locations("GRANT-SIGNATURE-SHEET") ==
        std::vector<std::string>{"cet-grant-proposal/signature-sheet/certification-and-signature"});
  CHECK(result.first("GRANT-SIGNATURE-SHEET").message ==
        "The signature sheet has no \"Certification and Signature\".");
}

TEST_CASE("I-48: a new alliance's first report may start on 1 January or on the signing date",
          "[rules][annual][readings]") {
  const std::string valid = with(samples::text("alliance-annual-report.valid.xml"),
                                 "<initial-date-signed>2022-04-12</initial-date-signed>",
                                 "<initial-date-signed>2024-02-01</initial-date-signed>");
  const auto period = [&](const char* start) {
    return check_xml(with(valid, "start=\"2024-01-01\"", std::string("start=\"") + start + "\""));
  };
  CHECK(period("2024-01-01").count("ANNUAL-PERIOD") == 0);
  CHECK(period("2024-02-01").count("ANNUAL-PERIOD") == 0);
  const Checked other = period("2024-03-01");
  REQUIRE(other.count("ANNUAL-PERIOD") == 1);
  CHECK_THAT(other.first("ANNUAL-PERIOD").message, Catch::Contains("2024-03-01 to 2024-12-31"));
}
