#include "pipeline/render/letters.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <variant>
#include <vector>

#include "pipeline/ingest/alliance_profile_loader.hpp"
#include "pipeline/ingest/ingest.hpp"
#include "pipeline/render/pdf_probe_test_support.hpp"
#include "pipeline/render/sample_forms_test_support.hpp"

using namespace pipeline;
using namespace pipeline::render;
using probe::check_contains;
using probe::check_lacks;
using probe::flat_text;

namespace {

const std::filesystem::path kSource = FORMPIPE_SOURCE_DIR;

template <class Letter>
Letter letter_of(const std::string& xml) {
  const auto ingested = ingest::ingest_xml(xml, "letter.xml", {});
  REQUIRE(ingested.submission);
  return std::get<Letter>(ingested.submission->form);
}

const model::AllianceProfile& miosha() {
  static const model::AllianceProfile profile =
      ingest::load_alliance_profile(kSource / "forms", "miosha");
  return profile;
}

std::string checked_text(const std::string& pdf_bytes, const std::string& name) {
  const auto pdf = probe::write_file(pdf_bytes, name);
  CHECK(probe::run("qpdf --check " + probe::quoted(pdf)).status == 0);
  CHECK(probe::page_texts(pdf).size() == 1);
  return flat_text(pdf);
}

std::string expiration_termination_text(const std::string& xml, const std::string& name) {
  const auto letter = letter_of<model::ExpirationTerminationLetter>(xml);
  return checked_text(render_expiration_termination_letter(letter, miosha(), samples::options()),
                      name);
}

}  // namespace

TEST_CASE("the declination letter follows App C with the addressee, dates and reasons",
          "[render][letters]") {
  const auto letter =
      letter_of<model::DeclinationLetter>(samples::read_sample("declination-letter.valid.xml"));
  const auto text = checked_text(render_declination_letter(letter, miosha(), samples::options()),
                                 "declination.pdf");
  check_contains(
      text,
      {"Michigan Occupational Safety and Health Administration",
       "Consultation Education and Training (CET) Division", "Telephone (517) 284-7720",
       "February 10, 2025",
       "Mr. Dale Lindström President Northern Michigan Snowplow Operators "
       "Guild 1220 South Otsego Avenue Gaylord, Michigan 49735",
       "Re: Letter of Alliance Declination", "Dear Applicant:",
       "On January 15, 2025, the Consultation Education and Training (CET) Division received an "
       "alliance agreement request from Northern Michigan Snowplow Operators Guild.",
       "the alliance request is declined due to the lack of available agency resources and "
       "similarity to an existing alliance (an existing alliance already covers winter "
       "road-maintenance contractors).",
       "promote dialogue within Michigan", "please contact our office at (517) 284-7720.",
       "Sincerely,", "Division Director", "XX/xxx",
       "cc: Program Manager MIOSHA Cooperative Programs Specialist"});
}

TEST_CASE("a declination for another reason states it as written", "[render][letters]") {
  std::string xml = samples::replaced(samples::read_sample("declination-letter.valid.xml"),
                                      "<reason code=\"agency-resources\"/>",
                                      "<reason code=\"other\">the request's focus on product "
                                      "certification, which the program does not offer.</reason>");
  xml = samples::replaced(xml, "</addressee>",
                          "</addressee><requesting-organization>Gaylord Plow &amp; Salt "
                          "Cooperative</requesting-organization><reference-initials>TMK/jrs</"
                          "reference-initials>");
  const auto letter = letter_of<model::DeclinationLetter>(xml);
  const auto text = checked_text(render_declination_letter(letter, miosha(), samples::options()),
                                 "declination-other.pdf");
  check_contains(text, {"request from Gaylord Plow & Salt Cooperative.",
                        "declined due to the request's focus on product certification, which the "
                        "program does not offer and similarity to an existing alliance",
                        "TMK/jrs"});
  check_lacks(text, {"XX/xxx", "agency resources"});
}

TEST_CASE("the expiration letter prints the agreement's own term", "[render][letters]") {
  const auto text = expiration_termination_text(
      samples::read_sample("expiration-termination-letter.valid.xml"), "expiration.pdf");
  check_contains(text, {"June 20, 2025",
                        "Ms. Joanne Beaudoin Executive Director Saginaw Bay Marine Trades "
                        "Association 301 Water Street Bay City, Michigan 48708",
                        "Re: Letter of Alliance Expiration", "Dear Ms. Joanne Beaudoin:",
                        "Thank you for allowing the Michigan Occupational Safety and Health "
                        "Administration (MIOSHA), Consultation Education and Training (CET) "
                        "Division, to provide services",
                        "Our records indicate that the five-year signed agreement has expired "
                        "as of June 15, 2025.",
                        "the alliance agreement we signed on June 15, 2020 is no longer in effect.",
                        "(517) 284-7720", "Division Director", "XX/xxx",
                        "cc: MIOSHA Cooperative Programs Specialist"});
  check_lacks(text, {"three-year", "terminated"});
}

TEST_CASE("termination letters give the paragraph of their section XVIII reason",
          "[render][letters]") {
  const std::string base = samples::replaced(
      samples::read_sample(
          "expiration-termination-letter.invalid.termination-bad-reason-short-notice.xml"),
      "<agreement-signed-date>2025-09-01</agreement-signed-date>",
      "<agreement-signed-date>2022-09-01</agreement-signed-date>");
  const std::string miosha_ends =
      samples::replaced(base, "<terminated-by>member</terminated-by>", "");
  const auto with_reason = [&](const std::string& reason) {
    return samples::replaced(miosha_ends, "<termination-reason code=\"nonpayment\"/>", reason);
  };
  const std::vector<std::string> common{
      "Re: Letter of Alliance Termination", "Mr. Terrence Okafor", "Kalamazoo, Michigan 49001",
      "August 1, 2025",
      "the alliance agreement we signed on September 1, 2022 will no longer be in effect as of "
      "August 11, 2025."};

  SECTION("A: failure to fulfill the responsibilities") {
    const auto text = expiration_termination_text(
        with_reason("<termination-reason code=\"failure-to-fulfill\"/>"), "termination-a.pdf");
    check_contains(text, common);
    check_contains(text, {"failure of the alliance member to fulfill the responsibilities "
                          "outlined in the action plan developed by the Implementation Team"});
  }
  SECTION("B: insufficient resources") {
    const auto text = expiration_termination_text(
        with_reason("<termination-reason code=\"insufficient-resources\"/>"), "termination-b.pdf");
    check_contains(text, common);
    check_contains(text, {"does not have the resources to sustain alliance activities"});
  }
  SECTION("C: a change in strategic direction") {
    const auto text = expiration_termination_text(
        with_reason("<termination-reason code=\"strategic-change\"/>"), "termination-c.pdf");
    check_contains(text, common);
    check_contains(text, {"a change in MIOSHA's or the alliance member's strategic direction"});
  }
  SECTION("another reason, as written") {
    const auto text = expiration_termination_text(
        with_reason("<termination-reason code=\"other\">the dissolution of the association "
                    "on July 1, 2025.</termination-reason>"),
        "termination-other.pdf");
    check_contains(text, common);
    check_contains(text, {"This alliance has been terminated due to the dissolution of the "
                          "association on July 1, 2025."});
    check_lacks(text, {"2025.."});
  }
  SECTION("ended by the member") {
    const auto text = expiration_termination_text(
        samples::replaced(base, "<termination-reason code=\"nonpayment\"/>",
                          "<termination-reason code=\"strategic-change\"/>"),
        "termination-member.pdf");
    check_contains(text, common);
    check_contains(text, {"terminated at the request of Kalamazoo Valley Scaffold Erectors "
                          "Association"});
    check_lacks(text, {"strategic direction"});
  }
}

TEST_CASE("every letter sample renders on one page, the invalid ones too", "[render][letters]") {
  for (const auto& entry : std::filesystem::directory_iterator(kSource / "samples")) {
    const std::string name = entry.path().filename().string();
    const bool declination = name.rfind("declination-letter.", 0) == 0;
    if (!declination && name.rfind("expiration-termination-letter.", 0) != 0) continue;
    INFO(name);
    const auto ingested = ingest::ingest_path(entry.path(), {});
    REQUIRE(ingested.submission);
    const auto& form = ingested.submission->form;
    const std::string bytes =
        declination
            ? render_declination_letter(std::get<model::DeclinationLetter>(form), miosha(),
                                        samples::options())
            : render_expiration_termination_letter(
                  std::get<model::ExpirationTerminationLetter>(form), miosha(), samples::options());
    const std::string text = checked_text(bytes, name + ".pdf");
    CHECK(text.find("Re: Letter of Alliance") != std::string::npos);
    CHECK(text.find("Sincerely,") != std::string::npos);
  }
}
