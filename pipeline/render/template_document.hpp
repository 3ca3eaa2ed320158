#pragma once
//! Document templates that agency staff edit without recompiling: a small XML markup (the
//! elements below), first expanded with kainjow mustache ({{name}}, {{#section}}…{{/section}},
//! {{^inverted}}…{{/inverted}}), then read with pugixml and laid out as Document calls.
//! Mustache escapes every value (& < > " '), so names such as "Smith & Sons <Ltd>" stay text.
//! The markup, described for template authors in templates/README.md:
//!
//!   <document title="…" author="…" subject="…" keywords="…" footer="…" kind="…" lang="…">
//!     <letterhead><organization>…</organization><line>…</line>*<aside>…</aside>*</letterhead>
//!     <heading level="1|2|3" numbered="yes|no">…</heading>
//!     <paragraph align="left|center|right" size="10" muted="yes|no" space-after="6" role="title">
//!       text with <b>bold</b> runs and <br/> line breaks</paragraph>
//!     <bullets><item>…</item>*</bullets>     <numbered><item>…</item>*</numbered>
//!     <key-values><pair label="…">…</pair>*</key-values>
//!     <signatures><signatory><name/><title/><organization/></signatory>*</signatures>
//!     <signature-field space="40" width="216"><name/><title/><organization/></signature-field>
//!     <space points="12"/>  <need points="200"/>  <rule/>  <page-break/>
//!     <field-row><field name="…" type="text|multiline|yes-no|choice" label="…" help="…"
//!       choices="a b" editable="yes" max-length="10" width="2" lines="4" read-only="yes"
//!       value="…"/>*</field-row>
//!     <field-table name="activities.activity" rows="N"><column title="…" field="date" …/>*
//!       </field-table>
//!     <field-table><column title="…"/>*<row><cell>text</cell><cell name="…" …/>*</row>*
//!       </field-table>
//!   </document>
//!
//! White space in text collapses to one space, as in HTML. A list or signature block with no
//! entries draws nothing. A template is read and checked once, when it is loaded (Templates::load
//! reads a whole folder, as process::Environment does at start); nothing is read while a document
//! renders. Templates::changed_on_disk tells a long-running caller (`watch`) to load them again.

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <kainjow/mustache.hpp>

#include "pipeline/core/error.hpp"
#include "pipeline/core/file_stamps.hpp"
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

// One template file, read, checked and compiled. Thread-safe: renders from several threads at
// once take turns on the compiled mustache (kainjow's render() is not const).
class Template {
 public:
  // Reads, checks and compiles `file`. Throws TemplateError naming the file and line.
  static std::shared_ptr<const Template> load(const std::filesystem::path& file);
  ~Template();

  const std::string& file() const { return file_; }
  // The template expanded with `data`: the markup before layout. Throws TemplateError.
  std::string expand(const TemplateData& data) const;

 private:
  struct Compiled;
  explicit Template(std::string file);
  std::string file_;
  std::unique_ptr<Compiled> compiled_;
  mutable std::mutex mutex_;
};

// Every template of a folder (its *.xml files), loaded at once and immutable after.
class Templates {
 public:
  // Loads every *.xml of `folder`. A folder that does not exist holds no template (get() then
  // names the file asked for). Throws TemplateError for the first template that is malformed.
  static std::shared_ptr<const Templates> load(const std::filesystem::path& folder);

  const std::filesystem::path& folder() const { return folder_; }
  // The template `name` ("agreement-miosha.xml"). Throws TemplateError naming folder/name when
  // the folder has none.
  const Template& get(std::string_view name) const;
  // Whether the folder's *.xml files (names, sizes, modification times) differ from when they
  // were loaded.
  bool changed_on_disk() const;

 private:
  std::filesystem::path folder_;
  std::vector<core::FileStamp> stamps_;
  std::map<std::string, std::shared_ptr<const Template>, std::less<>> templates_;
};

// The template expanded with `data`: the markup before layout. Throws TemplateError.
std::string expand_template(const Template& file, const TemplateData& data);

// The template expanded with `data` and laid out: PDF bytes. Throws TemplateError,
// RenderError (HarfBuzz) or core::IoError (fonts missing).
std::string render_template(const Template& file, const TemplateData& data,
                            const RenderOptions& options);

// What a fillable form (a template with <field-row>s and <field-table>s) is filled with.
struct FormFill {
  // Prefilled values by field name ("activities.activity.2.date" → "2025-07-16"); a check box's
  // value is "yes" or "no".
  std::map<std::string, std::string, std::less<>> values;
  // Empty rows of every repeating table (`formpipe blank --rows`); 0: the template's `rows`,
  // else as many as fill the page the table starts on, at least 10. A table has at least as
  // many rows as its prefilled values need.
  std::size_t rows = 0;
  // When set, receives the name of every field laid out (to tell which values found no field).
  std::set<std::string>* placed = nullptr;
};

// A form template expanded with `data`, laid out with its fields filled from `fill`: PDF bytes.
// Throws as render_template.
std::string render_fillable_form(const Template& file, const TemplateData& data,
                                 const FormFill& fill, const RenderOptions& options);

// The template `name` of options.templates, rendered. Throws TemplateError when options carry no
// templates or the folder has no such file.
std::string render_template(std::string_view name, const TemplateData& data,
                            const RenderOptions& options);

}  // namespace pipeline::render
