#include "pipeline/model/alliance_agreement.hpp"

#include <catch2/catch.hpp>

using namespace pipeline;

namespace {

model::Objective objective_saying(std::string text) {
  model::Objective objective;
  objective.text.state = core::FieldState::Present;
  objective.text.value = std::move(text);
  return objective;
}

}  // namespace

TEST_CASE("the SHP test finds safety and health programs in any case",
          "[model][agreement][phrases]") {
  CHECK(model::is_shp_objective(objective_saying("Promote Safety and Health Programs (SHPs).")));
  CHECK(model::is_shp_objective(objective_saying("a safety and  health program")));
  CHECK_FALSE(model::is_shp_objective(objective_saying("health and safety programs")));
}

TEST_CASE("the App D shp-awareness model is the SHP objective whatever its text",
          "[model][agreement]") {
  model::Objective objective;
  objective.model.state = core::FieldState::Present;
  objective.model.value = "shp-awareness";
  CHECK(model::is_shp_objective(objective));
}
