#include "pipeline/web/desk.hpp"

#include <Poco/Exception.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/Net/PartHandler.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/ThreadPool.h>
#include <Poco/URI.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "pipeline/core/error.hpp"
#include "pipeline/inbox/due.hpp"
#include "pipeline/inbox/durable.hpp"
#include "pipeline/process/process.hpp"
#include "pipeline/web/charts.hpp"
#include "pipeline/web/desk_store.hpp"
#include "pipeline/web/pages.hpp"
#include "pipeline/web/passwords.hpp"
#include "pipeline/web/sessions.hpp"

namespace pipeline::web {

namespace fs = std::filesystem;
using Poco::Net::HTTPResponse;
using Poco::Net::HTTPServerRequest;
using Poco::Net::HTTPServerResponse;

namespace {

constexpr const char* kCookie = "formpipe_session";
constexpr std::streamsize kMaxFormBytes = 64 * 1024;
constexpr std::size_t kMaxNote = 2000;
constexpr int kConnections = 64;  // served at once; more wait in the queue
constexpr int kRequestsPerConnection = 100;
const Poco::Timespan kKeepAlive(5, 0);

bool is_submission_id(const std::string& text) {
  return text.size() == 12 && std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

// A file name of a result folder as the desk accepts it in a path: letters, digits, '.', '_'
// and '-', not starting with '.'. Anything encoded (%2e, %2f) or with a slash is refused.
bool is_plain_file_name(const std::string& text) {
  if (text.empty() || text.size() > 200 || text.front() == '.') return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-';
  });
}

bool is_key(const std::string& text) {
  return !text.empty() && text.size() <= 200 && std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

// The segments of a raw request path ("/submissions/x/y" -> {"submissions", "x", "y"}), never
// decoded: an encoded character stays as it came and matches no route.
std::vector<std::string> segments_of(const std::string& path) {
  std::vector<std::string> out;
  std::size_t start = 1;
  while (start <= path.size()) {
    const std::size_t slash = path.find('/', start);
    const std::size_t end = slash == std::string::npos ? path.size() : slash;
    out.push_back(path.substr(start, end - start));
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  if (out.size() == 1 && out.front().empty()) out.clear();  // "/"
  return out;
}

std::string url_encode(const std::string& text) {
  std::string out;
  Poco::URI::encode(text, "!#$&'()*+,/:;=?@[]%\" <>", out);
  return out;
}

std::string size_words(std::uint64_t bytes) {
  if (bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  if (bytes % (1u << 10) == 0) return std::to_string(bytes >> 10) + " KiB";
  return std::to_string(bytes) + " bytes";
}

std::string form_words(const std::string& form) {
  return form.empty() ? std::string("unknown form") : form;
}

PageData choices(const std::vector<std::string>& values, const std::string& selected) {
  PageList list;
  for (const std::string& value : values) {
    PageData item;
    put(item, "value", value);
    put(item, "selected", value == selected);
    list.push_back(item);
  }
  return PageData(list);
}

// The upload parts of a multipart form: the file goes straight to a temporary file in the
// inbox, counted against the size limit; the rest of a part over the limit is read and dropped.
class UploadPart : public Poco::Net::PartHandler {
 public:
  UploadPart(fs::path temp, std::uint64_t max_bytes) : temp_(std::move(temp)), max_(max_bytes) {}
  ~UploadPart() override {
    if (!kept_) {
      std::error_code ignored;
      fs::remove(temp_, ignored);
    }
  }

  void handlePart(const Poco::Net::MessageHeader& header, std::istream& stream) override {
    std::string disposition;
    Poco::Net::NameValueCollection parameters;
    Poco::Net::MessageHeader::splitParameters(header.get("Content-Disposition", ""), disposition,
                                              parameters);
    if (parameters.get("name", "") != "file" || seen_) {
      stream.ignore(std::numeric_limits<std::streamsize>::max());
      return;
    }
    seen_ = true;
    name_ = parameters.get("filename", "");
    std::ofstream out(temp_, std::ios::binary | std::ios::trunc);
    std::array<char, 64 * 1024> buffer{};
    while (stream) {
      stream.read(buffer.data(), buffer.size());
      const auto got = stream.gcount();
      if (got <= 0) break;
      size_ += static_cast<std::uint64_t>(got);
      if (size_ > max_) {
        too_big_ = true;
        continue;  // keep reading: the connection must be left at the end of the request
      }
      out.write(buffer.data(), got);
    }
    out.flush();
    written_ = static_cast<bool>(out);
  }

  bool seen() const { return seen_; }
  bool too_big() const { return too_big_; }
  bool written() const { return written_; }
  std::uint64_t size() const { return size_; }
  const std::string& name() const { return name_; }
  const fs::path& temp() const { return temp_; }
  void kept() { kept_ = true; }

 private:
  fs::path temp_;
  std::uint64_t max_;
  std::uint64_t size_ = 0;
  std::string name_;
  bool seen_ = false;
  bool too_big_ = false;
  bool written_ = false;
  bool kept_ = false;
};

// The name an upload gets in the inbox: the last part of the name the browser sent, with only
// letters, digits, '.', '_', '-' and spaces kept, never starting with '.', '~' or '-'.
std::string inbox_name(const std::string& sent) {
  std::string base = sent;
  const auto slash = base.find_last_of("/\\");
  if (slash != std::string::npos) base = base.substr(slash + 1);
  std::string out;
  for (const char c : base) {
    const bool plain =
        std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-' || c == ' ';
    out += plain ? c : '_';
  }
  while (!out.empty() &&
         (out.front() == '.' || out.front() == '~' || out.front() == '-' || out.front() == ' '))
    out.erase(0, 1);
  while (!out.empty() && (out.back() == ' ' || out.back() == '~')) out.pop_back();
  if (out.size() > 120) out = out.substr(out.size() - 120);
  if (out.empty()) out = "upload";
  return out;
}

}  // namespace

std::string alliance_key(const std::string& name) {
  std::string out;
  bool dash = false;
  for (const char c : name) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) && u < 0x80) {
      if (dash && !out.empty()) out += '-';
      dash = false;
      out += static_cast<char>(std::tolower(u));
    } else {
      dash = true;
    }
  }
  return out.empty() ? std::string("alliance") : out;
}

struct Desk::State {
  DeskOptions options;
  DeskStore store;
  Pages pages;
  Sessions sessions;
  SignInThrottle throttle;
  bool https = false;
  // The server's threads: one a connection while it is kept alive (Poco's HTTP server holds a
  // thread for a keep-alive connection between its requests), so the pool is larger than the
  // number of reviewers expected at once; a connection gives its thread back after
  // kRequestsPerConnection requests or kKeepAlive idle, so more connections take turns.
  Poco::ThreadPool threads{2, kConnections};
  std::unique_ptr<Poco::Net::HTTPServer> server;
  std::uint16_t port = 0;

  explicit State(DeskOptions given)
      : options(std::move(given)),
        store(options.out),
        pages(options.web_folder),
        sessions(options.idle) {}

  core::Date today() const {
    if (options.today) return options.today();
    if (options.environment) return options.environment->today();
    return core::Date::from_days(std::chrono::duration_cast<std::chrono::days>(
                                     std::chrono::system_clock::now().time_since_epoch())
                                     .count());
  }
};

namespace {

// One request: the routes of desk.hpp.
class Handler : public Poco::Net::HTTPRequestHandler {
 public:
  explicit Handler(Desk::State& state) : state_(state) {}

  void handleRequest(HTTPServerRequest& request, HTTPServerResponse& response) override {
    response.set("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
    response.set("X-Content-Type-Options", "nosniff");
    response.set("Referrer-Policy", "same-origin");
    response.set("Cache-Control", "no-store");
    if (state_.https) response.set("Strict-Transport-Security", "max-age=31536000");
    try {
      route(request, response);
    } catch (const std::exception& e) {
      if (!response.sent()) {
        response.setStatusAndReason(HTTPResponse::HTTP_INTERNAL_SERVER_ERROR);
        response.setContentType("text/plain; charset=utf-8");
        response.send() << "The desk could not answer this request.\n";
      }
    }
  }

 private:
  Desk::State& state_;
  std::string token_;  // the session cookie of the request
  std::optional<Session> session_;
  std::string address_;

  void route(HTTPServerRequest& request, HTTPServerResponse& response) {
    address_ = request.clientAddress().host().toString();
    const std::string& uri = request.getURI();
    const std::string raw_path = uri.substr(0, uri.find('?'));
    const std::string method = request.getMethod();
    const std::vector<std::string> parts = segments_of(raw_path);
    Poco::Net::NameValueCollection cookies;
    request.getCookies(cookies);
    token_ = cookies.get(kCookie, "");
    session_ = state_.sessions.find(token_);

    if (raw_path == "/static/desk.css" && method == "GET") {
      response.setContentType("text/css; charset=utf-8");
      response.set("Cache-Control", "max-age=3600");
      response.sendBuffer(state_.pages.stylesheet().data(), state_.pages.stylesheet().size());
      return;
    }
    if (raw_path == "/login") {
      if (method == "GET") return login_page(response, "", "", HTTPResponse::HTTP_OK);
      if (method == "POST") return sign_in(request, response);
      return plain(response, HTTPResponse::HTTP_METHOD_NOT_ALLOWED, "Method not allowed.");
    }
    // Everything else needs a signed-in user who still exists.
    if (!session_ || session_->user.empty() || !state_.store.password_hash(session_->user)) {
      if (session_ && !session_->user.empty()) state_.sessions.close(token_);
      response.redirect("/login", HTTPResponse::HTTP_SEE_OTHER);
      return;
    }
    Poco::Net::HTMLForm form;
    if (method == "POST") {
      if (parts.size() == 1 && parts[0] == "upload") return upload(request, response);
      if (!read_form(request, response, form)) return;
      if (!same_token(form.get("csrf", ""), session_->csrf))
        return plain(response, HTTPResponse::HTTP_FORBIDDEN,
                     "Forbidden: the form's security token is missing or out of date. Go back, "
                     "reload the page and try again.");
      if (raw_path == "/logout") return sign_out(response);
      if (parts.size() == 3 && parts[0] == "submissions" && is_submission_id(parts[1]) &&
          parts[2] == "decision")
        return decide(response, parts[1], form);
      return not_found(response);
    }
    if (method != "GET" && method != "HEAD")
      return plain(response, HTTPResponse::HTTP_METHOD_NOT_ALLOWED, "Method not allowed.");

    Poco::URI parsed;
    try {
      parsed = Poco::URI(uri);
    } catch (const Poco::Exception&) {
      return plain(response, HTTPResponse::HTTP_BAD_REQUEST, "Bad request.");
    }
    std::map<std::string, std::string> query;
    for (const auto& [name, value] : parsed.getQueryParameters()) query[name] = value;

    if (parts.empty()) return list_page(response, query);
    if (parts.size() == 1 && parts[0] == "due") return due_page(response, query);
    if (parts.size() == 1 && parts[0] == "upload" && state_.options.inbox)
      return upload_page(response, "", "", "");
    if (parts.size() == 2 && parts[0] == "submissions" && is_submission_id(parts[1]))
      return submission_page(response, parts[1]);
    if (parts.size() == 3 && parts[0] == "submissions" && is_submission_id(parts[1]) &&
        is_plain_file_name(parts[2]))
      return serve_file(response, parts[1], parts[2]);
    if (parts.size() == 2 && parts[0] == "alliances" && is_key(parts[1]))
      return alliance_page(response, parts[1], query);
    not_found(response);
  }

  // --- responses -------------------------------------------------------------------------

  void html(HTTPServerResponse& response, HTTPResponse::HTTPStatus status, const std::string& title,
            const std::string& body, const std::string& nav = "", bool navigation = true) {
    PageData data;
    put(data, "title", title);
    put(data, "body", body);
    const bool signed_in = navigation && session_ && !session_->user.empty();
    put(data, "signed_in", signed_in);
    if (signed_in) {
      put(data, "user", session_->user);
      put(data, "csrf", session_->csrf);
    }
    put(data, "has_inbox", state_.options.inbox.has_value());
    put(data, "nav_list", nav == "list");
    put(data, "nav_due", nav == "due");
    put(data, "nav_upload", nav == "upload");
    const std::string page = state_.pages.render("layout.html", data);
    response.setStatusAndReason(status);
    response.setContentType("text/html; charset=utf-8");
    response.sendBuffer(page.data(), page.size());
  }

  void plain(HTTPServerResponse& response, HTTPResponse::HTTPStatus status,
             const std::string& text) {
    PageData data;
    put(data, "heading", HTTPResponse::getReasonForStatus(status));
    put(data, "text", text);
    html(response, status, HTTPResponse::getReasonForStatus(status),
         state_.pages.render("message.html", data));
  }

  void not_found(HTTPServerResponse& response) {
    plain(response, HTTPResponse::HTTP_NOT_FOUND, "There is no such page or file on the desk.");
  }

  void set_cookie(HTTPServerResponse& response, const std::string& token, bool end) {
    std::string cookie = std::string(kCookie) + "=" + token + "; Path=/; HttpOnly; SameSite=Strict";
    if (state_.https) cookie += "; Secure";
    if (end) cookie += "; Max-Age=0";
    response.add("Set-Cookie", cookie);
  }

  // Reads an application/x-www-form-urlencoded body of at most kMaxFormBytes.
  bool read_form(HTTPServerRequest& request, HTTPServerResponse& response,
                 Poco::Net::HTMLForm& form) {
    if (request.getContentLength() > kMaxFormBytes || request.getChunkedTransferEncoding()) {
      plain(response, HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE, "The form is too large.");
      return false;
    }
    try {
      form.setFieldLimit(20);
      form.load(request, request.stream());
    } catch (const Poco::Exception&) {
      plain(response, HTTPResponse::HTTP_BAD_REQUEST, "The form could not be read.");
      return false;
    }
    return true;
  }

  // --- sign-in -----------------------------------------------------------------------------

  void login_page(HTTPServerResponse& response, const std::string& message, const std::string& name,
                  HTTPResponse::HTTPStatus status) {
    if (session_ && !session_->user.empty() && status == HTTPResponse::HTTP_OK && message.empty()) {
      response.redirect("/", HTTPResponse::HTTP_SEE_OTHER);
      return;
    }
    if (!session_) {  // a session before sign-in carries the form's CSRF token
      token_ = state_.sessions.open("");
      session_ = state_.sessions.find(token_);
      set_cookie(response, token_, false);
    }
    PageData data;
    put(data, "csrf", session_->csrf);
    put(data, "message", message);
    put(data, "name", name);
    html(response, status, "Sign in", state_.pages.render("login.html", data), "", false);
  }

  void sign_in(HTTPServerRequest& request, HTTPServerResponse& response) {
    Poco::Net::HTMLForm form;
    if (!read_form(request, response, form)) return;
    if (!session_ || !same_token(form.get("csrf", ""), session_->csrf))
      return plain(response, HTTPResponse::HTTP_FORBIDDEN,
                   "Forbidden: the sign-in form's security token is missing or out of date. "
                   "Open the sign-in page again.");
    const std::string name = form.get("name", "").substr(0, 200);
    const std::string password = form.get("password", "");
    if (!state_.throttle.allowed(name)) {
      state_.store.audit(name, address_, "sign-in-refused", "too many failures");
      return login_page(response,
                        "too many failed sign-ins for this name in the last minute. Wait a "
                        "minute, then try again.",
                        name, HTTPResponse::HTTP_TOO_MANY_REQUESTS);
    }
    const std::optional<std::string> hash = state_.store.password_hash(name);
    // An unknown name costs as much time as a known one.
    const bool ok = verify_password(password, hash ? *hash : decoy_hash()) && hash;
    if (!ok) {
      state_.throttle.failed(name);
      state_.store.audit(name, address_, "sign-in-failed", "");
      return login_page(response, "the name or the password is wrong.", name,
                        HTTPResponse::HTTP_OK);
    }
    state_.sessions.close(token_);
    token_ = state_.sessions.open(name);
    set_cookie(response, token_, false);
    state_.store.audit(name, address_, "sign-in", "");
    response.redirect("/", HTTPResponse::HTTP_SEE_OTHER);
  }

  void sign_out(HTTPServerResponse& response) {
    state_.store.audit(session_->user, address_, "sign-out", "");
    state_.sessions.close(token_);
    set_cookie(response, "", true);
    response.redirect("/login", HTTPResponse::HTTP_SEE_OTHER);
  }

  // --- pages -------------------------------------------------------------------------------

  void list_page(HTTPServerResponse& response, const std::map<std::string, std::string>& query) {
    const auto get = [&](const std::string& name) {
      const auto it = query.find(name);
      return it == query.end() ? std::string() : it->second.substr(0, 200);
    };
    ListFilter filter;
    filter.status = get("status");
    filter.form = get("form");
    filter.program = get("program");
    filter.text = get("q");
    filter.before = get("before");
    std::string bad;
    for (const auto& [field, target] :
         {std::pair{"from", &filter.from}, std::pair{"to", &filter.to}}) {
      const std::string text = get(field);
      if (text.empty()) continue;
      *target = core::parse_date(text);
      if (!*target) bad = "\"" + text + "\" is not a date (YYYY-MM-DD).";
    }
    const ListPage page = state_.store.list(filter, state_.options.page_size);

    PageData data;
    put(data, "statuses", choices(state_.store.distinct("status"), filter.status));
    put(data, "forms", choices(state_.store.distinct("form"), filter.form));
    put(data, "programs", choices(state_.store.distinct("profile"), filter.program));
    put(data, "from", get("from"));
    put(data, "to", get("to"));
    put(data, "q", filter.text);
    put(data, "bad_filter", bad);
    PageList rows;
    for (const ListRow& row : page.rows) {
      PageData item;
      put(item, "id", row.id);
      put(item, "received", row.received);
      put(item, "source", row.source);
      put(item, "form", row.form);
      put(item, "program", row.program);
      put(item, "organization", row.organization);
      put(item, "status", row.status);
      put(item, "errors", std::to_string(row.errors));
      put(item, "warnings", std::to_string(row.warnings));
      rows.push_back(item);
    }
    put(data, "has_rows", !rows.empty());
    put(data, "rows", rows);
    put(data, "caption",
        filter.before.empty()
            ? "Newest submissions first (" + std::to_string(rows.size()) + " shown)"
            : "Older submissions (" + std::to_string(rows.size()) + " shown)");
    std::string filters;
    for (const char* name : {"status", "form", "program", "from", "to", "q"}) {
      const std::string value = get(name);
      if (!value.empty()) filters += "&" + std::string(name) + "=" + url_encode(value);
    }
    if (!filter.before.empty())
      put(data, "first_link", "/?" + (filters.empty() ? std::string() : filters.substr(1)));
    if (!page.next_cursor.empty())
      put(data, "next_link", "/?before=" + url_encode(page.next_cursor) + filters);
    html(response, HTTPResponse::HTTP_OK, "Submissions", state_.pages.render("list.html", data),
         "list");
  }

  void submission_page(HTTPServerResponse& response, const std::string& id) {
    const std::optional<SubmissionDetail> detail = state_.store.submission(id);
    PageData data;
    put(data, "id", id);
    put(data, "csrf", session_->csrf);
    if (!detail) {
      put(data, "source", "Submission " + id);
      put(data, "status", "waiting");
      put(data, "processing", true);
      html(response, HTTPResponse::HTTP_NOT_FOUND, "Submission " + id,
           state_.pages.render("submission.html", data));
      return;
    }
    const ListRow& row = detail->row;
    put(data, "processing", false);
    put(data, "source", row.source);
    put(data, "status", row.status);
    put(data, "form", form_words(row.form));
    put(data, "program", row.program);
    put(data, "errors", std::to_string(row.errors));
    put(data, "warnings", std::to_string(row.warnings));
    put(data, "received", row.received);
    put(data, "claimed_at", detail->claimed_at);
    put(data, "organization", row.organization);
    put(data, "alliance_name", detail->alliance_name);
    put(data, "alliance_key", alliance_key(detail->alliance_name));
    put(data, "submitted_on", detail->submitted_on);
    if (!detail->period_start.empty())
      put(data, "period", detail->period_start + " to " + detail->period_end);
    put(data, "sha256", detail->sha256);
    PageList figures;
    for (const auto& [key, value] : detail->figures) {
      PageData item;
      put(item, "key", key);
      put(item, "value", value);
      figures.push_back(item);
    }
    put(data, "figures", figures);
    const std::string chart = table_c_chart(detail->figures);
    if (!chart.empty()) put(data, "chart", chart);

    PageList groups;
    for (const core::Severity severity :
         {core::Severity::Error, core::Severity::Warning, core::Severity::Info}) {
      PageList findings;
      for (const core::Finding& finding : detail->findings) {
        if (finding.severity != severity) continue;
        PageData item;
        put(item, "rule", finding.rule);
        put(item, "message", finding.message);
        put(item, "citation", finding.citation);
        put(item, "location", finding.location);
        findings.push_back(item);
      }
      if (findings.empty()) continue;
      PageData group;
      const std::string name(core::severity_name(severity));
      put(group, "severity", name);
      put(group, "heading",
          severity == core::Severity::Error     ? "Errors"
          : severity == core::Severity::Warning ? "Warnings"
                                                : "Information");
      put(group, "count", std::to_string(findings.size()));
      put(group, "findings", findings);
      groups.push_back(group);
    }
    put(data, "groups", groups);

    PageList files;
    for (const std::string& name : detail->files) {
      PageData item;
      put(item, "id", id);
      put(item, "name", name);
      const bool folder = name == "original";
      put(item, "link", !folder && is_plain_file_name(name));
      const bool pdf = name.size() > 4 && name.compare(name.size() - 4, 4, ".pdf") == 0;
      put(item, "kind",
          folder                  ? "the submission as received (a folder bundle)"
          : pdf                   ? "PDF"
          : name == "report.json" ? "the report (JSON)"
                                  : "the submission as received");
      files.push_back(item);
    }
    put(data, "files", files);
    PageList decisions;
    for (const DecisionRow& decision : state_.store.decisions(id)) {
      PageData item;
      put(item, "decision", decision.decision);
      put(item, "note", decision.note);
      put(item, "user", decision.user);
      put(item, "at", decision.at);
      decisions.push_back(item);
    }
    put(data, "decisions", decisions);
    html(response, HTTPResponse::HTTP_OK, row.source, state_.pages.render("submission.html", data));
  }

  void decide(HTTPServerResponse& response, const std::string& id,
              const Poco::Net::HTMLForm& form) {
    const std::string decision = form.get("decision", "");
    const std::string note = form.get("note", "");
    if (!state_.store.submission(id)) return not_found(response);
    if ((decision != "reviewed" && decision != "returned") || note.size() > kMaxNote)
      return plain(response, HTTPResponse::HTTP_BAD_REQUEST,
                   "A decision is \"reviewed\" or \"returned\", with a note of at most 2000 "
                   "characters.");
    state_.store.decide(id, decision, note, session_->user, address_);
    response.redirect("/submissions/" + id + "#history", HTTPResponse::HTTP_SEE_OTHER);
  }

  void serve_file(HTTPServerResponse& response, const std::string& id, const std::string& name) {
    if (!state_.store.has_file(id, name)) return not_found(response);
    // Neither the folder nor the file may be a symbolic link; only a regular file is served.
    const int folder =
        ::open((state_.options.out / id).c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (folder < 0) return not_found(response);
    const int fd = ::openat(folder, name.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    ::close(folder);
    if (fd < 0) return not_found(response);
    struct stat info {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
      ::close(fd);
      return not_found(response);
    }
    const bool pdf = name.size() > 4 && name.compare(name.size() - 4, 4, ".pdf") == 0;
    if (pdf) {
      response.setContentType("application/pdf");
      response.set("Content-Disposition", "inline; filename=\"" + name + "\"");
    } else if (name == "report.json") {
      response.setContentType("application/json");
      response.set("Content-Disposition", "inline; filename=\"" + name + "\"");
    } else {  // the submission as received: never rendered by the browser
      response.setContentType("application/octet-stream");
      response.set("Content-Disposition", "attachment; filename=\"" + id + "-" + name + "\"");
    }
    response.setContentLength64(static_cast<Poco::Int64>(info.st_size));
    std::ostream& out = response.send();
    std::array<char, 64 * 1024> buffer{};
    for (;;) {
      const ssize_t got = ::read(fd, buffer.data(), buffer.size());
      if (got <= 0) break;
      out.write(buffer.data(), got);
    }
    ::close(fd);
  }

  inbox::DueList due_list(core::Date as_of) {
    const process::EnvironmentPtr& environment = state_.options.environment;
    return inbox::compute_due(state_.store.records().alliance_facts(), as_of,
                              [&environment](const std::string& profile) {
                                return environment ? environment->find_alliance(profile) : nullptr;
                              });
  }

  std::optional<core::Date> as_of_of(const std::map<std::string, std::string>& query,
                                     std::string& bad) {
    const auto it = query.find("as-of");
    if (it == query.end() || it->second.empty()) return state_.today();
    const auto date = core::parse_date(it->second);
    if (!date) bad = "\"" + it->second.substr(0, 40) + "\" is not a date (YYYY-MM-DD).";
    return date ? *date : state_.today();
  }

  static PageData item_data(const inbox::DueItem& item) {
    PageData data;
    put(data, "report", item.report);
    put(data, "label", item.label);
    put(data, "due_date", item.due_date ? item.due_date->iso() : std::string("no date set"));
    put(data, "status", std::string(inbox::due_status_name(item.status)));
    put(data, "submission_id", item.submission_id);
    put(data, "citation", item.citation);
    return data;
  }

  void due_page(HTTPServerResponse& response, const std::map<std::string, std::string>& query) {
    std::string bad;
    const core::Date as_of = *as_of_of(query, bad);
    const inbox::DueList list = due_list(as_of);
    PageData data;
    put(data, "as_of", as_of.iso());
    put(data, "bad_date", bad);
    PageList overdue, expiring, awaiting, alliances;
    // Alliances with something overdue first, then by name (compute_due's order).
    std::vector<const inbox::AllianceDue*> order;
    for (const inbox::AllianceDue& alliance : list.alliances) order.push_back(&alliance);
    const auto overdue_count = [](const inbox::AllianceDue& alliance) {
      return std::count_if(alliance.items.begin(), alliance.items.end(), [](const auto& item) {
        return item.status == inbox::DueStatus::Overdue;
      });
    };
    std::stable_sort(order.begin(), order.end(), [&](const auto* a, const auto* b) {
      return (overdue_count(*a) > 0) > (overdue_count(*b) > 0);
    });
    for (const inbox::AllianceDue* alliance : order) {
      const std::string key = alliance_key(alliance->name);
      long outstanding = 0;
      for (const inbox::DueItem& item : alliance->items) {
        if (item.status == inbox::DueStatus::Overdue || item.status == inbox::DueStatus::Due ||
            item.status == inbox::DueStatus::Rejected)
          ++outstanding;
        if (item.status != inbox::DueStatus::Overdue) continue;
        PageData row = item_data(item);
        put(row, "alliance", alliance->name);
        put(row, "key", key);
        overdue.push_back(row);
      }
      if (alliance->renewal_contact && alliance->expiration_date) {
        PageData row;
        put(row, "alliance", alliance->name);
        put(row, "key", key);
        put(row, "expiration_date", alliance->expiration_date->iso());
        if (alliance->renewal_contact_by)
          put(row, "renewal_contact_by", alliance->renewal_contact_by->iso());
        put(row, "citation", alliance->renewal_citation);
        expiring.push_back(row);
      }
      if (alliance->signatures == "awaiting signatures") {
        PageData row;
        put(row, "alliance", alliance->name);
        put(row, "key", key);
        put(row, "agreement_id", alliance->agreement_id);
        put(row, "signing_date", alliance->signing_date.iso());
        awaiting.push_back(row);
      }
      PageData row;
      put(row, "alliance", alliance->name);
      put(row, "key", key);
      put(row, "profile", alliance->profile);
      put(row, "alliance_type", alliance->alliance_type);
      put(row, "level", alliance->level);
      put(row, "outstanding", std::to_string(outstanding));
      put(row, "strip", due_strip(*alliance, as_of));
      alliances.push_back(row);
    }
    put(data, "has_overdue", !overdue.empty());
    put(data, "overdue", overdue);
    put(data, "expiring", expiring);
    put(data, "awaiting", awaiting);
    put(data, "alliances", alliances);
    html(response, HTTPResponse::HTTP_OK, "What is due", state_.pages.render("due.html", data),
         "due");
  }

  void alliance_page(HTTPServerResponse& response, const std::string& key,
                     const std::map<std::string, std::string>& query) {
    std::string bad;
    const core::Date as_of = *as_of_of(query, bad);
    const inbox::DueList list = due_list(as_of);
    const auto found = std::find_if(list.alliances.begin(), list.alliances.end(),
                                    [&](const auto& a) { return alliance_key(a.name) == key; });
    if (found == list.alliances.end()) return not_found(response);
    const inbox::AllianceDue& alliance = *found;
    PageData data;
    put(data, "alliance", alliance.name);
    put(data, "as_of", as_of.iso());
    put(data, "profile", alliance.profile);
    put(data, "alliance_type", alliance.alliance_type);
    put(data, "level", alliance.level);
    put(data, "first_signing_date", alliance.first_signing_date.iso());
    put(data, "agreement_id", alliance.agreement_id);
    put(data, "signing_date", alliance.signing_date.iso());
    put(data, "signatures", alliance.signatures);
    if (alliance.expiration_date) put(data, "expiration_date", alliance.expiration_date->iso());
    put(data, "expired", alliance.expired);
    put(data, "renewal_contact", alliance.renewal_contact);
    put(data, "strip", due_strip(alliance, as_of));
    PageList items;
    std::set<std::string> item_ids;
    for (const inbox::DueItem& item : alliance.items) {
      items.push_back(item_data(item));
      if (!item.submission_id.empty()) item_ids.insert(item.submission_id);
    }
    put(data, "items", items);
    PageList agreements, reports;
    for (const inbox::AllianceFacts& facts : state_.store.records().alliance_facts()) {
      std::string joined;
      for (const std::string& organization : facts.organizations)
        joined += (joined.empty() ? "" : " and ") + organization;
      const bool named = alliance_key(facts.alliance_name) == key || alliance_key(joined) == key ||
                         alliance_key(facts.organization) == key;
      PageData row;
      put(row, "id", facts.submission_id);
      put(row, "status", facts.status);
      put(row, "form", facts.form);
      if (facts.form == "alliance-agreement") {
        if (!named && facts.submission_id != alliance.agreement_id) continue;
        put(row, "signing_date",
            facts.signing_date ? facts.signing_date->iso() : std::string("(no date)"));
        if (facts.expiration_date) put(row, "expiration_date", facts.expiration_date->iso());
        agreements.push_back(row);
      } else if (named || item_ids.count(facts.submission_id) != 0) {
        if (facts.period_start && facts.period_end)
          put(row, "period", facts.period_start->iso() + " to " + facts.period_end->iso());
        reports.push_back(row);
      }
    }
    put(data, "agreements", agreements);
    put(data, "reports", reports);
    html(response, HTTPResponse::HTTP_OK, alliance.name, state_.pages.render("alliance.html", data),
         "due");
  }

  // --- uploads -----------------------------------------------------------------------------

  void upload_page(HTTPServerResponse& response, const std::string& uploaded, const std::string& id,
                   const std::string& error,
                   HTTPResponse::HTTPStatus status = HTTPResponse::HTTP_OK) {
    PageData data;
    put(data, "csrf", session_->csrf);
    put(data, "max_size", size_words(state_.options.max_bytes));
    put(data, "uploaded", uploaded);
    put(data, "id", id);
    put(data, "error", error);
    html(response, status, "Upload", state_.pages.render("upload.html", data), "upload");
  }

  void upload(HTTPServerRequest& request, HTTPServerResponse& response) {
    if (!state_.options.inbox) return not_found(response);
    const fs::path& inbox = *state_.options.inbox;
    const std::uint64_t max = state_.options.max_bytes;
    const auto declared = request.getContentLength64();
    if (declared != HTTPServerRequest::UNKNOWN_CONTENT_LENGTH &&
        static_cast<std::uint64_t>(declared) > max + kMaxFormBytes)
      return upload_page(response, "", "", "the file is larger than " + size_words(max) + ".",
                         HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE);
    // A dot-file: the inbox never takes it (inbox/scan.hpp), until renamed.
    UploadPart part(inbox / (".formpipe-upload-" + random_token(8) + ".part"), max);
    Poco::Net::HTMLForm form;
    try {
      form.setFieldLimit(20);
      form.load(request, request.stream(), part);
    } catch (const Poco::Exception&) {
      return plain(response, HTTPResponse::HTTP_BAD_REQUEST, "The upload could not be read.");
    }
    if (!same_token(form.get("csrf", ""), session_->csrf))
      return plain(response, HTTPResponse::HTTP_FORBIDDEN,
                   "Forbidden: the form's security token is missing or out of date. Go back, "
                   "reload the page and try again.");
    if (!part.seen() || part.size() == 0)
      return upload_page(response, "", "", "no file was chosen, or it is empty.",
                         HTTPResponse::HTTP_BAD_REQUEST);
    if (part.too_big())
      return upload_page(response, "", "", "the file is larger than " + size_words(max) + ".",
                         HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE);
    if (!part.written())
      return upload_page(response, "", "", "the file could not be written into the inbox.",
                         HTTPResponse::HTTP_INTERNAL_SERVER_ERROR);
    std::string id;
    std::string name = inbox_name(part.name());
    try {
      {
        const int fd = ::open(part.temp().c_str(), O_RDONLY | O_CLOEXEC);
        if (fd >= 0) {
          ::fsync(fd);
          ::close(fd);
        }
      }
      id = process::sha256_of(part.temp()).substr(0, 12);
      const fs::path wanted(name);
      bool placed = false;
      for (int n = 1; n < 100 && !placed; ++n) {
        const std::string candidate =
            n == 1 ? name
                   : wanted.stem().string() + "-" + std::to_string(n) + wanted.extension().string();
        if (inbox::rename_no_replace(part.temp(), inbox / candidate)) {
          name = candidate;
          placed = true;
        }
      }
      if (!placed) throw core::Error("no free name in the inbox for " + name);
      part.kept();
      inbox::sync_directory(inbox);
    } catch (const std::exception& e) {
      return upload_page(response, "", "", "the file could not be placed in the inbox.",
                         HTTPResponse::HTTP_INTERNAL_SERVER_ERROR);
    }
    state_.store.audit(session_->user, address_, "upload",
                       name + " " + std::to_string(part.size()) + " bytes " + id);
    upload_page(response, name, id, "");
  }
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit Factory(Desk::State& state) : state_(state) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(const HTTPServerRequest&) override {
    return new Handler(state_);
  }

 private:
  Desk::State& state_;
};

}  // namespace

Desk::Desk(DeskOptions options) {
  if (options.tls_cert.has_value() != options.tls_key.has_value())
    throw core::Error("HTTPS needs both --tls-cert and --tls-key");
  state_ = std::make_unique<State>(std::move(options));
  State& state = *state_;
  try {
    const Poco::Net::SocketAddress address(state.options.listen);
    auto params = Poco::makeAuto<Poco::Net::HTTPServerParams>();
    params->setMaxThreads(kConnections);
    params->setMaxQueued(256);
    params->setKeepAlive(true);
    params->setMaxKeepAliveRequests(kRequestsPerConnection);
    params->setKeepAliveTimeout(kKeepAlive);
    params->setTimeout(Poco::Timespan(30, 0));
    params->setServerName("formpipe");
    if (state.options.tls_cert) {
      Poco::Net::initializeSSL();
      Poco::Net::Context::Ptr context = new Poco::Net::Context(
          Poco::Net::Context::TLS_SERVER_USE, state.options.tls_key->string(),
          state.options.tls_cert->string(), "", Poco::Net::Context::VERIFY_NONE);
      context->disableProtocols(Poco::Net::Context::PROTO_SSLV2 | Poco::Net::Context::PROTO_SSLV3 |
                                Poco::Net::Context::PROTO_TLSV1 |
                                Poco::Net::Context::PROTO_TLSV1_1);
      Poco::Net::SecureServerSocket socket(address, 64, context);
      state.port = socket.address().port();
      state.https = true;
      state.server = std::make_unique<Poco::Net::HTTPServer>(new Factory(state), state.threads,
                                                             socket, params);
    } else {
      Poco::Net::ServerSocket socket(address, 64);
      state.port = socket.address().port();
      state.server = std::make_unique<Poco::Net::HTTPServer>(new Factory(state), state.threads,
                                                             socket, params);
    }
  } catch (const Poco::Exception& e) {
    throw core::Error("cannot listen on " + state.options.listen + ": " + e.displayText());
  }
}

Desk::~Desk() {
  if (state_ && state_->server) state_->server->stopAll(true);
}

void Desk::start() {
  state_->server->start();
}

void Desk::stop() {
  state_->server->stopAll(true);
}

std::uint16_t Desk::port() const {
  return state_->port;
}

bool Desk::https() const {
  return state_->https;
}

}  // namespace pipeline::web
