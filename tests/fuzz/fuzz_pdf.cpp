// libFuzzer target: any bytes through signing::verify_pdf (with no trust anchors, as the inbox
// verifies a signed copy) and signing::revision_ends. Reading a hostile or broken PDF must never
// crash, hang, leak or trip a sanitizer: it either gives a Verification or throws PdfError (not
// a readable PDF: FORMAT-PDF in the inbox). Anything else escaping is a bug; core::Error is
// allowed only for an environment failure (OpenSSL unable to make a digest or a store).
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "pipeline/signing/verify.hpp"

namespace signing = pipeline::signing;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const signing::TrustAnchors anchors = signing::TrustAnchors::none();
  const std::string_view pdf(reinterpret_cast<const char*>(data), size);
  const std::vector<std::size_t> ends = signing::revision_ends(pdf);
  for (std::size_t i = 0; i < ends.size(); ++i) {
    if (ends[i] > size || (i > 0 && ends[i] <= ends[i - 1])) __builtin_trap();
  }
  try {
    const signing::Verification verification = signing::verify_pdf(pdf, anchors);
    if (verification.revision_ends != ends) __builtin_trap();
    for (const signing::SignatureReport& s : verification.signatures) {
      if (s.trusted) __builtin_trap();  // nothing is trusted without anchors
      if (s.revision_end > size) __builtin_trap();
      if (s.is_valid()) __builtin_trap();
    }
    (void)verification.exit_status();
  } catch (const signing::PdfError&) {
    // not a readable PDF: what the inbox reports as FORMAT-PDF
  }
  return 0;
}
