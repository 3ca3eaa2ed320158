// The agreement and letter samples' findings point where samples/README.md says, through ingest
// and the rules alone (tests/samples_test.cpp checks their findings and figures).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "pipeline/rules/report_test_support.hpp"

using pipeline::rules::testing::check_sample;

TEST_CASE("agreement and letter sample findings point where the README says",
          "[rules][agreement][letter][samples]") {
  using Locations = std::vector<std::string>;
  const auto miosha =
      check_sample("alliance-agreement.invalid.miosha-no-shp-enforcement-six-years.xml");
  CHECK(miosha.locations("AGREEMENT-NO-ENFORCEMENT") ==
        Locations{"alliance-agreement/raising-awareness/objective[1]"});
  CHECK(miosha.locations("AGREEMENT-FOR-PROFIT") ==
        Locations{"alliance-agreement/organizations/organization[1]"});
  CHECK(miosha.locations("AGREEMENT-ENTITY-CHECK") ==
        Locations{"alliance-agreement/vetting/entity-check-resolved"});
  const auto iowa =
      check_sample("alliance-agreement.invalid.iowa-ambassador-no-worker-rep-three-years.xml");
  CHECK(iowa.locations("AGREEMENT-NO-ENDORSEMENT") ==
        Locations{"alliance-agreement/raising-awareness/objective[2]"});
  const auto ambassador =
      check_sample("alliance-agreement.warning.osha-ambassador-without-renewal.xml");
  CHECK(ambassador.locations("AGREEMENT-AMBASSADOR-NO-RENEWAL") ==
        Locations{"alliance-agreement/history"});
  const auto region =
      check_sample("alliance-agreement.invalid.osha-region-consulate-tribe-late-kickoff.xml");
  CHECK(region.locations("AGREEMENT-TRIBE-APPROVAL") ==
        Locations{"alliance-agreement/organizations/organization[2]"});
  CHECK(region.locations("AGREEMENT-CONSULATE") ==
        Locations{"alliance-agreement/organizations/organization[1]"});
  const auto declination =
      check_sample("declination-letter.invalid.received-after-letter-ohio-no-zip.xml");
  CHECK(declination.locations("LETTER-FIELDS") ==
        Locations{"declination-letter/addressee/zip-code"});
  CHECK(declination.locations("LETTER-DECLINE-REASON") ==
        Locations{"declination-letter/reason[1]"});
}
