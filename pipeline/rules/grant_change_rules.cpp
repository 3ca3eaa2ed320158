// CHANGE: changes to an awarded grant (rules.md §4.8, CET RFP FY2004-05 App A §105), 11 rules.
// They run on stage `revision` only and compare the document's own key personnel, Table A,
// Table C and performance objectives with the approved copies in `baseline` (I-11).
#include "pipeline/rules/grant_families.hpp"

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/model/grant_words.hpp"
#include "pipeline/rules/grant_budget.hpp"
#include "pipeline/rules/grant_table_a.hpp"
#include "pipeline/text/unicode.hpp"

namespace pipeline::rules {

namespace {

using model::Baseline;
using model::ChangeRequest;
using model::GrantProposal;
using model::KeyPersonnel;
using model::Person;
using model::TableA;
using model::TypeOfTraining;

// 100 × (revised − approved) ÷ approved, signed, rounded half up ("-23.81"); nullopt when the
// approved figure is zero.
std::optional<std::string> change_percent(std::int64_t approved, std::int64_t revised) {
  return core::percent_figure(revised - approved, approved);
}

// ---------------------------------------------------------------------------------------------

inline constexpr core::RuleRef kRequest{
    "CHANGE-REQUEST", core::Severity::Error,
    "CET RFP FY2004-05 App A §105(b) (requests for change \"shall be presented in writing\", with "
    "a detailed description of each deviation)"};

void request_complete(const GrantProposal& proposal, core::Outcome& outcome) {
  const std::string root = proposal.location.str();
  auto needs = [&](const std::string& item, const core::Location& location) {
    outcome.add(kRequest, "A revision needs " + item + ".", location);
  };
  if (const auto& request = proposal.change_request) {
    if (request->requested_on.absent())
      needs("the date of the request (change-request/requested-on)",
            request->requested_on.location);
    if (request->proposed_implementation_date.absent())
      needs("the proposed implementation date (change-request/proposed-implementation-date)",
            request->proposed_implementation_date.location);
  } else {
    needs("a written change request (change-request)", root + "/change-request");
  }
  const auto& baseline = proposal.baseline;
  if (!baseline) {
    needs("the approved figures it changes (baseline)", root + "/baseline");
    return;
  }
  if (!baseline->key_personnel && !baseline->table_a && !baseline->table_c &&
      !baseline->performance_objectives) {
    needs("a baseline holding key-personnel, table-a, table-c or performance-objectives",
          baseline->location);
  }
  if (baseline->key_personnel && !proposal.key_personnel)
    needs("the revised key-personnel to compare with baseline/key-personnel",
          root + "/key-personnel");
  if (baseline->table_a && !proposal.table_a)
    needs("the revised table-a to compare with baseline/table-a", root + "/table-a");
  if (baseline->table_c && !proposal.table_c)
    needs("the revised table-c to compare with baseline/table-c", root + "/table-c");
  if (baseline->performance_objectives && !proposal.performance_objectives && !proposal.table_a)
    needs("the revised performance-objectives (or a table-a to derive them from)",
          root + "/performance-objectives");
}

inline constexpr core::RuleRef kReason{
    "CHANGE-REASON", core::Severity::Warning,
    "CET RFP FY2004-05 App A §105(b) (\"Each request should include an explanation of the reason "
    "for and effect of the proposed alteration\")"};

void reason_given(const ChangeRequest& request, core::Outcome& outcome) {
  if (!request.reason.absent()) return;
  outcome.add(kReason,
              "The change request does not explain the reason for and effect of the change.",
              request.reason.location);
}

inline constexpr core::RuleRef kNotice21Days{
    "CHANGE-NOTICE-21-DAYS", core::Severity::Error,
    "CET RFP FY2004-05 App A §105(b) (\"All requests for change shall be presented in writing to "
    "the project manager at least three weeks prior to the proposed implementation date\")"};

constexpr std::int64_t kNoticeDays = 21;

void requested_three_weeks_ahead(const ChangeRequest& request, core::Outcome& outcome) {
  const auto& requested = request.requested_on;
  const auto& effective = request.proposed_implementation_date;
  if (!requested.present() || !effective.present()) return;
  if (*effective >= core::add_days(*requested, kNoticeDays)) return;
  outcome.add(kNotice21Days,
              "The change was requested " + requested->iso() + " for " + effective->iso() + ", " +
                  std::to_string(core::days_between(*requested, *effective)) +
                  " days ahead; at least 21 are required.",
              effective.location);
}

inline constexpr core::RuleRef kQuarterEnd{
    "CHANGE-QUARTER-END", core::Severity::Info,
    "CET RFP FY2004-05 App A §105(b) (changes generally occur only at the end of a quarter)"};

void takes_effect_at_a_quarter(const ChangeRequest& request, core::Outcome& outcome) {
  const auto& effective = request.proposed_implementation_date;
  if (!effective.present()) return;
  if (effective->day() == 1 && (effective->month() - 1) % 3 == 0) return;
  outcome.add(kQuarterEnd,
              "The change takes effect " + effective->iso() +
                  ", not at the start of a quarter; changes generally occur at the end of a "
                  "quarter.",
              effective.location);
}

inline constexpr core::RuleRef kKeyPersonnel{
    "CHANGE-KEY-PERSONNEL", core::Severity::Warning,
    "CET RFP FY2004-05 App A §105(b)(1) (any change in key personnel); §121"};

std::optional<std::set<std::string>> roles_of(const Person& person) {
  if (!person.role.present()) return std::nullopt;
  return std::set<std::string>(person.role->begin(), person.role->end());
}

// One finding per person removed or whose roles changed (in baseline order), then per person
// added (in revised order). People are matched by name (rules.md §2.5), each at most once; a
// person without a name, or a role list that is unknown, is not compared.
void key_personnel_unchanged(const KeyPersonnel& approved, const KeyPersonnel& revised,
                             core::Outcome& outcome) {
  auto report = [&](const Person& person, std::string_view change) {
    outcome.add(kKeyPersonnel,
                "Key personnel change needs prior approval: " + *person.name + " " +
                    std::string(change) + ".",
                person.location);
  };
  std::vector<bool> matched(revised.persons.size(), false);
  for (const Person& before : approved.persons) {
    if (!before.name.present()) continue;
    const Person* after = nullptr;
    for (std::size_t i = 0; i < revised.persons.size() && after == nullptr; ++i) {
      const Person& candidate = revised.persons[i];
      if (matched[i] || !candidate.name.present()) continue;
      if (!text::same_name(*before.name, *candidate.name)) continue;
      matched[i] = true;
      after = &candidate;
    }
    if (after == nullptr) {
      report(before, "removed");
      continue;
    }
    const auto roles_before = roles_of(before);
    const auto roles_after = roles_of(*after);
    if (roles_before && roles_after && *roles_before != *roles_after)
      report(*after, "role changed");
  }
  for (std::size_t i = 0; i < revised.persons.size(); ++i) {
    if (!matched[i] && revised.persons[i].name.present()) report(revised.persons[i], "added");
  }
}

inline constexpr core::RuleRef kTrainingType{
    "CHANGE-TRAINING-TYPE", core::Severity::Warning,
    "CET RFP FY2004-05 App A §105(b)(2) (any change in the type of training provided)"};

std::set<TypeOfTraining> training_types(const TableA& table) {
  std::set<TypeOfTraining> types;
  for (const auto& program : table.training_programs)
    if (program.type_of_training.present()) types.insert(*program.type_of_training);
  return types;
}

// The changes of type, as a message lists them: programs kept under the same title (§2.5) whose
// type changed, then types no longer provided, then new types.
std::vector<std::string> training_type_changes(const TableA& approved, const TableA& revised) {
  std::vector<std::string> changes;
  for (const auto& after : revised.training_programs) {
    const auto& title = after.title_of_training_program;
    if (!title.present() || !after.type_of_training.present()) continue;
    for (const auto& before : approved.training_programs) {
      if (!before.title_of_training_program.present() ||
          !text::same_name(*before.title_of_training_program, *title))
        continue;
      if (before.type_of_training.present() && *before.type_of_training != *after.type_of_training)
        changes.push_back("\"" + *title + "\" " +
                          std::string(model::training_type_word(*before.type_of_training)) + " → " +
                          std::string(model::training_type_word(*after.type_of_training)));
      break;
    }
  }
  const auto types_before = training_types(approved);
  const auto types_after = training_types(revised);
  for (TypeOfTraining type : types_before)
    if (types_after.count(type) == 0)
      changes.push_back("no " + std::string(model::training_type_word(type)) + " any more");
  for (TypeOfTraining type : types_after)
    if (types_before.count(type) == 0)
      changes.push_back("new type " + std::string(model::training_type_word(type)));
  return changes;
}

void training_types_unchanged(const TableA& approved, const TableA& revised,
                              core::Outcome& outcome) {
  const std::vector<std::string> changes = training_type_changes(approved, revised);
  if (changes.empty()) return;
  std::string listed;
  for (const std::string& change : changes) listed += (listed.empty() ? "" : "; ") + change;
  outcome.add(kTrainingType,
              "The type of training changes (" + listed + "); this needs prior approval.",
              revised.location);
}

inline constexpr core::RuleRef kSessions{"CHANGE-SESSIONS", core::Severity::Warning,
                                         "CET RFP FY2004-05 App A §105(b)(3)"};

// Fails on a reduction of 20 % or more: S_r < S_a and 5 × (S_a − S_r) ≥ S_a.
void sessions_not_cut_by_a_fifth(const TableA& approved, const TableA& revised,
                                 core::Outcome& outcome) {
  const auto before = table_a_totals(approved).training_sessions;
  const auto after = table_a_totals(revised).training_sessions;
  if (!before || !after || *after >= *before) return;
  if (5 * static_cast<core::Wide>(*before - *after) < *before) return;
  outcome.add(kSessions,
              "Training sessions fall from " + std::to_string(*before) + " to " +
                  std::to_string(*after) + " (" + change_percent(*before, *after).value_or("?") +
                  "%); a reduction of 20% or more needs prior approval.",
              revised.location);
}

inline constexpr core::RuleRef kPerformance{"CHANGE-PERFORMANCE", core::Severity::Warning,
                                            "CET RFP FY2004-05 App A §105(b)(4)"};

// Whether a fall from `approved` to `revised` is 15 % or more: R < A and 20 × (A − R) ≥ 3 × A.
bool falls_by_15_percent(std::int64_t approved, std::int64_t revised) {
  return revised < approved &&
         20 * static_cast<core::Wide>(approved - revised) >= 3 * static_cast<core::Wide>(approved);
}

// A measure's value in its smallest unit (persons, hundredths of an hour).
std::int64_t units_of(std::int64_t count) {
  return count;
}
std::int64_t units_of(core::Quantity quantity) {
  return quantity.units;
}

// Each measure separately (I-11); `location` is where the revised objectives come from.
void performance_not_cut_by_15_percent(const PerformanceCounts& approved,
                                       const PerformanceCounts& revised,
                                       const core::Location& location, core::Outcome& outcome) {
  // Each measure on its own, when both of its sides are known (I-11, I-45).
  auto check = [&](std::string_view measure, const auto& known_before, const auto& known_after,
                   auto shown) {
    if (!known_before || !known_after) return;
    const std::int64_t before = units_of(*known_before);
    const std::int64_t after = units_of(*known_after);
    if (!falls_by_15_percent(before, after)) return;
    outcome.add(kPerformance,
                std::string(measure) + " falls from " + shown(before) + " to " + shown(after) +
                    " (" + change_percent(before, after).value_or("?") +
                    "%); a reduction of 15% or more needs prior approval.",
                location);
  };
  check("People trained", approved.people_trained, revised.people_trained,
        [](std::int64_t n) { return std::to_string(n); });
  check("Person-hours", approved.person_hours, revised.person_hours,
        [](std::int64_t hundredths) { return core::hundredths_figure({hundredths}); });
}

inline constexpr core::RuleRef kCategory{"CHANGE-CATEGORY", core::Severity::Warning,
                                         "CET RFP FY2004-05 App A §105(b)(5)"};
inline constexpr core::RuleRef kCategoryMajor{
    "CHANGE-CATEGORY-MAJOR", core::Severity::Warning,
    "CET RFP FY2004-05 App A §105(a)–(b) (major changes in expenditures must be authorised by "
    "the department before implementation; the agreement is modified)"};

// |R_c − A_c| for category c, a category being its grant plus matching (I-11); nullopt when
// either side is unknown (I-45).
std::optional<core::Money> variation(const TableCAmounts& approved, const TableCAmounts& revised,
                                     int category) {
  const std::optional<core::Money> before = approved.category_total(category);
  const std::optional<core::Money> after = revised.category_total(category);
  if (!before || !after) return std::nullopt;
  const core::Money d = *after - *before;
  return d.units < 0 ? core::Money{-d.units} : d;
}

// Where a category's finding points: its first element in the revised Table C, else in the
// baseline's, else the revised table.
core::Location category_location(const model::TableC& approved, const model::TableC& revised,
                                 int category) {
  for (const model::TableC* table : {&revised, &approved})
    for (const auto& element : table->categories)
      if (element.number.present() && *element.number == category) return element.location;
  return revised.location;
}

std::string share_of_budget(core::Money d, core::Money budget) {
  const auto percent = core::percent_figure(d.units, budget.units);
  return "(" + (percent ? *percent + "% of the " : std::string("against the ")) +
         core::money_text(budget) + " budget)";
}

// CHANGE-CATEGORY (5 % < d < 10 % of B) and CHANGE-CATEGORY-MAJOR (d ≥ 10 % of B), tested by
// cross-multiplication. An unchanged category (d = 0) is never a change, even when B is zero.
void category_variations_within_limits(const model::TableC& approved_table,
                                       const model::TableC& revised_table,
                                       const TableCAmounts& approved, const TableCAmounts& revised,
                                       core::Outcome& outcome) {
  const std::optional<core::Money> known_budget = approved.budget_total();  // B
  if (!known_budget) return;
  const core::Money budget = *known_budget;
  const core::Wide b = budget.units;
  for (int c = 1; c <= 9; ++c) {
    const std::optional<core::Money> known_d = variation(approved, revised, c);
    if (!known_d || known_d->units == 0) continue;
    const core::Money d = *known_d;
    const core::Wide dw = d.units;
    const std::string head = "Category " + std::to_string(c) + " changes by " +
                             core::money_text(d) + " " + share_of_budget(d, budget) + "; ";
    const core::Location location = category_location(approved_table, revised_table, c);
    if (10 * dw >= b) {
      outcome.add(kCategoryMajor,
                  head +
                      "a change of 10% or more is a major change needing the department's "
                      "authorisation and an amended agreement.",
                  location);
    } else if (20 * dw > b) {
      outcome.add(kCategory, head + "a variation over 5% needs prior approval.", location);
    }
  }
}

inline constexpr core::RuleRef kSummary{"CHANGE-SUMMARY", core::Severity::Info,
                                        "CET RFP FY2004-05 App A §105"};

// The figures of CHANGE-SUMMARY, each only when both sides are known, and the message.
void report_summary(const GrantProposal& proposal, core::Outcome& outcome,
                    model::GrantFigures& figures) {
  const Baseline* baseline = proposal.baseline ? &*proposal.baseline : nullptr;
  std::vector<std::string> parts;
  auto compare = [&](const std::string& label, auto before, auto after, std::int64_t before_units,
                     std::int64_t after_units, auto shown) {
    model::ChangeFigures<decltype(before)> change{before, after, std::nullopt};
    std::string part = label + " " + shown(before) + " → " + shown(after);
    if (const auto percent = change_percent(before_units, after_units)) {
      change.change_percent = core::percent_of(after_units - before_units, before_units);
      part += " (" + *percent + "%)";
    }
    parts.push_back(std::move(part));
    return change;
  };
  const auto count_text = [](std::int64_t n) { return std::to_string(n); };
  const auto hours_text = [](core::Quantity h) { return core::hundredths_figure(h); };

  if (baseline && baseline->table_a && proposal.table_a) {
    const auto before = table_a_totals(*baseline->table_a).training_sessions;
    const auto after = table_a_totals(*proposal.table_a).training_sessions;
    if (before && after)
      figures.sessions = compare("sessions", *before, *after, *before, *after, count_text);
  }
  if (baseline) {
    const auto before = performance_objectives(baseline->performance_objectives, baseline->table_a);
    const auto after = performance_objectives(proposal.performance_objectives, proposal.table_a);
    if (before && after) {
      // Each measure when both of its sides are known (I-45).
      if (before->people_trained && after->people_trained)
        figures.people_trained =
            compare("people trained", *before->people_trained, *after->people_trained,
                    *before->people_trained, *after->people_trained, count_text);
      if (before->person_hours && after->person_hours)
        figures.person_hours =
            compare("person-hours", *before->person_hours, *after->person_hours,
                    before->person_hours->units, after->person_hours->units, hours_text);
    }
  }
  if (baseline && baseline->table_c && proposal.table_c) {
    // Each figure when its own amounts are known (I-45).
    const TableCAmounts before = table_c_amounts(*baseline->table_c);
    const TableCAmounts after = table_c_amounts(*proposal.table_c);
    const std::optional<core::Money> budget = before.budget_total();
    const std::optional<core::Money> revised_budget = after.budget_total();
    figures.baseline_budget_total = budget;
    figures.revised_budget_total = revised_budget;
    if (budget && revised_budget)
      parts.push_back("budget " + core::money_text(*budget) + " → " +
                      core::money_text(*revised_budget));
    for (int c = 1; c <= 9; ++c) {
      const std::optional<core::Money> d = variation(before, after, c);
      if (!d || d->units == 0) continue;
      const auto index = static_cast<std::size_t>(c - 1);
      figures.category_variation[index] = *d;
      std::string part = "category " + std::to_string(c) + " " + core::money_text(*d);
      if (const auto percent =
              budget ? core::percent_figure(d->units, budget->units) : std::nullopt) {
        figures.category_variation_percent[index] = core::percent_of(d->units, budget->units);
        part += " (" + *percent + "%)";
      }
      parts.push_back(std::move(part));
    }
  }
  std::string summary;
  for (const std::string& part : parts) summary += (summary.empty() ? "" : "; ") + part;
  if (summary.empty()) summary = "no comparable figures";
  outcome.add(kSummary, "Changes from the approved grant: " + summary + ".", proposal.location);
}

}  // namespace

void check_changes(const GrantProposal& proposal, const Context&, rules::Outcome& outcome) {
  if (model::stage_of(proposal) != model::GrantStage::Revision) return;
  request_complete(proposal, outcome);
  if (const auto& request = proposal.change_request) {
    reason_given(*request, outcome);
    requested_three_weeks_ahead(*request, outcome);
    takes_effect_at_a_quarter(*request, outcome);
  }
  if (const auto& baseline = proposal.baseline) {
    if (baseline->key_personnel && proposal.key_personnel)
      key_personnel_unchanged(*baseline->key_personnel, *proposal.key_personnel, outcome);
    if (baseline->table_a && proposal.table_a) {
      training_types_unchanged(*baseline->table_a, *proposal.table_a, outcome);
      sessions_not_cut_by_a_fifth(*baseline->table_a, *proposal.table_a, outcome);
    }
    // Objectives as PERF-OBJECTIVES takes them: stated, else derived from Table A.
    const auto approved =
        performance_objectives(baseline->performance_objectives, baseline->table_a);
    const auto revised = performance_objectives(proposal.performance_objectives, proposal.table_a);
    if (approved && revised)
      performance_not_cut_by_15_percent(*approved, *revised,
                                        proposal.performance_objectives
                                            ? proposal.performance_objectives->location
                                            : proposal.table_a->location,
                                        outcome);
    if (baseline->table_c && proposal.table_c) {
      category_variations_within_limits(*baseline->table_c, *proposal.table_c,
                                        table_c_amounts(*baseline->table_c),
                                        table_c_amounts(*proposal.table_c), outcome);
    }
  }
  report_summary(proposal, outcome, outcome.grant);
}

}  // namespace pipeline::rules
