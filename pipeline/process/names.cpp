#include "pipeline/process/names.hpp"

#include <cstdint>

namespace pipeline::process {

namespace {

constexpr char kHex[] = "0123456789ABCDEF";

// Length of the well-formed UTF-8 sequence at `at` (Unicode Table 3-7: no overlong forms, no
// surrogates, nothing past U+10FFFF) and its code point; 0 when the byte there starts none.
std::size_t sequence_at(std::string_view bytes, std::size_t at, char32_t& code_point) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(bytes[at + i]); };
  const std::size_t left = bytes.size() - at;
  const unsigned char first = byte(0);
  if (first < 0x80) {
    code_point = first;
    return 1;
  }
  std::size_t length = 0;
  unsigned char low = 0x80, high = 0xBF;  // the range of the second byte
  if (first >= 0xC2 && first <= 0xDF) {
    length = 2;
  } else if (first >= 0xE0 && first <= 0xEF) {
    length = 3;
    if (first == 0xE0) low = 0xA0;
    if (first == 0xED) high = 0x9F;
  } else if (first >= 0xF0 && first <= 0xF4) {
    length = 4;
    if (first == 0xF0) low = 0x90;
    if (first == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (left < length || byte(1) < low || byte(1) > high) return 0;
  for (std::size_t i = 2; i < length; ++i)
    if (byte(i) < 0x80 || byte(i) > 0xBF) return 0;
  char32_t value = first & (0xFF >> (length + 1));
  for (std::size_t i = 1; i < length; ++i) value = (value << 6) | (byte(i) & 0x3F);
  code_point = value;
  return length;
}

// Characters written \uHHHH: they would break or reorder a line of text.
bool is_escaped_character(char32_t c) {
  return (c >= 0x80 && c <= 0x9F) || c == 0x2028 || c == 0x2029 || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069);
}

void append_byte(std::string& out, unsigned char byte) {
  out += "\\x";
  out += kHex[byte >> 4];
  out += kHex[byte & 0xF];
}

void append_character(std::string& out, char32_t c) {
  out += "\\u";
  for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(c >> shift) & 0xF];
}

std::string escaped(std::string_view bytes, bool backslashes) {
  std::string out;
  out.reserve(bytes.size());
  for (std::size_t at = 0; at < bytes.size();) {
    char32_t c = 0;
    const std::size_t length = sequence_at(bytes, at, c);
    if (length == 0 || c < 0x20 || c == 0x7F) {
      append_byte(out, static_cast<unsigned char>(bytes[at]));
      ++at;
      continue;
    }
    if (is_escaped_character(c)) {
      append_character(out, c);
    } else if (c == '\\' && backslashes) {
      out += "\\\\";
    } else {
      out.append(bytes.substr(at, length));
    }
    at += length;
  }
  return out;
}

std::optional<unsigned> hex_value(std::string_view digits) {
  unsigned value = 0;
  for (const char d : digits) {
    value <<= 4;
    if (d >= '0' && d <= '9') {
      value |= static_cast<unsigned>(d - '0');
    } else if (d >= 'A' && d <= 'F') {
      value |= static_cast<unsigned>(d - 'A' + 10);
    } else if (d >= 'a' && d <= 'f') {
      value |= static_cast<unsigned>(d - 'a' + 10);
    } else {
      return std::nullopt;
    }
  }
  return value;
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

}  // namespace

std::string escape_name(std::string_view bytes) {
  return escaped(bytes, true);
}

std::string printable_text(std::string_view bytes) {
  return escaped(bytes, false);
}

bool is_printable_text(std::string_view bytes) {
  for (std::size_t at = 0; at < bytes.size();) {
    char32_t c = 0;
    const std::size_t length = sequence_at(bytes, at, c);
    if (length == 0 || c < 0x20 || c == 0x7F || is_escaped_character(c)) return false;
    at += length;
  }
  return true;
}

std::optional<std::string> unescape_name(std::string_view escaped) {
  std::string out;
  out.reserve(escaped.size());
  for (std::size_t at = 0; at < escaped.size();) {
    if (escaped[at] != '\\') {
      out += escaped[at++];
      continue;
    }
    if (at + 1 >= escaped.size()) return std::nullopt;
    const char kind = escaped[at + 1];
    if (kind == '\\') {
      out += '\\';
      at += 2;
    } else if (kind == 'x' && at + 4 <= escaped.size()) {
      const auto value = hex_value(escaped.substr(at + 2, 2));
      if (!value) return std::nullopt;
      out += static_cast<char>(*value);
      at += 4;
    } else if (kind == 'u' && at + 6 <= escaped.size()) {
      const auto value = hex_value(escaped.substr(at + 2, 4));
      if (!value || (*value >= 0xD800 && *value <= 0xDFFF)) return std::nullopt;
      append_utf8(out, static_cast<char32_t>(*value));
      at += 6;
    } else {
      return std::nullopt;
    }
  }
  return out;
}

}  // namespace pipeline::process
