// verify_pdf on damaged and hostile PDFs, each an input the fuzzer (tests/fuzz/fuzz_pdf.cpp)
// found, kept in tests/fuzz/corpus/pdf/: every one either gives a report or throws PdfError
// (FORMAT-PDF in the inbox), never another exception, a crash or a hang.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

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
