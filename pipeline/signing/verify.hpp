#pragma once
//! Verification of every signature in a PDF, whoever wrote it (spec/signing.md §3): read with
//! QPDF, so files Acrobat saves with cross-reference and object streams read as well as ours;
//! the CMS checked with OpenSSL. Also what the inbox needs to match a signed copy to what was
//! issued: the end offset of every revision (the first one is the document as issued) and the
//! trailer /ID.

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/date.hpp"
#include "pipeline/signing/signing_error.hpp"

namespace pipeline::signing {

// The certificates a signature must chain to. Empty (default): the system's trust store.
class TrustAnchors {
 public:
  TrustAnchors();
  // Loads PEM certificates from each path: a file (any number of certificates) or a folder of
  // *.pem / *.crt files. Throws core::IoError for a path that cannot be read or holds none.
  static TrustAnchors load(const std::vector<std::filesystem::path>& paths);
  // From PEM text (one or more certificates); throws core::Error when there is none.
  static TrustAnchors from_pem(std::string_view pem);
  // No anchors at all: every signature is untrusted (the inbox's default, spec/signing.md §4).
  static TrustAnchors none();

  bool is_system() const;
  struct Store;  // OpenSSL's X509 certificates, defined in verify.cpp
  const Store& store() const { return *store_; }

 private:
  std::shared_ptr<const Store> store_;
};

struct SignatureReport {
  std::string field;             // fully qualified field name
  std::string tooltip;           // the field's /TU ("" when it has none)
  int page = 0;                  // page of its widget, 1-based (0: on no page)
  std::string signer_name;       // certificate subject common name
  std::string signer_email;      // subject e-mail or subjectAltName rfc822Name ("" when none)
  std::string signing_time;      // ISO 8601 UTC, "2025-10-09T14:03:00Z": /M, else CMS signingTime
  core::Date signing_date;       // its UTC calendar date
  std::string cms_signing_time;  // the CMS signingTime attribute when present, ISO 8601
  bool intact = false;           // digest over /ByteRange matches and the CMS signature verifies
  bool covers_revision = false;  // /ByteRange is the whole file up to a revision's %%EOF
  bool modified_after = false;   // changed after signing beyond the permitted changes
  std::string problem;           // why not intact or not covering ("" when both hold)
  std::string modification;      // what changed after signing ("" when nothing not permitted)
  bool trusted = false;          // chains to an anchor and was valid at the signing time
  std::string trust_problem;     // why not trusted
  bool key_usage_ok = false;     // key usage absent or allows digitalSignature/nonRepudiation
  bool certification = false;    // a DocMDP certification signature
  int docmdp_permission = 0;     // its /P (1, 2 or 3) when a certification signature
  std::string sub_filter;        // "ETSI.CAdES.detached", "adbe.pkcs7.detached", ...
  std::size_t revision_end = 0;  // where its byte range ends in the file

  // Intact, covering its revision, unmodified after, trusted, key usage allowing signing.
  bool is_valid() const {
    return intact && covers_revision && !modified_after && trusted && key_usage_ok;
  }
};

struct EmptySignatureField {
  std::string name;
  std::string tooltip;
  int page = 0;  // 1-based, 0 when its widget is on no page
};

struct Verification {
  std::vector<SignatureReport> signatures;  // in the order the fields are found
  std::vector<EmptySignatureField> unsigned_fields;
  // End offset of each revision (just past its %%EOF line), ascending; the last is the file size
  // for a well-formed file. The first revision is bytes [0, revision_ends[0]).
  std::vector<std::size_t> revision_ends;
  std::string document_id_hex;  // trailer /ID first string, lower-case hex ("" when none)
  bool has_signature_fields() const { return !signatures.empty() || !unsigned_fields.empty(); }
  // Exit status of spec/signing.md §3: 0 at least one signature and every one valid, else 1.
  int exit_status() const;
};

// Verifies every signature field of `pdf` against `anchors`. Throws PdfError for bytes that are
// not a readable PDF (not a PDF, damaged beyond recovery, encrypted).
Verification verify_pdf(std::string_view pdf, const TrustAnchors& anchors);

// The end offsets of the revisions of `pdf` (see Verification::revision_ends), without parsing.
std::vector<std::size_t> revision_ends(std::string_view pdf);

}  // namespace pipeline::signing
