#pragma once
//! What a rule says about a submission: its rule ID, severity, message, the policy section it
//! rests on and where in the input it points; plus the computed figures of info rules.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pipeline/core/location.hpp"

namespace pipeline::core {

enum class Severity { Error, Warning, Info };

std::string_view severity_name(Severity severity);  // "error", "warning", "info"

// A rule of rules.md: stable ID, severity and the citation of its source. Declare one constant
// per rule next to the function that checks it.
struct RuleRef {
  std::string_view id;
  Severity severity;
  std::string_view citation;
};

struct Finding {
  std::string rule;
  Severity severity = Severity::Error;
  std::string message;
  std::string citation;
  std::string location;  // slash path from the root, e.g. "cet-grant-proposal/table-c/total"
};

Finding make_finding(const RuleRef& rule, std::string message, std::string location = {});
inline Finding make_finding(const RuleRef& rule, std::string message, const Location& location) {
  return make_finding(rule, std::move(message), location.str());
}
inline Finding make_finding(const RuleRef& rule, std::string message, const char* location) {
  return make_finding(rule, std::move(message), std::string(location));
}

// Named computed values, kept in the order they were first set.
class Figures {
 public:
  void set(std::string key, std::string value);
  const std::string* find(std::string_view key) const;
  const std::vector<std::pair<std::string, std::string>>& items() const { return items_; }
  bool empty() const { return items_.empty(); }

 private:
  std::vector<std::pair<std::string, std::string>> items_;
};

// Everything the rules say about one submission.
struct Outcome {
  std::vector<Finding> findings;
  Figures figures;

  void add(const RuleRef& rule, std::string message, std::string location = {}) {
    findings.push_back(make_finding(rule, std::move(message), std::move(location)));
  }
  void add(const RuleRef& rule, std::string message, const char* location) {
    add(rule, std::move(message), std::string(location));
  }
  void add(const RuleRef& rule, std::string message, const Location& location) {
    add(rule, std::move(message), location.str());
  }
  bool has_errors() const;
};

}  // namespace pipeline::core
