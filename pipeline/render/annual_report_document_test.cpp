#include "pipeline/render/annual_report_document.hpp"

#include <catch2/catch.hpp>

#include "pipeline/render/pdf_probe_test_support.hpp"
#include "pipeline/render/sample_forms_test_support.hpp"

using namespace pipeline;
using namespace pipeline::render;
using probe::has;
using probe::layout_text;

namespace {

std::filesystem::path report_pdf(const model::Submission& submission, const std::string& name) {
  return probe::write_file(
      render_annual_report(samples::form_of<model::AnnualReport>(submission),
                           samples::profile(submission.profile), samples::options()),
      name);
}

}  // namespace

TEST_CASE("a MIOSHA annual report has App B's sections in order", "[render][annual]") {
  const auto pdf = report_pdf(samples::sample("alliance-annual-report.valid.xml"), "annual.pdf");
  CHECK(probe::run("qpdf --check " + probe::quoted(pdf)).status == 0);
  for (const auto& line : probe::font_lines(pdf)) CHECK(has(line, " yes yes yes "));
  const std::string text = layout_text(pdf);
  std::size_t previous = 0;
  for (const char* section :
       {"MIOSHA Annual Alliance Report", "January 3, 2025", "I. Alliance Background",
        "Alliance Name", "Alliance Type", "Date Signed", "Overview", "Implementation Team Members",
        "Contributors", "Evaluation Period", "II. Implementation Team Meetings",
        "III. Events and Products", "V. Upcoming Milestones", "Prepared by Karen Lindqvist"}) {
    INFO(section);
    const auto at = text.find(section, previous);
    REQUIRE(at != std::string::npos);
    previous = at;
  }
  for (const char* expected :
       {"April 12, 2022 (initial signing); not renewed", "Partner", "Philippe Lefèvre",
        "Dr. Amara Okonkwo-Reyes", "January 1, 2024 – December 31, 2024", "02/20/2024",
        "Conference call", "4 meetings", "Hazard survey", "Slips, trips and", "5 activities",
        "4,185", "Develop a lockout/tagout quick card", "Page 1 of"}) {
    INFO(expected);
    CHECK(has(text, expected));
  }
  CHECK(!has(text, "IV."));  // App B has no section IV
  CHECK(!has(text, "Work Plan"));
  CHECK(!has(text, "Measures of Reach"));
}

TEST_CASE("a Cal/OSHA annual report adds the content the state's manual requires",
          "[render][annual]") {
  // Rendered as it stands (the pipeline would not render it: it is rejected), to show the
  // state sections, including the ones the report left out.
  const auto pdf = report_pdf(
      samples::sample("alliance-annual-report.invalid.calosha-missing-work-plan-few-meetings.xml"),
      "annual-calosha.pdf");
  CHECK(probe::run("qpdf --check " + probe::quoted(pdf)).status == 0);
  const std::string text = layout_text(pdf);
  for (const char* expected :
       {"Cal/OSHA Annual Alliance Report", "California Division of Occupational Safety and Health",
        "Goals and Objectives", "Reach 5,000 farmworkers a year", "Measures of Reach and Impact",
        "No measures of reach and impact were given.", "Work Plan for the Reporting Year",
        "No work plan was attached.", "Rosa Elvira Castañeda", "Asociación de Trabajadores",
        "TBD"}) {
    INFO(expected);
    CHECK(has(text, expected));
  }
  CHECK(!has(text, "Emphasis"));
  // The report names no alliance type: Cal/OSHA's only one, standard, is printed.
  const auto type = text.find("Alliance Type");
  REQUIRE(type != std::string::npos);
  CHECK(text.substr(type, text.find('\n', type) - type).find("Standard") != std::string::npos);
}
