// A PDF submission (pdf-forms.md §3, signing.md §4, rules.md §9): a formpipe form, read by
// ingest; or a signed copy of an agreement or letter formpipe issued, whose signatures are
// verified here (signing::verify_pdf, over QPDF and OpenSSL) into model::SignedDocument's facts
// for the SIGNED rules. Anything else is FORMAT-PDF.
#include "pipeline/process/signed_copy.hpp"

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include "pipeline/ingest/reader.hpp"
#include "pipeline/process/names.hpp"
#include "pipeline/process/process.hpp"
#include "pipeline/signing/verify.hpp"

namespace pipeline::process {

namespace {

std::string page_text(int page) {
  return page > 0 ? "page " + std::to_string(page) : std::string();
}

// The first revision as issued may end at "%%EOF" or after its end-of-line: both are hashed.
std::vector<std::string> first_revision_hashes(std::string_view pdf,
                                               const std::vector<std::size_t>& ends) {
  std::vector<std::string> out;
  if (ends.empty()) return out;
  std::size_t end = std::min(ends.front(), pdf.size());
  std::size_t start = end;
  while (start > 0 && (pdf[start - 1] == '\n' || pdf[start - 1] == '\r')) --start;
  for (std::size_t at = start; at <= end; ++at) out.push_back(sha256_hex(pdf.substr(0, at)));
  // Trailing end-of-line bytes after the recorded end (a writer that counts them).
  for (std::size_t at = end;
       at < pdf.size() && at < end + 2 && (pdf[at] == '\n' || pdf[at] == '\r'); ++at)
    out.push_back(sha256_hex(pdf.substr(0, at + 1)));
  return out;
}

}  // namespace

ingest::Ingested read_pdf(const std::filesystem::path& path, const ingest::Options& options,
                          const std::shared_ptr<const signing::TrustAnchors>& trust) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(std::filesystem::status(path, ec))) {
    ingest::Ingested out;
    out.unreadable = true;
    out.findings.push_back(core::make_finding(
        ingest::kFormatPdf,
        escape_name(path.filename().string()) + ": not a regular file; expected a PDF."));
    return out;
  }
  ingest::PdfIngested pdf = ingest::ingest_pdf_path(path, options);
  if (!pdf.signed_document) return std::move(pdf.ingested);
  return read_signed_copy(pdf.bytes, escape_name(path.filename().string()), trust);
}

ingest::Ingested read_signed_copy(std::string_view bytes, const std::string& name,
                                  const std::shared_ptr<const signing::TrustAnchors>& trust) {
  ingest::Ingested out;
  const auto unreadable = [&](std::string message) {
    out.unreadable = true;
    if (!message.empty() && message.back() != '.') message += '.';
    out.findings.push_back(core::make_finding(ingest::kFormatPdf, std::move(message)));
    return out;
  };

  signing::Verification verification;
  try {
    static const signing::TrustAnchors none = signing::TrustAnchors::none();
    verification = signing::verify_pdf(bytes, trust ? *trust : none);
  } catch (const signing::PdfError& e) {
    return unreadable(name + ": not a readable PDF: " + e.what());
  }
  if (!verification.has_signature_fields())
    return unreadable(name +
                      ": not a formpipe form or signed document: it has no signature field. Send "
                      "the signed copy of an agreement or letter formpipe issued");

  model::SignedDocument document;
  document.location = "signed-agreement";
  document.first_revision_sha256 = first_revision_hashes(bytes, verification.revision_ends);
  document.document_id = verification.document_id_hex;
  for (const signing::SignatureReport& s : verification.signatures) {
    model::SignatureFacts facts;
    facts.field = s.field;
    facts.description = s.tooltip;
    facts.page = page_text(s.page);
    facts.signer_name = s.signer_name;
    facts.signer_email = s.signer_email;
    if (!s.signing_time.empty()) facts.signing_date = s.signing_date;
    facts.signing_time = s.signing_time;
    facts.intact = s.intact && s.covers_revision;
    facts.invalid_reason = s.problem;
    facts.modified_after = s.modified_after;
    facts.modification = s.modification;
    facts.trusted = s.trusted;
    facts.trust_problem = s.trust_problem;
    facts.key_usage_ok = s.key_usage_ok;
    facts.certification = s.certification;
    document.signatures.push_back(std::move(facts));
  }
  for (const signing::EmptySignatureField& f : verification.unsigned_fields)
    document.unsigned_fields.push_back({f.name, f.tooltip, page_text(f.page)});

  model::Submission submission;
  submission.kind = "signed-agreement";  // or signed-letter: process matches it to what was issued
  submission.form = std::move(document);
  out.kind = submission.kind;
  out.submission = std::move(submission);
  return out;
}

}  // namespace pipeline::process
