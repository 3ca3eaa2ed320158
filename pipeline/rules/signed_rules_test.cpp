// The SIGNED rules (signing.md §4) over signed copies described directly: which findings each
// state of the signatures gives, with their severities, locations and the executed date.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "pipeline/rules/rulebooks.hpp"
#include "pipeline/rules/rules.hpp"

using namespace pipeline;

namespace {

model::SignatureFacts signature(const std::string& field, const std::string& description,
                                const std::string& signer, const char* date) {
  model::SignatureFacts s;
  s.field = field;
  s.description = description;
  s.page = "page 4";
  s.signer_name = signer;
  s.signing_date = core::parse_date(date);
  s.signing_time = std::string(date) + "T10:00:00Z";
  s.intact = true;
  s.trusted = true;
  return s;
}

model::SignedDocument executed_agreement() {
  model::SignedDocument document;
  document.location = "signed-agreement";
  document.issued = model::IssuedDocument{
      "3f2a9c1e0b7d", "agreement.pdf", "alliance-agreement", "miosha", "Tree Care Alliance", ""};
  document.signatures = {
      signature("signature-1", "Signature of Bart Pickelman, Director, MIOSHA", "Bart Pickelman",
                "2026-12-01"),
      signature("signature-2", "Signature of Dr. Jane Q. Doe, CIH, President, Acme",
                "JANE Q. DOE, CIH", "2026-12-04"),
      signature("signature-3", "Signature of Ann Lee, Treasurer, Acme", "Ann Lee", "2026-12-02"),
  };
  return document;
}

core::Outcome check(const model::SignedDocument& document) {
  model::Submission submission{"signed-agreement", "miosha", document};
  rules::Context context;
  context.as_of = *core::parse_date("2026-12-07");
  core::Outcome outcome;
  rules::check(submission, context, outcome);
  return outcome;
}

std::vector<std::string> ids(const core::Outcome& outcome) {
  std::vector<std::string> out;
  for (const core::Finding& f : outcome.findings) out.push_back(f.rule);
  return out;
}

}  // namespace

TEST_CASE("every field signed, intact and trusted: executed on the date of the last signature",
          "[rules][signed]") {
  const core::Outcome outcome = check(executed_agreement());
  CHECK(ids(outcome) == std::vector<std::string>{"SIGNED-EXECUTED"});
  CHECK(outcome.findings[0].severity == core::Severity::Info);
  CHECK(outcome.findings[0].message ==
        "Every signature field is signed (3 signatures); executed 2026-12-04.");
  REQUIRE(outcome.figures.find("executed-date"));
  CHECK(*outcome.figures.find("executed-date") == "2026-12-04");
}

TEST_CASE("one SIGNED-MISSING per empty field, naming its signatory; not executed",
          "[rules][signed]") {
  model::SignedDocument document = executed_agreement();
  document.signatures.resize(1);
  document.unsigned_fields = {{"signature-2", "Signature of Jane Doe, President, Acme", "page 4"},
                              {"signature-3", "Signature of Ann Lee, Treasurer, Acme", "page 4"}};
  const core::Outcome outcome = check(document);
  CHECK(ids(outcome) == std::vector<std::string>{"SIGNED-MISSING", "SIGNED-MISSING"});
  CHECK(outcome.findings[0].message ==
        "Signature field signature-2 is empty: Jane Doe has not signed, so the document is not "
        "yet executed.");
  CHECK(outcome.findings[1].location == "signed-agreement/signature-3 (page 4)");
  CHECK(outcome.findings[0].severity == core::Severity::Error);
  CHECK_FALSE(outcome.figures.find("executed-date"));
}

TEST_CASE("a copy formpipe did not issue is SIGNED-NOT-ISSUED and never executed",
          "[rules][signed]") {
  model::SignedDocument document = executed_agreement();
  document.issued.reset();
  const core::Outcome outcome = check(document);
  CHECK(ids(outcome) == std::vector<std::string>{"SIGNED-NOT-ISSUED"});
  CHECK(outcome.findings[0].citation == "MIOSHA-ADM-03-3R6 §XVI.D.4");
}

TEST_CASE("a broken or modified signature is an error; an untrusted one a warning",
          "[rules][signed]") {
  model::SignedDocument document = executed_agreement();
  document.signatures[0].intact = false;
  document.signatures[0].invalid_reason = "the digest over its byte range does not match";
  document.signatures[1].modified_after = true;
  document.signatures[1].modification = "the content of page 1 changed";
  document.signatures[2].trusted = false;
  document.signatures[2].trust_problem = "self-signed certificate";
  const core::Outcome outcome = check(document);
  CHECK(ids(outcome) ==
        std::vector<std::string>{"SIGNED-INVALID", "SIGNED-MODIFIED", "SIGNED-UNTRUSTED"});
  CHECK(outcome.findings[0].message ==
        "The signature in signature-1 (Signature of Bart Pickelman, Director, MIOSHA) is not "
        "valid: the digest over its byte range does not match.");
  CHECK(outcome.findings[1].message ==
        "The document was changed after the signature in signature-2 beyond adding signatures: "
        "the content of page 1 changed.");
  CHECK(outcome.findings[2].severity == core::Severity::Warning);
  CHECK(outcome.findings[2].message ==
        "The signature in signature-3 by Ann Lee is not trusted: self-signed certificate.");
  CHECK_FALSE(outcome.figures.find("executed-date"));
}

TEST_CASE("a key that may not sign is untrusted, whatever its chain", "[rules][signed]") {
  model::SignedDocument document = executed_agreement();
  document.signatures[2].key_usage_ok = false;
  const core::Outcome outcome = check(document);
  CHECK(ids(outcome) == std::vector<std::string>{"SIGNED-UNTRUSTED", "SIGNED-EXECUTED"});
  CHECK(outcome.findings[0].message.find("key usage does not allow signing") != std::string::npos);
}

TEST_CASE("the signer's name is compared without case, titles and post-nominals",
          "[rules][signed]") {
  model::SignedDocument document = executed_agreement();
  document.signatures[2].signer_name = "Anne Leigh";
  const core::Outcome outcome = check(document);
  CHECK(ids(outcome) == std::vector<std::string>{"SIGNED-SIGNER-NAME", "SIGNED-EXECUTED"});
  CHECK(outcome.findings[0].message ==
        "The signature in signature-3 is by \"Anne Leigh\", but the field is for \"Ann Lee\".");
}

TEST_CASE("the SIGNED rulebook runs signing.md §4's rules in its order", "[rules][signed]") {
  const auto ids = rules::signed_rule_ids();
  CHECK(std::vector<std::string>(ids.begin(), ids.end()) ==
        std::vector<std::string>{"SIGNED-NOT-ISSUED", "SIGNED-INVALID", "SIGNED-MODIFIED",
                                 "SIGNED-MISSING", "SIGNED-UNTRUSTED", "SIGNED-SIGNER-NAME",
                                 "SIGNED-EXECUTED"});
}
