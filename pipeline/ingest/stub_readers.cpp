// Placeholder readers, replaced file by file as each form kind's reader is written.
#include "pipeline/ingest/form_readers.hpp"

namespace pipeline::ingest {

model::DiarySheet read_diary_sheet(pugi::xml_node, Reader&) {
  return {};
}
model::AnnualReport read_annual_report(pugi::xml_node, Reader&) {
  return {};
}
model::AllianceAgreement read_alliance_agreement(pugi::xml_node, Reader&) {
  return {};
}
model::DeclinationLetter read_declination_letter(pugi::xml_node, Reader&) {
  return {};
}
model::ExpirationTerminationLetter read_expiration_termination_letter(pugi::xml_node, Reader&) {
  return {};
}
TreeOrError diary_bundle_tree(const Bundle&, const Manifest&) {
  return std::string("alliance-diary-sheet bundles are not supported yet");
}
TreeOrError annual_bundle_tree(const Bundle&, const Manifest&) {
  return std::string("alliance-annual-report bundles are not supported yet");
}
TreeOrError diary_csv_tree(const CsvTable&) {
  return std::string("single-file diary sheets are not supported yet");
}

}  // namespace pipeline::ingest
