#pragma once
//! What a folder's files of one kind look like on disk — names, sizes and modification times —
//! so a long-running program can tell that data it loaded (templates, profiles) has changed.

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace pipeline::core {

struct FileStamp {
  std::string name;
  std::uintmax_t size = 0;
  std::filesystem::file_time_type mtime;
  friend bool operator==(const FileStamp&, const FileStamp&) = default;
};

// The regular files of `folder` whose names end in `extension` (".xml"), in name order; none
// when the folder cannot be read.
std::vector<FileStamp> file_stamps(const std::filesystem::path& folder, std::string_view extension);

}  // namespace pipeline::core
