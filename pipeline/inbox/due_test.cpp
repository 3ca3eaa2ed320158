#include "pipeline/inbox/due.hpp"

#include <catch2/catch.hpp>

#include <map>

#include "pipeline/ingest/alliance_profile_loader.hpp"

using namespace pipeline;
using namespace pipeline::inbox;

namespace {

core::Date date(const char* iso) {
  return *core::parse_date(iso);
}

const model::AllianceProfile* profile(const std::string& name) {
  static std::map<std::string, model::AllianceProfile> loaded;
  auto it = loaded.find(name);
  if (it == loaded.end())
    it = loaded
             .emplace(name, ingest::load_alliance_profile(
                                std::filesystem::path(FORMPIPE_SOURCE_DIR) / "forms", name))
             .first;
  return &it->second;
}

AllianceFacts agreement(const std::string& id, const std::string& profile_name,
                        const std::string& type, const char* signed_on, const char* expires,
                        std::vector<std::string> duties) {
  AllianceFacts facts;
  facts.submission_id = id;
  facts.form = "alliance-agreement";
  facts.status = "accepted";
  facts.profile = profile_name;
  facts.alliance_type = type;
  facts.organizations = {"Michigan Tree Care and Arborist Association"};
  facts.signing_date = date(signed_on);
  facts.expiration_date = date(expires);
  facts.reporting_duties = std::move(duties);
  return facts;
}

AllianceFacts report(const std::string& id, const std::string& form, const char* start,
                     const char* end, const std::string& status = "accepted") {
  AllianceFacts facts;
  facts.submission_id = id;
  facts.form = form;
  facts.status = status;
  facts.profile = "miosha";
  facts.organization = "MICHIGAN TREE CARE AND ARBORIST ASSOCIATION";  // matched when folded
  facts.period_start = date(start);
  facts.period_end = date(end);
  return facts;
}

std::vector<std::string> lines(const AllianceDue& due) {
  std::vector<std::string> out;
  for (const DueItem& item : due.items)
    out.push_back(item.report + " " + item.label + " " + item.period_start.iso() + " " +
                  (item.due_date ? item.due_date->iso() : "-") + " " +
                  std::string(due_status_name(item.status)) +
                  (item.submission_id.empty() ? "" : " " + item.submission_id));
  return out;
}

}  // namespace

TEST_CASE("a MIOSHA Partner owes a diary sheet a quarter and an annual report a year",
          "[inbox][due]") {
  const std::vector<AllianceFacts> facts{
      agreement("a1", "miosha", "partner", "2025-03-14", "2030-03-14",
                {"quarterly-diary-sheet", "annual-report"}),
      report("d2", "alliance-diary-sheet", "2025-04-01", "2025-06-30", "rejected"),
      report("d3", "alliance-diary-sheet", "2025-07-01", "2025-09-30"),
  };
  const DueList list = compute_due(facts, date("2025-11-20"), profile);
  REQUIRE(list.alliances.size() == 1);
  const AllianceDue& due = list.alliances[0];
  CHECK(due.name == "Michigan Tree Care and Arborist Association");
  CHECK(due.agreement_id == "a1");
  CHECK_FALSE(due.renewal_contact);
  // 2025-03-31 is a Monday, 2025-06-30 a Monday, 2025-12-31 a Wednesday (I-13); 1 January 2026
  // is a Thursday (I-14). The first quarter counts from the signing.
  CHECK(lines(due) == std::vector<std::string>{
                          "diary-sheet 2025 Q1 2025-03-14 2025-04-04 overdue",
                          "diary-sheet 2025 Q2 2025-04-01 2025-07-04 rejected d2",
                          "diary-sheet 2025 Q3 2025-07-01 2025-10-03 received d3",
                          "diary-sheet 2025 Q4 2025-10-01 2026-01-02 upcoming",
                          "annual-report 2025 2025-03-14 2026-01-02 upcoming",
                      });
}

TEST_CASE("an OSHA national alliance owes biannual reports 15 days after each half",
          "[inbox][due]") {
  AllianceFacts osha =
      agreement("o1", "osha", "standard", "2025-02-18", "2027-02-18", {"biannual-data-report"});
  osha.alliance_name = "OSHA and Coalition for Safe Tower Climbing Alliance";
  osha.level = "national";
  AllianceFacts received = report("r1", "alliance-diary-sheet", "2025-04-01", "2025-09-30");
  received.profile = "osha";
  received.organization.clear();
  received.alliance_name = "OSHA and Coalition for Safe Tower Climbing Alliance";
  const DueList list = compute_due({osha, received}, date("2025-10-10"), profile);
  REQUIRE(list.alliances.size() == 1);
  CHECK(lines(list.alliances[0]) ==
        std::vector<std::string>{
            "biannual-data-report 2024-10 to 2025-03 2025-02-18 2025-04-15 overdue",
            "biannual-data-report 2025-04 to 2025-09 2025-04-01 2025-10-15 received r1",
            "biannual-data-report 2025-10 to 2026-03 2025-10-01 2026-04-15 upcoming",
        });
}

TEST_CASE("an agreement expiring within 60 days needs renewal contact", "[inbox][due]") {
  const std::vector<AllianceFacts> facts{
      agreement("m1", "miosha", "affiliative", "2020-12-01", "2025-12-01", {"annual-report"}),
      agreement("i1", "iowa", "standard", "2024-01-10", "2026-01-10", {"annual-report"}),
      agreement("c1", "calosha", "standard", "2025-05-08", "2028-05-08", {"annual-report"}),
  };
  std::vector<AllianceFacts> named = facts;
  named[0].alliance_name = "A";
  named[1].alliance_name = "B";
  named[2].alliance_name = "C";
  const DueList list = compute_due(named, date("2025-11-20"), profile);
  REQUIRE(list.alliances.size() == 3);
  CHECK(list.alliances[0].renewal_contact);
  CHECK(list.alliances[0].renewal_contact_by->iso() == "2025-10-02");  // §XVII.A
  CHECK(list.alliances[1].renewal_contact);                            // 51 days
  CHECK_FALSE(list.alliances[1].renewal_contact_by);  // Iowa sets no contact period
  CHECK_FALSE(list.alliances[2].renewal_contact);
  // Affiliative and state annual reports have no due date: owed, never overdue.
  const DueItem& last = list.alliances[0].items.at(4);
  CHECK(last.label == "2024");
  CHECK_FALSE(last.due_date);
  CHECK(last.status == DueStatus::Due);
  CHECK_THAT(due_table(list), Catch::Contains("renewal contact was due by 2025-10-02") &&
                                  Catch::Contains("2 agreements expiring within 60 days"));
}

TEST_CASE("only accepted agreements signed by the as-of date count; the latest gives the term",
          "[inbox][due]") {
  AllianceFacts draft =
      agreement("x1", "miosha", "partner", "2025-01-01", "2030-01-01", {"quarterly-diary-sheet"});
  draft.signing_date.reset();
  AllianceFacts rejected =
      agreement("x2", "miosha", "partner", "2025-01-01", "2030-01-01", {"quarterly-diary-sheet"});
  rejected.status = "rejected";
  rejected.organizations = {"Other"};
  AllianceFacts first =
      agreement("x3", "miosha", "partner", "2020-07-01", "2025-07-01", {"quarterly-diary-sheet"});
  AllianceFacts renewal =
      agreement("x4", "miosha", "partner", "2025-06-20", "2030-06-20", {"quarterly-diary-sheet"});
  AllianceFacts future = agreement("x5", "miosha", "partner", "2026-01-01", "2031-01-01", {});
  future.organizations = {"Later"};
  const DueList list =
      compute_due({draft, rejected, first, renewal, future}, date("2020-12-15"), profile);
  REQUIRE(list.alliances.size() == 1);
  CHECK(list.alliances[0].agreement_id == "x3");
  const DueList later = compute_due({first, renewal}, date("2025-08-01"), profile);
  REQUIRE(later.alliances.size() == 1);
  CHECK(later.alliances[0].agreement_id == "x4");
  CHECK(later.alliances[0].first_signing_date.iso() == "2020-07-01");
  CHECK(later.alliances[0].items.size() == 21);  // 2020 Q3 to 2025 Q3
  const DueList expired = compute_due({first}, date("2025-08-01"), profile);
  CHECK(expired.alliances.at(0).expired);
  CHECK(expired.alliances.at(0).items.back().label == "2025 Q2");
}

TEST_CASE("due lists print as JSON with every period", "[inbox][due]") {
  const DueList list = compute_due(
      {agreement("a1", "miosha", "partner", "2025-03-14", "2030-03-14", {"quarterly-diary-sheet"})},
      date("2025-04-10"), profile);
  const std::string json = due_json(list);
  CHECK_THAT(json, Catch::Contains("\"as-of\": \"2025-04-10\"") &&
                       Catch::Contains("\"status\": \"overdue\"") &&
                       Catch::Contains("\"due-date\": \"2025-04-04\"") &&
                       Catch::Contains("\"overdue\": 1"));
}

TEST_CASE("an executed agreement counts its term, reports and renewal from the executed date",
          "[inbox][due][signing]") {
  AllianceFacts issued = agreement("a1", "miosha", "partner", "2025-03-14", "2030-03-14",
                                   {"quarterly-diary-sheet", "annual-report"});
  issued.issued = true;
  issued.term_years = 5;
  SECTION("awaiting signatures: the signing date the agreement names") {
    const DueList list = compute_due({issued}, date("2025-11-20"), profile);
    REQUIRE(list.alliances.size() == 1);
    const AllianceDue& due = list.alliances[0];
    CHECK(due.signatures == "awaiting signatures");
    CHECK(due.signing_date == date("2025-03-14"));
    CHECK(due.items.front().label == "2025 Q1");
    CHECK(due_table(list).find("(awaiting signatures)") != std::string::npos);
    CHECK(due_json(list).find("\"signatures\": \"awaiting signatures\"") != std::string::npos);
  }
  SECTION("executed: the executed date, and the expiration five years after it") {
    issued.executed_date = date("2025-08-05");
    const DueList list = compute_due({issued}, date("2025-11-20"), profile);
    REQUIRE(list.alliances.size() == 1);
    const AllianceDue& due = list.alliances[0];
    CHECK(due.signatures == "executed");
    CHECK(due.signing_date == date("2025-08-05"));
    CHECK(due.first_signing_date == date("2025-08-05"));
    REQUIRE(due.expiration_date);
    CHECK(*due.expiration_date == date("2030-08-05"));
    // The first quarter owed is the one the executed date falls in.
    CHECK(due.items.front().label == "2025 Q3");
    CHECK(due.items.front().period_start == date("2025-08-05"));
    CHECK(due_table(list).find("executed 2025-08-05") != std::string::npos);
  }
  SECTION("executed after as-of: nothing is owed yet") {
    issued.executed_date = date("2025-12-01");
    CHECK(compute_due({issued}, date("2025-11-20"), profile).alliances.empty());
  }
}
