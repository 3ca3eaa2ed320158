// cet-grant-proposal (formats.md §3): the tree of an XML document or of a CSV bundle -> the
// GrantProposal model, with every FORMAT-* finding (and the type checks formats.md §2.1 gives to
// TABLEA-TYPE, TABLEA-SERVICE-TYPE, TABLEB-MONTHS and TABLEC-CATEGORY) reported on the way.
#include <algorithm>
#include <string>
#include <string_view>
#include <utility>

#include "pipeline/ingest/form_readers.hpp"
#include "pipeline/model/grant_words.hpp"
#include "pipeline/text/unicode.hpp"

namespace pipeline::ingest {

namespace {

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
std::string words_label(Words<E> words) {
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
std::optional<E> parse_word(std::string_view text, Words<E> words) {
  for (const auto& [word, value] : words)
    if (word == text) return value;
  return std::nullopt;
}

// An enumerated value element; a word not listed is reported by `rule`.
template <class E>
core::Field<E> word(Reader& reader, pugi::xml_node parent, const char* name, Need need,
                    Words<E> words, const core::RuleRef& rule = kFormatType) {
  return reader.typed<E>(
      parent, name, need, [words](std::string_view text) { return parse_word(text, words); },
      [words] { return words_label(words); }, rule);
}

template <class E>
core::Field<E> word_attribute(Reader& reader, pugi::xml_node node, const char* name, Need need,
                              Words<E> words) {
  return reader.typed_attribute<E>(
      node, name, need, [words](std::string_view text) { return parse_word(text, words); },
      [words] { return words_label(words); });
}

// A value whose type check is a rule of rules.md with its own message (formats.md §2.1):
// a text that `parse` refuses is reported by `rule` with `message(raw)` and becomes rejected.
template <class T, class Parse, class Message>
core::Field<T> checked(Reader& reader, core::Field<std::string>&& source, Parse parse,
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
std::string shown(const core::Field<std::string>& name) {
  return name.raw.empty() ? std::string("(no name)") : name.raw;
}

const Words<model::GrantStage> kStages{{"proposal", model::GrantStage::Proposal},
                                       {"revision", model::GrantStage::Revision},
                                       {"closeout", model::GrantStage::Closeout}};
const Words<model::TypeOfTraining> kTrainingTypes{
    {model::training_type_word(model::TypeOfTraining::Presentation),
     model::TypeOfTraining::Presentation},
    {model::training_type_word(model::TypeOfTraining::Seminar), model::TypeOfTraining::Seminar},
    {model::training_type_word(model::TypeOfTraining::Course), model::TypeOfTraining::Course}};
const Words<model::TypeOfServiceActivity> kServiceTypes{
    {"technical-assistance", model::TypeOfServiceActivity::TechnicalAssistance},
    {"disseminate-information", model::TypeOfServiceActivity::DisseminateInformation},
    {"other", model::TypeOfServiceActivity::Other}};
const Words<model::Funding> kFundings{{"grant", model::Funding::Grant},
                                      {"matching", model::Funding::Matching}};
const Words<model::Meal> kMeals{{model::meal_word(model::Meal::Breakfast), model::Meal::Breakfast},
                                {model::meal_word(model::Meal::Lunch), model::Meal::Lunch},
                                {model::meal_word(model::Meal::Dinner), model::Meal::Dinner}};
const Words<model::FeePurpose> kFeePurposes{
    {"facility-rental", model::FeePurpose::FacilityRental},
    {"meal-expenses", model::FeePurpose::MealExpenses},
    {"training-material", model::FeePurpose::TrainingMaterial},
    {"key-personnel", model::FeePurpose::KeyPersonnel},
    {"other", model::FeePurpose::Other}};

// ---- value types of this form --------------------------------------------------------------

// "2004-2005": consecutive years.
std::optional<model::FiscalYear> parse_fiscal_year(std::string_view text) {
  if (text.size() != 9 || text[4] != '-') return std::nullopt;
  const auto first = core::parse_count(text.substr(0, 4));
  const auto second = core::parse_count(text.substr(5, 4));
  if (!first || !second || *second != *first + 1) return std::nullopt;
  return model::FiscalYear{static_cast<int>(*first)};
}

// A datetime (formats.md §2.1): with an offset it names its own instant, without one it is
// Michigan local time.
std::optional<model::Received> parse_received(std::string_view text) {
  auto local = core::parse_datetime(text);
  if (!local) return std::nullopt;
  const core::Instant instant = local->offset_minutes
                                    ? core::instant_with_offset(*local, *local->offset_minutes)
                                    : text::michigan_local_to_instant(*local);
  return model::Received{std::move(*local), instant};
}

std::optional<std::int64_t> parse_category_number(std::string_view text) {
  const auto number = core::parse_count(text);
  if (!number || *number < 1 || *number > 9) return std::nullopt;
  return number;
}

core::Field<std::string> state_code(Reader& reader, pugi::xml_node parent, const char* name) {
  return reader.typed<std::string>(parent, name, Need::Optional, parse_state,
                                   "a two-letter state code (e.g. MI)");
}

// ---- shared shapes -------------------------------------------------------------------------

// A `narrative` element: text, or a `file` attribute, or both (formats.md §2.1).
core::Field<Narrative> narrative_of(Reader& reader, pugi::xml_node node) {
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

core::Field<Narrative> narrative(Reader& reader, pugi::xml_node parent, const char* name) {
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
std::vector<core::Field<std::string>> text_rows(Reader& reader, pugi::xml_node parent,
                                                const char* name) {
  std::vector<core::Field<std::string>> out;
  for (Reader::ValueRow& row : reader.value_rows(parent, name)) out.push_back(std::move(row.text));
  return out;
}

core::Field<std::vector<std::string>> word_list(Reader& reader, pugi::xml_node parent,
                                                const char* name, Need need,
                                                std::initializer_list<std::string_view> allowed,
                                                std::string_view label) {
  return reader.typed<std::vector<std::string>>(
      parent, name, need,
      [allowed](std::string_view text) { return parse_word_list(text, allowed); }, label);
}

// ---- §3.3 signature-sheet ------------------------------------------------------------------

model::SignatureSheet read_signature_sheet(Reader& reader, pugi::xml_node node) {
  reader.known(node, {"project-title", "sponsoring-organization", "authorized-contact-person",
                      "position-title", "mailing-address", "city", "state", "zip-code",
                      "total-amount-of-cet-funds-requested", "telephone-number",
                      "certification-and-signature", "statement-of-affiliation"});
  model::SignatureSheet sheet;
  sheet.location = reader.path(node);
  sheet.project_title = reader.text(node, "project-title");
  sheet.sponsoring_organization = reader.text(node, "sponsoring-organization");
  sheet.authorized_contact_person = reader.text(node, "authorized-contact-person");
  sheet.position_title = reader.text(node, "position-title");
  sheet.mailing_address = reader.text(node, "mailing-address");
  sheet.city = reader.text(node, "city");
  sheet.state = state_code(reader, node, "state");
  sheet.zip_code = reader.typed<std::string>(node, "zip-code", Need::Optional, parse_zip,
                                             "a ZIP code (12345 or 12345-6789)");
  sheet.total_amount_of_cet_funds_requested =
      reader.money(node, "total-amount-of-cet-funds-requested");
  sheet.telephone_number =
      reader.typed<std::string>(node, "telephone-number", Need::Optional, parse_telephone,
                                "a telephone number with area code (10 digits)");
  if (const pugi::xml_node cert = reader.once(node, "certification-and-signature")) {
    reader.known(cert, {"signature-of-official", "title", "date"});
    model::CertificationAndSignature& c = sheet.certification_and_signature.emplace();
    c.location = reader.path(cert);
    c.signature_of_official = reader.text(cert, "signature-of-official");
    c.title = reader.text(cert, "title");
    c.date = reader.date(cert, "date");
  }
  if (const pugi::xml_node soa = reader.once(node, "statement-of-affiliation")) {
    reader.known(soa, {"signer"});
    model::StatementOfAffiliation& s = sheet.statement_of_affiliation.emplace();
    s.location = reader.path(soa);
    for (pugi::xml_node row : reader.rows(soa, "signer")) {
      reader.known(row, {"authorized-signature", "organization", "date"});
      model::Signer& signer = s.signers.emplace_back();
      signer.location = reader.path(row);
      signer.authorized_signature = reader.text(row, "authorized-signature", Need::Required);
      signer.organization = reader.text(row, "organization", Need::Required);
      signer.date = reader.date(row, "date", Need::Required);
    }
  }
  return sheet;
}

// ---- §3.4 applicant, §3.5 target-audience --------------------------------------------------

model::Applicant read_applicant(Reader& reader, pugi::xml_node node) {
  reader.known(
      node, {"nonprofit", "nonprofit-evidence", "applicant-category", "participating-organizations",
             "consecutive-prior-cycles", "parallel-projects"});
  model::Applicant applicant;
  applicant.location = reader.path(node);
  applicant.nonprofit = reader.yes_no(node, "nonprofit");
  applicant.nonprofit_evidence = reader.text(node, "nonprofit-evidence");
  applicant.applicant_category = reader.one_of(node, "applicant-category", Need::Optional,
                                               {"management-employer", "labor-employee", "other"});
  if (const pugi::xml_node orgs = reader.once(node, "participating-organizations")) {
    reader.known(orgs, {"organization"});
    model::ParticipatingOrganizations& p = applicant.participating_organizations.emplace();
    p.location = reader.path(orgs);
    p.organizations = text_rows(reader, orgs, "organization");
  }
  applicant.consecutive_prior_cycles = reader.count(node, "consecutive-prior-cycles");
  if (const pugi::xml_node parallel = reader.once(node, "parallel-projects")) {
    reader.known(parallel, {"project"}, {"none"});
    model::ParallelProjects& p = applicant.parallel_projects.emplace();
    p.location = reader.path(parallel);
    p.none =
        reader.typed_attribute<bool>(parallel, "none", Need::Optional, parse_yes_no, "yes or no");
    p.projects = text_rows(reader, parallel, "project");
  }
  return applicant;
}

model::TargetAudience read_target_audience(Reader& reader, pugi::xml_node node) {
  reader.known(node, {"naics", "small-establishments", "serves"});
  model::TargetAudience audience;
  audience.location = reader.path(node);
  for (Reader::ValueRow& row : reader.value_rows(node, "naics")) {
    audience.naics.push_back(
        reader.convert<std::string>(std::move(row.text), parse_naics, "a NAICS code (2–6 digits)"));
  }
  audience.small_establishments = reader.yes_no(node, "small-establishments");
  audience.serves =
      reader.one_of(node, "serves", Need::Optional, {"employees", "employers", "both"});
  return audience;
}

// ---- §3.6 proposal-narrative ---------------------------------------------------------------

model::ProjectDesign read_project_design(Reader& reader, pugi::xml_node node) {
  reader.known(node, {"project-summary", "project-sponsor", "project-innovation",
                      "activities-to-be-funded"});
  model::ProjectDesign design;
  design.location = reader.path(node);
  if (const pugi::xml_node summary = reader.once(node, "project-summary")) {
    reader.known(summary, {}, {"file", "pages"});
    design.project_summary = narrative_of(reader, summary);
    design.project_summary_pages = reader.typed_attribute<std::int64_t>(
        summary, "pages", Need::Optional, core::parse_count, "a whole number");
  } else {
    design.project_summary.location = reader.child_path(node, "project-summary");
  }
  design.project_sponsor = narrative(reader, node, "project-sponsor");
  design.project_innovation = narrative(reader, node, "project-innovation");
  design.activities_to_be_funded =
      word_list(reader, node, "activities-to-be-funded", Need::Optional,
                {"training", "services", "limited-research"},
                "a space-separated list of training, services, limited-research");
  return design;
}

model::ProposalNarrative read_proposal_narrative(Reader& reader, pugi::xml_node node) {
  reader.known(node, {"problem-addressed", "project-design", "project-management"});
  model::ProposalNarrative out;
  out.location = reader.path(node);
  out.problem_addressed = narrative(reader, node, "problem-addressed");
  if (const pugi::xml_node design = reader.once(node, "project-design"))
    out.project_design = read_project_design(reader, design);
  out.project_management = narrative(reader, node, "project-management");
  return out;
}

// ---- §3.7 key-personnel, advisory-committee, commitments -----------------------------------

model::KeyPersonnel read_key_personnel(Reader& reader, pugi::xml_node node) {
  reader.known(node, {"person"});
  model::KeyPersonnel out;
  out.location = reader.path(node);
  for (pugi::xml_node row : reader.rows(node, "person")) {
    reader.known(row, {"name", "position", "role", "institutional-base-salary", "resume"});
    model::Person& person = out.persons.emplace_back();
    person.location = reader.path(row);
    person.name = reader.text(row, "name", Need::Required);
    person.position = reader.text(row, "position", Need::Required);
    person.role = word_list(
        reader, row, "role", Need::Required,
        {"administration-coordination", "instruction", "curriculum-development",
         "technical-assistance", "evaluation-record-keeping", "financial-record-keeping", "other"},
        "a space-separated list of staffing roles "
        "(administration-coordination, instruction, curriculum-development, "
        "technical-assistance, evaluation-record-keeping, "
        "financial-record-keeping, other)");
    person.institutional_base_salary = reader.money(row, "institutional-base-salary");
    person.resume = reader.yes_no(row, "resume");
  }
  return out;
}

model::AdvisoryCommittee read_advisory_committee(Reader& reader, pugi::xml_node node) {
  reader.known(node, {"member"});
  model::AdvisoryCommittee out;
  out.location = reader.path(node);
  for (pugi::xml_node row : reader.rows(node, "member")) {
    reader.known(row, {"name", "affiliation", "expertise"});
    model::Member& member = out.members.emplace_back();
    member.location = reader.path(row);
    member.name = reader.text(row, "name", Need::Required);
    member.affiliation = reader.text(row, "affiliation", Need::Required);
    member.expertise = reader.text(row, "expertise");
  }
  return out;
}

model::Commitments read_commitments(Reader& reader, pugi::xml_node node) {
  reader.known(node, {"evaluation-cooperation", "start-within-four-weeks"});
  model::Commitments out;
  out.location = reader.path(node);
  out.evaluation_cooperation = reader.yes_no(node, "evaluation-cooperation");
  out.start_within_four_weeks = reader.yes_no(node, "start-within-four-weeks");
  return out;
}

// ---- §3.8 table-a, §3.9 table-b ------------------------------------------------------------

model::TableA read_table_a(Reader& reader, pugi::xml_node node) {
  reader.known(node, {"training-program", "service-activity"});
  model::TableA table;
  table.location = reader.path(node);
  for (pugi::xml_node row : reader.rows(node, "training-program")) {
    reader.known(row,
                 {"title-of-training-program", "type-of-training", "number-of-sessions",
                  "number-of-persons", "length-of-session", "total-hours", "meetings-per-session"});
    model::TrainingProgram& program = table.training_programs.emplace_back();
    program.location = reader.path(row);
    program.title_of_training_program =
        reader.text(row, "title-of-training-program", Need::Required);
    program.type_of_training = checked<model::TypeOfTraining>(
        reader, reader.text(row, "type-of-training"),
        [](std::string_view text) { return parse_word(text, kTrainingTypes); }, kTableAType,
        [&](const std::string& raw) {
          return "\"" + shown(program.title_of_training_program) +
                 "\": type of training must be presentation, seminar or course, found \"" + raw +
                 "\".";
        });
    program.number_of_sessions = reader.count(row, "number-of-sessions", Need::Required);
    program.number_of_persons = reader.count(row, "number-of-persons", Need::Required);
    program.length_of_session = reader.quantity(row, "length-of-session", Need::Required);
    program.total_hours = reader.quantity(row, "total-hours", Need::Required);
    program.meetings_per_session = reader.count(row, "meetings-per-session");
  }
  for (pugi::xml_node row : reader.rows(node, "service-activity")) {
    reader.known(row, {"type-of-service-activity", "description", "number-of-hours-available",
                       "persons-per-contact"});
    model::ServiceActivity& service = table.service_activities.emplace_back();
    service.location = reader.path(row);
    const std::size_t n = table.service_activities.size();
    service.type_of_service_activity = checked<model::TypeOfServiceActivity>(
        reader, reader.text(row, "type-of-service-activity"),
        [](std::string_view text) { return parse_word(text, kServiceTypes); }, kTableAServiceType,
        [n](const std::string& raw) {
          return "Service activity " + std::to_string(n) +
                 ": type must be technical assistance, disseminate information or other, "
                 "found \"" +
                 raw + "\".";
        });
    service.description = reader.text(row, "description");
    service.number_of_hours_available =
        reader.quantity(row, "number-of-hours-available", Need::Required);
    service.persons_per_contact = reader.count(row, "persons-per-contact");
  }
  return table;
}

model::TableB read_table_b(Reader& reader, pugi::xml_node node) {
  reader.known(node, {"activity"});
  model::TableB table;
  table.location = reader.path(node);
  for (pugi::xml_node row : reader.rows(node, "activity")) {
    reader.known(row, {"name", "months"});
    model::TimeFlowActivity& activity = table.activities.emplace_back();
    activity.location = reader.path(row);
    activity.name = reader.text(row, "name", Need::Required);
    activity.months = checked<std::set<int>>(reader, reader.text(row, "months"), parse_months,
                                             kTableBMonths, [&](const std::string& raw) {
                                               return "Activity \"" + shown(activity.name) +
                                                      "\": months must be 1 to 12, found \"" + raw +
                                                      "\".";
                                             });
  }
  return table;
}

// ---- §3.10 table-c -------------------------------------------------------------------------

// A present `grant` or `matching` line must hold all five money fields.
std::optional<model::TableCLine> read_table_c_line(Reader& reader, pugi::xml_node parent,
                                                   const char* name, Need need) {
  const pugi::xml_node node = reader.once(parent, name, need);
  if (!node) return std::nullopt;
  reader.known(node, {"total-funds", "first", "second", "third", "fourth"});
  model::TableCLine line;
  line.location = reader.path(node);
  line.total_funds = reader.money(node, "total-funds", Need::Required);
  line.first = reader.money(node, "first", Need::Required);
  line.second = reader.money(node, "second", Need::Required);
  line.third = reader.money(node, "third", Need::Required);
  line.fourth = reader.money(node, "fourth", Need::Required);
  return line;
}

model::TableC read_table_c(Reader& reader, pugi::xml_node node) {
  reader.known(node, {"category", "total"});
  model::TableC table;
  table.location = reader.path(node);
  for (pugi::xml_node row : reader.rows(node, "category")) {
    reader.known(row, {"grant", "matching"}, {"number", "name"});
    model::TableCCategory& category = table.categories.emplace_back();
    category.location = reader.path(row);
    category.number = checked<std::int64_t>(
        reader, reader.attribute(row, "number"), parse_category_number, kTableCCategory,
        [](const std::string& raw) {
          return "Table C category \"" + raw + "\" is not a category number from 1 to 9.";
        });
    category.name = reader.attribute(row, "name");
    category.grant = read_table_c_line(reader, row, "grant", Need::Optional);
    category.matching = read_table_c_line(reader, row, "matching", Need::Optional);
  }
  if (const pugi::xml_node total = reader.once(node, "total", Need::Required)) {
    reader.known(total, {"grant", "matching"});
    model::TableCTotal& t = table.total.emplace();
    t.location = reader.path(total);
    t.grant = read_table_c_line(reader, total, "grant", Need::Required);
    t.matching = read_table_c_line(reader, total, "matching", Need::Required);
  }
  return table;
}

// ---- §3.11 table-d -------------------------------------------------------------------------

struct SectionShape {
  const char* name;
  int category;
  std::optional<model::TableDSection> model::TableD::*member;
  std::vector<std::string_view> rows;
};

const std::vector<SectionShape> kSections{
    {"wages-salaries", 1, &model::TableD::wages_salaries, {"line"}},
    {"fringe-benefit", 2, &model::TableD::fringe_benefit, {"line"}},
    {"travel", 3, &model::TableD::travel, {"mileage", "lodging", "meals"}},
    {"rent-and-utilities",
     4,
     &model::TableD::rent_and_utilities,
     {"office-space", "training-space", "gas-electricity", "telephone", "administrative-costs"}},
    {"office-supplies", 5, &model::TableD::office_supplies, {"line"}},
    {"training-materials", 6, &model::TableD::training_materials, {"line"}},
    {"equipment", 7, &model::TableD::equipment, {"purchase", "rental"}},
    {"contractual", 8, &model::TableD::contractual, {"line"}},
    {"other", 9, &model::TableD::other, {"line", "administrative-costs"}},
};

// The fields of one Table D row, by section and row element (formats.md §3.11).
void read_table_d_fields(Reader& reader, pugi::xml_node row, std::string_view section,
                         model::TableDLine& line) {
  using R = model::TableDRow;
  const Need req = Need::Required;
  switch (line.row) {
    case R::Line:
      if (section == "wages-salaries") {
        reader.known(row, {"position", "salary-per-week", "number-of-weeks", "total-charged"},
                     {"funding", "in-kind", "lost-time"});
        line.position = reader.text(row, "position", req);
        line.salary_per_week = reader.money(row, "salary-per-week", req);
        line.number_of_weeks = reader.quantity(row, "number-of-weeks", req);
      } else if (section == "fringe-benefit") {
        reader.known(row, {"type-of-benefit", "total-salaries", "formula-percent", "total-charged"},
                     {"funding", "in-kind"});
        line.type_of_benefit = reader.text(row, "type-of-benefit", req);
        line.total_salaries = reader.money(row, "total-salaries", req);
        line.formula_percent = reader.percent(row, "formula-percent", req);
      } else if (section == "office-supplies") {
        reader.known(row, {"type-of-supplies", "cost-per-item", "total-units", "total-charged"},
                     {"funding", "in-kind"});
        line.type_of_supplies = reader.text(row, "type-of-supplies", req);
        line.cost_per_item = reader.money(row, "cost-per-item", req);
        line.total_units = reader.quantity(row, "total-units", req);
      } else if (section == "training-materials") {
        reader.known(row, {"type-of-material", "cost-per-item", "total-units", "total-charged"},
                     {"funding", "in-kind"});
        line.type_of_material = reader.text(row, "type-of-material", req);
        line.cost_per_item = reader.money(row, "cost-per-item", req);
        line.total_units = reader.quantity(row, "total-units", req);
      } else if (section == "contractual") {
        reader.known(row, {"scope-nature-of-contract", "total-charged"}, {"funding", "in-kind"});
        line.scope_nature_of_contract = reader.text(row, "scope-nature-of-contract", req);
      } else {  // other: a missing `specify` is GRANT-INDIRECT-BROKEN-OUT's
        reader.known(row, {"specify", "total-charged"}, {"funding", "in-kind"});
        line.specify = reader.text(row, "specify");
      }
      break;
    case R::Mileage:
      reader.known(row, {"number-of-miles", "amount-per-mile", "total-charged"},
                   {"funding", "in-kind", "out-of-state", "prior-approval"});
      line.number_of_miles = reader.quantity(row, "number-of-miles", req);
      line.amount_per_mile = reader.rate(row, "amount-per-mile", req);
      break;
    case R::Lodging:
      reader.known(row, {"number-of-nights", "amount-per-night", "taxes", "total-charged"},
                   {"funding", "in-kind", "out-of-state", "prior-approval"});
      line.number_of_nights = reader.quantity(row, "number-of-nights", req);
      line.amount_per_night = reader.money(row, "amount-per-night", req);
      line.taxes = reader.money(row, "taxes");
      break;
    case R::Meals:
      reader.known(row, {"meal", "number-of-meals", "amount-per-meal", "total-charged"},
                   {"funding", "in-kind", "out-of-state", "prior-approval"});
      line.meal = word(reader, row, "meal", req, kMeals);
      line.number_of_meals = reader.quantity(row, "number-of-meals", req);
      line.amount_per_meal = reader.money(row, "amount-per-meal", req);
      break;
    case R::OfficeSpace:
    case R::TrainingSpace:
    case R::GasElectricity:
    case R::Telephone:
      reader.known(row, {"number-of-months", "monthly-amount", "total-charged"},
                   {"funding", "in-kind"});
      line.number_of_months = reader.quantity(row, "number-of-months", req);
      line.monthly_amount = reader.money(row, "monthly-amount", req);
      break;
    case R::AdministrativeCosts:  // no item at all is GRANT-ADMIN-LUMP-ITEMS's
      reader.known(row, {"item", "total-charged"}, {"funding", "in-kind"});
      line.items = text_rows(reader, row, "item");
      break;
    case R::Purchase:
    case R::Rental:
      reader.known(
          row,
          {line.row == R::Purchase ? "type-of-equipment" : "type-of-rental", "cost-per-item",
           "total-units", "total-charged", "life-span-months", "bids", "bid-explanation"},
          {"funding", "in-kind", "prior-approval"});
      if (line.row == R::Purchase)
        line.type_of_equipment = reader.text(row, "type-of-equipment", req);
      else
        line.type_of_rental = reader.text(row, "type-of-rental", req);
      line.cost_per_item = reader.money(row, "cost-per-item", req);
      line.total_units = reader.quantity(row, "total-units", req);
      line.life_span_months = reader.count(row, "life-span-months");
      line.bids = reader.count(row, "bids");
      line.bid_explanation = reader.text(row, "bid-explanation");
      break;
  }
  line.total_charged = reader.money(row, "total-charged", req);
}

void read_table_d_line(Reader& reader, pugi::xml_node row, std::string_view section,
                       model::TableDLine& line) {
  line.location = reader.path(row);
  line.element = row.name();
  line.row = model::table_d_row_of(line.element);
  const auto yes_no_attribute = [&](const char* name) {
    return reader.typed_attribute<bool>(row, name, Need::Optional, parse_yes_no, "yes or no");
  };
  line.funding = word_attribute(reader, row, "funding", Need::Required, kFundings);
  line.in_kind = yes_no_attribute("in-kind");
  if (section == "wages-salaries") line.lost_time = yes_no_attribute("lost-time");
  if (section == "travel") line.out_of_state = yes_no_attribute("out-of-state");
  if (section == "travel" || section == "equipment")
    line.prior_approval = reader.attribute(row, "prior-approval");
  read_table_d_fields(reader, row, section, line);
}

model::TableDSection read_table_d_section(Reader& reader, pugi::xml_node node,
                                          const SectionShape& shape) {
  model::TableDSection section;
  section.location = reader.path(node);
  section.category = shape.category;
  section.name = shape.name;
  // Register every row element first so that paths carry indexes, then read in document order.
  std::vector<pugi::xml_node> rows;
  for (std::string_view element : shape.rows) {
    const std::string name(element);
    for (pugi::xml_node row : reader.rows(node, name.c_str())) rows.push_back(row);
  }
  // Lines are large: read in place, never moved. The rows are the children named as one of
  // the section's row elements (what rows() listed).
  section.lines.reserve(rows.size());
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    const std::string_view child_name = child.name();
    if (!child_name.empty() &&
        std::find(shape.rows.begin(), shape.rows.end(), child_name) != shape.rows.end())
      read_table_d_line(reader, child, shape.name, section.lines.emplace_back());
  }
  section.total_grant = reader.money(node, "total-grant");
  section.total_matching = reader.money(node, "total-matching");
  return section;
}

model::TableD read_table_d(Reader& reader, pugi::xml_node node) {
  reader.known(
      node, {"wages-salaries", "fringe-benefit", "travel", "rent-and-utilities", "office-supplies",
             "training-materials", "equipment", "contractual", "other"});
  model::TableD table;
  table.location = reader.path(node);
  for (const SectionShape& shape : kSections) {
    const pugi::xml_node section = reader.once(node, shape.name);
    if (!section) continue;
    // A section's known children are its row elements and the two declared totals; it has no
    // attributes.
    std::vector<std::string_view> names = shape.rows;
    names.push_back("total-grant");
    names.push_back("total-matching");
    for (pugi::xml_node child = section.first_child(); child; child = child.next_sibling()) {
      if (child.type() == pugi::node_element &&
          std::find(names.begin(), names.end(), std::string_view(child.name())) == names.end())
        reader.report_unknown(reader.path(child), child.name());
    }
    for (pugi::xml_attribute a = section.first_attribute(); a; a = a.next_attribute())
      reader.report_unknown(reader.attribute_path(section, a.name()), a.name());
    table.*shape.member = read_table_d_section(reader, section, shape);
  }
  return table;
}

// ---- §3.12 program-income, approvals; §3.13 performance; §3.14 change-request, baseline ----

model::ProgramIncome read_program_income(Reader& reader, pugi::xml_node node) {
  reader.known(node, {"fee", "applied-to-project-expenses"});
  model::ProgramIncome income;
  income.location = reader.path(node);
  for (pugi::xml_node row : reader.rows(node, "fee")) {
    reader.known(row, {"description", "purpose", "expected-income"}, {"prior-approval"});
    model::Fee& fee = income.fees.emplace_back();
    fee.location = reader.path(row);
    fee.description = reader.text(row, "description", Need::Required);
    fee.purpose = word(reader, row, "purpose", Need::Required, kFeePurposes);
    fee.expected_income = reader.money(row, "expected-income", Need::Required);
    fee.prior_approval = reader.attribute(row, "prior-approval");
  }
  income.applied_to_project_expenses = reader.yes_no(node, "applied-to-project-expenses");
  return income;
}

model::Approvals read_approvals(Reader& reader, pugi::xml_node node) {
  reader.known(node, {"subcontracting-over-20-percent"});
  model::Approvals approvals;
  approvals.location = reader.path(node);
  approvals.subcontracting_over_20_percent = reader.text(node, "subcontracting-over-20-percent");
  return approvals;
}

model::Performance read_performance(Reader& reader, pugi::xml_node node) {
  reader.known(node, {"people-trained", "person-hours"});
  model::Performance performance;
  performance.location = reader.path(node);
  performance.people_trained = reader.count(node, "people-trained", Need::Required);
  performance.person_hours = reader.quantity(node, "person-hours", Need::Required);
  return performance;
}

model::ChangeRequest read_change_request(Reader& reader, pugi::xml_node node) {
  reader.known(node, {"requested-on", "proposed-implementation-date", "reason"});
  model::ChangeRequest request;
  request.location = reader.path(node);
  request.requested_on = reader.date(node, "requested-on");
  request.proposed_implementation_date = reader.date(node, "proposed-implementation-date");
  request.reason = reader.text(node, "reason");
  return request;
}

model::Baseline read_baseline(Reader& reader, pugi::xml_node node) {
  reader.known(node, {"key-personnel", "table-a", "table-c", "performance-objectives"},
               {"approved-on"});
  model::Baseline baseline;
  baseline.location = reader.path(node);
  baseline.approved_on = reader.typed_attribute<core::Date>(node, "approved-on", Need::Optional,
                                                            core::parse_date, date_type_label);
  if (const pugi::xml_node n = reader.once(node, "key-personnel"))
    baseline.key_personnel = read_key_personnel(reader, n);
  if (const pugi::xml_node n = reader.once(node, "table-a"))
    baseline.table_a = read_table_a(reader, n);
  if (const pugi::xml_node n = reader.once(node, "table-c"))
    baseline.table_c = read_table_c(reader, n);
  if (const pugi::xml_node n = reader.once(node, "performance-objectives"))
    baseline.performance_objectives = read_performance(reader, n);
  return baseline;
}

// formats.md §3.1: a close-out needs table-c, performance-outcome, and performance-objectives
// or table-a. (The proposal and revision requirements are reported by rules.)
void check_closeout_parts(Reader& reader, pugi::xml_node root,
                          const model::GrantProposal& proposal) {
  if (!proposal.table_c) reader.report_missing(root, "table-c");
  if (!proposal.performance_outcome) reader.report_missing(root, "performance-outcome");
  if (!proposal.performance_objectives && !proposal.table_a) {
    const std::string where = reader.child_path(root, "performance-objectives").str();
    reader.report(kFormatRequired,
                  where +
                      " (or table-a, from which objectives are derived) is required but "
                      "missing.",
                  where);
  }
}

}  // namespace

model::GrantProposal read_grant_proposal(pugi::xml_node root, Reader& reader) {
  reader.known(root,
               {"received", "signature-sheet", "applicant", "target-audience", "proposal-narrative",
                "key-personnel", "advisory-committee", "commitments", "table-a", "table-b",
                "project-budget-narrative", "table-c", "table-d", "program-income", "approvals",
                "performance-objectives", "performance-outcome", "change-request", "baseline"},
               {"profile", "fiscal-year", "stage", "version"});
  model::GrantProposal proposal;
  proposal.location = reader.path(root);
  proposal.fiscal_year = reader.typed_attribute<model::FiscalYear>(
      root, "fiscal-year", Need::Optional, parse_fiscal_year,
      "a fiscal year YYYY-YYYY of consecutive years (e.g. 2004-2005)");
  proposal.stage = word_attribute(reader, root, "stage", Need::Optional, kStages);
  proposal.received = reader.typed<model::Received>(
      root, "received", Need::Optional, parse_received,
      "a date and time YYYY-MM-DDThh:mm, optionally with :ss and Z or ±hh:mm");

  const auto part = [&](const char* name) { return reader.once(root, name); };
  if (const pugi::xml_node n = part("signature-sheet"))
    proposal.signature_sheet = read_signature_sheet(reader, n);
  if (const pugi::xml_node n = part("applicant")) proposal.applicant = read_applicant(reader, n);
  if (const pugi::xml_node n = part("target-audience"))
    proposal.target_audience = read_target_audience(reader, n);
  if (const pugi::xml_node n = part("proposal-narrative"))
    proposal.proposal_narrative = read_proposal_narrative(reader, n);
  if (const pugi::xml_node n = part("key-personnel"))
    proposal.key_personnel = read_key_personnel(reader, n);
  if (const pugi::xml_node n = part("advisory-committee"))
    proposal.advisory_committee = read_advisory_committee(reader, n);
  if (const pugi::xml_node n = part("commitments"))
    proposal.commitments = read_commitments(reader, n);
  if (const pugi::xml_node n = part("table-a")) proposal.table_a = read_table_a(reader, n);
  if (const pugi::xml_node n = part("table-b")) proposal.table_b = read_table_b(reader, n);
  proposal.project_budget_narrative = narrative(reader, root, "project-budget-narrative");
  if (const pugi::xml_node n = part("table-c")) proposal.table_c = read_table_c(reader, n);
  if (const pugi::xml_node n = part("table-d")) proposal.table_d = read_table_d(reader, n);
  if (const pugi::xml_node n = part("program-income"))
    proposal.program_income = read_program_income(reader, n);
  if (const pugi::xml_node n = part("approvals")) proposal.approvals = read_approvals(reader, n);
  if (const pugi::xml_node n = part("performance-objectives"))
    proposal.performance_objectives = read_performance(reader, n);
  if (const pugi::xml_node n = part("performance-outcome"))
    proposal.performance_outcome = read_performance(reader, n);
  if (const pugi::xml_node n = part("change-request"))
    proposal.change_request = read_change_request(reader, n);
  if (const pugi::xml_node n = part("baseline")) proposal.baseline = read_baseline(reader, n);

  if (proposal.stage.present() && *proposal.stage == model::GrantStage::Closeout)
    check_closeout_parts(reader, root, proposal);
  return proposal;
}

}  // namespace pipeline::ingest
