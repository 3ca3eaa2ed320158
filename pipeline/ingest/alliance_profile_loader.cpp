#include "pipeline/ingest/alliance_profile_loader.hpp"

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <fstream>
#include <initializer_list>
#include <limits>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>

#include "pipeline/core/error.hpp"

namespace pipeline::ingest {

namespace {

using Poco::JSON::Object;

// One JSON object of a profile file. Every key read is remembered, so finish() can reject keys
// the program does not know: a misspelt key in a hand-edited file must not pass silently.
class Section {
 public:
  Section(std::string file, std::string path, Object::Ptr object)
      : file_(std::move(file)), path_(std::move(path)), object_(std::move(object)) {}

  Section section(const std::string& key) {
    get(key);
    if (!object_->isObject(key)) fail(key, "expected an object");
    return Section(file_, name(key), object_->getObject(key));
  }
  bool has(const std::string& key) const { return object_->has(key); }

  std::string text(const std::string& key) {
    const Poco::Dynamic::Var value = get(key);
    if (!value.isString()) fail(key, "expected a string");
    return value.extract<std::string>();
  }
  std::string text_or(const std::string& key, std::string fallback) {
    return has(key) ? text(key) : std::move(fallback);
  }
  std::optional<std::string> optional_text(const std::string& key) {
    note(key);
    if (!has(key) || object_->isNull(key)) return std::nullopt;
    return text(key);
  }

  int whole(const std::string& key) {
    const Poco::Dynamic::Var value = get(key);
    if (!value.isInteger()) fail(key, "expected a whole number");
    const auto number = value.convert<Poco::Int64>();
    if (number < 0 || number > std::numeric_limits<int>::max())
      fail(key, "expected a whole number from 0");
    return static_cast<int>(number);
  }
  std::optional<int> optional_whole(const std::string& key) {
    note(key);
    if (!has(key) || object_->isNull(key)) return std::nullopt;
    return whole(key);
  }

  // The enumerator `choices` pairs with the word at `key`; any other word fails, naming the
  // words expected.
  template <class Enum>
  Enum choice(const std::string& key,
              std::initializer_list<std::pair<std::string_view, Enum>> choices) {
    const std::string word = text(key);
    for (const auto& [name, value] : choices)
      if (name == word) return value;
    std::string expected;
    std::size_t i = 0;
    for (const auto& option : choices) {
      if (i > 0) expected += i + 1 == choices.size() ? " or " : ", ";
      expected += option.first;
      ++i;
    }
    fail(key, "expected " + expected + ", found \"" + word + "\"");
  }

  bool flag(const std::string& key, bool fallback = false) {
    if (!has(key)) return fallback;
    const Poco::Dynamic::Var value = get(key);
    if (!value.isBoolean()) fail(key, "expected true or false");
    return value.extract<bool>();
  }

  std::vector<std::string> words(const std::string& key) {
    std::vector<std::string> out;
    if (!has(key)) return out;
    get(key);
    const Poco::JSON::Array::Ptr array = object_->getArray(key);
    if (array.isNull()) fail(key, "expected an array of strings");
    for (std::size_t i = 0; i < array->size(); ++i) {
      const Poco::Dynamic::Var item = array->get(static_cast<unsigned int>(i));
      if (!item.isString()) fail(key, "item " + std::to_string(i + 1) + ": expected a string");
      out.push_back(item.extract<std::string>());
    }
    return out;
  }

  // {"key": ["word", ...], ...}
  std::map<std::string, std::vector<std::string>> word_map(const std::string& key) {
    std::map<std::string, std::vector<std::string>> out;
    if (!has(key)) return out;
    Section inner = section(key);
    for (const std::string& name : inner.object_->getNames()) out[name] = inner.words(name);
    inner.finish();
    return out;
  }

  // Each item of an array of objects, read by `read`.
  template <class Read>
  void each(const std::string& key, Read read) {
    if (!has(key)) return;
    get(key);
    const Poco::JSON::Array::Ptr array = object_->getArray(key);
    if (array.isNull()) fail(key, "expected an array of objects");
    for (std::size_t i = 0; i < array->size(); ++i) {
      const auto index = static_cast<unsigned int>(i);
      if (!array->isObject(index))
        fail(key, "item " + std::to_string(i + 1) + ": expected an object");
      Section item(file_, name(key) + "[" + std::to_string(i + 1) + "]", array->getObject(index));
      read(item);
      item.finish();
    }
  }

  // Fails on a key that was never read.
  void finish() const {
    for (const std::string& key : object_->getNames())
      if (used_.count(key) == 0) fail(key, "is not a profile parameter");
  }

  [[noreturn]] void fail(const std::string& key, const std::string& problem) const {
    throw core::Error(file_ + ": " + name(key) + ": " + problem);
  }

 private:
  std::string file_;
  std::string path_;
  Object::Ptr object_;
  std::set<std::string> used_;

  std::string name(const std::string& key) const { return path_.empty() ? key : path_ + "." + key; }
  void note(const std::string& key) { used_.insert(key); }
  Poco::Dynamic::Var get(const std::string& key) {
    note(key);
    if (!object_->has(key)) fail(key, "is missing");
    return object_->get(key);
  }
};

model::AllowedWords read_allowed_words(Section s) {
  model::AllowedWords out;
  out.allowed = s.words("allowed");
  out.required = s.flag("required");
  out.default_word = s.optional_text("default");
  out.citation = s.text("citation");
  s.finish();
  return out;
}

model::TermRange read_term(Section s) {
  model::TermRange out;
  out.min_years = s.whole("min-years");
  out.max_years = s.whole("max-years");
  out.template_years = s.optional_whole("template-years");
  out.citation = s.text("citation");
  if (out.min_years > out.max_years) s.fail("min-years", "is larger than max-years");
  s.finish();
  return out;
}

model::AmbassadorConditions read_ambassador(Section s) {
  model::AmbassadorConditions out;
  out.available = s.flag("available");
  out.requires_completed_satisfactorily = s.flag("requires-completed-satisfactorily");
  out.initial_cycle_years = s.optional_whole("initial-cycle-years");
  out.cycle_end_within_days_after_signing = s.optional_whole("cycle-end-within-days-after-signing");
  out.renewal_expected = s.flag("renewal-expected");
  out.early_signing_days = s.optional_whole("early-signing-days");
  out.exempt_from_formal_requirements = s.flag("exempt-from-formal-requirements");
  out.citation = s.text("citation");
  s.finish();
  return out;
}

model::ImplementationTeamRule read_implementation_team(Section s) {
  model::ImplementationTeamRule out;
  out.meetings_per_year_minimum = s.whole("meetings-per-year-minimum");
  out.kick_off_within_days = s.optional_whole("kick-off-within-days");
  out.citation = s.text("citation");
  s.finish();
  return out;
}

model::PeriodicReport read_periodic_report(Section s) {
  model::PeriodicReport out;
  out.kind = s.choice<model::PeriodicReportKind>(
      "kind", {{"none", model::PeriodicReportKind::None},
               {"quarterly-diary", model::PeriodicReportKind::QuarterlyDiary},
               {"biannual", model::PeriodicReportKind::Biannual}});
  out.alliance_types = s.words("alliance-types");
  out.levels = s.words("levels");
  s.each("windows", [&](Section& w) {
    model::ReportWindow window;
    window.first_month = w.whole("first-month");
    window.last_month = w.whole("last-month");
    if (window.first_month < 1 || window.first_month > 12)
      w.fail("first-month", "expected a month from 1 to 12");
    if (window.last_month < 1 || window.last_month > 12)
      w.fail("last-month", "expected a month from 1 to 12");
    out.windows.push_back(window);
  });
  if (out.kind != model::PeriodicReportKind::None) {
    out.due_rule =
        s.choice<model::DueRule>("due", {{"friday-after-end", model::DueRule::FridayAfterEnd},
                                         {"days-after-end", model::DueRule::DaysAfterEnd}});
    if (out.due_rule == model::DueRule::DaysAfterEnd) out.due_days = s.whole("due-days");
    if (out.windows.empty()) s.fail("windows", "a periodic report needs its windows");
  }
  out.citation = s.text("citation");
  s.finish();
  return out;
}

model::AnnualReportDuty read_annual_report(Section s) {
  model::AnnualReportDuty out;
  out.kind = s.choice<model::AnnualReportKind>(
      "kind", {{"template", model::AnnualReportKind::Template},
               {"state", model::AnnualReportKind::State},
               {"record-only", model::AnnualReportKind::RecordOnly}});
  out.prepared_by = s.text("prepared-by");
  out.preparer_roles = s.word_map("preparer-roles");
  out.due_alliance_types = s.words("due-alliance-types");
  out.due_friday_after_new_year = s.flag("due-friday-after-new-year");
  out.citation = s.text("citation");
  s.finish();
  return out;
}

model::WorkerRepresentationRule read_worker_representation(Section s) {
  model::WorkerRepresentationRule out;
  using Requirement = model::WorkerRepresentationRequirement;
  out.requirement =
      s.choice<Requirement>("requirement", {{"not-required", Requirement::NotRequired},
                                            {"reasonable-effort", Requirement::ReasonableEffort},
                                            {"required", Requirement::Required}});
  out.employer_types = s.words("employer-types");
  out.worker_types = s.words("worker-types");
  out.accepted_means = s.words("accepted-means");
  out.citation = s.text("citation");
  s.finish();
  return out;
}

model::WorkPlanRule read_work_plan(Section s) {
  model::WorkPlanRule out;
  using Requirement = model::WorkPlanRequirement;
  out.requirement =
      s.choice<Requirement>("requirement", {{"not-required", Requirement::NotRequired},
                                            {"recommended", Requirement::Recommended},
                                            {"required", Requirement::Required}});
  out.citation = s.text("citation");
  s.finish();
  return out;
}

model::RenewalContact read_renewal_contact(Section s) {
  model::RenewalContact out;
  out.days_before_expiration = s.optional_whole("days-before-expiration");
  out.citation = s.text("citation");
  s.finish();
  return out;
}

model::Clearances read_clearances(Section s) {
  model::Clearances out;
  out.by_level = s.word_map("by-level");
  out.new_agreement_by_level = s.word_map("new-agreement-by-level");
  out.consulate_mexico = s.words("consulate-mexico");
  out.consulate_other = s.words("consulate-other");
  out.tribe_regional = s.words("tribe-regional");
  out.federal_agency = s.words("federal-agency");
  out.citation = s.text("citation");
  s.finish();
  return out;
}

model::AgencySignatoryRule read_agency_signatories(Section s) {
  model::AgencySignatoryRule out;
  out.required = s.flag("required", true);
  out.all_roles = s.flag("all-roles");
  out.roles_by_level = s.word_map("roles-by-level");
  out.roles_text = s.text("roles-text");
  s.each("defaults", [&](Section& d) {
    out.defaults.push_back(
        {d.text("role"), d.text("name"), d.text("title"), d.text("organization")});
  });
  out.citation = s.text("citation");
  if (out.roles_by_level.empty()) s.fail("roles-by-level", "names no role");
  s.finish();
  return out;
}

model::AgreementContent read_agreement(Section s) {
  model::AgreementContent out;
  out.termination_notice_days = s.whole("termination-notice-days");
  out.termination_notice_citation = s.text("termination-notice-citation");
  out.measurable_objectives_minimum = s.whole("measurable-objectives-minimum");
  out.measurable_required_types = s.words("measurable-required-types");
  out.shp_objective_required = s.flag("shp-objective-required");
  out.standards_influence_check = s.flag("standards-influence-check");
  out.eligible_organization_types = s.words("eligible-organization-types");
  out.for_profit_review = s.flag("for-profit-review");
  out.entity_check_required = s.flag("entity-check-required");
  out.point_of_contact_expected = s.flag("point-of-contact-expected");
  out.webpage_levels = s.words("webpage-levels");
  s.each("after-signing", [&](Section& d) {
    out.after_signing.push_back(
        {d.text("level"), d.text("figure"), d.text("duty"), d.whole("days"), d.text("citation")});
  });
  out.interim_renewal_notice = s.flag("interim-renewal-notice");
  out.target_workforce_expected = s.flag("target-workforce-expected");
  out.miosha_division_expected = s.flag("miosha-division-expected");
  out.criteria_codes = s.words("criteria-codes");
  out.criteria_citation = s.text_or("criteria-citation", "");
  out.citation = s.text("citation");
  s.finish();
  return out;
}

model::LetterSettings read_letters(Section s) {
  model::LetterSettings out;
  out.available = s.flag("available");
  out.citation = s.text("citation");
  if (out.available) {
    out.division = s.text("division");
    out.signer = s.text("signer");
    out.telephone = s.text("telephone");
    out.reference_initials = s.text("reference-initials");
    out.declination_copies = s.words("declination-copies");
    out.expiration_copies = s.words("expiration-copies");
    out.addressee_state = s.text("addressee-state");
  }
  s.finish();
  return out;
}

std::string read_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw core::IoError(file.string(), "cannot open the program profile");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace

model::AllianceProfile load_alliance_profile(const std::filesystem::path& forms_dir,
                                             std::string_view profile) {
  const std::filesystem::path file = forms_dir / (std::string(profile) + ".json");
  const std::string name = file.filename().string();
  const std::string bytes = read_file(file);
  Object::Ptr root;
  try {
    Poco::JSON::Parser parser;
    const Poco::Dynamic::Var parsed = parser.parse(bytes);
    if (parsed.type() != typeid(Object::Ptr))
      throw core::Error(file.string() + ": expected a JSON object at the top");
    root = parsed.extract<Object::Ptr>();
  } catch (const Poco::Exception& e) {
    throw core::Error(file.string() + ": not valid JSON (" + e.displayText() + ")");
  }
  Section s(file.string(), "", root);
  model::AllianceProfile out;
  out.profile = s.text("profile");
  if (out.profile != profile)
    s.fail("profile", "names \"" + out.profile + "\", but the file is " + name);
  out.program = s.text("program");
  out.source = s.text("source");
  out.agency = s.text("agency");
  out.agency_short = s.text("agency-short");
  out.state = s.text("state");
  out.alliance_types = read_allowed_words(s.section("alliance-types"));
  if (out.alliance_types.allowed.empty()) s.fail("alliance-types.allowed", "names no type");
  out.levels = read_allowed_words(s.section("levels"));
  out.initial_term = read_term(s.section("initial-term"));
  out.renewal_term = read_term(s.section("renewal-term"));
  out.ambassador = read_ambassador(s.section("ambassador"));
  out.implementation_team = read_implementation_team(s.section("implementation-team"));
  out.periodic_report = read_periodic_report(s.section("periodic-report"));
  out.annual_report = read_annual_report(s.section("annual-report"));
  out.worker_representation = read_worker_representation(s.section("worker-representation"));
  out.work_plan = read_work_plan(s.section("work-plan"));
  out.renewal_contact = read_renewal_contact(s.section("renewal-contact"));
  out.clearances = read_clearances(s.section("clearances"));
  out.agency_signatories = read_agency_signatories(s.section("agency-signatories"));
  out.agreement = read_agreement(s.section("agreement"));
  out.letters = read_letters(s.section("letters"));
  out.diary_header_required = s.flag("diary-header-required");
  out.activity_emphasis_required = s.flag("activity-emphasis-required");
  s.finish();
  return out;
}

}  // namespace pipeline::ingest
