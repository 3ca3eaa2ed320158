#pragma once
//! One function per command (internal to cli/). Each takes the arguments after the command name
//! and returns the exit status of cli.md.

#include <string>
#include <vector>

namespace pipeline::cli {

using Args = std::vector<std::string>;

int check_command(const Args& args);
int render_command(const Args& args);
int run_command(const Args& args);
int watch_command(const Args& args);
int due_command(const Args& args);
int sign_command(const Args& args);
int verify_command(const Args& args);
int blank_command(const Args& args);
int serve_command(const Args& args);
int user_command(const Args& args);

}  // namespace pipeline::cli
