#include "pipeline/ingest/xml_source.hpp"

#include <array>
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

}  // namespace

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

  auto tree = std::make_unique<Tree>();
  const pugi::xml_parse_result parsed = tree->doc.load_buffer(
      bytes.data(), bytes.size(), pugi::parse_default | pugi::parse_ws_pcdata_single,
      pugi::encoding_utf8);
  if (!parsed) {
    return name + ":" + line_column(bytes, static_cast<std::size_t>(parsed.offset)) +
           ": malformed XML: " + parsed.description();
  }
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
