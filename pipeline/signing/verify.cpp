#include "pipeline/signing/verify.hpp"

#include <openssl/err.h>
#include <openssl/pem.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "pipeline/signing/cms.hpp"
#include "pipeline/signing/pdf_reading.hpp"

namespace pipeline::signing {

namespace {

namespace fs = std::filesystem;
using detail::SignatureField;

struct FreeBio {
  void operator()(BIO* p) const { BIO_free(p); }
};

// Adds every PEM certificate of `pem` to `store`; returns how many.
int add_pem(X509_STORE* store, std::string_view pem) {
  std::unique_ptr<BIO, FreeBio> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  int count = 0;
  while (X509* certificate = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)) {
    X509_STORE_add_cert(store, certificate);
    X509_free(certificate);
    ++count;
  }
  ERR_clear_error();  // the end of the text reads as an error
  return count;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw core::IoError(path.string(), "cannot be read");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::shared_ptr<TrustAnchors::Store> new_store(bool system) {
  auto store = std::make_shared<TrustAnchors::Store>();
  store->x509.reset(X509_STORE_new());
  store->system = system;
  if (!store->x509) throw core::Error("OpenSSL cannot make a certificate store");
  if (system) {
    X509_STORE_set_default_paths(store->x509.get());
    ERR_clear_error();
  }
  return store;
}

// ---- what changed after a signed revision --------------------------------------------------

bool same(QPDFObjectHandle a, QPDFObjectHandle b) {
  if (a.isStream() != b.isStream()) return false;
  if (a.isStream()) {
    if (a.getDict().unparse() != b.getDict().unparse()) return false;
    const auto da = a.getRawStreamData();
    const auto db = b.getRawStreamData();
    return da->getSize() == db->getSize() &&
           std::equal(da->getBuffer(), da->getBuffer() + da->getSize(), db->getBuffer());
  }
  return a.unparse() == b.unparse();
}

// The keys whose values differ between two dictionaries.
std::set<std::string> changed_keys(QPDFObjectHandle before, QPDFObjectHandle after) {
  std::set<std::string> keys;
  std::set<std::string> all = before.getKeys();
  for (const auto& key : after.getKeys()) all.insert(key);
  for (const auto& key : all)
    if (before.getKey(key).unparse() != after.getKey(key).unparse()) keys.insert(key);
  return keys;
}

// Whether an array entry (a /Fields or /Annots addition) is a signature field or its widget.
bool is_signature_field_or_widget(QPDFObjectHandle item) {
  for (int depth = 0; depth < 8 && item.isDictionary(); ++depth) {
    if (item.getKey("/FT").isName()) return item.getKey("/FT").getName() == "/Sig";
    item = item.getKey("/Parent");
  }
  return false;
}

// `after` keeps every entry of `before`, in order, and adds only signature fields or widgets.
bool grows_by_signatures(QPDFObjectHandle before, QPDFObjectHandle after) {
  if (!before.isArray()) before = QPDFObjectHandle::newArray();
  if (!after.isArray()) return false;
  const int old_count = before.getArrayNItems();
  if (after.getArrayNItems() < old_count) return false;
  for (int i = 0; i < old_count; ++i)
    if (before.getArrayItem(i).unparse() != after.getArrayItem(i).unparse()) return false;
  for (int i = old_count; i < after.getArrayNItems(); ++i)
    if (!is_signature_field_or_widget(after.getArrayItem(i))) return false;
  return true;
}

// Every indirect object reachable from `from` (a dictionary or array), into `out`. Without
// recursion: a chain of references can be as long as the file has objects.
void reachable(QPDFObjectHandle from, std::set<QPDFObjGen>& out) {
  std::vector<QPDFObjectHandle> todo{std::move(from)};
  while (!todo.empty()) {
    QPDFObjectHandle item = std::move(todo.back());
    todo.pop_back();
    if (item.isIndirect() && !out.insert(item.getObjGen()).second) continue;
    if (item.isStream()) item = item.getDict();
    if (item.isDictionary()) {
      for (const auto& key : item.getKeys()) todo.push_back(item.getKey(key));
    } else if (item.isArray()) {
      for (int i = 0; i < item.getArrayNItems(); ++i) todo.push_back(item.getArrayItem(i));
    }
  }
}

class ChangeCheck {
 public:
  ChangeCheck(QPDF& full, QPDF& before) : full_(full), before_(before) {
    int number = 0;
    for (QPDFPageObjectHelper& page : detail::all_pages(full))
      page_number_[page.getObjectHandle().getObjGen()] = ++number;
    // Signature fields that were empty in the signed revision may be signed later.
    for (SignatureField& field : detail::signature_fields(before)) {
      if (field.is_signed()) continue;
      if (field.field.isIndirect()) open_fields_.insert(field.field.getObjGen());
      if (field.widget.isInitialized() && field.widget.isIndirect()) {
        open_fields_.insert(field.widget.getObjGen());
        std::set<QPDFObjGen> appearance;
        reachable(field.widget.getKey("/AP"), appearance);
        free_objects_.insert(appearance.begin(), appearance.end());
      }
    }
    reachable(full.getRoot().getKey("/DSS"), free_objects_);
    QPDFObjectHandle metadata = full.getRoot().getKey("/Metadata");
    if (metadata.isIndirect()) free_objects_.insert(metadata.getObjGen());
    QPDFObjectHandle info = full.getTrailer().getKey("/Info");
    if (info.isIndirect()) free_objects_.insert(info.getObjGen());
    QPDFObjectHandle acroform = full.getRoot().getKey("/AcroForm");
    if (acroform.isIndirect()) acroform_ = acroform.getObjGen();
    QPDFObjectHandle fields = acroform.getKey("/Fields");
    if (fields.isIndirect()) fields_array_ = fields.getObjGen();
  }

  // What is wrong with object `id` having changed ("" when the change is permitted).
  std::string check(QPDFObjGen id) {
    QPDFObjectHandle before = before_.getObject(id);
    QPDFObjectHandle after = full_.getObject(id);
    if (before.isNull()) return "";  // a new object: judged where it is referenced
    if (same(before, after) || free_objects_.count(id)) return "";
    const std::string what = describe(id, after);
    if (after.isStream() || before.isStream() || !after.isDictionary() || !before.isDictionary()) {
      if (after.isArray() && before.isArray() && annots_arrays().count(id) &&
          grows_by_signatures(before, after))
        return "";
      if (after.isArray() && before.isArray() && id == fields_array_ &&
          grows_by_signatures(before, after))
        return "";
      return what + " changed";
    }
    std::set<std::string> keys = changed_keys(before, after);
    if (open_fields_.count(id)) {
      for (const char* key : {"/V", "/AP", "/AS", "/M", "/F", "/MK", "/DA", "/P"}) keys.erase(key);
    }
    if (id == acroform_) check_acroform(before, after, keys);
    if (id == full_.getRoot().getObjGen()) {
      for (const char* key : {"/DSS", "/Extensions"}) keys.erase(key);
      if (keys.count("/AcroForm") && !acroform_.isIndirect()) {
        std::set<std::string> inner =
            changed_keys(before.getKey("/AcroForm"), after.getKey("/AcroForm"));
        check_acroform(before.getKey("/AcroForm"), after.getKey("/AcroForm"), inner);
        if (inner.empty()) keys.erase("/AcroForm");
      }
    }
    if (page_number_.count(id) && keys.count("/Annots") &&
        grows_by_signatures(before.getKey("/Annots"), after.getKey("/Annots")))
      keys.erase("/Annots");
    if (keys.empty()) return "";
    std::string list;
    for (const auto& key : keys) list += (list.empty() ? "" : ", ") + key;
    return what + " changed (" + list + ")";
  }

 private:
  void check_acroform(QPDFObjectHandle before, QPDFObjectHandle after,
                      std::set<std::string>& keys) {
    keys.erase("/SigFlags");
    keys.erase("/DR");
    if (keys.count("/Fields") &&
        grows_by_signatures(before.getKey("/Fields"), after.getKey("/Fields")))
      keys.erase("/Fields");
  }

  // Indirect /Annots arrays of pages.
  const std::set<QPDFObjGen>& annots_arrays() {
    if (!annots_done_) {
      for (QPDFPageObjectHelper& page : detail::all_pages(full_)) {
        QPDFObjectHandle annots = page.getObjectHandle().getKey("/Annots");
        if (annots.isIndirect()) annots_.insert(annots.getObjGen());
      }
      annots_done_ = true;
    }
    return annots_;
  }

  std::string describe(QPDFObjGen id, QPDFObjectHandle object) const {
    const std::string number = std::to_string(id.getObj()) + " " + std::to_string(id.getGen());
    if (auto at = page_number_.find(id); at != page_number_.end())
      return "page " + std::to_string(at->second) + " (object " + number + ")";
    if (id == full_.getRoot().getObjGen()) return "the document catalog (object " + number + ")";
    if (id == acroform_) return "the form (object " + number + ")";
    QPDFObjectHandle dict = object.isStream() ? object.getDict() : object;
    if (dict.isDictionary() && dict.getKey("/T").isString())
      return "form field " + dict.getKey("/T").getUTF8Value() + " (object " + number + ")";
    if (dict.isDictionary() && dict.getKey("/Type").isName())
      return "a " + dict.getKey("/Type").getName().substr(1) + " object (" + number + ")";
    return std::string(object.isStream() ? "stream" : "object") + " " + number;
  }

  QPDF& full_;
  QPDF& before_;
  std::map<QPDFObjGen, int> page_number_;
  std::set<QPDFObjGen> open_fields_;
  std::set<QPDFObjGen> free_objects_;
  QPDFObjGen acroform_;
  QPDFObjGen fields_array_;
  std::set<QPDFObjGen> annots_;
  bool annots_done_ = false;
};

// What `full` changed after `end` beyond the permitted changes, `before` being the file up to
// there; "" for nothing.
std::string changes_after(std::size_t end, QPDF& full, QPDF& before) {
  if (full.getTrailer().getKey("/Root").getObjGen() !=
      before.getTrailer().getKey("/Root").getObjGen())
    return "the document catalog was replaced";
  // Objects written after the revision: at an offset past it, or in an object stream that is.
  const std::map<QPDFObjGen, QPDFXRefEntry> xref = full.getXRefTable();
  std::map<int, qpdf_offset_t> stream_offset;
  for (const auto& [id, entry] : xref)
    if (entry.getType() == 1) stream_offset[id.getObj()] = entry.getOffset();
  ChangeCheck check(full, before);
  std::vector<std::string> found;
  for (const auto& [id, entry] : xref) {
    qpdf_offset_t at = -1;
    if (entry.getType() == 1) at = entry.getOffset();
    if (entry.getType() == 2) {
      auto s = stream_offset.find(entry.getObjStreamNumber());
      if (s != stream_offset.end()) at = s->second;
    }
    if (at < 0 || static_cast<std::size_t>(at) < end) continue;
    std::string problem = check.check(id);
    if (!problem.empty()) found.push_back(std::move(problem));
  }
  std::string text;
  for (std::size_t i = 0; i < found.size() && i < 3; ++i) text += (i ? "; " : "") + found[i];
  if (found.size() > 3) text += "; and " + std::to_string(found.size() - 3) + " more";
  return text;
}

// What the file changed after `end` beyond the permitted changes; "" for nothing. A revision or
// an update that QPDF cannot read counts as a change (the signature cannot be shown to hold).
std::string modifications_after(std::string_view pdf, std::size_t end, QPDF& full) {
  std::unique_ptr<QPDF> before;
  try {
    before = detail::open_pdf(pdf.substr(0, end));
  } catch (const PdfError& e) {
    return std::string("the signed revision cannot be read on its own: ") + e.what();
  }
  try {
    return detail::with_pdf_errors([&] { return changes_after(end, full, *before); });
  } catch (const PdfError& e) {
    return std::string("what changed after signing cannot be read: ") + e.what();
  }
}

// ---- one signature ------------------------------------------------------------------------

bool read_byte_range(QPDFObjectHandle array, std::size_t size, std::size_t range[4]) {
  if (!array.isArray() || array.getArrayNItems() != 4) return false;
  for (int i = 0; i < 4; ++i) {
    QPDFObjectHandle item = array.getArrayItem(i);
    if (!item.isInteger() || item.getIntValue() < 0) return false;
    range[i] = static_cast<std::size_t>(item.getIntValue());
  }
  return range[0] == 0 && range[1] <= range[2] && range[2] <= size && range[3] <= size - range[2];
}

// Whether `end` is a revision's end: just after a %%EOF, with or without its end of line.
bool ends_revision(std::string_view pdf, std::size_t end, const std::vector<std::size_t>& ends) {
  if (std::find(ends.begin(), ends.end(), end) != ends.end()) return true;
  return end >= 5 && pdf.substr(end - 5, 5) == "%%EOF";
}

SignatureReport check_signature(std::string_view pdf, QPDF& doc, const SignatureField& field,
                                const TrustAnchors& anchors, const std::vector<std::size_t>& ends) {
  SignatureReport report;
  report.field = field.name;
  report.tooltip = field.tooltip;
  report.page = field.page;
  QPDFObjectHandle sig = field.value;
  if (sig.getKey("/SubFilter").isName())
    report.sub_filter = sig.getKey("/SubFilter").getName().substr(1);
  QPDFObjectHandle reference = sig.getKey("/Reference");
  for (int i = 0; reference.isArray() && i < reference.getArrayNItems(); ++i) {
    QPDFObjectHandle item = reference.getArrayItem(i);
    if (!item.getKey("/TransformMethod").isNameAndEquals("/DocMDP")) continue;
    report.certification = true;
    QPDFObjectHandle p = item.getKey("/TransformParams").getKey("/P");
    report.docmdp_permission = p.isInteger() ? p.getIntValueAsInt() : 2;
  }

  long long claimed = -1;
  if (sig.getKey("/M").isString()) {
    long long seconds = 0;
    if (detail::parse_pdf_date(sig.getKey("/M").getUTF8Value(), seconds)) claimed = seconds;
  }

  std::size_t range[4];
  if (!read_byte_range(sig.getKey("/ByteRange"), pdf.size(), range)) {
    report.problem = "its /ByteRange is missing or does not lie within the file";
    return report;
  }
  const std::size_t end = range[2] + range[3];
  report.revision_end = end;
  const std::string_view hole = pdf.substr(range[1], range[2] - range[1]);
  const bool hole_is_contents = hole.size() >= 2 && hole.front() == '<' && hole.back() == '>';
  report.covers_revision = hole_is_contents && ends_revision(pdf, end, ends);

  std::string contents;
  if (sig.getKey("/Contents").isString()) contents = sig.getKey("/Contents").getStringValue();
  // A CMS OpenSSL cannot even set up for checking (an unknown digest algorithm) is a signature
  // that does not verify, said as such, never an error that stops the whole file.
  detail::CmsCheck cms;
  try {
    cms = detail::cms_check(contents, {pdf.substr(0, range[1]), pdf.substr(range[2], range[3])},
                            anchors, claimed);
  } catch (const core::Error& e) {
    cms = detail::CmsCheck{};
    cms.problem = std::string("its CMS cannot be checked: ") + e.what();
  }
  report.intact = cms.digest_matches && cms.signature_verifies;
  report.problem = cms.problem;
  if (report.problem.empty() && !hole_is_contents)
    report.problem = "its byte range leaves out more than its /Contents";
  else if (report.problem.empty() && !report.covers_revision)
    report.problem = "its byte range does not end at the end of a revision";
  report.signer_name = cms.signer_name;
  report.signer_email = cms.signer_email;
  report.key_usage_ok = cms.key_usage_ok;
  report.trusted = cms.trusted;
  report.trust_problem = cms.trust_problem;
  if (cms.have_signing_time) report.cms_signing_time = detail::iso_utc(cms.signing_time);
  const long long when = claimed >= 0 ? claimed : cms.have_signing_time ? cms.signing_time : -1;
  if (when >= 0) {
    report.signing_time = detail::iso_utc(when);
    report.signing_date = core::Date::from_days(when >= 0 ? when / 86400 : 0);
  }

  if (end < pdf.size() && report.covers_revision) {
    report.modification = modifications_after(pdf, end, doc);
    report.modified_after = !report.modification.empty();
  }
  return report;
}

}  // namespace

TrustAnchors::TrustAnchors() {
  static const std::shared_ptr<const Store> system = new_store(true);
  store_ = system;
}

TrustAnchors TrustAnchors::load(const std::vector<fs::path>& paths) {
  auto store = new_store(false);
  for (const fs::path& path : paths) {
    std::error_code ec;
    int count = 0;
    if (fs::is_directory(path, ec)) {
      std::vector<fs::path> files;
      for (const auto& entry : fs::directory_iterator(path)) {
        const std::string ext = entry.path().extension().string();
        if (entry.is_regular_file() && (ext == ".pem" || ext == ".crt"))
          files.push_back(entry.path());
      }
      std::sort(files.begin(), files.end());
      for (const auto& file : files) count += add_pem(store->x509.get(), read_file(file));
    } else {
      count = add_pem(store->x509.get(), read_file(path));
    }
    if (count == 0) throw core::IoError(path.string(), "holds no PEM certificate");
  }
  TrustAnchors anchors;
  anchors.store_ = std::move(store);
  return anchors;
}

TrustAnchors TrustAnchors::from_pem(std::string_view pem) {
  auto store = new_store(false);
  if (add_pem(store->x509.get(), pem) == 0) throw core::Error("no PEM certificate in the text");
  TrustAnchors anchors;
  anchors.store_ = std::move(store);
  return anchors;
}

TrustAnchors TrustAnchors::none() {
  TrustAnchors anchors;
  anchors.store_ = new_store(false);
  return anchors;
}

bool TrustAnchors::is_system() const {
  return store_->system;
}

int Verification::exit_status() const {
  if (signatures.empty()) return 1;
  for (const SignatureReport& s : signatures)
    if (!s.is_valid()) return 1;
  return 0;
}

std::vector<std::size_t> revision_ends(std::string_view pdf) {
  std::vector<std::size_t> ends;
  for (std::size_t at = pdf.find("%%EOF"); at != std::string_view::npos;
       at = pdf.find("%%EOF", at + 5)) {
    std::size_t end = at + 5;
    if (end < pdf.size() && pdf[end] == '\r') ++end;
    if (end < pdf.size() && pdf[end] == '\n') ++end;
    ends.push_back(end);
  }
  return ends;
}

Verification verify_pdf(std::string_view pdf, const TrustAnchors& anchors) {
  const std::unique_ptr<QPDF> doc = detail::open_pdf(pdf);
  Verification verification;
  verification.revision_ends = revision_ends(pdf);
  // QPDF reads objects as they are asked for: a damaged file can throw at any step.
  detail::with_pdf_errors([&] {
    QPDFObjectHandle id = doc->getTrailer().getKey("/ID");
    if (id.isArray() && id.getArrayNItems() > 0 && id.getArrayItem(0).isString())
      verification.document_id_hex = detail::to_hex(id.getArrayItem(0).getStringValue());
    for (const SignatureField& field : detail::signature_fields(*doc)) {
      if (!field.is_signed()) {
        verification.unsigned_fields.push_back({field.name, field.tooltip, field.page});
        continue;
      }
      verification.signatures.push_back(
          check_signature(pdf, *doc, field, anchors, verification.revision_ends));
    }
  });
  return verification;
}

}  // namespace pipeline::signing
