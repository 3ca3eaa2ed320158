#pragma once
//! Test support for the end-to-end tests that read `formpipe check --json` or report.json: the
//! report object and its finding rule IDs.

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <string>
#include <vector>

namespace report_json {

using Object = Poco::JSON::Object::Ptr;

inline Object parse(const std::string& json) {
  return Poco::JSON::Parser().parse(json).extract<Object>();
}

// The rule ID of every finding of `report`, in report order.
inline std::vector<std::string> rules_of(const Object& report) {
  std::vector<std::string> out;
  const auto findings = report->getArray("findings");
  for (unsigned i = 0; i < findings->size(); ++i)
    out.push_back(findings->getObject(i)->getValue<std::string>("rule"));
  return out;
}

}  // namespace report_json
