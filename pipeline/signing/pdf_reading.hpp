#pragma once
//! Internal to signing: a PDF opened with QPDF from memory, its signature fields, and the small
//! text conventions of PDF (dates, hex) that sign and verify share.

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace pipeline::signing::detail {

// Opens `bytes` (which must outlive the result) with QPDF. Throws PdfError when they are not a
// PDF, cannot be parsed, or are encrypted. `recovered` is set when QPDF had to reconstruct a
// damaged cross-reference table.
std::unique_ptr<QPDF> open_pdf(std::string_view bytes, bool* recovered = nullptr);

// Inside a catch block: rethrows what QPDF throws on input it cannot read (QPDFExc, its
// std::runtime_error and std::logic_error) as PdfError; core::Error (PdfError included) and
// std::bad_alloc as they are.
[[noreturn]] void rethrow_as_pdf_error();

// Runs `read` (anything reading a PDF with QPDF), turning QPDF's exceptions into PdfError.
template <typename Read>
decltype(auto) with_pdf_errors(Read&& read) {
  try {
    return read();
  } catch (...) {
    rethrow_as_pdf_error();
  }
}

// The pages in order, as QPDFPageDocumentHelper::getAllPages gives them. Throws PdfError for a
// page tree nested too deep for QPDF to walk.
std::vector<QPDFPageObjectHelper> all_pages(QPDF& pdf);

struct SignatureField {
  std::string name;     // fully qualified
  std::string tooltip;  // /TU as UTF-8
  QPDFObjectHandle field;
  QPDFObjectHandle widget;  // its first widget annotation (null when it has none)
  int page = 0;             // 1-based page of the widget, 0 when on no page
  QPDFObjectHandle value;   // /V: the signature dictionary, null when empty
  bool has_value = false;   // /V is a dictionary: the field is signed
  bool is_signed() const { return has_value; }
};

// Every signature field (/FT /Sig, inherited or not) under /AcroForm /Fields, kids included, in
// document order.
std::vector<SignatureField> signature_fields(QPDF& pdf);

// "D:20251009140300Z" for `time`, in UTC.
std::string pdf_date(std::chrono::system_clock::time_point time);
// Seconds since 1970 of a PDF date string ("D:YYYYMMDDHHmmSSOHH'mm'", prefix optional, every
// part after the year optional); false when it does not parse.
bool parse_pdf_date(const std::string& text, long long& seconds);
// "2025-10-09T14:03:00Z".
std::string iso_utc(long long seconds);

std::string to_hex(std::string_view bytes);

// Where the trailing "startxref N" of `bytes` points (npos when there is none).
std::size_t last_startxref(std::string_view bytes);

}  // namespace pipeline::signing::detail
