// AGREEMENT rules (rules.md §4.15) at their boundaries, on agreements read from XML by ingest and
// judged with the program profiles of forms/.
#include <catch2/catch.hpp>

#include <map>
#include <string>

#include "pipeline/core/data_dir.hpp"
#include "pipeline/ingest/alliance_profile_loader.hpp"
#include "pipeline/ingest/ingest.hpp"
#include "pipeline/rules/rules.hpp"

using namespace pipeline;

namespace {

const model::AllianceProfile& profile(const std::string& name) {
  static std::map<std::string, model::AllianceProfile> loaded;
  auto it = loaded.find(name);
  if (it == loaded.end())
    it =
        loaded.emplace(name, ingest::load_alliance_profile(core::data_dir() / "forms", name)).first;
  return it->second;
}

struct Checked {
  std::vector<core::Finding> format;  // FORMAT-* findings of ingest
  core::Outcome outcome;

  std::size_t count(std::string_view rule) const {
    std::size_t n = 0;
    for (const auto& finding : outcome.findings)
      if (finding.rule == rule) ++n;
    return n;
  }
  const core::Finding& only(std::string_view rule) const {
    const core::Finding* found = nullptr;
    for (const auto& finding : outcome.findings)
      if (finding.rule == rule) {
        REQUIRE(found == nullptr);
        found = &finding;
      }
    REQUIRE(found != nullptr);
    return *found;
  }
  std::string figure(std::string_view key) const {
    const std::string* value = outcome.figures.find(key);
    return value ? *value : "(none)";
  }
  // Every error and warning, as "RULE" lines, for comparing with an expected list.
  std::vector<std::string> flagged() const {
    std::vector<std::string> out;
    for (const auto& finding : format) out.push_back(finding.rule);
    for (const auto& finding : outcome.findings)
      if (finding.severity != core::Severity::Info) out.push_back(finding.rule);
    std::sort(out.begin(), out.end());
    return out;
  }
};

Checked check(const std::string& xml) {
  auto ingested = ingest::ingest_xml(xml, "test.xml", ingest::Options{});
  Checked checked;
  checked.format = ingested.findings;
  REQUIRE(ingested.submission);
  rules::Context context;
  context.as_of = *core::Date::from_ymd(2025, 12, 1);
  context.alliance = &profile(ingested.submission->profile);
  rules::check(*ingested.submission, context, checked.outcome);
  return checked;
}

// `xml` with its first `from` replaced by `to` (which must be there).
std::string with(std::string xml, const std::string& from, const std::string& to) {
  const auto at = xml.find(from);
  REQUIRE(at != std::string::npos);
  return xml.replace(at, from.size(), to);
}

// A MIOSHA Partner agreement that passes every rule.
const std::string kMiosha =
    R"(<alliance-agreement profile="miosha" alliance-type="partner" action="new">
  <organizations>
    <organization>
      <name>Tree Care Association</name>
      <organization-type>trade-association</organization-type>
      <ein>38-4417265</ein>
      <signatory><name>Colleen O'Rourke</name><title>President</title></signatory>
    </organization>
  </organizations>
  <miosha-division>Consultation Education and Training Division</miosha-division>
  <hazards><hazard>falls from trees</hazard></hazards>
  <raising-awareness>
    <objective measurable="yes" model="shp-awareness">Publish two SHP articles a year.</objective>
    <objective measurable="yes">Exhibit at the summit each year.</objective>
  </raising-awareness>
  <training-and-education>
    <objective>Deliver chipper safety seminars.</objective>
  </training-and-education>
  <implementation-team><meetings-per-year>3</meetings-per-year></implementation-team>
  <point-of-contact><name>Ignacio Herrera</name><email>safety@example.org</email></point-of-contact>
  <signing-date>2025-03-14</signing-date>
  <term-years>5</term-years>
  <termination-notice-days>30</termination-notice-days>
  <vetting><vetting-complete>yes</vetting-complete><entity-check-resolved>yes</entity-check-resolved></vetting>
</alliance-agreement>)";

// A new national OSHA agreement that passes every rule.
const std::string kOsha = R"(<alliance-agreement profile="osha" level="national" action="new">
  <organizations>
    <organization>
      <name>Coalition for Safe Tower Climbing</name>
      <organization-type>trade-association</organization-type>
      <signatory><name>Deborah Whitcomb</name><title>President</title></signatory>
    </organization>
  </organizations>
  <agency-signatories>
    <signatory role="assistant-secretary"><name>Jonathan Reyes</name><title>Assistant Secretary</title></signatory>
  </agency-signatories>
  <hazards><hazard>falls from towers</hazard></hazards>
  <target-workforce>Tower climbers</target-workforce>
  <raising-awareness><objective>Share fall-prevention resources.</objective></raising-awareness>
  <implementation-team>
    <meetings-per-year>1</meetings-per-year>
    <kick-off-meeting>2025-03-11</kick-off-meeting>
  </implementation-team>
  <worker-representation><means>union-invited-to-meetings</means></worker-representation>
  <point-of-contact><name>Jordan Pryce</name><telephone-number>202-555-0101</telephone-number></point-of-contact>
  <alliance-webpage>https://example.org/alliance</alliance-webpage>
  <clearances><clearance>national-sol</clearance><clearance>oas</clearance></clearances>
  <signing-date>2025-02-18</signing-date>
  <term-years>2</term-years>
</alliance-agreement>)";

// The same as a region-wide agreement.
std::string osha_region_wide() {
  std::string xml = with(kOsha, R"(level="national")", R"(level="region-wide")");
  xml = with(xml, R"(role="assistant-secretary")", R"(role="regional-administrator")");
  xml = with(xml, "<clearance>national-sol</clearance><clearance>oas</clearance>",
             "<clearance>regional-sol</clearance><clearance>dcsp</clearance>");
  return with(xml, "  <alliance-webpage>https://example.org/alliance</alliance-webpage>\n", "");
}

// An OSHA national Ambassador document that passes every rule.
const std::string kOshaAmbassador =
    R"(<alliance-agreement profile="osha" alliance-type="ambassador" level="national">
  <organizations>
    <organization>
      <name>Precast Erectors Council</name>
      <organization-type>trade-association</organization-type>
      <signatory><name>Harold Baptiste</name><title>Executive Director</title></signatory>
    </organization>
  </organizations>
  <agency-signatories>
    <signatory role="designee"><name>Jonathan Reyes</name><title>Deputy</title></signatory>
  </agency-signatories>
  <hazards><hazard>falls during precast erection</hazard></hazards>
  <target-workforce>Precast erection crews</target-workforce>
  <raising-awareness><objective>Share OSHA construction resources.</objective></raising-awareness>
  <signing-date>2025-06-02</signing-date>
  <history>
    <initial-signing-date>2020-01-10</initial-signing-date>
    <renewal-signing-date>2022-01-10</renewal-signing-date>
    <previous-expiration-date>2025-06-02</previous-expiration-date>
    <completed-satisfactorily>yes</completed-satisfactorily>
  </history>
</alliance-agreement>)";

// A new Iowa agreement that passes every rule.
const std::string kIowa = R"(<alliance-agreement profile="iowa" action="new">
  <organizations>
    <organization>
      <name>Hawkeye Grain Handlers Association</name>
      <organization-type>trade-association</organization-type>
      <signatory><name>Wendell Kruse</name><title>Executive Vice President</title></signatory>
    </organization>
  </organizations>
  <agency-signatories>
    <signatory role="labor-commissioner"><name>Rod Roberts</name><title>Labor Commissioner</title></signatory>
  </agency-signatories>
  <hazards><hazard>grain bin engulfment</hazard></hazards>
  <target-workforce>Grain elevator workers</target-workforce>
  <raising-awareness><objective>Distribute bin entry checklists.</objective></raising-awareness>
  <implementation-team><meetings-per-year>2</meetings-per-year></implementation-team>
  <worker-representation><means>worker-involvement</means></worker-representation>
  <work-plan><item>Spring: bin entry stand-down</item></work-plan>
  <criteria-addressed><criterion code="c">Training for workers.</criterion></criteria-addressed>
  <signing-date>2025-09-09</signing-date>
  <term-years>2</term-years>
</alliance-agreement>)";

std::string history(const std::string& inner) {
  return "  <history>" + inner + "</history>\n</alliance-agreement>";
}

std::string as_renewal(const std::string& xml, const std::string& inner) {
  std::string out = with(xml, R"(action="new")", R"(action="renewal")");
  return with(out, "</alliance-agreement>", history(inner));
}

const std::string kRenewalHistory =
    "<initial-signing-date>2020-03-16</initial-signing-date>"
    "<previous-expiration-date>2025-03-16</previous-expiration-date>";

}  // namespace

TEST_CASE("the base agreements of these tests pass every agreement rule", "[rules][agreement]") {
  for (const std::string& xml : {kMiosha, kOsha, osha_region_wide(), kOshaAmbassador, kIowa}) {
    const auto checked = check(xml);
    CAPTURE(xml);
    CHECK(checked.flagged().empty());
  }
}

TEST_CASE("AGREEMENT-DURATION: MIOSHA terms run 1 to 5 years", "[rules][agreement]") {
  const auto term = GENERATE(as<std::string>{}, "1", "5", "0", "6");
  const auto checked = check(with(kMiosha, "<term-years>5<", "<term-years>" + term + "<"));
  const bool allowed = term == "1" || term == "5";
  CHECK(checked.count("AGREEMENT-DURATION") == (allowed ? 0u : 1u));
  if (!allowed) {
    const auto& finding = checked.only("AGREEMENT-DURATION");
    CHECK(finding.severity == core::Severity::Error);
    CHECK(finding.message ==
          "A new MIOSHA agreement may run 1 to 5 years; this one runs " + term + " years.");
    CHECK(finding.location == "alliance-agreement/term-years");
  }
}

TEST_CASE("AGREEMENT-DURATION: OSHA and Iowa agreements run exactly 2 years, renewals 2 to 5",
          "[rules][agreement]") {
  CHECK(check(with(kOsha, "<term-years>2<", "<term-years>3<")).only("AGREEMENT-DURATION").message ==
        "A new OSHA agreement may run exactly 2 years; this one runs 3 years.");
  CHECK(check(with(kIowa, "<term-years>2<", "<term-years>1<")).count("AGREEMENT-DURATION") == 1);
  const std::string renewal = as_renewal(kIowa, kRenewalHistory);
  for (const char* term : {"2", "5"})
    CHECK(check(with(renewal, "<term-years>2<", std::string("<term-years>") + term + "<"))
              .count("AGREEMENT-DURATION") == 0);
  for (const char* term : {"1", "6"})
    CHECK(check(with(renewal, "<term-years>2<", std::string("<term-years>") + term + "<"))
              .only("AGREEMENT-DURATION")
              .message.find("renewal Iowa OSHA agreement may run 2 to 5 years") !=
          std::string::npos);
  // An OSHA Ambassador document has no term requirement (I-40).
  CHECK(check(with(kOshaAmbassador, "<signing-date>", "<term-years>9</term-years><signing-date>"))
            .count("AGREEMENT-DURATION") == 0);
}

TEST_CASE("AGREEMENT-EXPIRATION and RENEWAL-CONTACT-BY count whole years and 60 days back",
          "[rules][agreement]") {
  const auto valid = check(kMiosha);
  CHECK(valid.figure("expiration-date") == "2030-03-14");
  CHECK(valid.figure("renewal-contact-by") == "2030-01-13");
  CHECK(valid.only("AGREEMENT-EXPIRATION").message ==
        "The agreement runs from 2025-03-14 until 2030-03-14.");
  CHECK(valid.only("AGREEMENT-RENEWAL-CONTACT-BY").message ==
        "Renewal contact should be made by Sunday 2030-01-13.");
  // 29 February maps to 28 February in a common year, and stays in a leap year.
  const std::string leap = with(kMiosha, "2025-03-14", "2024-02-29");
  CHECK(check(leap).figure("expiration-date") == "2029-02-28");
  CHECK(check(with(leap, "<term-years>5<", "<term-years>4<")).figure("expiration-date") ==
        "2028-02-29");
  // Renewal contact is for MIOSHA only; a draft has no dates.
  CHECK(check(kOsha).figure("renewal-contact-by") == "(none)");
  const auto draft = check(with(kMiosha, "<signing-date>2025-03-14</signing-date>", ""));
  CHECK(draft.figure("expiration-date") == "(none)");
  CHECK(draft.count("AGREEMENT-RENEWAL-CONTACT-BY") == 0);
  // A term beyond the calendar gives no date, only the duration error.
  const auto endless = check(with(kMiosha, "<term-years>5<", "<term-years>999999<"));
  CHECK(endless.figure("expiration-date") == "(none)");
  CHECK(endless.count("AGREEMENT-DURATION") == 1);
}

TEST_CASE("AGREEMENT-RENEWAL-HISTORY: renewals and Ambassadors carry their history",
          "[rules][agreement]") {
  const std::string renewal = with(kMiosha, R"(action="new")", R"(action="renewal")");
  const auto bare = check(renewal);
  CHECK(bare.count("AGREEMENT-RENEWAL-HISTORY") == 2);
  for (const auto& finding : bare.outcome.findings)
    if (finding.rule == "AGREEMENT-RENEWAL-HISTORY")
      CHECK(finding.severity == core::Severity::Error);
  const auto part =
      check(as_renewal(kMiosha, "<initial-signing-date>2020-03-16</initial-signing-date>"));
  CHECK(part.only("AGREEMENT-RENEWAL-HISTORY").message ==
        "A renewal agreement needs previous-expiration-date in its history.");
  CHECK(part.only("AGREEMENT-RENEWAL-HISTORY").location ==
        "alliance-agreement/history/previous-expiration-date");
  // A rejected date was reported by FORMAT-TYPE and is not missing.
  const auto typo =
      check(as_renewal(kMiosha,
                       "<initial-signing-date>2020-02-30</initial-signing-date>"
                       "<previous-expiration-date>2025-03-16</previous-expiration-date>"));
  CHECK(typo.count("AGREEMENT-RENEWAL-HISTORY") == 0);
  const auto ambassador =
      check(with(kOshaAmbassador, "<initial-signing-date>2020-01-10</initial-signing-date>", ""));
  CHECK(ambassador.only("AGREEMENT-RENEWAL-HISTORY").message ==
        "An Ambassador agreement needs initial-signing-date in its history.");
}

TEST_CASE("AGREEMENT-DATES-ORDER: signings follow one another and the cycle ends after it began",
          "[rules][agreement]") {
  CHECK(check(as_renewal(kMiosha, kRenewalHistory)).count("AGREEMENT-DATES-ORDER") == 0);
  const auto out_of_order =
      check(as_renewal(kMiosha,
                       "<initial-signing-date>2020-03-16</initial-signing-date>"
                       "<renewal-signing-date>2026-01-01</renewal-signing-date>"
                       "<previous-expiration-date>2020-03-16</previous-expiration-date>"));
  const auto& finding = out_of_order.only("AGREEMENT-DATES-ORDER");
  CHECK(finding.message ==
        "The agreement's dates are out of order: signing-date 2025-03-14 is before "
        "renewal-signing-date[1] 2026-01-01; previous-expiration-date 2020-03-16 is not after "
        "initial-signing-date 2020-03-16.");
  CHECK(finding.location == "alliance-agreement/history");
  // Equal signing dates are in order.
  CHECK(check(as_renewal(kMiosha,
                         "<initial-signing-date>2025-03-14</initial-signing-date>"
                         "<renewal-signing-date>2025-03-14</renewal-signing-date>"
                         "<previous-expiration-date>2025-03-16</previous-expiration-date>"))
            .count("AGREEMENT-DATES-ORDER") == 0);
}

TEST_CASE("AGREEMENT-RENEWAL-CONTACT: contact at least 60 days before the expiration",
          "[rules][agreement]") {
  // 2025-05-10 − 60 days = 2025-03-11.
  auto renewal = [](const char* contact) {
    return check(as_renewal(
        kMiosha, std::string("<initial-signing-date>2020-05-10</initial-signing-date>"
                             "<previous-expiration-date>2025-05-10</previous-expiration-date>"
                             "<renewal-contact-date>") +
                     contact + "</renewal-contact-date>"));
  };
  CHECK(renewal("2025-03-11").count("AGREEMENT-RENEWAL-CONTACT") == 0);
  CHECK(renewal("2025-01-02").count("AGREEMENT-RENEWAL-CONTACT") == 0);
  const auto late = renewal("2025-03-12");
  CHECK(late.only("AGREEMENT-RENEWAL-CONTACT").severity == core::Severity::Warning);
  CHECK(late.only("AGREEMENT-RENEWAL-CONTACT").message ==
        "Renewal contact on 2025-03-12 was 59 days before the 2025-05-10 expiration; at least 60 "
        "are expected.");
}

TEST_CASE("AGREEMENT-MEETINGS: at least the program's meetings a year", "[rules][agreement]") {
  CHECK(check(with(kMiosha, "<meetings-per-year>3<", "<meetings-per-year>2<"))
            .only("AGREEMENT-MEETINGS")
            .message ==
        "The implementation team must meet at least 3 times a year; the "
        "agreement says 2.");
  CHECK(check(with(kMiosha, "<meetings-per-year>3<", "<meetings-per-year>12<"))
            .count("AGREEMENT-MEETINGS") == 0);
  CHECK(check(with(kIowa, "<meetings-per-year>2<", "<meetings-per-year>1<"))
            .count("AGREEMENT-MEETINGS") == 1);
  CHECK(check(with(kOsha, "<meetings-per-year>1<", "<meetings-per-year>0<"))
            .count("AGREEMENT-MEETINGS") == 1);
  // Absent: the profile minimum applies; an OSHA Ambassador has no meeting requirement.
  CHECK(check(with(kMiosha, "<meetings-per-year>3</meetings-per-year>", ""))
            .count("AGREEMENT-MEETINGS") == 0);
  CHECK(check(with(kOshaAmbassador, "<signing-date>",
                   "<implementation-team><meetings-per-year>0</meetings-per-year>"
                   "</implementation-team><signing-date>"))
            .count("AGREEMENT-MEETINGS") == 0);
}

TEST_CASE("AGREEMENT-KICKOFF: the kick-off meeting is within 30 days after the signing",
          "[rules][agreement]") {
  auto kickoff = [](const char* date) {
    return check(with(kOsha, "<kick-off-meeting>2025-03-11<",
                      std::string("<kick-off-meeting>") + date + "<"));
  };
  // Signed 2025-02-18; + 30 days = 2025-03-20.
  for (const char* date : {"2025-02-18", "2025-03-20"})
    CHECK(kickoff(date).count("AGREEMENT-KICKOFF") == 0);
  for (const char* date : {"2025-02-17", "2025-03-21"})
    CHECK(kickoff(date).count("AGREEMENT-KICKOFF") == 1);
  CHECK(kickoff("2025-03-21").only("AGREEMENT-KICKOFF").message ==
        "The kick-off meeting on 2025-03-21 is not within 30 days after the 2025-02-18 signing.");
}

TEST_CASE("AGREEMENT-OSHA-DEADLINES: kick-off, posting and DCSP copy dates by level",
          "[rules][agreement]") {
  const auto national = check(kOsha);
  CHECK(national.figure("kick-off-by") == "2025-03-20");
  CHECK(national.figure("posting-by") == "2025-03-05");
  CHECK(national.figure("dcsp-copy-by") == "(none)");
  CHECK(national.only("AGREEMENT-OSHA-DEADLINES").message ==
        "Kick-off meeting by Thursday 2025-03-20; posting on the OSHA public website by "
        "Wednesday 2025-03-05.");
  const auto region = check(osha_region_wide());
  CHECK(region.figure("dcsp-copy-by") == "2025-03-20");
  CHECK(region.figure("posting-by") == "(none)");
  const auto area = check(with(with(osha_region_wide(), "region-wide", "area-office"),
                               "regional-administrator", "area-director"));
  CHECK(area.figure("dcsp-copy-by") == "2025-03-20");
  CHECK(check(kOshaAmbassador).count("AGREEMENT-OSHA-DEADLINES") == 0);
  CHECK(check(kIowa).count("AGREEMENT-OSHA-DEADLINES") == 0);
}

TEST_CASE("AGREEMENT-OSHA-INTERIM and SECOND-RENEWAL on OSHA renewals", "[rules][agreement]") {
  const std::string renewal =
      as_renewal(with(kOsha, "<kick-off-meeting>2025-03-11</kick-off-meeting>", ""),
                 "<initial-signing-date>2023-01-05</initial-signing-date>"
                 "<previous-expiration-date>2025-01-05</previous-expiration-date>");
  const auto late = check(renewal);
  CHECK(late.only("AGREEMENT-OSHA-INTERIM").message ==
        "The previous agreement expired 2025-01-05; the renewal runs from its signing on "
        "2025-02-18.");
  CHECK(late.count("AGREEMENT-OSHA-SECOND-RENEWAL") == 0);
  CHECK(check(with(renewal, "2025-01-05", "2025-02-18")).count("AGREEMENT-OSHA-INTERIM") == 0);
  const std::string second =
      with(renewal, "</initial-signing-date>",
           "</initial-signing-date><renewal-signing-date>2023-01-05</renewal-signing-date>");
  CHECK(check(second).only("AGREEMENT-OSHA-SECOND-RENEWAL").location ==
        "alliance-agreement/history");
  // Regional and area offices may keep renewing (§X.B).
  CHECK(check(with(with(second, "national", "region-wide"), "assistant-secretary",
                   "regional-administrator"))
            .count("AGREEMENT-OSHA-SECOND-RENEWAL") == 0);
}

TEST_CASE("AGREEMENT-AMBASSADOR: MIOSHA's initial five-year cycle, completed satisfactorily",
          "[rules][agreement]") {
  auto ambassador = [](const std::string& signing, const std::string& inner) {
    std::string xml = with(kMiosha, R"(alliance-type="partner")", R"(alliance-type="ambassador")");
    xml = with(xml, "2025-03-14", signing);
    return check(with(xml, "</alliance-agreement>", history(inner)));
  };
  const std::string cycle =
      "<initial-signing-date>2020-03-14</initial-signing-date>"
      "<completed-satisfactorily>yes</completed-satisfactorily>";
  // The cycle ends 2025-03-14, at most 60 days after the signing: signed 2025-01-13 or later.
  CHECK(ambassador("2025-03-01", cycle).count("AGREEMENT-AMBASSADOR") == 0);
  CHECK(ambassador("2025-01-13", cycle).count("AGREEMENT-AMBASSADOR") == 0);
  CHECK(ambassador("2025-01-12", cycle).only("AGREEMENT-AMBASSADOR").message ==
        "Ambassador status requires the initial cycle to end within 60 days after the Ambassador "
        "signing on 2025-01-12 (by 2025-03-13); it ends 2025-03-14.");
  CHECK(ambassador("2025-03-01",
                   "<initial-signing-date>2020-03-14</initial-signing-date>"
                   "<completed-satisfactorily>no</completed-satisfactorily>")
            .only("AGREEMENT-AMBASSADOR")
            .message ==
        "Ambassador status requires the previous cycle completed satisfactorily; "
        "the history says it was not.");
  CHECK(ambassador("2025-03-01", "<initial-signing-date>2020-03-14</initial-signing-date>")
            .count("AGREEMENT-AMBASSADOR") == 1);
  CHECK(ambassador("2025-03-01",
                   cycle + "<previous-expiration-date>2024-03-14</previous-expiration-date>")
            .only("AGREEMENT-AMBASSADOR")
            .message ==
        "Ambassador status requires an initial cycle of 5 years from 2020-03-14 (to "
        "2025-03-14); the cycle ended 2024-03-14.");
  // A cycle begun on 29 February 2020 is complete on 28 February 2025.
  const std::string leap =
      "<initial-signing-date>2020-02-29</initial-signing-date>"
      "<previous-expiration-date>2025-02-28</previous-expiration-date>"
      "<completed-satisfactorily>yes</completed-satisfactorily>";
  CHECK(ambassador("2025-02-01", leap).count("AGREEMENT-AMBASSADOR") == 0);
  // The missing initial date is AGREEMENT-RENEWAL-HISTORY's.
  const auto missing =
      ambassador("2025-03-01", "<completed-satisfactorily>yes</completed-satisfactorily>");
  CHECK(missing.count("AGREEMENT-AMBASSADOR") == 0);
  CHECK(missing.count("AGREEMENT-RENEWAL-HISTORY") == 1);
}

TEST_CASE("AGREEMENT-AMBASSADOR, -NO-RENEWAL and -EARLY on OSHA Ambassador documents",
          "[rules][agreement]") {
  CHECK(check(with(kOshaAmbassador, "<completed-satisfactorily>yes</completed-satisfactorily>", ""))
            .only("AGREEMENT-AMBASSADOR")
            .message ==
        "Ambassador status requires the previous cycle completed satisfactorily; "
        "the history does not say it was.");
  const auto no_renewal =
      check(with(kOshaAmbassador, "<renewal-signing-date>2022-01-10</renewal-signing-date>", ""));
  CHECK(no_renewal.only("AGREEMENT-AMBASSADOR-NO-RENEWAL").severity == core::Severity::Warning);
  CHECK(no_renewal.only("AGREEMENT-AMBASSADOR-NO-RENEWAL").location ==
        "alliance-agreement/history");
  // Current agreement ends 2025-06-02: signed 2025-04-03 (60 days before) passes, a day earlier
  // not.
  CHECK(check(with(kOshaAmbassador, "<signing-date>2025-06-02", "<signing-date>2025-04-03"))
            .count("AGREEMENT-AMBASSADOR-EARLY") == 0);
  CHECK(check(with(kOshaAmbassador, "<signing-date>2025-06-02", "<signing-date>2025-04-02"))
            .only("AGREEMENT-AMBASSADOR-EARLY")
            .message ==
        "The Ambassador document is signed 2025-04-02, 61 days before the current "
        "agreement ends on 2025-06-02; promotion follows a completed renewal period.");
}

TEST_CASE("AGREEMENT-GOALS-PRESENT, MEASURABLE-OBJECTIVES and SHP-OBJECTIVE",
          "[rules][agreement]") {
  const std::string no_goals = with(
      with(kMiosha,
           "<raising-awareness>\n    <objective measurable=\"yes\" model=\"shp-awareness\">Publish "
           "two SHP "
           "articles a year.</objective>\n    <objective measurable=\"yes\">Exhibit at the summit "
           "each "
           "year.</objective>\n  </raising-awareness>",
           ""),
      "<training-and-education>\n    <objective>Deliver chipper safety seminars.</objective>\n  "
      "</training-and-education>",
      "");
  const auto empty = check(no_goals);
  CHECK(empty.count("AGREEMENT-GOALS-PRESENT") == 1);
  CHECK(empty.count("AGREEMENT-SHP-OBJECTIVE") == 1);
  CHECK(empty.only("AGREEMENT-MEASURABLE-OBJECTIVES").message ==
        "A Partner Alliance needs at least 2 measurable objectives; this agreement has 0.");

  const std::string one_measurable =
      with(kMiosha, "<objective measurable=\"yes\">Exhibit", "<objective>Exhibit");
  CHECK(check(one_measurable).count("AGREEMENT-MEASURABLE-OBJECTIVES") == 1);
  const auto affiliative =
      check(with(one_measurable, R"(alliance-type="partner")", R"(alliance-type="affiliate")"));
  CHECK(affiliative.count("AGREEMENT-MEASURABLE-OBJECTIVES") == 0);
  CHECK(affiliative.only("AGREEMENT-MEASURABLE-OBJECTIVES-ADVISORY").message ==
        "The template asks for at least 2 measurable objectives; this agreement has 1.");
  CHECK(check(with(kOsha, "<objective>", "<objective measurable=\"no\">"))
            .count("AGREEMENT-MEASURABLE-OBJECTIVES-ADVISORY") == 0);

  // The SHP objective: by model key, or by its words, under raising awareness only.
  const std::string unmodelled = with(kMiosha, R"( model="shp-awareness")", "");
  CHECK(check(unmodelled).count("AGREEMENT-SHP-OBJECTIVE") == 1);
  CHECK(check(with(unmodelled, "Publish two SHP articles", "Promote Safety and Health Programs"))
            .count("AGREEMENT-SHP-OBJECTIVE") == 0);
  CHECK(check(with(unmodelled, "Deliver chipper safety seminars",
                   "Provide resources on safety and health programs"))
            .only("AGREEMENT-SHP-OBJECTIVE")
            .location == "alliance-agreement/raising-awareness");
  CHECK(check(with(kOsha, "Share fall-prevention", "Share")).count("AGREEMENT-SHP-OBJECTIVE") == 0);
}

TEST_CASE("AGREEMENT-NO-ENFORCEMENT and ENFORCEMENT-REVIEW read every stated text",
          "[rules][agreement]") {
  const auto deferral =
      check(with(kMiosha, "falls from trees", "falls; inspection deferral offered"));
  CHECK(deferral.only("AGREEMENT-NO-ENFORCEMENT").location ==
        "alliance-agreement/hazards/hazard[1]");
  CHECK(deferral.only("AGREEMENT-NO-ENFORCEMENT").message ==
        "\"inspection deferral\" gives the alliance an enforcement component, which an agreement "
        "may not have.");
  CHECK(deferral.count("AGREEMENT-ENFORCEMENT-REVIEW") == 0);
  const auto disclaimer = check(
      with(kOsha, "Tower climbers", "Tower climbers, who won\u2019t be exempt from inspection"));
  CHECK(disclaimer.count("AGREEMENT-NO-ENFORCEMENT") == 0);
  CHECK(disclaimer.only("AGREEMENT-ENFORCEMENT-REVIEW").location ==
        "alliance-agreement/target-workforce");
  const auto focused =
      check(with(kIowa, "Spring: bin entry stand-down", "Share results of focused inspections"));
  CHECK(focused.only("AGREEMENT-ENFORCEMENT-REVIEW").location ==
        "alliance-agreement/work-plan/item[1]");
  CHECK(check(with(kIowa, "Training for workers.", "Members are exempt from enforcement."))
            .only("AGREEMENT-NO-ENFORCEMENT")
            .location == "alliance-agreement/criteria-addressed/criterion[1]");
}

TEST_CASE("AGREEMENT-NO-ENDORSEMENT and NO-STANDARDS-INFLUENCE", "[rules][agreement]") {
  const auto preferential = check(
      with(kIowa, "Distribute bin entry checklists.", "Members receive preferential scheduling."));
  CHECK(preferential.only("AGREEMENT-NO-ENDORSEMENT").message ==
        "\"preferential\" may suggest endorsement or preferential treatment; the agreement must "
        "not.");
  CHECK(preferential.only("AGREEMENT-NO-ENDORSEMENT").location ==
        "alliance-agreement/raising-awareness/objective[1]");
  const std::string influence = "Influence the silica standard.";
  const auto miosha = check(with(kMiosha, "Deliver chipper safety seminars.", influence));
  CHECK(miosha.only("AGREEMENT-NO-STANDARDS-INFLUENCE").message ==
        "\"Influence the silica standard.\" may commit the member to influence standards "
        "development, which goals may not do.");
  // A hazard is not a goal; other programs do not run the test.
  CHECK(check(with(kMiosha, "falls from trees", influence))
            .count("AGREEMENT-NO-STANDARDS-INFLUENCE") == 0);
  CHECK(check(with(kOsha, "Share fall-prevention resources.", influence))
            .count("AGREEMENT-NO-STANDARDS-INFLUENCE") == 0);
}

TEST_CASE("AGREEMENT-TERMINATION-NOTICE: exactly 30 days", "[rules][agreement]") {
  for (const char* days : {"29", "31", "60"}) {
    const auto checked = check(with(kMiosha, "<termination-notice-days>30<",
                                    std::string("<termination-notice-days>") + days + "<"));
    CHECK(
        checked.only("AGREEMENT-TERMINATION-NOTICE").message ==
        std::string("Either party may terminate on 30 days' written notice; the agreement says ") +
            days + ".");
  }
  CHECK(check(with(kMiosha, "<termination-notice-days>30</termination-notice-days>", ""))
            .count("AGREEMENT-TERMINATION-NOTICE") == 0);
}

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
