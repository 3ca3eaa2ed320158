#include "pipeline/cli/cli.hpp"

#include <array>
#include <exception>
#include <iostream>
#include <string_view>

#include "pipeline/cli/commands.hpp"
#include "pipeline/cli/options.hpp"
#include "pipeline/core/data_dir.hpp"
#include "pipeline/core/error.hpp"

namespace pipeline::cli {

namespace {

struct Command {
  std::string_view name;
  int (*run)(const Args&);
  std::string_view summary;
};

// The commands, in the order --help lists them (the kTools table of ninja).
constexpr std::array<Command, 10> kCommands{{
    {"check", check_command, "ingest and validate submissions, print their findings"},
    {"render", render_command, "produce the PDF a submission asks for"},
    {"run", run_command, "process every submission in an inbox folder once"},
    {"watch", watch_command, "process an inbox folder continuously"},
    {"due", due_command, "list what each alliance owes and which agreements need renewal"},
    {"sign", sign_command, "sign a signature field of a PDF (PAdES, incremental update)"},
    {"verify", verify_command, "check every signature of a PDF and list its empty fields"},
    {"blank", blank_command, "write a fillable PDF form, blank or prefilled"},
    {"serve", serve_command, "serve the reviewers' desk, a web application over an OUTDIR"},
    {"user", user_command, "add, remove or list the users of the reviewers' desk"},
}};

void print_help() {
  std::cout
      << "formpipe — checks MIOSHA, OSHA, Iowa OSHA and Cal/OSHA alliance forms and MIOSHA\n"
         "CET grant proposals against the agencies' rules and renders the PDFs people sign.\n\n"
         "Usage: formpipe COMMAND [ARGS...]\n\nCommands:\n";
  for (const Command& c : kCommands) {
    std::cout << "  " << c.name << std::string(10 - c.name.size(), ' ') << c.summary << "\n";
  }
  std::cout << "\nRun 'formpipe COMMAND --help' for a command's options and examples.\n"
               "Exit status: 0 done, no errors; 1 a submission has error findings; 2 usage error\n"
               "or unreadable input; 3 internal failure.\n";
}

}  // namespace

int run(int argc, char** argv) {
  if (argc < 2) {
    print_help();
    return 2;
  }
  const std::string_view name = argv[1];
  if (name == "--help" || name == "-h" || name == "help") {
    print_help();
    return 0;
  }
  if (name == "--version") {
    std::cout << "formpipe " FORMPIPE_VERSION "\ndata folder: " << core::data_dir().string()
              << "\n";
    return 0;
  }
  const Args args(argv + 2, argv + argc);
  for (const Command& command : kCommands) {
    if (command.name != name) continue;
    try {
      return command.run(args);
    } catch (const UsageError& e) {
      std::cerr << "formpipe " << name << ": " << e.what() << "\nRun 'formpipe " << name
                << " --help' for usage.\n";
      return 2;
    } catch (const core::Error& e) {
      std::cerr << "formpipe " << name << ": " << e.what() << "\n";
      return 3;
    } catch (const std::exception& e) {
      std::cerr << "formpipe " << name << ": internal error (this is a bug): " << e.what() << "\n";
      return 3;
    }
  }
  std::cerr << "formpipe: unknown command '" << name << "'\nRun 'formpipe --help' for the list.\n";
  return 2;
}

}  // namespace pipeline::cli
