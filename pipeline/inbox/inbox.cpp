#include "pipeline/inbox/inbox.hpp"

#include <algorithm>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <utility>
#include <vector>

#include "pipeline/core/error.hpp"
#include "pipeline/inbox/claims.hpp"
#include "pipeline/inbox/group_committer.hpp"
#include "pipeline/inbox/results.hpp"
#include "pipeline/inbox/scan.hpp"
#include "pipeline/inbox/store.hpp"
#include "pipeline/inbox/worker_pool.hpp"
#include "pipeline/process/names.hpp"

namespace pipeline::inbox {

namespace {

namespace fs = std::filesystem;
using SystemClock = std::chrono::system_clock;

struct Job {
  Claimed claimed;
  SystemClock::time_point claimed_at;
};

using Workers = WorkerPool<Job>;

// A submission processed and its result folder staged, waiting for its group to be committed.
struct Pending {
  Job job;
  Results::Staged staged;
  process::Report report;
  std::string report_json;
  core::Date as_of;
  SystemClock::time_point processed_at;
  Event event;
};

using Committer = GroupCommitter<Pending>;

// How many staged submissions may wait for a commit.
constexpr std::size_t kMaxWaiting = 64;

bool is_inside(const fs::path& path, const fs::path& folder) {
  const fs::path relative =
      fs::weakly_canonical(path).lexically_relative(fs::weakly_canonical(folder));
  return !relative.empty() && *relative.begin() != "..";
}

// The files and folders in the inbox that may be submissions (links and FIFOs never are).
std::size_t count_entries(const fs::path& inbox) {
  std::size_t count = 0;
  std::error_code ec;
  for (fs::directory_iterator it(inbox, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code kind;
    const fs::file_status status = it->symlink_status(kind);
    if (!kind && (fs::is_regular_file(status) || fs::is_directory(status)) &&
        !is_ignored_name(it->path().filename().string()))
      ++count;
  }
  return count;
}

process::Status status_named(const std::string& name) {
  if (name == "accepted") return process::Status::Accepted;
  if (name == "rejected") return process::Status::Rejected;
  return process::Status::Unreadable;
}

class Service {
 public:
  Service(const Settings& settings, Observer& observer, const std::atomic<bool>& stop)
      : settings_(settings),
        observer_(observer),
        stop_(stop),
        claims_(checked_inbox(settings)),
        results_(settings.out),
        store_(settings.out / "formpipe.sqlite"),
        scanner_(settings.inbox, settings.settle),
        environment_(checked_environment(settings)) {}

  Summary run() {
    const auto start = std::chrono::steady_clock::now();
    results_.remove_unfinished();
    const std::vector<Claimed> unfinished = claims_.unfinished();
    observer_.started(count_entries(settings_.inbox) + unfinished.size());
    {
      // Declared first, so destroyed last: it commits what the workers hand over to the end.
      Committer committer(kMaxWaiting, [this](std::vector<Pending>& group) { commit(group); });
      committer_ = &committer;
      Workers workers(std::max(1u, settings_.jobs), [this](Job job) { handle(job); });
      for (const Claimed& claimed : unfinished) {
        if (!workers.wait_free(stop_)) break;
        workers.hand(Job{claimed, SystemClock::now()});
      }
      dispatch(workers);
    }
    committer_ = nullptr;
    std::lock_guard lock(mutex_);
    summary_.interrupted = stop_;
    summary_.elapsed = std::chrono::steady_clock::now() - start;
    return summary_;
  }

 private:
  static const fs::path& checked_inbox(const Settings& settings) {
    if (is_inside(settings.out, settings.inbox))
      throw core::Error("the output folder " + settings.out.string() +
                        " lies inside the inbox; put it elsewhere");
    return settings.inbox;
  }

  static process::EnvironmentPtr checked_environment(const Settings& settings) {
    if (!settings.environment) throw core::Error("the inbox was given no environment");
    return settings.environment;
  }

  process::EnvironmentPtr environment() {
    std::lock_guard lock(mutex_);
    return environment_;
  }

  // watch: a new environment when the data folder changed on disk. A failed reload is told once
  // (until the files change again) and the environment there is stays in use.
  void reload_if_changed() {
    if (!settings_.watch || !settings_.reload) return;
    const process::EnvironmentPtr current = environment();
    if (!current->changed_on_disk()) {
      reload_failed_ = false;
      return;
    }
    if (reload_failed_) return;
    std::string error;
    process::EnvironmentPtr loaded;
    try {
      loaded = settings_.reload();
    } catch (const std::exception& e) {
      error = e.what();
    }
    std::lock_guard lock(mutex_);
    if (loaded) environment_ = std::move(loaded);
    reload_failed_ = !error.empty();
    observer_.reloaded(error);
  }

  std::chrono::milliseconds poll_interval() const {
    return std::clamp(settings_.settle / 4, std::chrono::milliseconds(20),
                      std::chrono::milliseconds(250));
  }

  void dispatch(Workers& workers) {
    while (!stop_) {
      reload_if_changed();
      skip_returned();
      const std::vector<fs::path> ready = scanner_.pass();
      report_refused();
      for (const fs::path& entry : ready) {
        if (!workers.wait_free(stop_)) break;
        if (is_returned(entry.filename().string())) continue;
        if (auto claimed = claim(entry)) workers.hand(Job{std::move(*claimed), SystemClock::now()});
      }
      if (!ready.empty()) continue;
      if (!settings_.watch && !scanner_.has_pending() && workers.idle() && committer_->idle())
        break;
      const auto wake = std::chrono::steady_clock::now() + poll_interval();
      while (!stop_ && std::chrono::steady_clock::now() < wake)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }

  // Tells of the entries the last scan found to be neither a file nor a folder.
  void report_refused() {
    if (scanner_.refused().empty()) return;
    std::lock_guard lock(mutex_);
    for (const Scanner::Refused& entry : scanner_.refused())
      observer_.refused(process::escape_name(entry.name),
                        entry.kind + "; only files and folders are submissions");
  }

  // Hands the submissions given back, once they are in the inbox again, to the scanner to leave
  // alone until they change.
  void skip_returned() {
    std::lock_guard lock(mutex_);
    for (auto it = returned_.begin(); it != returned_.end();) {
      if (const auto signature = signature_of(settings_.inbox / *it)) {
        scanner_.skip_until_changed(*it, *signature);
        it = returned_.erase(it);
      } else {
        ++it;  // not back yet
      }
    }
  }

  bool is_returned(const std::string& name) {
    std::lock_guard lock(mutex_);
    return returned_.count(name) != 0;
  }

  std::optional<Claimed> claim(const fs::path& entry) {
    try {
      return claims_.claim(entry);
    } catch (const std::exception& e) {
      if (auto signature = signature_of(entry))
        scanner_.skip_until_changed(entry.filename().string(), *signature);
      Event event;
      event.kind = Event::Kind::Failed;
      event.source = process::escape_name(entry.filename().string());
      event.message = e.what();
      finish(event);
      return std::nullopt;
    }
  }

  // A worker's whole job: never throws.
  void handle(const Job& job) {
    Event event;
    event.source = process::escape_name(job.claimed.name);
    std::string in_hand;  // the sha256 this worker marked in flight, to unmark when done
    try {
      const std::string sha256 = process::sha256_of(job.claimed.path);
      const Admission admission = admit(sha256, job.claimed);
      event.id = admission.id;
      if (admission.kind == Admission::Kind::Duplicate) {
        event.kind = Event::Kind::Duplicate;
        store_.record_duplicate(job.claimed.token, sha256, event.source, admission.id,
                                job.claimed_at);
      } else if (admission.kind == Admission::Kind::Finished) {
        event.status = status_named(admission.status);  // recorded before a crash
      } else {
        in_hand = sha256;
        committer_->submit(process_and_stage(job, sha256, admission.id, event));
        return;  // the committer finishes it
      }
    } catch (const std::exception& e) {
      release_in_flight(in_hand);
      event.kind = Event::Kind::Failed;
      event.message = e.what();
      give_back(job.claimed, event);
      finish(event);
      return;
    }
    release_input(job.claimed, event);
    finish(event);
  }

  // Removes the input of a submission whose result is recorded.
  void release_input(const Claimed& claimed, Event& event) {
    try {
      claims_.release(claimed);
    } catch (const std::exception& e) {
      event.kind = Event::Kind::Failed;
      event.message =
          std::string("the result is complete, but the input could not be removed: ") + e.what();
    }
  }

  struct Admission {
    enum class Kind { Process, Duplicate, Finished };
    Kind kind = Kind::Process;
    std::string id;
    std::string status;  // Finished: as recorded
  };

  // Decides what a claimed input is: bytes already recorded or in hand are a duplicate (or, for
  // the same claim, work finished before a crash); new bytes are marked in hand under their id.
  Admission admit(const std::string& sha256, const Claimed& claimed) {
    std::lock_guard lock(mutex_);
    if (auto it = in_flight_.find(sha256); it != in_flight_.end())
      return {Admission::Kind::Duplicate, it->second, {}};
    if (const auto stored = store_.find(sha256)) {
      if (stored->claim == claimed.token)
        return {Admission::Kind::Finished, stored->id, stored->status};
      return {Admission::Kind::Duplicate, stored->id, {}};
    }
    std::string id = sha256.substr(0, 12);
    const bool clash = store_.id_taken(id, sha256) ||
                       std::any_of(in_flight_.begin(), in_flight_.end(),
                                   [&](const auto& item) { return item.second == id; });
    if (clash) id = sha256;  // two different submissions share 48 bits: use the whole hash
    in_flight_.emplace(sha256, id);
    return {Admission::Kind::Process, id, {}};
  }

  void release_in_flight(const std::string& sha256) {
    if (sha256.empty()) return;
    std::lock_guard lock(mutex_);
    in_flight_.erase(sha256);
  }

  // Processes a submission and stages its result folder (not yet flushed nor in place).
  Pending process_and_stage(const Job& job, const std::string& sha256, const std::string& id,
                            Event event) {
    const process::EnvironmentPtr env = environment();
    process::Options options = settings_.process;
    if (!options.as_of) options.as_of = env->today();
    options.sha256 = sha256;  // hashed already, to find duplicates
    // A signed copy is matched to the document this result folder issued.
    options.issued = [this](const std::vector<std::string>& sha256s) {
      return store_.issued(sha256s);
    };
    process::Processed processed = process::process_path(job.claimed.path, *env, options);
    processed.report.id = id;
    std::string json = process::report_json(processed.report);
    Results::Staged staged = results_.stage(id, json, processed.documents, job.claimed);
    event.status = processed.report.status;
    for (const core::Finding& finding : processed.report.findings) {
      if (finding.severity == core::Severity::Error) ++event.errors;
      if (finding.severity == core::Severity::Warning) ++event.warnings;
    }
    return Pending{job,
                   std::move(staged),
                   std::move(processed.report),
                   std::move(json),
                   *options.as_of,
                   SystemClock::now(),
                   std::move(event)};
  }

  // Commits a group of staged submissions: flushes their folders (and the claims) to disk in
  // one go, renames each into place, makes the names durable, records them all in one store
  // transaction, and only then removes their inputs. A submission whose step fails goes back to
  // the inbox; the others go on.
  void commit(std::vector<Pending>& group) {
    try {
      results_.sync();
      if (!claims_.file_system().same_as(results_.file_system())) claims_.sync();
    } catch (const std::exception& e) {
      for (Pending& pending : group) fail(pending, e.what(), false);
      return;
    }
    std::vector<Pending*> published;
    published.reserve(group.size());
    for (Pending& pending : group) {
      try {
        results_.publish(pending.staged);
        published.push_back(&pending);
      } catch (const std::exception& e) {
        fail(pending, e.what(), false);
      }
    }
    std::vector<Store::Record> records;
    records.reserve(published.size());
    for (const Pending* pending : published)
      records.push_back(Store::Record{
          pending->job.claimed.token, &pending->report, &pending->report_json,
          &pending->staged.outputs,
          RecordTimes{pending->as_of, pending->job.claimed_at, pending->processed_at}});
    std::vector<std::string> errors;
    try {
      results_.sync_names();
      // Each record on its own merit: one the store refuses keeps out no other.
      errors = store_.record_all(records);
    } catch (const std::exception& e) {
      errors.assign(published.size(), e.what());
    }
    std::vector<Pending*> refused;
    for (std::size_t i = 0; i < published.size(); ++i) {
      if (!errors[i].empty()) {
        refused.push_back(published[i]);
        continue;
      }
      release_in_flight(published[i]->report.sha256);
      release_input(published[i]->job.claimed, published[i]->event);
      finish(published[i]->event);
    }
    if (refused.empty()) return;
    // A folder is never left without its record: those not recorded are taken down again.
    bool withdrawn = true;
    for (Pending* pending : refused) {
      try {
        results_.withdraw(pending->staged);
      } catch (const std::exception&) {
        withdrawn = false;  // the input stays claimed (below) and the next start redoes it
      }
    }
    try {
      results_.sync_names();
    } catch (const std::exception&) {
      withdrawn = false;
    }
    for (std::size_t i = 0, r = 0; i < published.size(); ++i) {
      if (errors[i].empty()) continue;
      fail(*refused[r++], errors[i], true, withdrawn);
    }
  }

  // A staged submission that could not be committed goes back to the inbox.
  // `published` and not `withdrawn`: its folder may still be in place, so the input is kept
  // claimed for the next start to redo rather than put back.
  void fail(Pending& pending, const std::string& why, bool published, bool withdrawn = true) {
    if (!published) {
      try {
        results_.discard(pending.staged);
      } catch (const std::exception&) {
        // left in the temp folder, which the next start empties
      }
    }
    release_in_flight(pending.report.sha256);
    pending.event.kind = Event::Kind::Failed;
    pending.event.message = why;
    if (published && !withdrawn) {
      pending.event.message +=
          "; it waits in " + pending.job.claimed.path.string() + " for the next start";
    } else {
      give_back(pending.job.claimed, pending.event);
    }
    finish(pending.event);
  }

  // Puts a submission that could not be finished back into the inbox. Its name is marked
  // first, so the dispatcher never takes it again in this session before seeing it changed.
  void give_back(const Claimed& claimed, Event& event) {
    {
      std::lock_guard lock(mutex_);
      returned_.insert(claimed.name);
    }
    bool back = false;
    try {
      back = claims_.give_back(claimed);
      event.message += back ? "; left in the inbox"
                            : "; a new file took its name, so it waits in " +
                                  claimed.path.string() + " for the next start";
    } catch (const std::exception& e) {
      event.message += std::string("; it could not be put back either (") + e.what() +
                       "), it waits in " + claimed.path.string() + " for the next start";
    }
    if (!back) {
      std::lock_guard lock(mutex_);
      returned_.erase(claimed.name);
    }
  }

  void finish(Event& event) {
    if (!process::is_printable_text(event.message))
      event.message = process::printable_text(event.message);
    std::lock_guard lock(mutex_);
    switch (event.kind) {
      case Event::Kind::Duplicate:
        ++summary_.duplicates;
        break;
      case Event::Kind::Failed:
        ++summary_.failed;
        break;
      case Event::Kind::Processed:
        if (event.status == process::Status::Accepted) ++summary_.accepted;
        if (event.status == process::Status::Rejected) ++summary_.rejected;
        if (event.status == process::Status::Unreadable) ++summary_.unreadable;
        break;
    }
    observer_.finished(event);
  }

  const Settings& settings_;
  Observer& observer_;
  const std::atomic<bool>& stop_;
  Claims claims_;
  Results results_;
  Store store_;
  Scanner scanner_;                 // the dispatcher's alone
  Committer* committer_ = nullptr;  // while run() runs
  bool reload_failed_ = false;      // the dispatcher's alone

  std::mutex mutex_;                     // guards what follows, and calls to observer_
  process::EnvironmentPtr environment_;  // swapped by reload_if_changed between submissions
  Summary summary_;
  std::map<std::string, std::string> in_flight_;  // sha256 -> id, being processed
  std::set<std::string> returned_;  // names given back to the inbox, not to be taken again
};

}  // namespace

Summary run_inbox(const Settings& settings, Observer& observer, const std::atomic<bool>& stop) {
  Service service(settings, observer, stop);
  return service.run();
}

}  // namespace pipeline::inbox
