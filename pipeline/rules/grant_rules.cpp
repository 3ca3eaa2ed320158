// The GRANT family (rules.md §4.2): budget limits, eligibility and completeness of a CET grant
// proposal, 40 rules in catalogue order, one file a section (grant_rules.hpp). Amounts, caps,
// rates and the deadline come from the fiscal year's GrantParameters; the arithmetic is
// grant_budget.hpp's.
#include "pipeline/rules/grant_rules.hpp"

#include <optional>
#include <string_view>
#include <vector>

#include "pipeline/rules/grant_families.hpp"

namespace pipeline::rules {

namespace {

// The sections of §4.2, in catalogue order.
constexpr std::span<const grant::GrantRule> (*kSections[])() = {
    grant::limit_rules, grant::completeness_rules, grant::eligibility_rules, grant::use_rules,
    grant::figure_rules};

}  // namespace

std::vector<std::string_view> grant_rule_ids() {
  std::vector<std::string_view> out;
  for (const auto section : kSections)
    for (const grant::GrantRule& rule : section())
      for (const std::string_view id : rule.ids)
        if (!id.empty()) out.push_back(id);
  return out;
}

void check_grant(const model::GrantProposal& proposal, const Context& context, Outcome& outcome) {
  std::optional<TableCAmounts> amounts;
  if (proposal.table_c) amounts = table_c_amounts(*proposal.table_c);
  const grant::Grant subject{proposal, *context.grant, model::stage_of(proposal), amounts,
                             outcome.grant};
  for (const auto section : kSections)
    for (const grant::GrantRule& rule : section()) rule.check(subject, outcome);
}

}  // namespace pipeline::rules
