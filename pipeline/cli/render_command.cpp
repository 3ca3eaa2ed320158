// formpipe render: the PDF a submission asks for; refuses a submission with error findings.
#include <algorithm>
#include <iostream>

#include "pipeline/cli/commands.hpp"
#include "pipeline/cli/options.hpp"
#include "pipeline/cli/output.hpp"
#include "pipeline/process/process.hpp"

namespace pipeline::cli {

namespace {

Poco::Util::OptionSet render_options() {
  Poco::Util::OptionSet options;
  options.addOption(valued("output", "o",
                           "where to write the PDF (default: the document's name, "
                           "e.g. agreement.pdf, in the current folder)",
                           "OUT.pdf"));
  options.addOption(valued("profile", "p", "program profile for documents that name none", "NAME"));
  options.addOption(valued("as-of", "", "today's date for deadline rules (default: the real date)",
                           "YYYY-MM-DD"));
  options.addOption(flag("help", "h", "show this help"));
  return options;
}

}  // namespace

int render_command(const Args& args) {
  const Poco::Util::OptionSet options = render_options();
  const ParsedArgs parsed = parse_args(args, options);
  if (parsed.has("help")) {
    std::cout << "Usage: formpipe render INPUT [-o OUT.pdf] [--as-of YYYY-MM-DD]\n\n"
                 "Produces the PDF the input asks for: an alliance-agreement gives the agreement\n"
                 "(or renewal agreement), a letter request its letter, a diary sheet or annual\n"
                 "report the filled form, a grant proposal its proposal summary. An input with\n"
                 "error findings is refused (exit 1) and its findings are printed.\n\nOptions:\n";
    print_options(options);
    std::cout << "\nExample:\n  formpipe render samples/alliance-agreement.valid.xml -o "
                 "agreement.pdf\n";
    return 0;
  }
  if (parsed.positional.size() != 1) throw UsageError("give exactly one INPUT");
  const std::string& input = parsed.positional.front();
  if (!std::filesystem::exists(input)) throw UsageError("no such file or folder: " + input);
  const process::EnvironmentPtr env = load_environment(parsed);
  process::Options process_options;
  process_options.profile = parsed.get("profile");
  const process::Processed processed = process::process_path(input, *env, process_options);
  if (processed.report.status != process::Status::Accepted) {
    print_text(processed.report, false);
    std::cerr << "formpipe render: " << input << " is "
              << process::status_name(processed.report.status) << "; nothing rendered\n";
    return exit_status(processed.report.status);
  }
  const auto document =
      std::find_if(processed.documents.begin(), processed.documents.end(),
                   [](const process::Document& d) { return d.name != "compliance-summary.pdf"; });
  if (document == processed.documents.end()) {
    std::cerr << "formpipe render: " << input << " is a " << processed.report.form
              << ", which has no document to render"
              << (processed.report.form.rfind("signed-", 0) == 0
                      ? " (a signed copy: formpipe verify checks its signatures)\n"
                      : "\n");
    return 2;
  }
  const std::string out = parsed.get("output").value_or(document->name);
  write_document(processed, document->name, out);
  std::cout << out << "\n";
  return 0;
}

}  // namespace pipeline::cli
