#pragma once
//! The record store: OUTDIR/formpipe.sqlite (SQLite through Poco::Data), the agency's register
//! of every submission, alliance and grant formpipe has seen (MIOSHA-ADM-03-3R6 §XVI.D.4).
//!
//!   submissions  id, sha256, claim, source, form, profile, organization, alliance_name,
//!                period_start, period_end, submitted_on, status, findings (JSON),
//!                figures (JSON), outputs (JSON), as_of, claimed_at, processed_at
//!   alliances    one row per alliance form: submission_id, form, status, profile,
//!                alliance_name, organization, organizations (JSON), alliance_type, level,
//!                action, signing_date, term_years, expiration_date, initial_signing_date,
//!                period_start, period_end, reporting_duties (JSON)
//!   grants       submission_id, organization, project_title, fiscal_year, stage,
//!                amount_requested, status
//!   duplicates   claim, sha256, source, original_id, received_at
//!   issued       sha256, submission_id, name: every document formpipe issued to be signed
//!                (agreement.pdf, letter.pdf), so a signed copy can be matched to it
//!
//! alliances also has executed_date and executed_by: set when a signed copy of the agreement
//! comes back with every field signed (signing.md §4), from SIGNED-EXECUTED's executed-date.
//!
//! Schema version 2 (PRAGMA user_version; an older store is migrated when opened) adds the
//! reviewers' desk (web.md):
//!
//!   users        name, password_hash (libsodium's Argon2id string), created_at
//!   decisions    id, submission_id, decision (reviewed|returned), note, user, address, at
//!   audit        id, at, user, address, action (sign-in, sign-in-failed, decision, upload, ...),
//!                detail
//!
//! and the indexes the desk's submissions list pages through (by time, status, form, profile).
//! Decisions and audit records are never changed nor deleted (triggers refuse it).
//!
//! Dates are ISO text, times ISO 8601 UTC. A submission's rows are written in one transaction
//! (with those of the other submissions finished at the same time) after its result folder is
//! durable (synchronous=FULL), and before its input leaves the inbox.
//! Safe to use from several threads; Poco exceptions are translated to core::Error.

#include <chrono>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/core/date.hpp"
#include "pipeline/inbox/due.hpp"
#include "pipeline/process/process.hpp"

namespace Poco::Data {
class Session;
}

namespace pipeline::inbox {

// A finished submission as stored.
struct StoredSubmission {
  std::string id;
  std::string claim;  // the inbox claim token that produced it
  std::string source;
  std::string status;
};

// What `record` stores beside the report.
struct RecordTimes {
  core::Date as_of;
  std::chrono::system_clock::time_point claimed_at;
  std::chrono::system_clock::time_point processed_at;
};

class Store {
 public:
  // Opens (creating when needed) the store. Throws core::Error.
  explicit Store(const std::filesystem::path& file);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // The finished submission with these bytes, if any.
  std::optional<StoredSubmission> find(const std::string& sha256);
  // Whether `id` belongs to a submission with other bytes (a clash of the 12-digit ids).
  bool id_taken(const std::string& id, const std::string& sha256);
  // Records a finished submission and the alliance or grant it describes, in one transaction.
  // `report_json` is the report as written (its findings and figures are stored from it).
  void record(const std::string& claim, const process::Report& report,
              const std::string& report_json, const std::vector<std::string>& outputs,
              const RecordTimes& times);
  // One finished submission, for record_all.
  struct Record {
    std::string claim;
    const process::Report* report = nullptr;
    const std::string* report_json = nullptr;
    const std::vector<std::string>* outputs = nullptr;
    RecordTimes times;
  };
  // Records many finished submissions in one transaction (one flush to disk). When that fails,
  // each is recorded in a transaction of its own, so one record that cannot be stored never
  // keeps out another. Returns, for each record, why it was not stored ("" when it was).
  std::vector<std::string> record_all(const std::vector<Record>& records);
  // Records bytes dropped again; recording the same claim twice is harmless.
  void record_duplicate(const std::string& claim, const std::string& sha256,
                        const std::string& source, const std::string& original_id,
                        std::chrono::system_clock::time_point received_at);

  // The issued document whose SHA-256 is one of `sha256s` (the first found), with the form,
  // profile and alliance of the submission that issued it.
  std::optional<model::IssuedDocument> issued(const std::vector<std::string>& sha256s);

  // Every alliance form recorded, for `formpipe due`.
  std::vector<AllianceFacts> alliance_facts();
  // Rows in a table ("submissions", "duplicates", ...).
  std::size_t count(const char* table);

  static constexpr int kSchemaVersion = 2;
  // The schema version of the store as opened (kSchemaVersion once migrated).
  int schema_version();

 private:
  void migrate(Poco::Data::Session& session);

  std::mutex mutex_;
  std::filesystem::path file_;
  std::unique_ptr<Poco::Data::Session> session_;
};

// 2025-11-23T17:45:12Z
std::string iso_utc(std::chrono::system_clock::time_point time);

}  // namespace pipeline::inbox
