// TABLEB: Project Time-Flow of Activities (rules.md §4.4), 7 rules. TABLEB-MONTHS is a type
// check (formats.md §2.1): ingest rejects a `months` value outside the grammar, or a CSV month
// cell other than x/X, and reports it under that ID (grant_proposal_reader.cpp); the rejected
// months then count as unknown here.
#include "pipeline/rules/grant_families.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/text/unicode.hpp"

namespace pipeline::rules {

namespace {

using model::TableA;
using model::TableB;
using model::TimeFlowActivity;

// Whether the code point starting a UTF-8 sequence separates words in an activity name: ASCII
// other than letters and digits, Latin-1 punctuation and spaces (U+0080–U+00BF, ×, ÷), the
// General Punctuation block (dashes, typographic spaces and quotes) and the ideographic space.
// Other non-ASCII characters are letters: they never occur in a recognised key, so they can only
// prevent a match, never make one.
bool separates(char32_t c) {
  if (c < 0x80) {
    return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'));
  }
  return c <= 0xBF || c == 0xD7 || c == 0xF7 || (c >= 0x2000 && c <= 0x206F) || c == 0x3000;
}

// Decodes the code point at `i` of valid UTF-8 and advances `i` past it.
char32_t next_code_point(std::string_view s, std::size_t& i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char lead = byte(i);
  std::size_t length = 1;
  char32_t c = lead;
  if (lead >= 0xF0) {
    length = 4;
    c = lead & 0x07u;
  } else if (lead >= 0xE0) {
    length = 3;
    c = lead & 0x0Fu;
  } else if (lead >= 0xC0) {
    length = 2;
    c = lead & 0x1Fu;
  }
  for (std::size_t k = 1; k < length && i + k < s.size(); ++k) c = (c << 6) | (byte(i + k) & 0x3Fu);
  i += length;
  return c;
}

// The key of rules.md §2.4: lower-cased, every run of characters other than letters and digits
// one "-", no leading or trailing "-".
std::string activity_key(std::string_view name) {
  const std::string folded = text::fold_for_match(name);
  std::string key;
  bool pending_dash = false;
  for (std::size_t i = 0; i < folded.size();) {
    const std::size_t start = i;
    if (separates(next_code_point(folded, i))) {
      pending_dash = !key.empty();
      continue;
    }
    if (pending_dash) key += '-';
    pending_dash = false;
    key.append(folded, start, i - start);
  }
  return key;
}

// Whether `key` names the recognised activity `wanted` (record-keeping is also "recordkeeping").
bool names(const std::string& key, std::string_view wanted) {
  if (key == wanted) return true;
  return wanted == "record-keeping" && key == "recordkeeping";
}

// The keys of Table B's named activities; nullopt when an activity has no name, since the
// unnamed one might be any of them.
std::optional<std::vector<std::string>> activity_keys(const TableB& table) {
  std::vector<std::string> keys;
  for (const TimeFlowActivity& activity : table.activities) {
    if (!activity.name.present()) return std::nullopt;
    keys.push_back(activity_key(*activity.name));
  }
  return keys;
}

bool schedules(const std::vector<std::string>& keys, std::string_view wanted) {
  for (const std::string& key : keys)
    if (names(key, wanted)) return true;
  return false;
}

std::string activity_label(const TimeFlowActivity& activity, std::size_t n) {
  if (activity.name.present()) return "\"" + *activity.name + "\"";
  return std::to_string(n);
}

// ---------------------------------------------------------------------------------------------

inline constexpr core::RuleRef kNotEmpty{
    "TABLEB-NOT-EMPTY", core::Severity::Error,
    "CET RFP FY2004-05 §II-2b.2.E (Table B must be completed)"};

void lists_an_activity(const TableB& table, core::Outcome& outcome) {
  if (!table.activities.empty()) return;
  outcome.add(kNotEmpty, "Table B lists no activity.", table.location);
}

inline constexpr core::RuleRef kActivityMonths{
    "TABLEB-ACTIVITY-MONTHS", core::Severity::Error,
    "CET RFP FY2004-05 App D Table B instructions (check each month the activity will be "
    "performed)"};

// A rejected `months` (TABLEB-MONTHS) is unknown, not missing.
void activity_has_a_month(const TimeFlowActivity& activity, std::size_t n, core::Outcome& outcome) {
  const auto& months = activity.months;
  if (months.rejected() || (months.present() && !months->empty())) return;
  outcome.add(kActivityMonths, "Activity " + activity_label(activity, n) + " has no month checked.",
              months.location);
}

inline constexpr core::RuleRef kCoversTableA{
    "TABLEB-COVERS-TABLEA", core::Severity::Warning,
    "CET RFP FY2004-05 §II-2b.2.E (time-flow of the activities throughout the project); §II-2b "
    "'Table B Instructions' (Presentation, Seminar, Course, Provide Technical Assistance, "
    "Disseminate Information are Table B activities)"};

// A Table A type, its Table B key (rules.md §2.4) and its name in a message.
struct TypeKey {
  std::string_view key;
  std::string_view shown;
};

constexpr std::array<TypeKey, 5> kTypeKeys{{
    {"presentation", "presentation"},
    {"seminar", "seminar"},
    {"course", "course"},
    {"provide-technical-assistance", "technical assistance"},
    {"disseminate-information", "disseminate information"},
}};

// The Table B keys of the types Table A uses, in the order of kTypeKeys; `other` services have
// none.
std::vector<TypeKey> types_used(const TableA& table) {
  std::array<bool, kTypeKeys.size()> used{};
  for (const auto& program : table.training_programs) {
    if (!program.type_of_training.present()) continue;
    switch (*program.type_of_training) {
      case model::TypeOfTraining::Presentation:
        used[0] = true;
        break;
      case model::TypeOfTraining::Seminar:
        used[1] = true;
        break;
      case model::TypeOfTraining::Course:
        used[2] = true;
        break;
    }
  }
  for (const auto& service : table.service_activities) {
    if (!service.type_of_service_activity.present()) continue;
    switch (*service.type_of_service_activity) {
      case model::TypeOfServiceActivity::TechnicalAssistance:
        used[3] = true;
        break;
      case model::TypeOfServiceActivity::DisseminateInformation:
        used[4] = true;
        break;
      case model::TypeOfServiceActivity::Other:
        break;
    }
  }
  std::vector<TypeKey> out;
  for (std::size_t i = 0; i < kTypeKeys.size(); ++i)
    if (used[i]) out.push_back(kTypeKeys[i]);
  return out;
}

void schedules_table_a_types(const TableB& table, const std::vector<std::string>& keys,
                             const TableA& table_a, core::Outcome& outcome) {
  for (const TypeKey& type : types_used(table_a)) {
    if (schedules(keys, type.key)) continue;
    outcome.add(kCoversTableA,
                "Table A has " + std::string(type.shown) +
                    " activities but Table B does not schedule them.",
                table.location);
  }
}

inline constexpr core::RuleRef kAdvisory{
    "TABLEB-ADVISORY", core::Severity::Warning,
    "CET RFP FY2004-05 §I-6 'Project oversight is required'; §II-2b 'Table B Instructions' "
    "(Consult with Advisory Committee)"};

void schedules_advisory_committee(const TableB& table, const std::vector<std::string>& keys,
                                  core::Outcome& outcome) {
  if (schedules(keys, "consult-with-advisory-committee")) return;
  outcome.add(kAdvisory, "Table B schedules no consultation with the advisory committee.",
              table.location);
}

inline constexpr core::RuleRef kEvaluate{
    "TABLEB-EVALUATE", core::Severity::Warning,
    "CET RFP FY2004-05 §I-6 'Evaluation cooperation required'; §II-2b 'Table B Instructions' "
    "(Evaluate Program)"};

void schedules_evaluation(const TableB& table, const std::vector<std::string>& keys,
                          core::Outcome& outcome) {
  if (schedules(keys, "evaluate-program")) return;
  outcome.add(kEvaluate, "Table B schedules no program evaluation.", table.location);
}

inline constexpr core::RuleRef kMonthOne{
    "TABLEB-MONTH-ONE", core::Severity::Warning,
    "CET RFP FY2004-05 §I-6 'Immediate implementation of grant project'"};

// Does not run when no activity has month 1 but some activity's months were rejected: that
// activity might have been meant for month 1.
void starts_in_month_one(const TableB& table, core::Outcome& outcome) {
  bool unknown = false;
  for (const TimeFlowActivity& activity : table.activities) {
    if (activity.months.present() && activity.months->count(1) > 0) return;
    unknown = unknown || activity.months.rejected();
  }
  if (unknown) return;
  outcome.add(kMonthOne,
              "No activity is scheduled in month 1; the project must be able to start within four "
              "weeks.",
              table.location);
}

}  // namespace

void check_table_b(const model::GrantProposal& proposal, const Context&, rules::Outcome& outcome) {
  if (!proposal.table_b) return;
  const TableB& table = *proposal.table_b;

  lists_an_activity(table, outcome);
  for (std::size_t i = 0; i < table.activities.size(); ++i)
    activity_has_a_month(table.activities[i], i + 1, outcome);
  // Name tests need every name: an unnamed activity (FORMAT-REQUIRED) might be the one sought.
  if (const auto keys = activity_keys(table)) {
    if (proposal.table_a) schedules_table_a_types(table, *keys, *proposal.table_a, outcome);
    schedules_advisory_committee(table, *keys, outcome);
    schedules_evaluation(table, *keys, outcome);
  }
  starts_in_month_one(table, outcome);
}

}  // namespace pipeline::rules
