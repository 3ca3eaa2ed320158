// Placeholder readers, replaced file by file as each form kind's reader is written.
#include "pipeline/ingest/form_readers.hpp"

namespace pipeline::ingest {

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
