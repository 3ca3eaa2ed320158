// declination-letter and expiration-termination-letter (formats.md §7): tree -> model.
#include "pipeline/ingest/form_readers.hpp"

namespace pipeline::ingest {

namespace {

// formats.md §7.2 names this rule for an unknown termination-reason code.
constexpr core::RuleRef kLetterTerminationReason{"LETTER-TERMINATION-REASON", core::Severity::Error,
                                                 "MIOSHA-ADM-03-3R6 §XVIII, App E"};

// Every field but courtesy-title is LETTER-FIELDS' to require; only types are checked here.
model::Addressee read_addressee(pugi::xml_node root, Reader& reader) {
  model::Addressee out;
  const pugi::xml_node node = reader.once(root, "addressee");
  out.present = static_cast<bool>(node);
  out.location = node ? reader.path(node) : reader.child_path(root, "addressee");
  reader.known(node, {"courtesy-title", "name", "title", "organization-name", "address", "city",
                      "state", "zip-code"});
  out.courtesy_title = reader.text(node, "courtesy-title");
  out.name = reader.text(node, "name");
  out.title = reader.text(node, "title");
  out.organization_name = reader.text(node, "organization-name");
  out.address = reader.text(node, "address");
  out.city = reader.text(node, "city");
  out.state = reader.typed<std::string>(node, "state", Need::Optional, parse_state,
                                        "a two-letter state code (e.g. MI)");
  out.zip_code = reader.typed<std::string>(node, "zip-code", Need::Optional, parse_zip,
                                           "a ZIP code (12345 or 12345-6789)");
  if (!node) {
    for (auto* field : {&out.courtesy_title, &out.name, &out.title, &out.organization_name,
                        &out.address, &out.city, &out.state, &out.zip_code})
      field->location = out.location + "/" + field->location;
  }
  return out;
}

// The text of an `other` reason is required (FORMAT-REQUIRED at the reason element).
void require_other_text(const core::Field<std::string>& code, const core::Field<std::string>& text,
                        const core::Location& location, Reader& reader) {
  if (code.present() && *code.value == "other" && text.absent())
    reader.report(kFormatRequired,
                  location + ": the reason written out is required for code \"other\" but missing.",
                  location);
}

model::DeclineReason read_decline_reason(pugi::xml_node row, Reader& reader) {
  model::DeclineReason out;
  out.location = reader.path(row);
  reader.known(row, {}, {"code"});
  out.code = reader.typed_attribute<std::string>(
      row, "code", Need::Required,
      [](std::string_view v) -> std::optional<std::string> {
        if (v == "agency-resources" || v == "program-priorities" || v == "similar-alliance" ||
            v == "other")
          return std::string(v);
        return std::nullopt;
      },
      "one of agency-resources, program-priorities, similar-alliance, other");
  out.text = reader.own_text(row);
  require_other_text(out.code, out.text, out.location, reader);
  return out;
}

model::TerminationReason read_termination_reason(pugi::xml_node root, Reader& reader) {
  model::TerminationReason out;
  const pugi::xml_node node = reader.once(root, "termination-reason");
  out.present = static_cast<bool>(node);
  out.location = node ? reader.path(node) : reader.child_path(root, "termination-reason");
  if (!node) {
    out.code.location = out.location + "/@code";
    return out;
  }
  reader.known(node, {}, {"code"});
  out.text = reader.own_text(node);
  // A missing or unknown code is LETTER-TERMINATION-REASON (formats.md §7.2), reported here once.
  const core::Field<std::string> code = reader.attribute(node, "code");
  out.code = code;
  const std::string_view word = code.present() ? std::string_view(*code.value) : "";
  if (word != "failure-to-fulfill" && word != "insufficient-resources" &&
      word != "strategic-change" && word != "other") {
    out.code.state = core::FieldState::Rejected;
    out.code.value.reset();
    const std::string found =
        code.present() ? "code \"" + code.raw + "\" is not one of them" : "no code is given";
    reader.report(kLetterTerminationReason,
                  "A termination letter needs a reason: one of §XVIII's (failure to fulfill "
                  "responsibilities, insufficient resources, change in strategic direction) or "
                  "\"other\" with the reason written out; " +
                      found + ".",
                  code.location);
  }
  require_other_text(out.code, out.text, out.location, reader);
  return out;
}

}  // namespace

model::DeclinationLetter read_declination_letter(pugi::xml_node root, Reader& reader) {
  model::DeclinationLetter letter;
  letter.location = reader.path(root);
  reader.known(root,
               {"letter-date", "addressee", "request-received-date", "requesting-organization",
                "reason", "reference-initials"},
               {"profile", "version"});
  letter.letter_date = reader.date(root, "letter-date");
  letter.addressee = read_addressee(root, reader);
  letter.request_received_date = reader.date(root, "request-received-date");
  letter.requesting_organization = reader.text(root, "requesting-organization");
  for (const pugi::xml_node row : reader.rows(root, "reason"))
    letter.reasons.push_back(read_decline_reason(row, reader));
  letter.reference_initials = reader.text(root, "reference-initials");
  return letter;
}

model::ExpirationTerminationLetter read_expiration_termination_letter(pugi::xml_node root,
                                                                      Reader& reader) {
  model::ExpirationTerminationLetter letter;
  letter.location = reader.path(root);
  reader.known(
      root,
      {"letter-date", "addressee", "agreement-signed-date", "expiration-date", "term-years",
       "termination-reason", "terminated-by", "effective-date", "reference-initials"},
      {"profile", "ending", "version"});
  letter.ending = reader.typed_attribute<model::LetterEnding>(
      root, "ending", Need::Required,
      [](std::string_view v) -> std::optional<model::LetterEnding> {
        if (v == "expiration") return model::LetterEnding::Expiration;
        if (v == "termination") return model::LetterEnding::Termination;
        return std::nullopt;
      },
      "one of expiration, termination");
  letter.letter_date = reader.date(root, "letter-date");
  letter.addressee = read_addressee(root, reader);
  letter.agreement_signed_date = reader.date(root, "agreement-signed-date");
  letter.expiration_date = reader.date(root, "expiration-date");
  letter.term_years = reader.count(root, "term-years");
  letter.termination_reason = read_termination_reason(root, reader);
  letter.terminated_by = reader.typed<model::TerminatedBy>(
      root, "terminated-by", Need::Optional,
      [](std::string_view v) -> std::optional<model::TerminatedBy> {
        if (v == "miosha") return model::TerminatedBy::Miosha;
        if (v == "member") return model::TerminatedBy::Member;
        return std::nullopt;
      },
      "one of miosha, member");
  letter.effective_date = reader.date(root, "effective-date");
  letter.reference_initials = reader.text(root, "reference-initials");
  return letter;
}

}  // namespace pipeline::ingest
