#pragma once
//! The command-line contract of spec/cli.md: check, render, run, watch (and due).

namespace pipeline::cli {

// Runs formpipe with the process arguments; returns the exit status of cli.md (0, 1, 2 or 3).
int run(int argc, char** argv);

}  // namespace pipeline::cli
