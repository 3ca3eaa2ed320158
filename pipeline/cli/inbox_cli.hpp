#pragma once
//! What `run` and `watch` share (internal to cli/): their options, the inbox settings read from
//! them, and SIGINT/SIGTERM turned into a stop request.

#include <Poco/Util/OptionSet.h>

#include <atomic>
#include <cstdint>
#include <string>

#include "pipeline/cli/options.hpp"
#include "pipeline/inbox/inbox.hpp"

namespace pipeline::cli {

// --out, --jobs, --as-of, --max-bytes, --settle, --profile and --help.
Poco::Util::OptionSet inbox_options();
// The settings of `formpipe run|watch INBOX --out OUTDIR ...`. Throws UsageError.
inbox::Settings inbox_settings(const ParsedArgs& parsed, bool watch);
// "64M", "500K", "1G" or plain bytes. Throws UsageError.
std::uint64_t parse_byte_size(const std::string& text);
// The option list and the drop convention, for --help.
void print_inbox_help_tail(const Poco::Util::OptionSet& options);

// While alive, the first SIGINT or SIGTERM raises `requested()` (the submission in hand is
// finished, then the command exits 0); a second one ends the process at once.
class StopOnSignal {
 public:
  StopOnSignal();
  ~StopOnSignal();
  StopOnSignal(const StopOnSignal&) = delete;
  StopOnSignal& operator=(const StopOnSignal&) = delete;
  const std::atomic<bool>& requested() const;
};

}  // namespace pipeline::cli
