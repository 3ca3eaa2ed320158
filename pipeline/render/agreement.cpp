#include "pipeline/render/agreement.hpp"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "pipeline/render/template_document.hpp"
#include "pipeline/render/wording.hpp"
#include "pipeline/text/unicode.hpp"

namespace pipeline::render {

namespace {

using wording::key;
using wording::set_date;
using wording::set_text;

// The organizations in ICU collation order of their names (en_US): the parties list, the
// names in the title and opening paragraph, and the participants' signature blocks.
std::vector<const model::Organization*> collated(
    const model::Container<model::Organization>& organizations) {
  std::vector<std::string> names;
  for (const auto& organization : organizations.rows)
    names.push_back(wording::text(organization.name));
  text::sort_collated(names);
  std::vector<const model::Organization*> out;
  std::vector<bool> taken(organizations.rows.size(), false);
  for (const auto& name : names) {
    for (std::size_t i = 0; i < organizations.rows.size(); ++i) {
      if (taken[i] || wording::text(organizations.rows[i].name) != name) continue;
      taken[i] = true;
      out.push_back(&organizations.rows[i]);
      break;
    }
  }
  return out;
}

TemplateList text_rows(const model::Container<core::Field<std::string>>& rows) {
  TemplateList out;
  for (const auto& row : rows.rows) {
    if (!row.present()) continue;
    TemplateData item;
    item.set("text", *row);
    out.push_back(item);
  }
  return out;
}

void set_list(TemplateData& data, const std::string& name, const TemplateList& list) {
  data.set(name, list);
  data.set("has_" + name, !list.empty());
}

// Each row also carries `separator`, what to write after it when the list is run into a
// sentence (", ", " and ", "").
void set_sentence_list(TemplateData& data, const std::string& name,
                       const std::vector<std::string>& items) {
  TemplateList list;
  for (std::size_t i = 0; i < items.size(); ++i) {
    TemplateData item;
    item.set("text", items[i]);
    item.set("separator", wording::separator_after(i, items.size()));
    list.push_back(item);
  }
  set_list(data, name, list);
  data.set(name + "_text", wording::joined(items));
}

std::vector<std::string> texts(const model::Container<core::Field<std::string>>& rows) {
  std::vector<std::string> out;
  for (const auto& row : rows.rows)
    if (row.present()) out.push_back(*row);
  return out;
}

TemplateList objectives(const model::Container<model::Objective>& rows) {
  TemplateList out;
  for (const auto& objective : rows.rows) {
    TemplateData item;
    set_text(item, "text", objective.text);
    item.set("measurable", objective.measurable.present() && *objective.measurable);
    // `model_<key>`: the App D model objective it follows, whose wording the template prints
    // when the objective has no text of its own.
    if (objective.model.present()) item.set("model_" + key(*objective.model), true);
    item.set("shp", model::is_shp_objective(objective));
    out.push_back(item);
  }
  return out;
}

TemplateData organization_data(const model::Organization& organization) {
  TemplateData data;
  data.set("name", wording::text(organization.name));
  const std::string type = organization.organization_type.present()
                               ? wording::words(*organization.organization_type)
                               : std::string();
  data.set("type", type);
  data.set("has_type", !type.empty());
  data.set("a_type", type.empty() ? std::string() : wording::article(type) + " " + type);
  if (organization.organization_type.present())
    data.set("type_" + key(*organization.organization_type), true);
  const bool business =
      organization.organization_type.present() && *organization.organization_type == "business";
  data.set("for_profit", organization.for_profit.present() ? *organization.for_profit : business);
  set_text(data, "country", organization.country);
  TemplateList signatories;
  for (const auto& signatory : organization.signatories) {
    TemplateData s;
    s.set("name", wording::text(signatory.name));
    s.set("title", wording::text(signatory.title));
    s.set("organization", wording::text(organization.name));
    signatories.push_back(s);
  }
  set_list(data, "signatories", signatories);
  return data;
}

void set_parties(TemplateData& data, const model::AllianceAgreement& agreement,
                 const model::AllianceProfile& profile) {
  const auto organizations = collated(agreement.organizations);
  TemplateList list;
  TemplateList participant_signatories;
  std::vector<std::string> names;
  for (std::size_t i = 0; i < organizations.size(); ++i) {
    TemplateData organization = organization_data(*organizations[i]);
    organization.set("separator", wording::separator_after(i, organizations.size()));
    list.push_back(organization);
    names.push_back(wording::text(organizations[i]->name));
    for (const auto& signatory : organizations[i]->signatories) {
      TemplateData s;
      s.set("name", wording::text(signatory.name));
      s.set("title", wording::text(signatory.title));
      s.set("organization", wording::text(organizations[i]->name));
      participant_signatories.push_back(s);
    }
  }
  set_list(data, "organizations", list);
  // A worker organization among the signatories (a union signatory, IOSH §VI.C.3.a).
  data.set("has_worker_organization",
           std::any_of(agreement.organizations.rows.begin(), agreement.organizations.rows.end(),
                       [&](const model::Organization& o) {
                         const auto& types = profile.worker_representation.worker_types;
                         return o.organization_type.present() &&
                                std::find(types.begin(), types.end(), *o.organization_type) !=
                                    types.end();
                       }));
  data.set("organization_names", wording::joined(names));
  // For the running header of pages 2..N, which has one line: "A", "A and B", "A and others".
  data.set("organization_names_short",
           names.size() <= 2 ? wording::joined(names) : names.front() + " and others");
  data.set("several_organizations", names.size() > 1);
  set_list(data, "participant_signatories", participant_signatories);
}

void set_agency_signatories(TemplateData& data, const model::AllianceAgreement& agreement,
                            const model::AllianceProfile& profile) {
  TemplateList list;
  for (const auto& signatory : agreement.agency_signatories.rows) {
    TemplateData s;
    s.set("name", wording::text(signatory.name));
    s.set("title", wording::text(signatory.title));
    s.set("organization", profile.agency);
    if (signatory.role.present()) s.set("role_" + key(*signatory.role), true);
    list.push_back(s);
  }
  const bool from_profile = list.empty();
  if (from_profile) {
    for (const auto& signatory : profile.agency_signatories.defaults) {
      TemplateData s;
      s.set("name", signatory.name);
      s.set("title", signatory.title);
      s.set("organization", signatory.organization);
      s.set("role_" + key(signatory.role), true);
      list.push_back(s);
    }
  }
  set_list(data, "agency_signatories", list);
  data.set("default_agency_signatories", from_profile && !list.empty());
}

void set_kind(TemplateData& data, const model::AllianceAgreement& agreement,
              const model::AllianceProfile& profile) {
  const bool renewal =
      agreement.action.present() && *agreement.action == model::AgreementAction::Renewal;
  data.set("renewal", renewal);
  data.set("new", !renewal);

  std::string type = agreement.alliance_type.value_or("");
  if (type.empty() && profile.alliance_types.default_word)
    type = *profile.alliance_types.default_word;
  data.set("alliance_type", type);
  data.set("alliance_type_title", wording::capitalized(type));
  data.set(
      "a_alliance_type_title",
      type.empty() ? std::string() : wording::article(type) + " " + wording::capitalized(type));
  if (!type.empty()) data.set(key(type), true);

  const std::string level = agreement.level.value_or("");
  data.set("level", level);
  data.set("level_words", wording::words(level));
  if (!level.empty()) data.set(key(level), true);
}

void set_focus(TemplateData& data, const model::AllianceAgreement& agreement) {
  set_sentence_list(data, "hazards", texts(agreement.hazards));
  set_sentence_list(data, "issues", texts(agreement.issues));
  const bool hazards = !texts(agreement.hazards).empty();
  const bool issues = !texts(agreement.issues).empty();
  data.set("has_hazards_or_issues", hazards || issues);
  data.set("has_hazards_and_issues", hazards && issues);
  set_text(data, "target_workforce", agreement.target_workforce);
  set_text(data, "miosha_division", agreement.miosha_division);
  set_text(data, "alliance_name", agreement.alliance_name);
}

void set_goals(TemplateData& data, const model::AllianceAgreement& agreement) {
  set_list(data, "raising_awareness", objectives(agreement.raising_awareness));
  set_list(data, "training_and_education", objectives(agreement.training_and_education));
  data.set("has_shp_objective",
           std::any_of(agreement.raising_awareness.rows.begin(),
                       agreement.raising_awareness.rows.end(), model::is_shp_objective));
}

void set_implementation(TemplateData& data, const model::AllianceAgreement& agreement,
                        const model::AllianceProfile& profile) {
  const auto& team = agreement.implementation_team;
  const std::int64_t meetings = team.meetings_per_year.present()
                                    ? *team.meetings_per_year
                                    : profile.implementation_team.meetings_per_year_minimum;
  data.set("meetings_per_year", std::to_string(meetings));
  data.set("meetings_times", wording::times(meetings));
  set_date(data, "kick_off_meeting", team.kick_off_meeting);
  const auto kick_off_days = profile.implementation_team.kick_off_within_days;
  data.set("has_kick_off_rule", kick_off_days.has_value());
  data.set("kick_off_within_days", kick_off_days ? std::to_string(*kick_off_days) : "");

  TemplateList means;
  for (const auto& row : agreement.worker_representation.rows) {
    if (!row.value.present()) continue;
    TemplateData item;
    item.set(key(*row.value), true);
    set_text(item, "detail", row.detail);
    means.push_back(item);
  }
  set_list(data, "worker_representation", means);
  set_list(data, "work_plan", text_rows(agreement.work_plan));

  TemplateList criteria;
  for (const auto& row : agreement.criteria_addressed.rows) {
    TemplateData item;
    const std::string code = row.code.value_or("");
    item.set("code", code);
    if (!code.empty()) item.set("criterion_" + code, true);
    set_text(item, "text", row.text);
    criteria.push_back(item);
  }
  set_list(data, "criteria", criteria);

  const auto& contact = agreement.point_of_contact;
  data.set("has_point_of_contact", contact.present && contact.name.present());
  set_text(data, "contact_name", contact.name);
  set_text(data, "contact_email", contact.email);
  set_text(data, "contact_telephone", contact.telephone_number);
  set_text(data, "alliance_webpage", agreement.alliance_webpage);
}

void set_term(TemplateData& data, const model::AllianceAgreement& agreement,
              const model::AllianceProfile& profile) {
  const bool term = agreement.term_years.present();
  data.set("has_term", term);
  data.set("term_years", term ? std::to_string(*agreement.term_years) : "");
  data.set("term_text", term ? wording::years(*agreement.term_years) : "");
  const std::int64_t notice = agreement.termination_notice_days.present()
                                  ? *agreement.termination_notice_days
                                  : profile.agreement.termination_notice_days;
  data.set("notice_days", std::to_string(notice));

  set_date(data, "signing_date", agreement.signing_date);
  data.set("draft", !agreement.signing_date.present());
  if (term && agreement.signing_date.present()) {
    set_date(data, "expiration_date",
             core::add_years(*agreement.signing_date, static_cast<int>(*agreement.term_years)));
  } else {
    set_date(data, "expiration_date", core::Field<core::Date>{});
  }

  const auto& history = agreement.history;
  set_date(data, "initial_signing_date", history.initial_signing_date);
  set_date(data, "previous_expiration_date", history.previous_expiration_date);
  TemplateList renewals;
  for (const auto& date : history.renewal_signing_dates) {
    if (!date.present()) continue;
    TemplateData item;
    set_date(item, "date", date);
    renewals.push_back(item);
  }
  for (std::size_t i = 0; i < renewals.size(); ++i)
    renewals[i].set("separator", wording::separator_after(i, renewals.size()));
  set_list(data, "renewal_signing_dates", renewals);
}

TemplateData agreement_data(const model::AllianceAgreement& agreement,
                            const model::AllianceProfile& profile) {
  TemplateData data;
  data.set("agency", profile.agency);
  data.set("agency_short", profile.agency_short);
  data.set("program", profile.program);
  data.set("source", profile.source);
  data.set("state", profile.state);
  data.set("profile", profile.profile);
  set_kind(data, agreement, profile);
  set_parties(data, agreement, profile);
  set_agency_signatories(data, agreement, profile);
  set_focus(data, agreement);
  set_goals(data, agreement);
  set_implementation(data, agreement, profile);
  set_term(data, agreement, profile);
  return data;
}

}  // namespace

std::string render_agreement(const model::AllianceAgreement& agreement,
                             const model::AllianceProfile& profile, const RenderOptions& options) {
  return render_template("agreement-" + profile.profile + ".xml",
                         agreement_data(agreement, profile), options);
}

}  // namespace pipeline::render
