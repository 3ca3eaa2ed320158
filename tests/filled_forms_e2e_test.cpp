// Filled PDF forms through the real binary (pdf-forms.md §3): `formpipe check` and the inbox
// read a formpipe form like its XML twin, locate findings by field name and page, and report any
// other PDF as unreadable with one FORMAT-PDF finding; signed copies keep their own reader.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <filesystem>
#include <string>
#include <vector>

#include "pipeline/ingest/pdf_form_test_support.hpp"
#include "tests/support/report_json.hpp"
#include "tests/support/signing_e2e.hpp"

namespace fs = std::filesystem;
namespace t = pipeline::signing::testing;
namespace ft = pipeline::ingest::form_testing;

namespace {

using report_json::Object;
using report_json::parse;
using report_json::rules_of;

std::vector<std::string> locations_of(const Object& report) {
  std::vector<std::string> out;
  const auto findings = report->getArray("findings");
  for (unsigned i = 0; i < findings->size(); ++i)
    out.push_back(findings->getObject(i)->getValue<std::string>("location"));
  return out;
}

// The sample's fields, as a person would have typed them into the blank form.
ft::FormPdf form_of_sample(const std::string& sample, const std::string& kind,
                           const std::string& profile) {
  pugi::xml_document doc;
  REQUIRE(doc.load_file((t::kSourceDir / "samples" / sample).c_str()));
  ft::FormPdf spec;
  spec.kind = kind;
  spec.profile = profile;
  spec.fields = ft::fields_of_xml(doc.document_element());
  return spec;
}

}  // namespace

TEST_CASE("formpipe check reads a filled form as it reads the XML", "[e2e][forms]") {
  const fs::path dir = t::folder("forms-check");
  SECTION("the diary sheet: the same findings and figures") {
    t::write_file(dir / "diary.pdf",
                  ft::make_form_pdf(form_of_sample(
                      "alliance-diary-sheet.invalid.late-out-of-period-not-numeric.xml",
                      "alliance-diary-sheet", "miosha")));
    const t::Run pdf =
        t::formpipe("check " + t::quoted(dir / "diary.pdf") + " --json --as-of 2025-11-20");
    const t::Run xml =
        t::formpipe("check " +
                    t::quoted(t::kSourceDir / "samples" /
                              "alliance-diary-sheet.invalid.late-out-of-period-not-numeric.xml") +
                    " --json --as-of 2025-11-20");
    INFO(pdf.out);
    CHECK(pdf.status == xml.status);
    const Object from_pdf = parse(pdf.out);
    const Object from_xml = parse(xml.out);
    CHECK(from_pdf->getValue<std::string>("form") == "alliance-diary-sheet");
    CHECK(from_pdf->getValue<std::string>("status") == from_xml->getValue<std::string>("status"));
    CHECK(rules_of(from_pdf) == rules_of(from_xml));
    // Locations are field names with their page ("email" is no field of this PDF: no page).
    for (const std::string& location : locations_of(from_pdf)) {
      CHECK(location.find('/') == std::string::npos);
      CHECK((location.find(" (page 1)") != std::string::npos || location == "email"));
    }
  }
  SECTION("the grant proposal: accepted, as its XML is") {
    t::write_file(dir / "proposal.pdf",
                  ft::make_form_pdf(form_of_sample("cet-grant-proposal.valid.xml",
                                                   "cet-grant-proposal", "cet-grant")));
    const t::Run pdf =
        t::formpipe("check " + t::quoted(dir / "proposal.pdf") + " --json --as-of 2004-06-01");
    const t::Run xml = t::formpipe(
        "check " + t::quoted(t::kSourceDir / "samples" / "cet-grant-proposal.valid.xml") +
        " --json --as-of 2004-06-01");
    INFO(pdf.out);
    const Object from_pdf = parse(pdf.out);
    CHECK(pdf.status == xml.status);
    CHECK(from_pdf->getValue<std::string>("status") ==
          parse(xml.out)->getValue<std::string>("status"));
    CHECK(rules_of(from_pdf) == rules_of(parse(xml.out)));
  }
  SECTION("a row filled below empty ones is named by its own position") {
    ft::FormPdf spec =
        form_of_sample("alliance-diary-sheet.valid.xml", "alliance-diary-sheet", "miosha");
    for (int row = 5; row <= 7; ++row)
      for (const char* column : {"date", "description-comments", "number-reached"})
        spec.fields.push_back({"activities.activity." + std::to_string(row) + "." + column, "",
                               ft::Field::Kind::Text, 2});
    for (ft::Field& f : spec.fields)
      if (f.name == "activities.activity.7.description-comments") f.value = "Ladder safety webinar";
    t::write_file(dir / "rows.pdf", ft::make_form_pdf(spec));
    const t::Run run = t::formpipe("check " + t::quoted(dir / "rows.pdf") + " --json");
    INFO(run.out);
    const std::vector<std::string> locations = locations_of(parse(run.out));
    CHECK(std::find(locations.begin(), locations.end(), "activities.activity.7.date (page 2)") !=
          locations.end());
  }
  SECTION("any other PDF: unreadable, one FORMAT-PDF finding") {
    ft::FormPdf plain = form_of_sample("alliance-diary-sheet.valid.xml", "", "");
    t::write_file(dir / "plain.pdf", ft::make_form_pdf(plain));
    const t::Run run = t::formpipe("check " + t::quoted(dir / "plain.pdf") + " --json");
    INFO(run.out);
    CHECK(run.status == 2);
    const Object report = parse(run.out);
    CHECK(report->getValue<std::string>("status") == "unreadable");
    CHECK(rules_of(report) == std::vector<std::string>{"FORMAT-PDF"});
    CHECK(report->getArray("findings")->getObject(0)->getValue<std::string>("message") ==
          "plain.pdf: not a formpipe form: fill in the form from `formpipe blank` (this PDF is "
          "neither a form formpipe made nor a signed document).");
  }
}

TEST_CASE("the inbox takes a filled form and keeps it as original.pdf", "[e2e][forms]") {
  const fs::path dir = t::folder("forms-inbox");
  const fs::path inbox = dir / "inbox";
  const fs::path out = dir / "out";
  fs::create_directories(inbox);
  const std::string bytes = ft::make_form_pdf(
      form_of_sample("alliance-diary-sheet.valid.xml", "alliance-diary-sheet", "miosha"));
  t::write_file(dir / "sheet.pdf", bytes);
  fs::copy_file(dir / "sheet.pdf", inbox / "sheet.pdf");
  const t::Run run = t::formpipe("run " + t::quoted(inbox) + " --out " + t::quoted(out) +
                                 " --settle 0 --as-of 2025-10-03");
  INFO(run.out);
  CHECK(run.status == 0);
  CHECK_FALSE(fs::exists(inbox / "sheet.pdf"));
  const std::string sha = t::run("sha256sum " + t::quoted(dir / "sheet.pdf")).out.substr(0, 12);
  REQUIRE(fs::exists(out / sha / "report.json"));
  const Object report = parse(t::read_file(out / sha / "report.json"));
  CHECK(report->getValue<std::string>("form") == "alliance-diary-sheet");
  CHECK(report->getValue<std::string>("status") == "accepted");
  CHECK(fs::exists(out / sha / "original.pdf"));
}
