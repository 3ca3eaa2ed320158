#include "pipeline/model/alliance_agreement.hpp"

#include "pipeline/text/unicode.hpp"

namespace pipeline::model {

bool is_shp_objective(const Objective& objective) {
  if (objective.model.present() && *objective.model == "shp-awareness") return true;
  return objective.text.present() &&
         text::fold_for_match(*objective.text).find("safety and health program") !=
             std::string::npos;
}

}  // namespace pipeline::model
