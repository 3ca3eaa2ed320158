// libFuzzer target: any bytes through ingest::ingest_pdf, the reader of filled PDF forms
// (pdf-forms.md §3). Reading a hostile or broken PDF must never crash, hang, leak or trip a
// sanitizer, and never throw: it is a form read into a model, a signed document left to the
// signed-copy reader (nothing read), or unreadable with exactly one FORMAT-PDF finding.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "pipeline/ingest/ingest.hpp"

namespace ingest = pipeline::ingest;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view pdf(reinterpret_cast<const char*>(data), size);
  const ingest::PdfIngested out = ingest::ingest_pdf(pdf, "form.pdf", ingest::Options{});
  if (out.signed_document) {
    if (!out.ingested.findings.empty() || out.ingested.submission) __builtin_trap();
    return 0;
  }
  if (out.ingested.unreadable) {
    if (out.ingested.findings.size() != 1 || out.ingested.findings[0].rule != "FORMAT-PDF" ||
        out.ingested.submission)
      __builtin_trap();
    return 0;
  }
  // Read: a model, or a profile the kind does not allow (FORMAT-PROFILE).
  if (!out.ingested.submission && out.ingested.findings.empty()) __builtin_trap();
  return 0;
}
