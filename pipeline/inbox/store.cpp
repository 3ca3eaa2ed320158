#include "pipeline/inbox/store.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Nullable.h>

#include <ctime>
#include <sstream>
#include <tuple>

#include "pipeline/core/error.hpp"
#include "pipeline/inbox/store_access.hpp"

namespace pipeline::inbox {

namespace {

using namespace Poco::Data::Keywords;
using Text = Poco::Nullable<std::string>;

constexpr const char* kSchema[] = {
    "CREATE TABLE IF NOT EXISTS submissions ("
    " id TEXT PRIMARY KEY, sha256 TEXT NOT NULL UNIQUE, claim TEXT NOT NULL,"
    " source TEXT NOT NULL, form TEXT, profile TEXT, organization TEXT, alliance_name TEXT,"
    " period_start TEXT, period_end TEXT, submitted_on TEXT, status TEXT NOT NULL,"
    " findings TEXT NOT NULL, figures TEXT NOT NULL, outputs TEXT NOT NULL, as_of TEXT,"
    " claimed_at TEXT NOT NULL, processed_at TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS alliances ("
    " submission_id TEXT PRIMARY KEY REFERENCES submissions(id), form TEXT NOT NULL,"
    " status TEXT NOT NULL, profile TEXT, alliance_name TEXT, organization TEXT,"
    " organizations TEXT NOT NULL, alliance_type TEXT, level TEXT, action TEXT,"
    " signing_date TEXT, term_years INTEGER, expiration_date TEXT, initial_signing_date TEXT,"
    " period_start TEXT, period_end TEXT, reporting_duties TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS grants ("
    " submission_id TEXT PRIMARY KEY REFERENCES submissions(id), organization TEXT,"
    " project_title TEXT, fiscal_year TEXT, stage TEXT, amount_requested TEXT,"
    " status TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS duplicates ("
    " claim TEXT PRIMARY KEY, sha256 TEXT NOT NULL, source TEXT NOT NULL,"
    " original_id TEXT NOT NULL, received_at TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS issued ("
    " sha256 TEXT PRIMARY KEY, submission_id TEXT NOT NULL REFERENCES submissions(id),"
    " name TEXT NOT NULL)",
};

// Columns added after a store's first release: (table, column, type). Opening an older store
// adds them.
constexpr const char* kAddedColumns[][3] = {
    {"alliances", "executed_date", "TEXT"},
    {"alliances", "executed_by", "TEXT"},
};

// The store's schema version (PRAGMA user_version). 0: a store from before versions were kept
// (the tables above); 1 is never written; 2: the reviewers' desk (web.md) — its users, decisions
// and audit records, and the indexes its submissions list pages through.
constexpr const char* kDeskSchema[] = {
    "CREATE INDEX IF NOT EXISTS submissions_by_time ON submissions (processed_at, id)",
    "CREATE INDEX IF NOT EXISTS submissions_by_status ON submissions (status, processed_at, id)",
    "CREATE INDEX IF NOT EXISTS submissions_by_form ON submissions (form, processed_at, id)",
    "CREATE INDEX IF NOT EXISTS submissions_by_profile ON submissions (profile, processed_at, id)",
    "CREATE TABLE IF NOT EXISTS users ("
    " name TEXT PRIMARY KEY, password_hash TEXT NOT NULL, created_at TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS decisions ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT, submission_id TEXT NOT NULL REFERENCES submissions(id),"
    " decision TEXT NOT NULL CHECK (decision IN ('reviewed', 'returned')), note TEXT NOT NULL,"
    " user TEXT NOT NULL, address TEXT NOT NULL, at TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS decisions_by_submission ON decisions (submission_id, id)",
    "CREATE TABLE IF NOT EXISTS audit ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, user TEXT NOT NULL,"
    " address TEXT NOT NULL, action TEXT NOT NULL, detail TEXT NOT NULL)",
    // Decisions and audit records are never changed nor deleted (web.md §2, §3).
    "CREATE TRIGGER IF NOT EXISTS decisions_kept BEFORE DELETE ON decisions"
    " BEGIN SELECT RAISE(ABORT, 'decisions are never deleted'); END",
    "CREATE TRIGGER IF NOT EXISTS decisions_unchanged BEFORE UPDATE ON decisions"
    " BEGIN SELECT RAISE(ABORT, 'decisions are never changed'); END",
    "CREATE TRIGGER IF NOT EXISTS audit_kept BEFORE DELETE ON audit"
    " BEGIN SELECT RAISE(ABORT, 'audit records are never deleted'); END",
    "CREATE TRIGGER IF NOT EXISTS audit_unchanged BEFORE UPDATE ON audit"
    " BEGIN SELECT RAISE(ABORT, 'audit records are never changed'); END",
};

Text nullable(const std::string& text) {
  return text.empty() ? Text() : Text(text);
}

Text nullable(const std::optional<core::Date>& date) {
  return date ? Text(date->iso()) : Text();
}

std::string json_array(const std::vector<std::string>& items) {
  Poco::JSON::Array array;
  for (const std::string& item : items) array.add(item);
  std::ostringstream out;
  array.stringify(out);
  return out.str();
}

std::vector<std::string> strings_of(const std::string& json) {
  std::vector<std::string> out;
  const auto array = Poco::JSON::Parser().parse(json).extract<Poco::JSON::Array::Ptr>();
  for (unsigned i = 0; i < array->size(); ++i) out.push_back(array->getElement<std::string>(i));
  return out;
}

// The "findings" and "figures" members of a report object, as compact JSON.
std::pair<std::string, std::string> findings_and_figures(const std::string& report_json) {
  const auto object = Poco::JSON::Parser().parse(report_json).extract<Poco::JSON::Object::Ptr>();
  std::ostringstream findings, figures;
  object->getArray("findings")->stringify(findings);
  object->getObject("figures")->stringify(figures);
  return {findings.str(), figures.str()};
}

std::optional<core::Date> date_at(Poco::Data::RecordSet& rows, const std::string& column) {
  return core::parse_date(text_at(rows, column));
}

bool is_alliance_form(const std::string& form) {
  return form == "alliance-agreement" || form == "alliance-diary-sheet" ||
         form == "alliance-annual-report";
}

}  // namespace

std::string iso_utc(std::chrono::system_clock::time_point time) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(time);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

Store::Store(const std::filesystem::path& file) : file_(file) {
  translated(file_, [&] {
    static std::once_flag registered;
    std::call_once(registered, [] { Poco::Data::SQLite::Connector::registerConnector(); });
    // A new store is made readable by its owner and group only, whatever the umask: it holds
    // the desk's password hashes (SQLite gives the -wal and -shm files the same mode).
    if (const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640); fd >= 0)
      ::close(fd);
    session_ = std::make_unique<Poco::Data::Session>("SQLite", file.string());
    Poco::Data::Session& session = *session_;
    std::string mode;
    session << "PRAGMA journal_mode=WAL", into(mode), now;
    session << "PRAGMA synchronous=FULL", now;
    session << "PRAGMA busy_timeout=10000", now;
    for (const char* statement : kSchema) session << statement, now;
    for (const auto& [table, column, type] : kAddedColumns) {
      int present = 0;
      session << "SELECT COUNT(*) FROM pragma_table_info('" + std::string(table) +
                     "') WHERE name = ?",
          bind(std::string(column)), into(present), now;
      if (present == 0)
        session << "ALTER TABLE " + std::string(table) + " ADD COLUMN " + column + " " + type, now;
    }
    migrate(session);
  });
}

// Brings a store of an older schema version up to kSchemaVersion, in one immediate transaction
// (a `watch` and a `serve` opening the same store at once migrate it once).
void Store::migrate(Poco::Data::Session& session) {
  const auto version = [&session] {
    int found = 0;
    session << "PRAGMA user_version", into(found), now;
    return found;
  };
  int found = version();
  if (found > kSchemaVersion)
    throw core::Error("record store " + file_.string() + " has schema version " +
                      std::to_string(found) + ", newer than this formpipe reads (" +
                      std::to_string(kSchemaVersion) + ")");
  if (found == kSchemaVersion) return;
  session << "BEGIN IMMEDIATE", now;
  try {
    if (version() < 2)
      for (const char* statement : kDeskSchema) session << statement, now;
    session << "PRAGMA user_version = " + std::to_string(kSchemaVersion), now;
    session << "COMMIT", now;
  } catch (...) {
    session << "ROLLBACK", now;
    throw;
  }
}

int Store::schema_version() {
  std::lock_guard lock(mutex_);
  return translated(file_, [&] {
    int found = 0;
    *session_ << "PRAGMA user_version", into(found), now;
    return found;
  });
}

Store::~Store() = default;

std::optional<StoredSubmission> Store::find(const std::string& sha256) {
  std::lock_guard lock(mutex_);
  return translated(file_, [&]() -> std::optional<StoredSubmission> {
    StoredSubmission found;
    Poco::Data::Statement select(*session_);
    select << "SELECT id, claim, source, status FROM submissions WHERE sha256 = ?", bind(sha256),
        into(found.id), into(found.claim), into(found.source), into(found.status), now;
    if (select.rowsExtracted() == 0) return std::nullopt;
    return found;
  });
}

bool Store::id_taken(const std::string& id, const std::string& sha256) {
  std::lock_guard lock(mutex_);
  return translated(file_, [&] {
    int count = 0;
    *session_ << "SELECT COUNT(*) FROM submissions WHERE id = ? AND sha256 <> ?", bind(id),
        bind(sha256), into(count), now;
    return count > 0;
  });
}

void Store::record(const std::string& claim, const process::Report& report,
                   const std::string& report_json, const std::vector<std::string>& outputs,
                   const RecordTimes& times) {
  const std::vector<std::string> errors =
      record_all({Record{claim, &report, &report_json, &outputs, times}});
  if (!errors.front().empty()) throw core::Error(errors.front());
}

namespace {

// The rows of one submission, bound and ready to insert.
struct Rows {
  const Store::Record* record = nullptr;
  process::SubmissionRecord facts;
  std::string findings;
  std::string figures;
  std::string status;
  std::vector<std::string> duties;
};

void insert(Poco::Data::Session& session, const Rows& rows) {
  const process::Report& report = *rows.record->report;
  const process::SubmissionRecord& facts = rows.facts;
  const std::string& status = rows.status;
  const RecordTimes& times = rows.record->times;
  session << "INSERT INTO submissions (id, sha256, claim, source, form, profile,"
             " organization, alliance_name, period_start, period_end, submitted_on, status,"
             " findings, figures, outputs, as_of, claimed_at, processed_at)"
             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      bind(report.id), bind(report.sha256), bind(rows.record->claim), bind(report.source),
      bind(nullable(report.form)), bind(nullable(report.profile)),
      bind(nullable(facts.organization)), bind(nullable(facts.alliance_name)),
      bind(nullable(facts.period_start)), bind(nullable(facts.period_end)),
      bind(nullable(facts.submitted_on)), bind(status), bind(rows.findings), bind(rows.figures),
      bind(json_array(*rows.record->outputs)), bind(times.as_of.iso()),
      bind(iso_utc(times.claimed_at)), bind(iso_utc(times.processed_at)), now;
  if (report.record && is_alliance_form(report.form)) {
    const Poco::Nullable<int> term =
        facts.term_years ? Poco::Nullable<int>(*facts.term_years) : Poco::Nullable<int>();
    session << "INSERT INTO alliances (submission_id, form, status, profile, alliance_name,"
               " organization, organizations, alliance_type, level, action, signing_date,"
               " term_years, expiration_date, initial_signing_date, period_start,"
               " period_end, reporting_duties)"
               " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        bind(report.id), bind(report.form), bind(status), bind(report.profile),
        bind(nullable(facts.alliance_name)), bind(nullable(facts.organization)),
        bind(json_array(facts.organizations)), bind(nullable(facts.alliance_type)),
        bind(nullable(facts.level)), bind(nullable(facts.action)),
        bind(nullable(facts.signing_date)), bind(term), bind(nullable(facts.expiration_date)),
        bind(nullable(facts.initial_signing_date)), bind(nullable(facts.period_start)),
        bind(nullable(facts.period_end)), bind(json_array(rows.duties)), now;
  }
  for (const auto& [name, sha256] : report.signable)
    session << "INSERT OR IGNORE INTO issued (sha256, submission_id, name) VALUES (?, ?, ?)",
        bind(sha256), bind(report.id), bind(name), now;
  // A signed copy with every field signed: the issued agreement is executed on that date.
  if (report.record && report.record->executed_date && status == "accepted" &&
      !facts.issued_submission_id.empty())
    session << "UPDATE alliances SET executed_date = ?, executed_by = ? WHERE submission_id = ?",
        bind(facts.executed_date->iso()), bind(report.id), bind(facts.issued_submission_id), now;
  if (report.record && report.form == "cet-grant-proposal") {
    session << "INSERT INTO grants (submission_id, organization, project_title,"
               " fiscal_year, stage, amount_requested, status) VALUES (?, ?, ?, ?, ?, ?, ?)",
        bind(report.id), bind(nullable(facts.organization)), bind(nullable(facts.project_title)),
        bind(nullable(facts.fiscal_year)), bind(nullable(facts.stage)),
        bind(nullable(facts.amount_requested)), bind(status), now;
  }
}

}  // namespace

std::vector<std::string> Store::record_all(const std::vector<Record>& records) {
  std::vector<std::string> errors(records.size());
  std::vector<Rows> prepared;
  prepared.reserve(records.size());
  std::vector<std::size_t> index;  // prepared[i] is records[index[i]]
  for (std::size_t i = 0; i < records.size(); ++i) {
    const Record& record = records[i];
    try {
      Rows rows;
      rows.record = &record;
      rows.facts = record.report->record.value_or(process::SubmissionRecord{});
      std::tie(rows.findings, rows.figures) =
          translated(file_, [&] { return findings_and_figures(*record.report_json); });
      rows.status = process::status_name(record.report->status);
      for (const process::Duty duty : rows.facts.reporting_duties)
        rows.duties.emplace_back(process::duty_name(duty));
      prepared.push_back(std::move(rows));
      index.push_back(i);
    } catch (const std::exception& e) {
      errors[i] = e.what();
    }
  }
  if (prepared.empty()) return errors;
  std::lock_guard lock(mutex_);
  Poco::Data::Session& session = *session_;
  // Inserts `rows` in one transaction: all or none.
  const auto insert_all = [&](const std::vector<const Rows*>& rows) {
    translated(file_, [&] {
      try {
        session.begin();
        for (const Rows* one : rows) insert(session, *one);
        session.commit();
      } catch (...) {
        if (session.isTransaction()) session.rollback();
        throw;
      }
    });
  };
  std::vector<const Rows*> all;
  for (const Rows& rows : prepared) all.push_back(&rows);
  try {
    insert_all(all);
    return errors;
  } catch (const std::exception&) {
    // found out below, record by record
  }
  // The group failed: each record on its own, so one that cannot be stored keeps out no other.
  for (std::size_t i = 0; i < prepared.size(); ++i) {
    try {
      insert_all({&prepared[i]});
    } catch (const std::exception& e) {
      errors[index[i]] = e.what();
    }
  }
  return errors;
}

void Store::record_duplicate(const std::string& claim, const std::string& sha256,
                             const std::string& source, const std::string& original_id,
                             std::chrono::system_clock::time_point received_at) {
  std::lock_guard lock(mutex_);
  translated(file_, [&] {
    *session_ << "INSERT OR IGNORE INTO duplicates (claim, sha256, source, original_id,"
                 " received_at) VALUES (?, ?, ?, ?, ?)",
        bind(claim), bind(sha256), bind(source), bind(original_id), bind(iso_utc(received_at)), now;
  });
}

std::vector<AllianceFacts> Store::alliance_facts() {
  std::lock_guard lock(mutex_);
  return translated(file_, [&] {
    std::vector<AllianceFacts> out;
    Poco::Data::Statement select(*session_);
    select << "SELECT a.submission_id, a.form, a.status, a.profile, a.alliance_name,"
              " a.organization, a.organizations, a.alliance_type, a.level, a.signing_date,"
              " a.expiration_date, a.period_start, a.period_end, a.reporting_duties,"
              " a.term_years, a.executed_date,"
              " EXISTS (SELECT 1 FROM issued i WHERE i.submission_id = a.submission_id) AS issued"
              " FROM alliances a JOIN submissions s ON s.id = a.submission_id"
              " ORDER BY s.processed_at, a.submission_id",
        now;
    Poco::Data::RecordSet rows(select);
    for (bool more = rows.moveFirst(); more; more = rows.moveNext()) {
      AllianceFacts facts;
      facts.submission_id = text_at(rows, "submission_id");
      facts.form = text_at(rows, "form");
      facts.status = text_at(rows, "status");
      facts.profile = text_at(rows, "profile");
      facts.alliance_name = text_at(rows, "alliance_name");
      facts.organization = text_at(rows, "organization");
      facts.organizations = strings_of(text_at(rows, "organizations"));
      facts.alliance_type = text_at(rows, "alliance_type");
      facts.level = text_at(rows, "level");
      facts.signing_date = date_at(rows, "signing_date");
      facts.expiration_date = date_at(rows, "expiration_date");
      facts.period_start = date_at(rows, "period_start");
      facts.period_end = date_at(rows, "period_end");
      facts.reporting_duties = strings_of(text_at(rows, "reporting_duties"));
      if (!rows["term_years"].isEmpty()) facts.term_years = rows["term_years"].convert<int>();
      facts.executed_date = date_at(rows, "executed_date");
      facts.issued = rows["issued"].convert<int>() != 0;
      out.push_back(std::move(facts));
    }
    return out;
  });
}

std::optional<model::IssuedDocument> Store::issued(const std::vector<std::string>& sha256s) {
  std::lock_guard lock(mutex_);
  return translated(file_, [&]() -> std::optional<model::IssuedDocument> {
    for (const std::string& sha256 : sha256s) {
      model::IssuedDocument found;
      Text alliance_name, organization, profile;
      Poco::Data::Statement select(*session_);
      select << "SELECT i.submission_id, i.name, s.form, s.profile, s.alliance_name,"
                " s.organization FROM issued i JOIN submissions s ON s.id = i.submission_id"
                " WHERE i.sha256 = ?",
          bind(sha256), into(found.submission_id), into(found.name), into(found.form),
          into(profile), into(alliance_name), into(organization), now;
      if (select.rowsExtracted() == 0) continue;
      found.profile = profile.isNull() ? std::string() : profile.value();
      found.alliance_name = alliance_name.isNull() ? std::string() : alliance_name.value();
      found.organization = organization.isNull() ? std::string() : organization.value();
      return found;
    }
    return std::nullopt;
  });
}

std::size_t Store::count(const char* table) {
  std::lock_guard lock(mutex_);
  return translated(file_, [&] {
    std::size_t count = 0;
    *session_ << "SELECT COUNT(*) FROM " + std::string(table), into(count), now;
    return count;
  });
}

}  // namespace pipeline::inbox
