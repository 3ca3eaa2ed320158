// The GRANT family (rules.md §4.2), uses of grant funds: lost-time wages, lobbying and
// membership drives, and equipment needing prior approval and bids.
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/text/unicode.hpp"

#include "pipeline/rules/grant_rules.hpp"

namespace pipeline::rules::grant {

namespace {

constexpr std::int64_t kMinimumBids = 3;  // App A §128 "at least three (3) sources"
// rules.md §2.5: prohibited-use phrases (GRANT-PROHIBITED-USE), already case folded.
constexpr std::string_view kProhibitedUsePhrases[] = {
    "lobby", "membership drive", "membership recruitment", "recruit members", "recruiting members"};

inline constexpr core::RuleRef kLostTimeWages{
    "GRANT-LOST-TIME-WAGES", core::Severity::Error,
    "CET RFP FY2004-05 §I-6 'Grant funds must not be used to pay lost-time wages' (only in-kind "
    "contributions by the grantee)"};

// Lost-time wages appear only as in-kind matching.
void lost_time_wages_in_kind(const Grant& g, Outcome& outcome) {
  if (!g.proposal.table_d || !g.proposal.table_d->wages_salaries) return;
  for (const model::TableDLine& line : g.proposal.table_d->wages_salaries->lines) {
    if (!is_yes(line.lost_time)) continue;
    if (line.funding.rejected() || line.in_kind.rejected()) continue;
    const bool matching = line.funding.present() && *line.funding == model::Funding::Matching;
    if (matching && is_yes(line.in_kind)) continue;
    outcome.add(kLostTimeWages,
                "Lost-time wages " + quoted(shown(line.position, "(no position)")) + " (" +
                    amount_shown(line.total_charged) +
                    ") may not be paid from grant funds; show them as in-kind matching.",
                line.location);
  }
}

inline constexpr core::RuleRef kProhibitedUse{
    "GRANT-PROHIBITED-USE", core::Severity::Warning,
    "CET RFP FY2004-05 §I-6 'Grant activities must not include membership drives'; 'Grant funds "
    "must not be used ... for lobbying activities'; I-41"};

// Whether `text` may name a prohibited use: false when it is ASCII without "lobby" or "member" in
// any letter case. Every phrase contains one of them (with no space inside), and folding ASCII
// text only lowers its letters and collapses its spaces, so such a text never matches.
bool may_name_prohibited_use(std::string_view text) {
  constexpr std::string_view lobby = "lobby";
  constexpr std::string_view member = "member";
  const auto lower = [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c;
  };
  const auto at = [&](std::size_t i, std::string_view word) {
    if (text.size() - i < word.size()) return false;
    for (std::size_t k = 1; k < word.size(); ++k)
      if (lower(text[i + k]) != word[k]) return false;
    return true;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (static_cast<unsigned char>(c) >= 0x80) return true;  // not ASCII: fold and see
    const char l = lower(c);
    if ((l == 'l' && at(i, lobby)) || (l == 'm' && at(i, member))) return true;
  }
  return false;
}

bool names_prohibited_use(std::string_view text) {
  if (!may_name_prohibited_use(text)) return false;
  const std::string folded = text::fold_for_match(text);
  return std::any_of(
      std::begin(kProhibitedUsePhrases), std::end(kProhibitedUsePhrases),
      [&](std::string_view phrase) { return folded.find(phrase) != std::string::npos; });
}

// The texts GRANT-PROHIBITED-USE reads, in document order of their tables.
std::vector<const Field<std::string>*> described_uses(const GrantProposal& proposal) {
  std::vector<const Field<std::string>*> out;
  if (proposal.table_a) {
    for (const model::TrainingProgram& program : proposal.table_a->training_programs)
      out.push_back(&program.title_of_training_program);
    for (const model::ServiceActivity& service : proposal.table_a->service_activities)
      out.push_back(&service.description);
  }
  if (proposal.table_b) {
    for (const model::TimeFlowActivity& activity : proposal.table_b->activities)
      out.push_back(&activity.name);
  }
  if (proposal.table_d) {
    for (const model::TableDSection* section : proposal.table_d->sections()) {
      if (section == nullptr) continue;
      for (const model::TableDLine& line : section->lines) {
        for (const Field<std::string>* text :
             {&line.position, &line.type_of_benefit, &line.type_of_supplies, &line.type_of_material,
              &line.type_of_equipment, &line.type_of_rental, &line.scope_nature_of_contract,
              &line.specify})
          out.push_back(text);
        for (const Field<std::string>& item : line.items) out.push_back(&item);
      }
    }
  }
  for (const model::Fee& fee : fees_of(proposal)) out.push_back(&fee.description);
  return out;
}

// No text describes lobbying or a membership drive (a phrase heuristic, I-41).
void no_lobbying_or_membership_drive(const Grant& g, Outcome& outcome) {
  for (const Field<std::string>* text : described_uses(g.proposal)) {
    if (!text->present() || !names_prohibited_use(**text)) continue;
    outcome.add(kProhibitedUse,
                quoted(**text) +
                    " looks like lobbying or a membership drive, which grant funds may not "
                    "support.",
                text->location);
  }
}

inline constexpr core::RuleRef kEquipmentPriorApproval{
    "GRANT-EQUIPMENT-PRIOR-APPROVAL", core::Severity::Warning,
    "CET RFP FY2004-05 App A §128 'Purchase of Equipment'; I-37"};
inline constexpr core::RuleRef kEquipmentBids{
    "GRANT-EQUIPMENT-BIDS", core::Severity::Warning,
    "CET RFP FY2004-05 App A §128 (bids from at least three sources, or an explanation)"};

// Whether a grant-funded equipment line without a recorded approval needs §128 prior approval:
// cost per item at the threshold or more and a life at the threshold or more (unknown life
// counts, I-37).
bool needs_prior_approval(const model::TableDLine& line, const GrantParameters& parameters) {
  if (!line.funding.present() || *line.funding != model::Funding::Grant) return false;
  if (!line.prior_approval.absent()) return false;
  if (!line.cost_per_item.present() || line.life_span_months.rejected()) return false;
  if (*line.cost_per_item < parameters.equipment_prior_approval_cost) return false;
  return line.life_span_months.absent() ||
         *line.life_span_months >= parameters.equipment_prior_approval_life_months;
}

std::string equipment_shown(const model::TableDLine& line) {
  return quoted(line.row == model::TableDRow::Rental ? shown(line.type_of_rental, "(no type)")
                                                     : shown(line.type_of_equipment, "(no type)"));
}

const std::vector<model::TableDLine>& equipment_lines(const GrantProposal& proposal) {
  static const std::vector<model::TableDLine> kNone;
  return proposal.table_d && proposal.table_d->equipment ? proposal.table_d->equipment->lines
                                                         : kNone;
}

// Costly, durable equipment bought, leased or rented with grant funds has prior approval.
void equipment_has_prior_approval(const Grant& g, Outcome& outcome) {
  for (const model::TableDLine& line : equipment_lines(g.proposal)) {
    if (!needs_prior_approval(line, g.parameters)) continue;
    const std::string life = line.life_span_months.present()
                                 ? "a life of " + std::to_string(*line.life_span_months) + " months"
                                 : "no stated life span (taken as 24 months or more)";
    outcome.add(kEquipmentPriorApproval,
                equipment_shown(line) + " costs " + money_text(*line.cost_per_item) +
                    " an item with " + life +
                    "; purchase, lease or rental needs the project manager's prior approval.",
                line.location);
  }
}

// Equipment needing prior approval comes with three bids or an explanation.
void equipment_has_three_bids(const Grant& g, Outcome& outcome) {
  for (const model::TableDLine& line : equipment_lines(g.proposal)) {
    if (!needs_prior_approval(line, g.parameters) || line.bids.rejected()) continue;
    const std::int64_t bids = line.bids.value_or(0);
    if (bids >= kMinimumBids || line.bid_explanation.present()) continue;
    outcome.add(kEquipmentBids,
                equipment_shown(line) + " has " + std::to_string(bids) +
                    " bid(s); the request needs three bids or an explanation.",
                line.location);
  }
}

// rules.md §4.2, in catalogue order.
constexpr GrantRule kRules[] = {
    {{"GRANT-LOST-TIME-WAGES"}, lost_time_wages_in_kind},
    {{"GRANT-PROHIBITED-USE"}, no_lobbying_or_membership_drive},
    {{"GRANT-EQUIPMENT-PRIOR-APPROVAL"}, equipment_has_prior_approval},
    {{"GRANT-EQUIPMENT-BIDS"}, equipment_has_three_bids},
};

}  // namespace

std::span<const GrantRule> use_rules() {
  return kRules;
}

}  // namespace pipeline::rules::grant
