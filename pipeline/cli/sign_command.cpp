// formpipe sign: one PAdES signature in one empty signature field, as an incremental update.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "pipeline/cli/commands.hpp"
#include "pipeline/cli/options.hpp"
#include "pipeline/cli/output.hpp"
#include "pipeline/core/data_dir.hpp"
#include "pipeline/render/fonts.hpp"
#include "pipeline/signing/sign.hpp"

namespace pipeline::cli {

namespace {

Poco::Util::OptionSet sign_options() {
  Poco::Util::OptionSet options;
  options.addOption(valued("output", "o", "where to write the signed PDF (required)", "OUT.pdf"));
  options.addOption(valued("key", "k",
                           "the signer's PKCS#12 file: private key, certificate and "
                           "chain (required)",
                           "SIGNER.p12"));
  options.addOption(valued("password-file", "",
                           "file whose first line is the PKCS#12 password (else the environment "
                           "variable FORMPIPE_KEY_PASSWORD; never on the command line)",
                           "FILE"));
  options.addOption(
      valued("field", "f", "the signature field to sign (default: the first empty one)", "NAME"));
  options.addOption(
      valued("reason", "", "why it is signed, e.g. \"I agree to this alliance\"", "TEXT"));
  options.addOption(valued("location", "", "where it is signed, e.g. \"Lansing, MI\"", "TEXT"));
  options.addOption(
      valued("contact", "", "how to reach the signer, e.g. an e-mail address", "TEXT"));
  options.addOption(flag("certify", "",
                         "a certification signature (first signature only): afterwards only "
                         "filling in forms and signing are allowed"));
  options.addOption(flag("help", "h", "show this help"));
  return options;
}

void print_sign_help(const Poco::Util::OptionSet& options) {
  std::cout
      << "Usage: formpipe sign IN.pdf -o OUT.pdf --key SIGNER.p12 [--password-file FILE]\n"
         "                     [--field NAME] [--reason TEXT] [--location TEXT] [--contact TEXT]\n"
         "                     [--certify]\n\n"
         "Signs one empty signature field of IN.pdf (an agreement or letter formpipe rendered, or\n"
         "any PDF with signature fields) and writes OUT.pdf: IN.pdf's bytes unchanged, then one\n"
         "incremental update with a PAdES baseline B-B signature (SHA-256, the signer's\n"
         "certificate chain, the signing time) and a visible \"Digitally signed by NAME\" on the\n"
         "field. Earlier signatures stay valid; sign the fields one after another.\n\n"
         "Options:\n";
  print_options(options);
  std::cout
      << "\nExamples:\n"
         "  FORMPIPE_KEY_PASSWORD=... formpipe sign agreement.pdf -o signed.pdf \\\n"
         "      --key miosha.p12 --field signature-1 --certify --reason \"Approved\"\n"
         "  formpipe sign signed.pdf -o signed-2.pdf --key partner.p12 --password-file pw.txt\n\n"
         "See docs/signing.md for making a key and certificate with openssl.\n"
         "Exit status: 0 signed; 2 usage error, unreadable PDF or key, wrong password, or a\n"
         "field that is unknown or already signed; 3 internal failure.\n";
}

std::string read_all(const std::string& path, const char* what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UsageError("cannot read " + std::string(what) + " " + path);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::string key_password(const ParsedArgs& parsed) {
  if (const auto file = parsed.get("password-file")) {
    std::string text = read_all(*file, "the password file");
    const std::size_t end = text.find_first_of("\r\n");
    if (end != std::string::npos) text.erase(end);
    return text;
  }
  if (const char* env = std::getenv("FORMPIPE_KEY_PASSWORD")) return env;
  return {};
}

}  // namespace

int sign_command(const Args& args) {
  const Poco::Util::OptionSet options = sign_options();
  const ParsedArgs parsed = parse_args(args, options);
  if (parsed.has("help")) {
    print_sign_help(options);
    return 0;
  }
  if (parsed.positional.size() != 1) throw UsageError("give exactly one IN.pdf");
  const auto out = parsed.get("output");
  if (!out) throw UsageError("no -o OUT.pdf given");
  const auto key = parsed.get("key");
  if (!key) throw UsageError("no --key SIGNER.p12 given");
  const std::string& input = parsed.positional.front();
  const std::string pdf = read_all(input, "the PDF");
  const std::string pkcs12 = read_all(*key, "the key file");

  signing::SignOptions sign;
  sign.field = parsed.get("field");
  sign.reason = parsed.get("reason").value_or("");
  sign.location = parsed.get("location").value_or("");
  sign.contact = parsed.get("contact").value_or("");
  sign.certify = parsed.has("certify");
  sign.fonts = render::FontSet::load(core::data_dir() / "fonts");
  std::string signed_pdf;
  try {
    const signing::Signer signer = signing::load_signer(pkcs12, key_password(parsed));
    signed_pdf = signing::sign_pdf(pdf, signer, sign);
  } catch (const signing::SignError& e) {
    std::cerr << "formpipe sign: " << e.what() << "\n";
    return 2;
  } catch (const signing::PdfError& e) {
    std::cerr << "formpipe sign: " << input << ": " << e.what() << "\n";
    return 2;
  }
  std::ofstream file(*out, std::ios::binary | std::ios::trunc);
  file.write(signed_pdf.data(), static_cast<std::streamsize>(signed_pdf.size()));
  file.close();
  if (!file) throw core::IoError(*out, "cannot be written");
  std::cout << *out << "\n";
  return 0;
}

}  // namespace pipeline::cli
