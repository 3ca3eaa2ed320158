// formpipe: the command-line entry point. The commands live in pipeline/cli/.
#include "pipeline/cli/cli.hpp"

int main(int argc, char** argv) {
  return pipeline::cli::run(argc, argv);
}
