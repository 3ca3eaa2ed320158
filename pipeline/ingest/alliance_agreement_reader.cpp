// alliance-agreement (formats.md §6): tree -> model::AllianceAgreement.
#include "pipeline/ingest/form_readers.hpp"

#include <algorithm>
#include <initializer_list>
#include <string_view>

#include "pipeline/ingest/alliance_parts.hpp"

namespace pipeline::ingest {

namespace {

using Words = std::initializer_list<std::string_view>;

const Words kOrganizationTypes{"trade-association",
                               "professional-association",
                               "labor-union",
                               "educational-institution",
                               "local-agency",
                               "state-agency",
                               "federal-agency",
                               "business",
                               "employer-group",
                               "employee-group",
                               "community-organization",
                               "faith-based-organization",
                               "consulate",
                               "native-american-tribe",
                               "state-plan",
                               "consultation-program",
                               "other"};
const Words kAgencyRoles{"miosha-director",
                         "cet-division-director",
                         "secretary-of-labor",
                         "assistant-secretary",
                         "regional-administrator",
                         "area-director",
                         "labor-commissioner",
                         "chief",
                         "alliance-program-coordinator",
                         "designee"};
const Words kRaisingAwarenessModels{"shp-awareness", "emphasis-programs",    "laws-and-standards",
                                    "forums",        "worker-participation", "hazard-information",
                                    "speak-exhibit", "share-practices",      "collaborate",
                                    "case-studies"};
const Words kTrainingModels{"shp-training", "training-programs", "workers-rights-training",
                            "deliver-courses"};
const Words kMeans{"union-signatory",           "worker-involvement",    "community-labor-group",
                   "union-invited-to-meetings", "union-product-review",  "target-audience-survey",
                   "consulate-input",           "osha-compliance-staff", "other"};
const Words kClearances{"national-sol", "regional-sol",     "dcsp",    "oas", "oia",
                        "ilab",         "state-department", "dep-ofap"};
const Words kIowaCriteria{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"};
const Words kCalOshaCriteria{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"};

std::string label_of(Words words) {
  std::string out = "one of ";
  bool first = true;
  for (auto word : words) {
    if (!first) out += ", ";
    out += word;
    first = false;
  }
  return out;
}

// A parser accepting exactly `words`.
auto word_in(Words words) {
  return [words](std::string_view v) -> std::optional<std::string> {
    if (std::find(words.begin(), words.end(), v) != words.end()) return std::string(v);
    return std::nullopt;
  };
}

// A value row's text as one of `words` (FORMAT-TYPE otherwise).
core::Field<std::string> own_word(Reader::ValueRow& row, Words words, Reader& reader) {
  return reader.convert<std::string>(std::move(row.text), word_in(words), label_of(words));
}

model::Organization read_organization(pugi::xml_node row, Reader& reader) {
  model::Organization out;
  out.location = reader.path(row);
  reader.known(row, {"name", "organization-type", "for-profit", "country", "ein", "signatory"});
  out.name = reader.text(row, "name", Need::Required);
  out.organization_type =
      reader.one_of(row, "organization-type", Need::Required, kOrganizationTypes);
  out.for_profit = reader.yes_no(row, "for-profit");
  out.country = reader.text(row, "country");
  out.ein = reader.typed<std::string>(row, "ein", Need::Optional, parse_ein, "an EIN (12-3456789)");
  for (const pugi::xml_node s : reader.rows(row, "signatory")) {
    model::Signatory& signatory = out.signatories.emplace_back();
    signatory.location = reader.path(s);
    reader.known(s, {"name", "title"});
    // AGREEMENT-ORG-SIGNATORY asks for both; their absence is that rule's.
    signatory.name = reader.text(s, "name");
    signatory.title = reader.text(s, "title");
  }
  return out;
}

model::Container<model::Organization> read_organizations(pugi::xml_node root, Reader& reader) {
  const pugi::xml_node node = reader.once(root, "organizations", Need::Required);
  auto out = container_at<model::Organization>(root, node, "organizations", reader);
  if (!node) return out;
  reader.known(node, {"organization"});
  for (const pugi::xml_node row : reader.rows(node, "organization"))
    out.rows.push_back(read_organization(row, reader));
  if (out.rows.empty()) reader.report_missing(node, "organization");
  return out;
}

model::Container<model::AgencySignatory> read_agency_signatories(pugi::xml_node root,
                                                                 Reader& reader) {
  const pugi::xml_node node = reader.once(root, "agency-signatories");
  auto out = container_at<model::AgencySignatory>(root, node, "agency-signatories", reader);
  reader.known(node, {"signatory"});
  for (const pugi::xml_node row : reader.rows(node, "signatory")) {
    model::AgencySignatory& signatory = out.rows.emplace_back();
    signatory.location = reader.path(row);
    reader.known(row, {"name", "title"}, {"role"});
    signatory.role = reader.typed_attribute<std::string>(
        row, "role", Need::Required, word_in(kAgencyRoles), label_of(kAgencyRoles));
    signatory.name = reader.text(row, "name", Need::Required);
    signatory.title = reader.text(row, "title", Need::Required);
  }
  return out;
}

model::Container<model::Objective> read_objectives(pugi::xml_node root, const char* name,
                                                   Words models, Reader& reader) {
  const pugi::xml_node node = reader.once(root, name);
  auto out = container_at<model::Objective>(root, node, name, reader);
  reader.known(node, {"objective"});
  // A blank objective states nothing: it is not an objective, whatever its attributes (I-44).
  for (Reader::ValueRow& value : reader.value_rows(node, "objective", {"measurable", "model"})) {
    const pugi::xml_node row = value.node;
    model::Objective& objective = out.rows.emplace_back();
    objective.location = value.text.location;
    objective.text = std::move(value.text);
    objective.measurable =
        reader.typed_attribute<bool>(row, "measurable", Need::Optional, parse_yes_no, "yes or no");
    objective.model = reader.typed_attribute<std::string>(row, "model", Need::Optional,
                                                          word_in(models), label_of(models));
  }
  return out;
}

model::ImplementationTeam read_implementation_team(pugi::xml_node root, Reader& reader) {
  model::ImplementationTeam out;
  const pugi::xml_node node = reader.once(root, "implementation-team");
  out.present = static_cast<bool>(node);
  out.location = node ? reader.path(node) : reader.child_path(root, "implementation-team");
  reader.known(node, {"meetings-per-year", "kick-off-meeting"});
  out.meetings_per_year = reader.count(node, "meetings-per-year");
  out.kick_off_meeting = reader.date(node, "kick-off-meeting");
  if (!node) {
    out.meetings_per_year.location = out.location + "/meetings-per-year";
    out.kick_off_meeting.location = out.location + "/kick-off-meeting";
  }
  return out;
}

model::Container<model::Means> read_worker_representation(pugi::xml_node root, Reader& reader) {
  const pugi::xml_node node = reader.once(root, "worker-representation");
  auto out = container_at<model::Means>(root, node, "worker-representation", reader);
  reader.known(node, {"means"});
  // A blank means is not an entry (I-44): the rules that ask for one see none.
  for (Reader::ValueRow& value : reader.value_rows(node, "means", {"detail"})) {
    const pugi::xml_node row = value.node;
    model::Means& means = out.rows.emplace_back();
    means.location = value.text.location;
    means.value = own_word(value, kMeans, reader);
    const bool other = means.value.present() && *means.value == "other";
    means.detail = reader.attribute(row, "detail", other ? Need::Required : Need::Optional);
  }
  return out;
}

model::Container<model::Criterion> read_criteria(pugi::xml_node root, Reader& reader) {
  const pugi::xml_node node = reader.once(root, "criteria-addressed");
  auto out = container_at<model::Criterion>(root, node, "criteria-addressed", reader);
  // Codes are IOSH §VI.C.4's a–k or Cal/OSHA §B.3.f's 1–11; the resolved profile says which.
  const std::string_view profile = reader.profile();
  std::vector<std::string_view> codes;
  if (profile != "calosha") codes.insert(codes.end(), kIowaCriteria.begin(), kIowaCriteria.end());
  if (profile != "iowa")
    codes.insert(codes.end(), kCalOshaCriteria.begin(), kCalOshaCriteria.end());
  const std::string label = profile == "iowa"      ? "a criterion code a–k"
                            : profile == "calosha" ? "a criterion code 1–11"
                                                   : "a criterion code a–k or 1–11";
  reader.known(node, {"criterion"});
  // A criterion says how the alliance meets it; a blank one says nothing and is not an entry.
  for (Reader::ValueRow& value : reader.value_rows(node, "criterion", {"code"})) {
    const pugi::xml_node row = value.node;
    model::Criterion& criterion = out.rows.emplace_back();
    criterion.location = value.text.location;
    criterion.code = reader.typed_attribute<std::string>(
        row, "code", Need::Required,
        [&](std::string_view v) -> std::optional<std::string> {
          if (std::find(codes.begin(), codes.end(), v) != codes.end()) return std::string(v);
          return std::nullopt;
        },
        label);
    criterion.text = std::move(value.text);
  }
  return out;
}

model::History read_history(pugi::xml_node root, Reader& reader) {
  model::History out;
  const pugi::xml_node node = reader.once(root, "history");
  out.present = static_cast<bool>(node);
  out.location = node ? reader.path(node) : reader.child_path(root, "history");
  reader.known(node, {"initial-signing-date", "renewal-signing-date", "previous-expiration-date",
                      "renewal-contact-date", "completed-satisfactorily"});
  out.initial_signing_date = reader.date(node, "initial-signing-date");
  for (Reader::ValueRow& row : reader.value_rows(node, "renewal-signing-date"))
    out.renewal_signing_dates.push_back(
        reader.convert<core::Date>(std::move(row.text), core::parse_date, date_type_label));
  out.previous_expiration_date = reader.date(node, "previous-expiration-date");
  out.renewal_contact_date = reader.date(node, "renewal-contact-date");
  out.completed_satisfactorily = reader.yes_no(node, "completed-satisfactorily");
  if (!node) {
    out.initial_signing_date.location = out.location + "/initial-signing-date";
    out.previous_expiration_date.location = out.location + "/previous-expiration-date";
    out.renewal_contact_date.location = out.location + "/renewal-contact-date";
    out.completed_satisfactorily.location = out.location + "/completed-satisfactorily";
  }
  return out;
}

model::Vetting read_vetting(pugi::xml_node root, Reader& reader) {
  model::Vetting out;
  const pugi::xml_node node = reader.once(root, "vetting");
  out.present = static_cast<bool>(node);
  out.location = node ? reader.path(node) : reader.child_path(root, "vetting");
  reader.known(node, {"vetting-complete", "entity-check-resolved"});
  out.vetting_complete = reader.yes_no(node, "vetting-complete");
  out.entity_check_resolved = reader.yes_no(node, "entity-check-resolved");
  if (!node) {
    out.vetting_complete.location = out.location + "/vetting-complete";
    out.entity_check_resolved.location = out.location + "/entity-check-resolved";
  }
  return out;
}

model::PointOfContact read_point_of_contact(pugi::xml_node root, Reader& reader) {
  model::PointOfContact out;
  const pugi::xml_node node = reader.once(root, "point-of-contact");
  out.present = static_cast<bool>(node);
  out.location = node ? reader.path(node) : reader.child_path(root, "point-of-contact");
  reader.known(node, {"name", "email", "telephone-number"});
  out.name = reader.text(node, "name");
  out.email =
      reader.typed<std::string>(node, "email", Need::Optional, parse_email, "an e-mail address");
  out.telephone_number =
      reader.typed<std::string>(node, "telephone-number", Need::Optional, parse_telephone,
                                "a telephone number with area code");
  if (!node) {
    out.name.location = out.location + "/name";
    out.email.location = out.location + "/email";
    out.telephone_number.location = out.location + "/telephone-number";
  }
  return out;
}

model::Container<core::Field<std::string>> read_clearances(pugi::xml_node root, Reader& reader) {
  const pugi::xml_node node = reader.once(root, "clearances");
  auto out = container_at<core::Field<std::string>>(root, node, "clearances", reader);
  reader.known(node, {"clearance"});
  for (Reader::ValueRow& row : reader.value_rows(node, "clearance"))
    out.rows.push_back(own_word(row, kClearances, reader));
  return out;
}

// term-years is required, except in an OSHA Ambassador document (formats.md §6).
Need term_years_need(std::string_view profile, const core::Field<std::string>& alliance_type) {
  const bool ambassador = alliance_type.present() && *alliance_type == "ambassador";
  if (ambassador && profile == "osha") return Need::Optional;
  return Need::Required;
}

}  // namespace

model::AllianceAgreement read_alliance_agreement(pugi::xml_node root, Reader& reader) {
  model::AllianceAgreement agreement;
  agreement.location = reader.path(root);
  reader.known(root,
               {"alliance-name",
                "organizations",
                "agency-signatories",
                "miosha-division",
                "hazards",
                "issues",
                "target-workforce",
                "raising-awareness",
                "training-and-education",
                "implementation-team",
                "worker-representation",
                "work-plan",
                "criteria-addressed",
                "signing-date",
                "term-years",
                "termination-notice-days",
                "history",
                "vetting",
                "clearances",
                "point-of-contact",
                "alliance-webpage"},
               {"profile", "alliance-type", "level", "action", "version"});
  agreement.alliance_type = read_alliance_type(root, reader);
  agreement.level = reader.attribute(root, "level");
  agreement.action = reader.typed_attribute<model::AgreementAction>(
      root, "action", Need::Optional,
      [](std::string_view v) -> std::optional<model::AgreementAction> {
        if (v == "new") return model::AgreementAction::New;
        if (v == "renewal") return model::AgreementAction::Renewal;
        return std::nullopt;
      },
      "one of new, renewal");
  agreement.alliance_name = reader.text(root, "alliance-name");
  agreement.organizations = read_organizations(root, reader);
  agreement.agency_signatories = read_agency_signatories(root, reader);
  agreement.miosha_division = reader.text(root, "miosha-division");
  agreement.hazards = read_text_rows(root, "hazards", "hazard", reader);
  agreement.issues = read_text_rows(root, "issues", "issue", reader);
  agreement.target_workforce = reader.text(root, "target-workforce");
  agreement.raising_awareness =
      read_objectives(root, "raising-awareness", kRaisingAwarenessModels, reader);
  agreement.training_and_education =
      read_objectives(root, "training-and-education", kTrainingModels, reader);
  agreement.implementation_team = read_implementation_team(root, reader);
  agreement.worker_representation = read_worker_representation(root, reader);
  agreement.work_plan = read_text_rows(root, "work-plan", "item", reader);
  agreement.criteria_addressed = read_criteria(root, reader);
  agreement.signing_date = reader.date(root, "signing-date");
  agreement.term_years =
      reader.count(root, "term-years", term_years_need(reader.profile(), agreement.alliance_type));
  agreement.termination_notice_days = reader.count(root, "termination-notice-days");
  agreement.history = read_history(root, reader);
  agreement.vetting = read_vetting(root, reader);
  agreement.clearances = read_clearances(root, reader);
  agreement.point_of_contact = read_point_of_contact(root, reader);
  agreement.alliance_webpage = reader.text(root, "alliance-webpage");
  return agreement;
}

}  // namespace pipeline::ingest
