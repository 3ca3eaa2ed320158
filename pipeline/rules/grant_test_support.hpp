#pragma once
//! Test helpers (for the grant rule tests only): small GrantProposal pieces built in code, so a
//! test states just the values its rule reads.

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

#include "pipeline/core/finding.hpp"
#include "pipeline/model/grant_parameters.hpp"
#include "pipeline/model/grant_proposal.hpp"
#include "pipeline/model/grant_words.hpp"
#include "pipeline/rules/rules.hpp"

namespace pipeline::rules::test {

template <class T>
core::Field<T> present(T value, core::Location location = "test") {
  core::Field<T> field;
  field.state = core::FieldState::Present;
  field.value = std::move(value);
  field.location = std::move(location);
  return field;
}

template <class T>
core::Field<T> rejected(std::string raw, core::Location location = "test") {
  core::Field<T> field;
  field.state = core::FieldState::Rejected;
  field.raw = std::move(raw);
  field.location = std::move(location);
  return field;
}

// Gives a field a new present value where it was.
template <class T>
void restate(core::Field<T>& field, T value) {
  field = present(std::move(value), field.location);
}

inline core::Money money(std::string_view text) {
  return *core::parse_money(text);
}
inline core::Quantity quantity(std::string_view text) {
  return *core::parse_quantity(text);
}
inline core::Rate rate(std::string_view text) {
  return *core::parse_rate(text);
}
inline core::Percent percent(std::string_view text) {
  return *core::parse_percent(text);
}

// A Table C line whose quarters add up: the whole amount in the first quarter.
inline model::TableCLine table_c_line(core::Money total, std::string location = "line") {
  model::TableCLine line;
  line.location = location;
  line.total_funds = present(total, location + "/total-funds");
  line.first = present(total, location + "/first");
  line.second = present(core::Money{}, location + "/second");
  line.third = present(core::Money{}, location + "/third");
  line.fourth = present(core::Money{}, location + "/fourth");
  return line;
}

struct CategoryAmounts {
  int category;
  const char* grant = nullptr;     // nullptr: no grant line
  const char* matching = nullptr;  // nullptr: no matching line
};

// A consistent Table C: the categories given and a Total row that adds them up.
inline model::TableC table_c(std::initializer_list<CategoryAmounts> categories) {
  model::TableC table;
  table.location = "cet-grant-proposal/table-c";
  core::Money grant{};
  core::Money matching{};
  int index = 0;
  for (const CategoryAmounts& amounts : categories) {
    model::TableCCategory& category = table.categories.emplace_back();
    category.location = table.location + "/category[" + std::to_string(++index) + "]";
    category.number = present<std::int64_t>(amounts.category, category.location + "/@number");
    if (amounts.grant != nullptr) {
      category.grant = table_c_line(money(amounts.grant), category.location + "/grant");
      grant += money(amounts.grant);
    }
    if (amounts.matching != nullptr) {
      category.matching = table_c_line(money(amounts.matching), category.location + "/matching");
      matching += money(amounts.matching);
    }
  }
  model::TableCTotal& total = table.total.emplace();
  total.location = table.location + "/total";
  total.grant = table_c_line(grant, total.location + "/grant");
  total.matching = table_c_line(matching, total.location + "/matching");
  return table;
}

// A Table D line of `row` with its funding and stated total.
inline model::TableDLine table_d_line(model::TableDRow row, model::Funding funding,
                                      std::string_view total_charged,
                                      std::string location = "line") {
  model::TableDLine line;
  line.location = location;
  line.row = row;
  line.element = model::table_d_row_element(row);
  line.funding = present(funding, location + "/@funding");
  line.total_charged = present(money(total_charged), location + "/total-charged");
  return line;
}

inline model::TableDSection table_d_section(int category, std::string name) {
  model::TableDSection section;
  section.category = category;
  section.name = name;
  section.location = "cet-grant-proposal/table-d/" + name;
  return section;
}

// Runs the whole cet-grant-proposal rulebook on `proposal`.
inline core::Outcome check_proposal(const model::GrantProposal& proposal,
                                    const model::GrantParameters& parameters = {}) {
  model::Submission submission{"cet-grant-proposal", "cet-grant", proposal};
  Context context;
  context.as_of = *core::Date::from_ymd(2004, 6, 1);
  context.grant = &parameters;
  core::Outcome outcome;
  check(submission, context, outcome);
  return outcome;
}

// How many findings of `rule` the outcome holds.
inline int count(const core::Outcome& outcome, std::string_view rule) {
  int n = 0;
  for (const core::Finding& finding : outcome.findings)
    if (finding.rule == rule) ++n;
  return n;
}

// The message of the first finding of `rule` ("" when none).
inline std::string message(const core::Outcome& outcome, std::string_view rule) {
  for (const core::Finding& finding : outcome.findings)
    if (finding.rule == rule) return finding.message;
  return {};
}

inline std::string figure(const core::Outcome& outcome, std::string_view key) {
  const std::string* value = outcome.figures.find(key);
  return value != nullptr ? *value : std::string("(absent)");
}

}  // namespace pipeline::rules::test
