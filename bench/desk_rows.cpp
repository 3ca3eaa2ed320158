#include "bench/desk_rows.hpp"

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <Poco/Exception.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPCookie.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/StreamCopier.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>
#include <fstream>
#include <latch>
#include <random>
#include <regex>
#include <sstream>
#include <thread>
#include <vector>

#include "bench/generate.hpp"
#include "pipeline/core/data_dir.hpp"

extern char** environ;

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using namespace Poco::Data::Keywords;

namespace bench {

namespace {

const std::string kUser = "bench";
const std::string kPassword = "load test password";

// Starts argv with stdout and stderr into `log`; 0 when it could not.
pid_t spawn(const std::vector<std::string>& args, const fs::path& log) {
  std::vector<char*> argv;
  for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(),
                                   O_WRONLY | O_CREAT | O_APPEND, 0644);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  return spawned == 0 ? pid : 0;
}

int run_to_end(const std::vector<std::string>& args, const fs::path& log) {
  const pid_t pid = spawn(args, log);
  if (pid == 0) return -1;
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

long vm_hwm_kb(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(status, line);)
    if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
  return 0;
}

// The CPU time a process has used (user + system), in seconds.
double cpu_seconds(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto paren = text.rfind(')');
  if (paren == std::string::npos) return 0;
  std::istringstream fields(text.substr(paren + 2));
  std::string field;
  double ticks = 0;
  for (int i = 3; i <= 15 && fields >> field; ++i)
    if (i == 14 || i == 15) ticks += std::stod(field);  // utime, stime
  return ticks / static_cast<double>(sysconf(_SC_CLK_TCK));
}

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string clone_id(std::size_t n) {
  char text[32];
  std::snprintf(text, sizeof text, "fe%010zx", n % 0x10000000000);
  return text;
}

// What the clients filter by: the values the store holds.
struct Choices {
  std::vector<std::string> statuses, forms, programs, words;
};

// The store: the real submissions of a `formpipe run`, each cloned (findings, figures, outputs
// and all) under new ids, hashes, sources, organizations and times, 10 minutes apart, in one
// transaction.
Choices fill_store(const fs::path& file, std::size_t rows) {
  Poco::Data::SQLite::Connector::registerConnector();
  Poco::Data::Session session("SQLite", file.string());
  Choices choices;
  std::vector<std::string> organizations;
  session << "SELECT DISTINCT organization FROM submissions WHERE organization IS NOT NULL",
      into(organizations), now;
  for (const std::string& organization : organizations) {
    // The first word of the organization's name, as someone would search for it.
    const std::string word = organization.substr(0, organization.find(' '));
    if (word.size() >= 3) choices.words.push_back(word);
  }
  session << "SELECT DISTINCT status FROM submissions", into(choices.statuses), now;
  session << "SELECT DISTINCT form FROM submissions WHERE form IS NOT NULL", into(choices.forms),
      now;
  session << "SELECT DISTINCT profile FROM submissions WHERE profile IS NOT NULL",
      into(choices.programs), now;
  std::size_t templates = 0;
  session << "SELECT COUNT(*) FROM submissions", into(templates), now;
  if (templates == 0) throw std::runtime_error("formpipe run recorded no submission");
  session.begin();
  session << "CREATE TEMP TABLE t AS SELECT row_number() OVER (ORDER BY id) - 1 AS k, *"
             " FROM submissions",
      now;
  Poco::Data::Statement insert(session);
  insert << "WITH RECURSIVE n(v) AS (SELECT 0 UNION ALL SELECT v + 1 FROM n WHERE v + 1 < ?)"
            " INSERT INTO submissions (id, sha256, claim, source, form, profile, organization,"
            " alliance_name, period_start, period_end, submitted_on, status, findings, figures,"
            " outputs, as_of, claimed_at, processed_at)"
            " SELECT printf('fe%010x', v), printf('%064x', v), 'bench-' || v,"
            " printf('%06d-', v) || t.source, t.form, t.profile,"
            " CASE WHEN t.organization IS NULL THEN NULL ELSE t.organization || ' ' || (v % 700)"
            " END, t.alliance_name, t.period_start, t.period_end, t.submitted_on, t.status,"
            " t.findings, t.figures, replace(t.outputs, t.id || '/', printf('fe%010x', v) || '/'),"
            " t.as_of,"
            " strftime('%Y-%m-%dT%H:%M:%SZ', 1700000000 + v * 600 - 2, 'unixepoch'),"
            " strftime('%Y-%m-%dT%H:%M:%SZ', 1700000000 + v * 600, 'unixepoch')"
            " FROM n JOIN t ON t.k = v % ?",
      bind(rows), bind(templates), now;
  session << "DROP TABLE t", now;
  session.commit();
  session << "ANALYZE", now;
  return choices;
}

struct Reply {
  int status = 0;
  std::string body;
  std::string cookie;
};

// A signed-in reviewer on one keep-alive connection.
class Client {
 public:
  explicit Client(std::uint16_t port) : session_("127.0.0.1", port) {
    session_.setKeepAlive(true);
    session_.setTimeout(Poco::Timespan(60, 0));  // signing in: Argon2id, two at a time
  }

  void set_timeout(int seconds) { session_.setTimeout(Poco::Timespan(seconds, 0)); }

  Reply send(const std::string& method, const std::string& path, const std::string& body = {}) {
    Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
    request.setKeepAlive(true);
    if (!cookie_.empty()) {
      Poco::Net::NameValueCollection cookies;
      cookies.add("formpipe_session", cookie_);
      request.setCookies(cookies);
    }
    if (method == Poco::Net::HTTPRequest::HTTP_POST) {
      request.setContentType("application/x-www-form-urlencoded");
      request.setContentLength(static_cast<std::streamsize>(body.size()));
    }
    try {
      session_.sendRequest(request) << body;
      Poco::Net::HTTPResponse response;
      std::istream& in = session_.receiveResponse(response);
      Reply reply;
      reply.status = static_cast<int>(response.getStatus());
      Poco::StreamCopier::copyToString(in, reply.body);
      std::vector<Poco::Net::HTTPCookie> cookies;
      response.getCookies(cookies);
      for (const auto& cookie : cookies)
        if (cookie.getName() == "formpipe_session") cookie_ = cookie.getValue();
      return reply;
    } catch (...) {
      session_.reset();  // a new connection next time
      throw;
    }
  }

  bool sign_in() {
    const Reply form = send("GET", "/login");
    static const std::regex csrf("name=\"csrf\" value=\"([0-9a-f]+)\"");
    std::smatch match;
    if (form.status != 200 || !std::regex_search(form.body, match, csrf)) return false;
    Poco::Net::HTMLForm fields;
    fields.set("csrf", match[1]);
    fields.set("name", kUser);
    fields.set("password", kPassword);
    std::ostringstream body;
    fields.write(body);
    return send("POST", "/login", body.str()).status == 303;
  }

 private:
  Poco::Net::HTTPClientSession session_;
  std::string cookie_;
};

std::string url_encoded(const std::string& text) {
  std::string out;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.') {
      out += ch;
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      out += hex;
    }
  }
  return out;
}

struct Sample {
  float ms;
  bool list;
};

struct ClientOutcome {
  std::vector<Sample> samples;
  std::size_t errors = 0;
  std::string first_error;
  bool signed_in = false;
};

const std::string& any(const std::vector<std::string>& items, std::mt19937& random) {
  static const std::string none = "none";
  return items.empty() ? none : items[random() % items.size()];
}

void load_client(std::uint16_t port, std::size_t rows, const Choices& choices, unsigned seed,
                 std::latch& signed_in, std::latch& go, const Clock::time_point& start,
                 const double seconds, ClientOutcome& outcome) {
  std::mt19937 random(seed);
  Client client(port);
  try {
    outcome.signed_in = client.sign_in();
  } catch (const std::exception& e) {
    outcome.first_error = std::string("sign-in: ") + e.what();
  }
  client.set_timeout(10);  // a page
  signed_in.count_down();
  go.wait();  // `start` is set once every client has signed in
  if (!outcome.signed_in) {
    if (outcome.first_error.empty()) outcome.first_error = "sign-in refused";
    ++outcome.errors;
    return;
  }
  const auto deadline =
      start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
  std::string next_page;
  int depth = 0;
  while (Clock::now() < deadline) {
    std::string path;
    const bool list = random() % 100 < 45;
    if (!list) {
      path = "/submissions/" + clone_id(random() % rows);
    } else if (!next_page.empty() && depth < 5 && random() % 2 == 0) {
      path = next_page;  // the next page of the list it read last
      ++depth;
    } else {
      depth = 0;
      switch (random() % 8) {
        case 0:
          path = "/";
          break;
        case 1:
          path = "/?status=" + any(choices.statuses, random);
          break;
        case 2:
          path = "/?form=" + any(choices.forms, random);
          break;
        case 3:
          path = "/?program=" + any(choices.programs, random);
          break;
        case 4:
          path = "/?status=rejected&form=" + any(choices.forms, random);
          break;
        case 5: {  // one month of the two years the store spans
          const int month = static_cast<int>(random() % 20);
          const int year = 2024 + (month + 10) / 12;
          const int m = (month + 10) % 12 + 1;
          char range[64];
          std::snprintf(range, sizeof range, "/?from=%d-%02d-01&to=%d-%02d-28", year, m, year, m);
          path = range;
          break;
        }
        case 6:
          path = "/?q=" + url_encoded(any(choices.words, random));
          break;
        default:
          path = "/?status=accepted&program=" + any(choices.programs, random);
      }
    }
    const auto begin = Clock::now();
    try {
      const Reply reply = client.send("GET", path);
      const float ms = std::chrono::duration<float, std::milli>(Clock::now() - begin).count();
      if (reply.status != 200) {
        if (outcome.first_error.empty())
          outcome.first_error = path + " -> " + std::to_string(reply.status);
        ++outcome.errors;
        continue;
      }
      outcome.samples.push_back({ms, list});
      if (list) {  // the link to the next page, if any (found without std::regex: cheaper)
        next_page.clear();
        const std::string link = "href=\"/?before=";
        const auto at = reply.body.find(link);
        const auto end = at == std::string::npos ? at : reply.body.find('"', at + 6);
        if (end != std::string::npos) {
          next_page = reply.body.substr(at + 6, end - at - 6);
          for (auto amp = next_page.find("&amp;"); amp != std::string::npos;
               amp = next_page.find("&amp;", amp + 1))
            next_page.replace(amp, 5, "&");
        }
      }
    } catch (const std::exception& e) {
      if (outcome.first_error.empty()) outcome.first_error = path + ": " + e.what();
      ++outcome.errors;
    }
  }
}

double percentile(std::vector<float>& values, double p) {
  if (values.empty()) return 0;
  const auto at = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1));
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(at), values.end());
  return values[at];
}

}  // namespace

DeskResult desk_load(const fs::path& formpipe, const fs::path& work, const DeskLoad& load) {
  DeskResult result;
  const auto setup_start = Clock::now();
  const fs::path inbox = work / "desk-inbox";
  const fs::path out = work / "desk-out";
  const fs::path log = work / "desk.log";
  const fs::path serve_log = work / "desk-serve.log";
  for (const fs::path& old : {inbox, out, log, serve_log}) fs::remove_all(old);
  fs::create_directories(out);
  Generator(pipeline::core::data_dir() / "samples", 14).write_inbox(inbox, load.templates);
  const int ran = run_to_end({formpipe.string(), "run", inbox.string(), "--out", out.string(),
                              "--settle", "0", "--as-of", "2025-10-10"},
                             log);
  if (ran != 0 && ran != 1) {
    result.error = "formpipe run failed (exit " + std::to_string(ran) + ")";
    return result;
  }
  Choices choices;
  try {
    choices = fill_store(out / "formpipe.sqlite", load.submissions);
  } catch (const std::exception& e) {
    result.error = std::string("filling the store: ") + e.what();
    return result;
  }
  { std::ofstream(work / "desk.pw") << kPassword << "\n"; }
  if (run_to_end({formpipe.string(), "user", "add", kUser, "--out", out.string(), "--password-file",
                  (work / "desk.pw").string()},
                 log) != 0) {
    result.error = "formpipe user add failed";
    return result;
  }
  const pid_t server = spawn(
      {formpipe.string(), "serve", "--out", out.string(), "--listen", "127.0.0.1:0"}, serve_log);
  if (server == 0) {
    result.error = "formpipe serve could not start";
    return result;
  }
  // The port from its first line: "... the reviewers' desk is at http://127.0.0.1:PORT/ ...".
  std::uint16_t port = 0;
  for (int i = 0; i < 600 && port == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    std::smatch match;
    const std::string text = read_all(serve_log);
    static const std::regex url("http://127\\.0\\.0\\.1:([0-9]+)/");
    if (std::regex_search(text, match, url)) port = static_cast<std::uint16_t>(std::stoi(match[1]));
    int status = 0;
    if (waitpid(server, &status, WNOHANG) == server) break;
  }
  result.setup_seconds = std::chrono::duration<double>(Clock::now() - setup_start).count();
  if (port == 0) {
    kill(server, SIGKILL);
    waitpid(server, nullptr, 0);
    result.error = "formpipe serve did not start: " + read_all(serve_log).substr(0, 300);
    return result;
  }

  std::vector<ClientOutcome> outcomes(static_cast<std::size_t>(load.clients));
  std::latch signed_in(load.clients);
  std::latch go(1);
  Clock::time_point start;
  std::vector<std::thread> threads;
  for (int c = 0; c < load.clients; ++c)
    threads.emplace_back(load_client, port, load.submissions, std::cref(choices),
                         static_cast<unsigned>(1000 + c), std::ref(signed_in), std::ref(go),
                         std::cref(start), load.seconds,
                         std::ref(outcomes[static_cast<std::size_t>(c)]));
  // Every client signs in first (Argon2id), then all start together.
  signed_in.wait();
  const double cpu_before = cpu_seconds(server);
  start = Clock::now();
  go.count_down();
  for (auto& thread : threads) thread.join();
  result.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  const double cpu = cpu_seconds(server) - cpu_before;
  result.peak_rss_mb = static_cast<double>(vm_hwm_kb(server)) / 1024;

  kill(server, SIGTERM);
  int status = 0;
  for (int i = 0; i < 100; ++i) {
    if (waitpid(server, &status, WNOHANG) == server) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    if (i == 99) {
      kill(server, SIGKILL);
      waitpid(server, &status, 0);
      result.first_error = "the server did not stop on SIGTERM";
      ++result.errors;
    }
  }

  std::vector<float> all, lists, details;
  for (const ClientOutcome& outcome : outcomes) {
    result.errors += outcome.errors;
    if (result.first_error.empty()) result.first_error = outcome.first_error;
    for (const Sample& sample : outcome.samples) {
      all.push_back(sample.ms);
      (sample.list ? lists : details).push_back(sample.ms);
    }
  }
  result.requests = all.size() + result.errors;
  if (result.requests > 0) result.server_cpu_ms = 1000 * cpu / static_cast<double>(result.requests);
  result.p50_ms = percentile(all, 0.50);
  result.p99_ms = percentile(all, 0.99);
  result.max_ms = all.empty() ? 0 : *std::max_element(all.begin(), all.end());
  result.list_p99_ms = percentile(lists, 0.99);
  result.detail_p99_ms = percentile(details, 0.99);
  return result;
}

}  // namespace bench
