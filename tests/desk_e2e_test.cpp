// The reviewers' desk through the real binary (web.md §1, §3): `formpipe user add|list|remove`
// with their exit codes, and `formpipe serve` over HTTPS with a throw-away certificate made by
// the openssl command, checked by a client that verifies the server against that certificate.
#include <Poco/Net/Context.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/StreamCopier.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <regex>
#include <sstream>
#include <thread>
#include <vector>

#include "pipeline/web/desk_store.hpp"

extern char** environ;

namespace fs = std::filesystem;
using namespace pipeline;
using namespace std::chrono_literals;

namespace {

class Scratch {
 public:
  Scratch() {
    std::random_device random;
    path_ = fs::temp_directory_path() /
            ("formpipe-e2e-desk-" + std::to_string(::getpid()) + "-" + std::to_string(random()));
    fs::create_directories(path_ / "out");
    if (!std::getenv("FORMPIPE_DATA_DIR")) ::setenv("FORMPIPE_DATA_DIR", FORMPIPE_SOURCE_DIR, 0);
  }
  ~Scratch() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  fs::path operator/(const std::string& name) const { return path_ / name; }
  fs::path out() const { return path_ / "out"; }

 private:
  fs::path path_;
};

void write_file(const fs::path& path, const std::string& bytes) {
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

Result shell(const Scratch& scratch, const std::string& command) {
  const fs::path out = scratch / "stdout.txt";
  const fs::path err = scratch / "stderr.txt";
  const std::string line = command + " > " + quoted(out) + " 2> " + quoted(err) + " < /dev/null";
  const int raw = std::system(line.c_str());
  return {WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, read_file(out), read_file(err)};
}

Result formpipe(const Scratch& scratch, const std::string& args) {
  return shell(scratch, quoted(FORMPIPE_BINARY) + " " + args);
}

Result user(const Scratch& scratch, const std::string& args) {
  return formpipe(scratch, "user " + args + " --out " + quoted(scratch.out()));
}

const std::string kPassword = "correct horse battery";

}  // namespace

TEST_CASE("formpipe user add, list and remove through the binary, with their exit codes",
          "[e2e][web]") {
  Scratch scratch;
  write_file(scratch / "ann.pw", kPassword + "\n");
  write_file(scratch / "short.pw", "too short\n");

  Result added = user(scratch, "add ann --password-file " + quoted(scratch / "ann.pw"));
  INFO(added.err);
  CHECK(added.status == 0);
  CHECK(added.out == "added user ann\n");
  // The hash stored is Argon2id (libsodium's string form), never the password.
  const auto hash = web::DeskStore(scratch.out()).password_hash("ann");
  REQUIRE(hash);
  CHECK(hash->rfind("$argon2id$", 0) == 0);
  CHECK(hash->find(kPassword) == std::string::npos);

  // A name that is taken is refused (usage error, 2), and the first user's hash is kept.
  const Result again = user(scratch, "add ann --password-file " + quoted(scratch / "ann.pw"));
  CHECK(again.status == 2);
  CHECK(again.err.find("there is already a user \"ann\"") != std::string::npos);
  CHECK(web::DeskStore(scratch.out()).password_hash("ann") == hash);

  // Refused: a short password, no terminal and no file, a missing file, a bad name, no OUTDIR.
  CHECK(user(scratch, "add bob --password-file " + quoted(scratch / "short.pw")).status == 2);
  const Result no_terminal = user(scratch, "add bob");
  CHECK(no_terminal.status == 2);
  CHECK(no_terminal.err.find("--password-file") != std::string::npos);
  CHECK(user(scratch, "add bob --password-file " + quoted(scratch / "missing.pw")).status == 2);
  CHECK(user(scratch, "add 'bob smith' --password-file " + quoted(scratch / "ann.pw")).status == 2);
  CHECK(formpipe(scratch, "user list --out " + quoted(scratch / "nowhere")).status == 2);
  CHECK(formpipe(scratch, "user add bob --password-file " + quoted(scratch / "ann.pw")).status ==
        2);
  CHECK(user(scratch, "rename ann").status == 2);

  REQUIRE(user(scratch, "add bob.s@mcps --password-file " + quoted(scratch / "ann.pw")).status ==
          0);
  const Result listed = user(scratch, "list");
  CHECK(listed.status == 0);
  const std::regex two_users(
      "ann\t\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\n"
      "bob\\.s@mcps\t\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\n");
  CHECK(std::regex_match(listed.out, two_users));

  const Result removed = user(scratch, "remove bob.s@mcps");
  CHECK(removed.status == 0);
  CHECK(removed.out == "removed user bob.s@mcps\n");
  const Result gone = user(scratch, "remove bob.s@mcps");
  CHECK(gone.status == 2);
  CHECK(gone.err.find("there is no user \"bob.s@mcps\"") != std::string::npos);
  const Result after = user(scratch, "list");
  CHECK(after.status == 0);
  CHECK(after.out.rfind("ann\t", 0) == 0);
  CHECK(after.out.find("bob") == std::string::npos);
}

namespace {

// `formpipe serve` as a child process, stopped with SIGTERM at the end.
class Server {
 public:
  Server(const Scratch& scratch, const std::vector<std::string>& extra) {
    std::vector<std::string> args = {FORMPIPE_BINARY,        "serve",    "--out",
                                     scratch.out().string(), "--listen", "127.0.0.1:0"};
    args.insert(args.end(), extra.begin(), extra.end());
    log_ = scratch / "serve.log";
    std::vector<char*> argv;
    for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, log_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    const int spawned =
        posix_spawn(&pid_, FORMPIPE_BINARY, &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    REQUIRE(spawned == 0);
    const std::regex url("(https?)://127\\.0\\.0\\.1:([0-9]+)/");
    for (int i = 0; i < 300 && port_ == 0; ++i) {  // its first line names the port it took
      std::this_thread::sleep_for(50ms);
      const std::string text = read_file(log_);
      std::smatch match;
      if (std::regex_search(text, match, url)) {
        scheme_ = match[1];
        port_ = static_cast<std::uint16_t>(std::stoi(match[2]));
      }
    }
    INFO(read_file(log_));
    REQUIRE(port_ != 0);
  }
  ~Server() {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
  }
  // SIGTERM; the exit status (-1 if it had to be killed).
  int stop() {
    ::kill(pid_, SIGTERM);
    int status = 0;
    for (int i = 0; i < 200; ++i) {
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = 0;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      }
      std::this_thread::sleep_for(50ms);
    }
    return -1;
  }
  std::uint16_t port() const { return port_; }
  const std::string& scheme() const { return scheme_; }

 private:
  pid_t pid_ = 0;
  fs::path log_;
  std::uint16_t port_ = 0;
  std::string scheme_;
};

struct Reply {
  int status = 0;
  std::string body;
  std::vector<std::string> cookies;  // the Set-Cookie headers as sent
  Poco::Net::NameValueCollection headers;
};

Reply exchange(Poco::Net::HTTPClientSession& session, const std::string& method,
               const std::string& path, const std::string& cookie = "",
               const std::string& form = "") {
  Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
  if (!cookie.empty()) {
    Poco::Net::NameValueCollection cookies;
    cookies.add("formpipe_session", cookie);
    request.setCookies(cookies);
  }
  if (method == Poco::Net::HTTPRequest::HTTP_POST) {
    request.setContentType("application/x-www-form-urlencoded");
    request.setContentLength(static_cast<std::streamsize>(form.size()));
  }
  session.sendRequest(request) << form;
  Poco::Net::HTTPResponse response;
  std::istream& in = session.receiveResponse(response);
  Reply reply;
  reply.status = static_cast<int>(response.getStatus());
  for (const auto& [name, value] : response) {
    reply.headers.add(Poco::toLower(name), value);
    if (Poco::icompare(name, "Set-Cookie") == 0) reply.cookies.push_back(value);
  }
  Poco::StreamCopier::copyToString(in, reply.body);
  return reply;
}

std::string cookie_value(const Reply& reply) {
  static const std::regex token("formpipe_session=([0-9a-f]+);");
  std::smatch match;
  for (const std::string& cookie : reply.cookies)
    if (std::regex_search(cookie, match, token)) return match[1];
  return "";
}

// A self-signed certificate for localhost and 127.0.0.1, made with the openssl command.
void make_certificate(const Scratch& scratch, const std::string& name) {
  const Result made =
      shell(scratch,
            "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 1"
            " -subj /CN=localhost -addext 'subjectAltName=DNS:localhost,IP:127.0.0.1'"
            " -keyout " +
                quoted(scratch / (name + ".key")) + " -out " + quoted(scratch / (name + ".pem")));
  INFO(made.err);
  REQUIRE(made.status == 0);
}

Poco::Net::Context::Ptr trusting(const fs::path& certificate) {
  return new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", "", certificate.string(),
                                Poco::Net::Context::VERIFY_STRICT, 9, false);
}

}  // namespace

TEST_CASE("formpipe serve over HTTPS: verified against its certificate, Secure cookie and HSTS",
          "[e2e][web]") {
  Scratch scratch;
  make_certificate(scratch, "desk");
  make_certificate(scratch, "other");
  write_file(scratch / "ann.pw", kPassword + "\n");
  REQUIRE(user(scratch, "add ann --password-file " + quoted(scratch / "ann.pw")).status == 0);
  Poco::Net::initializeSSL();

  Server server(scratch, {"--tls-cert", (scratch / "desk.pem").string(), "--tls-key",
                          (scratch / "desk.key").string()});
  CHECK(server.scheme() == "https");

  Poco::Net::HTTPSClientSession session("127.0.0.1", server.port(), trusting(scratch / "desk.pem"));
  const Reply login = exchange(session, "GET", "/login");
  CHECK(login.status == 200);
  CHECK(login.body.find("name=\"password\"") != std::string::npos);
  CHECK(login.headers.get("strict-transport-security", "") == "max-age=31536000");
  CHECK(login.headers.get("content-security-policy", "") ==
        "default-src 'self'; frame-ancestors 'none'");
  REQUIRE(login.cookies.size() == 1);
  CHECK(login.cookies[0].find("; Secure") != std::string::npos);
  CHECK(login.cookies[0].find("; HttpOnly") != std::string::npos);
  CHECK(login.cookies[0].find("; SameSite=Strict") != std::string::npos);

  std::smatch csrf;
  REQUIRE(std::regex_search(login.body, csrf, std::regex("name=\"csrf\" value=\"([0-9a-f]+)\"")));
  Poco::Net::HTMLForm fields;
  fields.set("csrf", csrf[1]);
  fields.set("name", "ann");
  fields.set("password", kPassword);
  std::ostringstream form;
  fields.write(form);
  const Reply signed_in = exchange(session, "POST", "/login", cookie_value(login), form.str());
  CHECK(signed_in.status == 303);
  CHECK(signed_in.headers.get("strict-transport-security", "") == "max-age=31536000");
  const std::string cookie = cookie_value(signed_in);
  REQUIRE(!cookie.empty());
  CHECK(signed_in.cookies[0].find("; Secure") != std::string::npos);

  const Reply list = exchange(session, "GET", "/", cookie);
  CHECK(list.status == 200);
  CHECK(list.body.find("Submissions") != std::string::npos);
  CHECK(list.headers.get("strict-transport-security", "") == "max-age=31536000");
  CHECK(list.headers.get("x-content-type-options", "") == "nosniff");

  // A client that trusts another certificate refuses the server; plain HTTP gets no page.
  Poco::Net::HTTPSClientSession stranger("127.0.0.1", server.port(),
                                         trusting(scratch / "other.pem"));
  CHECK_THROWS(exchange(stranger, "GET", "/login"));
  Poco::Net::HTTPClientSession plain("127.0.0.1", server.port());
  plain.setTimeout(Poco::Timespan(5, 0));
  CHECK_THROWS(exchange(plain, "GET", "/login"));

  // Still serving after both, and stops cleanly on SIGTERM.
  Poco::Net::HTTPSClientSession later("127.0.0.1", server.port(), trusting(scratch / "desk.pem"));
  CHECK(exchange(later, "GET", "/due", cookie).status == 200);
  CHECK(server.stop() == 0);
}

TEST_CASE("formpipe serve over plain HTTP sends no Secure cookie and no HSTS", "[e2e][web]") {
  Scratch scratch;
  Server server(scratch, {});
  CHECK(server.scheme() == "http");
  Poco::Net::HTTPClientSession session("127.0.0.1", server.port());
  const Reply login = exchange(session, "GET", "/login");
  CHECK(login.status == 200);
  CHECK(!login.headers.has("strict-transport-security"));
  REQUIRE(login.cookies.size() == 1);
  CHECK(login.cookies[0].find("Secure") == std::string::npos);
  CHECK(server.stop() == 0);
}
