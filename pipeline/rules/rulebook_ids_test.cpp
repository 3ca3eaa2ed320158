// The rulebook tables carry their rule IDs as data: the GRANT family's rows and the AGREEMENT
// rulebook's rows name each ID of their section of the catalogue once, in catalogue order.
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/rules/rulebooks.hpp"

using namespace pipeline;

namespace {

// rules.md §4.2, every entry in catalogue order.
const std::vector<std::string_view> kGrantCatalogue = {
    "GRANT-AWARD-MAX",
    "GRANT-AWARD-MAX-REVISION",
    "GRANT-REQUEST-CONSISTENT",
    "GRANT-MATCH-MIN",
    "GRANT-EQUIPMENT-CAP",
    "GRANT-CONTRACTUAL-CAP",
    "GRANT-CONTRACTUAL-CAP-APPROVED",
    "GRANT-OTHER-CAP",
    "GRANT-ADMIN-LUMP-CAP",
    "GRANT-ADMIN-LUMP-ITEMS",
    "GRANT-INDIRECT-BROKEN-OUT",
    "GRANT-PARTS-COMPLETE",
    "GRANT-NARRATIVE-SECTIONS",
    "GRANT-DESIGN-SUBSECTIONS",
    "GRANT-SUMMARY-LENGTH",
    "GRANT-SIGNATURE-SHEET",
    "GRANT-AFFILIATION",
    "GRANT-KEY-ADMINISTRATOR",
    "GRANT-KEY-RESUMES",
    "GRANT-BASE-SALARY",
    "GRANT-ADVISORY-COMMITTEE",
    "GRANT-NONPROFIT",
    "GRANT-NONPROFIT-EVIDENCE-INFO",
    "GRANT-EVALUATION-COMMITMENT",
    "GRANT-IMMEDIATE-START-EVIDENCE",
    "GRANT-DEADLINE",
    "GRANT-ACTIVITY-EMPHASIS",
    "GRANT-APPLICANT-CATEGORY-INFO",
    "GRANT-CONSECUTIVE-CYCLES",
    "GRANT-PARALLEL-DISCLOSURE",
    "GRANT-PROGRAM-INCOME-APPLIED",
    "GRANT-FEE-APPROVAL",
    "GRANT-FEE-KEY-PERSONNEL",
    "GRANT-FEE-PURPOSE",
    "GRANT-LOST-TIME-WAGES",
    "GRANT-PROHIBITED-USE",
    "GRANT-EQUIPMENT-PRIOR-APPROVAL",
    "GRANT-EQUIPMENT-BIDS",
    "GRANT-PRIORITY-AUDIENCE",
    "GRANT-BUDGET-TOTALS",
};

// rules.md §4.15, every entry in catalogue order.
const std::vector<std::string_view> kAgreementCatalogue = {
    "AGREEMENT-DURATION",
    "AGREEMENT-EXPIRATION",
    "AGREEMENT-RENEWAL-HISTORY",
    "AGREEMENT-DATES-ORDER",
    "AGREEMENT-RENEWAL-CONTACT",
    "AGREEMENT-RENEWAL-CONTACT-BY",
    "AGREEMENT-MEETINGS",
    "AGREEMENT-KICKOFF",
    "AGREEMENT-OSHA-DEADLINES",
    "AGREEMENT-OSHA-INTERIM",
    "AGREEMENT-OSHA-SECOND-RENEWAL",
    "AGREEMENT-AMBASSADOR",
    "AGREEMENT-AMBASSADOR-NO-RENEWAL",
    "AGREEMENT-AMBASSADOR-EARLY",
    "AGREEMENT-GOALS-PRESENT",
    "AGREEMENT-MEASURABLE-OBJECTIVES",
    "AGREEMENT-MEASURABLE-OBJECTIVES-ADVISORY",
    "AGREEMENT-SHP-OBJECTIVE",
    "AGREEMENT-NO-ENFORCEMENT",
    "AGREEMENT-ENFORCEMENT-REVIEW",
    "AGREEMENT-NO-ENDORSEMENT",
    "AGREEMENT-NO-STANDARDS-INFLUENCE",
    "AGREEMENT-TERMINATION-NOTICE",
    "AGREEMENT-WORKER-REP",
    "AGREEMENT-WORKER-REP-OSHA",
    "AGREEMENT-ORG-TYPE",
    "AGREEMENT-FOR-PROFIT",
    "AGREEMENT-CONSULATE",
    "AGREEMENT-TRIBE-APPROVAL",
    "AGREEMENT-OSHA-CLEARANCES",
    "AGREEMENT-OSHA-DCSP-APPROVAL",
    "AGREEMENT-FEDERAL-AGENCY",
    "AGREEMENT-ORG-SIGNATORY",
    "AGREEMENT-AGENCY-SIGNATORY",
    "AGREEMENT-ENTITY-CHECK",
    "AGREEMENT-POINT-OF-CONTACT",
    "AGREEMENT-OSHA-WEBPAGE",
    "AGREEMENT-WORK-PLAN",
    "AGREEMENT-STATE-CRITERIA-REQUIRED",
    "AGREEMENT-HAZARDS-REVIEW",
    "AGREEMENT-TARGET-WORKFORCE",
    "AGREEMENT-MIOSHA-DIVISION-MISSING",
};

std::vector<std::string> as_strings(const std::vector<std::string_view>& ids) {
  return {ids.begin(), ids.end()};
}

}  // namespace

TEST_CASE("the GRANT rulebook's rows name each ID of rules.md §4.2 once, in catalogue order",
          "[rules][rulebook]") {
  const std::vector<std::string_view> ids = rules::grant_rule_ids();
  CHECK(std::set<std::string_view>(ids.begin(), ids.end()).size() == ids.size());
  CHECK(as_strings(ids) == as_strings(kGrantCatalogue));
}

TEST_CASE("the AGREEMENT rulebook's rows name each ID of rules.md §4.15 once, in catalogue order",
          "[rules][rulebook]") {
  const std::vector<std::string_view> ids = rules::agreement_rule_ids();
  CHECK(std::set<std::string_view>(ids.begin(), ids.end()).size() == ids.size());
  CHECK(as_strings(ids) == as_strings(kAgreementCatalogue));
}
