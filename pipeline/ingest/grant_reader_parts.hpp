#pragma once
// Private to the grant proposal reader (grant_proposal_reader.cpp, grant_tables_reader.cpp): the
// rules it reports besides FORMAT-*, the words of its enumerations, its value types and the
// narrative shape, and the Table A–D readers (formats.md §3.8–§3.11).

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>

#include "pipeline/ingest/form_readers.hpp"
#include "pipeline/model/grant_words.hpp"
#include "pipeline/text/unicode.hpp"

namespace pipeline::ingest::grant_reader {

using model::Narrative;

inline constexpr core::RuleRef kTableAType{
    "TABLEA-TYPE", core::Severity::Error,
    "CET RFP FY2004-05 §I-5; §II-2b 'Table A Instructions' (Type of Training)"};
inline constexpr core::RuleRef kTableAServiceType{
    "TABLEA-SERVICE-TYPE", core::Severity::Error,
    "CET RFP FY2004-05 §I-5 'Service Activities'; §II-2b 'Table A Instructions'"};
inline constexpr core::RuleRef kTableBMonths{
    "TABLEB-MONTHS", core::Severity::Error, "CET RFP FY2004-05 App D Table B (MONTH columns 1–12)"};
inline constexpr core::RuleRef kTableCCategory{"TABLEC-CATEGORY", core::Severity::Error,
                                               "CET RFP FY2004-05 App D Table C (categories 1–9); "
                                               "App C"};

// ---- enumerations --------------------------------------------------------------------------

template <class E>
using Words = std::initializer_list<std::pair<std::string_view, E>>;

template <class E>
inline std::string words_label(Words<E> words) {
  std::string label = "one of ";
  bool first = true;
  for (const auto& [word, value] : words) {
    if (!first) label += ", ";
    label += word;
    first = false;
  }
  return label;
}

template <class E>
inline std::optional<E> parse_word(std::string_view text, Words<E> words) {
  for (const auto& [word, value] : words)
    if (word == text) return value;
  return std::nullopt;
}

// An enumerated value element; a word not listed is reported by `rule`.
template <class E>
inline core::Field<E> word(Reader& reader, pugi::xml_node parent, const char* name, Need need,
                           Words<E> words, const core::RuleRef& rule = kFormatType) {
  return reader.typed<E>(
      parent, name, need, [words](std::string_view text) { return parse_word(text, words); },
      [words] { return words_label(words); }, rule);
}

template <class E>
inline core::Field<E> word_attribute(Reader& reader, pugi::xml_node node, const char* name,
                                     Need need, Words<E> words) {
  return reader.typed_attribute<E>(
      node, name, need, [words](std::string_view text) { return parse_word(text, words); },
      [words] { return words_label(words); });
}

// A value whose type check is a rule of rules.md with its own message (formats.md §2.1):
// a text that `parse` refuses is reported by `rule` with `message(raw)` and becomes rejected.
template <class T, class Parse, class Message>
inline core::Field<T> checked(Reader& reader, core::Field<std::string>&& source, Parse parse,
                              const core::RuleRef& rule, Message message) {
  core::Field<T> out;
  out.location = std::move(source.location);
  out.raw = std::move(source.raw);
  out.state = source.state;
  if (!source.present()) return out;
  if (std::optional<T> value = parse(*source.value)) {
    out.value = std::move(*value);
  } else {
    out.state = core::FieldState::Rejected;
    reader.report(rule, message(out.raw), out.location);
  }
  return out;
}

// The name of a row for a message: its text as written, or a placeholder when it has none.
inline std::string shown(const core::Field<std::string>& name) {
  return name.raw.empty() ? std::string("(no name)") : name.raw;
}

inline const Words<model::GrantStage> kStages{{"proposal", model::GrantStage::Proposal},
                                              {"revision", model::GrantStage::Revision},
                                              {"closeout", model::GrantStage::Closeout}};
inline const Words<model::TypeOfTraining> kTrainingTypes{
    {model::training_type_word(model::TypeOfTraining::Presentation),
     model::TypeOfTraining::Presentation},
    {model::training_type_word(model::TypeOfTraining::Seminar), model::TypeOfTraining::Seminar},
    {model::training_type_word(model::TypeOfTraining::Course), model::TypeOfTraining::Course}};
inline const Words<model::TypeOfServiceActivity> kServiceTypes{
    {"technical-assistance", model::TypeOfServiceActivity::TechnicalAssistance},
    {"disseminate-information", model::TypeOfServiceActivity::DisseminateInformation},
    {"other", model::TypeOfServiceActivity::Other}};
inline const Words<model::Funding> kFundings{{"grant", model::Funding::Grant},
                                             {"matching", model::Funding::Matching}};
inline const Words<model::Meal> kMeals{
    {model::meal_word(model::Meal::Breakfast), model::Meal::Breakfast},
    {model::meal_word(model::Meal::Lunch), model::Meal::Lunch},
    {model::meal_word(model::Meal::Dinner), model::Meal::Dinner}};
inline const Words<model::FeePurpose> kFeePurposes{
    {"facility-rental", model::FeePurpose::FacilityRental},
    {"meal-expenses", model::FeePurpose::MealExpenses},
    {"training-material", model::FeePurpose::TrainingMaterial},
    {"key-personnel", model::FeePurpose::KeyPersonnel},
    {"other", model::FeePurpose::Other}};

// ---- value types of this form --------------------------------------------------------------

// "2004-2005": consecutive years.
inline std::optional<model::FiscalYear> parse_fiscal_year(std::string_view text) {
  if (text.size() != 9 || text[4] != '-') return std::nullopt;
  const auto first = core::parse_count(text.substr(0, 4));
  const auto second = core::parse_count(text.substr(5, 4));
  if (!first || !second || *second != *first + 1) return std::nullopt;
  return model::FiscalYear{static_cast<int>(*first)};
}

// A datetime (formats.md §2.1): with an offset it names its own instant, without one it is
// Michigan local time.
inline std::optional<model::Received> parse_received(std::string_view text) {
  auto local = core::parse_datetime(text);
  if (!local) return std::nullopt;
  const core::Instant instant = local->offset_minutes
                                    ? core::instant_with_offset(*local, *local->offset_minutes)
                                    : text::michigan_local_to_instant(*local);
  return model::Received{std::move(*local), instant};
}

inline std::optional<std::int64_t> parse_category_number(std::string_view text) {
  const auto number = core::parse_count(text);
  if (!number || *number < 1 || *number > 9) return std::nullopt;
  return number;
}

inline core::Field<std::string> state_code(Reader& reader, pugi::xml_node parent,
                                           const char* name) {
  return reader.typed<std::string>(parent, name, Need::Optional, parse_state,
                                   "a two-letter state code (e.g. MI)");
}

// ---- shared shapes -------------------------------------------------------------------------

// A `narrative` element: text, or a `file` attribute, or both (formats.md §2.1).
inline core::Field<Narrative> narrative_of(Reader& reader, pugi::xml_node node) {
  core::Field<Narrative> out;
  if (!node) return out;
  out.location = reader.path(node);
  const core::Field<std::string> content = reader.own_text(node, TextShape::Narrative);
  const core::Field<std::string> file = reader.attribute(node, "file");
  if (!content.present() && !file.present()) return out;
  out.state = core::FieldState::Present;
  out.raw = content.present() ? content.raw : file.raw;
  out.value = Narrative{content.value_or({}), file.value_or({})};
  return out;
}

inline core::Field<Narrative> narrative(Reader& reader, pugi::xml_node parent, const char* name) {
  const pugi::xml_node node = reader.once(parent, name);
  if (!node) {
    core::Field<Narrative> out;
    out.location = reader.child_path(parent, name);
    return out;
  }
  reader.known(node, {}, {"file"});
  return narrative_of(reader, node);
}

// Repeated text rows (`organization*`, `project*`, `item+`); blank rows are not entries.
inline std::vector<core::Field<std::string>> text_rows(Reader& reader, pugi::xml_node parent,
                                                       const char* name) {
  std::vector<core::Field<std::string>> out;
  for (Reader::ValueRow& row : reader.value_rows(parent, name)) out.push_back(std::move(row.text));
  return out;
}

inline core::Field<std::vector<std::string>> word_list(
    Reader& reader, pugi::xml_node parent, const char* name, Need need,
    std::initializer_list<std::string_view> allowed, std::string_view label) {
  return reader.typed<std::vector<std::string>>(
      parent, name, need,
      [allowed](std::string_view text) { return parse_word_list(text, allowed); }, label);
}

// formats.md §3.8–§3.11 (grant_tables_reader.cpp).
model::TableA read_table_a(Reader& reader, pugi::xml_node node);
model::TableB read_table_b(Reader& reader, pugi::xml_node node);
model::TableC read_table_c(Reader& reader, pugi::xml_node node);
model::TableD read_table_d(Reader& reader, pugi::xml_node node);

}  // namespace pipeline::ingest::grant_reader
