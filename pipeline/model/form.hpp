#pragma once
//! One immutable struct per form kind, built only by ingest and then passed by const reference
//! to rules and render. Values are core::Field<T> (present / absent / rejected, with location).

#include <string>
#include <string_view>
#include <variant>

#include "pipeline/model/alliance_agreement.hpp"
#include "pipeline/model/annual_report.hpp"
#include "pipeline/model/diary_sheet.hpp"
#include "pipeline/model/grant_proposal.hpp"
#include "pipeline/model/letters.hpp"
#include "pipeline/model/signed_document.hpp"

namespace pipeline::model {

using Form = std::variant<GrantProposal, DiarySheet, AnnualReport, AllianceAgreement,
                          DeclinationLetter, ExpirationTerminationLetter, SignedDocument>;

// A readable submission: its form kind (root element name), resolved profile and content.
struct Submission {
  std::string kind;  // "cet-grant-proposal", "alliance-diary-sheet", ..., "signed-agreement"
  // "cet-grant", "miosha", "osha", "iowa", "calosha"; a signed copy: its issued document's, or
  // empty when formpipe did not issue it
  std::string profile;
  Form form;
};

}  // namespace pipeline::model
