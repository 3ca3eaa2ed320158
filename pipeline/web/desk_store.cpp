#include "pipeline/web/desk_store.hpp"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <chrono>

#include "pipeline/core/error.hpp"
#include "pipeline/inbox/store_access.hpp"

namespace pipeline::web {

namespace {

using namespace Poco::Data::Keywords;

using inbox::text_at;
using inbox::translated;

Poco::JSON::Array::Ptr json_array(const std::string& json) {
  return Poco::JSON::Parser().parse(json).extract<Poco::JSON::Array::Ptr>();
}

std::vector<core::Finding> findings_of(const std::string& json) {
  std::vector<core::Finding> out;
  const auto array = json_array(json);
  for (unsigned i = 0; i < array->size(); ++i) {
    const auto item = array->getObject(i);
    core::Finding finding;
    finding.rule = item->optValue<std::string>("rule", "");
    const std::string severity = item->optValue<std::string>("severity", "");
    finding.severity = severity == "error"     ? core::Severity::Error
                       : severity == "warning" ? core::Severity::Warning
                                               : core::Severity::Info;
    finding.message = item->optValue<std::string>("message", "");
    finding.citation = item->optValue<std::string>("citation", "");
    finding.location = item->optValue<std::string>("location", "");
    out.push_back(std::move(finding));
  }
  return out;
}

void count_findings(const std::string& json, ListRow& row) {
  for (const core::Finding& finding : findings_of(json)) {
    if (finding.severity == core::Severity::Error) ++row.errors;
    if (finding.severity == core::Severity::Warning) ++row.warnings;
  }
}

// The columns of a row of the list; its counts of errors and warnings come from the query's
// "errors" and "warnings" columns when it has them, else from its "findings".
ListRow row_of(Poco::Data::RecordSet& rows, bool counted = false) {
  ListRow row;
  row.id = text_at(rows, "id");
  row.received = text_at(rows, "processed_at");
  row.source = text_at(rows, "source");
  row.form = text_at(rows, "form");
  row.program = text_at(rows, "profile");
  row.organization = text_at(rows, "organization");
  row.status = text_at(rows, "status");
  if (counted) {
    row.errors = rows["errors"].convert<int>();
    row.warnings = rows["warnings"].convert<int>();
  } else {
    count_findings(text_at(rows, "findings"), row);
  }
  return row;
}

// "2025-11-23T17:45:12Z 0123456789ab": the received time and id of the last row of a page.
std::optional<std::pair<std::string, std::string>> cursor_parts(const std::string& cursor) {
  const auto space = cursor.find(' ');
  if (space == std::string::npos || space != 20 || cursor.size() != 33) return std::nullopt;
  return std::pair{cursor.substr(0, space), cursor.substr(space + 1)};
}

// `text` for LIKE '%text%' with \ as the escape character.
std::string like_pattern(const std::string& text) {
  std::string out = "%";
  for (const char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}

}  // namespace

// A read-only connection of the pool, taken for one query and given back after it; waits while
// every one is in use.
class DeskStore::Reader {
 public:
  explicit Reader(DeskStore& store) : store_(store) {
    std::unique_lock lock(store_.readers_mutex_);
    store_.reader_returned_.wait(lock, [&] { return !store_.idle_readers_.empty(); });
    session_ = std::move(store_.idle_readers_.back());
    store_.idle_readers_.pop_back();
  }
  ~Reader() {
    {
      std::lock_guard lock(store_.readers_mutex_);
      store_.idle_readers_.push_back(std::move(session_));
    }
    store_.reader_returned_.notify_one();
  }
  Reader(const Reader&) = delete;
  Reader& operator=(const Reader&) = delete;
  Poco::Data::Session& operator*() { return *session_; }

 private:
  DeskStore& store_;
  std::unique_ptr<Poco::Data::Session> session_;
};

DeskStore::DeskStore(const std::filesystem::path& out, std::size_t readers)
    : file_(out / "formpipe.sqlite") {
  records_ = std::make_unique<inbox::Store>(file_);  // creates and migrates
  translated(file_, [&] {
    Poco::Data::SQLite::Connector::registerConnector();
    session_ = std::make_unique<Poco::Data::Session>("SQLite", file_.string());
    *session_ << "PRAGMA busy_timeout=10000", now;
    *session_ << "PRAGMA synchronous=FULL", now;
    for (std::size_t i = 0; i < std::max<std::size_t>(readers, 1); ++i) {
      auto reader = std::make_unique<Poco::Data::Session>("SQLite", file_.string());
      *reader << "PRAGMA busy_timeout=10000", now;
      *reader << "PRAGMA query_only=1", now;
      idle_readers_.push_back(std::move(reader));
    }
  });
}

DeskStore::~DeskStore() = default;

bool DeskStore::add_user(const std::string& name, const std::string& password_hash) {
  std::lock_guard lock(mutex_);
  return translated(file_, [&] {
    Poco::Data::Statement insert(*session_);
    insert << "INSERT OR IGNORE INTO users (name, password_hash, created_at) VALUES (?, ?, ?)",
        bind(name), bind(password_hash), bind(inbox::iso_utc(std::chrono::system_clock::now()));
    return insert.execute() == 1;
  });
}

bool DeskStore::remove_user(const std::string& name) {
  std::lock_guard lock(mutex_);
  return translated(file_, [&] {
    Poco::Data::Statement remove(*session_);
    remove << "DELETE FROM users WHERE name = ?", bind(name);
    return remove.execute() == 1;
  });
}

std::vector<UserRow> DeskStore::users() {
  Reader session(*this);
  return translated(file_, [&] {
    std::vector<UserRow> out;
    Poco::Data::Statement select(*session);
    select << "SELECT name, created_at FROM users ORDER BY name", now;
    Poco::Data::RecordSet rows(select);
    for (bool more = rows.moveFirst(); more; more = rows.moveNext())
      out.push_back({text_at(rows, "name"), text_at(rows, "created_at")});
    return out;
  });
}

std::optional<std::string> DeskStore::password_hash(const std::string& name) {
  Reader session(*this);
  return translated(file_, [&]() -> std::optional<std::string> {
    std::string hash;
    Poco::Data::Statement select(*session);
    select << "SELECT password_hash FROM users WHERE name = ?", bind(name), into(hash), now;
    if (select.rowsExtracted() == 0) return std::nullopt;
    return hash;
  });
}

ListPage DeskStore::list(const ListFilter& filter, std::size_t page_size) {
  std::string sql =
      // The findings counted by SQLite's JSON functions, not parsed into objects row by row.
      "SELECT id, processed_at, source, form, profile, organization, status,"
      " (SELECT COUNT(*) FROM json_each(findings) WHERE json_each.value ->> 'severity' = 'error')"
      " AS errors,"
      " (SELECT COUNT(*) FROM json_each(findings) WHERE json_each.value ->> 'severity' ="
      " 'warning') AS warnings"
      " FROM submissions WHERE 1";
  std::vector<std::string> values;
  const auto where = [&](const char* condition, std::string value) {
    sql += condition;
    values.push_back(std::move(value));
  };
  if (!filter.status.empty()) where(" AND status = ?", filter.status);
  if (!filter.form.empty()) where(" AND form = ?", filter.form);
  if (!filter.program.empty()) where(" AND profile = ?", filter.program);
  if (filter.from) where(" AND processed_at >= ?", filter.from->iso());
  if (filter.to) where(" AND processed_at < ?", core::add_days(*filter.to, 1).iso());
  if (!filter.text.empty()) {
    where(" AND (organization LIKE ? ESCAPE '\\'", like_pattern(filter.text));
    where(" OR source LIKE ? ESCAPE '\\')", like_pattern(filter.text));
  }
  if (const auto cursor = cursor_parts(filter.before)) {
    where(" AND (processed_at < ?", cursor->first);
    where(" OR (processed_at = ?", cursor->first);
    where(" AND id < ?))", cursor->second);
  }
  sql += " ORDER BY processed_at DESC, id DESC LIMIT " + std::to_string(page_size + 1);

  Reader session(*this);
  return translated(file_, [&] {
    ListPage page;
    Poco::Data::Statement select(*session);
    select << sql;
    for (const std::string& value : values) select.addBind(bind(value));
    select.execute();
    Poco::Data::RecordSet rows(select);
    for (bool more = rows.moveFirst(); more; more = rows.moveNext()) {
      if (page.rows.size() == page_size) {
        const ListRow& last = page.rows.back();
        page.next_cursor = last.received + " " + last.id;
        break;
      }
      page.rows.push_back(row_of(rows, true));
    }
    return page;
  });
}

std::vector<std::string> DeskStore::distinct(const std::string& column) {
  if (column != "form" && column != "profile" && column != "status") return {};
  Reader session(*this);
  return translated(file_, [&] {
    std::vector<std::string> out;
    Poco::Data::Statement select(*session);
    // One index seek a value (each column leads an index): the smallest value, then the
    // smallest greater than the one before; SELECT DISTINCT would read every row.
    select << "WITH RECURSIVE v(value) AS (SELECT MIN(" + column + ") FROM submissions UNION ALL" +
                  " SELECT (SELECT MIN(" + column + ") FROM submissions WHERE " + column +
                  " > v.value) FROM v WHERE v.value IS NOT NULL)" +
                  " SELECT value FROM v WHERE value IS NOT NULL",
        now;
    Poco::Data::RecordSet rows(select);
    for (bool more = rows.moveFirst(); more; more = rows.moveNext())
      out.push_back(text_at(rows, "value"));
    return out;
  });
}

std::optional<SubmissionDetail> DeskStore::submission(const std::string& id) {
  Reader session(*this);
  return translated(file_, [&]() -> std::optional<SubmissionDetail> {
    Poco::Data::Statement select(*session);
    select << "SELECT id, sha256, processed_at, claimed_at, source, form, profile, organization,"
              " alliance_name, status, findings, figures, outputs, period_start, period_end,"
              " submitted_on FROM submissions WHERE id = ?",
        bind(id), now;
    Poco::Data::RecordSet rows(select);
    if (!rows.moveFirst()) return std::nullopt;
    SubmissionDetail detail;
    detail.row = row_of(rows);
    detail.sha256 = text_at(rows, "sha256");
    detail.claimed_at = text_at(rows, "claimed_at");
    detail.alliance_name = text_at(rows, "alliance_name");
    detail.period_start = text_at(rows, "period_start");
    detail.period_end = text_at(rows, "period_end");
    detail.submitted_on = text_at(rows, "submitted_on");
    detail.findings = findings_of(text_at(rows, "findings"));
    const auto figures =
        Poco::JSON::Parser().parse(text_at(rows, "figures")).extract<Poco::JSON::Object::Ptr>();
    for (const auto& [key, value] : *figures) detail.figures.emplace_back(key, value.toString());
    const auto outputs = json_array(text_at(rows, "outputs"));
    const std::string prefix = id + "/";
    for (unsigned i = 0; i < outputs->size(); ++i) {
      const std::string output = outputs->getElement<std::string>(i);
      if (output.rfind(prefix, 0) == 0) detail.files.push_back(output.substr(prefix.size()));
    }
    return detail;
  });
}

bool DeskStore::has_file(const std::string& id, const std::string& name) {
  const auto detail = submission(id);
  return detail &&
         std::find(detail->files.begin(), detail->files.end(), name) != detail->files.end();
}

std::vector<DecisionRow> DeskStore::decisions(const std::string& id) {
  Reader session(*this);
  return translated(file_, [&] {
    std::vector<DecisionRow> out;
    Poco::Data::Statement select(*session);
    select << "SELECT decision, note, user, at FROM decisions WHERE submission_id = ? ORDER BY id",
        bind(id), now;
    Poco::Data::RecordSet rows(select);
    for (bool more = rows.moveFirst(); more; more = rows.moveNext())
      out.push_back({text_at(rows, "decision"), text_at(rows, "note"), text_at(rows, "user"),
                     text_at(rows, "at")});
    return out;
  });
}

void DeskStore::decide(const std::string& id, const std::string& decision, const std::string& note,
                       const std::string& user, const std::string& address) {
  const std::string at = inbox::iso_utc(std::chrono::system_clock::now());
  std::lock_guard lock(mutex_);
  translated(file_, [&] {
    Poco::Data::Session& session = *session_;
    session.begin();
    try {
      session << "INSERT INTO decisions (submission_id, decision, note, user, address, at)"
                 " VALUES (?, ?, ?, ?, ?, ?)",
          bind(id), bind(decision), bind(note), bind(user), bind(address), bind(at), now;
      session << "INSERT INTO audit (at, user, address, action, detail) VALUES (?, ?, ?, ?, ?)",
          bind(at), bind(user), bind(address), bind(std::string("decision")),
          bind(id + " " + decision), now;
      session.commit();
    } catch (...) {
      if (session.isTransaction()) session.rollback();
      throw;
    }
  });
}

void DeskStore::audit(const std::string& user, const std::string& address,
                      const std::string& action, const std::string& detail) {
  const std::string at = inbox::iso_utc(std::chrono::system_clock::now());
  std::lock_guard lock(mutex_);
  translated(file_, [&] {
    *session_ << "INSERT INTO audit (at, user, address, action, detail) VALUES (?, ?, ?, ?, ?)",
        bind(at), bind(user), bind(address), bind(action), bind(detail), now;
  });
}

}  // namespace pipeline::web
