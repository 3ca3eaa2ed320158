// AGREEMENT rules (rules.md §4.15) at their boundaries: participants, signatories, clearances and
// what the agreement names.
#include <catch2/catch.hpp>

#include <string>

#include "pipeline/rules/agreement_test_support.hpp"

using namespace pipeline;
using namespace pipeline::rules::agreement_test;

TEST_CASE("AGREEMENT-WORKER-REP: Iowa employers need one of three means or a union signatory",
          "[rules][agreement]") {
  const std::string none =
      with(kIowa,
           "<worker-representation><means>worker-involvement</means></worker-representation>", "");
  const auto missing = check(none);
  CHECK(missing.only("AGREEMENT-WORKER-REP").message ==
        "An alliance with employers or employer groups must include worker representation "
        "(union-signatory, worker-involvement or community-labor-group); none is shown.");
  // OSHA's further means do not count for Iowa.
  CHECK(check(with(kIowa, "worker-involvement", "target-audience-survey"))
            .count("AGREEMENT-WORKER-REP") == 1);
  CHECK(check(with(kIowa, "worker-involvement", "community-labor-group"))
            .count("AGREEMENT-WORKER-REP") == 0);
  // A union among the signatories is enough; no employer, no requirement.
  const std::string union_signs =
      with(none, "</organizations>",
           "<organization><name>Local 1</name><organization-type>labor-union</organization-type>"
           "<signatory><name>A. "
           "B.</name><title>President</title></signatory></organization></organizations>");
  CHECK(check(union_signs).count("AGREEMENT-WORKER-REP") == 0);
  CHECK(check(with(none, "trade-association", "community-organization"))
            .count("AGREEMENT-WORKER-REP") == 0);
}

TEST_CASE("AGREEMENT-WORKER-REP-OSHA: any recorded means, other with its detail",
          "[rules][agreement]") {
  const std::string none = with(
      kOsha,
      "<worker-representation><means>union-invited-to-meetings</means></worker-representation>",
      "");
  CHECK(check(none).only("AGREEMENT-WORKER-REP-OSHA").severity == core::Severity::Warning);
  CHECK(check(with(kOsha, "<means>union-invited-to-meetings</means>",
                   "<means detail=\"foremen councils\">other</means>"))
            .count("AGREEMENT-WORKER-REP-OSHA") == 0);
  CHECK(check(kOshaAmbassador).count("AGREEMENT-WORKER-REP-OSHA") == 0);
  CHECK(check(with(kMiosha, "trade-association", "business")).count("AGREEMENT-WORKER-REP") == 0);
}

TEST_CASE("AGREEMENT-ORG-TYPE and FOR-PROFIT per organization", "[rules][agreement]") {
  const auto community = check(with(kMiosha, "trade-association", "community-organization"));
  CHECK(community.only("AGREEMENT-ORG-TYPE").message ==
        "\"Tree Care Association\" is a community-organization, which the MIOSHA program does not "
        "list as eligible; review the request.");
  CHECK(community.only("AGREEMENT-ORG-TYPE").location ==
        "alliance-agreement/organizations/organization[1]");
  CHECK(check(with(kOsha, "trade-association", "community-organization"))
            .count("AGREEMENT-ORG-TYPE") == 0);
  CHECK(check(with(kOsha, "trade-association", "other")).count("AGREEMENT-ORG-TYPE") == 1);
  CHECK(check(with(kIowa, "trade-association", "other")).count("AGREEMENT-ORG-TYPE") == 0);

  CHECK(check(with(kMiosha, "trade-association", "business")).count("AGREEMENT-FOR-PROFIT") == 1);
  CHECK(check(with(kMiosha, "<organization-type>trade-association</organization-type>",
                   "<organization-type>business</organization-type><for-profit>no</for-profit>"))
            .count("AGREEMENT-FOR-PROFIT") == 0);
  CHECK(check(with(kOsha, "<organization-type>trade-association</organization-type>",
                   "<organization-type>trade-association</organization-type><for-profit>yes</"
                   "for-profit>"))
            .only("AGREEMENT-FOR-PROFIT")
            .message ==
        "\"Coalition for Safe Tower Climbing\" is for-profit: confirm it will not "
        "benefit financially or use the alliance to gain clients.");
  CHECK(check(with(kIowa, "trade-association", "business")).count("AGREEMENT-FOR-PROFIT") == 0);
}

TEST_CASE("AGREEMENT-CONSULATE, TRIBE-APPROVAL and FEDERAL-AGENCY read the clearances",
          "[rules][agreement]") {
  auto with_party = [](const std::string& xml, const std::string& type, const std::string& extra) {
    return with(xml, "</organizations>",
                "<organization><name>Party</name><organization-type>" + type +
                    "</organization-type>" + extra +
                    "<signatory><name>A. B.</name><title>Director</title></signatory>"
                    "</organization></organizations>");
  };
  const std::string region = osha_region_wide();
  const auto mexico =
      check(with_party(with(region, "<clearance>dcsp</clearance>",
                            "<clearance>dcsp</clearance><clearance>oia</clearance>"),
                       "consulate", "<country>MÉXICO</country>"));
  CHECK(mexico.count("AGREEMENT-CONSULATE") == 0);
  const auto honduras =
      check(with_party(with(region, "<clearance>dcsp</clearance>",
                            "<clearance>dcsp</clearance><clearance>oia</clearance>"),
                       "consulate", "<country>Honduras</country>"));
  CHECK(honduras.only("AGREEMENT-CONSULATE").message ==
        "Consulate \"Party\" (Honduras): no national-sol, ilab or state-department clearance is "
        "recorded.");
  CHECK(honduras.only("AGREEMENT-CONSULATE").location ==
        "alliance-agreement/organizations/organization[2]");
  CHECK(check(with_party(region, "consulate", "<country>United Mexican States</country>"))
            .only("AGREEMENT-CONSULATE")
            .message ==
        "Consulate \"Party\" (United Mexican States): no oia clearance is recorded.");

  const auto tribe = check(with_party(region, "native-american-tribe", ""));
  CHECK(tribe.only("AGREEMENT-TRIBE-APPROVAL").severity == core::Severity::Error);
  CHECK(check(with_party(with(region, "<clearance>dcsp</clearance>",
                              "<clearance>dcsp</clearance><clearance>national-sol</clearance>"),
                         "native-american-tribe", ""))
            .count("AGREEMENT-TRIBE-APPROVAL") == 0);
  CHECK(check(with_party(kOsha, "native-american-tribe", "")).count("AGREEMENT-TRIBE-APPROVAL") ==
        0);

  CHECK(check(with_party(kOsha, "federal-agency", "")).count("AGREEMENT-FEDERAL-AGENCY") == 1);
  CHECK(check(with_party(with(kOsha, "<clearance>oas</clearance>",
                              "<clearance>oas</clearance><clearance>dep-ofap</clearance>"),
                         "federal-agency", ""))
            .count("AGREEMENT-FEDERAL-AGENCY") == 0);
  CHECK(check(with_party(kMiosha, "federal-agency", "")).count("AGREEMENT-FEDERAL-AGENCY") == 0);
}

TEST_CASE("AGREEMENT-OSHA-CLEARANCES and OSHA-DCSP-APPROVAL on signed agreements",
          "[rules][agreement]") {
  const auto no_oas = check(with(kOsha, "<clearance>oas</clearance>", ""));
  CHECK(no_oas.only("AGREEMENT-OSHA-CLEARANCES").message ==
        "The signed national agreement records no \"oas\" clearance, which OSHA obtains before "
        "signing.");
  const auto none = check(
      with(kOsha,
           "<clearances><clearance>national-sol</clearance><clearance>oas</clearance></clearances>",
           ""));
  CHECK(none.count("AGREEMENT-OSHA-CLEARANCES") == 2);
  CHECK(none.outcome.findings.size() > 0);
  // Drafts are not checked.
  CHECK(check(with(with(kOsha, "<clearance>oas</clearance>", ""),
                   "<signing-date>2025-02-18</signing-date>", ""))
            .count("AGREEMENT-OSHA-CLEARANCES") == 0);

  const std::string no_dcsp = with(osha_region_wide(), "<clearance>dcsp</clearance>", "");
  CHECK(check(no_dcsp).only("AGREEMENT-OSHA-DCSP-APPROVAL").severity == core::Severity::Error);
  CHECK(check(no_dcsp).count("AGREEMENT-OSHA-CLEARANCES") == 0);
  CHECK(check(as_renewal(no_dcsp,
                         "<initial-signing-date>2023-01-05</initial-signing-date>"
                         "<previous-expiration-date>2025-02-18</previous-expiration-date>"))
            .count("AGREEMENT-OSHA-DCSP-APPROVAL") == 0);
}

TEST_CASE("AGREEMENT-ORG-SIGNATORY and AGENCY-SIGNATORY", "[rules][agreement]") {
  CHECK(check(with(kMiosha, "<title>President</title>", ""))
            .only("AGREEMENT-ORG-SIGNATORY")
            .message == "\"Tree Care Association\" has no signatory.");
  // MIOSHA: absent uses App D's block; given, it must have both directors.
  const std::string director =
      "</miosha-division>\n  <agency-signatories><signatory role=\"miosha-director\"><name>B. "
      "P.</name><title>Director</title></signatory>";
  const std::string one = with(kMiosha, "</miosha-division>", director + "</agency-signatories>");
  CHECK(check(one).only("AGREEMENT-AGENCY-SIGNATORY").message ==
        "The MIOSHA agreement must be signed by the MIOSHA Director and the CET Division "
        "Director.");
  CHECK(check(with(kMiosha, "</miosha-division>",
                   director + "<signatory role=\"cet-division-director\"><name>T. K.</name>"
                              "<title>Director</title></signatory></agency-signatories>"))
            .count("AGREEMENT-AGENCY-SIGNATORY") == 0);
  // OSHA: a role of the level; Iowa: the Labor Commissioner or a designee.
  CHECK(check(with(osha_region_wide(), "regional-administrator", "assistant-secretary"))
            .count("AGREEMENT-AGENCY-SIGNATORY") == 1);
  CHECK(check(with(osha_region_wide(), "regional-administrator", "designee"))
            .count("AGREEMENT-AGENCY-SIGNATORY") == 0);
  CHECK(check(with(kIowa, "labor-commissioner", "chief")).count("AGREEMENT-AGENCY-SIGNATORY") == 1);
  CHECK(check(with(kIowa, "labor-commissioner", "designee")).count("AGREEMENT-AGENCY-SIGNATORY") ==
        0);
  const auto unsigned_agency =
      check(with(kIowa,
                 "  <agency-signatories>\n    <signatory role=\"labor-commissioner\"><name>Rod "
                 "Roberts</name><title>Labor "
                 "Commissioner</title></signatory>\n  </agency-signatories>\n",
                 ""));
  CHECK(unsigned_agency.only("AGREEMENT-AGENCY-SIGNATORY").message ==
        "The Iowa OSHA agreement must be signed by the Labor Commissioner or a designee.");
}

TEST_CASE("AGREEMENT-ENTITY-CHECK: a signed MIOSHA agreement is vetted and every EIN is known",
          "[rules][agreement]") {
  const auto unvetted =
      check(with(kMiosha,
                 "<vetting><vetting-complete>yes</vetting-complete><entity-check-resolved>yes</"
                 "entity-check-resolved></vetting>",
                 ""));
  // No vetting element: one absence (I-47), at the container.
  CHECK(unvetted.only("AGREEMENT-ENTITY-CHECK").location == "alliance-agreement/vetting");
  const auto no_ein = check(with(kMiosha, "<ein>38-4417265</ein>", ""));
  CHECK(no_ein.only("AGREEMENT-ENTITY-CHECK").message ==
        "The agreement is signed but \"Tree Care Association\" has no EIN.");
  CHECK(check(with(with(kMiosha, "<ein>38-4417265</ein>", ""),
                   "<signing-date>2025-03-14</signing-date>", ""))
            .count("AGREEMENT-ENTITY-CHECK") == 0);
  CHECK(check(with(kMiosha, "<entity-check-resolved>yes", "<entity-check-resolved>no"))
            .only("AGREEMENT-ENTITY-CHECK")
            .location == "alliance-agreement/vetting/entity-check-resolved");
}

TEST_CASE("AGREEMENT-POINT-OF-CONTACT, OSHA-WEBPAGE, TARGET-WORKFORCE and MIOSHA-DIVISION-MISSING",
          "[rules][agreement]") {
  CHECK(check(with(kMiosha, "<email>safety@example.org</email>", ""))
            .count("AGREEMENT-POINT-OF-CONTACT") == 1);
  CHECK(
      check(with(kOsha,
                 "<point-of-contact><name>Jordan "
                 "Pryce</name><telephone-number>202-555-0101</telephone-number></point-of-contact>",
                 ""))
          .count("AGREEMENT-POINT-OF-CONTACT") == 1);
  CHECK(check(with(kIowa, "</target-workforce>", "</target-workforce><point-of-contact/>"))
            .count("AGREEMENT-POINT-OF-CONTACT") == 0);
  CHECK(check(with(kOsha, "<alliance-webpage>https://example.org/alliance</alliance-webpage>", ""))
            .only("AGREEMENT-OSHA-WEBPAGE")
            .severity == core::Severity::Warning);
  CHECK(check(with(kOsha, "<target-workforce>Tower climbers</target-workforce>", ""))
            .count("AGREEMENT-TARGET-WORKFORCE") == 1);
  CHECK(check(with(kOshaAmbassador, "<target-workforce>Precast erection crews</target-workforce>",
                   ""))
            .count("AGREEMENT-TARGET-WORKFORCE") == 1);
  CHECK(
      check(with(kMiosha,
                 "<miosha-division>Consultation Education and Training Division</miosha-division>",
                 ""))
          .only("AGREEMENT-MIOSHA-DIVISION-MISSING")
          .location == "alliance-agreement/miosha-division");
}

TEST_CASE("AGREEMENT-WORK-PLAN, STATE-CRITERIA-REQUIRED and HAZARDS-REVIEW", "[rules][agreement]") {
  const auto bare = check(
      with(with(with(kIowa, "<work-plan><item>Spring: bin entry stand-down</item></work-plan>", ""),
                "<criteria-addressed><criterion code=\"c\">Training for "
                "workers.</criterion></criteria-addressed>",
                ""),
           "<hazards><hazard>grain bin engulfment</hazard></hazards>", ""));
  CHECK(bare.only("AGREEMENT-WORK-PLAN").message ==
        "An Iowa OSHA alliance needs the outline of its first-year work plan before signing.");
  CHECK(bare.count("AGREEMENT-STATE-CRITERIA-REQUIRED") == 1);
  CHECK(bare.only("AGREEMENT-HAZARDS-REVIEW").severity == core::Severity::Warning);
  CHECK(check(with(kIowa, "<hazards><hazard>grain bin engulfment</hazard></hazards>",
                   "<issues><issue>young workers</issue></issues>"))
            .count("AGREEMENT-HAZARDS-REVIEW") == 0);
  CHECK(check(kMiosha).count("AGREEMENT-WORK-PLAN") == 0);
}
