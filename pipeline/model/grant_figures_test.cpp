#include "pipeline/model/grant_figures.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

using namespace pipeline;

namespace {

using Items = std::vector<std::pair<std::string, std::string>>;

Items report_items(const model::GrantFigures& figures) {
  core::Figures out;
  model::add_report_figures(figures, out);
  return out.items();
}

}  // namespace

TEST_CASE("no typed figure, no report figure", "[model][grant][figures]") {
  CHECK(report_items(model::GrantFigures{}).empty());
}

TEST_CASE("grant figures become the report's keys in catalogue order, in its notation",
          "[model][grant][figures]") {
  model::GrantFigures f;
  f.award_reduction = core::Money{123456};  // set first, written in its place
  f.applicant_category = "labor/employee";
  f.priority_industries = std::vector<model::PriorityIndustry>{{"3261", "2"}, {"3151", "4.5"}};
  f.small_establishments = false;
  f.grant_total = core::Money{6337030};
  f.matching_percent = core::percent_of(881310, 6337030);
  f.equipment.maximum = core::Money{633703};
  f.training_sessions_total = 1740;
  f.person_hours_total = core::Quantity{181950};
  f.sessions = model::ChangeFigures<std::int64_t>{20, 16, core::percent_of(-4, 20)};
  f.person_hours = model::ChangeFigures<core::Quantity>{{90000}, {90050}, std::nullopt};
  f.category_variation[6] = core::Money{-50000};
  f.category_variation_percent[6] = core::percent_of(-50000, 2000000);
  f.objective_count = core::Quantity{120000};
  f.performance_percent = core::percent_of(1, 3);
  CHECK(report_items(f) == Items{{"applicant-category", "labor/employee"},
                                 {"priority-naics", "3261 3151"},
                                 {"priority-ranks", "2 4.5"},
                                 {"small-establishments", "no"},
                                 {"grant-total", "63370.30"},
                                 {"matching-percent", "13.91"},
                                 {"equipment-maximum", "6337.03"},
                                 {"training-sessions-total", "1740"},
                                 {"person-hours-total", "1819.5"},
                                 {"baseline-sessions-total", "20"},
                                 {"revised-sessions-total", "16"},
                                 {"sessions-change-percent", "-20.00"},
                                 {"baseline-person-hours", "900"},
                                 {"revised-person-hours", "900.5"},
                                 {"category-7-variation", "-500.00"},
                                 {"category-7-variation-percent", "-2.50"},
                                 {"objective-count", "1200"},
                                 {"performance-percent", "33.33"},
                                 {"award-reduction", "1234.56"}});
}

TEST_CASE("an audience with no ranked industry still has its two figures, empty",
          "[model][grant][figures]") {
  model::GrantFigures f;
  f.priority_industries = std::vector<model::PriorityIndustry>{};
  CHECK(report_items(f) == Items{{"priority-naics", ""}, {"priority-ranks", ""}});
}
