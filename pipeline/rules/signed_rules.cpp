// The SIGNED rules of signing.md §4 (rules.md §9) for a signed copy coming back: was it issued,
// is every signature intact, unmodified, trusted and by the signatory named, and is every field
// signed. Signatures are verified by ingest (the facts of model::SignatureFacts); these rules
// only judge them.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/rules/rulebooks.hpp"
#include "pipeline/text/unicode.hpp"

namespace pipeline::rules {

namespace {

using model::SignatureFacts;
using model::SignedDocument;

inline constexpr core::RuleRef kNotIssued{"SIGNED-NOT-ISSUED", core::Severity::Error,
                                          "MIOSHA-ADM-03-3R6 §XVI.D.4"};
inline constexpr core::RuleRef kInvalid{"SIGNED-INVALID", core::Severity::Error,
                                        "MIOSHA-ADM-03-3R6 §XV"};
inline constexpr core::RuleRef kModified{"SIGNED-MODIFIED", core::Severity::Error,
                                         "MIOSHA-ADM-03-3R6 §XV"};
inline constexpr core::RuleRef kMissing{"SIGNED-MISSING", core::Severity::Error,
                                        "MIOSHA-ADM-03-3R6 §XV, App D"};
inline constexpr core::RuleRef kUntrusted{"SIGNED-UNTRUSTED", core::Severity::Warning,
                                          "MIOSHA-ADM-03-3R6 §XV"};
inline constexpr core::RuleRef kSignerName{"SIGNED-SIGNER-NAME", core::Severity::Warning,
                                           "MIOSHA-ADM-03-3R6 §XV, App D"};
inline constexpr core::RuleRef kExecuted{"SIGNED-EXECUTED", core::Severity::Info,
                                         "MIOSHA-ADM-03-3R6 §XV, App D, §XVI.D.4"};

std::string where(const SignedDocument& document, const std::string& field,
                  const std::string& page) {
  return document.location + "/" + field + (page.empty() ? "" : " (" + page + ")");
}

// "the signature in signature-2 (Signature of Jane Doe, Director, Acme)".
std::string named(const std::string& field, const std::string& description) {
  return field + (description.empty() ? "" : " (" + description + ")");
}

void issued_by_formpipe(const SignedDocument& document, core::Outcome& outcome) {
  if (document.issued) return;
  outcome.add(kNotIssued,
              "The PDF's first revision is not a document formpipe issued: no agreement or "
              "letter in the record store has its SHA-256 (it is unknown, or it was rewritten "
              "after it was issued).",
              document.location);
}

void signatures_intact(const SignedDocument& document, core::Outcome& outcome) {
  for (const SignatureFacts& s : document.signatures)
    if (!s.intact)
      outcome.add(kInvalid,
                  "The signature in " + named(s.field, s.description) + " is not valid: " +
                      (s.invalid_reason.empty() ? "it does not verify" : s.invalid_reason) + ".",
                  where(document, s.field, s.page));
}

void unmodified_after_signing(const SignedDocument& document, core::Outcome& outcome) {
  for (const SignatureFacts& s : document.signatures)
    if (s.modified_after)
      outcome.add(kModified,
                  "The document was changed after the signature in " + s.field +
                      " beyond adding signatures: " +
                      (s.modification.empty() ? "an object changed" : s.modification) + ".",
                  where(document, s.field, s.page));
}

void every_field_signed(const SignedDocument& document, core::Outcome& outcome) {
  for (const model::UnsignedField& f : document.unsigned_fields) {
    const std::string who = model::signatory_of(f.description);
    outcome.add(kMissing,
                "Signature field " + f.field +
                    " is empty: " + (who.empty() ? "its signatory" : who) +
                    " has not signed, so the document is not yet executed.",
                where(document, f.field, f.page));
  }
}

void signatures_trusted(const SignedDocument& document, core::Outcome& outcome) {
  for (const SignatureFacts& s : document.signatures) {
    if (s.trusted && s.key_usage_ok) continue;
    std::string why = !s.key_usage_ok ? "its certificate's key usage does not allow signing"
                      : s.trust_problem.empty()
                          ? "its certificate does not chain to a configured trust anchor"
                          : s.trust_problem;
    outcome.add(kUntrusted,
                "The signature in " + s.field + " by " +
                    (s.signer_name.empty() ? "an unnamed signer" : s.signer_name) +
                    " is not trusted: " + why + ".",
                where(document, s.field, s.page));
  }
}

// A person's name as compared: case-folded, without a leading courtesy or academic title and
// without post-nominals after a comma ("Dr. Jane Doe, CIH" -> "jane doe").
std::string bare_name(std::string_view name) {
  name = name.substr(0, name.find(','));
  std::string folded = text::fold_for_match(name);
  for (const std::string_view title :
       {"mr. ", "mrs. ", "ms. ", "dr. ", "prof. ", "mr ", "mrs ", "ms ", "dr ", "prof "})
    if (folded.rfind(title, 0) == 0) {
      folded.erase(0, title.size());
      break;
    }
  return text::collapse_spaces(folded);
}

void signed_by_signatory(const SignedDocument& document, core::Outcome& outcome) {
  for (const SignatureFacts& s : document.signatures) {
    const std::string signatory = model::signatory_of(s.description);
    if (signatory.empty() || s.signer_name.empty()) continue;
    if (bare_name(signatory) == bare_name(s.signer_name)) continue;
    outcome.add(kSignerName,
                "The signature in " + s.field + " is by \"" + s.signer_name +
                    "\", but the field is for \"" + signatory + "\".",
                where(document, s.field, s.page));
  }
}

// Executed: issued, every field signed, every signature intact and unmodified. The date is that
// of the last signature.
void executed(const SignedDocument& document, core::Outcome& outcome) {
  if (!document.issued || !document.unsigned_fields.empty() || document.signatures.empty()) return;
  if (std::any_of(document.signatures.begin(), document.signatures.end(),
                  [](const SignatureFacts& s) { return !s.intact || s.modified_after; }))
    return;
  std::optional<core::Date> last;
  for (const SignatureFacts& s : document.signatures)
    if (s.signing_date && (!last || *last < *s.signing_date)) last = s.signing_date;
  const std::size_t count = document.signatures.size();
  std::string message = "Every signature field is signed (" + std::to_string(count) +
                        (count == 1 ? " signature" : " signatures") + ")";
  if (last) {
    message += "; executed " + last->iso();
    outcome.figures.set("executed-date", last->iso());
  } else {
    message += "; no signature says when it was made, so the executed date is unknown";
  }
  outcome.add(kExecuted, message + ".", document.location);
}

constexpr RuleRow<SignedDocument> kRows[] = {
    {{"SIGNED-NOT-ISSUED"}, issued_by_formpipe},
    {{"SIGNED-INVALID"}, signatures_intact},
    {{"SIGNED-MODIFIED"}, unmodified_after_signing},
    {{"SIGNED-MISSING"}, every_field_signed},
    {{"SIGNED-UNTRUSTED"}, signatures_trusted},
    {{"SIGNED-SIGNER-NAME"}, signed_by_signatory},
    {{"SIGNED-EXECUTED"}, executed},
};

}  // namespace

std::vector<std::string_view> signed_rule_ids() {
  std::vector<std::string_view> ids;
  for (const auto& row : kRows)
    for (const std::string_view id : row.ids)
      if (!id.empty()) ids.push_back(id);
  return ids;
}

void check_signed_document(const model::SignedDocument& document, const Context& /*context*/,
                           core::Outcome& outcome) {
  for (const auto& row : kRows) row.check(document, outcome);
}

}  // namespace pipeline::rules
