#include "pipeline/ingest/xml_source.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <vector>

#include "pipeline/text/unicode.hpp"

namespace pipeline::ingest {

namespace {

constexpr std::array<std::string_view, 6> kKinds{
    "cet-grant-proposal", "alliance-diary-sheet", "alliance-annual-report",
    "alliance-agreement", "declination-letter",   "expiration-termination-letter"};

int max_depth(pugi::xml_node root) {
  // Iterative walk: a hostile file must not exhaust the stack.
  int deepest = 0;
  std::vector<std::pair<pugi::xml_node, int>> stack{{root, 1}};
  while (!stack.empty()) {
    auto [node, depth] = stack.back();
    stack.pop_back();
    if (depth > deepest) deepest = depth;
    if (deepest > kMaxXmlDepth) return deepest;
    for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling())
      if (child.type() == pugi::node_element) stack.emplace_back(child, depth + 1);
  }
  return deepest;
}

std::string code_point_name(std::uint32_t c) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(c));
  std::string out = buffer;
  if (c == 0) out += " (NUL)";
  return out;
}

// XML 1.0's Char production.
bool xml_char(std::uint32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

bool starts_with(std::string_view text, std::size_t at, std::string_view prefix) {
  return text.size() - at >= prefix.size() && text.substr(at, prefix.size()) == prefix;
}

// What a document may not hold even when pugixml reads it (issue 9): character references to
// characters XML forbids (&#0; cut a value short), references to entities other than the five
// XML predefines (no DTD declares any: they printed literally), and a bare "&". Comments,
// CDATA sections and processing instructions hold no references and are skipped.
std::optional<std::string> check_references(std::string_view text, const std::string& name) {
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t next = text.find_first_of("<&", i);
    if (next == std::string_view::npos) break;
    i = next;
    if (text[i] == '<') {
      std::string_view close;
      if (starts_with(text, i, "<!--"))
        close = "-->";
      else if (starts_with(text, i, "<![CDATA["))
        close = "]]>";
      else if (starts_with(text, i, "<?"))
        close = "?>";
      if (close.empty()) {
        ++i;
        continue;
      }
      const std::size_t end = text.find(close, i + 2);
      if (end == std::string_view::npos) return std::nullopt;  // pugixml reports it
      i = end + close.size();
      continue;
    }
    const std::string where = name + ":" + line_column(text, i) + ": ";
    const std::size_t semicolon = text.find(';', i);
    const std::size_t end = std::min(text.find_first_of(" \t\r\n<&\"'", i + 1), semicolon);
    if (semicolon == std::string_view::npos || end != semicolon)
      return where + "a bare \"&\"; write it as &amp;";
    const std::string_view body = text.substr(i + 1, semicolon - i - 1);
    if (!body.empty() && body[0] == '#') {
      const bool hex = body.size() > 1 && body[1] == 'x';
      const std::string_view digits = body.substr(hex ? 2 : 1);
      std::uint64_t value = 0;
      bool ok = !digits.empty() && digits.size() <= 8;
      for (char c : digits) {
        int d = -1;
        if (c >= '0' && c <= '9') d = c - '0';
        if (hex && c >= 'a' && c <= 'f') d = c - 'a' + 10;
        if (hex && c >= 'A' && c <= 'F') d = c - 'A' + 10;
        if (d < 0) ok = false;
        value = value * (hex ? 16 : 10) + static_cast<std::uint64_t>(d < 0 ? 0 : d);
      }
      if (!ok) return where + "\"&" + std::string(body) + ";\" is not a character reference";
      if (value > 0x10FFFF || !xml_char(static_cast<std::uint32_t>(value)))
        return where + "the character reference \"&" + std::string(body) + ";\" names " +
               (value > 0x10FFFF ? std::string("no character")
                                 : code_point_name(static_cast<std::uint32_t>(value))) +
               ", which XML 1.0 does not allow in a document";
    } else if (body != "amp" && body != "lt" && body != "gt" && body != "quot" && body != "apos") {
      return where + "the entity reference \"&" + std::string(body) +
             ";\" is not defined; a form may use only &amp; &lt; &gt; &quot; &apos; and "
             "character references";
    }
    i = semicolon + 1;
  }
  return std::nullopt;
}

}  // namespace

std::optional<ForbiddenChar> forbidden_char(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = p[i];
    if (c < 0x20) {
      if (c == '\t' || c == '\n' || c == '\r') continue;
      return ForbiddenChar{i, code_point_name(c)};
    }
    // U+FFFE and U+FFFF: EF BF BE, EF BF BF.
    if (c == 0xEF && i + 2 < text.size() && p[i + 1] == 0xBF && (p[i + 2] & 0xFE) == 0xBE)
      return ForbiddenChar{i, code_point_name(p[i + 2] == 0xBE ? 0xFFFE : 0xFFFF)};
  }
  return std::nullopt;
}

bool is_form_kind(std::string_view name) {
  for (auto kind : kKinds)
    if (kind == name) return true;
  return false;
}

std::string form_kinds_list() {
  std::string out;
  for (auto kind : kKinds) {
    if (!out.empty()) out += ", ";
    out += kind;
  }
  return out;
}

std::string line_column(std::string_view text, std::size_t offset) {
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return std::to_string(line) + ":" + std::to_string(column);
}

std::variant<std::unique_ptr<Tree>, std::string> parse_xml(std::string_view bytes,
                                                           const std::string& name) {
  if (bytes.empty()) return name + ": the file is empty; expected an XML form document";
  if (bytes.size() >= 2 &&
      ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF')))
    return name + ":1:1: the file is UTF-16; expected UTF-8 (save it as UTF-8 and send it again)";
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  if (auto bad = text::invalid_utf8_offset(bytes))
    return name + ":" + line_column(bytes, *bad) +
           ": invalid UTF-8 byte sequence; expected UTF-8 text";

  if (auto bad = forbidden_char(bytes))
    return name + ":" + line_column(bytes, bad->offset) + ": the character " + bad->name +
           " is not allowed in an XML 1.0 document; remove it";

  // As a fragment, so that a second root element or text after the root is seen, not dropped.
  auto tree = std::make_unique<Tree>();
  const pugi::xml_parse_result parsed =
      tree->doc.load_buffer(bytes.data(), bytes.size(),
                            pugi::parse_default | pugi::parse_ws_pcdata_single |
                                pugi::parse_fragment | pugi::parse_doctype,
                            pugi::encoding_utf8);
  if (!parsed) {
    return name + ":" + line_column(bytes, static_cast<std::size_t>(parsed.offset)) +
           ": malformed XML: " + parsed.description();
  }
  pugi::xml_node first_element;
  for (pugi::xml_node node = tree->doc.first_child(); node; node = node.next_sibling()) {
    const std::string at =
        name + ":" + line_column(bytes, static_cast<std::size_t>(node.offset_debug())) + ": ";
    if (node.type() == pugi::node_doctype) {
      // A bare <!DOCTYPE name> declares nothing; an internal subset or an external DTD could
      // declare entities, which formpipe does not read.
      const std::string_view doctype = node.value();
      if (doctype.find_first_of("[ \t\r\n") != std::string_view::npos)
        return at +
               "a DOCTYPE with declarations or an external DTD is not accepted; send the form "
               "without it (entities are not expanded)";
    } else if (node.type() == pugi::node_element) {
      if (first_element)
        return at + "a second root element <" + std::string(node.name()) + "> after <" +
               first_element.name() + ">; a form document has exactly one root element";
      first_element = node;
    } else if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
      const std::string_view value = node.value();
      if (value.find_first_not_of(" \t\r\n") != std::string_view::npos)
        return at + "text outside the root element; a form document is one root element";
    }
  }
  if (auto error = check_references(bytes, name)) return *error;
  const pugi::xml_node root = tree->root();
  if (!root) return name + ": no root element; expected one of " + form_kinds_list();
  if (max_depth(root) > kMaxXmlDepth)
    return name + ": elements are nested more than " + std::to_string(kMaxXmlDepth) +
           " levels deep; expected a form document";
  if (!is_form_kind(root.name()))
    return name + ": expected a root element of " + form_kinds_list() + ", found <" + root.name() +
           ">";
  if (auto version = root.attribute("version"); version && std::string_view(version.value()) != "1")
    return name + ": expected version=\"1\", found version=\"" + version.value() + "\"";
  return tree;
}

}  // namespace pipeline::ingest
