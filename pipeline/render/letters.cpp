#include "pipeline/render/letters.hpp"

#include <algorithm>
#include <string>

#include "pipeline/render/template_document.hpp"
#include "pipeline/render/wording.hpp"
#include "pipeline/text/format.hpp"

namespace pipeline::render {

namespace {

using wording::key;
using wording::set_date;
using wording::set_text;

// The sender: MIOSHA's division, its telephone, who signs and whom the letter copies.
void set_sender(TemplateData& data, const model::AllianceProfile& profile,
                const std::vector<std::string>& copies) {
  const auto& letters = profile.letters;
  data.set("agency", profile.agency);
  data.set("agency_short", profile.agency_short);
  data.set("source", profile.source);
  data.set("state", profile.state);
  data.set("division", letters.division);
  data.set("signer", letters.signer);
  data.set("telephone", letters.telephone);
  TemplateList list;
  for (const auto& copy : copies) {
    TemplateData item;
    item.set("text", copy);
    list.push_back(item);
  }
  data.set("copies", list);
  data.set("has_copies", !list.empty());
}

void set_addressee(TemplateData& data, const model::Addressee& addressee,
                   const model::AllianceProfile& profile) {
  set_text(data, "courtesy_title", addressee.courtesy_title);
  set_text(data, "name", addressee.name);
  set_text(data, "title", addressee.title);
  set_text(data, "organization_name", addressee.organization_name);
  set_text(data, "address", addressee.address);
  set_text(data, "city", addressee.city);
  set_text(data, "zip_code", addressee.zip_code);
  // App C and App E write the state out: "(City), Michigan (Zip)". Other states keep their
  // USPS code (LETTER-MICHIGAN has warned about them).
  const std::string state = wording::text(addressee.state);
  data.set("state_name",
           !state.empty() && state == profile.letters.addressee_state ? profile.state : state);
  data.set("has_state_name", !state.empty());
  std::string salutation = wording::text(addressee.courtesy_title);
  if (!salutation.empty()) salutation += ' ';
  salutation += wording::text(addressee.name);
  data.set("addressee", salutation);
}

void set_reference(TemplateData& data, const core::Field<std::string>& initials,
                   const model::AllianceProfile& profile) {
  data.set("reference_initials",
           initials.present() ? *initials : profile.letters.reference_initials);
}

// A reason as a clause of a sentence: no final full stop.
std::string clause(std::string text) {
  while (!text.empty() && (text.back() == '.' || text.back() == ' ')) text.pop_back();
  return text;
}

TemplateData declination_data(const model::DeclinationLetter& letter,
                              const model::AllianceProfile& profile) {
  TemplateData data;
  set_sender(data, profile, profile.letters.declination_copies);
  set_addressee(data, letter.addressee, profile);
  set_reference(data, letter.reference_initials, profile);
  set_date(data, "letter_date", letter.letter_date);
  set_date(data, "request_received_date", letter.request_received_date);
  const std::string requester = letter.requesting_organization.present()
                                    ? *letter.requesting_organization
                                    : wording::text(letter.addressee.organization_name);
  data.set("requesting_organization", requester);
  data.set("has_requesting_organization", !requester.empty());

  TemplateList reasons;
  for (const auto& reason : letter.reasons) {
    if (!reason.code.present()) continue;
    TemplateData item;
    item.set(key(*reason.code), true);
    item.set("text", clause(wording::text(reason.text)));
    item.set("has_text", reason.text.present());
    reasons.push_back(item);
  }
  for (std::size_t i = 0; i < reasons.size(); ++i)
    reasons[i].set("separator", wording::separator_after(i, reasons.size()));
  data.set("reasons", reasons);
  data.set("has_reasons", !reasons.empty());
  return data;
}

TemplateData expiration_termination_data(const model::ExpirationTerminationLetter& letter,
                                         const model::AllianceProfile& profile) {
  TemplateData data;
  set_sender(data, profile, profile.letters.expiration_copies);
  set_addressee(data, letter.addressee, profile);
  set_reference(data, letter.reference_initials, profile);
  const bool termination =
      letter.ending.present() && *letter.ending == model::LetterEnding::Termination;
  data.set("termination", termination);
  data.set("expiration", !termination);
  set_date(data, "letter_date", letter.letter_date);
  set_date(data, "agreement_signed_date", letter.agreement_signed_date);
  set_date(data, "expiration_date", letter.expiration_date);
  set_date(data, "effective_date", letter.effective_date);
  data.set("effective_after_letter", letter.effective_date.present() &&
                                         letter.letter_date.present() &&
                                         *letter.letter_date < *letter.effective_date);

  // App E prints a fixed "three-year"; the letter prints the agreement's own term.
  const bool term = letter.term_years.present();
  data.set("has_term", term);
  data.set("term_years", term ? std::to_string(*letter.term_years) : "");
  data.set("term_adjective",
           term ? text::spelled_out(static_cast<long>(*letter.term_years)) + "-year" : "");

  const auto& reason = letter.termination_reason;
  if (reason.present && reason.code.present()) data.set("reason_" + key(*reason.code), true);
  data.set("reason_text", clause(wording::text(reason.text)));
  data.set("has_reason_text", reason.text.present());
  const bool by_member =
      letter.terminated_by.present() && *letter.terminated_by == model::TerminatedBy::Member;
  data.set("terminated_by_member", by_member);
  data.set("terminated_by_miosha", !by_member);
  return data;
}

}  // namespace

std::string render_declination_letter(const model::DeclinationLetter& letter,
                                      const model::AllianceProfile& profile,
                                      const RenderOptions& options) {
  return render_template("declination-letter.xml", declination_data(letter, profile), options);
}

std::string render_expiration_termination_letter(const model::ExpirationTerminationLetter& letter,
                                                 const model::AllianceProfile& profile,
                                                 const RenderOptions& options) {
  return render_template("expiration-termination-letter.xml",
                         expiration_termination_data(letter, profile), options);
}

}  // namespace pipeline::render
