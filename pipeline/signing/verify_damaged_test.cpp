// verify_pdf on damaged and hostile PDFs, each an input the fuzzer (tests/fuzz/fuzz_pdf.cpp)
// found, kept in tests/fuzz/corpus/pdf/: every one either gives a report or throws PdfError
// (FORMAT-PDF in the inbox), never another exception, a crash or a hang.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "pipeline/signing/signing_test_support.hpp"
#include "pipeline/signing/verify.hpp"

using namespace pipeline;
using namespace pipeline::signing;
namespace t = pipeline::signing::testing;

namespace {

std::string corpus(const std::string& name) {
  const auto path = std::filesystem::path(FORMPIPE_SOURCE_DIR) / "tests/fuzz/corpus/pdf" / name;
  REQUIRE(std::filesystem::exists(path));
  return t::read_file(path);
}

// The message of the PdfError verify_pdf throws for `pdf` ("" when it throws none).
std::string pdf_error(const std::string& pdf) {
  try {
    verify_pdf(pdf, TrustAnchors::none());
  } catch (const PdfError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("a file whose trailer has no /Root is not a readable PDF", "[signing][fuzz]") {
  // QPDF reconstructs the cross-reference table, finds no catalog and throws QPDFExc from
  // getRoot(), after processMemoryFile succeeded: it escaped verify_pdf as QPDFExc.
  const std::string pdf = corpus("trailer-without-root.pdf");
  CHECK(pdf_error(pdf) == "not a readable PDF: unable to find /Root dictionary");
}

namespace {

// A PDF whose object N is objects[N - 1], with a classic cross-reference table; /Root 1 0 R.
std::string plain_pdf(const std::vector<std::string>& objects) {
  std::string out = "%PDF-1.7\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref = out.size();
  out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  char row[32];
  for (const std::size_t offset : offsets) {
    std::snprintf(row, sizeof row, "%010zu 00000 n \n", offset);
    out += row;
  }
  out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
         " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return out;
}

// The same, as signatures_fields and the page walk see it: a catalog, a page tree of `depth`
// levels (each /Pages node with one kid) and one empty signature field.
std::string deep_page_tree(int depth) {
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [3 0 R] >> >>",
      "<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
      "<< /T (s) /FT /Sig /Rect [0 0 1 1] /Subtype /Widget >>"};
  for (int i = 0; i < depth; ++i) {
    objects.push_back(i + 1 < depth
                          ? "<< /Type /Pages /Kids [" + std::to_string(5 + i) + " 0 R] /Count 1 >>"
                          : "<< /Type /Page /MediaBox [0 0 612 792] >>");
  }
  return plain_pdf(objects);
}

}  // namespace

TEST_CASE("form fields nested thousands deep are not a readable PDF", "[signing][fuzz]") {
  // collect() walked /Kids recursively: 8000 levels (one field in an object stream each)
  // overflowed the stack.
  const std::string pdf = corpus("form-fields-8000-deep.pdf");
  CHECK(pdf_error(pdf) == "not a readable PDF: its form fields nest more than 64 levels deep");
  // 64 levels are still read: the signature field at the bottom has the full name.
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [4 0 R] >> >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"};
  for (int i = 0; i <= 64; ++i)
    objects.push_back(i < 64 ? "<< /T (f) /Kids [" + std::to_string(5 + i) + " 0 R] >>"
                             : "<< /T (s) /FT /Sig >>");
  const Verification verification = verify_pdf(plain_pdf(objects), TrustAnchors::none());
  REQUIRE(verification.unsigned_fields.size() == 1);
  CHECK(verification.unsigned_fields[0].name.size() == 64 * 2 + 1);  // "f.f. ... .f.s"
}

TEST_CASE("a page tree nested thousands deep is not a readable PDF", "[signing][fuzz]") {
  // QPDF 11.3's getAllPages recurses once per level: 25000 levels overflowed the stack inside
  // QPDF. The depth is now measured first, without recursion.
  CHECK(pdf_error(deep_page_tree(25000)) ==
        "not a readable PDF: its page tree nests more than 256 levels deep");
  CHECK(pdf_error(deep_page_tree(300)) ==
        "not a readable PDF: its page tree nests more than 256 levels deep");
  const Verification shallow = verify_pdf(deep_page_tree(200), TrustAnchors::none());
  REQUIRE(shallow.unsigned_fields.size() == 1);
  CHECK(shallow.unsigned_fields[0].page == 0);  // its widget is in no page's /Annots
}

TEST_CASE("a CMS whose digest OpenSSL cannot set up is not intact, and nothing leaks",
          "[signing][fuzz]") {
  // A signed agreement with its /Contents changed: CMS_verify's CMS_dataInit fails, and OpenSSL
  // 3.0 leaked the copy it makes of a memory BIO (LeakSanitizer, in the asan-ubsan preset).
  const Verification v = verify_pdf(corpus("cms-digest-init-fails-leak.pdf"), TrustAnchors::none());
  REQUIRE(v.signatures.size() == 1);
  CHECK(v.signatures[0].field == "signature-2");
  CHECK_FALSE(v.signatures[0].intact);
  CHECK(v.signatures[0].problem == "digest mismatch: the signed bytes were changed after signing");
  CHECK(v.unsigned_fields.size() == 2);
}

TEST_CASE("a damaged object stream of thousands of objects stops at the warning limit",
          "[signing][fuzz]") {
  // 4000 fields in one object stream with bytes changed in the middle: QPDF 11.3 parses the
  // stream again for every object it is asked for, warning each time (qpdf --check gives 1.7
  // million warnings in 50 s). Past 500 warnings the reading stops.
  CHECK(pdf_error(corpus("object-stream-damaged-4000-objects.pdf")) ==
        "not a readable PDF: damaged beyond repair (more than 500 problems found reading it)");
}

TEST_CASE("a PDF with a few problems QPDF repairs is still read", "[signing][fuzz]") {
  // The cross-reference table points nowhere: QPDF reconstructs it, with a few warnings.
  std::string pdf = t::with_signature_fields(t::small_pdf(), 2, false);
  const std::size_t at = pdf.rfind("startxref\n");
  REQUIRE(at != std::string::npos);
  pdf = pdf.substr(0, at) + "startxref\n12\n%%EOF\n";
  const Verification v = verify_pdf(pdf, TrustAnchors::none());
  CHECK(v.signatures.empty());
  REQUIRE(v.unsigned_fields.size() == 2);
  CHECK(v.unsigned_fields[0].name == "signature-1");
  CHECK(v.unsigned_fields[0].page == 1);
}
