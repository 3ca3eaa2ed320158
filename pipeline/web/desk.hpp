#pragma once
//! `formpipe serve`: the reviewers' desk (web.md), a web application over the record store and
//! the result folders of an OUTDIR, on Poco::Net's HTTP server (HTTPS through NetSSL).
//!
//! Pages are server-rendered HTML from templates/web/ (pages.hpp) and work without JavaScript.
//! Routes (every one but /login and /static/desk.css needs a signed-in user, else 303 /login):
//!
//!   GET  /login, POST /login          the sign-in form (its CSRF token is that of a session
//!                                     opened before sign-in); at most 5 failures a name a minute
//!   POST /logout                      ends the session on the server
//!   GET  /                            the submissions list: filters status, form, program,
//!                                     from, to (YYYY-MM-DD), q; paged by `before`
//!   GET  /submissions/ID              one submission: facts, findings by severity, files,
//!                                     review history and the decision form
//!   GET  /submissions/ID/FILE         a file its record lists (no other path reaches the disk)
//!   POST /submissions/ID/decision     decision=reviewed|returned, note
//!   GET  /due[?as-of=YYYY-MM-DD]      what each alliance owes (inbox::compute_due)
//!   GET  /alliances/KEY               one alliance (KEY: alliance_key of its name)
//!   GET  /upload, POST /upload        with an inbox: a file written under a temporary name in
//!                                     the inbox, then renamed for the watcher to take
//!
//! Every POST needs the session's CSRF token (form field `csrf`), else 403. Every response
//! carries Content-Security-Policy, X-Content-Type-Options and Referrer-Policy. Sign-ins,
//! failures, decisions and uploads are audit records in the store.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "pipeline/core/date.hpp"
#include "pipeline/process/environment.hpp"

namespace pipeline::web {

struct DeskOptions {
  std::filesystem::path out;                      // OUTDIR: formpipe.sqlite and result folders
  std::optional<std::filesystem::path> inbox;     // uploads go here; none: no /upload
  std::string listen = "127.0.0.1:8080";          // ADDR:PORT; port 0 takes a free one
  std::optional<std::filesystem::path> tls_cert;  // both or neither: HTTPS
  std::optional<std::filesystem::path> tls_key;
  std::uint64_t max_bytes = 64ull << 20;              // largest upload
  std::filesystem::path web_folder;                   // templates/web of the data folder
  process::EnvironmentPtr environment;                // program profiles (what is due); may be null
  std::function<core::Date()> today;                  // the date /due judges by without ?as-of
  std::chrono::seconds idle = std::chrono::hours(8);  // sessions end after this idle
  std::size_t page_size = 50;
};

class Desk {
 public:
  // Opens the store, reads the templates and binds the listening socket. Throws core::Error.
  explicit Desk(DeskOptions options);
  ~Desk();
  Desk(const Desk&) = delete;
  Desk& operator=(const Desk&) = delete;

  void start();
  void stop();  // waits for the requests in hand
  std::uint16_t port() const;
  bool https() const;

  struct State;

 private:
  std::unique_ptr<State> state_;
};

// The URL key of an alliance: its name in lower case, runs of other characters than a-z and 0-9
// as one "-" ("Michigan Roofing & Safety" -> "michigan-roofing-safety").
std::string alliance_key(const std::string& name);

}  // namespace pipeline::web
