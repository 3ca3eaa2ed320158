// sign and verify on small PDFs: three signatures one after another (the first certifying), each
// verified; what verify says about a changed byte, a change after signing, an untrusted chain;
// and every refusal of sign. The PKI is made with the openssl command line at test time.
#include <catch2/catch.hpp>

#include <chrono>

#include "pipeline/render/fonts.hpp"
#include "pipeline/signing/incremental_update.hpp"
#include "pipeline/signing/pdf_reading.hpp"
#include "pipeline/signing/sign.hpp"
#include "pipeline/signing/signing_test_support.hpp"
#include "pipeline/signing/verify.hpp"

using namespace pipeline;
using namespace pipeline::signing;
namespace t = pipeline::signing::testing;

namespace {

const std::shared_ptr<const render::FontSet>& fonts() {
  static const auto loaded =
      render::FontSet::load(std::filesystem::path(FORMPIPE_SOURCE_DIR) / "fonts");
  return loaded;
}

Signer signer(const std::filesystem::path& p12) {
  return load_signer(t::read_file(p12), t::pki().password);
}

SignOptions options(std::optional<std::string> field = std::nullopt, bool certify = false) {
  // The certificates must exist before the signing time is taken (they are valid from the
  // second they are made, and arguments may be evaluated in any order).
  t::pki();
  SignOptions o;
  o.field = std::move(field);
  o.certify = certify;
  o.reason = "I agree to the terms of this alliance";
  o.location = "Lansing, Michigan";
  o.fonts = fonts();
  return o;
}

TrustAnchors test_ca() {
  return TrustAnchors::load({t::pki().ca});
}

// qpdf --check on the bytes.
void check_qpdf(const std::string& pdf, const std::string& name) {
  const auto path = t::scratch() / name;
  t::write_file(path, pdf);
  const auto result = t::run("qpdf --check " + t::quoted(path));
  INFO(result.out);
  CHECK(result.status == 0);
}

std::string fields_pdf(bool object_streams = false) {
  return t::with_signature_fields(t::small_pdf(), 3, object_streams);
}

}  // namespace

TEST_CASE("three signatures one after another each verify, the first as certification",
          "[signing]") {
  const bool object_streams = GENERATE(false, true);
  INFO("object streams: " << object_streams);
  const std::string original = fields_pdf(object_streams);
  const Verification before = verify_pdf(original, test_ca());
  REQUIRE(before.signatures.empty());
  REQUIRE(before.unsigned_fields.size() == 3);
  CHECK(before.unsigned_fields[0].name == "signature-1");
  CHECK(before.unsigned_fields[0].tooltip == "Signature of Jane Q. Director, Director, MIOSHA");
  CHECK(before.unsigned_fields[0].page == 1);
  CHECK(before.has_signature_fields());
  CHECK(before.exit_status() == 1);  // no signature yet

  const std::string one = sign_pdf(original, signer(t::pki().agency), options({}, true));
  REQUIRE(one.compare(0, original.size(), original) == 0);  // an incremental update
  check_qpdf(one, "one.pdf");
  const std::string two = sign_pdf(one, signer(t::pki().partner), options("signature-2"));
  check_qpdf(two, "two.pdf");
  const std::string three = sign_pdf(two, signer(t::pki().partner), options());
  check_qpdf(three, "three.pdf");

  const Verification v = verify_pdf(three, test_ca());
  REQUIRE(v.signatures.size() == 3);
  CHECK(v.unsigned_fields.empty());
  CHECK(v.revision_ends.size() == 4);
  CHECK(v.revision_ends.front() == original.size());
  CHECK(v.revision_ends.back() == three.size());
  CHECK(v.document_id_hex.size() == 32);
  CHECK(v.document_id_hex == before.document_id_hex);
  for (const SignatureReport& s : v.signatures) {
    INFO(s.field << ": " << s.problem << " / " << s.modification << " / " << s.trust_problem);
    CHECK(s.intact);
    CHECK(s.covers_revision);
    CHECK_FALSE(s.modified_after);
    CHECK(s.trusted);
    CHECK(s.key_usage_ok);
    CHECK(s.is_valid());
    CHECK(s.sub_filter == "ETSI.CAdES.detached");
    CHECK(s.cms_signing_time.empty());  // PAdES: the time is /M, not a CMS attribute
  }
  CHECK(v.exit_status() == 0);
  CHECK(v.signatures[0].field == "signature-1");
  CHECK(v.signatures[0].certification);
  CHECK(v.signatures[0].docmdp_permission == 2);
  CHECK(v.signatures[0].signer_name == "Jane Q. Director");
  CHECK(v.signatures[0].signer_email == "jane.director@example.gov");
  CHECK(v.signatures[0].revision_end == v.revision_ends[1]);
  CHECK(v.signatures[0].tooltip == "Signature of Jane Q. Director, Director, MIOSHA");
  CHECK_FALSE(v.signatures[1].certification);
  CHECK(v.signatures[1].signer_name == "Pat Partner");
  CHECK(v.signatures[1].signer_email == "pat@example.org");
  CHECK(v.signatures[2].field == "signature-3");
}

TEST_CASE("the signing time is /M, and verify reads it back as a UTC time and date", "[signing]") {
  SignOptions o = options();
  o.signing_time = std::chrono::system_clock::from_time_t(1760018580);  // 2025-10-09 14:03 UTC
  // The test certificates are valid from today, so this signature is not trusted at that time.
  const std::string pdf = sign_pdf(fields_pdf(), signer(t::pki().agency), o);
  const Verification v = verify_pdf(pdf, test_ca());
  REQUIRE(v.signatures.size() == 1);
  CHECK(v.signatures[0].signing_time == "2025-10-09T14:03:00Z");
  CHECK(v.signatures[0].signing_date == *core::Date::from_ymd(2025, 10, 9));
  CHECK(v.signatures[0].intact);
  CHECK_FALSE(v.signatures[0].trusted);
  CHECK(v.signatures[0].trust_problem == "certificate is not yet valid");
  CHECK(pdf.find("/M (D:20251009140300Z)") != std::string::npos);
}

TEST_CASE("a byte of page content changed after signing breaks the digest", "[signing]") {
  const std::string original = fields_pdf();
  std::string pdf = sign_pdf(original, signer(t::pki().agency), options());
  const auto at = pdf.find("the parties agree");
  REQUIRE(at != std::string::npos);
  pdf[at + 4] = 'P';  // "the Parties agree"
  const Verification v = verify_pdf(pdf, test_ca());
  REQUIRE(v.signatures.size() == 1);
  CHECK_FALSE(v.signatures[0].intact);
  CHECK(v.signatures[0].problem == "digest mismatch: the signed bytes were changed after signing");
  CHECK_FALSE(v.signatures[0].is_valid());
  CHECK(v.exit_status() == 1);
}

TEST_CASE("a page changed in an update after signing is reported as a modification", "[signing]") {
  const std::string signed_pdf = sign_pdf(fields_pdf(), signer(t::pki().agency), options());
  // Someone appends an update replacing the page's content stream.
  const auto doc = detail::open_pdf(signed_pdf);
  QPDFObjectHandle page = doc->getAllPages().front();
  const QPDFObjGen content = page.getKey("/Contents").getObjGen();
  detail::IncrementalUpdate update(signed_pdf, *doc);
  const std::string text = "BT /F1 18 Tf 72 700 Td (The parties agree to nothing.) Tj ET\n";
  update.write(
      content.getObj(), content.getGen(),
      "<< /Length " + std::to_string(text.size()) + " >>\nstream\n" + text + "\nendstream");
  const std::string changed = update.finish();
  check_qpdf(changed, "changed.pdf");

  const Verification v = verify_pdf(changed, test_ca());
  REQUIRE(v.signatures.size() == 1);
  const SignatureReport& s = v.signatures[0];
  CHECK(s.intact);
  CHECK(s.covers_revision);
  CHECK(s.modified_after);
  CHECK(s.modification == "stream " + std::to_string(content.getObj()) + " 0 changed");
  CHECK(v.exit_status() == 1);
}

TEST_CASE("a /DSS added after signing with a chain of 100000 references is read without recursion",
          "[signing][fuzz]") {
  // The objects reachable from /DSS (free to add after signing) were collected recursively, one
  // stack frame per reference: a long chain overflowed the stack.
  const std::string signed_pdf = sign_pdf(fields_pdf(), signer(t::pki().agency), options());
  const auto doc = detail::open_pdf(signed_pdf);
  detail::IncrementalUpdate update(signed_pdf, *doc);
  const std::size_t count = 100000;
  std::vector<int> chain(count);
  for (int& number : chain) number = update.reserve();
  for (std::size_t i = 0; i < count; ++i)
    update.write(chain[i], 0,
                 i + 1 < count ? "<< /Next " + detail::reference(chain[i + 1]) + " >>" : "<< >>");
  const QPDFObjGen root = doc->getRoot().getObjGen();
  update.write(root.getObj(), root.getGen(),
               detail::dictionary_with(doc->getRoot(), {{"/DSS", detail::reference(chain[0])}}));
  const Verification v = verify_pdf(update.finish(), test_ca());
  REQUIRE(v.signatures.size() == 1);
  CHECK(v.signatures[0].intact);
  CHECK(v.signatures[0].covers_revision);
  CHECK_FALSE(v.signatures[0].modified_after);  // a /DSS is a permitted change
  CHECK(v.signatures[0].modification.empty());
}

TEST_CASE("a chain to no trust anchor given is intact but not trusted", "[signing]") {
  const std::string pdf = sign_pdf(fields_pdf(), signer(t::pki().agency), options());
  const Verification v = verify_pdf(pdf, TrustAnchors::load({t::pki().other_ca}));
  REQUIRE(v.signatures.size() == 1);
  CHECK(v.signatures[0].intact);
  CHECK_FALSE(v.signatures[0].trusted);
  // The CMS carries the test CA too, but a certificate is not trusted for carrying itself.
  CHECK(v.signatures[0].trust_problem ==
        "not issued by a trusted certificate: its chain ends at \"formpipe Test Agency CA\" "
        "(self-signed certificate in certificate chain)");
  CHECK(v.exit_status() == 1);
  // No anchors at all (the inbox's default): untrusted, and said why.
  const Verification none = verify_pdf(pdf, TrustAnchors::none());
  CHECK_FALSE(none.signatures[0].trusted);
  CHECK(none.signatures[0].trust_problem == v.signatures[0].trust_problem);
  // A folder of PEM files is read as well.
  const Verification from_folder = verify_pdf(pdf, TrustAnchors::load({t::pki().dir}));
  CHECK(from_folder.signatures[0].trusted);
}

TEST_CASE("sign refuses what it cannot do, naming the fields there are", "[signing]") {
  const std::string pdf = fields_pdf();
  SECTION("wrong password") {
    CHECK_THROWS_WITH(load_signer(t::read_file(t::pki().agency), "wrong"),
                      "wrong password for the PKCS#12 key file");
  }
  SECTION("not a PKCS#12 file") {
    CHECK_THROWS_WITH(load_signer("hello", "x"), "the key file is not a PKCS#12 (.p12/.pfx) file");
  }
  SECTION("a key that may not sign") {
    CHECK_THROWS_WITH(signer(t::pki().encipher_only),
                      "the certificate of Key Encipherment Only may not sign documents: its key "
                      "usage allows neither digitalSignature nor nonRepudiation");
  }
  SECTION("unknown field") {
    CHECK_THROWS_WITH(sign_pdf(pdf, signer(t::pki().agency), options("signature-9")),
                      "no signature field named signature-9; its signature fields: signature-1, "
                      "signature-2, signature-3");
  }
  SECTION("already signed, certify later, and no empty field left") {
    std::string signed_pdf = sign_pdf(pdf, signer(t::pki().agency), options("signature-2"));
    CHECK_THROWS_AS(sign_pdf(signed_pdf, signer(t::pki().agency), options("signature-2")),
                    SignError);
    CHECK_THROWS_WITH(sign_pdf(signed_pdf, signer(t::pki().agency), options("signature-2")),
                      "field signature-2 is already signed; its signature fields: signature-1, "
                      "signature-2 (signed), signature-3");
    CHECK_THROWS_WITH(
        sign_pdf(signed_pdf, signer(t::pki().agency), options("signature-1", true)),
        "--certify is for the first signature only, and signature-2 is already signed");
    signed_pdf = sign_pdf(signed_pdf, signer(t::pki().agency), options());
    signed_pdf = sign_pdf(signed_pdf, signer(t::pki().agency), options());
    CHECK_THROWS_WITH(sign_pdf(signed_pdf, signer(t::pki().agency), options()),
                      "no empty signature field to sign; its signature fields: signature-1 "
                      "(signed), signature-2 (signed), signature-3 (signed)");
  }
  SECTION("a PDF without signature fields") {
    CHECK_THROWS_WITH(sign_pdf(t::small_pdf(), signer(t::pki().agency), options()),
                      "no empty signature field to sign; it has no signature fields");
  }
  SECTION("not a PDF") {
    CHECK_THROWS_AS(sign_pdf("hello, world", signer(t::pki().agency), options()), PdfError);
    CHECK_THROWS_WITH(verify_pdf("hello, world", test_ca()),
                      "not a PDF (no %PDF- header in its first 1024 bytes)");
    CHECK_THROWS_AS(verify_pdf("%PDF-1.7\ngarbage", test_ca()), PdfError);
  }
}

TEST_CASE("an encrypted PDF is refused with a clear message", "[signing]") {
  const auto plain = t::scratch() / "plain.pdf";
  const auto encrypted = t::scratch() / "encrypted.pdf";
  t::write_file(plain, fields_pdf());
  REQUIRE(t::run("qpdf --encrypt '' owner 256 -- " + t::quoted(plain) + " " + t::quoted(encrypted))
              .status == 0);
  CHECK_THROWS_WITH(verify_pdf(t::read_file(encrypted), test_ca()),
                    "the PDF is encrypted; formpipe signs and verifies only unencrypted PDFs");
}

TEST_CASE("revision ends are found after each %%EOF line", "[signing]") {
  const std::string pdf = "%PDF-1.7\n...\n%%EOF\n...update...\n%%EOF\r\n";
  CHECK(revision_ends(pdf) == std::vector<std::size_t>{19, 39});
  CHECK(revision_ends("%PDF-1.7\n%%EOF") == std::vector<std::size_t>{14});
}
