#pragma once
//! Where formpipe finds its data: forms/ (program profiles), templates/ and fonts/.

#include <filesystem>

namespace pipeline::core {

// $FORMPIPE_DATA_DIR when set, else the directory configured at build time (the source tree
// for a build tree, PREFIX/share/formpipe once installed).
std::filesystem::path data_dir();

}  // namespace pipeline::core
