#pragma once
//! Test helpers (for the AGREEMENT rule tests only): agreements read from XML by ingest and judged
//! with the program profiles of forms/, and base agreements of each program that pass every rule.

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/data_dir.hpp"
#include "pipeline/ingest/alliance_profile_loader.hpp"
#include "pipeline/ingest/ingest.hpp"
#include "pipeline/rules/rules.hpp"

namespace pipeline::rules::agreement_test {

inline const model::AllianceProfile& profile(const std::string& name) {
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

inline Checked check(const std::string& xml) {
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
inline std::string with(std::string xml, const std::string& from, const std::string& to) {
  const auto at = xml.find(from);
  REQUIRE(at != std::string::npos);
  return xml.replace(at, from.size(), to);
}

// A MIOSHA Partner agreement that passes every rule.
inline const std::string kMiosha =
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
inline const std::string kOsha =
    R"(<alliance-agreement profile="osha" level="national" action="new">
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
inline std::string osha_region_wide() {
  std::string xml = with(kOsha, R"(level="national")", R"(level="region-wide")");
  xml = with(xml, R"(role="assistant-secretary")", R"(role="regional-administrator")");
  xml = with(xml, "<clearance>national-sol</clearance><clearance>oas</clearance>",
             "<clearance>regional-sol</clearance><clearance>dcsp</clearance>");
  return with(xml, "  <alliance-webpage>https://example.org/alliance</alliance-webpage>\n", "");
}

// An OSHA national Ambassador document that passes every rule.
inline const std::string kOshaAmbassador =
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
inline const std::string kIowa = R"(<alliance-agreement profile="iowa" action="new">
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

inline std::string history(const std::string& inner) {
  return "  <history>" + inner + "</history>\n</alliance-agreement>";
}

inline std::string as_renewal(const std::string& xml, const std::string& inner) {
  std::string out = with(xml, R"(action="new")", R"(action="renewal")");
  return with(out, "</alliance-agreement>", history(inner));
}

inline const std::string kRenewalHistory =
    "<initial-signing-date>2020-03-16</initial-signing-date>"
    "<previous-expiration-date>2025-03-16</previous-expiration-date>";

}  // namespace pipeline::rules::agreement_test
