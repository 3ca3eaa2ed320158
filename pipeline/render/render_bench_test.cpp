// Hidden benchmark cases ("[.bench]", not run by default): CPU time and size of a typical 3-page
// agreement-like document, compressed and not (CPU time, so that other processes on a shared
// machine do not skew it). Run a release build:
//   formpipe_render_tests "[.bench]"
#include <catch2/catch.hpp>

#include <cstdio>
#include <ctime>

#include "pipeline/render/compliance_summary.hpp"
#include "pipeline/render/layout.hpp"
#include "pipeline/render/render_test_support.hpp"

using namespace pipeline;
using namespace pipeline::render;

namespace {

double cpu_ms_since(std::clock_t start) {
  return 1000.0 * static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
}

RenderOptions bench_options() {
  RenderOptions options;
  options.creation_date = *core::Date::from_ymd(2025, 1, 3);
  options.fonts = testing::fonts();
  return options;
}

// About three pages: letterhead, clauses, goals and objectives, a schedule table, signatures.
std::string agreement(int variant, const RenderOptions& options) {
  const std::string org = variant % 2 ? "Asociación de Trabajadores Agrícolas de Michigan"
                                      : "Hội Công nhân Việt Nam tại Michigan";
  DocumentInfo info;
  info.title = "Alliance Agreement";
  info.author = "Michigan Occupational Safety and Health Administration";
  info.footer = "MIOSHA Alliance Program";
  info.letterhead = Letterhead{"Michigan Occupational Safety and Health Administration",
                               {"Consultation Education and Training Division",
                                "530 West Allegan Street, Lansing, Michigan 48933"},
                               {"July 25, 2024"}};
  Document doc(info, options);
  doc.heading("Alliance Agreement");
  doc.paragraph("between the Michigan Occupational Safety and Health Administration and " + org);
  for (int section = 1; section <= 5; ++section) {
    doc.heading("Article " + std::to_string(section), 2);
    doc.paragraph(
        "The participants recognize the value of establishing a collaborative relationship to "
        "foster safer and more healthful American workplaces. To that end, MIOSHA and " +
        org +
        " hereby form an Alliance to provide the organization's members and others with "
        "information, guidance and access to training resources that will help them protect "
        "the health and safety of workers, in particular by reducing and preventing exposure to "
        "falls, heat and struck-by hazards.");
    doc.bullets({"Share information on MIOSHA's National Emphasis Programs and regulatory agenda.",
                 "Develop training in Spanish and Vietnamese, reviewed by Nguyễn Thị Hồng.",
                 "Convene the implementation team at least twice a year."});
  }
  std::vector<std::vector<Cell>> rows;
  for (int i = 1; i <= 12; ++i)
    rows.push_back({Cell("Q" + std::to_string((i - 1) % 4 + 1)),
                    Cell("Training session " + std::to_string(i)),
                    Cell(std::to_string(40 + i * 3))});
  doc.heading("Schedule", 2);
  doc.table({{"Quarter", 1}, {"Activity", 4}, {"Workers", 1, Align::Right}}, rows);
  doc.signature_blocks({{"Bart Pickelman", "Director", "MIOSHA"},
                        {"Nguyễn Thị Hồng", "President", org},
                        {"김민준", "Consul", "Consulate General of the Republic of Korea"}});
  return doc.finish();
}

void measure(const char* label, bool compress) {
  auto options = bench_options();
  options.compress = compress;
  const std::string first = agreement(0, options);
  constexpr int n = 200;
  std::size_t bytes = 0;
  const std::clock_t start = std::clock();
  for (int i = 0; i < n; ++i) bytes += agreement(i, options).size();
  const double ms = cpu_ms_since(start) / n;
  std::printf("%-28s %7.3f ms/doc %8.0f docs/s %8zu bytes/doc\n", label, ms, 1000.0 / ms,
              bytes / n);
  CHECK(first.rfind("%PDF-", 0) == 0);
}

}  // namespace

TEST_CASE("benchmark: 3-page agreement-like document", "[.bench]") {
  measure("subset, compressed", true);
  measure("subset, uncompressed", false);
}

TEST_CASE("benchmark: compliance summary with 20 findings", "[.bench]") {
  ComplianceSummary s;
  s.form = "cet-grant-proposal";
  s.profile = "cet-grant";
  s.status = SummaryStatus::Rejected;
  s.facts = {{"Organization", "Asociación de Trabajadores Agrícolas"},
             {"Contact", "Nguyễn Thị Hồng"}};
  for (int i = 0; i < 20; ++i)
    s.findings.push_back({"GRANT-EQUIPMENT-CAP",
                          i % 2 ? core::Severity::Error : core::Severity::Warning,
                          "Equipment $43,000.00 exceeds 50% of the grant requested ($80,000.00).",
                          "CET Grant Guide §4.2", "cet-grant-proposal/table-b/line-3"});
  s.figures = {{"grant-requested", "80000.00"}, {"match-total", "8000.00"}};
  const auto options = bench_options();
  constexpr int n = 200;
  std::size_t bytes = 0;
  const std::clock_t start = std::clock();
  for (int i = 0; i < n; ++i) bytes += render_compliance_summary(s, options).size();
  const double ms = cpu_ms_since(start) / n;
  std::printf("%-28s %7.3f ms/doc %8.0f docs/s %8zu bytes/doc\n", "compliance summary", ms,
              1000.0 / ms, bytes / n);
  CHECK(bytes > 0);
}
