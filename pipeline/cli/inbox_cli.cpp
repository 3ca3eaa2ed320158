#include "pipeline/cli/inbox_cli.hpp"

#include <csignal>
#include <cstdlib>
#include <iostream>

#include "pipeline/cli/output.hpp"

namespace pipeline::cli {

namespace {

std::atomic<bool> stop_requested{false};
static_assert(std::atomic<bool>::is_always_lock_free, "the signal handler needs a lock-free flag");

extern "C" void request_stop(int) {
  stop_requested.store(true);
}

unsigned parse_jobs(const std::string& text) {
  char* end = nullptr;
  const unsigned long jobs = std::strtoul(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0' || jobs < 1 || jobs > 64)
    throw UsageError("--jobs expects a number from 1 to 64, found \"" + text + "\"");
  return static_cast<unsigned>(jobs);
}

std::chrono::milliseconds parse_seconds(const std::string& text) {
  char* end = nullptr;
  const double seconds = std::strtod(text.c_str(), &end);
  if (text.empty() || *end != '\0' || !(seconds >= 0) || seconds > 3600)
    throw UsageError("--settle expects seconds from 0 to 3600, found \"" + text + "\"");
  return std::chrono::milliseconds(static_cast<long long>(seconds * 1000));
}

}  // namespace

Poco::Util::OptionSet inbox_options() {
  Poco::Util::OptionSet options;
  options.addOption(
      valued("out", "o", "where results and the record store go (required)", "OUTDIR"));
  options.addOption(valued("jobs", "j", "submissions processed in parallel (default 1)", "N"));
  options.addOption(valued("as-of", "", "today's date for deadline rules (default: the real date)",
                           "YYYY-MM-DD"));
  options.addOption(valued("max-bytes", "",
                           "size cap of one submission, e.g. 500K or 64M (default 64M)", "SIZE"));
  options.addOption(
      valued("settle", "", "seconds an entry must stay unchanged (default 2)", "SECONDS"));
  options.addOption(valued("profile", "p", "program profile for documents that name none", "NAME"));
  options.addOption(repeated("trust", "t",
                             "a certificate signed copies' signatures must chain to (PEM file or "
                             "folder of *.pem/*.crt); repeatable (default: none, every signature "
                             "is untrusted)",
                             "CERT"));
  options.addOption(flag("help", "h", "show this help"));
  return options;
}

std::uint64_t parse_byte_size(const std::string& text) {
  std::size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
  const std::string unit = text.substr(digits);
  std::uint64_t scale = 1;
  if (unit == "K" || unit == "k") scale = 1ull << 10;
  if (unit == "M" || unit == "m") scale = 1ull << 20;
  if (unit == "G" || unit == "g") scale = 1ull << 30;
  if (digits == 0 || digits > 12 || (scale == 1 && !unit.empty()))
    throw UsageError("--max-bytes expects a size such as 1048576, 500K or 64M, found \"" + text +
                     "\"");
  const std::uint64_t value = std::stoull(text.substr(0, digits)) * scale;
  if (value == 0) throw UsageError("--max-bytes must be more than 0");
  return value;
}

inbox::Settings inbox_settings(const ParsedArgs& parsed, bool watch) {
  if (parsed.positional.size() != 1) throw UsageError("give exactly one INBOX folder");
  const auto out = parsed.get("out");
  if (!out || out->empty()) throw UsageError("--out OUTDIR is required");
  inbox::Settings settings;
  settings.inbox = parsed.positional.front();
  settings.out = *out;
  settings.watch = watch;
  std::error_code ec;
  if (!std::filesystem::is_directory(settings.inbox, ec))
    throw UsageError("no such folder: " + settings.inbox.string());
  if (const auto jobs = parsed.get("jobs")) settings.jobs = parse_jobs(*jobs);
  if (const auto settle = parsed.get("settle")) settings.settle = parse_seconds(*settle);
  if (const auto size = parsed.get("max-bytes"))
    settings.process.max_bytes = parse_byte_size(*size);
  settings.process.profile = parsed.get("profile");
  settings.process.trust = trust_anchors(parsed);
  settings.environment = load_environment(parsed);
  if (watch) settings.reload = [parsed] { return load_environment(parsed); };
  return settings;
}

void print_inbox_help_tail(const Poco::Util::OptionSet& options) {
  std::cout << "\nOptions:\n";
  print_options(options);
  std::cout
      << "\nWhat goes in the inbox: each file (.xml, .csv, .zip, .pdf) or folder bundle is one\n"
         "submission. A .pdf is a filled form from `formpipe blank`, read like its XML\n"
         "(docs/forms.md), or a signed copy of an agreement or letter this OUTDIR issued,\n"
         "matched to it, its signatures verified (against --trust) and, when every field is\n"
         "signed, the agreement recorded as executed (docs/signing.md). Names starting with\n"
         "'.' or '~', ending in '~', or with a temporary suffix (.tmp .temp .part .partial\n"
         ".crdownload .download .filepart .swp) are never taken, and\n"
         "nothing is taken until it has stopped changing for --settle seconds. To drop a file\n"
         "safely, write it under a temporary name and rename it when complete:\n"
         "  cp proposal.xml inbox/proposal.xml.part &&\n"
         "    mv inbox/proposal.xml.part inbox/proposal.xml\n"
         "\nWhat comes out: OUTDIR/<id>/ per submission (report.json, compliance-summary.pdf,\n"
         "the rendered documents, original.<ext> or original/ for a folder bundle), and the\n"
         "record store OUTDIR/formpipe.sqlite. A submission leaves the inbox only once its\n"
         "folder and record are on disk; the same bytes dropped again are recorded as a\n"
         "duplicate and removed. One run or watch works on an inbox at a time.\n";
}

StopOnSignal::StopOnSignal() {
  stop_requested.store(false);
  struct sigaction action {};
  action.sa_handler = request_stop;
  sigemptyset(&action.sa_mask);
  action.sa_flags = static_cast<int>(SA_RESETHAND);  // a second signal: the default action
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

StopOnSignal::~StopOnSignal() {
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
}

const std::atomic<bool>& StopOnSignal::requested() const {
  return stop_requested;
}

}  // namespace pipeline::cli
