#pragma once
//! Document templates that agency staff edit without recompiling: a small XML markup (the
//! elements below), first expanded with kainjow mustache ({{name}}, {{#section}}…{{/section}},
//! {{^inverted}}…{{/inverted}}), then read with pugixml and laid out as Document calls.
//! Mustache escapes every value (& < > " '), so names such as "Smith & Sons <Ltd>" stay text.
//! The markup, described for template authors in templates/README.md:
//!
//!   <document title="…" author="…" subject="…" keywords="…" footer="…">
//!     <letterhead><organization>…</organization><line>…</line>*<aside>…</aside>*</letterhead>
//!     <heading level="1|2|3" numbered="yes|no">…</heading>
//!     <paragraph align="left|center|right" size="10" muted="yes|no" space-after="6">
//!       text with <b>bold</b> runs and <br/> line breaks</paragraph>
//!     <bullets><item>…</item>*</bullets>     <numbered><item>…</item>*</numbered>
//!     <key-values><pair label="…">…</pair>*</key-values>
//!     <signatures><signatory><name/><title/><organization/></signatory>*</signatures>
//!     <space points="12"/>  <need points="200"/>  <rule/>  <page-break/>
//!   </document>
//!
//! White space in text collapses to one space, as in HTML. A list or signature block with no
//! entries draws nothing. Templates are read and checked once per process, and read again when
//! the file's modification time or size changes.

#include <filesystem>
#include <string>

#include <kainjow/mustache.hpp>

#include "pipeline/core/error.hpp"
#include "pipeline/render/options.hpp"

namespace pipeline::render {

// A template could not be read, or is not valid mustache or markup. what() is
// "<file>:<line>: <detail>"; line 0 when the problem is the whole file (missing, unreadable).
class TemplateError : public core::Error {
 public:
  TemplateError(std::string file, int line, std::string detail);
  const std::string& file() const { return file_; }
  int line() const { return line_; }
  const std::string& detail() const { return detail_; }

 private:
  std::string file_;
  int line_;
  std::string detail_;
};

// The values a template is expanded with: strings, booleans, lists and objects.
using TemplateData = kainjow::mustache::data;
using TemplateList = kainjow::mustache::list;

// The folder templates are read from: options.templates_dir, else core::data_dir()/templates.
std::filesystem::path templates_dir(const RenderOptions& options);

// The template `file` expanded with `data`: the markup before layout. Throws TemplateError.
std::string expand_template(const std::filesystem::path& file, const TemplateData& data);

// The template `file` expanded with `data` and laid out: PDF bytes. Throws TemplateError,
// RenderError (HarfBuzz) or core::IoError (fonts missing).
std::string render_template(const std::filesystem::path& file, const TemplateData& data,
                            const RenderOptions& options);

}  // namespace pipeline::render
