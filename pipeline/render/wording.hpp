#pragma once
//! Helpers shared by the agreement and letter renderers: the values that fill their templates.
//! Internal to the render module.

#include <cstdint>
#include <string>
#include <vector>

#include "pipeline/core/date.hpp"
#include "pipeline/core/field.hpp"
#include "pipeline/render/template_document.hpp"

namespace pipeline::render::wording {

// "a", "a and b", "a, b and c" (no serial comma, as the agency documents write lists).
std::string joined(const std::vector<std::string>& items, const std::string& conjunction = "and");
// The separator to write after item `index` of `count` when listing them: ", ", " and ", "".
std::string separator_after(std::size_t index, std::size_t count,
                            const std::string& conjunction = "and");
// "shp-awareness" -> "shp_awareness": a vocabulary word as a mustache name.
std::string key(std::string word);
// "trade-association" -> "trade association".
std::string words(const std::string& kebab);
// "partner" -> "Partner" (vocabulary words are ASCII).
std::string capitalized(std::string word);
// "a" or "an" for the word that follows.
std::string article(const std::string& word);
// 5 -> "five years", 1 -> "one year".
std::string years(std::int64_t n);
// 1 -> "once", 2 -> "twice", 3 -> "three times".
std::string times(std::int64_t n);

// The text of a field, empty when absent or rejected.
std::string text(const core::Field<std::string>& field);

// Sets `name` to the text of `field` and `has_<name>` to whether it has one.
void set_text(TemplateData& data, const std::string& name, const core::Field<std::string>& field);
// Sets `name` to the long date ("July 25, 2024"), `has_<name>` to whether there is one, and
// `<name>_day` ("25th"), `<name>_month` ("July"), `<name>_year` ("2024") for "Signed this …" lines.
void set_date(TemplateData& data, const std::string& name, const core::Field<core::Date>& field);
void set_date(TemplateData& data, const std::string& name, core::Date date);

}  // namespace pipeline::render::wording
