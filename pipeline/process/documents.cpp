#include "pipeline/process/documents.hpp"

namespace pipeline::process {

std::vector<std::pair<std::string, std::string>> facts_of(const model::Submission&) {
  return {};
}

void render_documents(const model::Submission*, Processed&) {}

}  // namespace pipeline::process
