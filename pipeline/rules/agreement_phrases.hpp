#pragma once
//! The phrase tests of rules.md §2.5 that AGREEMENT rules run on an agreement's texts (internal
//! to rules/). Every test works on text::fold_for_match's copy of the text (NFC, case folded,
//! white space runs as one space) and matches phrases as substrings.

#include <optional>
#include <string_view>

namespace pipeline::rules {

// What a text says about enforcement (AGREEMENT-NO-ENFORCEMENT, AGREEMENT-ENFORCEMENT-REVIEW).
struct EnforcementWording {
  // The first enforcement phrase with an occurrence that no negation word precedes in its
  // sentence: the text gives the alliance an enforcement component.
  std::optional<std::string_view> unnegated;
  // The first negated enforcement phrase, else "focused inspection": wording to review.
  std::optional<std::string_view> review;
};

EnforcementWording enforcement_wording(std::string_view text);
// The first endorsement phrase the text contains (AGREEMENT-NO-ENDORSEMENT).
std::optional<std::string_view> endorsement_phrase(std::string_view text);
// Whether the text may commit to influencing standards (AGREEMENT-NO-STANDARDS-INFLUENCE).
bool influences_standards(std::string_view text);

}  // namespace pipeline::rules
