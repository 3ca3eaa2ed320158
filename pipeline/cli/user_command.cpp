// formpipe user add|remove|list: the accounts of the reviewers' desk (web.md §1).
#include <termios.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>

#include "pipeline/cli/commands.hpp"
#include "pipeline/cli/options.hpp"
#include "pipeline/cli/output.hpp"
#include "pipeline/core/error.hpp"
#include "pipeline/web/desk_store.hpp"
#include "pipeline/web/passwords.hpp"

namespace pipeline::cli {

namespace {

constexpr std::size_t kMinPassword = 10;

Poco::Util::OptionSet user_options() {
  Poco::Util::OptionSet options;
  options.addOption(
      valued("out", "o", "the OUTDIR whose record store holds the users (required)", "OUTDIR"));
  options.addOption(valued("password-file", "",
                           "read the password from the first line of FILE instead of asking",
                           "FILE"));
  options.addOption(flag("help", "h", "show this help"));
  return options;
}

bool valid_name(const std::string& name) {
  if (name.empty() || name.size() > 64) return false;
  for (const char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '_' || c == '-' || c == '@';
    if (!ok) return false;
  }
  return true;
}

// One line from the terminal with echo off.
std::string ask_hidden(const std::string& prompt) {
  std::cerr << prompt << std::flush;
  termios old{};
  const bool terminal = ::tcgetattr(STDIN_FILENO, &old) == 0;
  if (terminal) {
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string line;
  std::getline(std::cin, line);
  if (terminal) ::tcsetattr(STDIN_FILENO, TCSANOW, &old);
  std::cerr << "\n";
  return line;
}

std::string read_password(const ParsedArgs& parsed) {
  if (const auto file = parsed.get("password-file")) {
    std::ifstream in(*file, std::ios::binary);
    if (!in) throw UsageError("--password-file " + *file + " cannot be read");
    std::string line;
    std::getline(in, line);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
  }
  if (!::isatty(STDIN_FILENO))
    throw UsageError("no terminal to ask the password on; give --password-file FILE");
  const std::string first = ask_hidden("Password: ");
  const std::string second = ask_hidden("Password again: ");
  if (first != second) throw UsageError("the two passwords differ");
  return first;
}

std::filesystem::path outdir(const ParsedArgs& parsed) {
  const auto out = parsed.get("out");
  if (!out || out->empty()) throw UsageError("--out OUTDIR is required");
  std::error_code ec;
  if (!std::filesystem::is_directory(*out, ec))
    throw UsageError("OUTDIR " + *out + " is not a folder");
  return *out;
}

}  // namespace

int user_command(const Args& args) {
  const Poco::Util::OptionSet options = user_options();
  const ParsedArgs parsed = parse_args(args, options);
  if (parsed.has("help") || parsed.positional.empty()) {
    std::cout
        << "Usage: formpipe user add NAME --out OUTDIR [--password-file FILE]\n"
           "       formpipe user remove NAME --out OUTDIR\n"
           "       formpipe user list --out OUTDIR\n\n"
           "Manages the accounts of the reviewers' desk ('formpipe serve'), kept in the record\n"
           "store OUTDIR/formpipe.sqlite with an Argon2id hash of each password (libsodium).\n"
           "'add' asks for the password twice on the terminal, or reads the first line of\n"
           "--password-file; it is never an argument. A password has at least "
        << kMinPassword
        << " characters.\nNames: letters, digits, '.', '_', '-', '@' (at most 64).\n"
           "Removing a user signs them out of a running desk at their next request; their\n"
           "decisions and audit records stay.\n\nOptions:\n";
    print_options(options);
    std::cout << "\nExamples:\n"
                 "  formpipe user add ann --out results\n"
                 "  formpipe user add bob --out results --password-file bob.pw\n"
                 "  formpipe user list --out results\n\n"
                 "Exit status: 0 done; 2 usage error (also: no such user, name taken); 3 the\n"
                 "store cannot be used.\n";
    return parsed.has("help") ? 0 : 2;
  }
  const std::string& action = parsed.positional.front();
  if (action == "list") {
    if (parsed.positional.size() != 1)
      throw UsageError("unexpected argument \"" + parsed.positional[1] + "\"");
    web::DeskStore store(outdir(parsed));
    for (const web::UserRow& user : store.users())
      std::cout << user.name << "\t" << user.created_at << "\n";
    return 0;
  }
  if (action != "add" && action != "remove")
    throw UsageError("unknown action \"" + action + "\" (add, remove or list)");
  if (parsed.positional.size() != 2) throw UsageError("'user " + action + "' takes one NAME");
  const std::string& name = parsed.positional[1];
  if (!valid_name(name))
    throw UsageError("\"" + name + "\" is not a user name (letters, digits, . _ - @)");
  const std::filesystem::path out = outdir(parsed);
  if (action == "remove") {
    web::DeskStore store(out);
    if (!store.remove_user(name)) throw UsageError("there is no user \"" + name + "\"");
    std::cout << "removed user " << name << "\n";
    return 0;
  }
  web::DeskStore store(out);
  if (store.password_hash(name)) throw UsageError("there is already a user \"" + name + "\"");
  const std::string password = read_password(parsed);
  if (password.size() < kMinPassword)
    throw UsageError("the password is shorter than " + std::to_string(kMinPassword) +
                     " characters");
  if (!store.add_user(name, web::hash_password(password)))
    throw UsageError("there is already a user \"" + name + "\"");
  std::cout << "added user " << name << "\n";
  return 0;
}

}  // namespace pipeline::cli
