#include "pipeline/inbox/inbox.hpp"

#include <Poco/Data/Session.h>

#include <catch2/catch.hpp>

#include <functional>
#include <thread>
#include <utility>
#include <vector>

#include "pipeline/inbox/claims.hpp"
#include "pipeline/inbox/inbox_test_support.hpp"
#include "pipeline/inbox/results.hpp"
#include "pipeline/inbox/store.hpp"
#include "pipeline/render/pdf_probe_test_support.hpp"

using namespace pipeline;
using namespace pipeline::inbox;
using namespace pipeline::inbox::testing;
namespace fs = std::filesystem;

namespace {

struct Recorder : Observer {
  std::vector<Event> events;
  std::function<void()> on_start;
  std::function<void(const Event&)> on_event;
  void started(std::size_t) override {
    if (on_start) on_start();
  }
  void finished(const Event& event) override {
    events.push_back(event);
    if (on_event) on_event(event);
  }
};

Settings settings_for(const ScratchFolder& scratch, unsigned jobs = 1) {
  Settings settings;
  settings.inbox = scratch / "inbox";
  settings.out = scratch / "out";
  settings.process.render = true;
  settings.environment = process::Environment::load(
      FORMPIPE_SOURCE_DIR, [] { return *core::Date::from_ymd(2025, 11, 20); });
  settings.jobs = jobs;
  settings.settle = std::chrono::milliseconds(0);
  fs::create_directories(settings.inbox);
  return settings;
}

void drop_sample(const ScratchFolder& scratch, const std::string& name, std::string as = {}) {
  fs::copy(sample(name), scratch / ("inbox/" + (as.empty() ? name : as)),
           fs::copy_options::recursive);
}

std::size_t result_folders(const fs::path& out) {
  std::size_t count = 0;
  for (const auto& entry : fs::directory_iterator(out))
    if (entry.is_directory() && entry.path().filename().string().front() != '.') ++count;
  return count;
}

bool inbox_is_empty(const fs::path& inbox) {
  for (const auto& entry : fs::directory_iterator(inbox))
    if (entry.path().filename() != ".formpipe") return false;
  return fs::is_empty(inbox / ".formpipe/claimed");
}

}  // namespace

TEST_CASE("every submission gets one result folder and leaves the inbox", "[inbox][service]") {
  ScratchFolder scratch;
  const Settings settings = settings_for(scratch, 3);
  drop_sample(scratch, "alliance-agreement.valid.xml");
  drop_sample(scratch, "alliance-agreement.valid.xml", "the same agreement again.xml");
  drop_sample(scratch, "alliance-diary-sheet.valid.bundle");
  drop_sample(scratch, "alliance-diary-sheet.valid.csv");
  drop_sample(scratch, "declination-letter.invalid.received-after-letter-ohio-no-zip.xml");
  write_file(scratch / "inbox/empty.xml", "");
  write_file(scratch / "inbox/still-copying.xml.part", "<alliance-");
  Recorder recorder;
  const std::atomic<bool> stop{false};
  const Summary summary = run_inbox(settings, recorder, stop);
  CHECK(summary.accepted == 3);
  CHECK(summary.rejected == 1);
  CHECK(summary.unreadable == 1);
  CHECK(summary.duplicates == 1);
  CHECK(summary.failed == 0);
  CHECK_FALSE(summary.interrupted);
  CHECK(recorder.events.size() == 6);
  CHECK(result_folders(settings.out) == 5);
  // Only the temp-named file is left.
  CHECK(fs::exists(scratch / "inbox/still-copying.xml.part"));
  fs::remove(scratch / "inbox/still-copying.xml.part");
  CHECK(inbox_is_empty(settings.inbox));
  Store store(settings.out / "formpipe.sqlite");
  CHECK(store.count("submissions") == 5);
  CHECK(store.count("duplicates") == 1);
  for (const Event& event : recorder.events) {
    if (event.kind != Event::Kind::Processed) continue;
    CAPTURE(event.source);
    CHECK(fs::exists(settings.out / event.id / "report.json"));
    CHECK_THAT(read_file(settings.out / event.id / "report.json"),
               Catch::Contains("\"source\": \"" + event.source + "\""));
  }
}

TEST_CASE("the same bytes dropped many times at once give one result", "[inbox][service]") {
  ScratchFolder scratch;
  const Settings settings = settings_for(scratch, 4);
  for (int i = 0; i < 12; ++i)
    drop_sample(scratch, "alliance-diary-sheet.valid.xml", "copy " + std::to_string(i) + ".xml");
  Recorder recorder;
  const std::atomic<bool> stop{false};
  const Summary summary = run_inbox(settings, recorder, stop);
  for (const Event& event : recorder.events) {
    CAPTURE(event.source, event.message);
    CHECK(event.kind != Event::Kind::Failed);
  }
  CHECK(summary.failed == 0);
  CHECK(summary.accepted == 1);
  CHECK(summary.duplicates == 11);
  CHECK(result_folders(settings.out) == 1);
  CHECK(inbox_is_empty(settings.inbox));
}

TEST_CASE("a start after a crash finishes what was claimed and redoes half-written results",
          "[inbox][service]") {
  ScratchFolder scratch;
  const Settings settings = settings_for(scratch);
  drop_sample(scratch, "alliance-agreement.valid.xml");
  drop_sample(scratch, "alliance-diary-sheet.valid.bundle");
  drop_sample(scratch, "declination-letter.valid.xml");
  std::string stale_id;
  {
    // The crashed run: claimed three, wrote one result without its record, left a half-written
    // folder in the temp area.
    Claims claims(settings.inbox);
    Results results(settings.out);
    const auto agreement = claims.claim(settings.inbox / "alliance-agreement.valid.xml");
    claims.claim(settings.inbox / "alliance-diary-sheet.valid.bundle");
    claims.claim(settings.inbox / "declination-letter.valid.xml");
    stale_id = process::sha256_of(agreement->path).substr(0, 12);
    results.write(stale_id, "{\"stale\": true}", {}, *agreement);
    write_file(settings.out / ".formpipe-tmp/00000000000000000009-000001/report.json", "{");
  }
  Recorder recorder;
  const std::atomic<bool> stop{false};
  const Summary summary = run_inbox(settings, recorder, stop);
  CHECK(summary.accepted == 3);
  CHECK(summary.failed == 0);
  CHECK(result_folders(settings.out) == 3);
  CHECK(fs::is_empty(settings.out / ".formpipe-tmp"));
  CHECK_THAT(read_file(settings.out / stale_id / "report.json"), Catch::Contains("\"id\": "));
  CHECK(inbox_is_empty(settings.inbox));
  Store store(settings.out / "formpipe.sqlite");
  CHECK(store.count("submissions") == 3);
  CHECK(store.count("duplicates") == 0);
}

TEST_CASE("a result recorded just before a crash is not recorded twice", "[inbox][service]") {
  ScratchFolder scratch;
  const Settings settings = settings_for(scratch);
  drop_sample(scratch, "alliance-agreement.valid.xml");
  {
    Recorder recorder;
    const std::atomic<bool> stop{false};
    run_inbox(settings, recorder, stop);
  }
  // Put the input back as if its removal had not reached the disk, under its old claim.
  std::string token;
  {
    Store store(settings.out / "formpipe.sqlite");
    token = store.find(process::sha256_of(sample("alliance-agreement.valid.xml")))->claim;
  }
  fs::create_directories(settings.inbox / (".formpipe/claimed/" + token));
  fs::copy(sample("alliance-agreement.valid.xml"),
           settings.inbox / (".formpipe/claimed/" + token + "/alliance-agreement.valid.xml"));
  Recorder recorder;
  const std::atomic<bool> stop{false};
  const Summary summary = run_inbox(settings, recorder, stop);
  CHECK(summary.accepted == 1);
  CHECK(summary.duplicates == 0);
  CHECK(inbox_is_empty(settings.inbox));
  Store store(settings.out / "formpipe.sqlite");
  CHECK(store.count("submissions") == 1);
  CHECK(store.count("duplicates") == 0);
}

TEST_CASE("when results cannot be written the inputs stay in the inbox", "[inbox][service]") {
  ScratchFolder scratch;
  const Settings settings = settings_for(scratch, 2);
  drop_sample(scratch, "alliance-agreement.valid.xml");
  drop_sample(scratch, "alliance-diary-sheet.valid.bundle");
  Recorder recorder;
  recorder.on_start = [&] {  // the output folder breaks after the start-up checks
    fs::remove_all(settings.out / ".formpipe-tmp");
    write_file(settings.out / ".formpipe-tmp", "in the way");
  };
  const std::atomic<bool> stop{false};
  const Summary summary = run_inbox(settings, recorder, stop);
  CHECK(summary.failed == 2);
  CHECK(summary.accepted == 0);
  REQUIRE(recorder.events.size() == 2);
  for (const Event& event : recorder.events) {
    CHECK(event.kind == Event::Kind::Failed);
    CHECK_THAT(event.message,
               Catch::Contains(".formpipe-tmp") && Catch::Contains("left in the inbox"));
  }
  CHECK(read_file(scratch / "inbox/alliance-agreement.valid.xml") ==
        read_file(sample("alliance-agreement.valid.xml")));
  CHECK(fs::is_directory(scratch / "inbox/alliance-diary-sheet.valid.bundle"));
  CHECK(fs::is_empty(scratch / "inbox/.formpipe/claimed"));
  CHECK(result_folders(settings.out) == 0);
}

TEST_CASE("a stop request finishes the submissions in hand and takes no more", "[inbox][service]") {
  // In hand at the stop: the group being committed, those waiting for the next commit (at most
  // 64) and the workers'; the rest of 150 entries stays in the inbox untouched.
  constexpr std::size_t kEntries = 150;
  ScratchFolder scratch;
  const Settings settings = settings_for(scratch);
  for (std::size_t i = 0; i < kEntries; ++i)
    write_file(scratch / ("inbox/" + std::to_string(i) + ".xml"),
               "<not-a-form n=\"" + std::to_string(i) + "\"/>");
  std::atomic<bool> stop{false};
  Recorder recorder;
  recorder.on_event = [&](const Event&) { stop = true; };
  const Summary summary = run_inbox(settings, recorder, stop);
  CHECK(summary.interrupted);
  CHECK(summary.unreadable >= 1);
  CHECK(result_folders(settings.out) == summary.unreadable);
  CHECK(recorder.events.size() == summary.unreadable);
  CHECK(fs::is_empty(scratch / "inbox/.formpipe/claimed"));
  CHECK(fs::is_empty(settings.out / ".formpipe-tmp"));
  std::size_t left = 0;
  for (const auto& entry : fs::directory_iterator(settings.inbox))
    if (entry.path().filename() != ".formpipe") ++left;
  CHECK(left + summary.unreadable == kEntries);
  CHECK(left > 0);
}

TEST_CASE("an output folder inside the inbox is refused", "[inbox][service]") {
  ScratchFolder scratch;
  Settings settings = settings_for(scratch);
  settings.out = settings.inbox / "results";
  Recorder recorder;
  const std::atomic<bool> stop{false};
  CHECK_THROWS_WITH(run_inbox(settings, recorder, stop), Catch::Contains("lies inside the inbox"));
  CHECK_FALSE(fs::exists(settings.out));
}

TEST_CASE("a record the store refuses fails only its own submission and leaves no folder",
          "[inbox][service]") {
  ScratchFolder scratch;
  const Settings settings = settings_for(scratch, 2);
  fs::create_directories(settings.out);
  {
    // A store that refuses one submission's row, as a full or broken store might refuse any.
    Store store(settings.out / "formpipe.sqlite");
    Poco::Data::Session session("SQLite", (settings.out / "formpipe.sqlite").string());
    session << "CREATE TRIGGER poison BEFORE INSERT ON submissions"
               " WHEN NEW.source = 'poison.xml' BEGIN SELECT RAISE(ABORT, 'poisoned'); END",
        Poco::Data::Keywords::now;
  }
  const std::string valid = read_file(sample("alliance-diary-sheet.valid.xml"));
  for (int i = 0; i < 30; ++i)
    write_file(
        scratch / ("inbox/" + (i == 15 ? std::string("poison") : std::to_string(i)) + ".xml"),
        valid + "<!-- " + std::to_string(i) + " -->\n");
  Recorder recorder;
  bool first = true;
  recorder.on_event = [&](const Event&) {  // hold the committer once, so the next group is large
    if (std::exchange(first, false)) std::this_thread::sleep_for(std::chrono::milliseconds(300));
  };
  const std::atomic<bool> stop{false};
  const Summary summary = run_inbox(settings, recorder, stop);
  CHECK(summary.accepted == 29);
  CHECK(summary.failed == 1);
  for (const Event& event : recorder.events) {
    CAPTURE(event.source, event.message);
    CHECK((event.kind == Event::Kind::Failed) == (event.source == "poison.xml"));
  }
  CHECK(fs::exists(scratch / "inbox/poison.xml"));
  Store store(settings.out / "formpipe.sqlite");
  CHECK(store.count("submissions") == 29);
  CHECK(result_folders(settings.out) == 29);  // every folder has its row
  CHECK(fs::is_empty(settings.out / ".formpipe-tmp"));
}

TEST_CASE("a bundle corrected by removing a link is a new submission, not a duplicate",
          "[inbox][service]") {
  ScratchFolder scratch;
  const Settings settings = settings_for(scratch);
  drop_sample(scratch, "alliance-diary-sheet.valid.bundle", "diary");
  fs::create_symlink("../not-sent.csv", scratch / "inbox/diary/extra.csv");  // dangling
  Recorder first;
  const std::atomic<bool> stop{false};
  run_inbox(settings, first, stop);
  REQUIRE(first.events.size() == 1);
  CHECK(first.events[0].kind == Event::Kind::Processed);
  drop_sample(scratch, "alliance-diary-sheet.valid.bundle", "diary");
  Recorder second;
  run_inbox(settings, second, stop);
  REQUIRE(second.events.size() == 1);
  CHECK(second.events[0].kind == Event::Kind::Processed);
  CHECK(second.events[0].id != first.events[0].id);
  CHECK(result_folders(settings.out) == 2);
}

TEST_CASE("watch processes with templates changed on disk from the next submission on",
          "[inbox][service][environment]") {
  ScratchFolder scratch;
  const fs::path data = scratch / "data";
  fs::create_directories(data);
  for (const char* folder : {"forms", "fonts", "templates"})
    fs::copy(fs::path(FORMPIPE_SOURCE_DIR) / folder, data / folder, fs::copy_options::recursive);
  const auto clock = [] { return *core::Date::from_ymd(2025, 11, 20); };
  Settings settings = settings_for(scratch);
  settings.watch = true;
  settings.environment = process::Environment::load(data, clock);
  int loads = 0;
  settings.reload = [&] {
    ++loads;
    return process::Environment::load(data, clock);
  };
  const fs::path agreement_template = data / "templates" / "agreement-miosha.xml";
  const std::string original_wording = read_file(agreement_template);
  const std::string agreement = read_file(sample("alliance-agreement.valid.xml"));
  write_file(scratch / "inbox/first.xml", agreement);

  struct Reloads : Recorder {
    std::vector<std::string> errors;
    void reloaded(const std::string& error) override { errors.push_back(error); }
  } recorder;
  std::atomic<bool> stop{false};
  recorder.on_event = [&](const Event&) {
    if (recorder.events.size() == 1) {
      // Between submissions: the template changes, then a second agreement arrives.
      std::string changed = original_wording;
      const std::string from = "more healthful Michigan workplaces";
      changed.replace(changed.find(from), from.size(), "more healthful Michigan worksites");
      write_file(agreement_template, changed);
      fs::last_write_time(agreement_template,
                          fs::last_write_time(agreement_template) + std::chrono::seconds(2));
      write_file(scratch / "inbox/second.xml", agreement + "<!-- the second copy -->\n");
    } else {
      stop = true;
    }
  };
  run_inbox(settings, recorder, stop);
  REQUIRE(recorder.events.size() == 2);
  CHECK(loads == 1);
  REQUIRE(recorder.errors.size() == 1);
  CHECK(recorder.errors[0].empty());
  const auto text_of = [&](const Event& event) {
    return render::probe::all_text(settings.out / event.id / "agreement.pdf");
  };
  CHECK_THAT(text_of(recorder.events[0]), Catch::Contains("Michigan workplaces"));
  CHECK_THAT(text_of(recorder.events[1]), Catch::Contains("Michigan worksites"));
}
