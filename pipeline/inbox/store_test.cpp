#include "pipeline/inbox/store.hpp"

#include <sys/stat.h>

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>
#include <catch2/catch.hpp>

#include "pipeline/inbox/inbox_test_support.hpp"
#include "pipeline/process/process_test_support.hpp"

using namespace pipeline;
using namespace pipeline::inbox;
using namespace pipeline::inbox::testing;

namespace {

process::Report processed(const std::string& sample_name) {
  process::Options options;
  options.as_of = *core::Date::from_ymd(2025, 11, 20);
  options.render = false;
  return process::process_path(sample(sample_name), process::testing::environment(), options)
      .report;
}

RecordTimes times() {
  return {*core::Date::from_ymd(2025, 11, 20), std::chrono::system_clock::now(),
          std::chrono::system_clock::now()};
}

}  // namespace

TEST_CASE("a recorded submission is found by its bytes, after reopening too", "[inbox][store]") {
  ScratchFolder scratch;
  const process::Report report = processed("alliance-agreement.valid.xml");
  {
    Store store(scratch / "formpipe.sqlite");
    CHECK_FALSE(store.find(report.sha256));
    store.record("token-1", report, process::report_json(report),
                 {report.id + "/report.json", report.id + "/original.xml"}, times());
  }
  Store store(scratch / "formpipe.sqlite");
  const auto found = store.find(report.sha256);
  REQUIRE(found);
  CHECK(found->id == report.id);
  CHECK(found->claim == "token-1");
  CHECK(found->source == "alliance-agreement.valid.xml");
  CHECK(found->status == std::string(process::status_name(report.status)));
  CHECK_FALSE(store.id_taken(report.id, report.sha256));
  CHECK(store.id_taken(report.id, std::string(64, '0')));
  CHECK(store.count("submissions") == 1);
}

TEST_CASE("the store keeps the alliance an agreement describes", "[inbox][store]") {
  ScratchFolder scratch;
  Store store(scratch / "formpipe.sqlite");
  const process::Report agreement = processed("alliance-agreement.valid.xml");
  const process::Report diary = processed("alliance-diary-sheet.valid.xml");
  const process::Report grant = processed("cet-grant-proposal.valid.xml");
  for (const process::Report* report : {&agreement, &diary, &grant})
    store.record("token-" + report->id, *report, process::report_json(*report), {}, times());
  const auto facts = store.alliance_facts();
  REQUIRE(facts.size() == 2);
  const AllianceFacts& signed_agreement =
      facts[0].form == "alliance-agreement" ? facts[0] : facts[1];
  CHECK(signed_agreement.profile == "miosha");
  CHECK(signed_agreement.alliance_type == "partner");
  CHECK(signed_agreement.alliance_name ==
        "MIOSHA and Michigan Tree Care and Arborist Association Alliance");
  CHECK(signed_agreement.organizations ==
        std::vector<std::string>{"Michigan Tree Care and Arborist Association"});
  CHECK(signed_agreement.signing_date->iso() == "2025-03-14");
  CHECK(signed_agreement.expiration_date->iso() == "2030-03-14");
  CHECK(signed_agreement.reporting_duties ==
        std::vector<std::string>{"quarterly-diary-sheet", "annual-report"});
  const AllianceFacts& sheet = facts[0].form == "alliance-agreement" ? facts[1] : facts[0];
  CHECK(sheet.organization == "Michigan Tree Care and Arborist Association");
  CHECK(sheet.period_end->iso() == "2025-09-30");
  CHECK(store.count("grants") == 1);
}

TEST_CASE("a duplicate is recorded once per claim", "[inbox][store]") {
  ScratchFolder scratch;
  Store store(scratch / "formpipe.sqlite");
  const auto now = std::chrono::system_clock::now();
  store.record_duplicate("token-2", std::string(64, 'a'), "copy.xml", "aaaaaaaaaaaa", now);
  store.record_duplicate("token-2", std::string(64, 'a'), "copy.xml", "aaaaaaaaaaaa", now);
  store.record_duplicate("token-3", std::string(64, 'a'), "copy 2.xml", "aaaaaaaaaaaa", now);
  CHECK(store.count("duplicates") == 2);
}

TEST_CASE("times are ISO 8601 UTC", "[inbox][store]") {
  CHECK(iso_utc(std::chrono::system_clock::time_point(std::chrono::seconds(1763919912))) ==
        "2025-11-23T17:45:12Z");
}

TEST_CASE("a group is recorded in one transaction, and a bad record keeps out no other",
          "[inbox][store]") {
  ScratchFolder scratch;
  Store store(scratch / "formpipe.sqlite");
  const process::Report agreement = processed("alliance-agreement.valid.xml");
  const process::Report grant = processed("cet-grant-proposal.valid.xml");
  const std::string agreement_json = process::report_json(agreement);
  const std::string grant_json = process::report_json(grant);
  const std::vector<std::string> outputs{agreement.id + "/report.json"};
  CHECK(store.record_all({{"token-1", &agreement, &agreement_json, &outputs, times()},
                          {"token-2", &grant, &grant_json, &outputs, times()}}) ==
        std::vector<std::string>{"", ""});
  CHECK(store.count("submissions") == 2);
  CHECK(store.count("grants") == 1);
  CHECK(store.find(grant.sha256)->claim == "token-2");

  // A group two of whose rows cannot be stored (the agreement again: its id is taken; a report
  // whose JSON cannot be read) still stores the diary sheets around them, and says why not.
  const process::Report diary = processed("alliance-diary-sheet.valid.xml");
  process::Report diary_csv = processed("alliance-diary-sheet.valid.csv");
  const std::string diary_json = process::report_json(diary);
  const std::string diary_csv_json = process::report_json(diary_csv);
  const std::string broken_json = "{\"findings\": [\"unterminated";
  process::Report broken = diary;
  broken.id = "broken";
  broken.sha256 = "broken";
  const std::vector<std::string> errors =
      store.record_all({{"token-3", &diary, &diary_json, &outputs, times()},
                        {"token-4", &agreement, &agreement_json, &outputs, times()},
                        {"token-5", &broken, &broken_json, &outputs, times()},
                        {"token-6", &diary_csv, &diary_csv_json, &outputs, times()}});
  REQUIRE(errors.size() == 4);
  CHECK(errors[0].empty());
  CHECK_THAT(errors[1], Catch::Contains("record store"));
  CHECK_THAT(errors[2], Catch::Contains("record store"));
  CHECK(errors[3].empty());
  CHECK(store.find(diary.sha256)->claim == "token-3");
  CHECK(store.find(diary_csv.sha256)->claim == "token-6");
  CHECK(store.find(agreement.sha256)->claim == "token-1");
  CHECK_FALSE(store.find("broken"));
  CHECK(store.count("submissions") == 4);
}

TEST_CASE("an issued agreement is found by its SHA-256, and executed by its signed copy",
          "[inbox][store][signing]") {
  ScratchFolder scratch;
  process::Options options;
  options.as_of = *core::Date::from_ymd(2025, 11, 20);
  const process::Report agreement = process::process_path(sample("alliance-agreement.valid.xml"),
                                                          process::testing::environment(), options)
                                        .report;
  REQUIRE(agreement.signable.size() == 1);
  CHECK(agreement.signable[0].first == "agreement.pdf");
  const std::string issued_sha = agreement.signable[0].second;
  CHECK(issued_sha.size() == 64);

  Store store(scratch / "formpipe.sqlite");
  store.record("token-a", agreement, process::report_json(agreement), {}, times());
  CHECK_FALSE(store.issued({std::string(64, 'f')}));
  const auto issued = store.issued({std::string(64, 'f'), issued_sha});
  REQUIRE(issued);
  CHECK(issued->submission_id == agreement.id);
  CHECK(issued->name == "agreement.pdf");
  CHECK(issued->form == "alliance-agreement");
  CHECK(issued->profile == "miosha");
  CHECK(issued->alliance_name == "MIOSHA and Michigan Tree Care and Arborist Association Alliance");
  auto facts = store.alliance_facts();
  REQUIRE(facts.size() == 1);
  CHECK(facts[0].issued);
  CHECK(facts[0].term_years == 5);
  CHECK_FALSE(facts[0].executed_date);

  // The signed copy coming back, every field signed: the agreement is executed on its date.
  process::Report copy;
  copy.id = "5e1f00000000";
  copy.sha256 = std::string(63, '5') + "e";
  copy.source = "agreement-signed.pdf";
  copy.form = "signed-agreement";
  copy.profile = "miosha";
  copy.status = process::Status::Accepted;
  process::SubmissionRecord record;
  record.issued_submission_id = agreement.id;
  record.issued_document = "agreement.pdf";
  record.executed_date = core::Date::from_ymd(2026, 2, 3);
  copy.record = record;
  store.record("token-s", copy, process::report_json(copy), {}, times());
  facts = store.alliance_facts();
  REQUIRE(facts.size() == 1);
  REQUIRE(facts[0].executed_date);
  CHECK(facts[0].executed_date->iso() == "2026-02-03");
}

TEST_CASE("a store made before signing gains its columns when opened", "[inbox][store]") {
  ScratchFolder scratch;
  {
    Poco::Data::SQLite::Connector::registerConnector();
    Poco::Data::Session session("SQLite", (scratch / "formpipe.sqlite").string());
    session << "CREATE TABLE alliances (submission_id TEXT PRIMARY KEY, form TEXT NOT NULL,"
               " status TEXT NOT NULL, profile TEXT, alliance_name TEXT, organization TEXT,"
               " organizations TEXT NOT NULL, alliance_type TEXT, level TEXT, action TEXT,"
               " signing_date TEXT, term_years INTEGER, expiration_date TEXT,"
               " initial_signing_date TEXT, period_start TEXT, period_end TEXT,"
               " reporting_duties TEXT NOT NULL)",
        Poco::Data::Keywords::now;
  }
  Store store(scratch / "formpipe.sqlite");
  const process::Report agreement = processed("alliance-agreement.valid.xml");
  store.record("token-a", agreement, process::report_json(agreement), {}, times());
  const auto facts = store.alliance_facts();
  REQUIRE(facts.size() == 1);
  CHECK_FALSE(facts[0].executed_date);
  CHECK_FALSE(facts[0].issued);  // rendering was off: nothing was issued to be signed
}

TEST_CASE("a store of schema version 0 is migrated to the desk's tables, its rows kept",
          "[inbox][store]") {
  ScratchFolder scratch;
  const process::Report agreement = processed("alliance-agreement.valid.xml");
  {
    Store store(scratch / "formpipe.sqlite");
    store.record("token-a", agreement, process::report_json(agreement), {}, times());
  }
  using Poco::Data::Keywords::into;
  using Poco::Data::Keywords::now;
  {  // the store as formpipe wrote it before the desk: no version, no desk tables
    Poco::Data::Session session("SQLite", (scratch / "formpipe.sqlite").string());
    for (const char* drop : {"DROP TABLE users", "DROP TABLE decisions", "DROP TABLE audit",
                             "DROP INDEX submissions_by_status", "PRAGMA user_version = 0"})
      session << drop, now;
    int version = -1;
    session << "PRAGMA user_version", into(version), now;
    REQUIRE(version == 0);
  }
  Store store(scratch / "formpipe.sqlite");
  CHECK(store.schema_version() == Store::kSchemaVersion);
  CHECK(store.count("submissions") == 1);
  CHECK(store.count("users") == 0);
  CHECK(store.count("decisions") == 0);
  CHECK(store.find(agreement.sha256));

  Poco::Data::Session session("SQLite", (scratch / "formpipe.sqlite").string());
  int indexes = 0;
  session << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = "
             "'submissions_by_status'",
      into(indexes), now;
  CHECK(indexes == 1);
  // A decision, once recorded, is neither changed nor deleted.
  session << "INSERT INTO decisions (submission_id, decision, note, user, address, at)"
             " VALUES ('" +
                 agreement.id + "', 'reviewed', '', 'ann', '127.0.0.1', 'now')",
      now;
  CHECK_THROWS(session << "DELETE FROM decisions", now);
  CHECK_THROWS(session << "UPDATE decisions SET note = 'x'", now);
  CHECK(store.count("decisions") == 1);
}

TEST_CASE("a store of a newer schema version is refused", "[inbox][store]") {
  ScratchFolder scratch;
  { Store store(scratch / "formpipe.sqlite"); }
  {
    Poco::Data::Session session("SQLite", (scratch / "formpipe.sqlite").string());
    session << "PRAGMA user_version = 99", Poco::Data::Keywords::now;
  }
  CHECK_THROWS_WITH(Store(scratch / "formpipe.sqlite"),
                    Catch::Contains("schema version 99, newer than this formpipe reads"));
}

TEST_CASE("a new store is readable by its owner and group only, whatever the umask",
          "[inbox][store]") {
  ScratchFolder scratch;
  const mode_t previous = ::umask(0);
  {
    Store store(scratch / "formpipe.sqlite");
    CHECK(store.count("submissions") == 0);
  }
  ::umask(previous);
  namespace fs = std::filesystem;
  for (const char* name : {"formpipe.sqlite", "formpipe.sqlite-wal"}) {
    if (!fs::exists(scratch / name)) continue;
    const fs::perms perms = fs::status(scratch / name).permissions();
    INFO(name);
    CHECK((perms & fs::perms::others_all) == fs::perms::none);
    CHECK((perms & fs::perms::group_write) == fs::perms::none);
  }
}
