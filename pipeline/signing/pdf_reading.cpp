#include "pipeline/signing/pdf_reading.hpp"

#include <qpdf/Pipeline.hh>
#include <qpdf/QPDFAcroFormDocumentHelper.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFLogger.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>

#include <algorithm>
#include <cctype>
#include <ctime>
#include <map>
#include <new>
#include <set>
#include <utility>

#include "pipeline/pdfread/hardening.hpp"
#include "pipeline/signing/signing_error.hpp"

namespace pipeline::signing::detail {

namespace {

// How deep a form field tree may nest. Real ones are a few levels deep; a chain of thousands of
// kids overflows the stack of a recursive walk.
constexpr int kMaxFieldDepth = 64;

// Walks a field and its kids, collecting terminal signature fields. `type` is the inherited /FT.
void collect(QPDFObjectHandle node, const std::string& parent_name, std::string type, int depth,
             std::set<QPDFObjGen>& seen, std::vector<SignatureField>& out) {
  if (!node.isDictionary()) return;
  if (node.isIndirect() && !seen.insert(node.getObjGen()).second) return;  // a loop
  if (depth > kMaxFieldDepth)
    throw PdfError("not a readable PDF: its form fields nest more than " +
                   std::to_string(kMaxFieldDepth) + " levels deep");
  if (node.hasKey("/FT") && node.getKey("/FT").isName()) type = node.getKey("/FT").getName();
  std::string name = parent_name;
  if (node.hasKey("/T") && node.getKey("/T").isString()) {
    const std::string part = node.getKey("/T").getUTF8Value();
    name = name.empty() ? part : name + "." + part;
  }
  QPDFObjectHandle kids = node.getKey("/Kids");
  std::vector<QPDFObjectHandle> field_kids;
  std::vector<QPDFObjectHandle> widget_kids;
  if (kids.isArray()) {
    for (int i = 0; i < kids.getArrayNItems(); ++i) {
      QPDFObjectHandle kid = kids.getArrayItem(i);
      if (!kid.isDictionary()) continue;
      // A kid with /T is a field of its own; one without is a widget of this field.
      (kid.hasKey("/T") ? field_kids : widget_kids).push_back(kid);
    }
  }
  for (QPDFObjectHandle& kid : field_kids) collect(kid, name, type, depth + 1, seen, out);
  if (!field_kids.empty() || type != "/Sig") return;
  SignatureField field;
  field.name = name;
  if (node.getKey("/TU").isString()) field.tooltip = node.getKey("/TU").getUTF8Value();
  field.field = node;
  if (!widget_kids.empty())
    field.widget = widget_kids.front();
  else if (node.hasKey("/Rect") || node.getKey("/Subtype").isNameAndEquals("/Widget"))
    field.widget = node;
  QPDFObjectHandle value = node.getKey("/V");
  if (value.isDictionary()) {
    field.value = value;
    field.has_value = true;
  }
  out.push_back(std::move(field));
}

long long days_from_civil(long long y, unsigned m, unsigned d) {  // H. Hinnant's algorithm
  y -= m <= 2;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3u : 9u)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long long>(doe) - 719468;
}

}  // namespace

std::unique_ptr<QPDF> open_pdf(std::string_view bytes, bool* recovered) {
  const std::string_view head = bytes.substr(0, 1024);
  if (head.find("%PDF-") == std::string_view::npos)
    throw PdfError("not a PDF (no %PDF- header in its first 1024 bytes)");
  auto pdf = std::make_unique<QPDF>();
  // Warnings go to a counter, not to standard error.
  const std::shared_ptr<QPDFLogger> logger = QPDFLogger::create();
  logger->setWarn(std::make_shared<pdfread::WarningLimit<PdfError>>());
  pdf->setLogger(logger);
  // Every step reads the file: a damaged one throws at any of them (getRoot throws QPDFExc when
  // a reconstructed file has no /Root), not only in processMemoryFile.
  bool root_is_dictionary = false;
  with_pdf_errors([&] {
    pdf->processMemoryFile("input", bytes.data(), bytes.size());
    if (pdf->isEncrypted())
      throw PdfError("the PDF is encrypted; formpipe signs and verifies only unencrypted PDFs");
    root_is_dictionary = pdf->getRoot().isDictionary();
  });
  if (recovered) *recovered = pdf->anyWarnings();
  if (!root_is_dictionary) throw PdfError("not a readable PDF: it has no catalog");
  return pdf;
}

void rethrow_as_pdf_error() {
  try {
    throw;
  } catch (const core::Error&) {
    throw;  // PdfError already, or the environment failing (OpenSSL): as it is
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const QPDFExc& e) {
    throw PdfError(std::string("not a readable PDF: ") + e.getMessageDetail());
  } catch (const std::exception& e) {
    // QPDF's std::runtime_error and std::logic_error on input it cannot make sense of.
    throw PdfError(std::string("not a readable PDF: ") + e.what());
  }
}

std::vector<QPDFPageObjectHelper> all_pages(QPDF& pdf) {
  pdfread::check_page_tree<PdfError>(pdf);  // QPDF walks it recursively
  return QPDFPageDocumentHelper(pdf).getAllPages();
}

std::vector<SignatureField> signature_fields(QPDF& pdf) {
  std::vector<SignatureField> out;
  QPDFObjectHandle fields = pdf.getRoot().getKey("/AcroForm").getKey("/Fields");
  if (!fields.isArray()) return out;
  std::set<QPDFObjGen> seen;
  for (int i = 0; i < fields.getArrayNItems(); ++i)
    collect(fields.getArrayItem(i), "", "", 0, seen, out);
  if (out.empty()) return out;
  // Pages of the widgets: each page's /Annots, and the widget's /P as a fallback.
  std::map<QPDFObjGen, int> page_of;
  int number = 0;
  for (QPDFPageObjectHelper& page : all_pages(pdf)) {
    ++number;
    QPDFObjectHandle annots = page.getObjectHandle().getKey("/Annots");
    if (!annots.isArray()) continue;
    for (int i = 0; i < annots.getArrayNItems(); ++i) {
      QPDFObjectHandle annot = annots.getArrayItem(i);
      if (annot.isIndirect()) page_of.emplace(annot.getObjGen(), number);
    }
  }
  for (SignatureField& field : out) {
    if (field.widget.isInitialized() && field.widget.isIndirect()) {
      auto at = page_of.find(field.widget.getObjGen());
      if (at != page_of.end()) field.page = at->second;
    }
  }
  return out;
}

std::string pdf_date(std::chrono::system_clock::time_point time) {
  const std::time_t t = std::chrono::system_clock::to_time_t(time);
  std::tm utc{};
  gmtime_r(&t, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "D:%Y%m%d%H%M%SZ", &utc);
  return buffer;
}

bool parse_pdf_date(const std::string& text, long long& seconds) {
  std::size_t i = text.rfind("D:", 0) == 0 ? 2 : 0;
  const auto digits = [&](std::size_t n, int& value) {
    value = 0;
    for (std::size_t k = 0; k < n; ++k, ++i) {
      if (i >= text.size() || !std::isdigit(static_cast<unsigned char>(text[i]))) return false;
      value = value * 10 + (text[i] - '0');
    }
    return true;
  };
  int year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0;
  if (!digits(4, year)) return false;
  const auto optional = [&](int& value, int low, int high) {
    if (i >= text.size() || !std::isdigit(static_cast<unsigned char>(text[i]))) return true;
    return digits(2, value) && value >= low && value <= high;
  };
  if (!optional(month, 1, 12) || !optional(day, 1, 31) || !optional(hour, 0, 23) ||
      !optional(minute, 0, 59) || !optional(second, 0, 60))
    return false;
  long long offset = 0;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
    const int sign = text[i] == '+' ? 1 : -1;
    ++i;
    int oh = 0, om = 0;
    if (!digits(2, oh)) return false;
    if (i < text.size() && text[i] == '\'') ++i;
    if (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])) && !digits(2, om))
      return false;
    offset = sign * (oh * 3600LL + om * 60LL);
  }
  seconds =
      days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * 86400 +
      hour * 3600LL + minute * 60LL + second - offset;
  return true;
}

std::string iso_utc(long long seconds) {
  const auto t = static_cast<std::time_t>(seconds);
  std::tm utc{};
  gmtime_r(&t, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

std::string to_hex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (const char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    out += kDigits[b >> 4];
    out += kDigits[b & 15];
  }
  return out;
}

std::size_t last_startxref(std::string_view bytes) {
  const std::size_t at = bytes.rfind("startxref");
  if (at == std::string_view::npos) return std::string_view::npos;
  std::size_t i = at + 9;
  while (i < bytes.size() && std::isspace(static_cast<unsigned char>(bytes[i]))) ++i;
  std::size_t value = 0;
  bool any = false;
  while (i < bytes.size() && std::isdigit(static_cast<unsigned char>(bytes[i]))) {
    value = value * 10 + static_cast<std::size_t>(bytes[i] - '0');
    any = true;
    ++i;
  }
  return any ? value : std::string_view::npos;
}

}  // namespace pipeline::signing::detail
