#include "pipeline/signing/sign.hpp"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pkcs12.h>

#include <qpdf/QPDFObjectHandle.hh>

#include <algorithm>
#include <ctime>

#include "pipeline/signing/appearance.hpp"
#include "pipeline/signing/cms.hpp"
#include "pipeline/signing/incremental_update.hpp"
#include "pipeline/signing/pdf_reading.hpp"

namespace pipeline::signing {

namespace {

using detail::dictionary_with;
using detail::reference;

struct FreePkcs12 {
  void operator()(PKCS12* p) const { PKCS12_free(p); }
};
struct FreeBio {
  void operator()(BIO* p) const { BIO_free(p); }
};

// "signature-1 (signed), signature-2, signature-3" for the messages that name the fields.
std::string field_list(const std::vector<detail::SignatureField>& fields) {
  if (fields.empty()) return "it has no signature fields";
  std::string list = "its signature fields: ";
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) list += ", ";
    list += fields[i].name;
    if (fields[i].is_signed()) list += " (signed)";
  }
  return list;
}

const detail::SignatureField& chosen_field(const std::vector<detail::SignatureField>& fields,
                                           const SignOptions& options) {
  if (options.field) {
    for (const auto& field : fields) {
      if (field.name != *options.field) continue;
      if (field.is_signed())
        throw SignError("field " + *options.field + " is already signed; " + field_list(fields));
      return field;
    }
    throw SignError("no signature field named " + *options.field + "; " + field_list(fields));
  }
  for (const auto& field : fields)
    if (!field.is_signed()) return field;
  throw SignError("no empty signature field to sign; " + field_list(fields));
}

std::string text_string(const std::string& utf8) {
  return QPDFObjectHandle::newUnicodeString(utf8).unparse();
}

std::string date_line(std::chrono::system_clock::time_point time) {
  const std::time_t t = std::chrono::system_clock::to_time_t(time);
  std::tm utc{};
  gmtime_r(&t, &utc);
  char buffer[48];
  std::strftime(buffer, sizeof buffer, "Date: %Y-%m-%d %H:%M UTC", &utc);
  return buffer;
}

// The widget's width and height from its /Rect.
std::pair<double, double> widget_size(QPDFObjectHandle widget) {
  QPDFObjectHandle rect = widget.getKey("/Rect");
  if (!rect.isRectangle()) return {0, 0};
  const QPDFObjectHandle::Rectangle r = rect.getArrayAsRectangle();
  return {std::abs(r.urx - r.llx), std::abs(r.ury - r.lly)};
}

// Hex digits reserved for the CMS: its certificates, the signature, and room for attributes.
std::size_t contents_reserve(const Signer::Keys& keys) {
  const auto signature = static_cast<std::size_t>(EVP_PKEY_get_size(keys.key.get()));
  return 2 * (keys.der_size + signature + 2048);
}

}  // namespace

Signer::Signer(std::shared_ptr<const Keys> keys) : keys_(std::move(keys)) {}
const std::string& Signer::name() const {
  return keys_->name;
}
const std::string& Signer::email() const {
  return keys_->email;
}

Signer load_signer(std::string_view pkcs12, const std::string& password) {
  std::unique_ptr<BIO, FreeBio> bio(
      BIO_new_mem_buf(pkcs12.data(), static_cast<int>(pkcs12.size())));
  std::unique_ptr<PKCS12, FreePkcs12> p12(d2i_PKCS12_bio(bio.get(), nullptr));
  if (!p12) {
    ERR_clear_error();
    throw SignError("the key file is not a PKCS#12 (.p12/.pfx) file");
  }
  const char* pass = password.c_str();
  if (PKCS12_mac_present(p12.get()) &&
      PKCS12_verify_mac(p12.get(), pass, static_cast<int>(password.size())) != 1) {
    // An empty password may have been stored as "no password".
    if (!password.empty() || PKCS12_verify_mac(p12.get(), nullptr, 0) != 1) {
      ERR_clear_error();
      throw SignError("wrong password for the PKCS#12 key file");
    }
    pass = nullptr;
  }
  EVP_PKEY* key = nullptr;
  X509* certificate = nullptr;
  STACK_OF(X509)* chain = nullptr;
  if (PKCS12_parse(p12.get(), pass, &key, &certificate, &chain) != 1) {
    const unsigned long code = ERR_peek_last_error();
    const char* reason = code ? ERR_reason_error_string(code) : nullptr;
    ERR_clear_error();
    throw SignError(std::string("cannot read the PKCS#12 key file") +
                    (reason ? std::string(": ") + reason : std::string()) +
                    " (a file made with old algorithms needs 'openssl pkcs12 -export' again)");
  }
  auto keys = std::make_shared<Signer::Keys>();
  keys->key.reset(key);
  keys->certificate.reset(certificate);
  keys->chain.reset(chain ? chain : sk_X509_new_null());
  if (!key || !certificate)
    throw SignError("the PKCS#12 key file holds no private key with its certificate");
  if (X509_check_private_key(certificate, key) != 1) {
    ERR_clear_error();
    throw SignError("the PKCS#12 key file's private key does not belong to its certificate");
  }
  keys->name = detail::common_name(certificate);
  keys->email = detail::email_address(certificate);
  if (!detail::key_usage_allows_signing(certificate))
    throw SignError("the certificate of " + keys->name +
                    " may not sign documents: its key usage allows neither digitalSignature "
                    "nor nonRepudiation");
  keys->der_size = static_cast<std::size_t>(i2d_X509(certificate, nullptr));
  for (int i = 0; i < sk_X509_num(keys->chain.get()); ++i)
    keys->der_size +=
        static_cast<std::size_t>(i2d_X509(sk_X509_value(keys->chain.get(), i), nullptr));
  return Signer(std::move(keys));
}

std::string sign_pdf(std::string_view pdf, const Signer& signer, const SignOptions& options) {
  if (!options.fonts) throw core::Error("sign_pdf needs the fonts for the signature's appearance");
  bool recovered = false;
  const std::unique_ptr<QPDF> doc = detail::open_pdf(pdf, &recovered);
  if (recovered)
    throw PdfError(
        "the PDF is damaged (its cross-reference table had to be rebuilt); "
        "an incremental update to it would not be readable");
  const std::vector<detail::SignatureField> fields = detail::signature_fields(*doc);
  detail::SignatureField field = chosen_field(fields, options);
  if (options.certify) {
    for (const auto& other : fields)
      if (other.is_signed())
        throw SignError("--certify is for the first signature only, and " + other.name +
                        " is already signed");
  }
  if (!field.field.isIndirect() || !field.widget.isInitialized() || !field.widget.isIndirect())
    throw SignError("field " + field.name + " has no widget annotation of its own to sign in");
  QPDFObjectHandle catalog = doc->getRoot();
  QPDFObjectHandle acroform = catalog.getKey("/AcroForm");

  detail::IncrementalUpdate update(pdf, *doc);
  const int signature = update.reserve();

  // The visible appearance, sized to the widget.
  const auto [width, height] = widget_size(field.widget);
  const std::vector<std::string> lines = {"Digitally signed by " + signer.name(),
                                          date_line(options.signing_time)};
  const int appearance = detail::write_appearance(update, *options.fonts, width, height, lines);

  // The signature dictionary, /ByteRange and /Contents filled in once the file is complete.
  const std::size_t reserve = contents_reserve(signer.keys());
  std::string sig = "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached";
  const std::size_t byte_range_at = sig.size() + 12;  // after " /ByteRange "
  sig += " /ByteRange " + std::string(48, ' ');
  const std::size_t contents_at = sig.size() + 11;  // after " /Contents "
  sig += " /Contents <" + std::string(reserve, '0') + ">";
  sig += " /M " + text_string(detail::pdf_date(options.signing_time));
  if (!signer.name().empty()) sig += " /Name " + text_string(signer.name());
  if (!options.reason.empty()) sig += " /Reason " + text_string(options.reason);
  if (!options.location.empty()) sig += " /Location " + text_string(options.location);
  if (!options.contact.empty()) sig += " /ContactInfo " + text_string(options.contact);
  if (options.certify)
    sig +=
        " /Reference [<< /Type /SigRef /TransformMethod /DocMDP /TransformParams"
        " << /Type /TransformParams /P 2 /V /1.2 >> >>]";
  sig += " /Prop_Build << /App << /Name /formpipe >> >> >>";
  update.write(signature, 0, sig);

  // The field and its widget: the value, the appearance; one object when they are merged.
  const QPDFObjGen field_id = field.field.getObjGen();
  const QPDFObjGen widget_id = field.widget.getObjGen();
  const std::string ap = "<< /N " + reference(appearance) + " >>";
  if (field_id == widget_id) {
    update.write(field_id.getObj(), field_id.getGen(),
                 dictionary_with(field.field, {{"/V", reference(signature)}, {"/AP", ap}}));
  } else {
    update.write(field_id.getObj(), field_id.getGen(),
                 dictionary_with(field.field, {{"/V", reference(signature)}}));
    update.write(widget_id.getObj(), widget_id.getGen(),
                 dictionary_with(field.widget, {{"/AP", ap}}));
  }

  // /AcroForm /SigFlags 3 (signatures exist, append only); the catalog's /Perms to certify.
  std::vector<std::pair<std::string, std::string>> catalog_entries;
  if (acroform.isIndirect()) {
    update.write(acroform.getObjectID(), acroform.getGeneration(),
                 dictionary_with(acroform, {{"/SigFlags", "3"}}));
  } else {
    catalog_entries.emplace_back("/AcroForm", dictionary_with(acroform, {{"/SigFlags", "3"}}));
  }
  if (options.certify)
    catalog_entries.emplace_back("/Perms", "<< /DocMDP " + reference(signature) + " >>");
  if (!catalog_entries.empty())
    update.write(catalog.getObjectID(), catalog.getGeneration(),
                 dictionary_with(catalog, catalog_entries));

  std::string out = update.finish();

  // /ByteRange: everything but the /Contents hex string, brackets included.
  const std::size_t sig_at = update.body_offset(signature);
  const std::size_t hole_begin = sig_at + contents_at;
  const std::size_t hole_end = hole_begin + reserve + 2;
  std::string range = "[0 " + std::to_string(hole_begin) + " " + std::to_string(hole_end) + " " +
                      std::to_string(out.size() - hole_end) + "]";
  range.resize(48, ' ');
  out.replace(sig_at + byte_range_at, range.size(), range);

  const std::string_view whole(out);
  const std::string cms =
      detail::cms_sign(signer.keys(), {whole.substr(0, hole_begin), whole.substr(hole_end)});
  const std::string hex = detail::to_hex(cms);
  if (hex.size() > reserve)
    throw core::Error("the CMS signature (" + std::to_string(cms.size()) +
                      " bytes) is larger than the space reserved for it");
  out.replace(hole_begin + 1, hex.size(), hex);
  return out;
}

}  // namespace pipeline::signing
