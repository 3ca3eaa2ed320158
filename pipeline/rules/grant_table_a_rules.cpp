// TABLEA: Summary of Training and Service Activities (rules.md §4.3), 15 rules, and the Table A
// arithmetic of grant_table_a.hpp. TABLEA-TYPE and TABLEA-SERVICE-TYPE are split with ingest: a
// word outside the list is rejected and reported there (formats.md §2.1); a missing one is
// reported here.
#include "pipeline/rules/grant_table_a.hpp"

#include <limits>
#include <string>
#include <vector>

#include "pipeline/rules/grant_families.hpp"
#include "pipeline/text/unicode.hpp"

namespace pipeline::rules {

namespace {

using model::ServiceActivity;
using model::TableA;
using model::TrainingProgram;
using model::TypeOfServiceActivity;
using model::TypeOfTraining;

constexpr std::int64_t kTwoHours = 200;  // hundredths of an hour
constexpr std::int64_t kMinTrainees = 5;

bool fits_int64(core::Wide value) {
  return value >= std::numeric_limits<std::int64_t>::min() &&
         value <= std::numeric_limits<std::int64_t>::max();
}

std::optional<std::int64_t> narrowed(std::optional<core::Wide> value) {
  if (!value || !fits_int64(*value)) return std::nullopt;
  return static_cast<std::int64_t>(*value);
}

std::optional<core::Quantity> narrowed_hours(std::optional<core::Wide> value) {
  if (auto units = narrowed(value)) return core::Quantity{*units};
  return std::nullopt;
}

// Shortest exact form of a non-negative hundredths value of any size ("1740", "1819.5").
std::string hours_text(core::Wide hundredths) {
  if (fits_int64(hundredths))
    return core::hundredths_figure(core::Quantity{static_cast<std::int64_t>(hundredths)});
  std::string digits;
  for (core::Wide rest = hundredths / 100; rest > 0; rest /= 10)
    digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(rest % 10)));
  const int cents = static_cast<int>(hundredths % 100);
  if (cents == 0) return digits;
  std::string frac{static_cast<char>('0' + cents / 10), static_cast<char>('0' + cents % 10)};
  if (frac.back() == '0') frac.pop_back();
  return digits + "." + frac;
}

std::string hours_text(core::Quantity hours) {
  return core::hundredths_figure(hours);
}

// The program as a message names it: its title in quotes, or its row number.
std::string program_label(const TrainingProgram& program, std::size_t n) {
  if (program.title_of_training_program.present())
    return "\"" + *program.title_of_training_program + "\"";
  return "training program " + std::to_string(n);
}

std::string service_label(const ServiceActivity& service, std::size_t n) {
  if (service.description.present()) return "\"" + *service.description + "\"";
  return "service activity " + std::to_string(n);
}

bool is(const core::Field<TypeOfTraining>& type, TypeOfTraining wanted) {
  return type.present() && *type == wanted;
}

bool is(const core::Field<TypeOfServiceActivity>& type, TypeOfServiceActivity wanted) {
  return type.present() && *type == wanted;
}

// Runs a per-row rule on every row, n counting from 1 (for messages).
template <class Row>
void each(const std::vector<Row>& rows, void (*rule)(const Row&, std::size_t, core::Outcome&),
          core::Outcome& outcome) {
  for (std::size_t i = 0; i < rows.size(); ++i) rule(rows[i], i + 1, outcome);
}

// ---------------------------------------------------------------------------------------------

inline constexpr core::RuleRef kNotEmpty{
    "TABLEA-NOT-EMPTY", core::Severity::Error,
    "CET RFP FY2004-05 §II-2b.2.D (Table A must be completed)"};

void lists_an_activity(const TableA& table, core::Outcome& outcome) {
  if (!table.training_programs.empty() || !table.service_activities.empty()) return;
  outcome.add(kNotEmpty, "Table A lists no training or service activity.", table.location);
}

inline constexpr core::RuleRef kHours{
    "TABLEA-HOURS", core::Severity::Error,
    "CET RFP FY2004-05 §II-2b 'Table A Instructions' (Total Training Hours: multiply number of "
    "sessions × number of persons × length of session)"};

void total_hours_is_the_product(const TrainingProgram& program, std::size_t n,
                                core::Outcome& outcome) {
  const std::optional<core::Wide> computed = training_hours(program);
  if (!computed || !program.total_hours.present()) return;
  if (*computed == program.total_hours->units) return;
  outcome.add(kHours,
              program_label(program, n) + ": " + std::to_string(*program.number_of_sessions) +
                  " sessions × " + std::to_string(*program.number_of_persons) + " persons × " +
                  hours_text(*program.length_of_session) + " h = " + hours_text(*computed) +
                  " h, but Total hours says " + hours_text(*program.total_hours) + ".",
              program.total_hours.location);
}

inline constexpr core::RuleRef kType{
    "TABLEA-TYPE", core::Severity::Error,
    "CET RFP FY2004-05 §I-5; §II-2b 'Table A Instructions' (Type of Training)"};

// A type outside the list is rejected and reported by ingest under this ID; the missing type is
// reported here.
void type_of_training_given(const TrainingProgram& program, std::size_t n, core::Outcome& outcome) {
  if (!program.type_of_training.absent()) return;
  outcome.add(
      kType,
      program_label(program, n) + ": type of training must be presentation, seminar or course.",
      program.type_of_training.location);
}

inline constexpr core::RuleRef kMinPersons{
    "TABLEA-MIN-PERSONS", core::Severity::Error,
    "CET RFP FY2004-05 §I-5 (training is for a group of at least five people); §II-2b 'Table A "
    "Instructions' (five or more people)"};

void at_least_five_persons(const TrainingProgram& program, std::size_t n, core::Outcome& outcome) {
  const auto& persons = program.number_of_persons;
  if (!persons.present() || *persons >= kMinTrainees) return;
  outcome.add(kMinPersons,
              program_label(program, n) + " averages " + std::to_string(*persons) +
                  " persons; training needs at least five (fewer is technical assistance).",
              persons.location);
}

inline constexpr core::RuleRef kPresentationLength{
    "TABLEA-PRESENTATION-LENGTH", core::Severity::Error,
    "CET RFP FY2004-05 §I-5 (presentation: up to two hours); §II-2b 'Table A Instructions'"};

void presentation_at_most_two_hours(const TrainingProgram& program, std::size_t n,
                                    core::Outcome& outcome) {
  const auto& length = program.length_of_session;
  if (!is(program.type_of_training, TypeOfTraining::Presentation) || !length.present()) return;
  if (length->units <= kTwoHours) return;
  outcome.add(kPresentationLength,
              "Presentation " + program_label(program, n) + " lasts " + hours_text(*length) +
                  " h; a presentation is at most 2 hours (longer is a seminar).",
              length.location);
}

inline constexpr core::RuleRef kSeminarLength{
    "TABLEA-SEMINAR-LENGTH", core::Severity::Error,
    "CET RFP FY2004-05 §I-5 (seminar: two or more hours in one continuous period); §II-2b 'Table "
    "A Instructions'"};

void seminar_at_least_two_hours(const TrainingProgram& program, std::size_t n,
                                core::Outcome& outcome) {
  const auto& length = program.length_of_session;
  if (!is(program.type_of_training, TypeOfTraining::Seminar) || !length.present()) return;
  if (length->units >= kTwoHours) return;
  outcome.add(kSeminarLength,
              "Seminar " + program_label(program, n) + " lasts " + hours_text(*length) +
                  " h; a seminar is at least 2 hours.",
              length.location);
}

inline constexpr core::RuleRef kCourseLength{
    "TABLEA-COURSE-LENGTH", core::Severity::Error,
    "CET RFP FY2004-05 §II-2b 'Table A Instructions' (course: exceeds two hours, divided into a "
    "series of presentations); §I-5"};

void course_exceeds_two_hours(const TrainingProgram& program, std::size_t n,
                              core::Outcome& outcome) {
  const auto& length = program.length_of_session;
  if (!is(program.type_of_training, TypeOfTraining::Course) || !length.present()) return;
  if (length->units > kTwoHours) return;
  outcome.add(kCourseLength,
              "Course " + program_label(program, n) + " lasts " + hours_text(*length) +
                  " h; a course exceeds 2 hours in total.",
              length.location);
}

inline constexpr core::RuleRef kCourseSeries{
    "TABLEA-COURSE-SERIES", core::Severity::Error,
    "CET RFP FY2004-05 §I-5 (a series of presentations over an extended period); §II-2b 'Table A "
    "Instructions'"};

void course_meets_at_least_twice(const TrainingProgram& program, std::size_t n,
                                 core::Outcome& outcome) {
  const auto& meetings = program.meetings_per_session;
  if (!is(program.type_of_training, TypeOfTraining::Course) || !meetings.present()) return;
  if (*meetings >= 2) return;
  outcome.add(kCourseSeries,
              "Course " + program_label(program, n) + " meets " + std::to_string(*meetings) +
                  " time(s); a course is a series of at least two meetings.",
              meetings.location);
}

inline constexpr core::RuleRef kCourseMeetingLength{
    "TABLEA-COURSE-MEETING-LENGTH", core::Severity::Warning,
    "CET RFP FY2004-05 §I-5 (a series of presentations, two or more hours each)"};

void course_meetings_last_two_hours(const TrainingProgram& program, std::size_t n,
                                    core::Outcome& outcome) {
  const auto& meetings = program.meetings_per_session;
  const auto& length = program.length_of_session;
  if (!is(program.type_of_training, TypeOfTraining::Course) || !meetings.present() ||
      *meetings < 2 || !length.present())
    return;
  if (static_cast<core::Wide>(length->units) >= static_cast<core::Wide>(kTwoHours) * *meetings)
    return;
  // The average is shown rounded half up to the hundredth; the test above is exact.
  const core::Quantity average{core::round_half_up(length->units, *meetings)};
  outcome.add(kCourseMeetingLength,
              "Course " + program_label(program, n) + " averages " + hours_text(average) +
                  " h a meeting; §I-5 describes meetings of two or more hours each.",
              length.location);
}

inline constexpr core::RuleRef kServiceType{
    "TABLEA-SERVICE-TYPE", core::Severity::Error,
    "CET RFP FY2004-05 §I-5 'Service Activities'; §II-2b 'Table A Instructions'"};

// As for TABLEA-TYPE, a word outside the list is reported by ingest under this ID.
void type_of_service_given(const ServiceActivity& service, std::size_t n, core::Outcome& outcome) {
  if (!service.type_of_service_activity.absent()) return;
  outcome.add(kServiceType,
              "Service activity " + std::to_string(n) +
                  ": type must be technical assistance, disseminate information or other.",
              service.type_of_service_activity.location);
}

inline constexpr core::RuleRef kServiceOtherDescribe{
    "TABLEA-SERVICE-OTHER-DESCRIBE", core::Severity::Warning,
    "CET RFP FY2004-05 §I-5 'Other' (\"the applicant should describe the activity in detail and "
    "provide a rationale for why it should be funded\")"};

void other_service_described(const ServiceActivity& service, std::size_t n,
                             core::Outcome& outcome) {
  if (!is(service.type_of_service_activity, TypeOfServiceActivity::Other) ||
      !service.description.absent())
    return;
  outcome.add(kServiceOtherDescribe,
              "Service activity " + std::to_string(n) +
                  " of type \"other\" should be described, with the reason to fund it.",
              service.location);
}

inline constexpr core::RuleRef kTaPersons{
    "TABLEA-TA-PERSONS", core::Severity::Error,
    "CET RFP FY2004-05 §I-5 (technical assistance involves fewer than five persons)"};

void technical_assistance_under_five_persons(const ServiceActivity& service, std::size_t n,
                                             core::Outcome& outcome) {
  const auto& persons = service.persons_per_contact;
  if (!is(service.type_of_service_activity, TypeOfServiceActivity::TechnicalAssistance) ||
      !persons.present() || *persons < kMinTrainees)
    return;
  outcome.add(kTaPersons,
              "Technical assistance " + service_label(service, n) + " involves " +
                  std::to_string(*persons) + " persons; five or more is training.",
              persons.location);
}

inline constexpr core::RuleRef kTaHours{
    "TABLEA-TA-HOURS", core::Severity::Warning,
    "CET RFP FY2004-05 §I-5 (technical assistance requires one or more grantee staff hours)"};

void technical_assistance_one_hour(const ServiceActivity& service, std::size_t n,
                                   core::Outcome& outcome) {
  const auto& hours = service.number_of_hours_available;
  if (!is(service.type_of_service_activity, TypeOfServiceActivity::TechnicalAssistance) ||
      !hours.present() || hours->units >= 100)
    return;
  outcome.add(kTaHours,
              "Technical assistance " + service_label(service, n) + " offers " +
                  hours_text(*hours) + " h; it requires at least one staff hour.",
              hours.location);
}

inline constexpr core::RuleRef kDuplicateTitle{
    "TABLEA-DUPLICATE-TITLE", core::Severity::Warning,
    "CET RFP FY2004-05 §II-2b 'Table A Instructions' (list as a separate program only if the "
    "content is distinct)"};

// One finding per program whose title equals (rules.md §2.5) an earlier program's.
void titles_distinct(const TableA& table, core::Outcome& outcome) {
  std::vector<std::string> earlier;
  for (const TrainingProgram& program : table.training_programs) {
    const auto& title = program.title_of_training_program;
    if (!title.present()) continue;
    std::string folded = text::fold_for_match(*title);
    bool repeated = false;
    for (const std::string& seen : earlier) repeated = repeated || seen == folded;
    if (repeated) {
      outcome.add(kDuplicateTitle, "Training program \"" + *title + "\" is listed more than once.",
                  title.location);
    } else {
      earlier.push_back(std::move(folded));
    }
  }
}

inline constexpr core::RuleRef kTotals{"TABLEA-TOTALS", core::Severity::Info,
                                       "CET RFP FY2004-05 §II-2b 'Table A Instructions'"};

// Figures of rules.md §4.3; a total that is unknown is left out.
void report_totals(const TableA& table, core::Outcome& outcome, model::GrantFigures& figures) {
  const TableATotals totals = table_a_totals(table);
  auto count = [](const std::optional<std::int64_t>& value) {
    return value ? std::to_string(*value) : std::string("unknown");
  };
  auto hours = [](const std::optional<core::Quantity>& value) {
    return value ? hours_text(*value) : std::string("unknown");
  };
  figures.training_sessions_total = totals.training_sessions;
  figures.people_trained_total = totals.people_trained;
  figures.person_hours_total = totals.person_hours;
  figures.technical_assistance_hours_total = totals.technical_assistance_hours;
  figures.dissemination_hours_total = totals.dissemination_hours;
  figures.other_service_hours_total = totals.other_service_hours;
  outcome.add(kTotals,
              "Table A: " + count(totals.training_sessions) + " sessions, " +
                  count(totals.people_trained) + " people trained, " + hours(totals.person_hours) +
                  " person-hours.",
              table.location);
}

// The per-row rules, in catalogue order.
using ProgramRule = void (*)(const TrainingProgram&, std::size_t, core::Outcome&);
using ServiceRule = void (*)(const ServiceActivity&, std::size_t, core::Outcome&);

constexpr ProgramRule kProgramRules[] = {
    total_hours_is_the_product,     type_of_training_given,         at_least_five_persons,
    presentation_at_most_two_hours, seminar_at_least_two_hours,     course_exceeds_two_hours,
    course_meets_at_least_twice,    course_meetings_last_two_hours,
};
constexpr ServiceRule kServiceRules[] = {
    type_of_service_given,
    other_service_described,
    technical_assistance_under_five_persons,
    technical_assistance_one_hour,
};

// Σ of `term(row)` over rows; nullopt as soon as one term is unknown.
template <class Row, class Term>
std::optional<core::Wide> sum(const std::vector<Row>& rows, Term term) {
  core::Wide total = 0;
  for (const Row& row : rows) {
    const std::optional<core::Wide> value = term(row);
    if (!value) return std::nullopt;
    total += *value;
  }
  return total;
}

// Σ hours available of the service activities of one type.
std::optional<core::Wide> service_hours(const TableA& table, TypeOfServiceActivity type) {
  core::Wide total = 0;
  for (const ServiceActivity& service : table.service_activities) {
    if (!is(service.type_of_service_activity, type)) continue;
    if (!service.number_of_hours_available.present()) return std::nullopt;
    total += service.number_of_hours_available->units;
  }
  return total;
}

}  // namespace

// ---- grant_table_a.hpp ----------------------------------------------------------------------

std::optional<core::Wide> training_hours(const TrainingProgram& program) {
  if (!program.number_of_sessions.present() || !program.number_of_persons.present() ||
      !program.length_of_session.present())
    return std::nullopt;
  return static_cast<core::Wide>(*program.number_of_sessions) * *program.number_of_persons *
         program.length_of_session->units;
}

TableATotals table_a_totals(const TableA& table) {
  const auto& programs = table.training_programs;
  TableATotals totals;
  totals.training_sessions =
      narrowed(sum(programs, [](const TrainingProgram& p) -> std::optional<core::Wide> {
        if (!p.number_of_sessions.present()) return std::nullopt;
        return *p.number_of_sessions;
      }));
  totals.people_trained =
      narrowed(sum(programs, [](const TrainingProgram& p) -> std::optional<core::Wide> {
        if (!p.number_of_sessions.present() || !p.number_of_persons.present()) return std::nullopt;
        return static_cast<core::Wide>(*p.number_of_sessions) * *p.number_of_persons;
      }));
  totals.person_hours = narrowed_hours(sum(programs, training_hours));
  totals.technical_assistance_hours =
      narrowed_hours(service_hours(table, TypeOfServiceActivity::TechnicalAssistance));
  totals.dissemination_hours =
      narrowed_hours(service_hours(table, TypeOfServiceActivity::DisseminateInformation));
  totals.other_service_hours = narrowed_hours(service_hours(table, TypeOfServiceActivity::Other));
  return totals;
}

// ---- the family -----------------------------------------------------------------------------

void check_table_a(const model::GrantProposal& proposal, const Context&, rules::Outcome& outcome) {
  if (!proposal.table_a) return;
  const TableA& table = *proposal.table_a;
  const auto& programs = table.training_programs;
  const auto& services = table.service_activities;

  lists_an_activity(table, outcome);
  for (ProgramRule rule : kProgramRules) each(programs, rule, outcome);
  for (ServiceRule rule : kServiceRules) each(services, rule, outcome);
  titles_distinct(table, outcome);
  report_totals(table, outcome, outcome.grant);
}

}  // namespace pipeline::rules
