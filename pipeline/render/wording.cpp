#include "pipeline/render/wording.hpp"

#include <algorithm>

#include "pipeline/text/format.hpp"

namespace pipeline::render::wording {

std::string joined(const std::vector<std::string>& items, const std::string& conjunction) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i)
    out += items[i] + separator_after(i, items.size(), conjunction);
  return out;
}

std::string separator_after(std::size_t index, std::size_t count, const std::string& conjunction) {
  if (index + 1 >= count) return "";
  if (index + 2 == count) return " " + conjunction + " ";
  return ", ";
}

std::string key(std::string word) {
  std::replace(word.begin(), word.end(), '-', '_');
  return word;
}

std::string words(const std::string& kebab) {
  std::string out = kebab;
  std::replace(out.begin(), out.end(), '-', ' ');
  return out;
}

std::string capitalized(std::string word) {
  if (!word.empty() && word.front() >= 'a' && word.front() <= 'z')
    word.front() = static_cast<char>(word.front() - 'a' + 'A');
  return word;
}

std::string article(const std::string& word) {
  if (word.empty()) return "a";
  switch (word.front()) {
    case 'a':
    case 'e':
    case 'i':
    case 'o':
    case 'u':
    case 'A':
    case 'E':
    case 'I':
    case 'O':
    case 'U':
      return "an";
    default:
      return "a";
  }
}

std::string years(std::int64_t n) {
  return text::spelled_out(static_cast<long>(n)) + (n == 1 ? " year" : " years");
}

std::string times(std::int64_t n) {
  if (n == 1) return "once";
  if (n == 2) return "twice";
  return text::spelled_out(static_cast<long>(n)) + " times";
}

std::string text(const core::Field<std::string>& field) {
  return field.present() ? *field : std::string();
}

void set_text(TemplateData& data, const std::string& name, const core::Field<std::string>& field) {
  const std::string value = text(field);
  data.set(name, value);
  data.set("has_" + name, !value.empty());
}

void set_date(TemplateData& data, const std::string& name, core::Date date) {
  data.set(name, text::long_date(date));
  data.set("has_" + name, true);
  data.set(name + "_day", text::ordinal(date.day()));
  data.set(name + "_month", text::month_name(date));
  data.set(name + "_year", std::to_string(date.year()));
}

void set_date(TemplateData& data, const std::string& name, const core::Field<core::Date>& field) {
  if (field.present()) {
    set_date(data, name, *field);
    return;
  }
  data.set(name, "");
  data.set("has_" + name, false);
}

}  // namespace pipeline::render::wording
