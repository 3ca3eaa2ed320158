// formpipe blank through the real binary (pdf-forms.md §1–§2, docs/forms.md): every blank of every
// kind and profile passes qpdf --check and the PDF/UA and PDF/A checker, carries the paper form's
// headings and its identity in the XMP; every value and attribute of every sample of the three
// kinds has its field, of the right type, in the blank of that kind and profile; a form
// prefilled from a sample holds each of the sample's values as its field's /V and shows it on
// the page; --rows continues a table over pages under its header; --from STORE-ID prefills from
// the record store.
#include <catch2/catch.hpp>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "pipeline/forms/field_names.hpp"
#include "pipeline/render/pdf_probe_test_support.hpp"
#include "tests/support/signing_e2e.hpp"

namespace fs = std::filesystem;
namespace t = pipeline::signing::testing;
namespace probe = pipeline::render::probe;

namespace {

const fs::path kSource = t::kSourceDir;

struct Field {
  std::string type;   // "/Tx", "/Btn", "/Ch"
  std::string value;  // qpdf's: "u:text" for text, "/yes" for a name
  std::string tooltip;
  long flags = 0;
  int page = 0;
};

// The fields of `pdf` by full name, as qpdf reads them (a check box once, from its first widget).
std::map<std::string, Field> fields_of(const fs::path& pdf) {
  const auto json = t::run("qpdf --json --json-key=acroform " + t::quoted(pdf)).out;
  Poco::JSON::Parser parser;
  const auto root = parser.parse(json).extract<Poco::JSON::Object::Ptr>();
  const auto list = root->getObject("acroform")->getArray("fields");
  std::map<std::string, Field> out;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const auto f = list->getObject(static_cast<unsigned>(i));
    const std::string name = f->getValue<std::string>("fullname");
    if (out.count(name) != 0) continue;
    Field field;
    field.type = f->getValue<std::string>("fieldtype");
    field.value = f->isNull("value") ? std::string() : f->get("value").toString();
    field.tooltip = f->getValue<std::string>("alternativename");
    field.flags = f->getValue<long>("fieldflags");
    field.page = f->getValue<int>("pageposfrom1");
    out.emplace(name, std::move(field));
  }
  return out;
}

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

fs::path blank(const std::string& name, const std::string& arguments) {
  const fs::path out = t::folder("forms") / name;
  const auto result = t::formpipe("blank " + arguments + " -o " + t::quoted(out));
  INFO(result.out);
  REQUIRE(result.status == 0);
  return out;
}

bool is_digits(const std::string& s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
}

}  // namespace

TEST_CASE("every blank form is a valid, tagged PDF with the paper form's headings and identity",
          "[forms][e2e]") {
  struct Case {
    std::string kind, profile;
    std::vector<std::string> headings;
  };
  const std::vector<Case> cases{
      {"alliance-diary-sheet",
       "miosha",
       {"MIOSHA Alliance Diary Sheet", "Name of Organization", "Zip Code", "Contact Person",
        "MIOSHA Liaison", "Date Submitted", "Event or Product", "Description/Comments", "Number",
        "Dates of Contact"}},
      {"alliance-diary-sheet", "osha", {"OSHA Alliance Diary Sheet", "OSHA Alliance Coordinator"}},
      {"alliance-diary-sheet", "iowa", {"Diary Sheet"}},
      {"alliance-diary-sheet", "calosha", {"Diary Sheet"}},
      {"alliance-annual-report",
       "miosha",
       {"MIOSHA Annual Alliance Report", "I. Alliance Background", "Alliance Name", "Alliance Type",
        "Overview", "Implementation Team Members", "Contributors", "Evaluation Period",
        "II. Implementation Team Meetings", "III. Events and Products", "V. Upcoming Milestones"}},
      {"alliance-annual-report", "osha", {"Alliance Level"}},
      {"alliance-annual-report", "iowa", {"Goals and Objectives"}},
      {"alliance-annual-report", "calosha", {"Measures of Reach and Impact"}},
      {"cet-grant-proposal",
       "cet-grant",
       {"Project Proposal Signatures",
        "Project Title",
        "Sponsoring Organization",
        "Authorized Contact Person",
        "Certification and Signature",
        "Statement of Affiliation",
        "Table A: Summary of Training and Service Activities",
        "Table B: Project Time-Flow of Activities",
        "Table C: Summary of Estimated Expenditures",
        "Table D: Detailed Breakdown of Grant and Matching Expenditures",
        "Wages/Salaries",
        "Fringe Benefit",
        "Travel",
        "Rent and Utilities",
        "Office Supplies",
        "Training Materials",
        "Equipment",
        "Contractual",
        "Program Income",
        "Change Request",
        "Baseline"}},
  };
  for (const Case& c : cases) {
    SECTION(c.kind + " " + c.profile) {
      const fs::path pdf =
          blank(c.kind + "-" + c.profile + ".pdf", c.kind + " --profile " + c.profile);
      const auto check = t::run("qpdf --check " + t::quoted(pdf));
      INFO(check.out);
      CHECK(check.status == 0);
      probe::check_conformance(pdf);
      probe::check_contains(probe::flat_text(pdf), c.headings);
      // The identity is metadata, not a field.
      const auto meta = t::run("pdfinfo -meta " + t::quoted(pdf)).out;
      probe::check_contains(meta, {"<formpipe:document>form</formpipe:document>",
                                   "<formpipe:form>" + c.kind + "</formpipe:form>",
                                   "<formpipe:profile>" + c.profile + "</formpipe:profile>",
                                   "<formpipe:formVersion>1</formpipe:formVersion>"});
      const auto fields = fields_of(pdf);
      CHECK(fields.size() > 20);
      for (const auto& [name, field] : fields) {
        INFO(name);
        CHECK(!field.tooltip.empty());
        CHECK(field.tooltip != name);  // a description, not the name again
        CHECK(name.find("profile") == std::string::npos);
      }
      CHECK((fields.count("level") != 0) == (c.profile == "osha"));
      CHECK(!probe::has(read(pdf), "/NeedAppearances"));
      CHECK(!probe::has(read(pdf), "/JavaScript"));
    }
  }
}

TEST_CASE("every value and attribute of every sample has its field in the blank", "[forms][e2e]") {
  for (const auto& entry : fs::directory_iterator(kSource / "samples")) {
    const std::string file = entry.path().filename().string();
    if (entry.path().extension() != ".xml") continue;
    const bool form = file.rfind("alliance-diary-sheet.", 0) == 0 ||
                      file.rfind("alliance-annual-report.", 0) == 0 ||
                      file.rfind("cet-grant-proposal.", 0) == 0;
    if (!form) continue;
    SECTION(file) {
      const std::string xml = read(entry.path());
      const auto identity = pipeline::forms::form_identity(xml);
      const std::string profile = identity.profile.empty() ? "cet-grant" : identity.profile;
      const fs::path pdf =
          blank("sample-blank-" + file + ".pdf", identity.kind + " --profile " + profile);
      const auto fields = fields_of(pdf);
      const auto values = pipeline::forms::field_values(xml);
      REQUIRE(!values.empty());
      for (const auto& [name, value] : values) {
        INFO(name << " = " << value);
        const auto found = fields.find(name);
        REQUIRE(found != fields.end());
        // Field types as docs/forms.md gives them.
        const std::string last = name.substr(name.rfind('.') + 1);
        if (value == "yes" || value == "no") {
          const bool flag_or_yes_no = found->second.type == "/Btn";
          CHECK(flag_or_yes_no);
        } else if (last == "event-or-product-type" || last == "type-of-training" ||
                   last == "purpose" || last == "serves" || last == "alliance-type") {
          CHECK(found->second.type == "/Ch");
        } else if (!is_digits(last) || found->second.type != "/Ch") {
          CHECK((found->second.type == "/Tx" || found->second.type == "/Ch"));
        }
      }
    }
  }
}

TEST_CASE("a form prefilled from a sample holds and shows every value", "[forms][e2e]") {
  for (const std::string sample :
       {"alliance-diary-sheet.valid.xml", "alliance-annual-report.valid.xml",
        "cet-grant-proposal.valid.xml", "cet-grant-proposal.revision.prior-approval-changes.xml",
        "alliance-diary-sheet.osha-national-biannual.valid.xml"}) {
    SECTION(sample) {
      const fs::path xml = kSource / "samples" / sample;
      const fs::path pdf =
          blank("prefilled-" + sample + ".pdf",
                pipeline::forms::form_identity(read(xml)).kind + " --from " + t::quoted(xml));
      // The checker reads a proposal's structure for about 20 s (poppler's -struct-text over
      // a thousand fields): one prefilled proposal is enough.
      if (sample != "cet-grant-proposal.revision.prior-approval-changes.xml")
        probe::check_conformance(pdf);
      const auto fields = fields_of(pdf);
      const std::string text = probe::flat_text(pdf);
      const auto values = pipeline::forms::field_values(read(xml));
      for (const auto& [name, value] : values) {
        INFO(name << " = " << value);
        const auto found = fields.find(name);
        REQUIRE(found != fields.end());
        if (found->second.type == "/Btn") {
          CHECK(found->second.value == "/" + value);
        } else {
          CHECK(found->second.value == "u:" + value);
          // Short single-line values are drawn whole in the field's appearance.
          if (value.size() < 14 && value.find('\n') == std::string::npos)
            CHECK(probe::has(text, value));
        }
      }
    }
  }
  SECTION("the diary sheet's header and first activity on page 1") {
    const fs::path pdf = blank("prefilled-diary-page1.pdf",
                               "alliance-diary-sheet --from " +
                                   t::quoted(kSource / "samples/alliance-diary-sheet.valid.xml"));
    const auto pages = probe::page_texts(pdf);
    REQUIRE(!pages.empty());
    probe::check_contains(pages.front(),
                          {"Michigan Tree Care and Arborist Association", "Lansing", "48917",
                           "Karen Lindqvist", "2025-10-03", "2025-07-16", "training", "1150"});
  }
}

TEST_CASE("blank --rows continues a table over pages under its repeated header", "[forms][e2e]") {
  const fs::path pdf = blank("diary-rows-40.pdf", "alliance-diary-sheet --rows 40");
  const auto fields = fields_of(pdf);
  CHECK(fields.count("activities.activity.40.date") == 1);
  CHECK(fields.count("activities.activity.41.date") == 0);
  CHECK(fields.count("dates-of-contact.contact.40.description") == 1);
  CHECK(fields.at("activities.activity.40.date").page >= 2);
  CHECK(fields.at("activities.activity.40.date").tooltip ==
        "Row 40: Date of the activity (YYYY-MM-DD or MM/DD/YYYY)");
  const auto pages = probe::page_texts(pdf);
  REQUIRE(pages.size() >= 3);
  // The header row again at the top of the page the table goes on to (an artifact there).
  CHECK(probe::has(pages[1], "Description/Comments"));
  probe::check_conformance(pdf);
  const auto tables = probe::structure_tables(pdf);
  REQUIRE(!tables.empty());
  CHECK(probe::has(tables.front(), "header-rows=1 body-rows=40"));

  // The default: the page the table starts on filled, at least 10 rows.
  const auto defaults = fields_of(blank("diary-default.pdf", "alliance-diary-sheet"));
  CHECK(defaults.count("activities.activity.10.date") == 1);
  std::size_t rows = 0;
  while (defaults.count("activities.activity." + std::to_string(rows + 1) + ".date")) ++rows;
  CHECK(defaults.at("activities.activity." + std::to_string(rows) + ".date").page == 1);
}

TEST_CASE("field kinds: text with MaxLen, multiline, check boxes, combo boxes", "[forms][e2e]") {
  const auto fields = fields_of(blank("proposal-kinds.pdf", "cet-grant-proposal"));
  const auto& zip = fields.at("signature-sheet.zip-code");
  CHECK(zip.type == "/Tx");
  const auto& narrative = fields.at("proposal-narrative.problem-addressed.text");
  CHECK(narrative.type == "/Tx");
  CHECK((narrative.flags & 4096) != 0);  // multiline
  CHECK(fields.count("proposal-narrative.problem-addressed.file") == 1);
  CHECK(fields.count("proposal-narrative.project-design.project-summary.pages") == 1);
  const auto& nonprofit = fields.at("applicant.nonprofit");
  CHECK(nonprofit.type == "/Btn");
  CHECK(nonprofit.tooltip == "The applicant is a nonprofit organization: Yes or No (Yes)");
  const auto& meal = fields.at("table-d.travel.meals.1.meal");
  CHECK(meal.type == "/Ch");
  CHECK((meal.flags & (1 << 17)) != 0);  // combo
  CHECK((meal.flags & (1 << 18)) == 0);  // not editable
  CHECK(fields.at("table-d.wages-salaries.line.1.lost-time").type == "/Btn");
  CHECK(fields.at("table-d.travel.lodging.2.out-of-state").type == "/Btn");
  CHECK(fields.at("table-d.equipment.purchase.4.prior-approval").type == "/Tx");
  CHECK(fields.count("table-d.other.administrative-costs.2.item.4") == 1);
  CHECK(fields.count("table-c.category.9.matching.fourth") == 1);
  CHECK(fields.at("table-c.category.9.number").value == "u:9");
  CHECK(fields.count("baseline.table-c.total.grant.total-funds") == 1);
  CHECK(fields.count("approvals.subcontracting-over-20-percent") == 1);
  CHECK(fields.count("baseline.performance-objectives.person-hours") == 1);

  const auto diary = fields_of(blank("diary-kinds.pdf", "alliance-diary-sheet"));
  const auto& type = diary.at("activities.activity.1.event-or-product-type");
  CHECK(type.type == "/Ch");
  CHECK((type.flags & (1 << 18)) != 0);  // editable: unlisted words are kept
  // Written out without object streams to read the widget dictionaries.
  const fs::path plain = t::folder("forms") / "diary-kinds-qdf.pdf";
  t::run("qpdf --qdf --object-streams=disable " +
         t::quoted(t::folder("forms") / "diary-kinds.pdf") + " " + t::quoted(plain));
  const std::string raw = read(plain);
  CHECK(probe::has(raw, "/MaxLen 10"));
  CHECK(probe::has(raw, "/MK"));
  CHECK(probe::has(raw, "/DR"));
  CHECK(!probe::has(raw, "ZapfDingbats"));
}

TEST_CASE("blank: usage errors exit 2", "[forms][e2e]") {
  CHECK(t::formpipe("blank --help").status == 0);
  CHECK(probe::has(t::formpipe("blank --help").out, "--rows N"));
  CHECK(t::formpipe("blank").status == 2);
  CHECK(t::formpipe("blank alliance-agreement").status == 2);
  CHECK(t::formpipe("blank alliance-diary-sheet --profile cet-grant").status == 2);
  CHECK(t::formpipe("blank cet-grant-proposal --profile miosha").status == 2);
  CHECK(t::formpipe("blank alliance-diary-sheet --rows 0").status == 2);
  const auto wrong = t::formpipe("blank alliance-annual-report --from " +
                                 t::quoted(kSource / "samples/alliance-diary-sheet.valid.xml") +
                                 " -o " + t::quoted(t::folder("forms") / "wrong.pdf"));
  CHECK(wrong.status == 2);
  CHECK(probe::has(wrong.out, "is a alliance-diary-sheet, not a alliance-annual-report"));
  CHECK(t::formpipe("blank alliance-diary-sheet --from no-such-id").status == 2);

  // A value with no field is said on standard error; the form is still written.
  const fs::path xml = t::folder("forms") / "unknown.xml";
  std::ofstream(xml) << "<alliance-diary-sheet profile='iowa'><city>Ames</city>"
                        "<favourite-colour>blue</favourite-colour></alliance-diary-sheet>";
  const auto unknown = t::formpipe("blank alliance-diary-sheet --from " + t::quoted(xml) + " -o " +
                                   t::quoted(t::folder("forms") / "unknown.pdf"));
  CHECK(unknown.status == 0);
  CHECK(probe::has(unknown.out, "no field favourite-colour in the alliance-diary-sheet form"));
  CHECK(fields_of(t::folder("forms") / "unknown.pdf").at("city").value == "u:Ames");
}

TEST_CASE("blank --from STORE-ID prefills from an agreement and a proposal in the record store",
          "[forms][e2e]") {
  const fs::path dir = t::folder("store");
  const fs::path inbox = dir / "inbox";
  const fs::path out = dir / "out";
  fs::create_directories(inbox);
  fs::copy_file(kSource / "samples/alliance-agreement.valid.xml", inbox / "agreement.xml");
  fs::copy_file(kSource / "samples/cet-grant-proposal.valid.xml", inbox / "proposal.xml");
  fs::copy_file(kSource / "samples/alliance-agreement.osha-national.valid.xml", inbox / "osha.xml");
  const auto run =
      t::formpipe("run " + t::quoted(inbox) + " --out " + t::quoted(out) + " --as-of 2025-08-15");
  INFO(run.out);
  std::map<std::string, std::string> ids;  // form kind → result id
  for (const auto& entry : fs::directory_iterator(out)) {
    if (!fs::is_regular_file(entry.path() / "report.json")) continue;
    const std::string report = read(entry.path() / "report.json");
    Poco::JSON::Parser parser;
    const auto object = parser.parse(report).extract<Poco::JSON::Object::Ptr>();
    ids[object->getValue<std::string>("form") + "/" + object->getValue<std::string>("profile")] =
        entry.path().filename().string();
  }
  REQUIRE(ids.count("alliance-agreement/miosha") == 1);
  REQUIRE(ids.count("alliance-agreement/osha") == 1);
  REQUIRE(ids.count("cet-grant-proposal/cet-grant") == 1);

  const fs::path diary = blank("diary-from-store.pdf",
                               "alliance-diary-sheet --from " + ids["alliance-agreement/miosha"] +
                                   " --out " + t::quoted(out) + " --as-of 2025-08-15");
  const auto fields = fields_of(diary);
  const std::string agreement = read(kSource / "samples/alliance-agreement.valid.xml");
  CHECK(!fields.at("name-of-organization").value.empty());
  CHECK(probe::has(agreement, fields.at("name-of-organization").value.substr(2)));
  CHECK(fields.at("reporting-period.start").value == "u:2025-07-01");
  CHECK(fields.at("reporting-period.end").value == "u:2025-09-30");
  CHECK(fields.at("liaison").value.empty());

  // An OSHA agreement makes an OSHA form (its profile, its level, its biannual period).
  const fs::path osha =
      blank("diary-from-osha.pdf", "alliance-diary-sheet --from " + ids["alliance-agreement/osha"] +
                                       " --out " + t::quoted(out) + " --as-of 2025-08-15");
  const auto of = fields_of(osha);
  CHECK(of.at("level").value == "u:national");
  CHECK(of.at("reporting-period.start").value == "u:2025-04-01");
  CHECK(of.at("reporting-period.end").value == "u:2025-09-30");
  CHECK(probe::has(t::run("pdfinfo -meta " + t::quoted(osha)).out,
                   "<formpipe:profile>osha</formpipe:profile>"));
  const fs::path annual = blank(
      "annual-from-store.pdf", "alliance-annual-report --from " + ids["alliance-agreement/miosha"] +
                                   " --out " + t::quoted(out) + " --as-of 2025-08-15");
  const auto af = fields_of(annual);
  CHECK(af.at("alliance-background.evaluation-period.start").value == "u:2025-01-01");
  CHECK(!af.at("alliance-background.initial-date-signed").value.empty());

  const fs::path proposal =
      blank("proposal-from-store.pdf", "cet-grant-proposal --from " +
                                           ids["cet-grant-proposal/cet-grant"] + " --out " +
                                           t::quoted(out));
  const auto pf = fields_of(proposal);
  CHECK(pf.at("signature-sheet.sponsoring-organization").value ==
        "u:Mid-Michigan Residential Builders Safety Council");
  CHECK(pf.at("key-personnel.person.1.name").value == "u:Dana Whitfield");
  CHECK(pf.at("signature-sheet.project-title").value.empty());  // a new project
  CHECK(pf.at("table-a.training-program.1.title-of-training-program").value.empty());
}
