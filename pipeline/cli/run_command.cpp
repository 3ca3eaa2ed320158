// formpipe run: process every submission in an inbox once, with a progress bar on a terminal.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>

#include "pipeline/cli/commands.hpp"
#include "pipeline/cli/inbox_cli.hpp"

namespace pipeline::cli {

namespace {

// A progress bar on stderr (only when it is a terminal), and failures as lines of their own.
class Progress : public inbox::Observer {
 public:
  Progress() : terminal_(isatty(STDERR_FILENO) != 0) {}
  ~Progress() override { clear(); }

  void started(std::size_t expected) override {
    expected_ = expected;
    draw(true);
  }
  void finished(const inbox::Event& event) override {
    ++done_;
    if (event.kind == inbox::Event::Kind::Failed) {
      clear();
      std::cerr << "formpipe run: " << event.source << ": " << event.message << "\n";
    }
    draw(done_ >= expected_);
  }
  void refused(const std::string& source, const std::string& kind) override {
    clear();
    std::cerr << "formpipe run: " << source << ": not taken: " << kind << "\n";
    draw(true);
  }

 private:
  void draw(bool now) {
    if (!terminal_) return;
    const auto time = std::chrono::steady_clock::now();
    if (!now && time - drawn_ < std::chrono::milliseconds(100)) return;
    drawn_ = time;
    const std::size_t total = std::max(expected_, done_);
    constexpr std::size_t kWidth = 30;
    const std::size_t filled = total == 0 ? kWidth : kWidth * done_ / total;
    std::cerr << "\r[" << std::string(filled, '#') << std::string(kWidth - filled, '.') << "] "
              << done_ << "/" << total << std::flush;
    shown_ = true;
  }
  void clear() {
    if (!shown_) return;
    std::cerr << "\r\033[K" << std::flush;
    shown_ = false;
  }

  bool terminal_;
  bool shown_ = false;
  std::size_t expected_ = 0;
  std::size_t done_ = 0;
  std::chrono::steady_clock::time_point drawn_{};
};

int exit_status_of(const inbox::Summary& summary) {
  if (summary.interrupted) return 0;
  if (summary.failed > 0) return 3;
  if (summary.unreadable > 0) return 2;
  if (summary.rejected > 0) return 1;
  return 0;
}

}  // namespace

int run_command(const Args& args) {
  const Poco::Util::OptionSet options = inbox_options();
  const ParsedArgs parsed = parse_args(args, options);
  if (parsed.has("help")) {
    std::cout << "Usage: formpipe run INBOX --out OUTDIR [--jobs N] [--as-of YYYY-MM-DD]\n"
                 "                     [--max-bytes SIZE] [--settle SECONDS] [--profile NAME]\n\n"
                 "Processes every submission in INBOX once and exits: each gets a result folder\n"
                 "in OUTDIR and leaves the inbox. Submissions left half-done by a crash are\n"
                 "finished first. On a terminal a progress bar shows on stderr; at the end one\n"
                 "line counts the submissions by status.\n";
    print_inbox_help_tail(options);
    std::cout << "\nExamples:\n"
                 "  formpipe run inbox --out results\n"
                 "  formpipe run inbox --out results --jobs 4 --as-of 2025-10-10\n"
                 "  formpipe run inbox --out results --max-bytes 10M\n\n"
                 "Exit status: 0 every submission accepted (or stopped by SIGINT/SIGTERM after\n"
                 "the submissions in hand); 1 at least one rejected; 2 usage error or an\n"
                 "unreadable submission; 3 a submission could not be finished (it stays in the\n"
                 "inbox) or the run could not start.\n";
    return 0;
  }
  const inbox::Settings settings = inbox_settings(parsed, false);
  const StopOnSignal stop;
  inbox::Summary summary;
  {
    Progress progress;
    summary = inbox::run_inbox(settings, progress, stop.requested());
  }
  const std::size_t processed = summary.accepted + summary.rejected + summary.unreadable;
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.1f", summary.elapsed.count());
  std::cout << "formpipe run: " << processed << " submission" << (processed == 1 ? "" : "s")
            << " in " << seconds << " s: " << summary.accepted << " accepted, " << summary.rejected
            << " rejected, " << summary.unreadable << " unreadable; " << summary.duplicates
            << " duplicate" << (summary.duplicates == 1 ? "" : "s") << " removed; "
            << summary.failed << " failed" << (summary.interrupted ? " (stopped by a signal)" : "")
            << "\n";
  return exit_status_of(summary);
}

}  // namespace pipeline::cli
