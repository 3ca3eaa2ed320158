#pragma once
//! Signing: one PAdES baseline B-B signature (ETSI EN 319 142-1) added to one empty signature
//! field of a PDF, as an incremental update after the input's bytes, so every earlier signature
//! stays valid (spec/signing.md §2). The CMS is OpenSSL's: a detached SignedData over the
//! /ByteRange with SHA-256, signed attributes content-type, message-digest and ESS
//! signing-certificate-v2, and the signer's chain; the claimed signing time is the signature
//! dictionary's /M. The widget gets a visible appearance ("Digitally signed by NAME" and the
//! date) set in an embedded subset of the document fonts, so the result stays PDF/A-friendly.

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "pipeline/signing/signing_error.hpp"

namespace pipeline::render {
class FontSet;
}

namespace pipeline::signing {

// A private key with its certificate and chain, loaded from a PKCS#12 file; cheap to copy and
// safe to share between threads (read-only).
class Signer {
 public:
  struct Keys;  // OpenSSL objects, defined in the .cpp
  explicit Signer(std::shared_ptr<const Keys> keys);

  const std::string& name() const;   // the certificate subject's common name
  const std::string& email() const;  // its e-mail address ("" when it has none)
  const Keys& keys() const { return *keys_; }

 private:
  std::shared_ptr<const Keys> keys_;
};

// Loads a PKCS#12 file's key, certificate and chain. Throws SignError for a wrong password, a
// file that is not PKCS#12 or holds no key and certificate, or a certificate whose key usage
// allows neither digitalSignature nor nonRepudiation.
Signer load_signer(std::string_view pkcs12, const std::string& password);

struct SignOptions {
  std::optional<std::string> field;  // the field to sign; absent: the first empty one
  std::string reason;                // /Reason, /Location, /ContactInfo ("" leaves them out)
  std::string location;
  std::string contact;
  bool certify = false;  // a DocMDP certification signature, P 2 (first signature only)
  std::chrono::system_clock::time_point signing_time = std::chrono::system_clock::now();
  // Fonts for the visible appearance (render::FontSet::load(data_dir / "fonts")): required.
  std::shared_ptr<const render::FontSet> fonts;
};

// The signed PDF: `pdf` unchanged, then one incremental update holding the signature. Throws
// PdfError for input that is not a readable, unencrypted PDF, SignError when the field cannot be
// signed as asked (the message names the signature fields there are).
std::string sign_pdf(std::string_view pdf, const Signer& signer, const SignOptions& options);

}  // namespace pipeline::signing
