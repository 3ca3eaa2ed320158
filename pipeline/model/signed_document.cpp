#include "pipeline/model/signed_document.hpp"

#include <string_view>

namespace pipeline::model {

std::string signatory_of(const std::string& description) {
  constexpr std::string_view prefix = "Signature of ";
  std::string_view rest = description;
  if (rest.substr(0, prefix.size()) == prefix) rest.remove_prefix(prefix.size());
  return std::string(rest.substr(0, rest.find(", ")));
}

}  // namespace pipeline::model
