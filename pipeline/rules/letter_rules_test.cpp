// LETTER rules (rules.md §4.16) at their boundaries, on letter requests read from XML by ingest.
#include <catch2/catch.hpp>

#include <string>

#include "pipeline/core/data_dir.hpp"
#include "pipeline/ingest/alliance_profile_loader.hpp"
#include "pipeline/ingest/ingest.hpp"
#include "pipeline/rules/rules.hpp"

using namespace pipeline;

namespace {

struct Checked {
  std::vector<core::Finding> findings;  // ingest's, then the rules'

  std::size_t count(std::string_view rule) const {
    std::size_t n = 0;
    for (const auto& finding : findings)
      if (finding.rule == rule) ++n;
    return n;
  }
  const core::Finding& only(std::string_view rule) const {
    REQUIRE(count(rule) == 1);
    for (const auto& finding : findings)
      if (finding.rule == rule) return finding;
    throw std::logic_error("unreachable");
  }
};

Checked check(const std::string& xml) {
  static const model::AllianceProfile miosha =
      ingest::load_alliance_profile(core::data_dir() / "forms", "miosha");
  auto ingested = ingest::ingest_xml(xml, "test.xml", ingest::Options{});
  REQUIRE(ingested.submission);
  rules::Context context;
  context.as_of = *core::Date::from_ymd(2025, 12, 1);
  context.alliance = &miosha;
  core::Outcome outcome;
  rules::check(*ingested.submission, context, outcome);
  Checked checked{ingested.findings};
  for (auto& finding : outcome.findings) checked.findings.push_back(std::move(finding));
  return checked;
}

std::string with(std::string xml, const std::string& from, const std::string& to) {
  const auto at = xml.find(from);
  REQUIRE(at != std::string::npos);
  return xml.replace(at, from.size(), to);
}

const std::string kAddressee = R"(<addressee>
    <courtesy-title>Mr.</courtesy-title>
    <name>Dale Lindström</name>
    <title>President</title>
    <organization-name>Snowplow Operators Guild</organization-name>
    <address>1220 South Otsego Avenue</address>
    <city>Gaylord</city>
    <state>MI</state>
    <zip-code>49735</zip-code>
  </addressee>)";

const std::string kDeclination = R"(<declination-letter profile="miosha">
  <letter-date>2025-02-10</letter-date>
  )" + kAddressee + R"(
  <request-received-date>2025-01-15</request-received-date>
  <reason code="agency-resources"/>
  <reason code="similar-alliance">an existing alliance covers it</reason>
</declination-letter>)";

const std::string kExpiration =
    R"(<expiration-termination-letter profile="miosha" ending="expiration">
  <letter-date>2025-06-20</letter-date>
  )" +
    kAddressee + R"(
  <agreement-signed-date>2020-06-15</agreement-signed-date>
  <term-years>5</term-years>
  <expiration-date>2025-06-15</expiration-date>
</expiration-termination-letter>)";

const std::string kTermination =
    R"(<expiration-termination-letter profile="miosha" ending="termination">
  <letter-date>2025-08-01</letter-date>
  )" +
    kAddressee + R"(
  <agreement-signed-date>2022-09-01</agreement-signed-date>
  <termination-reason code="failure-to-fulfill"/>
  <effective-date>2025-08-31</effective-date>
</expiration-termination-letter>)";

}  // namespace

TEST_CASE("complete letter requests pass every letter rule", "[rules][letter]") {
  for (const std::string& xml : {kDeclination, kExpiration, kTermination}) {
    CAPTURE(xml);
    CHECK(check(xml).findings.empty());
  }
}

TEST_CASE("LETTER-FIELDS: one finding per missing field, the addressee once when it is missing",
          "[rules][letter]") {
  const auto no_zip = check(with(kDeclination, "<zip-code>49735</zip-code>", ""));
  CHECK(no_zip.only("LETTER-FIELDS").message ==
        "The letter request has no \"addressee/zip-code\".");
  CHECK(no_zip.only("LETTER-FIELDS").location == "declination-letter/addressee/zip-code");
  CHECK(no_zip.only("LETTER-FIELDS").severity == core::Severity::Error);
  const auto no_addressee = check(with(kDeclination, kAddressee, ""));
  CHECK(no_addressee.only("LETTER-FIELDS").message == "The letter request has no \"addressee\".");
  // The courtesy title is optional.
  CHECK(check(with(kDeclination, "<courtesy-title>Mr.</courtesy-title>", "")).findings.empty());
  const auto no_reason =
      check(with(with(kDeclination, "<reason code=\"agency-resources\"/>", ""),
                 "<reason code=\"similar-alliance\">an existing alliance covers it</reason>", ""));
  CHECK(no_reason.only("LETTER-FIELDS").message == "The letter request has no \"reason\".");
  const auto bare = check(R"(<declination-letter profile="miosha"/>)");
  CHECK(bare.count("LETTER-FIELDS") == 4);
  // An expiration needs its two dates; a termination does not.
  const auto expiration =
      check(with(with(kExpiration, "<agreement-signed-date>2020-06-15</agreement-signed-date>", ""),
                 "<expiration-date>2025-06-15</expiration-date>", ""));
  CHECK(expiration.count("LETTER-FIELDS") == 2);
  CHECK(check(with(kTermination, "<agreement-signed-date>2022-09-01</agreement-signed-date>", ""))
            .findings.empty());
}

TEST_CASE("LETTER-MICHIGAN: the templates address Michigan organizations", "[rules][letter]") {
  const auto ohio = check(with(kExpiration, "<state>MI</state>", "<state>OH</state>"));
  CHECK(ohio.only("LETTER-MICHIGAN").message ==
        "The letter is addressed to OH; the MIOSHA templates address Michigan organizations.");
  CHECK(ohio.only("LETTER-MICHIGAN").severity == core::Severity::Warning);
}

TEST_CASE("LETTER-DECLINE-REASON and LETTER-DECLINE-DATES", "[rules][letter]") {
  const auto other = check(with(kDeclination, "<reason code=\"agency-resources\"/>",
                                "<reason code=\"other\">no members in Michigan</reason>"));
  CHECK(other.only("LETTER-DECLINE-REASON").message ==
        "Reason \"no members in Michigan\" is not one of the reasons §XIV.H gives for declining; "
        "review it.");
  CHECK(other.only("LETTER-DECLINE-REASON").location == "declination-letter/reason[1]");
  CHECK(check(with(kDeclination, "2025-01-15", "2025-02-10")).count("LETTER-DECLINE-DATES") == 0);
  const auto late = check(with(kDeclination, "2025-01-15", "2025-02-11"));
  CHECK(late.only("LETTER-DECLINE-DATES").message ==
        "The request is dated as received 2025-02-11, after the letter's date 2025-02-10.");
}

TEST_CASE("LETTER-EXPIRATION-DATES: signed before it expired, expired by the letter's date",
          "[rules][letter]") {
  // Expiring on the letter's date passes; a day later does not.
  const std::string same_day =
      with(kExpiration, "<letter-date>2025-06-20", "<letter-date>2025-06-15");
  CHECK(check(same_day).count("LETTER-EXPIRATION-DATES") == 0);
  const auto early = check(with(kExpiration, "<letter-date>2025-06-20", "<letter-date>2025-06-14"));
  CHECK(early.only("LETTER-EXPIRATION-DATES").message ==
        "An expiration letter dated 2025-06-14 cannot report an agreement signed 2020-06-15 as "
        "expired on 2025-06-15.");
  const auto backwards =
      check(with(with(kExpiration, "<term-years>5</term-years>", ""),
                 "<agreement-signed-date>2020-06-15", "<agreement-signed-date>2025-06-15"));
  CHECK(backwards.count("LETTER-EXPIRATION-DATES") == 1);
  // Only expirations.
  CHECK(check(with(kTermination, "</agreement-signed-date>",
                   "</agreement-signed-date><expiration-date>2030-01-01</expiration-date>"))
            .count("LETTER-EXPIRATION-DATES") == 0);
}

TEST_CASE("LETTER-EXPIRATION-TERM: the expiration is the anniversary after the term",
          "[rules][letter]") {
  const auto three = check(with(kExpiration, "<term-years>5<", "<term-years>3<"));
  CHECK(three.only("LETTER-EXPIRATION-TERM").message ==
        "A 3-year agreement signed 2020-06-15 expires 2023-06-15, not 2025-06-15.");
  CHECK(three.only("LETTER-EXPIRATION-TERM").severity == core::Severity::Warning);
  // 29 February: a five-year agreement expires on 28 February.
  std::string leap = with(kExpiration, "2020-06-15", "2020-02-29");
  leap = with(leap, "<expiration-date>2025-06-15", "<expiration-date>2025-02-28");
  CHECK(check(leap).findings.empty());
  CHECK(check(with(leap, "<expiration-date>2025-02-28", "<expiration-date>2025-03-01"))
            .count("LETTER-EXPIRATION-TERM") == 1);
  CHECK(check(with(kExpiration, "<term-years>5</term-years>", "")).findings.empty());
}

TEST_CASE("LETTER-TERMINATION-REASON and -OTHER", "[rules][letter]") {
  const auto none =
      check(with(kTermination, "<termination-reason code=\"failure-to-fulfill\"/>", ""));
  CHECK(none.only("LETTER-TERMINATION-REASON").location ==
        "expiration-termination-letter/termination-reason");
  // An unknown code is reported once (by ingest, under the same rule).
  CHECK(check(with(kTermination, "failure-to-fulfill", "nonpayment"))
            .count("LETTER-TERMINATION-REASON") == 1);
  const auto other =
      check(with(kTermination, "<termination-reason code=\"failure-to-fulfill\"/>",
                 "<termination-reason code=\"other\">the member dissolved</termination-reason>"));
  CHECK(other.count("LETTER-TERMINATION-REASON") == 0);
  CHECK(other.only("LETTER-TERMINATION-REASON-OTHER").message ==
        "Reason \"the member dissolved\" is not one of the reasons §XVIII lists; review it.");
  CHECK(check(kExpiration).count("LETTER-TERMINATION-REASON") == 0);
}

TEST_CASE("LETTER-TERMINATED-BY, TERMINATION-NOTICE and TERMINATION-DATES", "[rules][letter]") {
  const auto member = check(with(kTermination, "<effective-date>",
                                 "<terminated-by>member</terminated-by><effective-date>"));
  CHECK(member.only("LETTER-TERMINATED-BY").severity == core::Severity::Warning);
  CHECK(check(with(kTermination, "<effective-date>",
                   "<terminated-by>miosha</terminated-by><effective-date>"))
            .findings.empty());
  // Letter 2025-08-01: effective 2025-08-31 (30 days) passes, 2025-08-30 does not.
  const auto short_notice = check(with(kTermination, "2025-08-31", "2025-08-30"));
  CHECK(short_notice.only("LETTER-TERMINATION-NOTICE").message ==
        "The termination takes effect 2025-08-30, 29 days after the letter; the agreement provides "
        "30 days' written notice.");
  CHECK(check(with(kTermination, "<effective-date>2025-08-31</effective-date>", ""))
            .findings.empty());
  CHECK(check(with(kTermination, "2022-09-01", "2025-08-01")).count("LETTER-TERMINATION-DATES") ==
        0);
  const auto after = check(with(kTermination, "2022-09-01", "2025-08-02"));
  CHECK(after.only("LETTER-TERMINATION-DATES").message ==
        "The agreement's signing date 2025-08-02 is after the letter's date 2025-08-01.");
}
