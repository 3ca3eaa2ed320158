#include "pipeline/web/sessions.hpp"

#include <algorithm>
#include <utility>

#include "pipeline/web/passwords.hpp"

namespace pipeline::web {

namespace {

ClockFunction or_steady(ClockFunction clock) {
  if (clock) return clock;
  return [] { return Clock::now(); };
}

}  // namespace

Sessions::Sessions(std::chrono::seconds idle, ClockFunction clock)
    : idle_(idle), clock_(or_steady(std::move(clock))) {}

std::string Sessions::open(const std::string& user) {
  const std::string token = random_token();
  const Clock::time_point now = clock_();
  std::lock_guard lock(mutex_);
  if (entries_.size() >= kMaxSessions) prune(now);
  if (entries_.size() >= kMaxSessions) {
    // Still full: the session idle longest goes (sessions before sign-in first).
    auto oldest = entries_.end();
    for (auto it = entries_.begin(); it != entries_.end(); ++it) {
      if (oldest == entries_.end() ||
          std::pair(!it->second.session.user.empty(), it->second.last_seen) <
              std::pair(!oldest->second.session.user.empty(), oldest->second.last_seen))
        oldest = it;
    }
    entries_.erase(oldest);
  }
  entries_[token_digest(token)] = Entry{Session{user, random_token()}, now};
  return token;
}

std::optional<Session> Sessions::find(const std::string& token) {
  if (token.empty()) return std::nullopt;
  const std::string key = token_digest(token);
  const Clock::time_point now = clock_();
  std::lock_guard lock(mutex_);
  const auto it = entries_.find(key);
  if (it == entries_.end()) return std::nullopt;
  if (now - it->second.last_seen >= idle_) {
    entries_.erase(it);
    return std::nullopt;
  }
  it->second.last_seen = now;
  return it->second.session;
}

void Sessions::close(const std::string& token) {
  const std::string key = token_digest(token);
  std::lock_guard lock(mutex_);
  entries_.erase(key);
}

void Sessions::close_user(const std::string& user) {
  std::lock_guard lock(mutex_);
  std::erase_if(entries_, [&](const auto& entry) { return entry.second.session.user == user; });
}

std::size_t Sessions::size() {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

void Sessions::prune(Clock::time_point now) {
  std::erase_if(entries_, [&](const auto& entry) { return now - entry.second.last_seen >= idle_; });
}

SignInThrottle::SignInThrottle(std::size_t limit, std::chrono::seconds window, ClockFunction clock)
    : limit_(limit), window_(window), clock_(or_steady(std::move(clock))) {}

bool SignInThrottle::allowed(const std::string& name) {
  const Clock::time_point now = clock_();
  std::lock_guard lock(mutex_);
  // Forget failures older than the window, for every name (the map stays small).
  for (auto it = failures_.begin(); it != failures_.end();) {
    auto& times = it->second;
    while (!times.empty() && now - times.front() >= window_) times.pop_front();
    it = times.empty() ? failures_.erase(it) : std::next(it);
  }
  const auto it = failures_.find(name);
  return it == failures_.end() || it->second.size() < limit_;
}

void SignInThrottle::failed(const std::string& name) {
  const Clock::time_point now = clock_();
  std::lock_guard lock(mutex_);
  failures_[name].push_back(now);
}

}  // namespace pipeline::web
