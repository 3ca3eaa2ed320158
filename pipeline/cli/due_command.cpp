// formpipe due: what each alliance owes, from the record store of an OUTDIR.
#include <filesystem>
#include <iostream>

#include "pipeline/cli/commands.hpp"
#include "pipeline/cli/options.hpp"
#include "pipeline/cli/output.hpp"
#include "pipeline/core/error.hpp"
#include "pipeline/inbox/due.hpp"
#include "pipeline/inbox/store.hpp"

namespace pipeline::cli {

namespace {

Poco::Util::OptionSet due_options() {
  Poco::Util::OptionSet options;
  options.addOption(
      valued("out", "o", "the OUTDIR of 'formpipe run' or 'watch' (required)", "OUTDIR"));
  options.addOption(valued("as-of", "", "the date to judge by (default: today)", "YYYY-MM-DD"));
  options.addOption(flag("json", "j", "print one JSON object instead of the table"));
  options.addOption(flag("help", "h", "show this help"));
  return options;
}

}  // namespace

int due_command(const Args& args) {
  const Poco::Util::OptionSet options = due_options();
  const ParsedArgs parsed = parse_args(args, options);
  if (parsed.has("help")) {
    std::cout
        << "Usage: formpipe due --out OUTDIR [--as-of YYYY-MM-DD] [--json]\n\n"
           "Lists, from the record store OUTDIR/formpipe.sqlite, what each alliance owes as of\n"
           "a date: MIOSHA Partner diary sheets (each quarter, due the Friday after) and\n"
           "annual reports (due the Friday after 1 January), OSHA national biannual data\n"
           "reports (October-March and April-September, due 15 days after), Iowa and Cal/OSHA\n"
           "annual reports; which are received, rejected, overdue, due or upcoming; and which\n"
           "agreements expire within 60 days and need renewal contact (MIOSHA: at least 60\n"
           "days before the expiration). Alliances come from the accepted, signed agreements\n"
           "the store holds; reports count for the alliance whose name or organization they\n"
           "carry.\n\nOptions:\n";
    print_options(options);
    std::cout << "\nExamples:\n"
                 "  formpipe due --out results\n"
                 "  formpipe due --out results --as-of 2025-12-01 --json > due.json\n\n"
                 "Exit status: 0 listed; 2 usage error (no record store in OUTDIR); 3 the store\n"
                 "cannot be read.\n";
    return 0;
  }
  if (!parsed.positional.empty())
    throw UsageError("unexpected argument \"" + parsed.positional.front() + "\"");
  const auto out = parsed.get("out");
  if (!out || out->empty()) throw UsageError("--out OUTDIR is required");
  const std::filesystem::path file = std::filesystem::path(*out) / "formpipe.sqlite";
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec))
    throw UsageError("no record store in " + *out + " (" + file.string() +
                     "); 'formpipe run INBOX --out " + *out + "' creates it");
  const core::Date as_of = as_of_date(parsed);
  const process::EnvironmentPtr env = load_environment(parsed);
  inbox::Store store(file);
  // A profile no longer configured has no schedule (null).
  const inbox::DueList list = inbox::compute_due(
      store.alliance_facts(), as_of,
      [&env](const std::string& profile) { return env->find_alliance(profile); });
  std::cout << (parsed.has("json") ? inbox::due_json(list) + "\n" : inbox::due_table(list));
  return 0;
}

}  // namespace pipeline::cli
