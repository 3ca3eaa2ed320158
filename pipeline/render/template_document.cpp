#include "pipeline/render/template_document.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>
#include <string_view>
#include <utility>
#include <vector>

#include "pipeline/render/layout.hpp"
#include "pipeline/text/unicode.hpp"

namespace pipeline::render {

namespace {

// Every element is stamped with its line in the template file before expansion, so problems
// found after expansion still name the template line.
constexpr const char* kLineAttribute = "fp-line";
constexpr unsigned kParseOptions = pugi::parse_default | pugi::parse_ws_pcdata;

// The markup: which attributes each element takes and which elements it may hold. Inline
// elements (b, br) may appear wherever text may.
struct ElementRule {
  std::set<std::string, std::less<>> attributes;
  std::set<std::string, std::less<>> children;
  bool text = false;  // holds text and inline elements
};

const std::map<std::string, ElementRule, std::less<>>& markup() {
  static const std::map<std::string, ElementRule, std::less<>> rules = [] {
    const std::set<std::string, std::less<>> blocks{
        "heading",    "paragraph",       "bullets",    "numbered", "key-values",
        "signatures", "signature-field", "space",      "need",     "rule",
        "page-break", "field-row",       "field-table"};
    std::set<std::string, std::less<>> document_children = blocks;
    document_children.insert("letterhead");
    return std::map<std::string, ElementRule, std::less<>>{
        {"document",
         {{"title", "author", "subject", "keywords", "footer", "kind", "lang", "form", "profile",
           "form-version"},
          document_children}},
        {"field-row", {{}, {"field"}}},
        {"field",
         {{"name", "type", "label", "help", "choices", "editable", "max-length", "width", "lines",
           "read-only", "value"},
          {}}},
        {"field-table", {{"name", "rows"}, {"column", "row"}}},
        {"column",
         {{"title", "width", "align", "field", "type", "help", "choices", "editable", "max-length",
           "lines", "read-only"},
          {}}},
        {"row", {{}, {"cell"}}},
        {"cell",
         {{"name", "type", "help", "choices", "editable", "max-length", "lines", "read-only",
           "value"},
          {},
          true}},
        {"letterhead", {{}, {"organization", "line", "aside"}}},
        {"organization", {{}, {}, true}},
        {"line", {{}, {}, true}},
        {"aside", {{}, {}, true}},
        {"heading", {{"level", "numbered"}, {}, true}},
        {"paragraph", {{"align", "size", "muted", "space-after", "role"}, {}, true}},
        {"bullets", {{}, {"item"}}},
        {"numbered", {{}, {"item"}}},
        {"item", {{}, {}, true}},
        {"key-values", {{}, {"pair"}}},
        {"pair", {{"label"}, {}, true}},
        {"signatures", {{}, {"signatory"}}},
        {"signatory", {{}, {"name", "title", "organization"}}},
        {"signature-field", {{"space", "width"}, {"name", "title", "organization"}}},
        {"name", {{}, {}, true}},
        {"title", {{}, {}, true}},
        {"space", {{"points"}, {}}},
        {"need", {{"points"}, {}}},
        {"rule", {{}, {}}},
        {"page-break", {{}, {}}},
        {"b", {{}, {}, true}},
        {"br", {{}, {}}},
    };
  }();
  return rules;
}

bool is_inline(std::string_view name) {
  return name == "b" || name == "br";
}

int line_at(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  return 1 +
         static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n'));
}

bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

std::string read_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw TemplateError(file.string(), 0, "cannot open the template");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in.good() && !in.eof()) throw TemplateError(file.string(), 0, "cannot read the template");
  return bytes.str();
}

// ---- checking a template before expansion ----

// The markup rules, checked on the template itself (mustache tags are plain text to XML), so
// each problem names its line.
void check_element(pugi::xml_node node, std::string_view source, const std::string& file) {
  const auto line = [&](pugi::xml_node n) {
    return line_at(source, static_cast<std::size_t>(n.offset_debug()));
  };
  const auto& rules = markup();
  const auto rule = rules.find(node.name());
  if (rule == rules.end())
    throw TemplateError(file, line(node), "unknown element <" + std::string(node.name()) + ">");
  for (const pugi::xml_attribute attribute : node.attributes()) {
    if (rule->second.attributes.count(attribute.name()) == 0)
      throw TemplateError(
          file, line(node),
          "<" + std::string(node.name()) + "> has no attribute \"" + attribute.name() + "\"");
  }
  for (const pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) continue;
    if (child.type() != pugi::node_element) continue;
    if (rules.count(child.name()) == 0)
      throw TemplateError(file, line(child), "unknown element <" + std::string(child.name()) + ">");
    const bool allowed = rule->second.children.count(child.name()) != 0 ||
                         (rule->second.text && is_inline(child.name()));
    if (!allowed)
      throw TemplateError(
          file, line(child),
          "<" + std::string(child.name()) + "> may not appear inside <" + node.name() + ">");
    check_element(child, source, file);
  }
}

void stamp_lines(pugi::xml_node node, std::string_view source) {
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    if (child.type() != pugi::node_element) continue;
    child.prepend_attribute(kLineAttribute) =
        line_at(source, static_cast<std::size_t>(child.offset_debug()));
    stamp_lines(child, source);
  }
}

// Reads, checks and compiles a template: mustache over the line-stamped markup.
std::unique_ptr<kainjow::mustache::mustache> compile(const std::filesystem::path& path) {
  const std::string file = path.string();
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    throw TemplateError(file, 0, "cannot read the template: no such file");
  const std::string source = read_file(path);

  const kainjow::mustache::mustache check(source);
  if (!check.is_valid()) {
    // kainjow ends its messages with " at <offset>".
    const std::string& message = check.error_message();
    int line = 0;
    if (const auto at = message.rfind(" at "); at != std::string::npos) {
      std::size_t offset = 0;
      const char* first = message.data() + at + 4;
      if (std::from_chars(first, message.data() + message.size(), offset).ec == std::errc())
        line = line_at(source, offset);
    }
    throw TemplateError(file, line, "mustache: " + message);
  }

  pugi::xml_document markup_document;
  const pugi::xml_parse_result parsed =
      markup_document.load_buffer(source.data(), source.size(), kParseOptions, pugi::encoding_utf8);
  if (!parsed)
    throw TemplateError(file, line_at(source, static_cast<std::size_t>(parsed.offset)),
                        std::string("not well-formed XML: ") + parsed.description());
  const pugi::xml_node root = markup_document.document_element();
  if (std::string_view(root.name()) != "document")
    throw TemplateError(
        file, line_at(source, static_cast<std::size_t>(root.offset_debug())),
        "the root element must be <document>, found <" + std::string(root.name()) + ">");
  check_element(root, source, file);
  stamp_lines(markup_document, source);

  std::ostringstream stamped;
  markup_document.save(stamped, "", pugi::format_raw | pugi::format_no_declaration,
                       pugi::encoding_utf8);
  auto compiled = std::make_unique<kainjow::mustache::mustache>(stamped.str());
  if (!compiled->is_valid()) throw TemplateError(file, 0, "mustache: " + compiled->error_message());
  return compiled;
}

// ---- reading the expanded markup ----

class Interpreter {
 public:
  Interpreter(std::string file, const FormFill* fill) : file_(std::move(file)), fill_(fill) {}

  std::string render(const pugi::xml_node root, const RenderOptions& options) {
    DocumentInfo info;
    info.title = root.attribute("title").value();
    info.author = root.attribute("author").value();
    info.subject = root.attribute("subject").value();
    info.keywords = root.attribute("keywords").value();
    info.footer = root.attribute("footer").value();
    info.kind = root.attribute("kind").value();
    info.lang = root.attribute("lang").value();
    info.form = root.attribute("form").value();
    info.profile = root.attribute("profile").value();
    info.form_version = root.attribute("form-version").value();
    const auto letterheads = elements(root, "letterhead");
    if (letterheads.size() > 1) fail(letterheads[1], "a document has one <letterhead>");
    if (!letterheads.empty()) info.letterhead = letterhead(letterheads.front());

    Document doc(std::move(info), options);
    for (const pugi::xml_node child : root.children()) {
      if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
        if (!is_blank(child.value()))
          fail(root,
               "text \"" + text::collapse_xml_spaces(child.value()) + "\" outside a paragraph");
        continue;
      }
      if (child.type() != pugi::node_element) continue;
      block(doc, child);
    }
    return doc.finish();
  }

 private:
  std::string file_;
  const FormFill* fill_ = nullptr;
  int heading_number_ = 0;

  std::string prefilled(const std::string& name) const {
    if (fill_ == nullptr) return {};
    const auto found = fill_->values.find(name);
    return found == fill_->values.end() ? std::string() : found->second;
  }

  // The highest position a prefilled value of the table `name` ("activities.activity") has.
  std::size_t prefilled_rows(const std::string& name) const {
    if (fill_ == nullptr) return 0;
    const std::string prefix = name + ".";
    std::size_t most = 0;
    for (auto at = fill_->values.lower_bound(prefix);
         at != fill_->values.end() && at->first.compare(0, prefix.size(), prefix) == 0; ++at) {
      std::size_t position = 0;
      const char* first = at->first.data() + prefix.size();
      const char* last = at->first.data() + at->first.size();
      if (std::from_chars(first, last, position).ec == std::errc()) most = std::max(most, position);
    }
    return most;
  }

  // A field as <field>, <column> or <cell> describes it, named `name`.
  FormField form_field(pugi::xml_node node, std::string name) const {
    FormField f;
    f.name = std::move(name);
    const std::string_view type = node.attribute("type").value();
    if (type.empty() || type == "text") {
      f.type = FieldType::Text;
    } else if (type == "multiline") {
      f.type = FieldType::Multiline;
    } else if (type == "yes-no") {
      f.type = FieldType::YesNo;
    } else if (type == "choice") {
      f.type = FieldType::Choice;
    } else {
      fail(node,
           "expected type text, multiline, yes-no or choice, found \"" + std::string(type) + "\"");
    }
    f.label = text::collapse_xml_spaces(node.attribute("label").value());
    f.help = text::collapse_xml_spaces(node.attribute("help").value());
    const std::string choices = text::collapse_xml_spaces(node.attribute("choices").value());
    for (std::size_t start = 0; start < choices.size();) {
      const auto space = choices.find(' ', start);
      const auto end = space == std::string::npos ? choices.size() : space;
      if (end > start) f.choices.push_back(choices.substr(start, end - start));
      start = end + 1;
    }
    if (f.type == FieldType::Choice && f.choices.empty())
      fail(node, "a choice field needs choices=\"…\"");
    f.editable = yes_no(node, "editable");
    f.read_only = yes_no(node, "read-only");
    f.max_length = static_cast<int>(number(node, "max-length", 0, 0, 10000));
    f.lines = static_cast<int>(number(node, "lines", 3, 1, 60));
    f.weight = number(node, "width", 1, 0.05, 100);
    if (fill_ != nullptr && fill_->placed != nullptr) fill_->placed->insert(f.name);
    f.value = prefilled(f.name);
    if (f.value.empty()) f.value = text::collapse_xml_spaces(node.attribute("value").value());
    return f;
  }

  std::string field_name(pugi::xml_node node, const char* attribute) const {
    std::string name = node.attribute(attribute).value();
    if (name.empty())
      fail(node, std::string("<") + node.name() + "> needs " + attribute + "=\"…\"");
    return name;
  }

  void field_table(Document& doc, pugi::xml_node node) {
    std::vector<Column> columns;
    std::vector<pugi::xml_node> column_nodes;
    for (const pugi::xml_node c : node.children("column")) {
      Column column;
      column.title = text::collapse_xml_spaces(c.attribute("title").value());
      column.weight = number(c, "width", 1, 0.05, 100);
      const std::string_view align = c.attribute("align").value();
      if (align == "right") column.align = Align::Right;
      if (align == "center") column.align = Align::Center;
      columns.push_back(std::move(column));
      column_nodes.push_back(c);
    }
    if (columns.empty()) fail(node, "a <field-table> needs <column>s");
    const std::string name = node.attribute("name").value();
    if (name.empty()) {
      // A fixed table: its <row>s of <cell>s, each text or a field.
      std::vector<std::vector<FormCell>> rows;
      for (const pugi::xml_node r : node.children("row")) {
        std::vector<FormCell> cells;
        for (const pugi::xml_node c : r.children("cell")) {
          FormCell cell;
          if (c.attribute("name"))
            cell.field = form_field(c, field_name(c, "name"));
          else
            cell.text = rich(c);
          cells.push_back(std::move(cell));
        }
        rows.push_back(std::move(cells));
      }
      doc.field_table(columns, rows);
      return;
    }
    if (node.child("row"))
      fail(node.child("row"), "a repeating <field-table name=…> has no <row>s");
    std::size_t rows = static_cast<std::size_t>(number(node, "rows", 0, 0, 1000));
    if (fill_ != nullptr && fill_->rows > 0) rows = fill_->rows;
    const std::size_t filled = prefilled_rows(name);
    std::size_t at_least = std::max<std::size_t>(10, filled);
    if (rows > 0) {
      rows = std::max(rows, filled);
      at_least = rows;
    }
    doc.field_table(columns, rows, at_least, [&](std::size_t position) {
      std::vector<FormCell> cells;
      const std::string row_name = name + "." + std::to_string(position);
      for (const pugi::xml_node c : column_nodes) {
        FormCell cell;
        const std::string field = c.attribute("field").value();
        if (field.empty()) cell.text = {Span{std::to_string(position) + "."}};  // "1.", "2.", …
        if (!field.empty()) {
          cell.field = form_field(c, field == "." ? row_name : row_name + "." + field);
          cell.field->help =
              "Row " + std::to_string(position) + ": " +
              (cell.field->help.empty() ? text::collapse_xml_spaces(c.attribute("title").value())
                                        : cell.field->help);
        }
        cells.push_back(std::move(cell));
      }
      return cells;
    });
  }

  [[noreturn]] void fail(pugi::xml_node node, const std::string& detail) const {
    throw TemplateError(file_, node.attribute(kLineAttribute).as_int(), detail);
  }

  static std::vector<pugi::xml_node> elements(pugi::xml_node parent, const char* name) {
    std::vector<pugi::xml_node> out;
    for (const pugi::xml_node child : parent.children(name)) out.push_back(child);
    return out;
  }

  // Text and inline elements as runs: white space collapsed and trimmed, <br/> a line break.
  struct Runs {
    RichText text;
    bool pending_space = false;
    bool line_start = true;

    void add(std::string_view chars, Weight weight) {
      for (const char c : chars) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
          pending_space = !line_start;
          continue;
        }
        if (pending_space) put(' ', weight);
        pending_space = false;
        line_start = false;
        put(c, weight);
      }
    }
    void line_break() {
      put('\n', Weight::Regular);
      pending_space = false;
      line_start = true;
    }
    void put(char c, Weight weight) {
      if (text.empty() || text.back().weight != weight) text.push_back(Span{{}, weight});
      text.back().text += c;
    }
  };

  void inline_content(pugi::xml_node node, Runs& runs, Weight weight) const {
    for (const pugi::xml_node child : node.children()) {
      switch (child.type()) {
        case pugi::node_pcdata:
        case pugi::node_cdata:
          runs.add(child.value(), weight);
          break;
        case pugi::node_element:
          if (std::string_view(child.name()) == "b") {
            inline_content(child, runs, Weight::Bold);
          } else if (std::string_view(child.name()) == "br") {
            runs.line_break();
          } else {
            fail(child,
                 "<" + std::string(child.name()) + "> may not appear inside <" + node.name() + ">");
          }
          break;
        default:
          break;
      }
    }
  }

  // A trailing <br/> (as after the last item of a repeated line) adds no empty line.
  RichText rich(pugi::xml_node node) const {
    Runs runs;
    inline_content(node, runs, Weight::Regular);
    RichText text = std::move(runs.text);
    while (!text.empty()) {
      std::string& last = text.back().text;
      while (!last.empty() && last.back() == '\n') last.pop_back();
      if (!last.empty()) break;
      text.pop_back();
    }
    return text;
  }

  std::string plain(pugi::xml_node node) const {
    std::string out;
    for (const auto& span : rich(node)) out += span.text;
    return out;
  }

  double number(pugi::xml_node node, const char* name, double fallback, double low,
                double high) const {
    const pugi::xml_attribute attribute = node.attribute(name);
    if (!attribute) return fallback;
    const std::string_view text = attribute.value();
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value < low || value > high) {
      std::ostringstream range;
      range << low << " to " << high;
      fail(node, "expected " + std::string(name) + " from " + range.str() + ", found \"" +
                     std::string(text) + "\"");
    }
    return value;
  }

  bool yes_no(pugi::xml_node node, const char* name) const {
    const pugi::xml_attribute attribute = node.attribute(name);
    if (!attribute) return false;
    const std::string_view value = attribute.value();
    if (value == "yes") return true;
    if (value == "no") return false;
    fail(node,
         std::string("expected ") + name + " yes or no, found \"" + std::string(value) + "\"");
  }

  Letterhead letterhead(pugi::xml_node node) const {
    Letterhead out;
    for (const pugi::xml_node child : node.children()) {
      if (child.type() != pugi::node_element) continue;
      const std::string_view name = child.name();
      std::string text = plain(child);
      if (name == "organization") {
        out.organization = std::move(text);
      } else if (name == "line") {
        if (!text.empty()) out.lines.push_back(std::move(text));
      } else if (name == "aside") {
        if (!text.empty()) out.aside.push_back(std::move(text));
      }
    }
    return out;
  }

  std::vector<RichText> items(pugi::xml_node node) const {
    std::vector<RichText> out;
    for (const pugi::xml_node item : node.children("item")) {
      RichText text = rich(item);
      if (!text.empty()) out.push_back(std::move(text));
    }
    return out;
  }

  void block(Document& doc, pugi::xml_node node) {
    const std::string_view name = node.name();
    if (name == "letterhead") return;  // drawn by the Document on page 1
    if (name == "heading") {
      const int level = static_cast<int>(number(node, "level", 1, 1, 3));
      std::string text = plain(node);
      if (yes_no(node, "numbered")) text = std::to_string(++heading_number_) + ". " + text;
      doc.heading(text, level);
    } else if (name == "paragraph") {
      ParagraphStyle style;
      style.size = number(node, "size", style.size, 5, 36);
      style.space_after = number(node, "space-after", style.space_after, 0, 200);
      style.muted = yes_no(node, "muted");
      const std::string_view role = node.attribute("role").value();
      if (role == "title") {
        style.title = true;
      } else if (!role.empty()) {
        fail(node, "expected role title, found \"" + std::string(role) + "\"");
      }
      const std::string_view align = node.attribute("align").value();
      if (align == "center") {
        style.align = Align::Center;
      } else if (align == "right") {
        style.align = Align::Right;
      } else if (!align.empty() && align != "left") {
        fail(node, "expected align left, center or right, found \"" + std::string(align) + "\"");
      }
      const RichText text = rich(node);
      if (!text.empty()) doc.paragraph(text, style);
    } else if (name == "bullets") {
      const auto list = items(node);
      if (!list.empty()) doc.bullets_rich(list);
    } else if (name == "numbered") {
      std::vector<std::string> list;
      for (const auto& item : items(node)) {
        std::string text;
        for (const auto& span : item) text += span.text;
        list.push_back(std::move(text));
      }
      if (!list.empty()) doc.numbered(list);
    } else if (name == "key-values") {
      std::vector<std::pair<std::string, std::string>> pairs;
      for (const pugi::xml_node pair : node.children("pair"))
        pairs.emplace_back(text::collapse_xml_spaces(pair.attribute("label").value()), plain(pair));
      if (!pairs.empty()) doc.key_values(pairs);
    } else if (name == "signatures") {
      std::vector<Signatory> signatories;
      for (const pugi::xml_node s : node.children("signatory"))
        signatories.push_back(
            {plain(s.child("name")), plain(s.child("title")), plain(s.child("organization"))});
      if (!signatories.empty()) doc.signature_blocks(signatories);
    } else if (name == "signature-field") {
      doc.signature_field({plain(node.child("name")), plain(node.child("title")),
                           plain(node.child("organization"))},
                          number(node, "space", 40, 16, 200), number(node, "width", 216, 72, 468));
    } else if (name == "field-row") {
      std::vector<FormField> fields;
      for (const pugi::xml_node f : node.children("field"))
        fields.push_back(form_field(f, field_name(f, "name")));
      doc.field_row(fields);
    } else if (name == "field-table") {
      field_table(doc, node);
    } else if (name == "space") {
      doc.space(number(node, "points", 12, 0, 720));
    } else if (name == "need") {
      if (doc.remaining_height() < number(node, "points", 0, 0, 720)) doc.page_break();
    } else if (name == "rule") {
      doc.rule();
    } else if (name == "page-break") {
      doc.page_break();
    } else {
      fail(node, "<" + std::string(name) + "> may not appear inside <document>");
    }
  }
};

pugi::xml_document parse_expanded(const std::string& xml, const std::string& file) {
  pugi::xml_document document;
  const pugi::xml_parse_result parsed =
      document.load_buffer(xml.data(), xml.size(), kParseOptions, pugi::encoding_utf8);
  if (!parsed) {
    // Name the template line of the last element that began before the problem.
    const std::string_view before(xml.data(),
                                  std::min(xml.size(), static_cast<std::size_t>(parsed.offset)));
    const std::string key = std::string(kLineAttribute) + "=\"";
    int line = 0;
    if (const auto at = before.rfind(key); at != std::string_view::npos)
      std::from_chars(before.data() + at + key.size(), before.data() + before.size(), line);
    throw TemplateError(
        file, line, std::string("not well-formed XML after expansion: ") + parsed.description());
  }
  return document;
}

}  // namespace

TemplateError::TemplateError(std::string file, int line, std::string detail)
    : core::Error(file + ":" + std::to_string(line) + ": " + detail),
      file_(std::move(file)),
      line_(line),
      detail_(std::move(detail)) {}

struct Template::Compiled {
  std::unique_ptr<kainjow::mustache::mustache> mustache;
};

Template::Template(std::string file) : file_(std::move(file)), compiled_(new Compiled) {}
Template::~Template() = default;

std::shared_ptr<const Template> Template::load(const std::filesystem::path& file) {
  std::shared_ptr<Template> loaded(new Template(file.string()));
  loaded->compiled_->mustache = compile(file);
  return loaded;
}

std::string Template::expand(const TemplateData& data) const {
  const std::lock_guard lock(mutex_);
  std::string xml = compiled_->mustache->render(data);
  if (!compiled_->mustache->is_valid())
    throw TemplateError(file_, 0, "mustache: " + compiled_->mustache->error_message());
  return xml;
}

std::shared_ptr<const Templates> Templates::load(const std::filesystem::path& folder) {
  auto loaded = std::make_shared<Templates>();
  loaded->folder_ = folder;
  loaded->stamps_ = core::file_stamps(folder, ".xml");
  for (const core::FileStamp& stamp : loaded->stamps_)
    loaded->templates_.emplace(stamp.name, Template::load(folder / stamp.name));
  return loaded;
}

const Template& Templates::get(std::string_view name) const {
  const auto found = templates_.find(name);
  if (found == templates_.end())
    throw TemplateError((folder_ / name).string(), 0, "cannot read the template: no such file");
  return *found->second;
}

bool Templates::changed_on_disk() const {
  return core::file_stamps(folder_, ".xml") != stamps_;
}

std::string expand_template(const Template& file, const TemplateData& data) {
  return file.expand(data);
}

std::string render_template(const Template& file, const TemplateData& data,
                            const RenderOptions& options) {
  const std::string xml = expand_template(file, data);
  const pugi::xml_document document = parse_expanded(xml, file.file());
  const pugi::xml_node root = document.document_element();
  if (std::string_view(root.name()) != "document")
    throw TemplateError(file.file(), 0, "the expanded template has no <document> root");
  return Interpreter(file.file(), nullptr).render(root, options);
}

std::string render_fillable_form(const Template& file, const TemplateData& data,
                                 const FormFill& fill, const RenderOptions& options) {
  const std::string xml = expand_template(file, data);
  const pugi::xml_document document = parse_expanded(xml, file.file());
  const pugi::xml_node root = document.document_element();
  if (std::string_view(root.name()) != "document")
    throw TemplateError(file.file(), 0, "the expanded template has no <document> root");
  return Interpreter(file.file(), &fill).render(root, options);
}

std::string render_template(std::string_view name, const TemplateData& data,
                            const RenderOptions& options) {
  if (!options.templates)
    throw TemplateError(std::string(name), 0, "no templates folder was given to render with");
  return render_template(options.templates->get(name), data, options);
}

}  // namespace pipeline::render
