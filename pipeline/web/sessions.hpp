#pragma once
//! Sign-in sessions and the sign-in throttle of the reviewers' desk (web.md §3), kept in memory:
//! a restart of `formpipe serve` signs everyone out.
//!
//! A session is known by a random token (the cookie) and holds its CSRF token; only the SHA-256
//! of the cookie token is kept. A session before sign-in (user "") carries the CSRF token of the
//! sign-in form; signing in opens a new session (a new token), so a token seen before sign-in is
//! worth nothing after. A session ends after `idle` without a request, or when closed.

#include <chrono>
#include <cstddef>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace pipeline::web {

using Clock = std::chrono::steady_clock;
using ClockFunction = std::function<Clock::time_point()>;

struct Session {
  std::string user;  // "" before sign-in
  std::string csrf;
};

class Sessions {
 public:
  explicit Sessions(std::chrono::seconds idle = std::chrono::hours(8), ClockFunction clock = {});

  // A new session for `user` ("" before sign-in); returns its cookie token.
  std::string open(const std::string& user);
  // The session of a cookie token, its idle time restarted; nullopt when unknown or expired.
  std::optional<Session> find(const std::string& token);
  void close(const std::string& token);
  // Ends every session of `user` (a user removed).
  void close_user(const std::string& user);
  std::size_t size();

  static constexpr std::size_t kMaxSessions = 10000;

 private:
  struct Entry {
    Session session;
    Clock::time_point last_seen;
  };
  void prune(Clock::time_point now);  // drops expired entries; holds mutex_
  std::chrono::seconds idle_;
  ClockFunction clock_;
  std::mutex mutex_;
  std::map<std::string, Entry> entries_;  // by token_digest(token)
};

// At most `limit` failed sign-ins for a name within `window`; more are refused until the oldest
// failure is older than the window.
class SignInThrottle {
 public:
  explicit SignInThrottle(std::size_t limit = 5,
                          std::chrono::seconds window = std::chrono::minutes(1),
                          ClockFunction clock = {});
  // Whether a sign-in for `name` may be tried now.
  bool allowed(const std::string& name);
  void failed(const std::string& name);

 private:
  std::size_t limit_;
  std::chrono::seconds window_;
  ClockFunction clock_;
  std::mutex mutex_;
  std::map<std::string, std::deque<Clock::time_point>> failures_;
};

}  // namespace pipeline::web
