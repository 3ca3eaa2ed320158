// formpipe check: ingest and validate, print findings (text or JSON), optionally the summary PDF.
#include <Poco/Util/HelpFormatter.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>

#include "pipeline/cli/commands.hpp"
#include "pipeline/cli/options.hpp"
#include "pipeline/cli/output.hpp"
#include "pipeline/inbox/store.hpp"
#include "pipeline/process/process.hpp"

namespace pipeline::cli {

namespace {

Poco::Util::OptionSet check_options() {
  Poco::Util::OptionSet options;
  options.addOption(flag("json", "j", "print one JSON report object per submission"));
  options.addOption(valued("profile", "p",
                           "program profile for documents that name none (miosha, osha, iowa, "
                           "calosha, cet-grant)",
                           "NAME"));
  options.addOption(valued("as-of", "", "today's date for deadline rules (default: the real date)",
                           "YYYY-MM-DD"));
  options.addOption(valued("summary-pdf", "",
                           "also write the reviewer's compliance summary (one submission only)",
                           "OUT.pdf"));
  options.addOption(valued("out", "o",
                           "the result folder whose record store issued the documents that signed "
                           "copies (.pdf) are matched to",
                           "OUTDIR"));
  options.addOption(repeated("trust", "t",
                             "a certificate signed copies' signatures must chain to (PEM file or "
                             "folder of *.pem/*.crt); repeatable (default: none, every signature "
                             "is untrusted)",
                             "CERT"));
  options.addOption(flag("help", "h", "show this help"));
  return options;
}

void print_check_help(const Poco::Util::OptionSet& options) {
  std::cout << "Usage: formpipe check PATH... [--json] [--profile NAME] [--as-of YYYY-MM-DD]\n"
               "                       [--summary-pdf OUT.pdf] [--out OUTDIR] [--trust CERT]...\n\n"
               "Ingests and validates each submission and prints its findings: every rule it\n"
               "breaks, with the rule ID, severity, message and the policy section it cites,\n"
               "then the figures the rules computed. A PATH is read as a bundle when it is a\n"
               "folder or ends in .zip, as CSV when it ends in .csv, as a PDF when it ends in\n"
               ".pdf, and as XML otherwise. A PDF is a filled form from `formpipe blank` (read\n"
               "like its XML, findings located by field name and page, docs/forms.md) or a\n"
               "signed copy of an agreement or letter; any other PDF is unreadable. A signed\n"
               "copy is matched to the document the record store of --out issued, and its\n"
               "signatures are trusted when they chain to a --trust certificate\n"
               "(docs/signing.md).\n\n"
               "Options:\n";
  print_options(options);
  std::cout << "\nExamples:\n"
               "  formpipe check samples/cet-grant-proposal.valid.xml\n"
               "  formpipe check --json --as-of 2025-10-10 inbox/*.xml > reports.json\n"
               "  formpipe check proposal.zip --summary-pdf summary.pdf\n"
               "  formpipe check filled-diary-sheet.pdf\n"
               "  formpipe check signed-agreement.pdf --out results/ --trust agency-ca.pem\n\n"
               "Exit status: 0 no errors; 1 at least one submission is rejected; 2 usage error or\n"
               "an unreadable submission; 3 internal failure.\n";
}

}  // namespace

int check_command(const Args& args) {
  const Poco::Util::OptionSet options = check_options();
  const ParsedArgs parsed = parse_args(args, options);
  if (parsed.has("help")) {
    print_check_help(options);
    return 0;
  }
  if (parsed.positional.empty()) throw UsageError("no PATH given");
  const auto summary_pdf = parsed.get("summary-pdf");
  if (summary_pdf && parsed.positional.size() != 1)
    throw UsageError("--summary-pdf writes one submission's summary; give exactly one PATH");

  const process::EnvironmentPtr env = load_environment(parsed);
  process::Options process_options;
  process_options.profile = parsed.get("profile");
  process_options.render = summary_pdf.has_value();
  process_options.render_form_document = false;  // check writes only the reviewer's summary
  process_options.trust = trust_anchors(parsed);
  std::unique_ptr<inbox::Store> store;
  if (const auto out = parsed.get("out")) {
    const std::filesystem::path file = std::filesystem::path(*out) / "formpipe.sqlite";
    if (!std::filesystem::is_regular_file(file))
      throw UsageError("no record store in " + *out + " (the --out of formpipe run or watch)");
    store = std::make_unique<inbox::Store>(file);
    process_options.issued = [&store](const std::vector<std::string>& sha256s) {
      return store->issued(sha256s);
    };
  }

  std::vector<process::Report> reports;
  int status = 0;
  for (const std::string& path : parsed.positional) {
    if (!std::filesystem::exists(path)) throw UsageError("no such file or folder: " + path);
    process::Processed processed = process::process_path(path, *env, process_options);
    status = std::max(status, exit_status(processed.report.status));
    if (summary_pdf) write_document(processed, "compliance-summary.pdf", *summary_pdf);
    reports.push_back(std::move(processed.report));
  }
  if (parsed.has("json")) {
    print_json(reports);
  } else {
    for (const process::Report& report : reports) print_text(report, parsed.positional.size() > 1);
  }
  return status;
}

}  // namespace pipeline::cli
