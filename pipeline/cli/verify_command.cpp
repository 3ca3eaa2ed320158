// formpipe verify: every signature of a PDF, and its empty signature fields.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "pipeline/cli/commands.hpp"
#include "pipeline/cli/options.hpp"
#include "pipeline/cli/output.hpp"
#include "pipeline/signing/verify.hpp"

namespace pipeline::cli {

namespace {

Poco::Util::OptionSet verify_options() {
  Poco::Util::OptionSet options;
  options.addOption(repeated("trust", "t",
                             "a trusted certificate (PEM file, may hold several) or a folder of "
                             "*.pem/*.crt; repeatable (default: the system's trust store)",
                             "CERT.pem|DIR"));
  options.addOption(flag("json", "j", "print one JSON object instead of text"));
  options.addOption(flag("help", "h", "show this help"));
  return options;
}

void print_verify_help(const Poco::Util::OptionSet& options) {
  std::cout
      << "Usage: formpipe verify FILE.pdf [--trust CERT.pem|DIR]... [--json]\n\n"
         "Checks every signature in FILE.pdf, whoever signed it (formpipe, Acrobat, Okular,\n"
         "pdfsig): the field, the signer (certificate common name and e-mail), the signing time,\n"
         "whether the signed bytes are intact, whether the signature covers the whole file up to\n"
         "its revision, what changed after it (further signatures and validation data are\n"
         "allowed, anything else is a modification), whether the certificate chains to a trusted\n"
         "certificate and was valid when it signed, and whether its key usage allows signing.\n"
         "Empty signature fields are listed with their descriptions.\n\nOptions:\n";
  print_options(options);
  std::cout << "\nExamples:\n"
               "  formpipe verify signed.pdf --trust agency-ca.pem\n"
               "  formpipe verify signed.pdf --trust trusted-cas/ --json\n\n"
               "Exit status: 0 at least one signature and every one valid (intact, unmodified,\n"
               "trusted); 1 otherwise; 2 usage error or a file that is not a readable PDF.\n";
}

const char* yes_no(bool value) {
  return value ? "yes" : "no";
}

void print_text(const std::string& file, const signing::Verification& v) {
  std::cout << file << ": " << v.signatures.size() << " signature"
            << (v.signatures.size() == 1 ? "" : "s") << ", " << v.unsigned_fields.size()
            << " empty signature field" << (v.unsigned_fields.size() == 1 ? "" : "s") << "\n";
  for (const signing::SignatureReport& s : v.signatures) {
    std::cout << "\n" << s.field << (s.is_valid() ? ": valid" : ": NOT VALID");
    if (s.certification)
      std::cout << " (certification signature, DocMDP P " << s.docmdp_permission << ")";
    std::cout << "\n";
    if (!s.tooltip.empty()) std::cout << "  field:       " << s.tooltip << "\n";
    std::cout << "  signer:      " << (s.signer_name.empty() ? "(unknown)" : s.signer_name);
    if (!s.signer_email.empty()) std::cout << " <" << s.signer_email << ">";
    std::cout << "\n  signed at:   "
              << (s.signing_time.empty() ? "(no time given)" : s.signing_time) << "\n";
    std::cout << "  intact:      " << yes_no(s.intact) << "\n";
    std::cout << "  covers:      "
              << (s.covers_revision ? "the whole file up to its revision (byte " +
                                          std::to_string(s.revision_end) + ")"
                                    : std::string("no"))
              << "\n";
    if (!s.problem.empty()) std::cout << "  problem:     " << s.problem << "\n";
    std::cout << "  modified:    "
              << (s.modified_after ? "yes, after signing: " + s.modification
                                   : std::string("no (nothing but permitted changes after it)"))
              << "\n";
    std::cout << "  trusted:     " << (s.trusted ? std::string("yes") : "no: " + s.trust_problem)
              << "\n";
    std::cout << "  key usage:   " << (s.key_usage_ok ? "allows signing" : "does NOT allow signing")
              << "\n";
  }
  for (const signing::EmptySignatureField& f : v.unsigned_fields) {
    std::cout << "\n" << f.name << ": empty";
    if (f.page > 0) std::cout << " (page " << f.page << ")";
    std::cout << "\n";
    if (!f.tooltip.empty()) std::cout << "  field:       " << f.tooltip << "\n";
  }
}

void print_json(const std::string& file, const signing::Verification& v) {
  Poco::JSON::Object object(Poco::JSON_PRESERVE_KEY_ORDER);
  object.set("file", file);
  object.set("document-id", v.document_id_hex);
  Poco::JSON::Array revisions;
  for (const std::size_t end : v.revision_ends) revisions.add(static_cast<Poco::UInt64>(end));
  object.set("revision-ends", revisions);
  Poco::JSON::Array signatures;
  for (const signing::SignatureReport& s : v.signatures) {
    Poco::JSON::Object item(Poco::JSON_PRESERVE_KEY_ORDER);
    item.set("field", s.field);
    item.set("tooltip", s.tooltip);
    item.set("page", s.page);
    item.set("valid", s.is_valid());
    item.set("signer-name", s.signer_name);
    item.set("signer-email", s.signer_email);
    item.set("signing-time", s.signing_time);
    if (!s.cms_signing_time.empty()) item.set("cms-signing-time", s.cms_signing_time);
    item.set("intact", s.intact);
    item.set("covers-revision", s.covers_revision);
    item.set("revision-end", static_cast<Poco::UInt64>(s.revision_end));
    item.set("modified-after", s.modified_after);
    item.set("problem", s.problem);
    item.set("modification", s.modification);
    item.set("trusted", s.trusted);
    item.set("trust-problem", s.trust_problem);
    item.set("key-usage-ok", s.key_usage_ok);
    item.set("certification", s.certification);
    if (s.certification) item.set("docmdp-permission", s.docmdp_permission);
    item.set("sub-filter", s.sub_filter);
    signatures.add(item);
  }
  object.set("signatures", signatures);
  Poco::JSON::Array empty;
  for (const signing::EmptySignatureField& f : v.unsigned_fields) {
    Poco::JSON::Object item(Poco::JSON_PRESERVE_KEY_ORDER);
    item.set("field", f.name);
    item.set("tooltip", f.tooltip);
    item.set("page", f.page);
    empty.add(item);
  }
  object.set("unsigned-fields", empty);
  object.stringify(std::cout, 2);
  std::cout << "\n";
}

}  // namespace

int verify_command(const Args& args) {
  const Poco::Util::OptionSet options = verify_options();
  const ParsedArgs parsed = parse_args(args, options);
  if (parsed.has("help")) {
    print_verify_help(options);
    return 0;
  }
  if (parsed.positional.size() != 1) throw UsageError("give exactly one FILE.pdf");
  const std::string& input = parsed.positional.front();
  std::ifstream in(input, std::ios::binary);
  if (!in) throw UsageError("cannot read " + input);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  const std::string pdf = bytes.str();

  std::vector<std::filesystem::path> trust;
  for (const std::string& path : parsed.get_all("trust")) trust.emplace_back(path);
  signing::Verification verification;
  try {
    const signing::TrustAnchors anchors =
        trust.empty() ? signing::TrustAnchors() : signing::TrustAnchors::load(trust);
    verification = signing::verify_pdf(pdf, anchors);
  } catch (const core::IoError& e) {
    std::cerr << "formpipe verify: --trust " << e.what() << "\n";
    return 2;
  } catch (const signing::PdfError& e) {
    std::cerr << "formpipe verify: " << input << ": " << e.what() << "\n";
    return 2;
  }
  if (parsed.has("json"))
    print_json(input, verification);
  else
    print_text(input, verification);
  return verification.exit_status();
}

}  // namespace pipeline::cli
