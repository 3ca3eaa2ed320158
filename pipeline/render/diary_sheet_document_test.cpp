#include "pipeline/render/diary_sheet_document.hpp"

#include <catch2/catch.hpp>

#include "pipeline/render/pdf_probe_test_support.hpp"
#include "pipeline/render/sample_forms_test_support.hpp"

using namespace pipeline;
using namespace pipeline::render;
using probe::has;
using probe::layout_text;

namespace {

std::filesystem::path diary_pdf(const model::Submission& submission, const std::string& name) {
  return probe::write_file(
      render_diary_sheet(samples::form_of<model::DiarySheet>(submission),
                         samples::profile(submission.profile), samples::options()),
      name);
}

}  // namespace

TEST_CASE("a MIOSHA diary sheet fills App A's header, activity table and total",
          "[render][diary]") {
  const auto pdf = diary_pdf(samples::sample("alliance-diary-sheet.valid.xml"), "diary.pdf");
  CHECK(probe::run("qpdf --check " + probe::quoted(pdf)).status == 0);
  for (const auto& line : probe::font_lines(pdf)) CHECK(has(line, " yes yes yes "));
  const std::string text = layout_text(pdf);
  for (const char* expected : {"MIOSHA Alliance Diary Sheet",
                               "Michigan Occupational Safety and",
                               "Name of Organization",
                               "Michigan Tree Care and Arborist Association",
                               "3100 West Saginaw Highway, Suite 210",
                               "Lansing",
                               "48917",
                               "Contact Person",
                               "Ignacio Herrera Núñez",
                               "Safety Committee Chair",
                               "(517) 555-0199",
                               "safety@mtcaa.example.org",
                               "MIOSHA Liaison",
                               "Karen Lindqvist",
                               "Date Submitted",
                               "October 3, 2025",
                               "July 1, 2025 – September 30, 2025 (2025 Q3)",
                               "Event or",
                               "Description/Comments",
                               "Emphasis",
                               "Number",
                               "07/16/2025",
                               "Training",
                               "Newsletter",
                               "Electrical hazards",
                               "1,150",
                               "Español",
                               "4 activities",
                               "2,102",
                               "Dates of Contact",
                               "If no activities are available to report",
                               "Page 1 of 1"}) {
    INFO(expected);
    CHECK(has(text, expected));
  }
}

TEST_CASE("a national OSHA alliance's sheet is the biannual data report", "[render][diary]") {
  const auto pdf = diary_pdf(
      samples::sample("alliance-diary-sheet.osha-national-biannual.valid.xml"), "biannual.pdf");
  const std::string text = layout_text(pdf);
  CHECK(has(text, "Biannual Alliance Data Reporting Form"));
  CHECK(has(text, "Occupational Safety and Health"));
  CHECK(has(text, "OSHA Alliance"));  // the coordinator's label
  CHECK(has(text, "Samuel Ortiz"));
  CHECK(has(text, "6,480"));
  CHECK(!has(text, "Emphasis"));  // OSHA's form has no emphasis column
  CHECK(!has(text, "MIOSHA"));
}

TEST_CASE("a state program's sheet is its activity log with its coordinator", "[render][diary]") {
  const auto submission = samples::from_xml(
      samples::replaced(samples::read_sample("alliance-diary-sheet.valid.xml"),
                        "profile=\"miosha\" alliance-type=\"partner\"", "profile=\"iowa\""));
  const std::string text = layout_text(diary_pdf(submission, "iowa-log.pdf"));
  CHECK(has(text, "Iowa OSHA Alliance Activity Log"));
  CHECK(has(text, "Iowa Occupational Safety and Health"));
  CHECK(has(text, "Iowa OSHA Alliance"));  // Coordinator, the label may wrap
  CHECK(!has(text, "MIOSHA Liaison"));
  CHECK(has(text, "2,102"));
}

TEST_CASE("a sheet without activities says so and keeps the dates-of-contact section",
          "[render][diary]") {
  const auto pdf =
      diary_pdf(samples::sample("alliance-diary-sheet.warning.no-activities-no-contacts.xml"),
                "no-activities.pdf");
  const std::string text = layout_text(pdf);
  CHECK(has(text, "No activities are reported for this period."));
  CHECK(has(text, "Dates of Contact"));
  CHECK(has(text, "No dates of contact were noted."));
}

TEST_CASE("the CSV twins of a diary sheet print the same sheet as its XML", "[render][diary]") {
  const std::string xml =
      probe::all_text(diary_pdf(samples::sample("alliance-diary-sheet.valid.xml"), "twin.pdf"));
  CHECK(probe::all_text(
            diary_pdf(samples::sample("alliance-diary-sheet.valid.csv"), "twin-csv.pdf")) == xml);
  CHECK(probe::all_text(diary_pdf(samples::sample("alliance-diary-sheet.valid.bundle"),
                                  "twin-bundle.pdf")) == xml);
}

TEST_CASE("dates of contact are listed in their own table", "[render][diary]") {
  const auto submission = samples::from_xml(samples::replaced(
      samples::read_sample("alliance-diary-sheet.valid.xml"), "</alliance-diary-sheet>",
      "<dates-of-contact><contact><date-of-contact>2025-08-12</date-of-contact>"
      "<description>Call with Renée Zúniga about the fall schedule</description></contact>"
      "</dates-of-contact></alliance-diary-sheet>"));
  const std::string text = layout_text(diary_pdf(submission, "contacts.pdf"));
  CHECK(has(text, "Date of Contact"));
  CHECK(has(text, "08/12/2025"));
  CHECK(has(text, "Call with Renée Zúniga about the fall schedule"));
}

TEST_CASE("a long activity table breaks across pages and repeats its header", "[render][diary]") {
  std::string activities;
  for (int i = 1; i <= 70; ++i)
    activities +=
        "<activity><date>2025-08-05</date><event-or-product-type>training</"
        "event-or-product-type><description-comments>Crew session " +
        std::to_string(i) +
        "</description-comments><emphasis>Safety and Health Programs</emphasis>"
        "<number-reached>10</number-reached></activity>";
  const auto submission =
      samples::from_xml(samples::replaced(samples::read_sample("alliance-diary-sheet.valid.xml"),
                                          "<activities>", "<activities>" + activities));
  const auto pdf = diary_pdf(submission, "long-diary.pdf");
  const auto pages = probe::page_texts(pdf);
  REQUIRE(pages.size() >= 3);
  for (std::size_t p = 0; p < pages.size(); ++p) {
    if (!has(pages[p], "Crew session")) continue;
    INFO("page " << p + 1);
    CHECK(has(pages[p], "Description/Comments"));
  }
  CHECK(has(layout_text(pdf), "2,802"));  // 70 × 10 + 2,102

  // In the structure tree it is one table over those pages with its header row once: the
  // header repeated on later pages is an artifact.
  int long_tables = 0;
  for (const auto& table : probe::structure_tables(pdf)) {
    if (!has(table, "pages=1,2,3")) continue;
    ++long_tables;
    INFO(table);
    CHECK(has(table, "header-rows=1 body-rows=75"));  // the sample's 5 activities and 70 more
  }
  CHECK(long_tables == 1);
  probe::check_conformance(pdf);
}
