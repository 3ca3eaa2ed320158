// formpipe_bench: how fast formpipe renders, ingests, validates and files submissions, as one
// table (docs/bench.md explains the columns). Generates its own inputs from samples/.
//
//   formpipe_bench [--tiny] [--only render|ingest|sign|run|desk] [--formpipe PATH] [--work DIR]
//                  [--keep]
//   formpipe_bench --generate-inbox DIR N     (only write N generated submissions into DIR)
//   formpipe_bench --generate-agreements DIR N   (only write N generated alliance agreements)
//   formpipe_bench --generate-diary-csv FILE N   (only write the N-row diary-sheet CSV)
//
// Render and ingest rows are timed in CPU time of one thread (one core, unaffected by other
// processes sharing the machine); `formpipe run` rows in wall-clock time of the child process,
// with its peak resident memory (VmHWM). Nothing here asserts a time: --tiny only proves
// every path works.

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <iterator>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "bench/desk_rows.hpp"
#include "bench/generate.hpp"
#include "bench/haru_writer.hpp"
#include "bench/signing_rows.hpp"
#include "pipeline/core/data_dir.hpp"
#include "pipeline/core/error.hpp"
#include "pipeline/ingest/ingest.hpp"
#include "pipeline/ingest/pdf_form_test_support.hpp"
#include "pipeline/process/process.hpp"
#include "pipeline/render/compliance_summary.hpp"
#include "pipeline/render/render.hpp"
#include "pipeline/rules/rules.hpp"

namespace fs = std::filesystem;
using namespace pipeline;

namespace {

struct Settings {
  bool tiny = false;
  bool keep = false;
  fs::path work;
  fs::path formpipe;
  std::string only;  // "render", "ingest", "sign", "run" or "desk": that group of rows only
};

// Counts per row; --tiny makes every one small.
struct Counts {
  int variants;   // distinct generated inputs per render kind
  int documents;  // documents rendered per kind
  int proposals;  // grant proposals ingested and validated
  std::size_t diary_rows;
  std::size_t inbox;     // submissions in the `formpipe run` inbox
  int signatures;        // signatures made, and files verified, per sign/verify row
  bench::DeskLoad desk;  // the desk's load test
};

Counts counts_for(bool tiny) {
  if (tiny) return {2, 4, 4, 1000, 40, 4, {1000, 12, 4, 1}};
  return {24, 600, 2000, 100000, 10000, 2000, {100000, 60, 50, 20}};
}

double thread_cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

// One line of the table; a negative number prints as "-", a missing row as "n/a".
struct Row {
  std::string name;
  double count = -1;
  double per_second = -1;
  double ms_each = -1;
  double kb_each = -1;
  double mb_per_second = -1;
  double peak_rss_mb = -1;
  std::string note;   // printed instead of the numbers: the case was not measured
  std::string extra;  // printed after the numbers
  bool failed = false;
};

Row named(std::string name) {
  Row row;
  row.name = std::move(name);
  return row;
}
Row not_measured(std::string name, std::string note) {
  Row row = named(std::move(name));
  row.note = std::move(note);
  return row;
}

void print_cell(double value, const char* format) {
  if (value < 0)
    std::printf("%10s", "-");
  else
    std::printf(format, value);
}

void print_table(const std::vector<Row>& rows) {
  std::printf("%-38s %8s %10s %10s %10s %10s %10s\n", "case", "count", "per s", "ms each",
              "KB each", "MB/s", "peak MB");
  for (const Row& r : rows) {
    std::printf("%-38s ", r.name.c_str());
    if (!r.note.empty()) {
      std::printf("%s\n", r.note.c_str());
      continue;
    }
    if (r.count < 0)
      std::printf("%8s", "-");
    else
      std::printf("%8.0f", r.count);
    print_cell(r.per_second, " %9.1f");
    print_cell(r.ms_each, " %9.3f");
    print_cell(r.kb_each, " %9.1f");
    print_cell(r.mb_per_second, " %9.1f");
    print_cell(r.peak_rss_mb, " %9.1f");
    if (!r.extra.empty()) std::printf("  %s", r.extra.c_str());
    std::printf("\n");
  }
}

// The data folder's environment, loaded once; "today" is fixed so runs compare.
const process::Environment& environment() {
  static const process::EnvironmentPtr env = process::Environment::load(
      core::data_dir(), [] { return *core::Date::from_ymd(2025, 10, 10); });
  return *env;
}

process::Options process_options() {
  process::Options options;
  options.render = false;
  return options;
}

render::RenderOptions render_options() {
  return environment().render_options(environment().today());
}

// An input ready to render: its submission and the report the rules gave it.
struct Prepared {
  model::Submission submission;
  process::Report report;
};

Prepared prepare(const fs::path& file) {
  auto ingested = ingest::ingest_path(file, {});
  if (!ingested.submission) throw core::Error("bench: unreadable generated input " + file.string());
  auto processed = process::process_path(file, environment(), process_options());
  return {std::move(*ingested.submission), std::move(processed.report)};
}

// The document of an accepted submission, through render's entry point as process renders it.
std::string render_document(const Prepared& p, const render::RenderOptions& options) {
  render::FormContext context;
  if (p.submission.kind == "cet-grant-proposal") {
    context.grant = &environment().grant();
    context.figures = &p.report.grant;
  } else {
    context.alliance = &environment().alliance(p.submission.profile);
  }
  return render::render_form(p.submission, context, options);
}

render::ComplianceSummary summary_of(const Prepared& p) {
  render::ComplianceSummary s;
  s.form = p.report.form;
  s.profile = p.report.profile;
  s.status = p.report.status == process::Status::Accepted   ? render::SummaryStatus::Accepted
             : p.report.status == process::Status::Rejected ? render::SummaryStatus::Rejected
                                                            : render::SummaryStatus::Unreadable;
  s.submission_id = p.report.id;
  s.source = p.report.source;
  s.agency = "Michigan Occupational Safety and Health Administration";
  s.facts = p.report.facts;
  s.findings = p.report.findings;
  s.figures = p.report.figures.items();
  return s;
}

// Renders `documents` documents cycling through `inputs`, timing CPU time on this thread.
Row time_renders(const std::string& name, int documents, std::size_t inputs,
                 const std::function<std::string(std::size_t)>& render_one) {
  render_one(0);  // fonts, templates and profiles are loaded once per process, not per document
  std::size_t bytes = 0;
  const double start = thread_cpu_seconds();
  for (int i = 0; i < documents; ++i)
    bytes += render_one(static_cast<std::size_t>(i) % inputs).size();
  const double seconds = thread_cpu_seconds() - start;
  Row row = named(name);
  row.count = documents;
  row.per_second = documents / seconds;
  row.ms_each = 1000 * seconds / documents;
  row.kb_each = static_cast<double>(bytes) / documents / 1024;
  return row;
}

std::vector<Row> render_rows(bench::Generator& generator, const Counts& counts,
                             const fs::path& work) {
  struct KindRow {
    const char* name;
    bench::Kind kind;
    bench::Kind second;  // letters alternate between the two letter kinds
  };
  const KindRow kinds[] = {
      {"render agreement (new)", bench::Kind::Agreement, bench::Kind::Agreement},
      {"render agreement (renewal)", bench::Kind::Renewal, bench::Kind::Renewal},
      {"render letter", bench::Kind::DeclinationLetter, bench::Kind::ExpirationLetter},
      {"render diary sheet", bench::Kind::DiarySheet, bench::Kind::DiarySheet},
      {"render annual report", bench::Kind::AnnualReport, bench::Kind::AnnualReport},
      {"render proposal summary", bench::Kind::GrantProposal, bench::Kind::GrantProposal},
  };
  const fs::path dir = work / "render-inputs";
  fs::create_directories(dir);
  const auto options = render_options();
  std::vector<Row> rows;
  std::vector<Prepared> everything;
  std::size_t serial = 0;
  for (const auto& k : kinds) {
    std::vector<Prepared> inputs;
    for (int v = 0; v < counts.variants; ++v) {
      const bench::Kind kind = v % 2 ? k.second : k.kind;
      const fs::path file = dir / ("input-" + std::to_string(serial++) + ".xml");
      bench::write_file(file, generator.xml(kind, serial));
      Prepared p = prepare(file);
      if (p.report.status != process::Status::Accepted) {
        std::cerr << "formpipe_bench: generated " << k.name << " input " << file << " is "
                  << process::status_name(p.report.status) << ":";
        for (const auto& f : p.report.findings)
          if (f.severity == core::Severity::Error) std::cerr << " " << f.rule;
        std::cerr << "\n";
        continue;
      }
      inputs.push_back(std::move(p));
    }
    if (inputs.empty()) {
      rows.push_back(not_measured(k.name, "n/a (no accepted input)"));
      continue;
    }
    rows.push_back(time_renders(k.name, counts.documents, inputs.size(), [&](std::size_t i) {
      return render_document(inputs[i], options);
    }));
    if (k.kind == bench::Kind::Agreement) {
      // The baseline: the same agreements through libharu, each font embedded whole.
      auto haru = options;
      haru.backend = bench::write_pdf_with_libharu;
      rows.push_back(time_renders("render agreement (new), libharu", counts.documents,
                                  inputs.size(), [&](std::size_t i) {
                                    std::string pdf = render_document(inputs[i], haru);
                                    if (pdf.rfind("%PDF-", 0) != 0)
                                      throw core::Error("bench: libharu wrote no PDF");
                                    return pdf;
                                  }));
    }
    for (auto& p : inputs) everything.push_back(std::move(p));
  }
  // Compliance summaries of accepted and rejected submissions alike.
  for (const char* invalid : {"cet-grant-proposal.invalid.budget-caps-match-travel-arithmetic.xml",
                              "alliance-agreement.invalid.miosha-no-shp-enforcement-six-years.xml",
                              "alliance-diary-sheet.invalid.late-out-of-period-not-numeric.xml"})
    everything.push_back(prepare(core::data_dir() / "samples" / invalid));
  std::vector<render::ComplianceSummary> summaries;
  for (const auto& p : everything) summaries.push_back(summary_of(p));
  rows.push_back(time_renders(
      "render compliance summary", counts.documents, summaries.size(),
      [&](std::size_t i) { return render::render_compliance_summary(summaries[i], options); }));
  return rows;
}

// Ingest + all rules on bytes in memory, as process_path does after reading the file.
std::size_t ingest_and_validate(const std::string& bytes, const std::string& name) {
  auto ingested = ingest::ingest_bytes(bytes, name, {});
  std::size_t findings = ingested.findings.size();
  if (ingested.submission) {
    rules::Context context;
    context.as_of = environment().today();
    if (ingested.submission->kind == "cet-grant-proposal")
      context.grant = &environment().grant();
    else
      context.alliance = &environment().alliance(ingested.submission->profile);
    rules::Outcome outcome;
    rules::check(*ingested.submission, context, outcome);
    findings += outcome.findings.size();
  }
  return findings;
}

Row ingest_proposals_row(bench::Generator& generator, const Counts& counts) {
  std::vector<std::string> proposals;
  for (int i = 0; i < 50 && i < counts.proposals; ++i)
    proposals.push_back(
        generator.xml(bench::Kind::GrantProposal, 900000 + static_cast<std::size_t>(i)));
  ingest_and_validate(proposals[0], "warm-up.xml");
  std::size_t bytes = 0;
  const double start = thread_cpu_seconds();
  for (int i = 0; i < counts.proposals; ++i) {
    const std::string& p = proposals[static_cast<std::size_t>(i) % proposals.size()];
    ingest_and_validate(p, "proposal.xml");
    bytes += p.size();
  }
  const double seconds = thread_cpu_seconds() - start;
  Row row = named("ingest+validate grant proposal XML");
  row.count = counts.proposals;
  row.per_second = counts.proposals / seconds;
  row.ms_each = 1000 * seconds / counts.proposals;
  row.kb_each = static_cast<double>(bytes) / counts.proposals / 1024;
  row.mb_per_second = static_cast<double>(bytes) / seconds / 1e6;
  return row;
}

// Reading a filled form `pdf` (`what`): the read into the model (ingest only), then read and
// validated.
std::vector<Row> pdf_form_rows(const std::string& pdf, const std::string& what,
                               const Counts& counts) {
  const int reads = counts.proposals / 4;
  const auto read = [&] {
    ingest::PdfIngested out = ingest::ingest_pdf(pdf, "proposal.pdf", {});
    if (!out.ingested.submission || !out.ingested.findings.empty())
      throw core::Error("bench: the filled grant proposal form did not read cleanly");
  };
  read();  // warm-up
  std::vector<Row> rows;
  double start = thread_cpu_seconds();
  for (int i = 0; i < reads; ++i) read();
  double seconds = thread_cpu_seconds() - start;
  Row row = named("read filled grant proposal PDF form (" + what + ")");
  row.count = reads;
  row.per_second = reads / seconds;
  row.ms_each = 1000 * seconds / reads;
  row.kb_each = static_cast<double>(pdf.size()) / 1024;
  row.mb_per_second = static_cast<double>(pdf.size()) * reads / seconds / 1e6;
  rows.push_back(row);
  start = thread_cpu_seconds();
  for (int i = 0; i < reads; ++i) ingest_and_validate(pdf, "proposal.pdf");
  seconds = thread_cpu_seconds() - start;
  row = named("ingest+validate grant proposal PDF form (" + what + ")");
  row.count = reads;
  row.per_second = reads / seconds;
  row.ms_each = 1000 * seconds / reads;
  row.kb_each = static_cast<double>(pdf.size()) / 1024;
  row.mb_per_second = static_cast<double>(pdf.size()) * reads / seconds / 1e6;
  rows.push_back(row);
  return rows;
}

// Filled CET grant proposal forms holding samples/cet-grant-proposal.valid.xml's values: the
// smallest form pdf-forms.md §2 allows (ingest/pdf_form_test_support.hpp: its fields and nothing
// else), and the form partners get, `formpipe blank --from` the sample (every field of the
// proposal, widgets, appearances, structure tree).
std::vector<Row> pdf_form_rows(const Settings& settings, const Counts& counts,
                               const fs::path& work) {
  pugi::xml_document doc;
  const fs::path sample = core::data_dir() / "samples" / "cet-grant-proposal.valid.xml";
  if (!doc.load_file(sample.c_str())) throw core::Error("bench: cannot read " + sample.string());
  ingest::form_testing::FormPdf spec;
  spec.kind = "cet-grant-proposal";
  spec.profile = "cet-grant";
  spec.fields = ingest::form_testing::fields_of_xml(doc.document_element());
  std::vector<Row> rows =
      pdf_form_rows(ingest::form_testing::make_form_pdf(spec),
                    std::to_string(spec.fields.size()) + " fields only", counts);
  const std::string name = "read filled grant proposal PDF form (formpipe blank --from)";
  if (settings.formpipe.empty() || !fs::exists(settings.formpipe)) {
    rows.push_back(not_measured(name, "n/a (formpipe binary not found)"));
    return rows;
  }
  const fs::path form = work / "proposal-form.pdf";
  const std::string command = "'" + settings.formpipe.string() +
                              "' blank cet-grant-proposal --from '" + sample.string() + "' -o '" +
                              form.string() + "' >/dev/null";
  if (std::system(command.c_str()) != 0) throw core::Error("bench: " + command + " failed");
  std::ifstream in(form, std::ios::binary);
  const std::string pdf((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  for (Row& row : pdf_form_rows(pdf, "formpipe blank --from", counts))
    rows.push_back(std::move(row));
  return rows;
}

Row ingest_diary_row(bench::Generator& generator, const Counts& counts) {
  const std::string csv = generator.diary_csv(counts.diary_rows);
  const double start = thread_cpu_seconds();
  const auto wall = std::chrono::steady_clock::now();
  ingest_and_validate(csv, "diary.csv");
  const double seconds = thread_cpu_seconds() - start;
  const double wall_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - wall).count();
  Row row = named("ingest+validate " + std::to_string(counts.diary_rows) + "-row diary CSV");
  row.count = 1;
  row.per_second = static_cast<double>(counts.diary_rows) / seconds;  // rows per second
  row.ms_each = 1000 * wall_seconds;
  row.kb_each = static_cast<double>(csv.size()) / 1024;
  row.mb_per_second = static_cast<double>(csv.size()) / seconds / 1e6;
  return row;
}

// The peak resident set of a running process, in KB (0 once it has exited).
long vm_hwm_kb(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(status, line);)
    if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
  return 0;
}

// Runs `formpipe run INBOX --out OUT --jobs N` and times it. Its peak RSS is VmHWM, read every
// 10 ms while it runs (monotonic, so the last reading is the peak up to then): wait4()'s
// ru_maxrss would count this process's own memory, which the child shares until it execs.
Row run_row(const Settings& settings, const fs::path& inbox, const fs::path& out, int jobs,
            std::size_t submissions, const std::string& name) {
  const std::string jobs_text = std::to_string(jobs);
  std::vector<std::string> args = {settings.formpipe.string(),
                                   "run",
                                   inbox.string(),
                                   "--out",
                                   out.string(),
                                   "--as-of",
                                   "2025-10-10",
                                   "--jobs",
                                   jobs_text};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const auto start = std::chrono::steady_clock::now();
  const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) return not_measured(name, std::string("n/a (") + std::strerror(spawned) + ")");
  int status = 0;
  long peak_kb = 0;
  while (waitpid(pid, &status, WNOHANG) == 0) {
    peak_kb = std::max(peak_kb, vm_hwm_kb(pid));
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  // Exit 1 only says some submissions were rejected, which one in ten is meant to be.
  if (!WIFEXITED(status) || WEXITSTATUS(status) > 1)
    return not_measured(name, "failed (exit status " + std::to_string(WEXITSTATUS(status)) + ")");
  Row row = named(name);
  row.count = static_cast<double>(submissions);
  row.per_second = static_cast<double>(submissions) / seconds;
  row.ms_each = 1000 * seconds / static_cast<double>(submissions);
  row.peak_rss_mb = static_cast<double>(peak_kb) / 1024;
  return row;
}

std::vector<Row> run_rows(const Settings& settings, const Counts& counts, const fs::path& work) {
  std::vector<Row> rows;
  const auto cases = {std::pair{1, counts.inbox}, std::pair{2, counts.inbox},
                      std::pair{2, counts.inbox / 10}};
  for (const auto& [jobs, n] : cases) {
    const std::string name =
        "formpipe run --jobs " + std::to_string(jobs) + ", " + std::to_string(n) + " submissions";
    if (settings.formpipe.empty() || !fs::exists(settings.formpipe)) {
      rows.push_back(not_measured(name, "n/a (formpipe binary not found)"));
      continue;
    }
    const fs::path inbox = work / ("inbox-" + std::to_string(jobs) + "-" + std::to_string(n));
    const fs::path out = work / ("out-" + std::to_string(jobs) + "-" + std::to_string(n));
    bench::Generator generator(core::data_dir() / "samples", 7);  // the same inbox every time
    generator.write_inbox(inbox, n);
    rows.push_back(run_row(settings, inbox, out, jobs, n, name));
    if (settings.keep) continue;
    std::error_code ec;
    fs::remove_all(out, ec);
    fs::remove_all(inbox, ec);
  }
  return rows;
}

// Signing and verifying a generated agreement (bench/signing_rows.cpp), as table rows.
std::vector<Row> sign_rows(bench::Generator& generator, const Counts& counts,
                           const fs::path& work) {
  const fs::path file = work / "sign-input.xml";
  fs::create_directories(work);
  bench::write_file(file, generator.xml(bench::Kind::Agreement, 1));
  const Prepared input = prepare(file);
  if (input.report.status != process::Status::Accepted)
    return {not_measured("sign agreement (RSA 2048)", "n/a (no accepted input)")};
  const auto options = render_options();
  std::vector<Row> rows;
  for (const bench::SigningRow& r :
       bench::signing_rows(render_document(input, options), counts.signatures, options.fonts)) {
    Row row = named(r.name);
    row.count = r.count;
    row.per_second = r.count / r.seconds;
    row.ms_each = 1000 * r.seconds / r.count;
    row.kb_each = static_cast<double>(r.bytes) / r.count / 1024;
    rows.push_back(row);
  }
  return rows;
}

// The reviewers' desk under load (bench/desk_rows.cpp): count is requests, per s requests a
// second, ms each the median latency; p99, errors and the server's peak memory follow.
Row desk_row(const Settings& settings, const Counts& counts, const fs::path& work) {
  const bench::DeskLoad& load = counts.desk;
  char name[96];
  std::snprintf(name, sizeof name, "desk: %zuk submissions, %d clients, %.0f s",
                load.submissions / 1000, load.clients, load.seconds);
  if (settings.formpipe.empty() || !fs::exists(settings.formpipe))
    return not_measured(name, "n/a (formpipe binary not found)");
  const bench::DeskResult result = bench::desk_load(settings.formpipe, work, load);
  if (!result.error.empty()) return not_measured(name, "failed: " + result.error);
  Row row = named(name);
  row.count = static_cast<double>(result.requests);
  row.per_second = static_cast<double>(result.requests) / result.seconds;
  row.ms_each = result.p50_ms;
  row.peak_rss_mb = result.peak_rss_mb;
  char extra[256];
  std::snprintf(extra, sizeof extra,
                "p99 %.1f ms (list %.1f, submission %.1f), max %.1f ms, %zu errors, server CPU "
                "%.2f ms a request, setup %.0f s",
                result.p99_ms, result.list_p99_ms, result.detail_p99_ms, result.max_ms,
                result.errors, result.server_cpu_ms, result.setup_seconds);
  row.extra = extra;
  if (result.errors > 0) {
    row.extra += " (first: " + result.first_error + ")";
    row.failed = true;
  }
  return row;
}

fs::path default_formpipe() {
  std::error_code ec;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  for (const fs::path& candidate :
       {self.parent_path() / "formpipe", self.parent_path().parent_path() / "formpipe"})
    if (fs::exists(candidate, ec)) return candidate;
  return {};
}

int usage() {
  std::cerr
      << "usage: formpipe_bench [--tiny] [--only render|ingest|sign|run|desk] [--formpipe PATH] "
         "[--work DIR] [--keep]\n"
         "       formpipe_bench --generate-inbox DIR N\n"
         "       formpipe_bench --generate-agreements DIR N\n"
         "       formpipe_bench --generate-diary-csv FILE N\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  Settings settings;
  settings.formpipe = default_formpipe();
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--tiny") {
      settings.tiny = true;
    } else if (arg == "--keep") {
      settings.keep = true;
    } else if ((arg == "--formpipe" || arg == "--work") && i + 1 < argc) {
      (arg == "--formpipe" ? settings.formpipe : settings.work) = argv[++i];
    } else if (arg == "--only" && i + 1 < argc) {
      settings.only = argv[++i];
    } else if (arg == "--generate-inbox" && i + 2 < argc) {
      // Only writes an inbox of N generated submissions, for profiling `formpipe run` by hand.
      const fs::path inbox = argv[i + 1];
      bench::Generator(core::data_dir() / "samples", 7).write_inbox(inbox, std::stoul(argv[i + 2]));
      return 0;
    } else if (arg == "--generate-agreements" && i + 2 < argc) {
      // Only writes N generated alliance agreements (new, valid) into DIR.
      const fs::path inbox = argv[i + 1];
      fs::create_directories(inbox);
      bench::Generator generator(core::data_dir() / "samples", 7);
      const std::size_t n = std::stoul(argv[i + 2]);
      for (std::size_t k = 0; k < n; ++k) {
        std::string name = std::to_string(k);
        name.insert(0, name.size() < 6 ? 6 - name.size() : 0, '0');
        bench::write_file(inbox / (name + "-agreement.xml"),
                          generator.xml(bench::Kind::Agreement, k));
      }
      return 0;
    } else if (arg == "--generate-diary-csv" && i + 2 < argc) {
      // Only writes the ingest row's N-row diary-sheet CSV, for timing `formpipe check` on it.
      const std::string csv =
          bench::Generator(core::data_dir() / "samples", 42).diary_csv(std::stoul(argv[i + 2]));
      std::ofstream(argv[i + 1], std::ios::binary) << csv;
      return 0;
    } else {
      return usage();
    }
  }
  if (settings.work.empty())
    settings.work = fs::temp_directory_path() / ("formpipe-bench-" + std::to_string(::getpid()));
  bool failed = false;
  try {
    fs::create_directories(settings.work);
    const Counts counts = counts_for(settings.tiny);
    bench::Generator generator(core::data_dir() / "samples", 42);
    std::vector<Row> rows;
    const auto wanted = [&](const char* group) {
      return settings.only.empty() || settings.only == group;
    };
    if (wanted("render")) rows = render_rows(generator, counts, settings.work);
    if (wanted("ingest")) {
      rows.push_back(ingest_proposals_row(generator, counts));
      rows.push_back(ingest_diary_row(generator, counts));
      for (Row& row : pdf_form_rows(settings, counts, settings.work))
        rows.push_back(std::move(row));
    }
    if (wanted("sign"))
      for (auto& row : sign_rows(generator, counts, settings.work)) rows.push_back(std::move(row));
    if (wanted("run"))
      for (auto& row : run_rows(settings, counts, settings.work)) rows.push_back(std::move(row));
    if (wanted("desk")) rows.push_back(desk_row(settings, counts, settings.work));
    print_table(rows);
    // A case that could not be measured fails the run (what CI's --tiny run is for).
    for (const Row& row : rows)
      if (!row.note.empty() || row.failed) failed = true;
  } catch (const std::exception& e) {
    std::cerr << "formpipe_bench: " << e.what() << "\n";
    return 3;
  }
  if (!settings.keep) {
    std::error_code ec;
    fs::remove_all(settings.work, ec);
  }
  return failed ? 1 : 0;
}
