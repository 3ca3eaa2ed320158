// formpipe watch: process an inbox continuously, one log line per submission.
#include <chrono>
#include <iostream>

#include "pipeline/cli/commands.hpp"
#include "pipeline/cli/inbox_cli.hpp"
#include "pipeline/inbox/store.hpp"

namespace pipeline::cli {

namespace {

// One line per submission on stdout, flushed at once so a log file follows along. Names come
// escaped (docs/inbox.md, "File names"), so a name never breaks or forges a line.
class LogLines : public inbox::Observer {
 public:
  void started(std::size_t expected) override {
    std::cout << inbox::iso_utc(std::chrono::system_clock::now()) << " watching; " << expected
              << " entr" << (expected == 1 ? "y" : "ies") << " in the inbox" << std::endl;
  }
  void finished(const inbox::Event& event) override {
    std::ostream& out = event.kind == inbox::Event::Kind::Failed ? std::cerr : std::cout;
    out << inbox::iso_utc(std::chrono::system_clock::now()) << " " << event.source << ": ";
    switch (event.kind) {
      case inbox::Event::Kind::Processed:
        out << process::status_name(event.status) << " -> " << event.id << " (" << event.errors
            << " error" << (event.errors == 1 ? "" : "s") << ", " << event.warnings << " warning"
            << (event.warnings == 1 ? "" : "s") << ")";
        break;
      case inbox::Event::Kind::Duplicate:
        out << "duplicate of " << event.id << "; removed from the inbox";
        break;
      case inbox::Event::Kind::Failed:
        out << "FAILED: " << event.message;
        break;
    }
    out << std::endl;
  }
  void refused(const std::string& source, const std::string& kind) override {
    std::cerr << inbox::iso_utc(std::chrono::system_clock::now()) << " " << source
              << ": not taken: " << kind << std::endl;
  }
  void reloaded(const std::string& error) override {
    if (error.empty()) {
      std::cout << inbox::iso_utc(std::chrono::system_clock::now())
                << " templates and profiles changed on disk; loaded again" << std::endl;
    } else {
      std::cerr << inbox::iso_utc(std::chrono::system_clock::now())
                << " templates or profiles changed on disk but cannot be loaded; still using "
                   "the ones loaded before: "
                << error << std::endl;
    }
  }
};

}  // namespace

int watch_command(const Args& args) {
  const Poco::Util::OptionSet options = inbox_options();
  const ParsedArgs parsed = parse_args(args, options);
  if (parsed.has("help")) {
    std::cout
        << "Usage: formpipe watch INBOX --out OUTDIR [--jobs N] [--as-of YYYY-MM-DD]\n"
           "                       [--max-bytes SIZE] [--settle SECONDS] [--profile NAME]\n\n"
           "Does what 'formpipe run' does, then keeps watching INBOX and processes each\n"
           "new submission once it has stopped changing, logging one line per submission\n"
           "on stdout (failures on stderr). The folder is polled a few times a second\n"
           "(no inotify, so network shares work too). When a template or program profile\n"
           "of the data folder changes, the next submission is processed with it (a\n"
           "broken one is reported and the previous one kept). SIGINT or SIGTERM finishes the\n"
           "submissions in hand and exits 0; a second signal stops at once, and the next\n"
           "start finishes what was left.\n";
    print_inbox_help_tail(options);
    std::cout << "\nExamples:\n"
                 "  formpipe watch /srv/alliance-inbox --out /srv/alliance-results --jobs 2\n"
                 "  formpipe watch inbox --out results --settle 10 >> watch.log\n\n"
                 "Exit status: 0 stopped by SIGINT/SIGTERM; 2 usage error; 3 could not start.\n";
    return 0;
  }
  const inbox::Settings settings = inbox_settings(parsed, true);
  const StopOnSignal stop;
  LogLines log;
  const inbox::Summary summary = inbox::run_inbox(settings, log, stop.requested());
  std::cout << inbox::iso_utc(std::chrono::system_clock::now()) << " stopped: " << summary.accepted
            << " accepted, " << summary.rejected << " rejected, " << summary.unreadable
            << " unreadable, " << summary.duplicates << " duplicates, " << summary.failed
            << " failed" << std::endl;
  return 0;
}

}  // namespace pipeline::cli
