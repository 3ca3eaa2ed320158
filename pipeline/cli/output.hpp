#pragma once
//! How reports reach the terminal: readable text for people, JSON for scripts.

#include <string>
#include <vector>

#include <Poco/Util/OptionSet.h>

#include "pipeline/process/process.hpp"

namespace pipeline::cli {

// 0 accepted, 1 rejected, 2 unreadable (cli.md exit statuses).
int exit_status(process::Status status);
// A report as text: a status line, findings by severity, then the figures.
void print_text(const process::Report& report, bool several);
// One JSON object, or an array when there is more than one report.
void print_json(const std::vector<process::Report>& reports);
// The option table of a command's --help.
void print_options(const Poco::Util::OptionSet& options);
// Writes the named rendered document to `out`; throws core::Error when it was not produced.
void write_document(const process::Processed& processed, const std::string& name,
                    const std::string& out);

}  // namespace pipeline::cli
