#pragma once
//! Command-line options through Poco::Util::OptionProcessor: "--name value", "--name=value",
//! short aliases, and a usage error (exit 2) for anything unknown or missing.

#include <Poco/Util/OptionSet.h>

#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "pipeline/core/date.hpp"
#include "pipeline/process/environment.hpp"

namespace pipeline::signing {
class TrustAnchors;
}

namespace pipeline::cli {

// A mistake in the command line: printed with a pointer to --help, exit status 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ParsedArgs {
  std::vector<std::string> positional;
  std::map<std::string, std::string> options;  // full option name -> value ("" for flags)
  // Every value of each option, in command-line order (for repeatable options such as --trust).
  std::map<std::string, std::vector<std::string>> values;

  bool has(const std::string& name) const { return options.count(name) != 0; }
  std::optional<std::string> get(const std::string& name) const;
  std::vector<std::string> get_all(const std::string& name) const;
};

// Parses `args` against `options`; throws UsageError.
ParsedArgs parse_args(const std::vector<std::string>& args, const Poco::Util::OptionSet& options);

// Option builders.
Poco::Util::Option flag(const std::string& name, const std::string& short_name,
                        const std::string& description);
Poco::Util::Option valued(const std::string& name, const std::string& short_name,
                          const std::string& description, const std::string& argument);
// An option with a value that may be given more than once (ParsedArgs::get_all).
Poco::Util::Option repeated(const std::string& name, const std::string& short_name,
                            const std::string& description, const std::string& argument);

// --as-of: a YYYY-MM-DD date, or today's local date when absent. Throws UsageError.
core::Date as_of_date(const ParsedArgs& parsed);
// Today's date in the local time zone.
core::Date today();

// --trust, repeated: the certificates signed copies' signatures must chain to (PEM files or
// folders of them). None given: null, and every signature is untrusted (signing.md §4). Throws
// UsageError for a path that cannot be read or holds no certificate.
std::shared_ptr<const signing::TrustAnchors> trust_anchors(const ParsedArgs& parsed);

// The environment a command processes with: the data folder ($FORMPIPE_DATA_DIR, else the one
// formpipe was built or installed with) and a clock fixed at --as-of, else the local date.
// Throws UsageError for a bad --as-of, core::Error for a data folder that cannot be loaded.
process::EnvironmentPtr load_environment(const ParsedArgs& parsed);

}  // namespace pipeline::cli
