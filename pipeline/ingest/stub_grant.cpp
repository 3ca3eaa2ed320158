// Placeholder grant reader, replaced by grant_proposal_reader.cpp and grant_bundle.cpp.
#include "pipeline/ingest/form_readers.hpp"

namespace pipeline::ingest {

model::GrantProposal read_grant_proposal(pugi::xml_node, Reader&) {
  return {};
}
TreeOrError grant_bundle_tree(const Bundle&, const Manifest&) {
  return std::string("cet-grant-proposal bundles are not supported yet");
}

}  // namespace pipeline::ingest
