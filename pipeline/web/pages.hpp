#pragma once
//! The desk's HTML templates (templates/web/*.html) and its stylesheet (desk.css), read once at
//! start. The templates are mustache (kainjow, the engine of the document templates), which
//! escapes every value (& < > " '); only the layout's {{{body}}} and pictures the desk drew
//! itself ({{{chart}}}, {{{strip}}}) are inserted unescaped.

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include <kainjow/mustache.hpp>

namespace pipeline::web {

using PageData = kainjow::mustache::data;
using PageList = kainjow::mustache::list;

class Pages {
 public:
  // Reads every *.html of `folder` and its desk.css. Throws core::Error naming a missing file or
  // a template that is not valid mustache.
  explicit Pages(const std::filesystem::path& folder);
  ~Pages();

  // Template `name` ("list.html") expanded with `data`. Throws core::Error.
  std::string render(const std::string& name, const PageData& data) const;
  const std::string& stylesheet() const { return stylesheet_; }

 private:
  struct Entry {
    std::unique_ptr<kainjow::mustache::mustache> compiled;
    std::unique_ptr<std::mutex> mutex;  // kainjow's render() is not const
  };
  std::filesystem::path folder_;
  std::map<std::string, Entry> templates_;
  std::string stylesheet_;
};

// Sets a value of page data. An empty text is left out, so that {{#name}}…{{/name}} shows
// nothing for it (mustache counts "" as true).
inline void put(PageData& data, const std::string& name, const std::string& text) {
  if (!text.empty()) data.set(name, text);
}
inline void put(PageData& data, const std::string& name, const char* text) {
  put(data, name, std::string(text));
}
inline void put(PageData& data, const std::string& name, bool value) {
  data.set(name, value);
}
inline void put(PageData& data, const std::string& name, const PageData& value) {
  data.set(name, value);
}
inline void put(PageData& data, const std::string& name, const PageList& list) {
  data.set(name, PageData(list));
}

// `text` with & < > " ' replaced by character references (for HTML the desk writes itself).
std::string escape_html(const std::string& text);

}  // namespace pipeline::web
