// formpipe sign and verify through the real binary, checked by an independent verifier: poppler's
// pdfsig with an NSS database (libnss3-tools' certutil) that trusts the throw-away test CA. An
// agreement rendered by formpipe, with the three empty signature fields of its signature blocks,
// is signed three times, the first a certification; qpdf --check passes after
// every step and pdfsig and formpipe verify find every signature valid and trusted. A changed
// byte is a digest mismatch for both; a field pdfsig signed verifies with formpipe.
//
// Reading pdfsig (poppler 22.12): its exit status is 0 whatever it finds, so the tests read its
// text. It is run without -no-ocsp, which makes it report "Unknown issue with Certificate" for a
// good chain (the test certificates name no OCSP responder, so nothing is fetched). And it also
// says "Unknown issue" when one certificate its database does not hold signs twice in one file
// (NSS imports it as a temporary certificate once per signature), so the three signatures here
// are by three signers, as an agreement's are.
#include <catch2/catch.hpp>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <qpdf/QPDF.hh>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "tests/support/signing_e2e.hpp"

namespace fs = std::filesystem;
namespace t = pipeline::signing::testing;

namespace {

const fs::path kSource = t::kSourceDir;
using t::folder;
using t::formpipe;
using t::nss_database;

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

std::string pdfsig(const fs::path& db, const fs::path& pdf) {
  return t::run("pdfsig -nssdir sql:" + t::quoted(db) + " " + t::quoted(pdf)).out;
}

void check_qpdf(const fs::path& pdf) {
  const auto result = t::run("qpdf --check " + t::quoted(pdf));
  INFO(result.out);
  CHECK(result.status == 0);
}

// An agreement formpipe renders, with its three empty signature fields (the sample's three
// signatories); rewritten with object streams and a cross-reference stream (as Acrobat saves)
// when `object_streams`.
fs::path agreement_with_fields(const fs::path& dir, bool object_streams) {
  const fs::path rendered = dir / "agreement.pdf";
  const auto render =
      formpipe("render " + t::quoted(kSource / "samples/alliance-agreement.valid.xml") + " -o " +
               t::quoted(rendered) + " --as-of 2025-10-09");
  INFO(render.out);
  REQUIRE(render.status == 0);
  if (!object_streams) return rendered;
  const fs::path packed = dir / "agreement-objstm.pdf";
  t::must("qpdf --object-streams=generate " + t::quoted(rendered) + " " + t::quoted(packed));
  REQUIRE(t::read_file(packed).find("/ObjStm") != std::string::npos);
  return packed;
}

std::string password_env() {
  return t::key_password_environment();
}

void sign(const fs::path& in, const fs::path& out, const fs::path& key,
          const std::string& extra = {}) {
  t::sign_with_formpipe(in, out, key, extra);
}

Poco::JSON::Object::Ptr verify_json(const fs::path& pdf, int expected_status) {
  const auto result = t::run(t::quoted(FORMPIPE_BINARY) + " verify " + t::quoted(pdf) +
                             " --trust " + t::quoted(t::pki().ca) + " --json 2>/dev/null");
  INFO(result.out);
  CHECK(result.status == expected_status);
  return Poco::JSON::Parser().parse(result.out).extract<Poco::JSON::Object::Ptr>();
}

}  // namespace

TEST_CASE("an agreement signed three times is valid and trusted for pdfsig and formpipe verify",
          "[e2e][signing]") {
  const bool object_streams = GENERATE(false, true);
  const fs::path dir = folder(object_streams ? "three-objstm" : "three");
  const fs::path in = agreement_with_fields(dir, object_streams);
  const fs::path db = nss_database(dir);
  const fs::path password_file = dir / "password.txt";
  t::write_file(password_file, t::pki().password + "\n");

  sign(in, dir / "signed-1.pdf", t::pki().agency,
       "--certify --reason 'Approved for MIOSHA' --location 'Lansing, Michigan'");
  sign(dir / "signed-1.pdf", dir / "signed-2.pdf", t::pki().partner,
       "--field signature-2 --password-file " + t::quoted(password_file));
  sign(dir / "signed-2.pdf", dir / "signed-3.pdf", t::pki().treasurer);

  const std::string report = pdfsig(db, dir / "signed-3.pdf");
  INFO(report);
  CHECK(count(report, "Signature is Valid.") == 3);
  CHECK(count(report, "Certificate is Trusted.") == 3);
  CHECK(count(report, "Signature Type: ETSI.CAdES.detached") == 3);
  CHECK(count(report, "Total document signed") == 1);

  const auto text =
      formpipe("verify " + t::quoted(dir / "signed-3.pdf") + " --trust " + t::quoted(t::pki().ca));
  INFO(text.out);
  CHECK(text.status == 0);
  CHECK(count(text.out, ": valid") == 3);
  CHECK(text.out.find("signature-1: valid (certification signature, DocMDP P 2)") !=
        std::string::npos);

  const auto json = verify_json(dir / "signed-3.pdf", 0);
  const auto signatures = json->getArray("signatures");
  REQUIRE(signatures->size() == 3);
  CHECK(json->getArray("unsigned-fields")->size() == 0);
  CHECK(json->getArray("revision-ends")->size() == 4);
  const char* const signers[] = {"Jane Q. Director", "Pat Partner", "Sam Second"};
  for (unsigned i = 0; i < 3; ++i) {
    const auto s = signatures->getObject(i);
    CHECK(s->getValue<std::string>("field") == "signature-" + std::to_string(i + 1));
    CHECK(s->getValue<std::string>("signer-name") == signers[i]);
    CHECK(s->getValue<bool>("valid"));
  }

  // Without --trust, the system's store does not know the test CA: intact but untrusted, exit 1.
  const auto untrusted = formpipe("verify " + t::quoted(dir / "signed-3.pdf"));
  CHECK(untrusted.status == 1);
  CHECK(count(untrusted.out, "intact:      yes") == 3);
  CHECK(count(untrusted.out, "trusted:     no") == 3);

  // The visible signature on page 1 (looked at by eye; here: the page still renders).
  CHECK(t::run("pdftoppm -png -r 60 -f 1 -l 1 " + t::quoted(dir / "signed-3.pdf") + " " +
               t::quoted(dir / "page"))
            .status == 0);
}

TEST_CASE("a byte of page content changed after signing is a digest mismatch for pdfsig and verify",
          "[e2e][signing]") {
  const fs::path dir = folder("tampered");
  const fs::path in = agreement_with_fields(dir, false);
  sign(in, dir / "signed.pdf", t::pki().agency, "--certify");
  t::write_file(dir / "tampered.pdf",
                t::with_page_content_changed(t::read_file(dir / "signed.pdf")));

  const std::string report = pdfsig(nss_database(dir), dir / "tampered.pdf");
  INFO(report);
  CHECK(report.find("Digest Mismatch.") != std::string::npos);

  const auto verify =
      formpipe("verify " + t::quoted(dir / "tampered.pdf") + " --trust " + t::quoted(t::pki().ca));
  INFO(verify.out);
  CHECK(verify.status == 1);
  CHECK(verify.out.find("signature-1: NOT VALID") != std::string::npos);
  CHECK(verify.out.find("digest mismatch: the signed bytes were changed after signing") !=
        std::string::npos);
}

TEST_CASE("a field signed by pdfsig is verified by formpipe verify", "[e2e][signing]") {
  const fs::path dir = folder("pdfsig");
  const fs::path in = agreement_with_fields(dir, true);
  sign(in, dir / "signed-1.pdf", t::pki().agency, "--certify");
  const fs::path db = nss_database(dir, t::pki().partner);
  const auto signed_by_pdfsig =
      t::run("pdfsig -sign signature-2 -nssdir sql:" + t::quoted(db) + " -nick partner -etsi " +
             "-reason 'Signed with pdfsig' " + t::quoted(dir / "signed-1.pdf") + " " +
             t::quoted(dir / "signed-2.pdf"));
  INFO(signed_by_pdfsig.out);
  REQUIRE(fs::exists(dir / "signed-2.pdf"));
  check_qpdf(dir / "signed-2.pdf");
  // formpipe signs the last field after pdfsig's.
  sign(dir / "signed-2.pdf", dir / "signed-3.pdf", t::pki().treasurer);

  const auto json = verify_json(dir / "signed-3.pdf", 0);
  const auto signatures = json->getArray("signatures");
  REQUIRE(signatures->size() == 3);
  const auto by_pdfsig = signatures->getObject(1);
  CHECK(by_pdfsig->getValue<std::string>("field") == "signature-2");
  CHECK(by_pdfsig->getValue<std::string>("signer-name") == "Pat Partner");
  CHECK(by_pdfsig->getValue<bool>("intact"));
  CHECK(by_pdfsig->getValue<bool>("covers-revision"));
  CHECK_FALSE(by_pdfsig->getValue<bool>("modified-after"));
  CHECK(by_pdfsig->getValue<bool>("trusted"));
  for (unsigned i = 0; i < 3; ++i) CHECK(signatures->getObject(i)->getValue<bool>("valid"));
}

TEST_CASE("sign and verify refuse with exit 2 and a clear message", "[e2e][signing]") {
  const fs::path dir = folder("refusals");
  const fs::path in = agreement_with_fields(dir, false);
  const std::string key = " --key " + t::quoted(t::pki().agency);
  const std::string out = " -o " + t::quoted(dir / "out.pdf");

  auto r = formpipe("sign " + t::quoted(in) + out + key, "FORMPIPE_KEY_PASSWORD=wrong");
  CHECK(r.status == 2);
  CHECK(r.out == "formpipe sign: wrong password for the PKCS#12 key file\n");

  r = formpipe("sign " + t::quoted(in) + out + key + " --field signature-7", password_env());
  CHECK(r.status == 2);
  CHECK(r.out ==
        "formpipe sign: no signature field named signature-7; its signature fields: signature-1, "
        "signature-2, signature-3\n");

  sign(in, dir / "signed.pdf", t::pki().agency, "--field signature-1");
  r = formpipe("sign " + t::quoted(dir / "signed.pdf") + out + key + " --field signature-1",
               password_env());
  CHECK(r.status == 2);
  CHECK(r.out ==
        "formpipe sign: field signature-1 is already signed; its signature fields: signature-1 "
        "(signed), signature-2, signature-3\n");

  t::write_file(dir / "letter.pdf", "Dear partner, this is not a PDF.\n");
  r = formpipe("sign " + t::quoted(dir / "letter.pdf") + out + key, password_env());
  CHECK(r.status == 2);
  CHECK(r.out.find("letter.pdf: not a PDF (no %PDF- header in its first 1024 bytes)") !=
        std::string::npos);
  r = formpipe("verify " + t::quoted(dir / "letter.pdf"));
  CHECK(r.status == 2);
  CHECK(r.out.find("letter.pdf: not a PDF") != std::string::npos);

  // The password is never an option: --password is read as an abbreviation of --password-file.
  r = formpipe("sign " + t::quoted(in) + out + key + " --password secret");
  CHECK(r.status == 2);
  CHECK(r.out.find("cannot read the password file secret") != std::string::npos);
}
