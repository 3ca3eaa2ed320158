#include "pipeline/render/proposal_summary.hpp"

#include <catch2/catch.hpp>

#include "pipeline/render/pdf_probe_test_support.hpp"
#include "pipeline/render/sample_forms_test_support.hpp"

using namespace pipeline;
using namespace pipeline::render;
using probe::has;
using probe::layout_text;

namespace {

std::filesystem::path summary_pdf(const model::Submission& submission, const std::string& name) {
  const auto& proposal = samples::form_of<model::GrantProposal>(submission);
  return probe::write_file(render_proposal_summary(proposal, samples::grant_figures(submission),
                                                   samples::options(), samples::grant_parameters()),
                           name);
}

// The line of `text` holding `needle`, or "".
std::string line_with(const std::string& text, const std::string& needle) {
  const auto at = text.find(needle);
  if (at == std::string::npos) return {};
  const auto start = text.rfind('\n', at);
  const auto end = text.find('\n', at);
  return text.substr(start == std::string::npos ? 0 : start + 1,
                     end == std::string::npos ? std::string::npos
                                              : end - (start == std::string::npos ? 0 : start + 1));
}

// The first line of `text` holding both `first` and `second`, or "".
std::string line_with(const std::string& text, const std::string& first,
                      const std::string& second) {
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);)
    if (has(line, first) && has(line, second)) return line;
  return {};
}

}  // namespace

TEST_CASE("the valid proposal's summary shows the signature sheet, Tables A to D and the totals",
          "[render][proposal]") {
  const auto pdf = summary_pdf(samples::sample("cet-grant-proposal.valid.xml"), "proposal.pdf");
  CHECK(probe::run("qpdf --check " + probe::quoted(pdf)).status == 0);
  for (const auto& line : probe::font_lines(pdf)) CHECK(has(line, " yes yes yes "));
  const std::string text = layout_text(pdf);
  for (const char* expected : {"CET Grant Proposal Summary",
                               "Mid-Michigan Residential Builders Safety Council",
                               "Fall Protection and Trenching Safety for Small Residential",
                               "Dana Whitfield",
                               "Total CET Funds Requested",
                               "$63,370.30",
                               "Table A — Summary of Training and Service",
                               "Fall Protection for",
                               "Seminar",
                               "Technical",
                               "Table B — Project Time-Flow",
                               "Table C — Summary of Estimated Expenditures",
                               "$18,950.08",
                               "$2,203.27",
                               "Table D — Detailed Breakdown",
                               "1. Wages/Salaries",
                               "Project Coordinator",
                               "$30,000.00",
                               "4,000 miles",
                               "$0.375",
                               "plus taxes $36.00",
                               "Meals — dinner",
                               "9. Other",
                               "Administrative costs, lumped",
                               "Page 1 of"}) {
    INFO(expected);
    CHECK(has(text, expected));
  }
  // Table A's total row: 21 sessions, 425 people, 1,740 person-hours.
  const std::string total = line_with(text, "Total  ");
  CHECK(has(total, "21"));
  CHECK(has(total, "425"));
  CHECK(has(total, "1,740"));
  // Table C's Total row, grant line.
  CHECK(has(line_with(text, "$63,370.30  "), "$13,390.07"));
}

TEST_CASE("Table B's months start with October of the fiscal year", "[render][proposal]") {
  const auto pdf = summary_pdf(samples::sample("cet-grant-proposal.valid.xml"), "table-b.pdf");
  const std::string text = layout_text(pdf);
  CHECK(has(text, "October 1, 2004 to September 30, 2005"));
  const std::string header = line_with(text, "Activity", "Oct");
  std::size_t previous = 0;
  for (const char* month :
       {"Oct", "Nov", "Dec", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep"}) {
    INFO(month << " in: " << header);
    const auto at = header.find(month);
    REQUIRE(at != std::string::npos);
    CHECK(at > previous);
    previous = at;
  }
  // "Scheduling Programs" runs all twelve months; "Designate Staff" only the first.
  CHECK(probe::count(line_with(text, "Scheduling Programs"), "●") == 12);
  CHECK(probe::count(line_with(text, "Designate Staff"), "●") == 1);

  const auto later = samples::from_xml(
      samples::replaced(samples::read_sample("cet-grant-proposal.valid.xml"),
                        "fiscal-year=\"2004-2005\"", "fiscal-year=\"2005-2006\""));
  CHECK(has(layout_text(summary_pdf(later, "table-b-2005.pdf")),
            "October 1, 2005 to September 30, 2006"));
}

TEST_CASE("each budget cap shows its amount, its share of the grant and its limit",
          "[render][proposal]") {
  const auto pdf = summary_pdf(samples::sample("cet-grant-proposal.valid.xml"), "caps.pdf");
  const std::string text = layout_text(pdf);
  REQUIRE(has(text, "Budget Limits"));
  const std::string equipment = line_with(text, "Equipment, grant funds");
  CHECK(has(equipment, "$2,400.00"));
  CHECK(has(equipment, "3.79% of G"));
  CHECK(has(equipment, "at most 50% of G"));
  CHECK(has(equipment, "$31,685.15"));
  const std::string contractual = line_with(text, "Contractual, grant funds");
  CHECK(has(contractual, "$4,000.00"));
  CHECK(has(contractual, "6.31% of G"));
  CHECK(has(contractual, "at most 20% of G"));
  CHECK(has(contractual, "$12,674.06"));
  const std::string other = line_with(text, "Other, grant funds");
  CHECK(has(other, "2.37% of G"));
  CHECK(has(other, "at most 20% of G"));
  const std::string matching = line_with(text, "Matching share (M)");
  CHECK(has(matching, "$8,813.10"));
  CHECK(has(matching, "13.91% of G"));
  CHECK(has(matching, "at least 10% of G"));
  CHECK(has(matching, "$6,337.03"));
  const std::string award = line_with(text, "Total grant funds");
  CHECK(has(award, "$63,370.30"));
  CHECK(has(award, "at most $85,000.00"));
  const std::string lump = line_with(text, "$14,196.68");
  CHECK(has(lump, "$1,200.00"));
  CHECK(has(lump, "1.69% of T − L"));
  CHECK(has(lump, "at most 20% of T − L"));
  CHECK(has(lump, "$14,196.68"));
  CHECK(has(text, "$72,183.40"));
  CHECK(has(line_with(text, "Person-hours of training"), "1,740"));
  CHECK(has(line_with(text, "count (people + person-hours)"), "2,165"));
}

TEST_CASE("a sponsor with accents prints with them", "[render][proposal]") {
  const auto submission = samples::from_xml(samples::replaced(
      samples::read_sample("cet-grant-proposal.valid.xml"),
      "Mid-Michigan Residential Builders Safety Council", "Asociación de Trabajadores Agrícolas"));
  const auto pdf = summary_pdf(submission, "accents.pdf");
  const std::string text = layout_text(pdf);
  CHECK(has(text, "Asociación de Trabajadores Agrícolas"));
  CHECK(probe::run("pdfinfo " + probe::quoted(pdf)).out.find("Asociación") != std::string::npos);
}

TEST_CASE("a Table D longer than a page repeats its header on every page it reaches",
          "[render][proposal]") {
  std::string lines;
  for (int i = 1; i <= 90; ++i)
    lines += "<line funding=\"grant\"><position>Field instructor " + std::to_string(i) +
             "</position><salary-per-week>500.00</salary-per-week><number-of-weeks>2</"
             "number-of-weeks><total-charged>1000.00</total-charged></line>\n";
  const auto submission =
      samples::from_xml(samples::replaced(samples::read_sample("cet-grant-proposal.valid.xml"),
                                          "<wages-salaries>", "<wages-salaries>\n" + lines));
  const auto pdf = summary_pdf(submission, "long-table-d.pdf");
  CHECK(probe::run("qpdf --check " + probe::quoted(pdf)).status == 0);
  const auto pages = probe::page_texts(pdf);
  int pages_with_lines = 0;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    if (!has(pages[p], "Field instructor")) continue;
    ++pages_with_lines;
    INFO("page " << p + 1);
    CHECK(has(pages[p], "Salary per"));
    CHECK(has(pages[p], "Page " + std::to_string(p + 1) + " of " + std::to_string(pages.size())));
  }
  CHECK(pages_with_lines >= 2);
  const std::string all = probe::all_text(pdf);
  CHECK(has(all, "Field instructor 1\n"));
  CHECK(has(all, "Field instructor 90"));

  // One Table D in the structure tree across its pages, its header row once.
  int long_tables = 0;
  for (const auto& table : probe::structure_tables(pdf)) {
    const auto pages_at = table.find("pages=");
    const auto pages_list = table.substr(pages_at, table.find(' ', pages_at) - pages_at);
    if (pages_list.find(',') == std::string::npos) continue;
    ++long_tables;
    INFO(table);
    CHECK(has(table, "header-rows=1 "));
  }
  CHECK(long_tables == 1);
  probe::check_conformance(pdf);
}

TEST_CASE("figures the rules did not compute print as blanks", "[render][proposal]") {
  const auto submission = samples::sample("cet-grant-proposal.valid.xml");
  const auto& proposal = samples::form_of<model::GrantProposal>(submission);
  const auto pdf = probe::write_file(
      render_proposal_summary(proposal, model::GrantFigures{}, samples::options()),
      "no-figures.pdf");
  CHECK(probe::run("qpdf --check " + probe::quoted(pdf)).status == 0);
  const std::string text = layout_text(pdf);
  CHECK(has(line_with(text, "Equipment, grant funds"), "—"));
  CHECK(!has(text, "Training and Service Totals"));  // no totals without figures
}

TEST_CASE("the proposal summary is the same bytes for the same proposal and options",
          "[render][proposal]") {
  const auto submission = samples::sample("cet-grant-proposal.valid.xml");
  const auto& proposal = samples::form_of<model::GrantProposal>(submission);
  const auto figures = samples::grant_figures(submission);
  CHECK(render_proposal_summary(proposal, figures, samples::options()) ==
        render_proposal_summary(proposal, figures, samples::options()));
}
