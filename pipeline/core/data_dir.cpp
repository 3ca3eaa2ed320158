#include "pipeline/core/data_dir.hpp"

#include <cstdlib>

namespace pipeline::core {

std::filesystem::path data_dir() {
  if (const char* env = std::getenv("FORMPIPE_DATA_DIR"); env != nullptr && *env != '\0')
    return env;
  return FORMPIPE_DEFAULT_DATA_DIR;
}

}  // namespace pipeline::core
