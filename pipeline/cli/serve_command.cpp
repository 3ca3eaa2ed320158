// formpipe serve: the reviewers' desk over an OUTDIR (web.md).
#include <chrono>
#include <filesystem>
#include <iostream>
#include <thread>

#include "pipeline/cli/commands.hpp"
#include "pipeline/cli/inbox_cli.hpp"
#include "pipeline/cli/options.hpp"
#include "pipeline/cli/output.hpp"
#include "pipeline/core/data_dir.hpp"
#include "pipeline/inbox/store.hpp"
#include "pipeline/web/desk.hpp"

namespace pipeline::cli {

namespace {

Poco::Util::OptionSet serve_options() {
  Poco::Util::OptionSet options;
  options.addOption(
      valued("out", "o", "the OUTDIR of 'formpipe run' or 'watch' (required)", "OUTDIR"));
  options.addOption(valued("inbox", "i", "accept uploads into this inbox folder", "INBOX"));
  options.addOption(
      valued("listen", "l", "address and port to listen on (default 127.0.0.1:8080)", "ADDR:PORT"));
  options.addOption(valued("tls-cert", "", "serve HTTPS with this certificate (PEM)", "PEM"));
  options.addOption(valued("tls-key", "", "the certificate's private key (PEM)", "PEM"));
  options.addOption(valued("max-bytes", "", "largest upload, as for 'run' (default 64M)", "SIZE"));
  options.addOption(flag("help", "h", "show this help"));
  return options;
}

}  // namespace

int serve_command(const Args& args) {
  const Poco::Util::OptionSet options = serve_options();
  const ParsedArgs parsed = parse_args(args, options);
  if (parsed.has("help")) {
    std::cout
        << "Usage: formpipe serve --out OUTDIR [--inbox INBOX] [--listen ADDR:PORT]\n"
           "                      [--tls-cert PEM --tls-key PEM] [--max-bytes SIZE]\n\n"
           "Serves the reviewers' desk: a web application over the record store and result\n"
           "folders of OUTDIR (while 'run' or 'watch' write them). Reviewers sign in with an\n"
           "account made by 'formpipe user add', then list and filter the submissions, read\n"
           "each one's findings and PDFs, see what each alliance owes, and record a decision\n"
           "(reviewed or returned, with a note). With --inbox, files uploaded on the desk are\n"
           "dropped into INBOX for 'formpipe watch' to process. SIGINT or SIGTERM stops it.\n"
           "Binding an address other than loopback is the operator's choice; use HTTPS then.\n\n"
           "Options:\n";
    print_options(options);
    std::cout << "\nExamples:\n"
                 "  formpipe user add ann --out results\n"
                 "  formpipe serve --out results --inbox inbox\n"
                 "  formpipe serve --out results --listen 0.0.0.0:8443 --tls-cert desk.pem "
                 "--tls-key desk.key\n\n"
                 "Exit status: 0 stopped by SIGINT/SIGTERM; 2 usage error; 3 could not start.\n";
    return 0;
  }
  if (!parsed.positional.empty())
    throw UsageError("unexpected argument \"" + parsed.positional.front() + "\"");
  const auto out = parsed.get("out");
  if (!out || out->empty()) throw UsageError("--out OUTDIR is required");
  std::error_code ec;
  if (!std::filesystem::is_directory(*out, ec))
    throw UsageError("OUTDIR " + *out + " is not a folder");
  web::DeskOptions desk;
  desk.out = *out;
  if (const auto inbox = parsed.get("inbox")) {
    if (!std::filesystem::is_directory(*inbox, ec))
      throw UsageError("INBOX " + *inbox + " is not a folder");
    desk.inbox = *inbox;
  }
  if (const auto listen = parsed.get("listen")) desk.listen = *listen;
  if (parsed.has("tls-cert") != parsed.has("tls-key"))
    throw UsageError("--tls-cert and --tls-key go together");
  if (const auto cert = parsed.get("tls-cert")) desk.tls_cert = *cert;
  if (const auto key = parsed.get("tls-key")) desk.tls_key = *key;
  if (const auto max = parsed.get("max-bytes")) desk.max_bytes = parse_byte_size(*max);
  desk.environment = load_environment(parsed);
  desk.web_folder = core::data_dir() / "templates" / "web";
  desk.today = [] { return today(); };

  web::Desk server(desk);
  const StopOnSignal stop;
  server.start();
  std::cout << inbox::iso_utc(std::chrono::system_clock::now()) << " the reviewers' desk is at "
            << (server.https() ? "https" : "http") << "://"
            << desk.listen.substr(0, desk.listen.rfind(':')) << ":" << server.port() << "/ (OUTDIR "
            << *out << ")" << std::endl;
  while (!stop.requested().load()) std::this_thread::sleep_for(std::chrono::milliseconds(200));
  server.stop();
  std::cout << inbox::iso_utc(std::chrono::system_clock::now()) << " stopped" << std::endl;
  return 0;
}

}  // namespace pipeline::cli
