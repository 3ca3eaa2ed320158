#pragma once
//! The words of the CET grant proposal's enumerations, in one place for ingest (which reads
//! them), rules (which quote them in messages) and render (which prints them): the XML words of
//! formats.md §3.8 and §3.11, and the names the paper form (CET RFP FY2004-05 App D) gives
//! Table D's sections.

#include <array>
#include <cstddef>
#include <string_view>

#include "pipeline/model/grant_proposal.hpp"

namespace pipeline::model {

// The `type-of-training` words of Table A: "presentation", "seminar", "course".
inline constexpr std::array<std::string_view, 3> kTrainingTypeWords = {"presentation", "seminar",
                                                                       "course"};
constexpr std::string_view training_type_word(TypeOfTraining type) {
  return kTrainingTypeWords[static_cast<std::size_t>(type)];
}

// The `meal` words of a Table D travel line: "breakfast", "lunch", "dinner".
inline constexpr std::array<std::string_view, 3> kMealWords = {"breakfast", "lunch", "dinner"};
constexpr std::string_view meal_word(Meal meal) {
  return kMealWords[static_cast<std::size_t>(meal)];
}

// The row element of each TableDRow, in the enumeration's order.
inline constexpr std::array<std::string_view, 11> kTableDRowElements = {"line",
                                                                        "mileage",
                                                                        "lodging",
                                                                        "meals",
                                                                        "office-space",
                                                                        "training-space",
                                                                        "gas-electricity",
                                                                        "telephone",
                                                                        "administrative-costs",
                                                                        "purchase",
                                                                        "rental"};
constexpr std::string_view table_d_row_element(TableDRow row) {
  return kTableDRowElements[static_cast<std::size_t>(row)];
}
// The row a Table D element is: TableDRow::Line for "line" and any word not listed.
constexpr TableDRow table_d_row_of(std::string_view element) {
  for (std::size_t i = 1; i < kTableDRowElements.size(); ++i)
    if (kTableDRowElements[i] == element) return static_cast<TableDRow>(i);
  return TableDRow::Line;
}

// The paper form's name of each Table D section, by its Table C category (1 to 9).
inline constexpr std::array<std::string_view, 9> kTableDSectionTitles = {
    "Wages/Salaries",     "Fringe Benefit",  "Travel",
    "Rent and Utilities", "Office Supplies", "Training Materials",
    "Equipment",          "Contractual",     "Other"};
constexpr std::string_view table_d_section_title(int category) {
  return kTableDSectionTitles[static_cast<std::size_t>(category - 1)];
}

}  // namespace pipeline::model
