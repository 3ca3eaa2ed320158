#include "pipeline/signing/cms.hpp"

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pkcs7.h>
#include <openssl/x509v3.h>

#include <ctime>

#include "pipeline/core/error.hpp"

namespace pipeline::signing::detail {

namespace {

struct FreeCms {
  void operator()(CMS_ContentInfo* p) const { CMS_ContentInfo_free(p); }
};
struct FreeBio {
  void operator()(BIO* p) const { BIO_free(p); }
};
struct FreeBioChain {
  void operator()(BIO* p) const { BIO_free_all(p); }
};
struct FreeMdCtx {
  void operator()(EVP_MD_CTX* p) const { EVP_MD_CTX_free(p); }
};
struct FreeStoreCtx {
  void operator()(X509_STORE_CTX* p) const { X509_STORE_CTX_free(p); }
};
struct FreeAttributes {  // a stack of borrowed attributes
  void operator()(STACK_OF(X509_ATTRIBUTE) * p) const { sk_X509_ATTRIBUTE_free(p); }
};
struct FreeOpenSsl {
  void operator()(unsigned char* p) const { OPENSSL_free(p); }
};

// The last OpenSSL error, as text, and the queue cleared.
std::string openssl_error() {
  const unsigned long code = ERR_peek_last_error();
  std::string text = code ? ERR_reason_error_string(code) ? ERR_reason_error_string(code) : "error"
                          : "unknown error";
  ERR_clear_error();
  return text;
}

std::string digest(const EVP_MD* md, const std::vector<std::string_view>& parts) {
  std::unique_ptr<EVP_MD_CTX, FreeMdCtx> ctx(EVP_MD_CTX_new());
  if (!ctx || EVP_DigestInit_ex(ctx.get(), md, nullptr) != 1)
    throw core::Error("OpenSSL cannot compute a digest: " + openssl_error());
  for (const std::string_view part : parts) EVP_DigestUpdate(ctx.get(), part.data(), part.size());
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_DigestFinal_ex(ctx.get(), out, &size);
  return std::string(reinterpret_cast<const char*>(out), size);
}

std::string utf8(const ASN1_STRING* value) {
  unsigned char* out = nullptr;
  const int size = ASN1_STRING_to_UTF8(&out, value);
  if (size < 0) return {};
  std::string text(reinterpret_cast<const char*>(out), static_cast<std::size_t>(size));
  OPENSSL_free(out);
  return text;
}

long long seconds_of(const ASN1_TIME* time) {
  std::tm tm{};
  if (ASN1_TIME_to_tm(time, &tm) != 1) return -1;
  return static_cast<long long>(timegm(&tm));
}

}  // namespace

std::string common_name(X509* certificate) {
  const X509_NAME* subject = X509_get_subject_name(certificate);
  const int at = X509_NAME_get_index_by_NID(subject, NID_commonName, -1);
  if (at < 0) return {};
  return utf8(X509_NAME_ENTRY_get_data(X509_NAME_get_entry(subject, at)));
}

std::string email_address(X509* certificate) {
  STACK_OF(OPENSSL_STRING)* emails = X509_get1_email(certificate);
  std::string email;
  if (emails && sk_OPENSSL_STRING_num(emails) > 0) email = sk_OPENSSL_STRING_value(emails, 0);
  X509_email_free(emails);
  return email;
}

bool key_usage_allows_signing(X509* certificate) {
  if ((X509_get_extension_flags(certificate) & EXFLAG_KUSAGE) == 0) return true;
  return (X509_get_key_usage(certificate) & (KU_DIGITAL_SIGNATURE | KU_NON_REPUDIATION)) != 0;
}

std::string cms_sign(const Signer::Keys& keys, const std::vector<std::string_view>& parts) {
  // CMS_sign with CMS_PARTIAL gives a SignedData holding the chain and no signer yet; the
  // signer is added with the ESS signing-certificate-v2 attribute (CMS_CADES) and signed
  // below, so that no signing-time attribute is added (PAdES keeps the claimed time in /M,
  // and OpenSSL 3.0's CMS_final always adds one).
  const unsigned flags = CMS_DETACHED | CMS_BINARY | CMS_PARTIAL;
  std::unique_ptr<CMS_ContentInfo, FreeCms> cms(
      CMS_sign(nullptr, nullptr, keys.chain.get(), nullptr, flags));
  if (!cms) throw core::Error("OpenSSL cannot start a CMS: " + openssl_error());
  CMS_SignerInfo* si = CMS_add1_signer(cms.get(), keys.certificate.get(), keys.key.get(),
                                       EVP_sha256(), flags | CMS_CADES | CMS_NOSMIMECAP);
  if (!si) throw core::Error("OpenSSL cannot add the signer: " + openssl_error());
  CMS_set_detached(cms.get(), 1);

  const std::string md = digest(EVP_sha256(), parts);
  if (CMS_signed_add1_attr_by_NID(si, NID_pkcs9_contentType, V_ASN1_OBJECT,
                                  OBJ_nid2obj(NID_pkcs7_data), -1) != 1 ||
      CMS_signed_add1_attr_by_NID(si, NID_pkcs9_messageDigest, V_ASN1_OCTET_STRING, md.data(),
                                  static_cast<int>(md.size())) != 1)
    throw core::Error("OpenSSL cannot add the signed attributes: " + openssl_error());

  // The signature over the DER SET OF signed attributes, as CMS_SignerInfo_sign computes it.
  std::unique_ptr<STACK_OF(X509_ATTRIBUTE), FreeAttributes> attributes(
      sk_X509_ATTRIBUTE_new_null());
  for (int i = 0; i < CMS_signed_get_attr_count(si); ++i)
    sk_X509_ATTRIBUTE_push(attributes.get(), CMS_signed_get_attr(si, i));
  unsigned char* der = nullptr;
  const int der_size = ASN1_item_i2d(reinterpret_cast<const ASN1_VALUE*>(attributes.get()), &der,
                                     ASN1_ITEM_rptr(PKCS7_ATTR_SIGN));
  std::unique_ptr<unsigned char, FreeOpenSsl> der_owner(der);
  if (der_size <= 0) throw core::Error("OpenSSL cannot encode the attributes: " + openssl_error());
  std::unique_ptr<EVP_MD_CTX, FreeMdCtx> ctx(EVP_MD_CTX_new());
  std::size_t signature_size = 0;
  if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, keys.key.get()) != 1 ||
      EVP_DigestSign(ctx.get(), nullptr, &signature_size, der,
                     static_cast<std::size_t>(der_size)) != 1)
    throw core::Error("OpenSSL cannot sign: " + openssl_error());
  std::string signature(signature_size, '\0');
  if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &signature_size,
                     der, static_cast<std::size_t>(der_size)) != 1)
    throw core::Error("OpenSSL cannot sign: " + openssl_error());
  if (ASN1_STRING_set(CMS_SignerInfo_get0_signature(si), signature.data(),
                      static_cast<int>(signature_size)) != 1)
    throw core::Error("OpenSSL cannot store the signature: " + openssl_error());

  unsigned char* out = nullptr;
  const int out_size = i2d_CMS_ContentInfo(cms.get(), &out);
  std::unique_ptr<unsigned char, FreeOpenSsl> out_owner(out);
  if (out_size <= 0) throw core::Error("OpenSSL cannot encode the CMS: " + openssl_error());
  return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(out_size));
}

CmsCheck cms_check(std::string_view der, const std::vector<std::string_view>& parts,
                   const TrustAnchors& anchors, long long check_time) {
  CmsCheck check;
  const auto* p = reinterpret_cast<const unsigned char*>(der.data());
  std::unique_ptr<CMS_ContentInfo, FreeCms> cms(
      d2i_CMS_ContentInfo(nullptr, &p, static_cast<long>(der.size())));
  if (!cms || OBJ_obj2nid(CMS_get0_type(cms.get())) != NID_pkcs7_signed) {
    ERR_clear_error();
    check.problem = "its /Contents is not a CMS SignedData";
    return check;
  }
  STACK_OF(CMS_SignerInfo)* infos = CMS_get0_SignerInfos(cms.get());
  if (sk_CMS_SignerInfo_num(infos) != 1) {
    check.problem =
        "its CMS has " + std::to_string(sk_CMS_SignerInfo_num(infos)) + " signers, expected one";
    return check;
  }
  check.parsed = true;
  CMS_SignerInfo* si = sk_CMS_SignerInfo_value(infos, 0);

  // The signer's certificate among those the CMS carries.
  std::unique_ptr<STACK_OF(X509), FreeCerts> certificates(CMS_get1_certs(cms.get()));
  X509* signer = nullptr;
  for (int i = 0; certificates && i < sk_X509_num(certificates.get()); ++i) {
    if (CMS_SignerInfo_cert_cmp(si, sk_X509_value(certificates.get(), i)) == 0) {
      signer = sk_X509_value(certificates.get(), i);
      break;
    }
  }

  // The digest, computed again with the signer's algorithm, against the message-digest attribute.
  X509_ALGOR* digest_algorithm = nullptr;
  CMS_SignerInfo_get0_algs(si, nullptr, nullptr, &digest_algorithm, nullptr);
  const ASN1_OBJECT* digest_oid = nullptr;
  X509_ALGOR_get0(&digest_oid, nullptr, nullptr, digest_algorithm);
  const EVP_MD* md = EVP_get_digestbyobj(digest_oid);
  if (!md) {
    check.problem = "its digest algorithm is not one OpenSSL knows";
    return check;
  }
  const auto* claimed = static_cast<const ASN1_OCTET_STRING*>(CMS_signed_get0_data_by_OBJ(
      si, OBJ_nid2obj(NID_pkcs9_messageDigest), -3, V_ASN1_OCTET_STRING));
  const std::string computed = digest(md, parts);
  if (claimed) {
    check.digest_matches =
        static_cast<std::size_t>(ASN1_STRING_length(claimed)) == computed.size() &&
        std::string_view(reinterpret_cast<const char*>(ASN1_STRING_get0_data(claimed)),
                         computed.size()) == computed;
  }

  // The CMS signature (and, without signed attributes, the digest) over the detached content;
  // the chain is checked below, against the anchors, at the signing time.
  // The memory BIO is behind a null filter: given a memory BIO itself, OpenSSL 3.0's CMS_verify
  // copies it into a new one that it leaks when CMS_dataInit fails (a digest algorithm in the
  // SignedData it cannot set up), as a hostile /Contents can make it.
  std::string content;
  for (const std::string_view part : parts) content += part;
  std::unique_ptr<BIO, FreeBioChain> bio(BIO_new(BIO_f_null()));
  if (!bio) throw core::Error("OpenSSL cannot make a BIO: " + openssl_error());
  BIO* memory = BIO_new_mem_buf(content.data(), static_cast<int>(content.size()));
  if (!memory) throw core::Error("OpenSSL cannot make a BIO: " + openssl_error());
  BIO_push(bio.get(), memory);
  check.signature_verifies = CMS_verify(cms.get(), certificates.get(), nullptr, bio.get(), nullptr,
                                        CMS_BINARY | CMS_NO_SIGNER_CERT_VERIFY) == 1;
  std::string verify_error = check.signature_verifies ? "" : openssl_error();
  if (!claimed) check.digest_matches = check.signature_verifies;
  if (!check.digest_matches)
    check.problem = "digest mismatch: the signed bytes were changed after signing";
  else if (!check.signature_verifies)
    check.problem = "the CMS signature does not verify (" + verify_error + ")";

  const int time_at = CMS_signed_get_attr_by_NID(si, NID_pkcs9_signingTime, -1);
  if (time_at >= 0) {
    const ASN1_TYPE* value = X509_ATTRIBUTE_get0_type(CMS_signed_get_attr(si, time_at), 0);
    if (value && (value->type == V_ASN1_UTCTIME || value->type == V_ASN1_GENERALIZEDTIME)) {
      const long long seconds = seconds_of(value->value.utctime);
      if (seconds >= 0) {
        check.have_signing_time = true;
        check.signing_time = seconds;
      }
    }
  }

  if (!signer) {
    check.trust_problem = "the CMS does not carry the signer's certificate";
    if (check.problem.empty()) check.problem = check.trust_problem;
    check.signature_verifies = false;
    return check;
  }
  check.signer_name = common_name(signer);
  check.signer_email = email_address(signer);
  check.key_usage_ok = key_usage_allows_signing(signer);

  if (check_time < 0)
    check_time = check.have_signing_time ? check.signing_time : std::time(nullptr);
  std::unique_ptr<X509_STORE_CTX, FreeStoreCtx> ctx(X509_STORE_CTX_new());
  if (!ctx ||
      X509_STORE_CTX_init(ctx.get(), anchors.store().x509.get(), signer, certificates.get()) != 1)
    throw core::Error("OpenSSL cannot check a certificate chain: " + openssl_error());
  X509_VERIFY_PARAM_set_time(X509_STORE_CTX_get0_param(ctx.get()),
                             static_cast<std::time_t>(check_time));
  check.trusted = X509_verify_cert(ctx.get()) == 1;
  if (!check.trusted) {
    const int error = X509_STORE_CTX_get_error(ctx.get());
    check.trust_problem = X509_verify_cert_error_string(error);
    if (error == X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN ||
        error == X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY ||
        error == X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT ||
        error == X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT) {
      // Said for people: which certificate the chain ends at, that no anchor vouches for.
      STACK_OF(X509)* chain = X509_STORE_CTX_get0_chain(ctx.get());
      X509* top =
          chain && sk_X509_num(chain) > 0 ? sk_X509_value(chain, sk_X509_num(chain) - 1) : signer;
      check.trust_problem = "not issued by a trusted certificate: its chain ends at \"" +
                            common_name(top) + "\" (" + check.trust_problem + ")";
    }
    if (anchors.is_system()) check.trust_problem += " (checked against the system's trust store)";
    ERR_clear_error();
  }
  return check;
}

}  // namespace pipeline::signing::detail
