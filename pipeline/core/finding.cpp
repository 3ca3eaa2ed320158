#include "pipeline/core/finding.hpp"

#include <algorithm>

namespace pipeline::core {

std::string_view severity_name(Severity severity) {
  switch (severity) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    case Severity::Info:
      return "info";
  }
  return "error";
}

Finding make_finding(const RuleRef& rule, std::string message, std::string location) {
  return Finding{std::string(rule.id), rule.severity, std::move(message),
                 std::string(rule.citation), std::move(location)};
}

void Figures::set(std::string key, std::string value) {
  for (auto& item : items_) {
    if (item.first == key) {
      item.second = std::move(value);
      return;
    }
  }
  items_.emplace_back(std::move(key), std::move(value));
}

const std::string* Figures::find(std::string_view key) const {
  for (const auto& item : items_)
    if (item.first == key) return &item.second;
  return nullptr;
}

bool Outcome::has_errors() const {
  return std::any_of(findings.begin(), findings.end(),
                     [](const Finding& f) { return f.severity == Severity::Error; });
}

}  // namespace pipeline::core
