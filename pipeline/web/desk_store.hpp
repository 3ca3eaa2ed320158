#pragma once
//! What the reviewers' desk reads from and writes to the record store OUTDIR/formpipe.sqlite
//! (inbox/store.hpp, schema version 2): users, the submissions list and one submission, review
//! decisions and audit records. It opens the store as inbox::Store does (migrating an older one)
//! and keeps connections of its own, so it reads while `run`/`watch` write (SQLite's WAL): one
//! for its writes (users, decisions, audit records) and a small pool of read-only ones, each
//! query taking a free one, so page requests read side by side. Safe to use from several
//! threads; Poco exceptions are translated to core::Error.

#include <condition_variable>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "pipeline/core/date.hpp"
#include "pipeline/core/finding.hpp"
#include "pipeline/inbox/store.hpp"

namespace Poco::Data {
class Session;
}

namespace pipeline::web {

struct UserRow {
  std::string name;
  std::string created_at;
};

// The submissions list's filters; an empty one does not filter.
struct ListFilter {
  std::string status;              // accepted, rejected, unreadable
  std::string form;                // alliance-agreement, cet-grant-proposal, ...
  std::string program;             // the profile: miosha, osha, iowa, calosha
  std::optional<core::Date> from;  // received on or after (UTC date)
  std::optional<core::Date> to;    // received on or before
  std::string text;  // in the organization or the source name (case-insensitive for ASCII)
  // The page: rows received before this cursor (next_cursor of the page before); "" the newest.
  std::string before;
};

struct ListRow {
  std::string id;
  std::string received;  // processed_at, ISO 8601 UTC
  std::string source;
  std::string form;
  std::string program;
  std::string organization;
  std::string status;
  int errors = 0;
  int warnings = 0;
};

struct ListPage {
  std::vector<ListRow> rows;
  std::string next_cursor;  // "" on the last page
};

struct SubmissionDetail {
  ListRow row;
  std::string sha256;
  std::string alliance_name;
  std::string period_start;
  std::string period_end;
  std::string submitted_on;
  std::string claimed_at;
  std::vector<core::Finding> findings;
  std::vector<std::pair<std::string, std::string>> figures;
  std::vector<std::string> files;  // names in its result folder: report.json, *.pdf, original.*
};

struct DecisionRow {
  std::string decision;  // reviewed, returned
  std::string note;
  std::string user;
  std::string at;
};

class DeskStore {
 public:
  // Opens OUTDIR/formpipe.sqlite, creating and migrating it when needed, with `readers`
  // read-only connections. Throws core::Error.
  explicit DeskStore(const std::filesystem::path& out, std::size_t readers = 4);
  ~DeskStore();
  DeskStore(const DeskStore&) = delete;
  DeskStore& operator=(const DeskStore&) = delete;

  // Users. add_user is false when the name is taken, remove_user when there is none.
  bool add_user(const std::string& name, const std::string& password_hash);
  bool remove_user(const std::string& name);
  std::vector<UserRow> users();
  std::optional<std::string> password_hash(const std::string& name);

  // A page of the submissions list, newest first, by indexed queries.
  ListPage list(const ListFilter& filter, std::size_t page_size);
  // The values a column takes, sorted, for the filters' choices: "form", "profile", "status".
  std::vector<std::string> distinct(const std::string& column);
  std::optional<SubmissionDetail> submission(const std::string& id);
  // Whether `name` is one of the files the store lists for submission `id` (its outputs).
  bool has_file(const std::string& id, const std::string& name);

  // Review decisions, oldest first; decide appends one (nothing is changed or deleted).
  std::vector<DecisionRow> decisions(const std::string& id);
  void decide(const std::string& id, const std::string& decision, const std::string& note,
              const std::string& user, const std::string& address);
  // An audit record: action is sign-in, sign-in-failed, sign-in-refused, sign-out, decision,
  // upload.
  void audit(const std::string& user, const std::string& address, const std::string& action,
             const std::string& detail);

  // The inbox's view of the store (alliance facts for what is due).
  inbox::Store& records() { return *records_; }

 private:
  class Reader;  // a read-only connection leased for one query

  std::filesystem::path file_;
  std::unique_ptr<inbox::Store> records_;
  std::mutex mutex_;  // the writing connection
  std::unique_ptr<Poco::Data::Session> session_;
  std::mutex readers_mutex_;
  std::condition_variable reader_returned_;
  std::vector<std::unique_ptr<Poco::Data::Session>> idle_readers_;
};

}  // namespace pipeline::web
