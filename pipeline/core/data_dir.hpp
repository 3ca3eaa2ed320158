#pragma once
//! Where formpipe finds its data: forms/ (program profiles), templates/ and fonts/.

#include <filesystem>

namespace pipeline::core {

// $FORMPIPE_DATA_DIR when set; else ../share/formpipe beside the running program when that
// holds the data (an installed formpipe: /usr/bin/formpipe reads /usr/share/formpipe, wherever
// the package or `cmake --install` put it); else the directory configured at build time (the
// source tree, for a program run from its build tree).
std::filesystem::path data_dir();

}  // namespace pipeline::core
