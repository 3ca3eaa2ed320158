// The alliance-agreement rulebook: ALLIANCE-TYPE and ALLIANCE-LEVEL, then the 42 AGREEMENT rules
// of rules.md §4.15 in catalogue order. Every number and word list comes from the program
// profile (forms/<profile>.json); the phrase lists of §2.5 are in agreement_phrases.cpp.
#include "pipeline/rules/agreement_rules.hpp"

#include <span>
#include <string_view>
#include <vector>

namespace pipeline::rules {

namespace {

// The sections of §4.15, in catalogue order (agreement_rules.hpp).
constexpr std::span<const agreement::AgreementRule> (*kSections[])() = {
    agreement::term_rules, agreement::content_rules, agreement::participant_rules};

}  // namespace

std::vector<std::string_view> agreement_rule_ids() {
  std::vector<std::string_view> out;
  for (const auto section : kSections)
    for (const agreement::AgreementRule& rule : section())
      for (const std::string_view id : rule.ids)
        if (!id.empty()) out.push_back(id);
  return out;
}

void check_alliance_agreement(const model::AllianceAgreement& agreement, const Context& context,
                              core::Outcome& outcome) {
  using namespace rules::agreement;
  const model::AllianceProfile& profile = alliance_profile_of(context, "alliance-agreement");
  check_alliance_type(profile, agreement.alliance_type, outcome);
  check_alliance_level(profile, agreement.level, outcome);
  const Subject subject{agreement, profile, known_alliance_type(profile, agreement.alliance_type),
                        known_level(profile, agreement.level), resolved_action(agreement)};
  for (const auto section : kSections)
    for (const AgreementRule& rule : section()) rule.check(subject, outcome);
}

}  // namespace pipeline::rules
