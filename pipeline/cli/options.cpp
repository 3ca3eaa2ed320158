#include "pipeline/cli/options.hpp"

#include <Poco/Util/Option.h>
#include <Poco/Util/OptionException.h>
#include <Poco/Util/OptionProcessor.h>

#include <ctime>

#include "pipeline/core/data_dir.hpp"
#include "pipeline/core/error.hpp"
#include "pipeline/signing/verify.hpp"

namespace pipeline::cli {

std::optional<std::string> ParsedArgs::get(const std::string& name) const {
  auto it = options.find(name);
  if (it == options.end()) return std::nullopt;
  return it->second;
}

std::vector<std::string> ParsedArgs::get_all(const std::string& name) const {
  auto it = values.find(name);
  return it == values.end() ? std::vector<std::string>{} : it->second;
}

Poco::Util::Option flag(const std::string& name, const std::string& short_name,
                        const std::string& description) {
  return Poco::Util::Option(name, short_name, description).required(false).repeatable(false);
}

Poco::Util::Option valued(const std::string& name, const std::string& short_name,
                          const std::string& description, const std::string& argument) {
  return Poco::Util::Option(name, short_name, description)
      .required(false)
      .repeatable(false)
      .argument(argument);
}

Poco::Util::Option repeated(const std::string& name, const std::string& short_name,
                            const std::string& description, const std::string& argument) {
  return valued(name, short_name, description, argument).repeatable(true);
}

ParsedArgs parse_args(const std::vector<std::string>& args, const Poco::Util::OptionSet& options) {
  ParsedArgs parsed;
  Poco::Util::OptionProcessor processor(options);
  processor.setUnixStyle(true);
  bool only_positional = false;
  try {
    for (const std::string& arg : args) {
      if (only_positional) {
        parsed.positional.push_back(arg);
        continue;
      }
      if (arg == "--") {
        only_positional = true;
        continue;
      }
      std::string name, value;
      if (processor.process(arg, name, value)) {
        if (!name.empty()) {
          parsed.options[name] = value;
          parsed.values[name].push_back(value);
        }
      } else if (arg.size() > 1 && arg[0] == '-') {
        throw UsageError("unknown option " + arg);
      } else {
        parsed.positional.push_back(arg);
      }
    }
    processor.checkRequired();
  } catch (const Poco::Util::OptionException& e) {
    throw UsageError(e.displayText());
  }
  return parsed;
}

core::Date today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return *core::Date::from_ymd(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

core::Date as_of_date(const ParsedArgs& parsed) {
  const auto text = parsed.get("as-of");
  if (!text) return today();
  const auto date = core::parse_date(*text);
  if (!date) throw UsageError("--as-of expects a date YYYY-MM-DD, found \"" + *text + "\"");
  return *date;
}

process::EnvironmentPtr load_environment(const ParsedArgs& parsed) {
  process::Environment::Clock clock = today;
  if (parsed.has("as-of")) {
    const core::Date as_of = as_of_date(parsed);
    clock = [as_of] { return as_of; };
  }
  return process::Environment::load(core::data_dir(), std::move(clock));
}

std::shared_ptr<const signing::TrustAnchors> trust_anchors(const ParsedArgs& parsed) {
  std::vector<std::filesystem::path> paths;
  for (const std::string& path : parsed.get_all("trust")) paths.emplace_back(path);
  if (paths.empty()) return nullptr;
  try {
    return std::make_shared<const signing::TrustAnchors>(signing::TrustAnchors::load(paths));
  } catch (const core::Error& e) {
    throw UsageError(std::string("--trust ") + e.what());
  }
}

}  // namespace pipeline::cli
