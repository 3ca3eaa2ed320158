// Filled PDF forms (pdf-forms.md §3, docs/forms.md): read through the same readers as XML, with
// field names and pages as locations; and every PDF that is not a readable formpipe form is one
// FORMAT-PDF finding.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include "pipeline/ingest/form_fields.hpp"
#include "pipeline/ingest/grant_reader_test_support.hpp"
#include "pipeline/ingest/ingest.hpp"
#include "pipeline/ingest/pdf_form_test_support.hpp"

using namespace pipeline;
namespace ft = pipeline::ingest::form_testing;
using Kind = ft::Field::Kind;

namespace {

ingest::Ingested read_pdf(const std::string& bytes, const ingest::Options& options = {}) {
  ingest::PdfIngested out = ingest::ingest_pdf(bytes, "form.pdf", options);
  REQUIRE_FALSE(out.signed_document);
  return std::move(out.ingested);
}

ingest::Ingested read_form(const ft::FormPdf& spec) {
  return read_pdf(ft::make_form_pdf(spec));
}

std::string findings_text(const ingest::Ingested& result) {
  std::string out;
  for (const core::Finding& f : result.findings)
    out += f.rule + " | " + f.location + " | " + f.message + "\n";
  return out;
}

const core::Finding* finding_at(const ingest::Ingested& result, std::string_view rule,
                                std::string_view location) {
  for (const core::Finding& f : result.findings)
    if (f.rule == rule && f.location == location) return &f;
  return nullptr;
}

// A diary sheet's header, filled.
std::vector<ft::Field> diary_header() {
  return {{"alliance-type", "partner", Kind::Choice},
          {"reporting-period.start", "2025-07-01"},
          {"reporting-period.end", "2025-09-30"},
          {"name-of-organization", "Great Lakes Roofing Contractors Association"},
          {"address", "100 Main St"},
          {"city", "Lansing"},
          {"state", "MI"},
          {"zip-code", "48933"},
          {"contact-person", "Pat Doe"},
          {"title", "Director"},
          {"telephone-number", "517-555-0100"},
          {"email", "pat@example.org"},
          {"liaison", "Sam Roe"},
          {"date-submitted", "2025-10-03"}};
}

// Rows 1..rows of the activity table, all empty (as the blank has them).
std::vector<ft::Field> empty_activities(int rows) {
  std::vector<ft::Field> out;
  for (int i = 1; i <= rows; ++i) {
    const std::string row = "activities.activity." + std::to_string(i) + ".";
    for (const char* column :
         {"date", "event-or-product-type", "description-comments", "emphasis", "number-reached"})
      out.push_back({row + column, ""});
  }
  return out;
}

void set(std::vector<ft::Field>& fields, const std::string& name, const std::string& value) {
  for (ft::Field& f : fields)
    if (f.name == name) {
      f.value = value;
      return;
    }
  fields.push_back({name, value});
}

std::filesystem::path scratch() {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("formpipe-pdf-form-test-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace

TEST_CASE("a filled diary sheet reads like its XML twin", "[ingest][pdf-form]") {
  namespace t = ingest::testing;
  const std::string xml = t::read_file(t::kSamples / "alliance-diary-sheet.valid.xml");
  pugi::xml_document doc;
  REQUIRE(doc.load_string(xml.c_str()));
  ft::FormPdf spec;
  spec.fields = ft::fields_of_xml(doc.document_element());
  const ingest::Ingested from_pdf = read_form(spec);
  const ingest::Ingested from_xml = ingest::ingest_xml(xml, "sheet.xml", {});
  INFO(findings_text(from_pdf));
  REQUIRE(from_pdf.submission);
  CHECK(from_pdf.kind == "alliance-diary-sheet");
  CHECK(from_pdf.profile == "miosha");
  CHECK(from_pdf.findings.size() == from_xml.findings.size());
  const auto& a = std::get<model::DiarySheet>(from_pdf.submission->form);
  const auto& b = std::get<model::DiarySheet>(from_xml.submission->form);
  REQUIRE(a.activities.rows.size() == b.activities.rows.size());
  for (std::size_t i = 0; i < a.activities.rows.size(); ++i) {
    CHECK(a.activities.rows[i].date.value == b.activities.rows[i].date.value);
    CHECK(a.activities.rows[i].number_reached.value == b.activities.rows[i].number_reached.value);
    CHECK(a.activities.rows[i].description_comments.value ==
          b.activities.rows[i].description_comments.value);
  }
  CHECK(a.reporting_period.start.value == b.reporting_period.start.value);
  CHECK(a.alliance_type.value == b.alliance_type.value);
  CHECK(a.activities.rows[1].date.location == "activities.activity.2.date (page 1)");
}

TEST_CASE("a filled grant proposal reads into the same model as the XML proposal",
          "[ingest][pdf-form][grant]") {
  namespace t = ingest::testing;
  const std::string xml = t::read_file(t::kSamples / "cet-grant-proposal.valid.xml");
  pugi::xml_document doc;
  REQUIRE(doc.load_string(xml.c_str()));
  ft::FormPdf spec;
  spec.kind = "cet-grant-proposal";
  spec.profile = "cet-grant";
  spec.fields = ft::fields_of_xml(doc.document_element());
  const ingest::Ingested from_pdf = read_form(spec);
  INFO(findings_text(from_pdf));
  CHECK(from_pdf.findings.empty());
  CHECK(t::dump(t::proposal_of(from_pdf)) == t::dump(t::proposal_of(t::from_xml(xml))));
}

TEST_CASE("an annual report keeps a value element's own text in its `text` field",
          "[ingest][pdf-form]") {
  namespace t = ingest::testing;
  const std::string xml = t::read_file(t::kSamples / "alliance-annual-report.valid.xml");
  pugi::xml_document doc;
  REQUIRE(doc.load_string(xml.c_str()));
  ft::FormPdf spec;
  spec.kind = "alliance-annual-report";
  spec.fields = ft::fields_of_xml(doc.document_element());
  const bool has_text_field =
      std::any_of(spec.fields.begin(), spec.fields.end(),
                  [](const ft::Field& f) { return f.name == "prepared-by.text"; });
  CHECK(has_text_field);
  const ingest::Ingested from_pdf = read_form(spec);
  const ingest::Ingested from_xml = ingest::ingest_xml(xml, "report.xml", {});
  INFO(findings_text(from_pdf));
  REQUIRE(from_pdf.submission);
  CHECK(from_pdf.findings.size() == from_xml.findings.size());
  const auto& a = std::get<model::AnnualReport>(from_pdf.submission->form);
  const auto& b = std::get<model::AnnualReport>(from_xml.submission->form);
  CHECK(a.prepared_by.name.value == b.prepared_by.name.value);
  CHECK(a.prepared_by.role.value == b.prepared_by.role.value);
  CHECK(a.upcoming_milestones.rows.size() == b.upcoming_milestones.rows.size());
  CHECK(a.prepared_by.name.location.str().rfind("prepared-by.text (page ", 0) == 0);
}

TEST_CASE("form values: US dates, dollars with commas, check boxes", "[ingest][pdf-form]") {
  ft::FormPdf spec;
  spec.fields = diary_header();
  set(spec.fields, "reporting-period.start", "7/1/2025");
  set(spec.fields, "reporting-period.end", "09/30/2025");
  set(spec.fields, "activities.activity.1.date", "8/5/2025");
  set(spec.fields, "activities.activity.1.description-comments", "Fall protection stand-down");
  set(spec.fields, "activities.activity.1.number-reached", "1,250");
  const ingest::Ingested result = read_form(spec);
  INFO(findings_text(result));
  REQUIRE(result.submission);
  const auto& sheet = std::get<model::DiarySheet>(result.submission->form);
  CHECK(sheet.reporting_period.start->iso() == "2025-07-01");
  CHECK(sheet.reporting_period.end->iso() == "2025-09-30");
  REQUIRE(sheet.activities.rows.size() == 1);
  CHECK(sheet.activities.rows[0].date->iso() == "2025-08-05");
  CHECK(sheet.activities.rows[0].date.raw == "8/5/2025");
  CHECK(*sheet.activities.rows[0].number_reached.value == 1250);

  SECTION("money: a leading $ and thousands commas") {
    namespace t = ingest::testing;
    const std::string xml = t::read_file(t::kSamples / "cet-grant-proposal.valid.xml");
    pugi::xml_document doc;
    REQUIRE(doc.load_string(xml.c_str()));
    ft::FormPdf grant;
    grant.kind = "cet-grant-proposal";
    grant.profile = "cet-grant";
    grant.fields = ft::fields_of_xml(doc.document_element());
    bool changed = false;
    for (ft::Field& f : grant.fields) {
      if (f.name == "signature-sheet.total-amount-of-cet-funds-requested") {
        // "48250.00" -> "$48,250.00"
        std::string plain = f.value;
        const std::size_t point = plain.find('.');
        std::string whole = plain.substr(0, point);
        for (std::size_t at = whole.size(); at > 3; at -= 3) whole.insert(at - 3, ",");
        f.value = "$" + whole + (point == std::string::npos ? "" : plain.substr(point));
        changed = true;
      }
    }
    REQUIRE(changed);
    const ingest::Ingested from_pdf = read_form(grant);
    INFO(findings_text(from_pdf));
    CHECK(from_pdf.findings.empty());
    CHECK(t::dump(t::proposal_of(from_pdf)) == t::dump(t::proposal_of(t::from_xml(xml))));
  }
  SECTION("XML keeps formats.md's spellings only") {
    const ingest::Ingested xml = ingest::ingest_xml(
        "<alliance-diary-sheet profile=\"miosha\" alliance-type=\"partner\">"
        "<reporting-period start=\"7/1/2025\" end=\"2025-09-30\"/></alliance-diary-sheet>",
        "sheet.xml", {});
    CHECK(finding_at(xml, "FORMAT-TYPE", "alliance-diary-sheet/reporting-period/@start"));
  }
}

TEST_CASE("yes/no check boxes: /yes, /no, and /Off as absent", "[ingest][pdf-form][grant]") {
  ft::FormPdf spec;
  spec.kind = "cet-grant-proposal";
  spec.profile = "cet-grant";
  spec.fields = {{"applicant.nonprofit", "yes", Kind::CheckBox},
                 {"applicant.applicant-category", "other", Kind::Choice},
                 {"commitments.evaluation-cooperation", "no", Kind::CheckBox},
                 {"commitments.start-within-four-weeks", "", Kind::CheckBox},
                 {"applicant.parallel-projects.none", "", Kind::CheckBox}};
  const ingest::Ingested result = read_form(spec);
  INFO(findings_text(result));
  const model::GrantProposal& p = ingest::testing::proposal_of(result);
  REQUIRE(p.applicant);
  CHECK(*p.applicant->nonprofit == true);
  CHECK(p.applicant->parallel_projects == std::nullopt);  // a container with no value is absent
  REQUIRE(p.commitments);
  CHECK(*p.commitments->evaluation_cooperation == false);
  CHECK(p.commitments->start_within_four_weeks.absent());
  CHECK(p.commitments->start_within_four_weeks.location ==
        "commitments.start-within-four-weeks (page 1)");
}

TEST_CASE("rows filled out of order keep their positions in locations", "[ingest][pdf-form]") {
  ft::FormPdf spec;
  spec.fields = diary_header();
  const std::vector<ft::Field> rows = empty_activities(6);
  spec.fields.insert(spec.fields.end(), rows.begin(), rows.end());
  set(spec.fields, "activities.activity.5.description-comments", "Toolbox talk");
  set(spec.fields, "activities.activity.5.number-reached", "12");
  set(spec.fields, "activities.activity.3.date", "2025-08-01");
  const ingest::Ingested result = read_form(spec);
  INFO(findings_text(result));
  REQUIRE(result.submission);
  const auto& sheet = std::get<model::DiarySheet>(result.submission->form);
  REQUIRE(sheet.activities.rows.size() == 2);  // rows 1, 2, 4 and 6 are not rows
  CHECK(sheet.activities.rows[0].date->iso() == "2025-08-01");
  CHECK(sheet.activities.rows[0].location == "activities.activity.3 (page 1)");
  const core::Finding* missing =
      finding_at(result, "FORMAT-REQUIRED", "activities.activity.5.date (page 1)");
  REQUIRE(missing);
  CHECK(missing->message == "activities.activity.5.date (page 1) is required but missing.");
}

TEST_CASE("a very long value is read whole", "[ingest][pdf-form]") {
  ft::FormPdf spec;
  spec.fields = diary_header();
  std::string long_text;
  for (int i = 0; long_text.size() < 200000; ++i)
    long_text += "Sentence " + std::to_string(i) + " of a very long description. ";
  long_text.pop_back();
  set(spec.fields, "activities.activity.1.date", "2025-08-01");
  set(spec.fields, "activities.activity.1.description-comments", long_text);
  const ingest::Ingested result = read_form(spec);
  REQUIRE(result.submission);
  const auto& sheet = std::get<model::DiarySheet>(result.submission->form);
  REQUIRE(sheet.activities.rows.size() == 1);
  CHECK(*sheet.activities.rows[0].description_comments.value == long_text);
}

TEST_CASE("a wrong-typed value is FORMAT-TYPE at its field", "[ingest][pdf-form]") {
  ft::FormPdf spec;
  spec.fields = diary_header();
  set(spec.fields, "activities.activity.1.date", "next Tuesday");
  set(spec.fields, "zip-code", "4893");
  set(spec.fields, "date-submitted", "13/45/2025");
  const ingest::Ingested result = read_form(spec);
  INFO(findings_text(result));
  const core::Finding* date =
      finding_at(result, "FORMAT-TYPE", "activities.activity.1.date (page 1)");
  REQUIRE(date);
  CHECK(date->message ==
        "activities.activity.1.date (page 1): expected a date YYYY-MM-DD or MM/DD/YYYY, found "
        "\"next Tuesday\".");
  CHECK(finding_at(result, "FORMAT-TYPE", "zip-code (page 1)"));
  CHECK(finding_at(result, "FORMAT-TYPE", "date-submitted (page 1)"));
}

TEST_CASE("a field the form kind does not know is FORMAT-UNKNOWN by its name",
          "[ingest][pdf-form]") {
  ft::FormPdf spec;
  spec.fields = diary_header();
  spec.fields.push_back({"favourite-colour", "blue"});
  spec.fields.push_back({"activities.activity.1.date", "2025-08-01"});
  spec.fields.push_back({"activities.activity.1.mood", "good"});
  const ingest::Ingested result = read_form(spec);
  INFO(findings_text(result));
  CHECK(finding_at(result, "FORMAT-UNKNOWN", "favourite-colour (page 1)"));
  CHECK(finding_at(result, "FORMAT-UNKNOWN", "activities.activity.1.mood (page 1)"));
}

TEST_CASE("fields on later pages are located on their page", "[ingest][pdf-form]") {
  ft::FormPdf spec;
  spec.fields = diary_header();
  std::vector<ft::Field> rows = empty_activities(3);
  for (ft::Field& f : rows) f.page = 2;
  spec.fields.insert(spec.fields.end(), rows.begin(), rows.end());
  set(spec.fields, "activities.activity.2.number-reached", "a few");
  const ingest::Ingested result = read_form(spec);
  INFO(findings_text(result));
  CHECK(finding_at(result, "FORMAT-REQUIRED", "activities.activity.2.date (page 2)"));
  CHECK(finding_at(result, "ACTIVITY-NUMBER-REACHED",
                   "activities.activity.2.number-reached (page 2)"));
}

TEST_CASE("a field deleted in a later revision is absent", "[ingest][pdf-form]") {
  ft::FormPdf spec;
  spec.compress = false;
  spec.fields = diary_header();
  set(spec.fields, "activities.activity.1.date", "2025-08-01");
  set(spec.fields, "activities.activity.1.description-comments", "Stand-down");
  const std::string first = ft::make_form_pdf(spec);
  REQUIRE(read_pdf(first).findings.empty());
  // The update takes activities.activity.1.date out of its parent's /Kids and its page's /Annots.
  const std::string updated = ft::append_revision(first, [](QPDF& doc) {
    QPDFObjectHandle fields = doc.getRoot().getKey("/AcroForm").getKey("/Fields");
    QPDFObjectHandle row;
    for (int i = 0; i < fields.getArrayNItems(); ++i)
      if (fields.getArrayItem(i).getKey("/T").getUTF8Value() == "activities")
        row =
            fields.getArrayItem(i).getKey("/Kids").getArrayItem(0).getKey("/Kids").getArrayItem(0);
    REQUIRE(row.getKey("/T").getUTF8Value() == "1");
    QPDFObjectHandle kids = row.getKey("/Kids");
    QPDFObjectHandle date;
    for (int i = 0; i < kids.getArrayNItems(); ++i)
      if (kids.getArrayItem(i).getKey("/T").getUTF8Value() == "date") {
        date = kids.getArrayItem(i);
        kids.eraseItem(i);
        break;
      }
    REQUIRE(date.isInitialized());
    QPDFObjectHandle page = date.getKey("/P");
    QPDFObjectHandle annots = page.getKey("/Annots");
    for (int i = 0; i < annots.getArrayNItems(); ++i)
      if (annots.getArrayItem(i).getObjGen() == date.getObjGen()) {
        annots.eraseItem(i);
        break;
      }
    return std::vector<QPDFObjectHandle>{row, page};
  });
  REQUIRE(updated.size() > first.size());
  REQUIRE(updated.compare(0, first.size(), first) == 0);  // an incremental update
  const ingest::Ingested result = read_pdf(updated);
  INFO(findings_text(result));
  // No field, no page: the location is the name the field had.
  const core::Finding* missing =
      finding_at(result, "FORMAT-REQUIRED", "activities.activity.1.date");
  REQUIRE(missing);
  CHECK(result.findings.size() == 1);

  SECTION("a value changed in a later revision: the last one counts") {
    const std::string changed = ft::append_revision(first, [](QPDF& doc) {
      QPDFObjectHandle field;
      for (QPDFObjectHandle f : doc.getRoot().getKey("/AcroForm").getKey("/Fields").aitems())
        if (f.getKey("/T").getUTF8Value() == "city") field = f;
      field.replaceKey("/V", QPDFObjectHandle::newUnicodeString("Detroit"));
      return std::vector<QPDFObjectHandle>{field};
    });
    const ingest::Ingested read = read_pdf(changed);
    REQUIRE(read.submission);
    CHECK(*std::get<model::DiarySheet>(read.submission->form).city.value == "Detroit");
  }
}

TEST_CASE("the form's identity: XMP properties by namespace, as elements or attributes",
          "[ingest][pdf-form]") {
  ft::FormPdf spec;
  spec.fields = diary_header();
  spec.profile = "osha";
  spec.identity_as_attributes = true;
  const ingest::Ingested result = read_form(spec);
  CHECK(result.kind == "alliance-diary-sheet");
  CHECK(result.profile == "osha");
  CHECK_FALSE(result.unreadable);
}

TEST_CASE("PDFs that are not readable formpipe forms are one FORMAT-PDF finding",
          "[ingest][pdf-form]") {
  const auto unreadable_with = [](const ingest::Ingested& result, std::string_view text) {
    INFO(findings_text(result));
    CHECK(result.unreadable);
    REQUIRE(result.findings.size() == 1);
    CHECK(result.findings[0].rule == "FORMAT-PDF");
    CHECK_THAT(result.findings[0].message, Catch::Contains(std::string(text)));
    CHECK_FALSE(result.submission);
  };
  ft::FormPdf spec;
  spec.fields = diary_header();

  SECTION("an older form version") {
    spec.form_version = "0";
    unreadable_with(read_form(spec),
                    "form.pdf: made from version 0 of the blank form; fill in a new one from "
                    "`formpipe blank`.");
  }
  SECTION("no form version at all") {
    spec.form_version.clear();
    unreadable_with(read_form(spec), "an unnumbered version of the blank form");
  }
  SECTION("a PDF without formpipe's metadata") {
    spec.kind.clear();
    unreadable_with(read_form(spec), "not a formpipe form: fill in the form from `formpipe blank`");
  }
  SECTION("a form kind that has no fillable form") {
    spec.kind = "alliance-agreement";
    unreadable_with(read_form(spec), "names the form kind \"alliance-agreement\"");
  }
  SECTION("a field name longer than 4096 bytes (a parent's long /T given to many kids)") {
    const std::string parent(5000, 'x');
    for (int i = 1; i <= 3; ++i) spec.fields.push_back({parent + "." + std::to_string(i), "v"});
    unreadable_with(read_form(spec), "a field name is longer than 4096 bytes");
  }
  SECTION("damaged: no catalog can be found") {
    unreadable_with(
        read_pdf("%PDF-1.7\n1 0 obj\n<< /Type /Catalog\nendobj\ntrailer\n<<>>\n%%EOF\n"),
        "not a readable PDF");
  }
  SECTION("damaged: not a PDF at all") {
    unreadable_with(read_pdf("<alliance-diary-sheet/>"), "not a PDF");
  }
  SECTION("damaged: cut short, its metadata lost") {
    spec.compress = false;
    std::string bytes = ft::make_form_pdf(spec);
    // The metadata stream is written last by QPDF; cut the file before it.
    const std::size_t at = bytes.find("/Type /Metadata");
    REQUIRE(at != std::string::npos);
    bytes.resize(at - 40);
    unreadable_with(read_pdf(bytes), "not a readable PDF");
  }
  SECTION("encrypted, with and without a user password") {
    const auto dir = scratch();
    { std::ofstream(dir / "plain.pdf", std::ios::binary) << ft::make_form_pdf(spec); }
    for (const char* user : {"''", "secret"}) {
      const std::string command = "qpdf --encrypt " + std::string(user) + " owner 256 -- '" +
                                  (dir / "plain.pdf").string() + "' '" +
                                  (dir / "encrypted.pdf").string() + "'";
      REQUIRE(std::system(command.c_str()) == 0);
      unreadable_with(read_pdf(ingest::testing::read_file(dir / "encrypted.pdf")),
                      "the PDF is encrypted");
    }
    std::filesystem::remove_all(dir);
  }
  SECTION("over the size cap: refused before it is read") {
    const auto dir = scratch();
    const auto big = dir / "big.pdf";
    { std::ofstream(big, std::ios::binary) << ft::make_form_pdf(spec); }
    std::filesystem::resize_file(big, 50ull << 20);  // 50 MB, sparse
    const ingest::PdfIngested result = ingest::ingest_pdf_path(big, {});
    unreadable_with(result.ingested, "big.pdf: larger than the 16 MiB limit for one PDF.");
    unreadable_with(ingest::ingest_path(big, {}), "larger than the 16 MiB limit for one PDF");
    std::filesystem::remove_all(dir);
  }
}

TEST_CASE("a PDF with a signature field is left to the signed-copy reader", "[ingest][pdf-form]") {
  ft::FormPdf spec;
  spec.fields = diary_header();
  spec.signature_field = true;
  const ingest::PdfIngested result = ingest::ingest_pdf(ft::make_form_pdf(spec), "x.pdf", {});
  CHECK(result.signed_document);
  CHECK(result.ingested.findings.empty());
}

TEST_CASE("field names become the tree formats.md describes", "[ingest][pdf-form]") {
  const std::vector<ingest::FormField> fields = {
      {"table-d.travel.lodging.2.number-of-nights", "3", 4},
      {"table-d.travel.lodging.2.funding", "cet", 4},
      {"table-d.travel.lodging.1.number-of-nights", "", 4},
      {"table-c.category.7.grant.total-funds", "100.00", 3},
      {"table-c.category.7.number", "7", 3},
      {"proposal-narrative.project-design.project-summary.text", "Summary", 2},
      {"proposal-narrative.project-design.project-summary.file", "summary.pdf", 2},
      {"stage", "proposal", 1},
      {"target-audience.naics.2", "238160", 1},
      {"target-audience.naics.1", "", 1},
      {"odd..name", "x", 1},
  };
  const std::unique_ptr<ingest::Tree> tree =
      ingest::form_tree("cet-grant-proposal", "cet-grant", fields);
  std::ostringstream xml;
  tree->doc.save(xml, "", pugi::format_raw);
  CHECK(xml.str() ==
        "<?xml version=\"1.0\"?><cet-grant-proposal profile=\"cet-grant\" stage=\"proposal\">"
        "<table-d><travel><lodging funding=\"cet\"><number-of-nights>3</number-of-nights></lodging>"
        "</travel></table-d><table-c><category number=\"7\"><grant><total-funds>100.00"
        "</total-funds></grant></category></table-c><proposal-narrative><project-design>"
        "<project-summary file=\"summary.pdf\">Summary</project-summary></project-design>"
        "</proposal-narrative><target-audience><naics>238160</naics></target-audience>"
        "<odd..name>x</odd..name></cet-grant-proposal>");
  CHECK(tree->form->location("table-d.travel.lodging.1") == "table-d.travel.lodging.1 (page 4)");
  CHECK(tree->form->location("table-c") == "table-c (page 3)");
  CHECK(tree->form->location("no-such-field") == "no-such-field");
}

TEST_CASE("a read-only value the form fixed makes no row of its own", "[ingest][pdf-form]") {
  // Table C's rows carry their category number and name, fixed by the blank: a row the person
  // left empty is no category, a filled one keeps them.
  const std::vector<ingest::FormField> fields = {
      {"table-c.category.1.number", "1", 3, true},
      {"table-c.category.1.name", "wages-and-salaries", 3, true},
      {"table-c.category.7.number", "7", 3, true},
      {"table-c.category.7.grant.total-funds", "100.00", 3},
      {"baseline.table-c.category.2.number", "2", 9, true},
  };
  const std::unique_ptr<ingest::Tree> tree =
      ingest::form_tree("cet-grant-proposal", "cet-grant", fields);
  std::ostringstream xml;
  tree->doc.save(xml, "", pugi::format_raw);
  CHECK(xml.str() ==
        "<?xml version=\"1.0\"?><cet-grant-proposal profile=\"cet-grant\"><table-c>"
        "<category number=\"7\"><grant><total-funds>100.00</total-funds></grant></category>"
        "</table-c></cet-grant-proposal>");
}
