#include "pipeline/render/compliance_summary.hpp"

#include <catch2/catch.hpp>

#include "pipeline/render/pdf_probe_test_support.hpp"
#include "pipeline/render/render_test_support.hpp"

using namespace pipeline;
using namespace pipeline::render;

namespace {

RenderOptions test_options() {
  RenderOptions options;
  options.creation_date = *core::Date::from_ymd(2025, 10, 9);
  options.fonts = testing::fonts();
  return options;
}

ComplianceSummary base_summary() {
  ComplianceSummary s;
  s.form = "alliance-diary-sheet";
  s.profile = "miosha";
  s.status = SummaryStatus::Accepted;
  s.submission_id = "3f2a9c1e0b7d";
  s.source = "acme-diary-2025-q3.xml";
  s.agency = "Michigan Occupational Safety and Health Administration";
  s.facts = {{"Organization", "Asociación de Trabajadores Agrícolas"},
             {"Contact", "Nguyễn Thị Hồng"},
             {"Consulate liaison", "김민준 (王小明)"},
             {"Quarter", "2025 Q3"}};
  s.figures = {{"number-reached-total", "1250"}, {"grant-requested", "63370.30"}};
  return s;
}

core::Finding finding(core::Severity severity, int n) {
  const std::string id = std::string(severity == core::Severity::Error     ? "ERR"
                                     : severity == core::Severity::Warning ? "WARN"
                                                                           : "INFO") +
                         "-RULE-" + std::to_string(n);
  return {id, severity, "Finding number " + std::to_string(n) + " explains what is wrong and why.",
          "MIOSHA-ADM-03-3R6 §XVI.C." + std::to_string(n),
          "alliance-diary-sheet/activity-" + std::to_string(n)};
}

}  // namespace

TEST_CASE("a summary with no findings says so on one page", "[render][summary]") {
  const auto pdf = probe::write_file(render_compliance_summary(base_summary(), test_options()),
                                     "summary-empty.pdf");
  CHECK(probe::run("qpdf --check " + probe::quoted(pdf)).status == 0);
  const auto pages = probe::page_texts(pdf);
  REQUIRE(pages.size() == 1);
  const auto& text = pages.front();
  for (const char* expected :
       {"Compliance Summary", "Asociación de Trabajadores Agrícolas", "Nguyễn Thị Hồng", "김민준",
        "王小明", "ACCEPTED", "No findings", "number-reached-total", "63370.30", "Page 1 of 1",
        "3f2a9c1e0b7d", "October 9, 2025"}) {
    INFO(expected);
    CHECK(text.find(expected) != std::string::npos);
  }
  for (const auto& line : probe::font_lines(pdf))
    CHECK(line.find(" yes yes yes ") != std::string::npos);
}

TEST_CASE("200 findings are grouped by severity in tables that repeat their header",
          "[render][summary]") {
  auto summary = base_summary();
  summary.status = SummaryStatus::Rejected;
  for (int i = 1; i <= 200; ++i)
    summary.findings.push_back(finding(i % 10 == 0  ? core::Severity::Info
                                       : i % 3 == 0 ? core::Severity::Warning
                                                    : core::Severity::Error,
                                       i));
  const auto pdf =
      probe::write_file(render_compliance_summary(summary, test_options()), "summary-200.pdf");
  CHECK(probe::run("qpdf --check " + probe::quoted(pdf)).status == 0);
  const auto pages = probe::page_texts(pdf);
  REQUIRE(pages.size() >= 5);

  std::string all;
  for (const auto& page : pages) all += page;
  for (int i = 1; i <= 200; ++i) {
    INFO("finding " << i);
    const auto f = finding(i % 10 == 0  ? core::Severity::Info
                           : i % 3 == 0 ? core::Severity::Warning
                                        : core::Severity::Error,
                           i);
    CHECK(probe::count(all, f.rule + "\n") + probe::count(all, f.rule + " ") >= 1);
  }
  CHECK(all.find("§XVI.C.200") != std::string::npos);  // the citation column wraps
  CHECK(all.find("alliance-diary-sheet/activity-200") != std::string::npos);
  CHECK(all.find("REJECTED — 120 errors, 60 warnings, 20 information findings") !=
        std::string::npos);
  const auto errors = all.find("Errors (120)");
  const auto warnings = all.find("Warnings (60)");
  const auto information = all.find("Information (20)");
  REQUIRE(errors != std::string::npos);
  CHECK(errors < warnings);
  CHECK(warnings < information);
  CHECK(information < all.find("Figures"));

  for (std::size_t p = 0; p < pages.size(); ++p) {
    INFO("page " << p + 1);
    CHECK(pages[p].find("Page " + std::to_string(p + 1) + " of " + std::to_string(pages.size())) !=
          std::string::npos);
    if (probe::count(pages[p], "-RULE-") > 0)
      CHECK(probe::count(pages[p], "Rule and finding") >= 1);
  }
}

TEST_CASE("an unreadable submission gets a red banner and its one finding", "[render][summary]") {
  ComplianceSummary summary;
  summary.status = SummaryStatus::Unreadable;
  summary.source = "broken.xml";
  summary.findings.push_back({"FORMAT-XML", core::Severity::Error,
                              "broken.xml:3:14: expected '>', found end of file", "formats.md §2",
                              ""});
  const auto pdf = probe::write_file(render_compliance_summary(summary, test_options()),
                                     "summary-unreadable.pdf");
  const auto text = probe::all_text(pdf);
  CHECK(text.find("UNREADABLE") != std::string::npos);
  CHECK(text.find("FORMAT-XML") != std::string::npos);
  CHECK(text.find("unknown form") != std::string::npos);
  CHECK(text.find("No figures were computed") != std::string::npos);
}
