#pragma once
//! Internal to signing: everything OpenSSL does for us. The CMS SignedData of a signature
//! (made and checked), certificate names and key usage, and the X509 store of trust anchors.
//! No ASN.1 or hashing is written here by hand: it is all OpenSSL 3's CMS, X509 and EVP API.

#include <openssl/cms.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/signing/sign.hpp"
#include "pipeline/signing/verify.hpp"

namespace pipeline::signing {

namespace detail {
struct FreeKey {
  void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
};
struct FreeCert {
  void operator()(X509* p) const { X509_free(p); }
};
struct FreeCerts {
  void operator()(STACK_OF(X509) * p) const { sk_X509_pop_free(p, X509_free); }
};
struct FreeStore {
  void operator()(X509_STORE* p) const { X509_STORE_free(p); }
};
}  // namespace detail

struct Signer::Keys {
  std::unique_ptr<EVP_PKEY, detail::FreeKey> key;
  std::unique_ptr<X509, detail::FreeCert> certificate;
  std::unique_ptr<STACK_OF(X509), detail::FreeCerts> chain;  // without the signer's certificate
  std::string name;
  std::string email;
  std::size_t der_size = 0;  // of the certificate and chain together
};

struct TrustAnchors::Store {
  std::unique_ptr<X509_STORE, detail::FreeStore> x509;  // the anchors, or the system's paths
  bool system = true;
};

namespace detail {

// The subject common name and e-mail (subject emailAddress, else a subjectAltName rfc822Name).
std::string common_name(X509* certificate);
std::string email_address(X509* certificate);
// Key usage absent, or allowing digitalSignature or nonRepudiation.
bool key_usage_allows_signing(X509* certificate);

// The DER of a detached CMS SignedData over the concatenation of `parts`, PAdES B-B signed
// attributes (content-type, message-digest, signing-certificate-v2; no signing-time).
std::string cms_sign(const Signer::Keys& keys, const std::vector<std::string_view>& parts);

struct CmsCheck {
  bool parsed = false;
  bool digest_matches = false;      // message-digest attribute == digest of the content
  bool signature_verifies = false;  // CMS_verify of the detached content
  std::string problem;
  std::string signer_name;
  std::string signer_email;
  bool have_signing_time = false;
  long long signing_time = 0;  // CMS signingTime attribute, seconds since 1970
  bool key_usage_ok = false;
  bool trusted = false;
  std::string trust_problem;
};

// Checks a signature's CMS `der` against the signed bytes `parts`, then its signer certificate
// against `anchors` at `check_time` (seconds since 1970; < 0: the CMS signingTime, else now).
CmsCheck cms_check(std::string_view der, const std::vector<std::string_view>& parts,
                   const TrustAnchors& anchors, long long check_time);

}  // namespace detail
}  // namespace pipeline::signing
