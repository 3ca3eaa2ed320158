// Each budget rule of the GRANT family runs exactly when its own inputs are known (rules.md §1,
// I-45): a table of the rules and figures with the symbols they read (rules.md §2.3), and a
// table of inputs that are removed or mistyped in turn, each making some symbols unknown.
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

#include "pipeline/rules/grant_test_support.hpp"

using namespace pipeline;
using namespace pipeline::rules::test;
using model::Funding;
using model::GrantProposal;
using model::TableDRow;

namespace {

using Symbols = std::set<std::string>;

// G = Σ G_c and M = Σ M_c over the categories the proposal below fills.
const Symbols kG{"G1", "G7", "G8", "G9"};
const Symbols kM{"M1"};

Symbols all(std::initializer_list<Symbols> parts) {
  Symbols out;
  for (const Symbols& part : parts) out.insert(part.begin(), part.end());
  return out;
}

// A proposal that breaks every budget rule, so each rule that runs gives a finding:
// G = $100,000.00 (over the award maximum), M = $1,000.00 (under 10 %), equipment 51 %,
// contractual 21 %, other 21 %, the signature sheet asks for $1.00, and a lumped administrative
// total of $20,000.00 is over 20 % of T − L.
GrantProposal breaking_every_budget_rule() {
  GrantProposal proposal;
  proposal.location = "cet-grant-proposal";
  proposal.stage = present(model::GrantStage::Proposal);
  proposal.table_c =
      table_c({{1, "7000.00", "1000.00"}, {7, "51000.00"}, {8, "21000.00"}, {9, "21000.00"}});
  proposal.signature_sheet.emplace().total_amount_of_cet_funds_requested =
      present(money("1.00"), "r-sig");
  model::TableD& table_d = proposal.table_d.emplace();
  table_d.location = "cet-grant-proposal/table-d";
  auto& other = table_d.other.emplace(table_d_section(9, "other"));
  model::TableDLine lump = table_d_line(TableDRow::AdministrativeCosts, Funding::Grant, "20000.00");
  lump.items.push_back(present(std::string("rent")));
  other.lines.push_back(lump);
  return proposal;
}

// A rule or figure and the symbols it reads.
struct Needs {
  const char* name;
  Symbols symbols;
};

const std::vector<Needs>& rules_read() {
  static const std::vector<Needs> table{
      {"GRANT-AWARD-MAX", kG},
      {"GRANT-REQUEST-CONSISTENT", all({kG, {"R"}})},
      {"GRANT-MATCH-MIN", all({kG, kM})},
      {"GRANT-EQUIPMENT-CAP", kG},
      {"GRANT-CONTRACTUAL-CAP", kG},
      {"GRANT-OTHER-CAP", kG},
      {"GRANT-ADMIN-LUMP-CAP", all({kG, kM, {"L"}})},
  };
  return table;
}

const std::vector<Needs>& figures_read() {
  static const std::vector<Needs> table{
      {"grant-total", kG},
      {"matching-total", kM},
      {"budget-total", all({kG, kM})},
      {"matching-minimum", kG},
      {"matching-percent", all({kG, kM})},
      {"equipment-grant", {"G7"}},
      {"equipment-percent", kG},
      {"equipment-maximum", kG},
      {"contractual-grant", {"G8"}},
      {"contractual-percent", kG},
      {"contractual-maximum", kG},
      {"other-grant", {"G9"}},
      {"other-percent", kG},
      {"other-maximum", kG},
      {"award-maximum", {}},
      {"administrative-lump-total", {"L"}},
      {"remaining-expenditures", all({kG, kM, {"L"}})},
      {"administrative-lump-maximum", all({kG, kM, {"L"}})},
  };
  return table;
}

// One input made unknown: how, and the symbols that become unknown.
struct Change {
  std::string what;
  void (*apply)(GrantProposal&, bool mistyped);
  Symbols unknown;
};

// Removes (absent) or mistypes (rejected) a money field.
void unknown(core::Field<core::Money>& field, bool mistyped) {
  core::Field<core::Money> out =
      mistyped ? rejected<core::Money>("12,00", field.location) : core::Field<core::Money>{};
  out.location = field.location;
  field = out;
}

model::TableCCategory& category(GrantProposal& p, std::size_t index) {
  return p.table_c->categories.at(index);
}

const std::vector<Change>& changes() {
  static const std::vector<Change> table{
      {"category 1 grant total-funds",
       [](GrantProposal& p, bool m) { unknown(category(p, 0).grant->total_funds, m); },
       {"G1"}},
      {"category 1 matching total-funds",
       [](GrantProposal& p, bool m) { unknown(category(p, 0).matching->total_funds, m); },
       {"M1"}},
      {"category 7 grant total-funds",
       [](GrantProposal& p, bool m) { unknown(category(p, 1).grant->total_funds, m); },
       {"G7"}},
      {"category 8 grant total-funds",
       [](GrantProposal& p, bool m) { unknown(category(p, 2).grant->total_funds, m); },
       {"G8"}},
      {"category 9 grant total-funds",
       [](GrantProposal& p, bool m) { unknown(category(p, 3).grant->total_funds, m); },
       {"G9"}},
      // The money of a row of unknown category is in one of the nine: every G_c and M_c of the
      // columns it holds money in is unknown.
      {"category 1 number",
       [](GrantProposal& p, bool m) {
         core::Field<std::int64_t>& number = category(p, 0).number;
         number = m ? rejected<std::int64_t>("one", number.location) : core::Field<std::int64_t>{};
       },
       all({kG, kM})},
      {"category 7 number (grant money only)",
       [](GrantProposal& p, bool m) {
         core::Field<std::int64_t>& number = category(p, 1).number;
         number = m ? rejected<std::int64_t>("7a", number.location) : core::Field<std::int64_t>{};
       },
       kG},
      {"signature-sheet total-amount-of-cet-funds-requested",
       [](GrantProposal& p, bool m) {
         unknown(p.signature_sheet->total_amount_of_cet_funds_requested, m);
       },
       {"R"}},
      {"administrative-costs total-charged",
       [](GrantProposal& p, bool m) { unknown(p.table_d->other->lines.at(0).total_charged, m); },
       {"L"}},
  };
  return table;
}

bool independent(const Symbols& reads, const Symbols& unknown) {
  for (const std::string& symbol : reads)
    if (unknown.count(symbol) != 0) return false;
  return true;
}

}  // namespace

TEST_CASE("the base proposal breaks every budget rule and reports every figure",
          "[rules][grant][inputs]") {
  const core::Outcome outcome = check_proposal(breaking_every_budget_rule());
  for (const Needs& rule : rules_read()) {
    CAPTURE(rule.name);
    CHECK(count(outcome, rule.name) == 1);
  }
  for (const Needs& key : figures_read()) {
    CAPTURE(key.name);
    CHECK(figure(outcome, key.name) != "(absent)");
  }
}

TEST_CASE("each budget rule and figure runs exactly when its own inputs are known (I-45)",
          "[rules][grant][inputs]") {
  for (const Change& change : changes()) {
    for (const bool mistyped : {false, true}) {
      CAPTURE(change.what, mistyped);
      GrantProposal proposal = breaking_every_budget_rule();
      change.apply(proposal, mistyped);
      const core::Outcome outcome = check_proposal(proposal);
      for (const Needs& rule : rules_read()) {
        CAPTURE(rule.name);
        CHECK(count(outcome, rule.name) == (independent(rule.symbols, change.unknown) ? 1 : 0));
      }
      for (const Needs& key : figures_read()) {
        CAPTURE(key.name);
        CHECK((figure(outcome, key.name) != "(absent)") ==
              independent(key.symbols, change.unknown));
      }
      // The summary finding is always there, saying what is unknown.
      CHECK(count(outcome, "GRANT-BUDGET-TOTALS") == 1);
    }
  }
}

TEST_CASE("a missing matching amount leaves the grant-column figures and messages",
          "[rules][grant][inputs]") {
  GrantProposal proposal = breaking_every_budget_rule();
  proposal.table_c->categories.at(0).matching.reset();
  proposal.table_c->categories.at(0).matching.emplace().total_funds = core::Field<core::Money>{};
  const core::Outcome outcome = check_proposal(proposal);
  CHECK(message(outcome, "GRANT-AWARD-MAX") ==
        "The grant requested, $100,000.00, exceeds the maximum award of $85,000.00 by "
        "$15,000.00.");
  CHECK(figure(outcome, "equipment-percent") == "51.00");
  CHECK(figure(outcome, "contractual-maximum") == "20000.00");
  CHECK(figure(outcome, "matching-total") == "(absent)");
  CHECK(message(outcome, "GRANT-BUDGET-TOTALS") ==
        "Grant $100,000.00, matching unknown, total budget unknown.");
}

TEST_CASE("Table D is compared with Table C category by category when one cell is unknown",
          "[rules][grant][inputs]") {
  GrantProposal proposal = breaking_every_budget_rule();
  // Table D's category 9 grant lines add to $20,000.00, Table C says $21,000.00.
  CHECK(count(check_proposal(proposal), "TABLED-MATCHES-TABLEC") >= 1);
  unknown(proposal.table_c->categories.at(1).grant->total_funds, true);  // G_7 unknown
  const core::Outcome outcome = check_proposal(proposal);
  CHECK(message(outcome, "TABLED-MATCHES-TABLEC").rfind("Category 1 grant", 0) == 0);
  bool category_9 = false;
  for (const core::Finding& finding : outcome.findings)
    category_9 = category_9 || finding.message.rfind("Category 9 grant:", 0) == 0;
  CHECK(category_9);
}

TEST_CASE("the performance measures are read each on its own (I-11, I-45)",
          "[rules][grant][inputs]") {
  const auto performance = [](const char* location) {
    model::Performance p;
    p.location = location;
    p.people_trained = present<std::int64_t>(300);
    p.person_hours = present(quantity("900"));
    return p;
  };
  GrantProposal proposal;
  proposal.location = "cet-grant-proposal";
  proposal.stage = present(model::GrantStage::Closeout);
  proposal.table_c = table_c({{1, "60000.00", "6000.00"}});
  proposal.performance_objectives = performance("objectives");
  proposal.performance_outcome = performance("outcome");
  proposal.performance_objectives->person_hours = rejected<core::Quantity>("900h");
  const core::Outcome outcome = check_proposal(proposal);
  // PERF-OBJECTIVES reports the measure it knows; the §108 count needs both.
  CHECK(figure(outcome, "objective-people-trained") == "300");
  CHECK(figure(outcome, "objective-person-hours") == "(absent)");
  CHECK(figure(outcome, "objective-count") == "(absent)");
  CHECK(message(outcome, "PERF-OBJECTIVES") ==
        "Minimum performance: 300 people trained and unknown person-hours (count unknown).");
  CHECK(count(outcome, "PERF-AWARD-REDUCTION") == 0);
}
