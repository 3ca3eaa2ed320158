#include "pipeline/cli/output.hpp"

#include <Poco/Util/Option.h>

#include <unistd.h>
#include <fstream>
#include <iostream>

#include "pipeline/core/error.hpp"

namespace pipeline::cli {

namespace {

bool colour() {
  static const bool on = isatty(STDOUT_FILENO) != 0 && std::getenv("NO_COLOR") == nullptr;
  return on;
}

std::string paint(const std::string& text, const char* code) {
  return colour() ? std::string("\033[") + code + "m" + text + "\033[0m" : text;
}

}  // namespace

int exit_status(process::Status status) {
  switch (status) {
    case process::Status::Accepted:
      return 0;
    case process::Status::Rejected:
      return 1;
    case process::Status::Unreadable:
      return 2;
  }
  return 3;
}

void print_text(const process::Report& report, bool several) {
  int counts[3] = {0, 0, 0};
  for (const auto& f : report.findings) ++counts[static_cast<int>(f.severity)];
  const std::string status(process::status_name(report.status));
  const char* code = report.status == process::Status::Accepted ? "32;1" : "31;1";
  std::cout << report.source << ": " << paint(status, code);
  if (!report.form.empty()) {
    std::cout << " — " << report.form;
    if (!report.profile.empty()) std::cout << " (" << report.profile << ")";
  }
  std::cout << "; " << counts[0] << " error" << (counts[0] == 1 ? "" : "s") << ", " << counts[1]
            << " warning" << (counts[1] == 1 ? "" : "s") << ", " << counts[2] << " info\n";
  for (int severity = 0; severity < 3; ++severity) {
    for (const auto& f : report.findings) {
      if (static_cast<int>(f.severity) != severity) continue;
      const std::string label(core::severity_name(f.severity));
      const char* tone = severity == 0 ? "31" : severity == 1 ? "33" : "36";
      std::cout << "  " << paint(label + std::string(8 - label.size(), ' '), tone) << f.rule
                << "\n          " << f.message << "\n          " << f.citation;
      if (!f.location.empty()) std::cout << " · at " << f.location;
      std::cout << "\n";
    }
  }
  if (!report.figures.empty()) {
    std::cout << "  figures:\n";
    for (const auto& [key, value] : report.figures.items())
      std::cout << "    " << key << " = " << value << "\n";
  }
  if (several) std::cout << "\n";
}

void print_json(const std::vector<process::Report>& reports) {
  if (reports.size() == 1) {
    std::cout << process::report_json(reports.front()) << "\n";
    return;
  }
  std::cout << "[";
  for (std::size_t i = 0; i < reports.size(); ++i)
    std::cout << (i == 0 ? "\n" : ",\n") << process::report_json(reports[i]);
  std::cout << "\n]\n";
}

void print_options(const Poco::Util::OptionSet& options) {
  for (const auto& option : options) {
    std::string left = "  ";
    if (!option.shortName().empty()) left += "-" + option.shortName() + ", ";
    left += "--" + option.fullName();
    if (option.takesArgument()) left += " " + option.argumentName();
    if (left.size() < 30) left += std::string(30 - left.size(), ' ');
    std::cout << left << " " << option.description() << "\n";
  }
}

void write_document(const process::Processed& processed, const std::string& name,
                    const std::string& out) {
  for (const auto& document : processed.documents) {
    if (document.name != name) continue;
    std::ofstream file(out, std::ios::binary | std::ios::trunc);
    file.write(document.bytes.data(), static_cast<std::streamsize>(document.bytes.size()));
    if (!file) throw core::IoError(out, "cannot be written");
    return;
  }
  throw core::Error("no " + name + " was produced for " + processed.report.source);
}

}  // namespace pipeline::cli
