// Signature fields (signing.md §1) and the document's identity, read back with qpdf's JSON: one
// empty /Sig field per signature block of an agreement and one in a letter, named in document
// order and described as the block prints the signatory, printed, lying on its signature line;
// the trailer /ID and the XMP DocumentID derived from RenderOptions::document_id.
#include <openssl/evp.h>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "pipeline/render/agreement.hpp"
#include "pipeline/render/layout.hpp"
#include "pipeline/render/letters.hpp"
#include "pipeline/render/pdf_probe_test_support.hpp"
#include "pipeline/render/render.hpp"
#include "pipeline/render/sample_forms_test_support.hpp"

using namespace pipeline;
using namespace pipeline::render;
using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

// qpdf's JSON (version 2) of the file: its "qpdf" objects and its "acroform" fields.
struct QpdfJson {
  Object::Ptr objects;
  Array::Ptr fields;

  explicit QpdfJson(const std::filesystem::path& pdf) {
    const auto json = probe::run("qpdf --json " + probe::quoted(pdf));
    REQUIRE(json.status == 0);
    const auto root = Poco::JSON::Parser().parse(json.out).extract<Object::Ptr>();
    objects = root->getArray("qpdf")->getObject(1);
    fields = root->getObject("acroform")->getArray("fields");
  }
  Object::Ptr value(const std::string& ref) const {
    return objects->getObject("obj:" + ref)->getObject("value");
  }
  Object::Ptr trailer() const { return objects->getObject("trailer")->getObject("value"); }
};

struct Field {
  std::string name, tooltip, type;
  int page = 0;
  int flags = 0;
  std::vector<double> rect;
  bool has_appearance = false;
  bool has_border_colour = false;
};

std::vector<Field> fields_of(const std::filesystem::path& pdf) {
  const QpdfJson json(pdf);
  std::vector<Field> out;
  for (std::size_t i = 0; i < json.fields->size(); ++i) {
    const auto f = json.fields->getObject(static_cast<unsigned>(i));
    Field field;
    field.name = f->getValue<std::string>("fullname");
    field.tooltip = f->getValue<std::string>("alternativename");
    field.type = f->getValue<std::string>("fieldtype");
    field.page = f->getValue<int>("pageposfrom1");
    const auto widget = json.value(f->getValue<std::string>("object"));
    field.flags = widget->getValue<int>("/F");
    const auto rect = widget->getArray("/Rect");
    for (std::size_t k = 0; k < rect->size(); ++k)
      field.rect.push_back(rect->getElement<double>(static_cast<unsigned>(k)));
    field.has_appearance = widget->has("/AP") && widget->getObject("/AP")->has("/N");
    field.has_border_colour = widget->has("/MK") && widget->getObject("/MK")->has("/BC");
    out.push_back(std::move(field));
  }
  return out;
}

std::string sha256_hex16(const std::string& text) {
  unsigned char digest[32];
  unsigned int size = 0;
  EVP_Digest(text.data(), text.size(), digest, &size, EVP_sha256(), nullptr);
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  for (int i = 0; i < 16; ++i) {
    out += digits[digest[i] >> 4];
    out += digits[digest[i] & 0xF];
  }
  return out;
}

std::string agreement_pdf(const RenderOptions& options) {
  const auto submission = samples::sample("alliance-agreement.valid.xml");
  return render_agreement(samples::form_of<model::AllianceAgreement>(submission),
                          samples::profile("miosha"), options);
}

}  // namespace

TEST_CASE("an agreement has one empty signature field per signature block, in block order",
          "[render][signing]") {
  const auto pdf = probe::write_file(agreement_pdf(samples::options()), "fields-agreement.pdf");
  REQUIRE(probe::run("qpdf --check " + probe::quoted(pdf)).status == 0);
  const auto fields = fields_of(pdf);
  REQUIRE(fields.size() == 3);
  CHECK(fields[0].name == "signature-1");
  CHECK(fields[1].name == "signature-2");
  CHECK(fields[2].name == "signature-3");
  // Exactly as the blocks print the signatories: the agency's two directors, then the partner.
  CHECK(fields[0].tooltip ==
        "Signature of Barton G. Pickelman, CIH, Director, Michigan Occupational Safety and Health "
        "Administration");
  CHECK(fields[1].tooltip ==
        "Signature of Tarah M. Kile, Director, Consultation Education and Training Division, "
        "Michigan Occupational Safety and Health Administration");
  CHECK(fields[2].tooltip ==
        "Signature of Colleen O'Rourke, President, Michigan Tree Care and Arborist Association");
  for (const auto& field : fields) {
    INFO(field.name);
    CHECK(field.type == "/Sig");
    CHECK(field.flags == 4);  // printed
    CHECK(field.has_appearance);
    CHECK(field.has_border_colour);
    CHECK(field.page == 3);
  }
  // Two blocks to a row: 1 left of 2 on one line, 3 under 1.
  CHECK(fields[0].rect[1] == Approx(fields[1].rect[1]));
  CHECK(fields[0].rect[0] < fields[1].rect[0]);
  CHECK(fields[2].rect[1] < fields[0].rect[1]);
  CHECK(fields[2].rect[0] == Approx(fields[0].rect[0]));

  // Each field sits on its signature line, above the "Signature" label printed under it, and
  // ends before the date part of the line.
  const auto words = probe::word_boxes(pdf);
  std::vector<probe::WordBox> labels;
  for (const auto& w : words)
    if (w.text == "Signature") labels.push_back(w);
  REQUIRE(labels.size() == 3);
  for (std::size_t i = 0; i < 3; ++i) {
    const double line_from_top = 792 - fields[i].rect[1];  // the rectangle's lower edge
    CHECK(labels[i].y_min > line_from_top);
    CHECK(labels[i].y_min - line_from_top < 6);
    CHECK(fields[i].rect[0] == Approx(labels[i].x_min).margin(1));
    CHECK(fields[i].rect[3] - fields[i].rect[1] >= 24);
  }
  std::vector<probe::WordBox> dates;
  for (const auto& w : words)
    if (w.text == "Date") dates.push_back(w);
  REQUIRE(dates.size() == 3);
  for (std::size_t i = 0; i < 3; ++i) CHECK(fields[i].rect[2] < dates[i].x_min);

  // poppler's pdfsig lists them as unsigned signature fields.
  const auto sig = probe::run("pdfsig " + probe::quoted(pdf)).out;
  CHECK(probe::count(sig, "The signature form field is not signed.") == 3);
}

TEST_CASE("a letter has one signature field for its signer, between Sincerely and the name",
          "[render][signing]") {
  const auto submission = samples::sample("declination-letter.valid.xml");
  const auto pdf = probe::write_file(
      render_declination_letter(samples::form_of<model::DeclinationLetter>(submission),
                                samples::profile("miosha"), samples::options()),
      "fields-letter.pdf");
  const auto fields = fields_of(pdf);
  REQUIRE(fields.size() == 1);
  CHECK(fields[0].name == "signature-1");
  CHECK(fields[0].tooltip ==
        "Signature of Division Director, Consultation Education and Training (CET) Division");
  CHECK(fields[0].flags == 4);
  double sincerely = 0, signer = 0;
  for (const auto& w : probe::word_boxes(pdf)) {
    if (w.text == "Sincerely,") sincerely = 792 - w.y_max;
    if (w.text == "Division" && signer == 0 && 792 - w.y_max < sincerely) signer = 792 - w.y_min;
  }
  CHECK(fields[0].rect[3] <= sincerely);
  CHECK(fields[0].rect[1] >= signer);
}

TEST_CASE("the trailer ID and the XMP document ID come from the document id", "[render][signing]") {
  auto options = samples::options();
  options.document_id = "20251009-0001/agreement.pdf";
  const auto pdf = probe::write_file(agreement_pdf(options), "identity.pdf");
  const QpdfJson json(pdf);
  const auto id = json.trailer()->getArray("/ID");
  REQUIRE(id->size() == 2);
  const std::string expected = "b:" + sha256_hex16(options.document_id);
  CHECK(id->getElement<std::string>(0) == expected);
  CHECK(id->getElement<std::string>(1) == expected);
  const auto xmp = probe::run("pdfinfo -meta " + probe::quoted(pdf)).out;
  CHECK(
      probe::has(xmp, "<xmpMM:DocumentID>formpipe:20251009-0001/agreement.pdf</xmpMM:DocumentID>"));
  CHECK(probe::has(xmp, "<formpipe:document>agreement</formpipe:document>"));

  // Without one, the identity follows the content: the same document twice has the same ID, a
  // different one another.
  const auto id_of = [](const std::string& bytes, const std::string& name) {
    return QpdfJson(probe::write_file(bytes, name))
        .trailer()
        ->getArray("/ID")
        ->getElement<std::string>(0);
  };
  const auto first = id_of(agreement_pdf(samples::options()), "derived-1.pdf");
  CHECK(first == id_of(agreement_pdf(samples::options()), "derived-2.pdf"));
  auto later = samples::options();
  later.creation_date = *core::Date::from_ymd(2025, 10, 10);
  CHECK(first != id_of(agreement_pdf(later), "derived-3.pdf"));
  CHECK(first != expected);
}

TEST_CASE("every agreement sample of each program and every letter sample has its fields",
          "[render][signing]") {
  // Each sample's signature lines, read from the page text ("Signature" under every line of an
  // agreement, the signer's one field in a letter), against its fields.
  const auto [sample, program] = GENERATE(table<const char*, const char*>({
      {"alliance-agreement.valid.xml", "miosha"},
      {"alliance-agreement.osha-national.valid.xml", "osha"},
      {"alliance-agreement.calosha-renewal.valid.xml", "calosha"},
      {"alliance-agreement.invalid.iowa-ambassador-no-worker-rep-three-years.xml", "iowa"},
      {"alliance-agreement.warning.osha-ambassador-without-renewal.xml", "osha"},
      {"declination-letter.valid.xml", "miosha"},
      {"expiration-termination-letter.valid.xml", "miosha"},
  }));
  INFO(sample);
  const auto submission = samples::sample(sample);
  REQUIRE(submission.profile == program);
  FormContext context;
  const model::AllianceProfile profile = samples::profile(program);
  context.alliance = &profile;
  const auto pdf = probe::write_file(render_form(submission, context, samples::options()),
                                     std::string("fields-") + program + ".pdf");
  REQUIRE(probe::run("qpdf --check " + probe::quoted(pdf)).status == 0);
  const auto fields = fields_of(pdf);
  const bool letter = std::string(sample).find("letter") != std::string::npos;
  std::size_t lines = 0;
  for (const auto& w : probe::word_boxes(pdf))
    if (w.text == "Signature") ++lines;
  CHECK(fields.size() == (letter ? 1 : lines));
  CHECK(fields.size() >= 1);
  for (std::size_t i = 0; i < fields.size(); ++i) {
    CHECK(fields[i].name == "signature-" + std::to_string(i + 1));
    CHECK(fields[i].type == "/Sig");
    CHECK(fields[i].tooltip.rfind("Signature of ", 0) == 0);
  }
}
