#include "pipeline/render/agreement.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <variant>
#include <vector>

#include "pipeline/ingest/alliance_profile_loader.hpp"
#include "pipeline/ingest/ingest.hpp"
#include "pipeline/render/pdf_probe_test_support.hpp"
#include "pipeline/render/sample_forms_test_support.hpp"
#include "pipeline/render/template_document.hpp"

using namespace pipeline;
using namespace pipeline::render;
using probe::check_contains;
using probe::check_lacks;
using probe::flat_text;
using samples::read_text;

namespace {

const std::filesystem::path kSource = FORMPIPE_SOURCE_DIR;

model::AllianceAgreement agreement_of(const std::string& xml) {
  const auto ingested = ingest::ingest_xml(xml, "agreement.xml", {});
  for (const auto& finding : ingested.findings)
    UNSCOPED_INFO(finding.rule << ": " << finding.message);
  REQUIRE(ingested.submission);
  return std::get<model::AllianceAgreement>(ingested.submission->form);
}

model::AllianceProfile profile_of(const std::string& name) {
  return ingest::load_alliance_profile(kSource / "forms", name);
}

struct Rendered {
  std::filesystem::path pdf;
  std::string text;
};

Rendered render_sample(const std::string& xml, const std::string& profile, const std::string& name,
                       const RenderOptions& options = samples::options()) {
  const auto pdf =
      probe::write_file(render_agreement(agreement_of(xml), profile_of(profile), options), name);
  CHECK(probe::run("qpdf --check " + probe::quoted(pdf)).status == 0);
  return {pdf, flat_text(pdf)};
}

const char* const kMioshaHistory =
    "<history><initial-signing-date>2020-03-16</initial-signing-date>"
    "<previous-expiration-date>2025-03-16</previous-expiration-date>"
    "<renewal-contact-date>2024-12-02</renewal-contact-date></history>";

}  // namespace

TEST_CASE("a new MIOSHA partner agreement has every App D clause", "[render][agreement]") {
  const auto rendered = render_sample(samples::read_sample("alliance-agreement.valid.xml"),
                                      "miosha", "miosha-new.pdf");
  check_contains(rendered.text,
                 {"ALLIANCE AGREEMENT",
                  "THE MICHIGAN OCCUPATIONAL SAFETY AND HEALTH ADMINISTRATION",
                  "Michigan Tree Care and Arborist Association",
                  "hereby form a Partner alliance",
                  "Partner Alliance",
                  "a trade association",
                  "Safety and Health Programs (SHPs)",
                  "Raising Awareness: Outreach and Communication",
                  "Training and Education",
                  "MIOSHA is not endorsing",
                  "does not include an enforcement component",
                  "at least three times per year",
                  "This agreement will remain in effect for five years from the date of signing, "
                  "until March 14, 2030",
                  "provided they give 30 days written notice",
                  "Consultation Education and Training Division is an integral part",
                  "Signed this 14th day of March, 2025.",
                  "Barton G. Pickelman, CIH",
                  "Tarah M. Kile",
                  "Colleen O'Rourke",
                  "President",
                  "Ignacio Herrera Núñez"});
  check_lacks(rendered.text, {"RENEWAL", "renews the alliance", "continuing"});
}

TEST_CASE("a MIOSHA renewal agreement continues the alliance", "[render][agreement]") {
  std::string xml = samples::replaced(samples::read_sample("alliance-agreement.valid.xml"),
                                      "action=\"new\"", "action=\"renewal\"");
  xml = samples::replaced(xml, "<vetting>", std::string(kMioshaHistory) + "<vetting>");
  const auto rendered = render_sample(xml, "miosha", "miosha-renewal.pdf");
  check_contains(
      rendered.text,
      {"ALLIANCE RENEWAL AGREEMENT", "recognize the value of continuing",
       "hereby renew the Partner alliance", "In continuing this alliance",
       "This agreement renews the alliance first signed on March 16, 2020, whose "
       "current agreement expires on March 16, 2025",
       "Safety and Health Programs (SHPs)", "remain in effect for five years",
       "30 days written notice", "Barton G. Pickelman, CIH", "Tarah M. Kile", "Colleen O'Rourke"});
  check_lacks(rendered.text, {"hereby form", "establishing"});
}

TEST_CASE("a MIOSHA draft without a signing date leaves the signing line blank",
          "[render][agreement]") {
  const std::string xml = samples::replaced(samples::read_sample("alliance-agreement.valid.xml"),
                                            "<signing-date>2025-03-14</signing-date>", "");
  const auto rendered = render_sample(xml, "miosha", "miosha-draft.pdf");
  check_contains(rendered.text, {"Signed this ________ day of ____________________, ________.",
                                 "DRAFT, not signed",
                                 "remain in effect for five years from the "
                                 "date of signing."});
  check_lacks(rendered.text, {"until March"});
}

TEST_CASE("a MIOSHA agreement without the SHP objective still prints App D's mandatory one",
          "[render][agreement]") {
  std::string xml = samples::read_sample("alliance-agreement.valid.xml");
  xml = samples::replaced(
      xml,
      "model=\"shp-awareness\">Raise awareness of the effectiveness of Safety and "
      "Health Programs (SHPs) by publishing",
      ">Publish");
  const auto rendered = render_sample(xml, "miosha", "miosha-no-shp.pdf");
  check_contains(rendered.text, {"Raise awareness of the effectiveness of Safety and Health "
                                 "Programs (SHPs) in reducing injury rates",
                                 "Publish two SHP articles"});
}

TEST_CASE("a new OSHA national agreement has the fundamental requirements and a kick-off",
          "[render][agreement]") {
  const auto rendered = render_sample(
      samples::read_sample("alliance-agreement.osha-national.valid.xml"), "osha", "osha-new.pdf");
  check_contains(
      rendered.text,
      {"ALLIANCE AGREEMENT",
       "OCCUPATIONAL SAFETY AND HEALTH ADMINISTRATION",
       "National Office",
       "Coalition for Safe Tower Climbing",
       "hereby form an Alliance",
       "falls from communication towers",
       "Target workforce: Tower climbers",
       "Fundamental Requirements",
       "Biannual Alliance Data Reporting Form",
       "https://safetowerclimbing.example.org/osha-alliance",
       "inviting union representatives or community-based labor groups",
       "(annual survey of climbers on training gaps)",
       "kick-off meeting of the Implementation Team within 30 days of the signing, scheduled "
       "for March 11, 2025",
       "at least twice per year",
       "OSHA is not endorsing",
       "not exempt from OSHA inspections",
       "This agreement will remain in effect for two years from the date of signing, until "
       "February 18, 2027",
       "provided they give 30 days written notice",
       "Signed this 18th day of February, 2025.",
       "Jonathan Reyes",
       "Assistant Secretary of Labor for Occupational Safety and Health",
       "Deborah Whitcomb"});
  check_lacks(rendered.text, {"RENEWAL", "renew the Alliance"});
}

TEST_CASE("an OSHA renewal agreement renews the Alliance for its new term", "[render][agreement]") {
  std::string xml =
      samples::replaced(samples::read_sample("alliance-agreement.osha-national.valid.xml"),
                        "action=\"new\"", "action=\"renewal\"");
  xml = samples::replaced(xml, "<term-years>2</term-years>",
                          "<term-years>5</term-years><history><initial-signing-date>2023-02-20</"
                          "initial-signing-date><previous-expiration-date>2025-02-20</"
                          "previous-expiration-date></history>");
  const auto rendered = render_sample(xml, "osha", "osha-renewal.pdf");
  check_contains(rendered.text,
                 {"ALLIANCE RENEWAL AGREEMENT", "continue to recognize the value of maintaining",
                  "renew the Alliance first signed on February 20, 2023",
                  "remain in effect for five years from the date of signing, until February 18, "
                  "2030",
                  "30 days written notice", "Jonathan Reyes", "Deborah Whitcomb"});
  check_lacks(rendered.text, {"hereby form"});
}

TEST_CASE("an OSHA Ambassador document has no term and ends on 30 days notice",
          "[render][agreement]") {
  const auto rendered = render_sample(
      samples::read_sample("alliance-agreement.warning.osha-ambassador-without-renewal.xml"),
      "osha", "osha-ambassador.pdf");
  check_contains(rendered.text,
                 {"ALLIANCE PROGRAM AMBASSADOR", "Alliance Program Ambassador relationship",
                  "first signed on January 10, 2022",
                  "remains in effect for the duration of an ongoing cooperative relationship",
                  "30 days written notice", "Harold Baptiste", "Jonathan Reyes"});
  check_lacks(rendered.text, {"Fundamental Requirements", "kick-off", "remain in effect for"});
}

namespace {

const char* const kIowaAgreement = R"(<?xml version="1.0" encoding="UTF-8"?>
<alliance-agreement profile="iowa" action="new">
  <organizations>
    <organization>
      <name>Hawkeye Grain Handlers Association</name>
      <organization-type>trade-association</organization-type>
      <signatory><name>Wendell Kruse</name><title>Executive Vice President</title></signatory>
    </organization>
    <organization>
      <name>Grain Millers Union Local 48G</name>
      <organization-type>labor-union</organization-type>
      <signatory><name>Rosa Delgado-Fuentes</name><title>President</title></signatory>
    </organization>
  </organizations>
  <agency-signatories>
    <signatory role="labor-commissioner"><name>Kathleen Brandt</name><title>Iowa Labor Commissioner</title></signatory>
  </agency-signatories>
  <hazards><hazard>grain bin engulfment</hazard><hazard>combustible dust explosions</hazard></hazards>
  <target-workforce>grain elevator and feed mill workers, including Spanish-speaking crews</target-workforce>
  <raising-awareness>
    <objective measurable="yes">Distribute grain bin entry checklists to all 340 member elevators.</objective>
  </raising-awareness>
  <training-and-education>
    <objective measurable="yes">Train 600 workers a year in bin entry and lockout.</objective>
  </training-and-education>
  <implementation-team><meetings-per-year>2</meetings-per-year></implementation-team>
  <worker-representation><means>union-signatory</means></worker-representation>
  <work-plan>
    <item>Spring: bin entry stand-down at member elevators</item>
    <item>Fall: dust control webinar in English and Spanish</item>
  </work-plan>
  <criteria-addressed>
    <criterion code="b">Bilingual materials reach Spanish-speaking crews.</criterion>
    <criterion code="h">Operates by the written work plan above.</criterion>
  </criteria-addressed>
  <signing-date>2025-09-09</signing-date>
  <term-years>2</term-years>
</alliance-agreement>
)";

}  // namespace

TEST_CASE("a new Iowa agreement shows worker representation, criteria and work plan",
          "[render][agreement]") {
  const auto rendered = render_sample(kIowaAgreement, "iowa", "iowa-new.pdf");
  check_contains(
      rendered.text,
      {"ALLIANCE AGREEMENT",
       "IOWA OCCUPATIONAL SAFETY AND HEALTH (IOWA OSHA)",
       "hereby form an Alliance",
       "Grain Millers Union Local 48G, a labor union",
       "Hawkeye Grain Handlers Association, a trade association",
       "directed primarily to grain elevator and feed mill workers",
       "Workers are represented among the signatories",
       "having a union signatory",
       "(b) Reaching diverse, at-risk workforces: Bilingual materials",
       "(h) A written Work Plan: Operates by the written work plan above.",
       "Spring: bin entry stand-down",
       "at least twice per year",
       "does not endorse or sanction",
       "preferential treatment",
       "remain in effect for two years from the date of signing, until September 9, 2027",
       "30 days written notice",
       "Signed this 9th day of September, 2025.",
       "Kathleen Brandt",
       "Wendell Kruse",
       "Rosa Delgado-Fuentes"});
  check_lacks(rendered.text, {"RENEWAL", "record of meeting"});
  // Organizations in collation order: Grain Millers before Hawkeye.
  CHECK(rendered.text.find("Rosa Delgado-Fuentes") < rendered.text.find("Wendell Kruse"));
}

TEST_CASE("an Iowa renewal agreement shows the record of meeting goals", "[render][agreement]") {
  std::string xml = samples::replaced(kIowaAgreement, "action=\"new\"", "action=\"renewal\"");
  xml = samples::replaced(xml, "<term-years>2</term-years>",
                          "<term-years>4</term-years><history><initial-signing-date>2023-09-12</"
                          "initial-signing-date><previous-expiration-date>2025-09-12</"
                          "previous-expiration-date></history>");
  const auto rendered = render_sample(xml, "iowa", "iowa-renewal.pdf");
  check_contains(
      rendered.text,
      {"ALLIANCE RENEWAL AGREEMENT",
       "renew the Alliance first signed on September 12, "
       "2023",
       "demonstrated a record of meeting the Alliance Agreement goals",
       "remain in effect for four years from the date of signing, until September 9, "
       "2029",
       "30 days written notice", "Kathleen Brandt", "Wendell Kruse", "Rosa Delgado-Fuentes"});
}

TEST_CASE("a Cal/OSHA renewal agreement keeps Spanish names and its three-year term",
          "[render][agreement]") {
  const auto rendered =
      render_sample(samples::read_sample("alliance-agreement.calosha-renewal.valid.xml"), "calosha",
                    "calosha-renewal.pdf");
  check_contains(
      rendered.text,
      {"ALLIANCE RENEWAL AGREEMENT",
       "THE CALIFORNIA DIVISION OF OCCUPATIONAL SAFETY AND HEALTH (CAL/OSHA)",
       "Asociación de Trabajadores Agrícolas del Valle Central, a community organization",
       "renew the Alliance first signed on May 10, 2023", "heat illness and pesticide exposure",
       "the participation of community-based labor groups",
       "(Asociación organizers sit on every project workgroup)",
       "(2) Reaching diverse, at-risk workforces", "(10) Products free of charge",
       "Goal 2.4 \"Alliances.\"", "alliance program logo",
       "demonstrated a record of meeting the Alliance Agreement goals",
       "remain in effect for three years from the date of signing, until May 8, 2028",
       "if it gives 30 days written notice", "Signed this 8th day of May, 2025.",
       "Alejandra Domínguez", "María Elena Ruiz Ochoa", "Directora Ejecutiva", "Dale Hutchins"});
  // "Asociación" sorts before "Central Valley" in the parties list and signature blocks.
  CHECK(rendered.text.find("María Elena Ruiz Ochoa") < rendered.text.find("Dale Hutchins"));
}

TEST_CASE("a new Cal/OSHA agreement runs two years", "[render][agreement]") {
  std::string xml =
      samples::replaced(samples::read_sample("alliance-agreement.calosha-renewal.valid.xml"),
                        "action=\"renewal\"", "action=\"new\"");
  xml = samples::replaced(xml, "<term-years>3</term-years>", "<term-years>2</term-years>");
  const auto rendered = render_sample(xml, "calosha", "calosha-new.pdf");
  check_contains(
      rendered.text,
      {"ALLIANCE AGREEMENT", "hereby form an Alliance",
       "remain in effect for two years from the date of signing, until May 8, 2027",
       "30 days written notice", "Alejandra Domínguez", "María Elena Ruiz Ochoa", "Dale Hutchins"});
  check_lacks(rendered.text, {"RENEWAL", "record of meeting"});
}

TEST_CASE("names in Vietnamese, Korean and Chinese survive and sort by collation",
          "[render][agreement]") {
  const char* const xml = R"(<?xml version="1.0" encoding="UTF-8"?>
<alliance-agreement profile="osha" level="region-wide" action="new">
  <organizations>
    <organization>
      <name>中华人民共和国驻芝加哥总领事馆</name>
      <organization-type>consulate</organization-type>
      <country>China</country>
      <signatory><name>王小明</name><title>总领事</title></signatory>
    </organization>
    <organization>
      <name>Zephyr Roofing Contractors</name>
      <organization-type>business</organization-type>
      <signatory><name>Søren Ødegård</name><title>Owner</title></signatory>
    </organization>
    <organization>
      <name>Nguyễn Thị Hồng Foundation</name>
      <organization-type>community-organization</organization-type>
      <signatory><name>김민준</name><title>Program Director</title></signatory>
      <signatory><name>Nguyễn Thị Hồng</name><title>Founder</title></signatory>
    </organization>
    <organization>
      <name>Éclair Workers Center</name>
      <organization-type>community-organization</organization-type>
      <signatory><name>Zoë Lefèvre</name><title>Directrice</title></signatory>
    </organization>
  </organizations>
  <agency-signatories>
    <signatory role="regional-administrator"><name>Patricia Nguyen</name><title>Regional Administrator, Region V</title></signatory>
  </agency-signatories>
  <hazards><hazard>falls from roofs</hazard></hazards>
  <target-workforce>Vietnamese-, Korean- and Chinese-speaking roofers in the Chicago area</target-workforce>
  <raising-awareness><objective measurable="yes">Hold three multilingual fall-prevention clinics a year.</objective></raising-awareness>
  <implementation-team><meetings-per-year>2</meetings-per-year></implementation-team>
  <worker-representation><means>consulate-input</means></worker-representation>
  <signing-date>2025-04-07</signing-date>
  <term-years>2</term-years>
</alliance-agreement>
)";
  const auto rendered = render_sample(xml, "osha", "osha-scripts.pdf");
  check_contains(
      rendered.text,
      {"Nguyễn Thị Hồng Foundation", "김민준", "Nguyễn Thị Hồng", "中华人民共和国驻芝加哥总领事馆",
       "a consulate representing China", "王小明", "总领事", "Søren Ødegård", "Zoë Lefèvre",
       "Éclair Workers Center", "Region-wide Alliance", "Patricia Nguyen"});
  // ICU collation: É with E before N and Z, Latin before Han; bytes would put É after Z.
  const auto at = [&](const char* name) { return rendered.text.find(name); };
  CHECK(at("Éclair Workers Center") < at("Nguyễn Thị Hồng Foundation"));
  CHECK(at("Nguyễn Thị Hồng Foundation") < at("Zephyr Roofing Contractors"));
  CHECK(at("Zephyr Roofing Contractors") < at("中华人民共和国驻芝加哥总领事馆"));
  CHECK(at("Zoë Lefèvre") < at("김민준"));
  CHECK(at("김민준") < at("Søren Ødegård"));
  CHECK(at("Søren Ødegård") < at("王小明"));
}

TEST_CASE("changing a word in a template changes the PDF with no rebuild",
          "[render][agreement][template]") {
  const auto copy = probe::output_dir() / "data-copy";
  std::filesystem::create_directories(copy);
  std::filesystem::copy(
      kSource / "templates", copy / "templates",
      std::filesystem::copy_options::recursive | std::filesystem::copy_options::overwrite_existing);
  const auto file = copy / "templates" / "agreement-miosha.xml";
  const std::string changed_template =
      samples::replaced(read_text(kSource / "templates" / "agreement-miosha.xml"),
                        "more healthful Michigan workplaces", "more healthful Michigan worksites");
  std::ofstream(file, std::ios::binary) << changed_template;
  const std::string xml = samples::read_sample("alliance-agreement.valid.xml");

  RenderOptions options = samples::options();
  options.templates = Templates::load(copy / "templates");
  const auto changed = render_sample(xml, "miosha", "changed-option.pdf", options);
  CHECK(changed.text.find("more healthful Michigan worksites") != std::string::npos);
  CHECK(changed.text.find("more healthful Michigan workplaces") == std::string::npos);
  const auto original = render_sample(xml, "miosha", "unchanged.pdf");
  CHECK(original.text.find("more healthful Michigan workplaces") != std::string::npos);
}

TEST_CASE("a program without its template is an error naming the file", "[render][agreement]") {
  RenderOptions options = samples::options();
  const auto folder = probe::output_dir() / "no-templates";
  options.templates = Templates::load(folder);
  const auto agreement = agreement_of(samples::read_sample("alliance-agreement.valid.xml"));
  try {
    render_agreement(agreement, profile_of("miosha"), options);
    FAIL("no TemplateError");
  } catch (const TemplateError& e) {
    CHECK(e.file() == (folder / "agreement-miosha.xml").string());
    CHECK(e.line() == 0);
  }
}

TEST_CASE("every agreement sample renders, the invalid ones too", "[render][agreement]") {
  for (const auto& entry : std::filesystem::directory_iterator(kSource / "samples")) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("alliance-agreement.", 0) != 0) continue;
    INFO(name);
    const auto ingested = ingest::ingest_path(entry.path(), {});
    REQUIRE(ingested.submission);
    const auto& agreement = std::get<model::AllianceAgreement>(ingested.submission->form);
    const auto pdf = probe::write_file(
        render_agreement(agreement, profile_of(ingested.profile), samples::options()),
        name + ".pdf");
    CHECK(probe::run("qpdf --check " + probe::quoted(pdf)).status == 0);
    const std::string text = flat_text(pdf);
    for (const auto& organization : agreement.organizations.rows)
      for (const auto& signatory : organization.signatories) {
        INFO(signatory.name.value_or(""));
        CHECK(text.find(signatory.name.value_or("")) != std::string::npos);
      }
    const auto notice = agreement.termination_notice_days.value_or(30);
    CHECK(text.find(std::to_string(notice) + " days written notice") != std::string::npos);
  }
}

TEST_CASE("a MIOSHA affiliative agreement describes its type and plan of action",
          "[render][agreement]") {
  std::string xml = samples::replaced(samples::read_sample("alliance-agreement.valid.xml"),
                                      "alliance-type=\"partner\"", "alliance-type=\"affiliate\"");
  xml = samples::replaced(xml, "<signing-date>",
                          "<work-plan><item>Quarterly newsletter column on line-clearance "
                          "rules</item></work-plan><signing-date>");
  const auto rendered = render_sample(xml, "miosha", "miosha-affiliative.pdf");
  check_contains(rendered.text,
                 {"Affiliative Alliance", "hereby form an Affiliative alliance",
                  "similar focus and goals", "plan of action: • Quarterly newsletter column"});
  check_lacks(rendered.text, {"Partner"});
}
