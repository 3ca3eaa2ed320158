#include "pipeline/core/file_stamps.hpp"

#include <algorithm>

namespace pipeline::core {

std::vector<FileStamp> file_stamps(const std::filesystem::path& folder,
                                   std::string_view extension) {
  std::vector<FileStamp> stamps;
  std::error_code ec;
  for (std::filesystem::directory_iterator it(folder, ec), end; !ec && it != end;
       it.increment(ec)) {
    if (it->path().extension() != extension || !it->is_regular_file(ec)) continue;
    FileStamp stamp;
    stamp.name = it->path().filename().string();
    stamp.size = it->file_size(ec);
    stamp.mtime = it->last_write_time(ec);
    stamps.push_back(std::move(stamp));
  }
  std::sort(stamps.begin(), stamps.end(),
            [](const FileStamp& a, const FileStamp& b) { return a.name < b.name; });
  return stamps;
}

}  // namespace pipeline::core
