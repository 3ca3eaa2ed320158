#include "pipeline/ingest/values.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstring>

#include "pipeline/core/date.hpp"
#include "pipeline/text/unicode.hpp"

namespace pipeline::ingest {

namespace {

bool is_xml_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_xml_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_xml_space(s.back())) s.remove_suffix(1);
  return s;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Unicode White_Space within ASCII: tab, line feed, vertical tab, form feed, carriage return
// and space (what text::collapse_spaces treats as space there).
bool is_ascii_space(char c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}

// text::collapse_spaces(text::nfc(raw)); ASCII text (most values) is NFC already and collapses
// without the round trip through ICU's UTF-16 strings.
std::string single_line(std::string_view raw) {
  // Most values are printable ASCII words with single spaces between them: a tight pass to
  // tell, then one copy.
  if (!raw.empty() && raw.front() != ' ' && raw.back() != ' ') {
    const char* const end = raw.data() + raw.size();
    const char* p = raw.data();
    for (; p != end; ++p) {
      const auto u = static_cast<unsigned char>(*p);
      if (u > 0x20 && u < 0x80) continue;
      // (The last character is not a space, so p[1] exists.)
      if (u == ' ' && p[1] != ' ') continue;
      break;
    }
    if (p == end) return std::string(raw);
  }
  // Otherwise: one pass to tell whether it is ASCII and clean, then one copy.
  bool ascii = true;
  bool clean = raw.empty() || (!is_ascii_space(raw.front()) && !is_ascii_space(raw.back()));
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    // (The last character is not a space when `clean` still holds, so raw[i + 1] exists.)
    if (clean && is_ascii_space(c) && (c != ' ' || raw[i + 1] == ' ')) clean = false;
  }
  if (!ascii) return text::collapse_spaces(text::nfc(raw));
  if (clean) return std::string(raw);
  return text::collapse_ascii_spaces(raw);
}

std::string normalised(std::string_view raw) {
  return is_ascii(raw) ? std::string(raw) : text::nfc(raw);
}

std::string narrative_text(std::string_view raw) {
  // Paragraphs are separated by a blank line; inside one, white space collapses.
  std::string out;
  std::string paragraph;
  std::size_t start = 0;
  auto flush = [&] {
    const std::string collapsed = single_line(paragraph);
    if (!collapsed.empty()) {
      if (!out.empty()) out += "\n\n";
      out += collapsed;
    }
    paragraph.clear();
  };
  while (start <= raw.size()) {
    std::size_t end = raw.find('\n', start);
    if (end == std::string_view::npos) end = raw.size();
    const std::string_view line = raw.substr(start, end - start);
    if (trim(line).empty()) {
      flush();
    } else {
      paragraph += line;
      paragraph += ' ';
    }
    start = end + 1;
  }
  flush();
  return out;
}

}  // namespace

CharacterData::CharacterData(pugi::xml_node node) {
  int runs = 0;
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    const pugi::xml_node_type type = child.type();
    if (type == pugi::node_element) has_element = true;
    if (type != pugi::node_pcdata && type != pugi::node_cdata) continue;
    if (runs++ == 0) {
      raw = child.value();
    } else {
      if (runs == 2) joined = raw;
      joined += child.value();
    }
  }
  if (runs > 1) raw = joined;
}

std::string CharacterData::text(TextShape shape) const {
  if (shape == TextShape::Narrative) return narrative_text(normalised(raw));
  return single_line(raw);
}

std::string element_text(pugi::xml_node node, TextShape shape) {
  return CharacterData(node).text(shape);
}

std::string single_line_text(std::string_view raw) {
  return single_line(raw);
}

std::string date_type_label(std::string_view raw) {
  if (!core::date_out_of_range(raw)) return "a date YYYY-MM-DD";
  return "a date from " + std::to_string(core::kFirstYear) + "-01-01 to " +
         std::to_string(core::kLastYear) + "-12-31 (this one is out of range)";
}

std::optional<std::string> form_date_text(std::string_view text) {
  // M/D/YYYY or MM/DD/YYYY: one or two digits, one or two digits, four digits.
  const std::size_t first = text.find('/');
  const std::size_t second = first == std::string_view::npos ? first : text.find('/', first + 1);
  if (second == std::string_view::npos) return std::nullopt;
  const std::string_view month = text.substr(0, first);
  const std::string_view day = text.substr(first + 1, second - first - 1);
  const std::string_view year = text.substr(second + 1);
  if (month.empty() || month.size() > 2 || !all_digits(month) || day.empty() || day.size() > 2 ||
      !all_digits(day) || year.size() != 4 || !all_digits(year))
    return std::nullopt;
  std::string out(year);
  out += '-';
  if (month.size() == 1) out += '0';
  out += month;
  out += '-';
  if (day.size() == 1) out += '0';
  out += day;
  return out;
}

std::optional<std::string> form_money_text(std::string_view text) {
  const bool dollar = !text.empty() && text.front() == '$';
  if (dollar) text.remove_prefix(1);
  const std::size_t point = text.find('.');
  const std::string_view whole = text.substr(0, point);
  const std::string_view cents =
      point == std::string_view::npos ? std::string_view() : text.substr(point);
  // Digits, or thousands groups [0-9]{1,3}(,[0-9]{3})+.
  std::string out;
  std::size_t start = 0;
  bool commas = false;
  while (true) {
    const std::size_t comma = whole.find(',', start);
    const bool last = comma == std::string_view::npos;
    const std::string_view group =
        whole.substr(start, last ? std::string_view::npos : comma - start);
    if (!all_digits(group)) return std::nullopt;
    if (commas || !last) {
      // in a grouped number: the first group has 1 to 3 digits, the others 3
      if (start == 0 ? group.size() > 3 : group.size() != 3) return std::nullopt;
    }
    out += group;
    if (last) break;
    commas = true;
    start = comma + 1;
  }
  if (!dollar && !commas) return std::nullopt;  // nothing to rewrite
  out += cents;
  return out;
}

std::optional<bool> parse_yes_no(std::string_view text) {
  if (text == "yes") return true;
  if (text == "no") return false;
  return std::nullopt;
}

std::optional<std::string> parse_zip(std::string_view text) {
  if ((text.size() == 5 && all_digits(text)) ||
      (text.size() == 10 && all_digits(text.substr(0, 5)) && text[5] == '-' &&
       all_digits(text.substr(6))))
    return std::string(text);
  return std::nullopt;
}

std::optional<std::string> parse_state(std::string_view text) {
  if (text.size() == 2 && std::isupper(static_cast<unsigned char>(text[0])) &&
      std::isupper(static_cast<unsigned char>(text[1])))
    return std::string(text);
  return std::nullopt;
}

std::optional<std::string> parse_telephone(std::string_view text) {
  // Digits, ignoring an extension introduced by x, ext or ext.
  std::string lower;
  for (char c : text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::size_t cut = std::string::npos;
  for (std::string_view marker : {"ext.", "ext", "x"}) {
    const std::size_t at = lower.find(marker);
    if (at != std::string::npos && at < cut) cut = at;
  }
  std::string digits;
  for (std::size_t i = 0; i < text.size() && i < cut; ++i)
    if (text[i] >= '0' && text[i] <= '9') digits += text[i];
  if (digits.size() == 10 || (digits.size() == 11 && digits[0] == '1')) return std::string(text);
  return std::nullopt;
}

std::optional<std::string> parse_email(std::string_view text) {
  for (char c : text)
    if (is_xml_space(c)) return std::nullopt;
  const std::size_t at = text.find('@');
  if (at == std::string_view::npos || at == 0 || text.find('@', at + 1) != std::string_view::npos)
    return std::nullopt;
  const std::string_view domain = text.substr(at + 1);
  if (domain.find('.') == std::string_view::npos) return std::nullopt;
  return std::string(text);
}

std::optional<std::string> parse_ein(std::string_view text) {
  if (text.size() == 10 && all_digits(text.substr(0, 2)) && text[2] == '-' &&
      all_digits(text.substr(3)))
    return std::string(text);
  return std::nullopt;
}

std::optional<std::string> parse_naics(std::string_view text) {
  if (text.size() >= 2 && text.size() <= 6 && all_digits(text)) return std::string(text);
  return std::nullopt;
}

std::optional<std::set<int>> parse_months(std::string_view text) {
  std::set<int> months;
  std::size_t i = 0;
  auto read_number = [&](int& out) {
    const std::size_t start = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
    if (i == start || i - start > 2) return false;
    out = 0;
    for (std::size_t k = start; k < i; ++k) out = out * 10 + (text[k] - '0');
    return out >= 1 && out <= 12;
  };
  while (i < text.size()) {
    if (text[i] == ' ' || text[i] == ',') {
      ++i;
      continue;
    }
    int first = 0;
    if (!read_number(first)) return std::nullopt;
    int last = first;
    if (i < text.size() && text[i] == '-') {
      ++i;
      if (!read_number(last) || last < first) return std::nullopt;
    }
    for (int m = first; m <= last; ++m) months.insert(m);
    if (i < text.size() && text[i] != ' ' && text[i] != ',') return std::nullopt;
  }
  if (months.empty()) return std::nullopt;
  return months;
}

std::optional<std::vector<std::string>> parse_word_list(
    std::string_view text, std::initializer_list<std::string_view> allowed) {
  std::vector<std::string> words;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == ' ') {
      ++i;
      continue;
    }
    const std::size_t end = std::min(text.find(' ', i), text.size());
    const std::string_view word = text.substr(i, end - i);
    if (std::find(allowed.begin(), allowed.end(), word) == allowed.end()) return std::nullopt;
    words.emplace_back(word);
    i = end;
  }
  if (words.empty()) return std::nullopt;
  return words;
}

}  // namespace pipeline::ingest
