// The inbox through the real binary: `formpipe run` over a thousand mixed submissions, bad
// input of every kind, an output folder that cannot be written, `watch` with a slow copy and a
// stop signal, and `due` over a store filled from samples/.
#include <Poco/Checksum.h>
#include <Poco/DateTime.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Path.h>
#include <Poco/SHA2Engine.h>
#include <Poco/Zip/Compress.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include "pipeline/inbox/store.hpp"
#include "pipeline/process/names.hpp"
#include "pipeline/process/process.hpp"
#include "pipeline/process/process_test_support.hpp"

extern char** environ;

namespace fs = std::filesystem;
using namespace pipeline;
using namespace std::chrono_literals;

namespace {

const fs::path kSource = FORMPIPE_SOURCE_DIR;
const char* const kAsOf = "2025-11-20";

class Scratch {
 public:
  Scratch() {
    std::random_device random;
    path_ = fs::temp_directory_path() /
            ("formpipe-e2e-inbox-" + std::to_string(::getpid()) + "-" + std::to_string(random()));
    fs::create_directories(path_ / "inbox");
    if (!std::getenv("FORMPIPE_DATA_DIR")) ::setenv("FORMPIPE_DATA_DIR", FORMPIPE_SOURCE_DIR, 0);
  }
  ~Scratch() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  fs::path operator/(const std::string& name) const { return path_ / name; }
  fs::path inbox() const { return path_ / "inbox"; }
  fs::path out() const { return path_ / "out"; }

 private:
  fs::path path_;
};

void write_file(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string quoted(const fs::path& path) {
  return "'" + path.string() + "'";
}

struct Result {
  int status = -1;
  std::string out;
  std::string err;
};

// Runs a shell command, capturing its exit status, stdout and stderr.
Result shell(const Scratch& scratch, const std::string& command) {
  const fs::path out = scratch / "stdout.txt";
  const fs::path err = scratch / "stderr.txt";
  const std::string line = command + " > " + quoted(out) + " 2> " + quoted(err) + " < /dev/null";
  const int raw = std::system(line.c_str());
  return {WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, read_file(out), read_file(err)};
}

// Runs the formpipe binary with `args` (already quoted as needed).
Result formpipe(const Scratch& scratch, const std::string& args) {
  return shell(scratch, quoted(FORMPIPE_BINARY) + " " + args);
}

Result run(const Scratch& scratch, const std::string& extra = {}) {
  return formpipe(scratch, "run " + quoted(scratch.inbox()) + " --out " + quoted(scratch.out()) +
                               " --settle 0 --as-of " + kAsOf + " " + extra);
}

std::string sha256(const std::string& bytes) {
  Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
  engine.update(bytes);
  return Poco::DigestEngine::digestToHex(engine.digest());
}

Poco::JSON::Object::Ptr json_object(const std::string& text) {
  return Poco::JSON::Parser().parse(text).extract<Poco::JSON::Object::Ptr>();
}

// Every result folder's report, by folder name.
std::map<std::string, Poco::JSON::Object::Ptr> reports(const fs::path& out) {
  std::map<std::string, Poco::JSON::Object::Ptr> found;
  for (const auto& entry : fs::directory_iterator(out)) {
    const std::string name = entry.path().filename().string();
    if (!entry.is_directory() || name.front() == '.') continue;
    found[name] = json_object(read_file(entry.path() / "report.json"));
  }
  return found;
}

bool inbox_is_empty(const fs::path& inbox) {
  for (const auto& entry : fs::directory_iterator(inbox))
    if (entry.path().filename() != ".formpipe") return false;
  return fs::is_empty(inbox / ".formpipe/claimed");
}

std::string with_comment(const std::string& xml, int n) {
  return xml + "<!-- copy " + std::to_string(n) + " -->\n";
}

std::string zip_of(const std::vector<std::pair<std::string, std::string>>& files) {
  std::ostringstream out;
  Poco::Zip::Compress compress(out, true);
  for (const auto& [name, bytes] : files) {
    std::istringstream in(bytes);
    compress.addFile(in, Poco::DateTime(), Poco::Path(name, Poco::Path::PATH_UNIX),
                     Poco::Zip::ZipCommon::CM_DEFLATE, Poco::Zip::ZipCommon::CL_MAXIMUM);
  }
  compress.close();
  return out.str();
}

// A zip written by hand with stored entries, so an entry may carry any name (Poco's Compress
// refuses names that climb out of the archive).
std::string stored_zip(const std::vector<std::pair<std::string, std::string>>& files) {
  auto le = [](std::string& out, std::uint32_t value, int bytes) {
    for (int i = 0; i < bytes; ++i) out += static_cast<char>((value >> (8 * i)) & 0xFF);
  };
  std::string archive, directory;
  for (const auto& [name, bytes] : files) {
    Poco::Checksum crc(Poco::Checksum::TYPE_CRC32);
    crc.update(bytes);
    const auto size = static_cast<std::uint32_t>(bytes.size());
    const auto offset = static_cast<std::uint32_t>(archive.size());
    const auto name_size = static_cast<std::uint32_t>(name.size());
    le(archive, 0x04034b50, 4);
    for (std::uint32_t v : {20u, 0u, 0u, 0u, 0x21u}) le(archive, v, 2);  // version..date
    le(archive, crc.checksum(), 4);
    le(archive, size, 4);
    le(archive, size, 4);
    le(archive, name_size, 2);
    le(archive, 0, 2);
    archive += name + bytes;
    le(directory, 0x02014b50, 4);
    for (std::uint32_t v : {20u, 20u, 0u, 0u, 0u, 0x21u}) le(directory, v, 2);
    le(directory, crc.checksum(), 4);
    le(directory, size, 4);
    le(directory, size, 4);
    le(directory, name_size, 2);
    for (int i = 0; i < 4; ++i) le(directory, 0, 2);  // extra, comment, disk, internal
    le(directory, 0, 4);                              // external attributes
    le(directory, offset, 4);
    directory += name;
  }
  const auto count = static_cast<std::uint32_t>(files.size());
  const auto directory_at = static_cast<std::uint32_t>(archive.size());
  archive += directory;
  le(archive, 0x06054b50, 4);
  le(archive, 0, 2);
  le(archive, 0, 2);
  le(archive, count, 2);
  le(archive, count, 2);
  le(archive, static_cast<std::uint32_t>(directory.size()), 4);
  le(archive, directory_at, 4);
  le(archive, 0, 2);
  return archive;
}

std::string status_of(const fs::path& input) {
  process::Options options;
  options.as_of = *core::parse_date(kAsOf);
  options.render = false;
  return std::string(process::status_name(
      process::process_path(input, process::testing::environment(), options).report.status));
}

}  // namespace

TEST_CASE("run files a thousand mixed submissions once each and empties the inbox",
          "[e2e][inbox]") {
  Scratch scratch;
  // sha256 -> expected status, for every distinct submission dropped.
  std::map<std::string, std::string> expected;
  const std::string valid = read_file(kSource / "samples/alliance-diary-sheet.valid.xml");
  const std::string invalid = read_file(
      kSource / "samples/declination-letter.invalid.received-after-letter-ohio-no-zip.xml");
  const std::string valid_status = status_of(kSource / "samples/alliance-diary-sheet.valid.xml");
  REQUIRE(valid_status == "accepted");
  REQUIRE(status_of(kSource / "samples/declination-letter.invalid.received-after-letter-ohio-no-"
                              "zip.xml") == "rejected");
  int dropped = 0;
  // The samples as they are (files and folder bundles), 27 of them.
  for (const auto& entry : fs::directory_iterator(kSource / "samples")) {
    if (entry.path().filename() == "README.md") continue;
    fs::copy(entry.path(), scratch.inbox() / entry.path().filename(), fs::copy_options::recursive);
    expected[process::sha256_of(entry.path())] = status_of(entry.path());
    ++dropped;
  }
  const int samples = dropped;
  auto drop = [&](const std::string& name, const std::string& bytes, const std::string& status) {
    write_file(scratch.inbox() / name, bytes);
    expected[sha256(bytes)] = status;
    ++dropped;
  };
  for (int i = 0; dropped < samples + 573; ++i)
    drop("diary " + std::to_string(i) + ".xml", with_comment(valid, i), "accepted");
  for (int i = 0; i < 200; ++i)
    drop("declination-" + std::to_string(i) + ".xml", with_comment(invalid, i), "rejected");
  for (int i = 0; i < 100; ++i)
    drop("scan-" + std::to_string(i) + (i % 2 ? ".xml" : ".csv"),
         i % 2 ? "<not a form " + std::to_string(i) : "no,kind\n" + std::to_string(i) + ",x\n",
         "unreadable");
  for (int i = 0; i < 100; ++i) {  // the same bytes again under other names
    fs::copy_file(scratch.inbox() / ("diary " + std::to_string(i) + ".xml"),
                  scratch.inbox() / ("diary " + std::to_string(i) + " (copy).xml"));
    ++dropped;
  }
  REQUIRE(dropped == 1000);

  const auto start = std::chrono::steady_clock::now();
  const Result result = run(scratch, "--jobs 4");
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start);
  CAPTURE(result.out, result.err, seconds.count());
  CHECK(result.status == 2);  // some submissions are unreadable
  CHECK_THAT(result.out, Catch::Contains("100 duplicates removed; 0 failed"));
  CHECK(inbox_is_empty(scratch.inbox()));
  CHECK(fs::is_empty(scratch.out() / ".formpipe-tmp"));

  const auto found = reports(scratch.out());
  CHECK(found.size() == expected.size());
  std::map<std::string, int> mismatched;
  for (const auto& [folder, report] : found) {
    const std::string sha = report->getValue<std::string>("sha256");
    CHECK(folder == sha.substr(0, 12));
    const auto documents = report->getArray("documents");
    for (std::size_t i = 0; i < documents->size(); ++i)
      CHECK(fs::is_regular_file(scratch.out() / folder /
                                documents->getElement<std::string>(static_cast<unsigned>(i))));
    const auto it = expected.find(sha);
    if (it == expected.end() || it->second != report->getValue<std::string>("status"))
      ++mismatched[report->getValue<std::string>("source")];
  }
  CHECK(mismatched.empty());
}

TEST_CASE("bad input is answered with a clear message and nothing is lost", "[e2e][inbox]") {
  Scratch scratch;
  struct Case {
    std::string name;
    std::string bytes;
    std::string message;  // "" for an accepted submission
  };
  std::string nested = "<alliance-agreement profile=\"miosha\">";
  for (int i = 0; i < 20000; ++i) nested += "<a>";
  for (int i = 0; i < 20000; ++i) nested += "</a>";
  nested += "</alliance-agreement>";
  const std::string valid = read_file(kSource / "samples/alliance-diary-sheet.valid.xml");
  std::string utf16 = "\xFF\xFE";
  for (char c : std::string("<alliance-diary-sheet/>")) utf16 += std::string{c, '\0'};
  const std::string manifest = "key,value\nform-kind,alliance-diary-sheet\nprofile,miosha\n";
  const std::vector<Case> cases{
      {"empty.xml", "", "the file is empty"},
      {"manifest only.zip", zip_of({{"manifest.csv", "key,value\n"}}), "no form-kind row"},
      {"nested.xml", nested, "nested more than 48 levels"},
      {"latin1.xml", "<alliance-diary-sheet profile=\"miosha\"><city>Saint-J\xE9r\xF4me</city>",
       "invalid UTF-8 byte sequence"},
      {"utf16.xml", utf16, "the file is UTF-16; expected UTF-8"},
      {"big.xml", valid + "<!--" + std::string(2 << 20, 'x') + "-->",
       "larger than the 1 MiB limit"},
      {"bomb.zip", zip_of({{"manifest.csv", manifest}, {"header.csv", std::string(8 << 20, '0')}}),
       "looks like a zip bomb"},
      {"wide.zip",
       zip_of({{"manifest.csv", manifest},
               {"a.csv", std::string(900 << 10, 'a')},
               {"b.csv", std::string(900 << 10, 'b')}}),
       "inflates past the bundle limit"},
      {"slip.zip", stored_zip({{"manifest.csv", manifest}, {"../../etc/cron.d/evil.csv", "x"}}),
       "has a path"},
      {"not a zip.zip", "PK\x03\x04 but nothing else", "not a readable zip file"},
      {"Acta de reunión — Saint-Jérôme 2025.xml", valid, ""},
  };
  for (const Case& c : cases) write_file(scratch.inbox() / c.name, c.bytes);
  const Result result = run(scratch, "--max-bytes 1M --jobs 2");
  CAPTURE(result.out, result.err);
  CHECK(result.status == 2);
  CHECK(inbox_is_empty(scratch.inbox()));
  CHECK_FALSE(fs::exists(fs::temp_directory_path() / "etc/cron.d/evil.csv"));
  const auto found = reports(scratch.out());
  CHECK(found.size() == cases.size());
  for (const Case& c : cases) {
    CAPTURE(c.name);
    const std::string id = sha256(c.bytes).substr(0, 12);
    REQUIRE(found.count(id) == 1);
    const auto& report = found.at(id);
    CHECK(report->getValue<std::string>("source") == c.name);
    const fs::path original =
        scratch.out() / id / ("original" + fs::path(c.name).extension().string());
    CHECK(read_file(original) == c.bytes);  // nothing lost, whatever it was
    if (c.message.empty()) {
      CHECK(report->getValue<std::string>("status") == "accepted");
      continue;
    }
    CHECK(report->getValue<std::string>("status") == "unreadable");
    const auto findings = report->getArray("findings");
    REQUIRE(findings->size() == 1);
    const auto finding = findings->getObject(0);
    CHECK_THAT(finding->getValue<std::string>("rule"), Catch::StartsWith("FORMAT-"));
    CHECK_THAT(finding->getValue<std::string>("message"), Catch::Contains(c.message));
  }
}

TEST_CASE("an output folder that cannot be written is a clear error and the inbox stays",
          "[e2e][inbox]") {
  Scratch scratch;
  write_file(scratch / "in-the-way", "a file, not a folder");
  fs::copy(kSource / "samples/alliance-agreement.valid.xml", scratch.inbox());
  const Result result = formpipe(scratch, "run " + quoted(scratch.inbox()) + " --out " +
                                              quoted(scratch / "in-the-way/out") + " --settle 0");
  CHECK(result.status == 3);
  CHECK_THAT(result.err, Catch::Contains("in-the-way/out: cannot be written"));
  CHECK(fs::exists(scratch.inbox() / "alliance-agreement.valid.xml"));
}

TEST_CASE("run shows a progress bar on a terminal and nowhere else", "[e2e][inbox]") {
  if (std::system("command -v script > /dev/null") != 0) {
    WARN("no script(1) to give formpipe a terminal; skipped");
    return;
  }
  Scratch scratch;
  for (int i = 0; i < 3; ++i)
    write_file(scratch.inbox() / ("scan-" + std::to_string(i) + ".xml"), std::to_string(i));
  // script(1) runs the command on a pseudo-terminal: stdout and stderr are both the terminal.
  const std::string command = quoted(FORMPIPE_BINARY) + " run " + quoted(scratch.inbox()) +
                              " --out " + quoted(scratch.out()) + " --settle 0";
  const Result terminal = shell(scratch, "script -qec \"" + command + "\" /dev/null");
  CHECK_THAT(terminal.out, Catch::Contains("] 3/3") && Catch::Contains("3 unreadable"));
  for (int i = 3; i < 6; ++i)
    write_file(scratch.inbox() / ("scan-" + std::to_string(i) + ".xml"), std::to_string(i));
  const Result piped = run(scratch);
  CHECK_THAT(piped.out, Catch::Contains("3 unreadable"));
  CHECK_THAT(piped.err, !Catch::Contains("]"));
}

TEST_CASE("run and watch explain themselves and refuse bad usage", "[e2e][inbox]") {
  Scratch scratch;
  for (const char* command : {"run", "watch", "due"}) {
    CAPTURE(command);
    const Result help = formpipe(scratch, std::string(command) + " --help");
    CHECK(help.status == 0);
    CHECK_THAT(help.out, Catch::Contains("Usage: formpipe") && Catch::Contains("Examples:"));
  }
  CHECK(formpipe(scratch, "run " + quoted(scratch.inbox())).status == 2);  // no --out
  CHECK(formpipe(scratch, "run " + quoted(scratch / "missing") + " --out x").status == 2);
  CHECK(formpipe(scratch, "run " + quoted(scratch.inbox()) + " --out x --jobs 0").status == 2);
  CHECK(formpipe(scratch, "run " + quoted(scratch.inbox()) + " --out x --max-bytes 1Q").status ==
        2);
  const Result no_store = formpipe(scratch, "due --out " + quoted(scratch.out()));
  CHECK(no_store.status == 2);
  CHECK_THAT(no_store.err, Catch::Contains("no record store"));
}

namespace {
enum class Stderr { Apart, IntoLog };
}  // namespace

// Starts `formpipe watch` on the scratch inbox with its standard output (and, with IntoLog, its
// standard error) written to `log`; the caller stops it with SIGTERM.
static pid_t spawn_watch(const Scratch& scratch, const std::string& log, const char* settle,
                         Stderr errors) {
  const std::string args[] = {FORMPIPE_BINARY,
                              "watch",
                              scratch.inbox().string(),
                              "--out",
                              scratch.out().string(),
                              "--settle",
                              settle,
                              "--as-of",
                              kAsOf};
  std::vector<char*> argv;
  for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (errors == Stderr::IntoLog) posix_spawn_file_actions_adddup2(&actions, 1, 2);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, FORMPIPE_BINARY, &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  REQUIRE(spawned == 0);
  return pid;
}

TEST_CASE("watch takes a slowly copied file only once it is complete, and stops on SIGTERM",
          "[e2e][inbox]") {
  Scratch scratch;
  const std::string log = (scratch / "watch.log").string();
  const pid_t pid = spawn_watch(scratch, log, "1", Stderr::Apart);

  auto results = [&] {
    std::size_t count = 0;
    if (fs::exists(scratch.out()))
      for (const auto& entry : fs::directory_iterator(scratch.out()))
        if (entry.is_directory() && entry.path().filename().string().front() != '.') ++count;
    return count;
  };
  // Ten chunks, 110 ms apart: a copy that takes over a second, each pause well under --settle.
  const std::string bytes = read_file(kSource / "samples/alliance-diary-sheet.valid.xml");
  const fs::path target = scratch.inbox() / "slow copy.xml";
  const std::size_t chunk = bytes.size() / 10 + 1;
  {
    std::ofstream out(target, std::ios::binary);
    for (std::size_t at = 0; at < bytes.size(); at += chunk) {
      out.write(bytes.data() + at,
                static_cast<std::streamsize>(std::min(chunk, bytes.size() - at)));
      out.flush();
      std::this_thread::sleep_for(110ms);
      CHECK(results() == 0);
    }
  }
  const auto deadline = std::chrono::steady_clock::now() + 15s;
  while (results() == 0 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(50ms);
  std::this_thread::sleep_for(300ms);
  REQUIRE(results() == 1);
  const std::string id = sha256(bytes).substr(0, 12);
  const auto report = json_object(read_file(scratch.out() / id / "report.json"));
  CHECK(report->getValue<std::string>("status") == "accepted");
  CHECK(report->getValue<std::string>("source") == "slow copy.xml");
  CHECK(read_file(scratch.out() / id / "original.xml") == bytes);
  CHECK(inbox_is_empty(scratch.inbox()));

  REQUIRE(::kill(pid, SIGTERM) == 0);
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  const std::string lines = read_file(log);
  CHECK_THAT(lines, Catch::Contains("slow copy.xml: accepted -> " + id) &&
                        Catch::Contains("stopped: 1 accepted"));
}

TEST_CASE("due lists what the sample alliances owe as of a fixed date", "[e2e][inbox]") {
  Scratch scratch;
  for (const auto& entry : fs::directory_iterator(kSource / "samples"))
    if (entry.path().filename() != "README.md")
      fs::copy(entry.path(), scratch.inbox() / entry.path().filename(),
               fs::copy_options::recursive);
  REQUIRE(run(scratch).status <= 1);
  const Result result =
      formpipe(scratch, "due --out " + quoted(scratch.out()) + " --as-of " + kAsOf + " --json");
  CAPTURE(result.err);
  REQUIRE(result.status == 0);
  const auto due = json_object(result.out);
  CHECK(due->getValue<std::string>("as-of") == kAsOf);
  std::map<std::string, Poco::JSON::Object::Ptr> alliances;
  const auto list = due->getArray("alliances");
  for (std::size_t i = 0; i < list->size(); ++i) {
    const auto alliance = list->getObject(static_cast<unsigned>(i));
    alliances[alliance->getValue<std::string>("alliance")] = alliance;
  }
  // The accepted, signed agreements among the samples; the rejected ones are not in force.
  REQUIRE(alliances.size() == 4);
  auto periods = [&](const std::string& name) {
    std::vector<std::string> out;
    const auto reports = alliances.at(name)->getArray("reports");
    for (std::size_t i = 0; i < reports->size(); ++i) {
      const auto item = reports->getObject(static_cast<unsigned>(i));
      out.push_back(item->getValue<std::string>("period") + " " +
                    item->getValue<std::string>("status"));
    }
    return out;
  };
  // Signed 2025-03-14; the 2025 Q3 diary sheet (three copies: XML, CSV, bundle) was received.
  CHECK(periods("MIOSHA and Michigan Tree Care and Arborist Association Alliance") ==
        std::vector<std::string>{"2025 Q1 overdue", "2025 Q2 overdue", "2025 Q3 received",
                                 "2025 Q4 upcoming", "2025 upcoming"});
  // Signed 2025-02-18; April–September 2025 was received, January–June is not a window.
  CHECK(periods("OSHA and Coalition for Safe Tower Climbing Alliance") ==
        std::vector<std::string>{"2024-10 to 2025-03 overdue", "2025-04 to 2025-09 received",
                                 "2025-10 to 2026-03 upcoming"});
  CHECK(periods("National Council of Precast Concrete Erectors").empty());  // I-40
  CHECK(periods("Cal/OSHA, Central Valley Growers Safety Association and Asociación de "
                "Trabajadores Agrícolas del Valle Central Alliance") ==
        std::vector<std::string>{"2025 upcoming"});
  CHECK(due->getObject("summary")->getValue<int>("overdue") == 3);

  // Six weeks before the MIOSHA agreement expires, its renewal contact is due.
  const Result later =
      formpipe(scratch, "due --out " + quoted(scratch.out()) + " --as-of 2030-02-01");
  CHECK(later.status == 0);
  CHECK_THAT(later.out, Catch::Contains("RENEWAL   expires 2030-03-14 (in 41 days): renewal "
                                        "contact was due by 2030-01-13") &&
                            Catch::Contains("OVERDUE"));
}

TEST_CASE("names that are not UTF-8 are filed, escaped reversibly, and fail no other submission",
          "[e2e][inbox]") {
  Scratch scratch;
  const std::string valid = read_file(kSource / "samples/alliance-diary-sheet.valid.xml");
  // Any byte sequence is a legal name: Latin-1, a lone continuation byte, a newline, a backslash.
  const std::vector<std::string> odd{"caf\xE9 diary.xml", "diary \x80\xFF.xml",
                                     "two\nlines \\ one.xml"};
  std::map<std::string, std::string> names;  // sha256 -> name as dropped
  for (int i = 0; i < 200; ++i) {
    std::string name = "diary " + std::to_string(i) + ".xml";
    if (i % 60 == 30) name = odd[static_cast<std::size_t>(i / 60)];
    const std::string bytes = with_comment(valid, i);
    write_file(scratch.inbox() / name, bytes);
    names[sha256(bytes)] = name;
  }
  REQUIRE(names.size() == 200);
  const Result result = run(scratch, "--jobs 2");
  CAPTURE(result.out, result.err);
  CHECK(result.status == 0);
  CHECK_THAT(result.out, Catch::Contains("200 submissions") && Catch::Contains("0 failed"));
  CHECK(inbox_is_empty(scratch.inbox()));

  const auto found = reports(scratch.out());
  CHECK(found.size() == 200);
  inbox::Store store(scratch.out() / "formpipe.sqlite");
  CHECK(store.count("submissions") == 200);
  for (const auto& [sha, name] : names) {
    CAPTURE(process::escape_name(name));
    const std::string id = sha.substr(0, 12);
    REQUIRE(found.count(id) == 1);
    const std::string source = found.at(id)->getValue<std::string>("source");
    CHECK(source == process::escape_name(name));
    CHECK(process::unescape_name(source) == name);  // the exact bytes back
    const auto row = store.find(sha);
    REQUIRE(row);
    CHECK(row->id == id);
    CHECK(row->source == source);
  }
  CHECK(found.at(sha256(with_comment(valid, 30)).substr(0, 12))->getValue<std::string>("source") ==
        "caf\\xE9 diary.xml");
  CHECK(found.at(sha256(with_comment(valid, 150)).substr(0, 12))->getValue<std::string>("source") ==
        "two\\x0Alines \\\\ one.xml");
}

TEST_CASE("watch escapes names in its log and tells once of links and FIFOs it skips",
          "[e2e][inbox]") {
  Scratch scratch;
  const std::string log = (scratch / "watch.log").string();
  const std::string forged = "real.xml: accepted\n2025-11-20T00:00:00Z forged.xml";
  const std::string bytes = read_file(kSource / "samples/alliance-diary-sheet.valid.xml");
  write_file(scratch.inbox() / (forged + ".xml"), bytes);
  fs::create_symlink(kSource / "samples/alliance-agreement.valid.xml",
                     scratch.inbox() / "linked.xml");
  REQUIRE(::mkfifo((scratch.inbox() / "pipe.xml").c_str(), 0644) == 0);
  const pid_t pid = spawn_watch(scratch, log, "0", Stderr::IntoLog);
  const std::string id = sha256(bytes).substr(0, 12);
  const auto deadline = std::chrono::steady_clock::now() + 15s;
  while (!fs::exists(scratch.out() / id) && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(50ms);
  std::this_thread::sleep_for(1500ms);  // many more scans of the inbox
  REQUIRE(::kill(pid, SIGTERM) == 0);
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  CHECK(WIFEXITED(status));

  const std::string lines = read_file(log);
  CAPTURE(lines);
  CHECK(fs::exists(scratch.out() / id));
  std::vector<std::string> split;
  std::istringstream in(lines);
  for (std::string line; std::getline(in, line);) split.push_back(line);
  auto count = [&](const std::string& text) {
    return std::count_if(split.begin(), split.end(), [&](const std::string& line) {
      return line.find(text) != std::string::npos;
    });
  };
  // One line for the submission, its newline shown as \x0A; no line starts with the forgery.
  CHECK(count("real.xml: accepted\\x0A2025-11-20T00:00:00Z forged.xml.xml: accepted -> " + id) ==
        1);
  CHECK(count("forged.xml") == 1);
  // The link and the FIFO are named once each, however many scans saw them.
  CHECK(count("linked.xml: not taken: a symbolic link") == 1);
  CHECK(count("pipe.xml: not taken: a FIFO") == 1);
  CHECK(fs::is_symlink(scratch.inbox() / "linked.xml"));
  CHECK(fs::is_fifo(scratch.inbox() / "pipe.xml"));
}
