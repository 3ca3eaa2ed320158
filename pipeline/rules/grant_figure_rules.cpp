// The GRANT family (rules.md §4.2), computed figures: the priority audience and the budget
// totals every cap is judged on.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pipeline/rules/grant_rules.hpp"

namespace pipeline::rules::grant {

namespace {

// rules.md §2.6: CET RFP FY2004-05 Appendix B (2002), with the misprints of I-35 corrected.
struct HazardRank {
  std::string_view naics;
  std::string_view rank;
};
constexpr HazardRank kHazardRanking[] = {
    {"485", "1"},    {"326", "2"},    {"481", "3"},    {"315", "4.5"},   {"321", "4.5"},
    {"337", "5"},    {"331", "6"},    {"311", "7"},    {"332", "8"},     {"424", "9"},
    {"336", "10.5"}, {"484", "10.5"}, {"335", "11.3"}, {"237", "11.3"},  {"327", "11.3"},
    {"452", "12"},   {"8114", "13"},  {"322", "14.5"}, {"333", "14.5"},  {"62", "15.5"},
    {"236", "15.5"}, {"721", "16"},   {"339", "17"},   {"1151", "18.3"}, {"1152", "18.3"},
    {"238", "18.3"}, {"323", "18.3"}, {"221", "19"},   {"531", "20"},    {"444", "21.3"},
    {"445", "21.3"}, {"624", "21.3"}, {"423", "22"},
};

inline constexpr core::RuleRef kPriorityAudience{
    "GRANT-PRIORITY-AUDIENCE", core::Severity::Info,
    "CET RFP FY2004-05 §I-4 (preference for Appendix B audiences, establishments under 100 "
    "employees); §I-3; §II-2b.2.A; §I-2 objective 2; App B"};

// The Appendix B entry whose code is the longest prefix of `naics`, if any (rules.md §2.6).
const HazardRank* hazard_rank(std::string_view naics) {
  const HazardRank* best = nullptr;
  for (const HazardRank& entry : kHazardRanking) {
    if (naics.substr(0, entry.naics.size()) != entry.naics) continue;
    if (best == nullptr || entry.naics.size() > best->naics.size()) best = &entry;
  }
  return best;
}

// The audience's industries on the hazard ranking list, whom it serves and its size.
void priority_audience_figures(const Grant& g, Outcome& outcome) {
  if (!g.proposal.target_audience) return;
  const model::TargetAudience& audience = *g.proposal.target_audience;
  std::vector<model::PriorityIndustry> industries;
  std::string matches;
  for (const Field<std::string>& naics : audience.naics) {
    if (!naics.present()) continue;
    const HazardRank* rank = hazard_rank(*naics);
    if (rank == nullptr) continue;
    industries.push_back({*naics, std::string(rank->rank)});
    matches += (matches.empty() ? "" : ", ") + *naics + " (rank " + std::string(rank->rank) + ")";
  }
  if (!audience.naics.empty()) g.figures.priority_industries = std::move(industries);
  std::string serves = "not stated";
  if (audience.serves.present()) {
    serves = *audience.serves;
    g.figures.serves = serves;
  }
  std::string small = "not stated";
  if (audience.small_establishments.present()) {
    small = *audience.small_establishments ? "yes" : "no";
    g.figures.small_establishments = *audience.small_establishments;
  }
  outcome.add(kPriorityAudience,
              "Audience industries on the hazard ranking list: " +
                  (matches.empty() ? std::string("none") : matches) + "; serves " + serves +
                  "; mainly small establishments: " + small + ".",
              audience.location);
}

inline constexpr core::RuleRef kBudgetTotals{"GRANT-BUDGET-TOTALS", core::Severity::Info,
                                             "CET RFP FY2004-05 §I-3, §I-6, App C"};

// The budget figures every cap is judged on, each when its own amounts are known (I-45): an
// unknown matching amount leaves the grant figures and the caps' maxima, an unknown grant amount
// the matching total. A share is there only when its whole is not zero.
void budget_totals(const Grant& g, Outcome& outcome) {
  if (!g.amounts) return;
  const GrantParameters& parameters = g.parameters;
  const std::optional<Money> grant = g.grant_total();
  const std::optional<Money> matching = g.matching_total();
  const std::optional<Money> budget = g.budget_total();
  model::GrantFigures& figures = g.figures;
  figures.grant_total = grant;
  figures.matching_total = matching;
  figures.budget_total = budget;
  if (grant) figures.matching_minimum = share_minimum(*grant, parameters.matching_minimum_percent);
  if (grant && matching) figures.matching_percent = core::percent_of(matching->units, grant->units);
  struct Capped {
    model::CapFigures& figures;
    int category;
    core::Percent cap;
  };
  const Capped capped[] = {{figures.equipment, 7, parameters.equipment_cap_percent},
                           {figures.contractual, 8, parameters.contractual_cap_percent},
                           {figures.other, 9, parameters.other_cap_percent}};
  for (const Capped& c : capped) {
    const std::optional<Money> part = g.grant_at(c.category);
    c.figures.grant = part;
    if (part && grant) c.figures.percent = core::percent_of(part->units, grant->units);
    if (grant) c.figures.maximum = share_maximum(*grant, c.cap);
  }
  figures.award_maximum = parameters.award_maximum;
  if (const std::optional<Money> lump = lumped_administrative_costs(g.proposal)) {
    figures.administrative_lump_total = *lump;
    if (budget) {
      const Money remaining = *budget - *lump;
      figures.remaining_expenditures = remaining;
      figures.administrative_lump_maximum =
          share_maximum(remaining, parameters.administrative_lump_cap_percent);
    }
  }
  if (g.proposal.program_income && !g.proposal.program_income->fees.empty())
    figures.program_income_total = program_income_total(*g.proposal.program_income);
  const auto shown = [](const std::optional<Money>& value) {
    return value ? money_text(*value) : std::string("unknown");
  };
  const std::optional<std::string> percent =
      grant && matching ? core::percent_figure(matching->units, grant->units) : std::nullopt;
  outcome.add(kBudgetTotals,
              "Grant " + shown(grant) + ", matching " + shown(matching) +
                  (percent ? " (" + *percent + "%)" : std::string()) + ", total budget " +
                  shown(budget) + ".",
              g.proposal.table_c->location);
}

// rules.md §4.2, in catalogue order.
constexpr GrantRule kRules[] = {
    {{"GRANT-PRIORITY-AUDIENCE"}, priority_audience_figures},
    {{"GRANT-BUDGET-TOTALS"}, budget_totals},
};

}  // namespace

std::span<const GrantRule> figure_rules() {
  return kRules;
}

}  // namespace pipeline::rules::grant
