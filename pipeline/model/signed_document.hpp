#pragma once
//! A signed copy coming back (signing.md §4): an agreement or letter formpipe issued, with the
//! signatures people added to its fields. Ingest reads the PDF and verifies each signature (the
//! facts below); the record store says whether its first revision is a document formpipe
//! issued; the SIGNED-* rules judge. Form kind `signed-agreement` or `signed-letter`.

#include <optional>
#include <string>
#include <vector>

#include "pipeline/core/date.hpp"

namespace pipeline::model {

// One signed signature field, as verified.
struct SignatureFacts {
  std::string field;        // "signature-1"
  std::string description;  // the field's /TU: "Signature of NAME, TITLE, ORGANIZATION"
  std::string page;         // "page 4", or empty when unknown
  std::string signer_name;  // the certificate subject's common name
  std::string signer_email;
  std::optional<core::Date> signing_date;  // the date of the signing time, as the signer wrote it
  std::string signing_time;                // ISO 8601 as written; empty when the signature has none
  bool intact = false;          // digest over /ByteRange matches and the CMS signature verifies
  std::string invalid_reason;   // why not, when not intact
  bool modified_after = false;  // changed beyond the permitted changes after this signature
  std::string modification;     // what changed
  bool trusted = false;         // chains to a trust anchor, valid at the signing time
  std::string trust_problem;    // why not
  bool key_usage_ok = true;     // the certificate may sign (digitalSignature/nonRepudiation)
  bool certification = false;   // a DocMDP certification signature
};

// An empty signature field.
struct UnsignedField {
  std::string field;
  std::string description;
  std::string page;
};

// The document formpipe issued that the signed copy was made from (found by the SHA-256 of the
// copy's first revision in the record store).
struct IssuedDocument {
  std::string submission_id;  // the submission whose result folder holds it
  std::string name;           // "agreement.pdf", "letter.pdf"
  std::string form;           // that submission's form kind: "alliance-agreement", ...
  std::string profile;
  std::string alliance_name;  // its alliance (agreements)
  std::string organization;
};

struct SignedDocument {
  std::string location;  // "signed-agreement"
  // SHA-256 (hex) of the copy's first revision, and of the same bytes with the end-of-line after
  // %%EOF, which some writers count in the revision and some do not.
  std::vector<std::string> first_revision_sha256;
  std::string document_id;        // the trailer /ID's first string, hex
  std::string formpipe_document;  // what the PDF's metadata says it is ("agreement"), if anything
  std::vector<SignatureFacts> signatures;  // in field order
  std::vector<UnsignedField> unsigned_fields;
  std::optional<IssuedDocument> issued;  // set by process from the record store
};

// "Jane Doe" of "Signature of Jane Doe, Director, Acme": the signatory named in a description.
std::string signatory_of(const std::string& description);

}  // namespace pipeline::model
