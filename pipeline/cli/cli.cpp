#include "pipeline/cli/cli.hpp"

#include <iostream>

namespace pipeline::cli {

int run(int, char**) {
  std::cerr << "formpipe: not built yet\n";
  return 3;
}

}  // namespace pipeline::cli
