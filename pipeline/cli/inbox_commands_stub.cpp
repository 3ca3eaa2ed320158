// Placeholder for run, watch and due until pipeline/inbox lands (then deleted).
#include <iostream>

#include "pipeline/cli/commands.hpp"

namespace pipeline::cli {

int run_command(const Args&) {
  std::cerr << "formpipe run: not available yet\n";
  return 3;
}
int watch_command(const Args&) {
  std::cerr << "formpipe watch: not available yet\n";
  return 3;
}
int due_command(const Args&) {
  std::cerr << "formpipe due: not available yet\n";
  return 3;
}

}  // namespace pipeline::cli
