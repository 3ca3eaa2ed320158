#include "pipeline/render/agreement.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

#include "pipeline/ingest/alliance_profile_loader.hpp"
#include "pipeline/ingest/ingest.hpp"
#include "pipeline/render/pdf_probe_test.hpp"
#include "pipeline/render/template_document.hpp"

using namespace pipeline;
using namespace pipeline::render;

namespace {

const std::filesystem::path kSource = FORMPIPE_SOURCE_DIR;

RenderOptions test_options() {
  RenderOptions options;
  options.creation_date = *core::Date::from_ymd(2025, 10, 9);
  options.templates_dir = kSource / "templates";
  return options;
}

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::string sample(const std::string& name) {
  return read_text(kSource / "samples" / name);
}

// `xml` with `from` replaced by `to`; the test fails when `from` is not there.
std::string edited(std::string xml, const std::string& from, const std::string& to) {
  const auto at = xml.find(from);
  INFO(from);
  REQUIRE(at != std::string::npos);
  return xml.replace(at, from.size(), to);
}

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

// The PDF's text with every run of white space as one space, so phrases match across lines.
std::string flat_text(const std::filesystem::path& pdf) {
  std::string out;
  bool space = false;
  for (const char c : probe::all_text(pdf)) {
    if (c == ' ' || c == '\n' || c == '\f' || c == '\t' || c == '\r') {
      space = !out.empty();
    } else {
      if (space) out += ' ';
      space = false;
      out += c;
    }
  }
  return out;
}

struct Rendered {
  std::filesystem::path pdf;
  std::string text;
};

Rendered render_sample(const std::string& xml, const std::string& profile, const std::string& name,
                       const RenderOptions& options = test_options()) {
  const auto pdf =
      probe::write_file(render_agreement(agreement_of(xml), profile_of(profile), options), name);
  CHECK(probe::run("qpdf --check " + probe::quoted(pdf)).status == 0);
  return {pdf, flat_text(pdf)};
}

void check_contains(const std::string& text, const std::vector<std::string>& phrases) {
  for (const auto& phrase : phrases) {
    INFO("expected: " << phrase);
    CHECK(text.find(phrase) != std::string::npos);
  }
}

void check_lacks(const std::string& text, const std::vector<std::string>& phrases) {
  for (const auto& phrase : phrases) {
    INFO("not expected: " << phrase);
    CHECK(text.find(phrase) == std::string::npos);
  }
}

const char* const kMioshaHistory =
    "<history><initial-signing-date>2020-03-16</initial-signing-date>"
    "<previous-expiration-date>2025-03-16</previous-expiration-date>"
    "<renewal-contact-date>2024-12-02</renewal-contact-date></history>";

}  // namespace

TEST_CASE("a new MIOSHA partner agreement has every App D clause", "[render][agreement]") {
  const auto rendered =
      render_sample(sample("alliance-agreement.valid.xml"), "miosha", "miosha-new.pdf");
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
  std::string xml =
      edited(sample("alliance-agreement.valid.xml"), "action=\"new\"", "action=\"renewal\"");
  xml = edited(xml, "<vetting>", std::string(kMioshaHistory) + "<vetting>");
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
