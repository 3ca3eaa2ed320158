// The reviewers' desk over HTTP: a server on a loopback ephemeral port over a store filled by
// processing samples/, driven by Poco's HTTP client as a browser would (cookies, forms).
#include "pipeline/web/desk.hpp"

#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/Net/StringPartSource.h>
#include <Poco/StreamCopier.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <atomic>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "pipeline/inbox/inbox.hpp"
#include "pipeline/inbox/inbox_test_support.hpp"
#include "pipeline/inbox/store.hpp"
#include "pipeline/process/process.hpp"
#include "pipeline/process/process_test_support.hpp"
#include "pipeline/web/desk_store.hpp"
#include "pipeline/web/passwords.hpp"
#include "pipeline/web/sessions.hpp"

namespace fs = std::filesystem;
using namespace pipeline;
using namespace pipeline::web;
using pipeline::inbox::testing::read_file;
using pipeline::inbox::testing::sample;
using pipeline::inbox::testing::ScratchFolder;
using pipeline::inbox::testing::write_file;

namespace {

const core::Date kAsOf = *core::Date::from_ymd(2025, 11, 20);
const std::string kPassword = "correct horse battery";

ListFilter filter_of(const std::string& status, const std::string& form) {
  ListFilter filter;
  filter.status = status;
  filter.form = form;
  return filter;
}

class Quiet : public inbox::Observer {
 public:
  void finished(const inbox::Event&) override {}
};

// OUTDIR with the results of a set of samples (once per test binary process), plus one
// submission made up to test escaping and links: its finding holds markup, its folder a
// symbolic link listed as one of its files.
struct Filled {
  ScratchFolder scratch;
  fs::path out = scratch / "out";
  fs::path inbox = scratch / "inbox";
  std::string script_id = "5c5c5c5c5c5c";
  std::string rejected_grant_id;

  Filled() {
    fs::create_directories(inbox);
    for (const char* name : {"alliance-agreement.valid.xml", "alliance-diary-sheet.valid.xml",
                             "alliance-diary-sheet.invalid.late-out-of-period-not-numeric.xml",
                             "cet-grant-proposal.valid.xml",
                             "cet-grant-proposal.invalid.budget-caps-match-travel-arithmetic.xml",
                             "declination-letter.valid.xml"})
      fs::copy_file(sample(name), inbox / name);
    inbox::Settings settings;
    settings.inbox = inbox;
    settings.out = out;
    settings.environment = process::testing::environment_ptr();
    settings.process.as_of = kAsOf;
    settings.settle = std::chrono::milliseconds(0);
    Quiet quiet;
    std::atomic<bool> stop{false};
    inbox::run_inbox(settings, quiet, stop);

    inbox::Store store(out / "formpipe.sqlite");
    process::Report report;
    report.id = script_id;
    report.sha256 = script_id + std::string(52, '0');
    report.source = "<img src=x onerror=alert(1)>.xml";
    report.form = "alliance-diary-sheet";
    report.profile = "miosha";
    report.status = process::Status::Rejected;
    report.findings.push_back({"DIARY-TEST", core::Severity::Error,
                               "<script>alert(\"x\")</script> & more", "§ <b>1</b>",
                               "alliance-diary-sheet/name"});
    const std::string json = process::report_json(report);
    fs::create_directories(out / script_id);
    write_file(out / script_id / "report.json", json);
    fs::create_symlink(out / "formpipe.sqlite", out / script_id / "linked.pdf");
    const std::vector<std::string> outputs{script_id + "/report.json", script_id + "/linked.pdf"};
    store.record("made-up", report, json, outputs,
                 {kAsOf, std::chrono::system_clock::now(), std::chrono::system_clock::now()});

    DeskStore desk(out);
    desk.add_user("ann", hash_password(kPassword, HashCost::Minimum));
    desk.add_user("bob", hash_password(kPassword, HashCost::Minimum));
    for (const web::ListRow& row : desk.list(filter_of("rejected", "cet-grant-proposal"), 10).rows)
      rejected_grant_id = row.id;
  }
};

Filled& filled() {
  static Filled instance;
  return instance;
}

struct Reply {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-case names; Set-Cookie: the last one
  std::string body;
  std::string header(const std::string& name) const {
    const auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
  }
};

// A browser of one: keeps the session cookie, reads CSRF tokens off the forms.
class Browser {
 public:
  explicit Browser(std::uint16_t port) : port_(port) {}

  Reply get(const std::string& path) { return send(Poco::Net::HTTPRequest::HTTP_GET, path, ""); }

  Reply post(const std::string& path, std::map<std::string, std::string> fields,
             bool with_csrf = true) {
    if (with_csrf) fields["csrf"] = csrf_;
    Poco::Net::HTMLForm form;
    for (const auto& [name, value] : fields) form.set(name, value);
    std::ostringstream body;
    form.write(body);
    return send(Poco::Net::HTTPRequest::HTTP_POST, path, body.str(),
                "application/x-www-form-urlencoded");
  }

  Reply upload(const std::string& name, const std::string& bytes, bool with_csrf = true) {
    Poco::Net::HTMLForm form(Poco::Net::HTMLForm::ENCODING_MULTIPART);
    if (with_csrf) form.set("csrf", csrf_);
    form.addPart("file", new Poco::Net::StringPartSource(bytes, "application/xml", name));
    Poco::Net::HTTPClientSession session("127.0.0.1", port_);
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, "/upload",
                                   Poco::Net::HTTPMessage::HTTP_1_1);
    add_cookie(request);
    form.prepareSubmit(request);
    form.write(session.sendRequest(request));
    return receive(session);
  }

  Reply sign_in(const std::string& name, const std::string& password) {
    get("/login");
    return post("/login", {{"name", name}, {"password", password}});
  }

  const std::string& cookie() const { return cookie_; }
  const std::string& csrf() const { return csrf_; }

 private:
  std::uint16_t port_;
  std::string cookie_;
  std::string csrf_;

  void add_cookie(Poco::Net::HTTPRequest& request) {
    if (cookie_.empty()) return;
    Poco::Net::NameValueCollection cookies;
    cookies.add("formpipe_session", cookie_);
    request.setCookies(cookies);
  }

  Reply send(const std::string& method, const std::string& path, const std::string& body,
             const std::string& type = "") {
    Poco::Net::HTTPClientSession session("127.0.0.1", port_);
    Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
    add_cookie(request);
    if (!type.empty()) request.setContentType(type);
    if (method == Poco::Net::HTTPRequest::HTTP_POST)
      request.setContentLength(static_cast<std::streamsize>(body.size()));
    session.sendRequest(request) << body;
    return receive(session);
  }

  Reply receive(Poco::Net::HTTPClientSession& session) {
    Poco::Net::HTTPResponse response;
    std::istream& in = session.receiveResponse(response);
    Reply reply;
    reply.status = static_cast<int>(response.getStatus());
    for (const auto& [name, value] : response) {
      std::string lower = Poco::toLower(name);
      reply.headers[lower] = value;
      if (lower == "set-cookie") {
        static const std::regex token("formpipe_session=([0-9a-f]*);");
        std::smatch match;
        if (std::regex_search(value, match, token)) cookie_ = match[1];
      }
    }
    Poco::StreamCopier::copyToString(in, reply.body);
    static const std::regex csrf("name=\"csrf\" value=\"([0-9a-f]+)\"");
    std::smatch match;
    if (std::regex_search(reply.body, match, csrf)) csrf_ = match[1];
    return reply;
  }
};

struct Running {
  Desk desk;
  explicit Running(DeskOptions options) : desk(std::move(options)) { desk.start(); }
  std::uint16_t port() const { return desk.port(); }
};

DeskOptions options_for(const Filled& data) {
  DeskOptions options;
  options.out = data.out;
  options.inbox = data.inbox;
  options.listen = "127.0.0.1:0";
  options.web_folder = fs::path(FORMPIPE_SOURCE_DIR) / "templates" / "web";
  options.environment = process::testing::environment_ptr();
  options.today = [] { return kAsOf; };
  options.max_bytes = 4096;
  options.page_size = 3;
  return options;
}

void check_headers(const Reply& reply, const std::string& what) {
  INFO(what << " -> " << reply.status);
  CHECK(reply.header("content-security-policy") == "default-src 'self'; frame-ancestors 'none'");
  CHECK(reply.header("x-content-type-options") == "nosniff");
  CHECK(reply.header("referrer-policy") == "same-origin");
}

std::size_t count_of(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("without a session every page and file is a 303 to /login", "[web]") {
  Filled& data = filled();
  Running server(options_for(data));
  Browser anonymous(server.port());
  const std::string id = data.rejected_grant_id;
  REQUIRE(id.size() == 12);
  for (const std::string& path : std::vector<std::string>{
           "/", "/due", "/upload", "/submissions/" + id, "/submissions/" + id + "/report.json",
           "/submissions/" + id + "/compliance-summary.pdf", "/alliances/anything", "/nothing",
           "/submissions/" + id + "/..%2f..%2fformpipe.sqlite", "/?status=rejected"}) {
    const Reply reply = anonymous.get(path);
    INFO(path);
    CHECK(reply.status == 303);
    CHECK(reply.header("location") == "/login");
    check_headers(reply, path);
  }
  for (const std::string& path :
       std::vector<std::string>{"/submissions/" + id + "/decision", "/logout", "/upload"}) {
    const Reply reply = anonymous.post(path, {{"decision", "reviewed"}}, false);
    INFO(path);
    CHECK(reply.status == 303);
    CHECK(reply.header("location") == "/login");
  }
  const Reply login = anonymous.get("/login");
  CHECK(login.status == 200);
  CHECK(login.body.find("<label for=\"name\">Name</label>") != std::string::npos);
  CHECK(login.header("set-cookie").find("HttpOnly; SameSite=Strict") != std::string::npos);
  check_headers(login, "/login");
  const Reply css = anonymous.get("/static/desk.css");
  CHECK(css.status == 200);
  CHECK(css.header("content-type").rfind("text/css", 0) == 0);
  check_headers(css, "css");
  CHECK(DeskStore(data.out).decisions(id).empty());
}

TEST_CASE("signing in, the pages, and the security headers on every response", "[web]") {
  Filled& data = filled();
  Running server(options_for(data));
  Browser ann(server.port());
  const Reply signed_in = ann.sign_in("ann", kPassword);
  REQUIRE(signed_in.status == 303);
  CHECK(signed_in.header("location") == "/");
  const std::string id = data.rejected_grant_id;

  const Reply list = ann.get("/");
  CHECK(list.status == 200);
  CHECK(list.body.find("Signed in as <strong>ann</strong>") != std::string::npos);
  CHECK(count_of(list.body, "<td data-label=\"Received (UTC)\">") == 3);  // page size 3
  CHECK(list.body.find("rel=\"next\"") != std::string::npos);

  const Reply rejected = ann.get("/?status=rejected&form=cet-grant-proposal");
  CHECK(rejected.status == 200);
  CHECK(count_of(rejected.body, "href=\"/submissions/") == 1);
  CHECK(rejected.body.find("/submissions/" + id + "\"") != std::string::npos);
  const Reply search = ann.get("/?q=DECLINATION-letter");
  CHECK(count_of(search.body, "href=\"/submissions/") == 1);
  CHECK(search.body.find("declination-letter.valid.xml") != std::string::npos);
  const Reply none = ann.get("/?from=2001-01-01&to=2001-12-31");
  CHECK(none.body.find("No submission matches.") != std::string::npos);

  // Paging: the next page's rows follow the first page's, none twice, every row once.
  std::set<std::string> seen;
  std::string path = "/";
  int pages = 0;
  static const std::regex row_link("href=\"/submissions/([0-9a-f]{12})\"");
  static const std::regex next_link("href=\"([^\"]*)\" rel=\"next\"");
  while (!path.empty() && pages < 10) {
    const Reply page = ann.get(path);
    for (std::sregex_iterator it(page.body.begin(), page.body.end(), row_link), end; it != end;
         ++it)
      CHECK(seen.insert((*it)[1]).second);
    std::smatch next;
    path.clear();
    if (std::regex_search(page.body, next, next_link))
      path = std::regex_replace(next[1].str(), std::regex("&amp;"), "&");
    ++pages;
  }
  CHECK(seen.size() == 7);  // six samples and the made-up one
  CHECK(pages == 3);

  const Reply detail = ann.get("/submissions/" + id);
  CHECK(detail.status == 200);
  CHECK(detail.body.find("<span class=\"status status-rejected\">rejected</span>") !=
        std::string::npos);
  CHECK(detail.body.find("status-error\">Errors</span>") != std::string::npos);
  CHECK(detail.body.find("class=\"rule\">GRANT-") != std::string::npos);
  CHECK(detail.body.find("href=\"/submissions/" + id + "/report.json\"") != std::string::npos);
  CHECK(detail.body.find("href=\"/submissions/" + id + "/original.xml\"") != std::string::npos);
  CHECK(detail.body.find("<svg class=\"chart\" role=\"img\"") != std::string::npos);

  const Reply report = ann.get("/submissions/" + id + "/report.json");
  CHECK(report.status == 200);
  CHECK(report.header("content-type") == "application/json");
  CHECK(report.body == read_file(data.out / id / "report.json"));
  const Reply original = ann.get("/submissions/" + id + "/original.xml");
  CHECK(original.status == 200);
  CHECK(original.header("content-disposition").rfind("attachment", 0) == 0);

  std::string pdf_id;
  for (const auto& row : DeskStore(data.out).list(filter_of("accepted", ""), 20).rows)
    if (row.form == "cet-grant-proposal") pdf_id = row.id;
  REQUIRE_FALSE(pdf_id.empty());
  const Reply pdf = ann.get("/submissions/" + pdf_id + "/compliance-summary.pdf");
  CHECK(pdf.status == 200);
  CHECK(pdf.header("content-type") == "application/pdf");
  CHECK(pdf.body.rfind("%PDF-", 0) == 0);

  const Reply due = ann.get("/due?as-of=2025-11-20");
  CHECK(due.status == 200);
  CHECK(due.body.find("What is due as of 2025-11-20") != std::string::npos);
  CHECK(due.body.find("<svg class=\"strip\" role=\"img\"") != std::string::npos);
  static const std::regex alliance_link("href=\"/alliances/([a-z0-9-]+)\"");
  std::smatch alliance;
  REQUIRE(std::regex_search(due.body, alliance, alliance_link));
  const Reply one = ann.get("/alliances/" + alliance[1].str());
  CHECK(one.status == 200);
  CHECK(one.body.find("<h2>Agreements</h2>") != std::string::npos);
  CHECK(ann.get("/alliances/no-such-alliance").status == 404);
  const Reply bad_date = ann.get("/due?as-of=2025-02-30");
  CHECK(bad_date.body.find("is not a date") != std::string::npos);

  for (const Reply& reply : {list, rejected, detail, report, original, pdf, due, one, bad_date,
                             ann.get("/nothing"), ann.get("/upload")})
    check_headers(reply, "signed in");

  // Signing out ends the session on the server: the old cookie is worth nothing.
  const std::string cookie = ann.cookie();
  CHECK(ann.post("/logout", {}).status == 303);
  Browser replay(server.port());
  CHECK(replay.get("/").status == 303);
}

TEST_CASE("a POST without the session's CSRF token is refused with 403", "[web]") {
  Filled& data = filled();
  Running server(options_for(data));
  Browser ann(server.port());
  REQUIRE(ann.sign_in("ann", kPassword).status == 303);
  ann.get("/");
  const std::string id = data.rejected_grant_id;
  const std::size_t before = DeskStore(data.out).decisions(id).size();
  const Reply missing =
      ann.post("/submissions/" + id + "/decision", {{"decision", "reviewed"}}, false);
  CHECK(missing.status == 403);
  check_headers(missing, "403");
  const Reply wrong = ann.post("/submissions/" + id + "/decision",
                               {{"decision", "reviewed"}, {"csrf", std::string(64, 'a')}}, false);
  CHECK(wrong.status == 403);
  CHECK(ann.post("/logout", {}, false).status == 403);
  CHECK(ann.upload("x.xml", "<x/>", false).status == 403);
  CHECK(DeskStore(data.out).decisions(id).size() == before);
  // The sign-in form needs the token of the session that showed it.
  Browser other(server.port());
  CHECK(other.post("/login", {{"name", "ann"}, {"password", kPassword}}, false).status == 403);
}

TEST_CASE("no path from a request reaches the file system: .., %2e%2e, %2f, links -> 404",
          "[web]") {
  Filled& data = filled();
  Running server(options_for(data));
  Browser ann(server.port());
  REQUIRE(ann.sign_in("ann", kPassword).status == 303);
  const std::string id = data.rejected_grant_id;
  for (const std::string& path : std::vector<std::string>{
           "/submissions/" + id + "/../../formpipe.sqlite", "/submissions/" + id + "/..",
           "/submissions/../formpipe.sqlite", "/submissions/" + id + "/%2e%2e/formpipe.sqlite",
           "/submissions/" + id + "/%2e%2e%2fformpipe.sqlite",
           "/submissions/%2e%2e/formpipe.sqlite", "/submissions/" + id + "%2freport.json",
           "/submissions/" + id + "/report.json%00",
           "/submissions/" + id + "/.%2e/.%2e/formpipe.sqlite",
           "/submissions/" + id + "/REPORT.JSON", "/submissions/" + id + "/formpipe.sqlite",
           "/static/../formpipe.sqlite", "/submissions/" + data.script_id + "/linked.pdf",
           "/submissions/" + id + "/report.json/"}) {
    const Reply reply = ann.get(path);
    INFO(path);
    CHECK(reply.status == 404);
    CHECK(reply.body.find("SQLite format") == std::string::npos);
    check_headers(reply, path);
  }
  // The made-up submission's report is served; its link is not, though its record lists it.
  CHECK(ann.get("/submissions/" + data.script_id + "/report.json").status == 200);
  // A link put into a real result folder is no file of its record either.
  fs::create_symlink(data.out / "formpipe.sqlite", data.out / id / "extra.pdf");
  CHECK(ann.get("/submissions/" + id + "/extra.pdf").status == 404);
  fs::remove(data.out / id / "extra.pdf");
}

TEST_CASE("a sixth failed sign-in for a name within a minute is refused", "[web]") {
  Filled& data = filled();
  Running server(options_for(data));
  Browser browser(server.port());
  browser.get("/login");
  for (int i = 0; i < 5; ++i) {
    const Reply wrong = browser.post("/login", {{"name", "bob"}, {"password", "wrong"}});
    CHECK(wrong.status == 200);
    CHECK(wrong.body.find("the name or the password is wrong") != std::string::npos);
  }
  const Reply sixth = browser.post("/login", {{"name", "bob"}, {"password", kPassword}});
  CHECK(sixth.status == 429);
  CHECK(sixth.body.find("too many failed sign-ins") != std::string::npos);
  check_headers(sixth, "429");
  CHECK(browser.get("/").status == 303);  // still not signed in
  // Another name is not slowed down.
  CHECK(browser.post("/login", {{"name", "ann"}, {"password", kPassword}}).status == 303);
  inbox::Store store(data.out / "formpipe.sqlite");
  CHECK(store.count("audit") >= 7);
}

TEST_CASE("every text is escaped: a finding message holding <script>", "[web]") {
  Filled& data = filled();
  Running server(options_for(data));
  Browser ann(server.port());
  REQUIRE(ann.sign_in("ann", kPassword).status == 303);
  const Reply page = ann.get("/submissions/" + data.script_id);
  REQUIRE(page.status == 200);
  CHECK(page.body.find("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more") !=
        std::string::npos);
  CHECK(page.body.find("<script") == std::string::npos);
  CHECK(page.body.find("<img") == std::string::npos);
  CHECK(page.body.find("&lt;img src=x onerror=alert(1)&gt;.xml") != std::string::npos);
  CHECK(page.body.find("§ &lt;b&gt;1&lt;/b&gt;") != std::string::npos);
  const Reply list = ann.get("/?q=" + std::string("%3Cimg"));
  CHECK(list.body.find("<img") == std::string::npos);
  CHECK(list.body.find("value=\"&lt;img\"") != std::string::npos);
}

TEST_CASE("a decision is recorded with user and time and shown in the history", "[web]") {
  Filled& data = filled();
  Running server(options_for(data));
  Browser ann(server.port());
  REQUIRE(ann.sign_in("ann", kPassword).status == 303);
  const std::string id = data.rejected_grant_id;
  ann.get("/submissions/" + id);
  const Reply decided = ann.post("/submissions/" + id + "/decision",
                                 {{"decision", "returned"}, {"note", "Table C over the cap <b>"}});
  CHECK(decided.status == 303);
  CHECK(decided.header("location") == "/submissions/" + id + "#history");
  CHECK(ann.post("/submissions/" + id + "/decision", {{"decision", "deleted"}}).status == 400);
  const Reply page = ann.get("/submissions/" + id);
  CHECK(page.body.find("<span class=\"status status-returned\">returned</span> by "
                       "<strong>ann</strong>: Table C over the cap &lt;b&gt;") !=
        std::string::npos);
  const auto decisions = DeskStore(data.out).decisions(id);
  REQUIRE_FALSE(decisions.empty());
  CHECK(decisions.back().user == "ann");
  CHECK(decisions.back().decision == "returned");
  CHECK(decisions.back().at.size() == 20);
  CHECK(ann.post("/submissions/000000000000/decision", {{"decision", "reviewed"}}).status == 404);
}

TEST_CASE("an upload lands in the inbox under a temporary name, then its own", "[web]") {
  Filled& data = filled();
  Running server(options_for(data));
  Browser ann(server.port());
  REQUIRE(ann.sign_in("ann", kPassword).status == 303);
  ann.get("/upload");
  const std::string bytes = read_file(sample("declination-letter.valid.xml"));
  REQUIRE(bytes.size() <= 4096);
  const Reply done = ann.upload("../../evil name.xml", bytes);
  CHECK(done.status == 200);
  CHECK(read_file(data.inbox / "evil name.xml") == bytes);
  const std::string id = process::sha256_of(data.inbox / "evil name.xml").substr(0, 12);
  CHECK(done.body.find("href=\"/submissions/" + id + "\"") != std::string::npos);
  // The same name again gets another name, never replacing the first.
  CHECK(ann.upload("evil name.xml", bytes).status == 200);
  CHECK(fs::exists(data.inbox / "evil name-2.xml"));
  // Too large: refused, nothing left behind.
  const Reply big = ann.upload("big.xml", std::string(5000, 'x'));
  CHECK(big.status == 413);
  CHECK_FALSE(fs::exists(data.inbox / "big.xml"));
  for (const auto& entry : fs::directory_iterator(data.inbox))
    CHECK(entry.path().filename().string().rfind(".formpipe-upload-", 0) != 0);
  fs::remove(data.inbox / "evil name.xml");
  fs::remove(data.inbox / "evil name-2.xml");
}

TEST_CASE("users: added with an Argon2id hash, listed, removed; a removed user is signed out",
          "[web]") {
  Filled& data = filled();
  Running server(options_for(data));
  DeskStore store(data.out);
  CHECK(store.add_user("cy", hash_password(kPassword, HashCost::Minimum)));
  CHECK_FALSE(store.add_user("cy", hash_password("another one", HashCost::Minimum)));
  const auto hash = store.password_hash("cy");
  REQUIRE(hash);
  CHECK(hash->rfind("$argon2id$", 0) == 0);
  CHECK(verify_password(kPassword, *hash));
  CHECK_FALSE(verify_password("wrong", *hash));
  std::vector<std::string> names;
  for (const UserRow& user : store.users()) names.push_back(user.name);
  CHECK(names == std::vector<std::string>{"ann", "bob", "cy"});

  Browser cy(server.port());
  REQUIRE(cy.sign_in("cy", kPassword).status == 303);
  CHECK(cy.get("/").status == 200);
  CHECK(store.remove_user("cy"));
  CHECK_FALSE(store.remove_user("cy"));
  CHECK(cy.get("/").status == 303);
}

TEST_CASE("sessions end after their idle time; the throttle forgets after its window", "[web]") {
  Clock::time_point now{};
  const ClockFunction clock = [&now] { return now; };
  Sessions sessions(std::chrono::hours(8), clock);
  const std::string token = sessions.open("ann");
  REQUIRE(sessions.find(token));
  CHECK(sessions.find(token)->csrf.size() == 64);
  now += std::chrono::hours(7);
  CHECK(sessions.find(token));  // a request restarts the idle time
  now += std::chrono::hours(7) + std::chrono::minutes(59);
  CHECK(sessions.find(token));
  now += std::chrono::hours(8);
  CHECK_FALSE(sessions.find(token));
  CHECK_FALSE(sessions.find("not-a-token"));

  SignInThrottle throttle(5, std::chrono::minutes(1), clock);
  for (int i = 0; i < 5; ++i) {
    CHECK(throttle.allowed("bob"));
    throttle.failed("bob");
  }
  CHECK_FALSE(throttle.allowed("bob"));
  CHECK(throttle.allowed("ann"));
  now += std::chrono::seconds(61);
  CHECK(throttle.allowed("bob"));
}
