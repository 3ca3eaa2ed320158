#include "pipeline/web/pages.hpp"

#include <fstream>
#include <iterator>
#include <sstream>

#include "pipeline/core/error.hpp"

namespace pipeline::web {

namespace {

std::string read_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw core::Error("the desk's file " + file.string() + " cannot be read");
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

Pages::Pages(const std::filesystem::path& folder) : folder_(folder) {
  for (const char* name : {"layout.html", "login.html", "message.html", "list.html",
                           "submission.html", "due.html", "alliance.html", "upload.html"}) {
    auto compiled = std::make_unique<kainjow::mustache::mustache>(read_text(folder / name));
    if (!compiled->is_valid())
      throw core::Error((folder / name).string() + ": mustache: " + compiled->error_message());
    templates_[name] = Entry{std::move(compiled), std::make_unique<std::mutex>()};
  }
  stylesheet_ = read_text(folder / "desk.css");
}

Pages::~Pages() = default;

std::string Pages::render(const std::string& name, const PageData& data) const {
  const auto it = templates_.find(name);
  if (it == templates_.end()) throw core::Error("the desk has no template " + name);
  std::lock_guard lock(*it->second.mutex);
  std::string out = it->second.compiled->render(data);
  if (!it->second.compiled->is_valid())
    throw core::Error((folder_ / name).string() +
                      ": mustache: " + it->second.compiled->error_message());
  return out;
}

std::string escape_html(const std::string& text) {
  return kainjow::mustache::html_escape<std::string>(text);
}

}  // namespace pipeline::web
