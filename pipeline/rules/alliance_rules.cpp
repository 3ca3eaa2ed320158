// ALLIANCE-TYPE and ALLIANCE-LEVEL (rules.md §4.10): the root words of every alliance form,
// judged against the words the program profile allows.
#include "pipeline/rules/alliance_rules.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/error.hpp"

namespace pipeline::rules {

namespace {

inline constexpr core::RuleRef kAllianceType{
    "ALLIANCE-TYPE", core::Severity::Error,
    "MIOSHA-ADM-03-3R6 §XI.B, §XII.B–D, App B ('Alliance Type'), App D; OSHA CSP 04-01-003 "
    "§VI.G, §X.C; IOSH IACSP 04-01-002 §V (no Ambassador status); Cal/OSHA Alliance P&P (2019) "
    "§A (no Ambassador status)"};

inline constexpr core::RuleRef kAllianceLevel{"ALLIANCE-LEVEL", core::Severity::Error,
                                              "OSHA CSP 04-01-003 §VI.A, §VI.L, §VIII.D–F"};

}  // namespace

const model::AllianceProfile& alliance_profile_of(const Context& context, std::string_view kind) {
  if (context.alliance == nullptr)
    throw core::Error("the " + std::string(kind) + " rules need the program's alliance profile");
  return *context.alliance;
}

std::string program_name(const model::AllianceProfile& profile) {
  return profile.agency_short.empty() ? profile.profile : profile.agency_short;
}

bool contains(const std::vector<std::string>& words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

std::string capitalized(std::string word) {
  if (!word.empty() && word[0] >= 'a' && word[0] <= 'z')
    word[0] = static_cast<char>(word[0] - 'a' + 'A');
  return word;
}

std::string joined(const std::vector<std::string>& words, std::string_view last_separator) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += i + 1 == words.size() ? std::string(last_separator) : ", ";
    out += words[i];
  }
  return out;
}

std::optional<std::string> known_alliance_type(const model::AllianceProfile& profile,
                                               const core::Field<std::string>& alliance_type) {
  const model::AllowedWords& types = profile.alliance_types;
  if (alliance_type.present())
    return contains(types.allowed, *alliance_type) ? std::optional(*alliance_type) : std::nullopt;
  if (alliance_type.absent() && !types.required) return types.default_word;
  return std::nullopt;
}

std::optional<std::string> known_level(const model::AllianceProfile& profile,
                                       const core::Field<std::string>& level) {
  const model::AllowedWords& levels = profile.levels;
  if (levels.allowed.empty()) return std::nullopt;
  if (level.present())
    return contains(levels.allowed, *level) ? std::optional(*level) : std::nullopt;
  if (level.absent() && !levels.required) return levels.default_word;
  return std::nullopt;
}

void check_alliance_type(const model::AllianceProfile& profile,
                         const core::Field<std::string>& alliance_type, core::Outcome& outcome) {
  const model::AllowedWords& types = profile.alliance_types;
  const std::string allowed = joined(types.allowed, " or ");
  if (alliance_type.present() && !contains(types.allowed, *alliance_type)) {
    outcome.add(kAllianceType,
                "Alliance type \"" + alliance_type.raw + "\" does not exist in the " +
                    profile.profile + " program; expected " + allowed + ".",
                alliance_type.location);
  } else if (alliance_type.absent() && types.required) {
    outcome.add(kAllianceType,
                "The alliance type is missing; the " + profile.profile + " program expects " +
                    allowed + ".",
                alliance_type.location);
  }
}

void check_alliance_level(const model::AllianceProfile& profile,
                          const core::Field<std::string>& level, core::Outcome& outcome) {
  const model::AllowedWords& levels = profile.levels;
  if (levels.allowed.empty()) return;  // a program without levels ignores the attribute
  const std::string must_say = "Every " + program_name(profile) +
                               " alliance must say whether it is " + joined(levels.allowed, " or ");
  if (level.present() && !contains(levels.allowed, *level)) {
    outcome.add(kAllianceLevel, must_say + "; found \"" + level.raw + "\".", level.location);
  } else if (level.absent() && levels.required) {
    outcome.add(kAllianceLevel, must_say + ".", level.location);
  }
}

}  // namespace pipeline::rules
