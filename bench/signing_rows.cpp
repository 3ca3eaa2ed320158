#include "bench/signing_rows.hpp"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/rsa.h>
#include <openssl/x509v3.h>

#include <ctime>
#include <stdexcept>

#include "pipeline/signing/sign.hpp"
#include "pipeline/signing/verify.hpp"

namespace bench {

namespace {

using namespace pipeline;

double thread_cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

struct Credentials {
  std::string pkcs12;
  std::string certificate_pem;
};

// A 2048-bit RSA key and a self-signed certificate for it (key usage digitalSignature and
// nonRepudiation), as PKCS#12 with password "bench", and the certificate as PEM.
Credentials make_credentials() {
  EVP_PKEY* key = EVP_RSA_gen(2048);
  X509* cert = X509_new();
  if (!key || !cert) throw std::runtime_error("bench: OpenSSL cannot make a key");
  X509_set_version(cert, 2);
  ASN1_INTEGER_set(X509_get_serialNumber(cert), 1);
  X509_gmtime_adj(X509_getm_notBefore(cert), -3600);
  X509_gmtime_adj(X509_getm_notAfter(cert), 86400L * 365);
  X509_set_pubkey(cert, key);
  X509_NAME* name = X509_get_subject_name(cert);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                             reinterpret_cast<const unsigned char*>("Bench Signer"), -1, -1, 0);
  X509_set_issuer_name(cert, name);
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
  for (const auto& [nid, value] :
       {std::pair<int, const char*>{NID_basic_constraints, "critical,CA:TRUE"},
        {NID_key_usage, "critical,digitalSignature,nonRepudiation,keyCertSign"}}) {
    X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
    X509_add_ext(cert, ext, -1);
    X509_EXTENSION_free(ext);
  }
  X509_sign(cert, key, EVP_sha256());
  Credentials out;
  PKCS12* p12 = PKCS12_create("bench", "bench", key, cert, nullptr, 0, 0, 0, 0, 0);
  unsigned char* der = nullptr;
  const int size = i2d_PKCS12(p12, &der);
  out.pkcs12.assign(reinterpret_cast<const char*>(der), static_cast<std::size_t>(size));
  OPENSSL_free(der);
  PKCS12_free(p12);
  BIO* bio = BIO_new(BIO_s_mem());
  PEM_write_bio_X509(bio, cert);
  char* data = nullptr;
  const long length = BIO_get_mem_data(bio, &data);
  out.certificate_pem.assign(data, static_cast<std::size_t>(length));
  BIO_free(bio);
  X509_free(cert);
  EVP_PKEY_free(key);
  return out;
}

template <class F>
SigningRow timed(std::string name, int count, F&& once) {
  once();  // first use: fonts subset, trust store built
  SigningRow row;
  row.name = std::move(name);
  row.count = count;
  const double start = thread_cpu_seconds();
  for (int i = 0; i < count; ++i) row.bytes += once();
  row.seconds = thread_cpu_seconds() - start;
  return row;
}

}  // namespace

std::vector<SigningRow> signing_rows(const std::string& agreement, int count,
                                     const std::shared_ptr<const render::FontSet>& fonts) {
  const Credentials credentials = make_credentials();
  const signing::Signer signer = signing::load_signer(credentials.pkcs12, "bench");
  const signing::TrustAnchors anchors =
      signing::TrustAnchors::from_pem(credentials.certificate_pem);
  const std::string& fields = agreement;  // its three signature blocks' empty fields
  signing::SignOptions options;
  options.fonts = fonts;
  options.reason = "Benchmark";

  std::vector<SigningRow> rows;
  rows.push_back(timed("sign agreement (RSA 2048)", count,
                       [&] { return signing::sign_pdf(fields, signer, options).size(); }));
  const std::string one = signing::sign_pdf(fields, signer, options);
  const std::string two = signing::sign_pdf(one, signer, options);
  const std::string three = signing::sign_pdf(two, signer, options);
  for (const auto& [name, pdf] :
       {std::pair<const char*, const std::string*>{"verify agreement, 1 signature", &one},
        {"verify agreement, 3 signatures", &three}}) {
    rows.push_back(timed(name, count, [&, pdf = pdf] {
      const signing::Verification v = signing::verify_pdf(*pdf, anchors);
      if (v.exit_status() != 0) throw std::runtime_error("bench: a signature does not verify");
      return pdf->size();
    }));
  }
  return rows;
}

}  // namespace bench
