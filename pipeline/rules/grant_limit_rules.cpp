// The GRANT family (rules.md §4.2), budget limits: the award maximum, the matching minimum and the
// caps on equipment, contractual, other and lumped administrative costs.
#include <algorithm>
#include <optional>
#include <string>

#include "pipeline/rules/grant_rules.hpp"

namespace pipeline::rules::grant {

// The lumped administrative total L, when Table D has administrative-costs lines and L is known.
std::optional<Money> lumped_administrative_costs(const GrantProposal& proposal) {
  if (!proposal.table_d || !has_administrative_costs(*proposal.table_d)) return std::nullopt;
  return administrative_lump_total(*proposal.table_d);
}

namespace {

inline constexpr core::RuleRef kAwardMax{
    "GRANT-AWARD-MAX", core::Severity::Error,
    "CET RFP FY2004-05 §I-3 'Program Funding' (maximum award)"};

// A new proposal asks for no more than the maximum award.
void grant_within_award_maximum(const Grant& g, Outcome& outcome) {
  const std::optional<Money> known = g.grant_total();
  if (!g.at_proposal() || !known) return;
  const Money grant = *known;
  const Money maximum = g.parameters.award_maximum;
  if (grant <= maximum) return;
  outcome.add(kAwardMax,
              "The grant requested, " + money_text(grant) + ", exceeds the maximum award of " +
                  money_text(maximum) + " by " + money_text(grant - maximum) + ".",
              g.proposal.table_c->location);
}

inline constexpr core::RuleRef kAwardMaxRevision{
    "GRANT-AWARD-MAX-REVISION", core::Severity::Warning,
    "CET RFP FY2004-05 §I-3 'Program Funding' (maximum award; \"based upon anticipated lapse "
    "money, additional funds may become available during the grant year for on-going "
    "projects\")"};

// A revised or closed-out grant over the maximum award rests on lapse money to be confirmed.
void revised_grant_within_award_maximum(const Grant& g, Outcome& outcome) {
  if (g.stage != GrantStage::Revision && g.stage != GrantStage::Closeout) return;
  const std::optional<Money> known = g.grant_total();
  if (!known) return;
  const Money grant = *known;
  const Money maximum = g.parameters.award_maximum;
  if (grant <= maximum) return;
  outcome.add(kAwardMaxRevision,
              "The grant, " + money_text(grant) + ", exceeds the " + money_text(maximum) +
                  " maximum award; confirm that additional lapse funds were made available "
                  "(§I-3).",
              g.proposal.table_c->location);
}

inline constexpr core::RuleRef kRequestConsistent{
    "GRANT-REQUEST-CONSISTENT", core::Severity::Error,
    "CET RFP FY2004-05 App D 'Project Proposal Signatures' (Total Amount of CET Funds Requested) "
    "and 'Table C' (Total row, grant column); §I-3"};

// The signature sheet requests what Table C's grant column adds up to.
void request_matches_table_c(const Grant& g, Outcome& outcome) {
  const std::optional<Money> known = g.grant_total();
  if (!known || !g.proposal.signature_sheet) return;
  const Field<Money>& requested = g.proposal.signature_sheet->total_amount_of_cet_funds_requested;
  if (!requested.present()) return;
  const Money grant = *known;
  if (*requested == grant) return;
  outcome.add(kRequestConsistent,
              "The signature sheet requests " + money_text(*requested) +
                  " but Table C's grant column totals " + money_text(grant) + ".",
              requested.location);
}

inline constexpr core::RuleRef kMatchMin{
    "GRANT-MATCH-MIN", core::Severity::Error,
    "CET RFP FY2004-05 §I-3 'Program Funding' (matching share at least 10 % of the award)"};

// The matching share is at least the minimum share of the grant (I-3).
void matching_share_reaches_minimum(const Grant& g, Outcome& outcome) {
  const std::optional<Money> known_grant = g.grant_total();
  const std::optional<Money> known_matching = g.matching_total();
  if (!known_grant || !known_matching) return;
  const Money grant = *known_grant;
  const Money matching = *known_matching;
  const core::Percent minimum = g.parameters.matching_minimum_percent;
  if (reaches_share(matching, grant, minimum)) return;
  outcome.add(kMatchMin,
              "The matching share, " + money_text(matching) + ", is " +
                  percent_shown(matching, grant) + "% of the grant; at least " +
                  percent_number(minimum) + "% (" + money_text(share_minimum(grant, minimum)) +
                  ") is required.",
              g.proposal.table_c->location);
}

inline constexpr core::RuleRef kEquipmentCap{
    "GRANT-EQUIPMENT-CAP", core::Severity::Error,
    "CET RFP FY2004-05 §I-6 'Equipment is limited'; §II-3(c); App C item 7"};

// Equipment from grant funds stays within its share of the grant (I-1, I-5).
void equipment_within_cap(const Grant& g, Outcome& outcome) {
  const std::optional<Money> known_grant = g.grant_total();
  const std::optional<Money> known_equipment = g.grant_at(7);
  if (!known_grant || !known_equipment) return;
  const Money grant = *known_grant;
  const Money equipment = *known_equipment;
  const core::Percent cap = g.parameters.equipment_cap_percent;
  if (within_share(equipment, grant, cap)) return;
  outcome.add(kEquipmentCap,
              "Equipment from grant funds, " + money_text(equipment) + ", is " +
                  percent_shown(equipment, grant) + "% of the grant; the limit is " +
                  percent_number(cap) + "% (" + money_text(share_maximum(grant, cap)) + ").",
              g.proposal.table_c->location);
}

inline constexpr core::RuleRef kContractualCap{
    "GRANT-CONTRACTUAL-CAP", core::Severity::Error,
    "CET RFP FY2004-05 §I-6 'Subcontracts are limited'; App A §130(c); §II-3(f); App C item 8"};
inline constexpr core::RuleRef kContractualCapApproved{
    "GRANT-CONTRACTUAL-CAP-APPROVED", core::Severity::Warning,
    "CET RFP FY2004-05 §I-6 'Subcontracts are limited'; App A §130(c); §II-3(f); App C item 8 "
    "(the project manager may approve more)"};

const Field<std::string>* subcontracting_approval(const GrantProposal& proposal) {
  if (!proposal.approvals) return nullptr;
  const Field<std::string>& approval = proposal.approvals->subcontracting_over_20_percent;
  return approval.present() ? &approval : nullptr;
}

// Contractual costs from grant funds stay within their share unless the project manager
// approved more (I-6).
void contractual_within_cap(const Grant& g, Outcome& outcome) {
  const std::optional<Money> known_grant = g.grant_total();
  const std::optional<Money> known_contractual = g.grant_at(8);
  if (!known_grant || !known_contractual) return;
  if (subcontracting_approval(g.proposal) != nullptr) return;
  const Money grant = *known_grant;
  const Money contractual = *known_contractual;
  const core::Percent cap = g.parameters.contractual_cap_percent;
  if (within_share(contractual, grant, cap)) return;
  outcome.add(kContractualCap,
              "Contractual costs from grant funds, " + money_text(contractual) + ", are " +
                  percent_shown(contractual, grant) + "% of the grant; the limit is " +
                  percent_number(cap) + "% (" + money_text(share_maximum(grant, cap)) +
                  ") unless the project manager approves more.",
              g.proposal.table_c->location);
}

// With an approval recorded, contractual costs over the cap are for the reviewer to confirm.
void approved_contractual_within_cap(const Grant& g, Outcome& outcome) {
  const Field<std::string>* approval = subcontracting_approval(g.proposal);
  const std::optional<Money> known_grant = g.grant_total();
  const std::optional<Money> known_contractual = g.grant_at(8);
  if (!known_grant || !known_contractual) return;
  if (approval == nullptr) return;
  const Money grant = *known_grant;
  const Money contractual = *known_contractual;
  const core::Percent cap = g.parameters.contractual_cap_percent;
  if (within_share(contractual, grant, cap)) return;
  outcome.add(kContractualCapApproved,
              "Contractual costs, " + money_text(contractual) + ", exceed " + percent_number(cap) +
                  "% of the grant (" + money_text(share_maximum(grant, cap)) + "); approval " +
                  quoted(**approval) + " is recorded — confirm it covers this amount.",
              approval->location);
}

inline constexpr core::RuleRef kOtherCap{
    "GRANT-OTHER-CAP", core::Severity::Error,
    "CET RFP FY2004-05 App C item 9 ('Other, e.g. Indirect or Overhead Costs', limited to 20 % of "
    "the total grant funds requested)"};

// Other (indirect, overhead) costs from grant funds stay within their share of the grant.
void other_within_cap(const Grant& g, Outcome& outcome) {
  const std::optional<Money> known_grant = g.grant_total();
  const std::optional<Money> known_other = g.grant_at(9);
  if (!known_grant || !known_other) return;
  const Money grant = *known_grant;
  const Money other = *known_other;
  const core::Percent cap = g.parameters.other_cap_percent;
  if (within_share(other, grant, cap)) return;
  outcome.add(kOtherCap,
              "Other/indirect costs from grant funds, " + money_text(other) + ", are " +
                  percent_shown(other, grant) + "% of the grant; the limit is " +
                  percent_number(cap) + "% (" + money_text(share_maximum(grant, cap)) + ").",
              g.proposal.table_c->location);
}

inline constexpr core::RuleRef kAdminLumpCap{
    "GRANT-ADMIN-LUMP-CAP", core::Severity::Error,
    "CET RFP FY2004-05 §I-6 'Grant projects are nonprofit' (administrative costs, method 2: a "
    "lumped total may not exceed 20 % of the remaining project expenditures)"};

// Lumped administrative costs stay within their share of the remaining expenditures T − L (I-4).
void administrative_lump_within_cap(const Grant& g, Outcome& outcome) {
  const std::optional<Money> budget = g.budget_total();
  const std::optional<Money> lump = lumped_administrative_costs(g.proposal);
  if (!budget || !lump) return;
  const Money remaining = *budget - *lump;
  const core::Percent cap = g.parameters.administrative_lump_cap_percent;
  if (within_share(*lump, remaining, cap)) return;
  outcome.add(kAdminLumpCap,
              "Lumped administrative costs, " + money_text(*lump) + ", exceed " +
                  percent_number(cap) + "% of the remaining project expenditures " +
                  money_text(remaining) + "; the limit is " +
                  money_text(share_maximum(remaining, cap)) + ".",
              g.proposal.table_d->location);
}

inline constexpr core::RuleRef kAdminLumpItems{
    "GRANT-ADMIN-LUMP-ITEMS", core::Severity::Error,
    "CET RFP FY2004-05 §I-6 (method 2: identify each administrative cost item, then give their "
    "total)"};

// Every lumped administrative cost names the items it covers.
void administrative_lump_names_items(const Grant& g, Outcome& outcome) {
  if (!g.proposal.table_d) return;
  for (const model::TableDSection* section : g.proposal.table_d->sections()) {
    if (section == nullptr) continue;
    for (const model::TableDLine& line : section->lines) {
      if (line.row != model::TableDRow::AdministrativeCosts) continue;
      const bool named = std::any_of(line.items.begin(), line.items.end(),
                                     [](const Field<std::string>& item) { return item.present(); });
      if (named) continue;
      outcome.add(kAdminLumpItems,
                  "A lumped administrative cost must name the items it covers (rent, utilities, "
                  "library use, maintenance...).",
                  line.location);
    }
  }
}

inline constexpr core::RuleRef kIndirectBrokenOut{
    "GRANT-INDIRECT-BROKEN-OUT", core::Severity::Error,
    "CET RFP FY2004-05 §II-3(h) (indirect or overhead costs must be broken out); App D Table D "
    "'Other — Specify'"};

// Every "Other" line of Table D says what the cost is.
void other_costs_broken_out(const Grant& g, Outcome& outcome) {
  if (!g.proposal.table_d || !g.proposal.table_d->other) return;
  for (const model::TableDLine& line : g.proposal.table_d->other->lines) {
    if (line.row != model::TableDRow::Line || !line.specify.absent()) continue;
    outcome.add(kIndirectBrokenOut,
                "An \"Other\" cost of " + amount_shown(line.total_charged) +
                    " does not say what it is; indirect and overhead costs must be broken out.",
                line.location);
  }
}

// rules.md §4.2, in catalogue order.
constexpr GrantRule kRules[] = {
    {{"GRANT-AWARD-MAX"}, grant_within_award_maximum},
    {{"GRANT-AWARD-MAX-REVISION"}, revised_grant_within_award_maximum},
    {{"GRANT-REQUEST-CONSISTENT"}, request_matches_table_c},
    {{"GRANT-MATCH-MIN"}, matching_share_reaches_minimum},
    {{"GRANT-EQUIPMENT-CAP"}, equipment_within_cap},
    {{"GRANT-CONTRACTUAL-CAP"}, contractual_within_cap},
    {{"GRANT-CONTRACTUAL-CAP-APPROVED"}, approved_contractual_within_cap},
    {{"GRANT-OTHER-CAP"}, other_within_cap},
    {{"GRANT-ADMIN-LUMP-CAP"}, administrative_lump_within_cap},
    {{"GRANT-ADMIN-LUMP-ITEMS"}, administrative_lump_names_items},
    {{"GRANT-INDIRECT-BROKEN-OUT"}, other_costs_broken_out},
};

}  // namespace

std::span<const GrantRule> limit_rules() {
  return kRules;
}

}  // namespace pipeline::rules::grant
