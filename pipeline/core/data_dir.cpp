#include "pipeline/core/data_dir.hpp"

#include <cstdlib>
#include <system_error>

namespace pipeline::core {

namespace {

// PREFIX/share/formpipe for the program PREFIX/bin/formpipe, when it holds templates/; empty
// otherwise (a build tree, or /proc not mounted).
std::filesystem::path installed_data_dir() {
  std::error_code ec;
  const std::filesystem::path program = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec || program.empty()) return {};
  std::filesystem::path candidate = program.parent_path().parent_path() / "share" / "formpipe";
  if (!std::filesystem::is_directory(candidate / "templates", ec)) return {};
  return candidate;
}

}  // namespace

std::filesystem::path data_dir() {
  if (const char* env = std::getenv("FORMPIPE_DATA_DIR"); env != nullptr && *env != '\0')
    return env;
  static const std::filesystem::path installed = installed_data_dir();
  if (!installed.empty()) return installed;
  return FORMPIPE_DEFAULT_DATA_DIR;
}

}  // namespace pipeline::core
