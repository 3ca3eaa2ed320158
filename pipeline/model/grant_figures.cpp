#include "pipeline/model/grant_figures.hpp"

namespace pipeline::model {

namespace {

// Appends figures of each type in the report's notation (formats.md §2.1, cli.md).
struct Writer {
  core::Figures& out;

  void text(const std::string& key, const std::optional<std::string>& value) {
    if (value) out.set(key, *value);
  }
  void money(const std::string& key, const std::optional<core::Money>& value) {
    if (value) out.set(key, core::money_figure(*value));
  }
  void percent(const std::string& key, const std::optional<core::Percent>& value) {
    if (value) out.set(key, core::percent_figure(*value));
  }
  void count(const std::string& key, const std::optional<std::int64_t>& value) {
    if (value) out.set(key, std::to_string(*value));
  }
  void hours(const std::string& key, const std::optional<core::Quantity>& value) {
    if (value) out.set(key, core::hundredths_figure(*value));
  }
  void cap(const std::string& name, const CapFigures& cap) {
    money(name + "-grant", cap.grant);
    percent(name + "-percent", cap.percent);
    money(name + "-maximum", cap.maximum);
  }
  void measure(const std::string& key, std::int64_t value) { count(key, value); }
  void measure(const std::string& key, core::Quantity value) { hours(key, value); }
  // "baseline-<key>", "revised-<key>", "<change_key>-change-percent".
  template <class T>
  void change(const std::string& key, const std::string& change_key,
              const std::optional<ChangeFigures<T>>& value) {
    if (!value) return;
    measure("baseline-" + key, value->baseline);
    measure("revised-" + key, value->revised);
    percent(change_key + "-change-percent", value->change_percent);
  }
};

}  // namespace

void add_report_figures(const GrantFigures& f, core::Figures& out) {
  Writer w{out};
  // GRANT (rules.md §4.2)
  w.text("applicant-category", f.applicant_category);
  if (f.priority_industries) {
    std::string codes;
    std::string ranks;
    for (const PriorityIndustry& industry : *f.priority_industries) {
      const std::string separator = codes.empty() ? "" : " ";
      codes += separator + industry.naics;
      ranks += separator + industry.rank;
    }
    out.set("priority-naics", codes);
    out.set("priority-ranks", ranks);
  }
  w.text("serves", f.serves);
  if (f.small_establishments)
    out.set("small-establishments", *f.small_establishments ? "yes" : "no");
  w.money("grant-total", f.grant_total);
  w.money("matching-total", f.matching_total);
  w.money("budget-total", f.budget_total);
  w.money("matching-minimum", f.matching_minimum);
  w.percent("matching-percent", f.matching_percent);
  w.cap("equipment", f.equipment);
  w.cap("contractual", f.contractual);
  w.cap("other", f.other);
  w.money("award-maximum", f.award_maximum);
  w.money("administrative-lump-total", f.administrative_lump_total);
  w.money("remaining-expenditures", f.remaining_expenditures);
  w.money("administrative-lump-maximum", f.administrative_lump_maximum);
  w.money("program-income-total", f.program_income_total);
  // TABLEA (§4.3)
  w.count("training-sessions-total", f.training_sessions_total);
  w.count("people-trained-total", f.people_trained_total);
  w.hours("person-hours-total", f.person_hours_total);
  w.hours("technical-assistance-hours-total", f.technical_assistance_hours_total);
  w.hours("dissemination-hours-total", f.dissemination_hours_total);
  w.hours("other-service-hours-total", f.other_service_hours_total);
  // CHANGE (§4.8)
  w.change("sessions-total", "sessions", f.sessions);
  w.change("people-trained", "people-trained", f.people_trained);
  w.change("person-hours", "person-hours", f.person_hours);
  w.money("baseline-budget-total", f.baseline_budget_total);
  w.money("revised-budget-total", f.revised_budget_total);
  for (std::size_t i = 0; i < f.category_variation.size(); ++i) {
    const std::string key = "category-" + std::to_string(i + 1) + "-variation";
    w.money(key, f.category_variation[i]);
    w.percent(key + "-percent", f.category_variation_percent[i]);
  }
  // PERF (§4.9)
  w.count("objective-people-trained", f.objective_people_trained);
  w.hours("objective-person-hours", f.objective_person_hours);
  w.hours("objective-count", f.objective_count);
  w.count("outcome-people-trained", f.outcome_people_trained);
  w.hours("outcome-person-hours", f.outcome_person_hours);
  w.hours("outcome-count", f.outcome_count);
  w.percent("performance-percent", f.performance_percent);
  w.money("award-before-reduction", f.award_before_reduction);
  w.money("award-after-reduction", f.award_after_reduction);
  w.money("award-reduction", f.award_reduction);
}

}  // namespace pipeline::model
