// The cet-grant-proposal rulebook: every grant family, in the order of rules.md §4.
#include "pipeline/rules/rulebooks.hpp"

#include "pipeline/rules/grant_families.hpp"

namespace pipeline::rules {

namespace {

using Family = void (*)(const model::GrantProposal&, const Context&, Outcome&);

struct GrantFamily {
  const char* name;
  Family check;
};

constexpr GrantFamily kGrantFamilies[] = {
    {"GRANT", check_grant},    {"TABLEA", check_table_a},   {"TABLEB", check_table_b},
    {"TABLEC", check_table_c}, {"TABLED", check_table_d},   {"TRAVEL", check_travel},
    {"CHANGE", check_changes}, {"PERF", check_performance},
};

}  // namespace

void check_grant_proposal(const model::GrantProposal& proposal, const Context& context,
                          Outcome& outcome) {
  // Without a configured fiscal year the rules use the FY 2004-2005 defaults of rules.md §3.
  static const model::GrantParameters kDefaults{};
  Context grant_context = context;
  if (grant_context.grant == nullptr) grant_context.grant = &kDefaults;
  for (const GrantFamily& family : kGrantFamilies) family.check(proposal, grant_context, outcome);
  // The report's figures: written here once, from the typed figures, in catalogue order.
  model::add_report_figures(outcome.grant, outcome.figures);
}

}  // namespace pipeline::rules
