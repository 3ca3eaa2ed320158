// Placeholder grant bundle builder, replaced by grant_bundle.cpp.
#include "pipeline/ingest/form_readers.hpp"

namespace pipeline::ingest {

TreeOrError grant_bundle_tree(const Bundle&, const Manifest&) {
  return std::string("cet-grant-proposal bundles are not supported yet");
}

}  // namespace pipeline::ingest
