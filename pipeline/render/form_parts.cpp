#include "pipeline/render/form_parts.hpp"

#include <algorithm>
#include <cstdio>

#include "pipeline/text/format.hpp"

namespace pipeline::render::parts {

std::string text_of(const core::Field<std::string>& field) {
  if (field.present() && !field->empty()) return *field;
  if (field.rejected() && !field.raw.empty()) return field.raw;
  return kBlank;
}

std::string money_of(const core::Field<core::Money>& field) {
  if (field.present()) return core::money_text(*field);
  if (field.rejected() && !field.raw.empty()) return field.raw;
  return kBlank;
}

std::string quantity_text(core::Quantity quantity) {
  const std::int64_t whole = quantity.units / core::Quantity::scale;
  const std::int64_t hundredths = quantity.units % core::Quantity::scale;
  std::string out = core::grouped(whole);
  if (hundredths != 0) {
    char fraction[16];
    std::snprintf(fraction, sizeof fraction, ".%02d", static_cast<int>(hundredths));
    out += fraction;
    if (out.back() == '0') out.pop_back();
  }
  return out;
}

std::string quantity_of(const core::Field<core::Quantity>& field) {
  if (field.present()) return quantity_text(*field);
  if (field.rejected() && !field.raw.empty()) return field.raw;
  return kBlank;
}

std::string count_of(const core::Field<std::int64_t>& field) {
  if (field.present()) return core::grouped(*field);
  if (field.rejected() && !field.raw.empty()) return field.raw;
  return kBlank;
}

std::string long_date_of(const core::Field<core::Date>& field) {
  if (field.present()) return text::long_date(*field);
  if (field.rejected() && !field.raw.empty()) return field.raw;
  return kBlank;
}

std::string short_date(core::Date date) {
  char text[32];
  std::snprintf(text, sizeof text, "%02d/%02d/%04d", date.month(), date.day(), date.year());
  return text;
}

std::string short_date_of(const core::Field<core::Date>& field) {
  if (field.present()) return short_date(*field);
  if (field.rejected() && !field.raw.empty()) return field.raw;
  return kBlank;
}

std::string period_text(const model::Period& period) {
  if (!period.present) return kBlank;
  return long_date_of(period.start) + " – " + long_date_of(period.end);
}

std::string word_label(std::string_view word) {
  std::string out(word);
  for (char& c : out)
    if (c == '-') c = ' ';
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 32);
  return out;
}

std::string joined(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (const std::string& part : parts) {
    if (part.empty()) continue;
    if (!out.empty()) out += separator;
    out += part;
  }
  return out;
}

namespace {

std::size_t characters(const std::string& utf8) {
  std::size_t n = 0;
  for (const char c : utf8) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

}  // namespace

std::string running_title(const std::string& title, const std::string& name) {
  constexpr std::size_t kMaxCharacters = 100;  // 8 pt across the text width
  if (name.empty() || characters(title) + 3 + characters(name) > kMaxCharacters) return title;
  return title + " — " + name;
}

std::string footer_text(const std::vector<std::string>& parts) {
  constexpr std::size_t kMaxCharacters = 88;  // 8 pt beside "Page 10 of 12"
  std::vector<std::string> kept = parts;
  std::string text = joined(kept, " · ");
  while (characters(text) > kMaxCharacters && kept.size() > 2) {
    kept.erase(kept.begin() + 1);
    text = joined(kept, " · ");
  }
  return text;
}

Letterhead alliance_letterhead(const model::AllianceProfile& profile) {
  Letterhead head;
  head.organization = profile.agency.empty() ? profile.program : profile.agency;
  if (!profile.program.empty()) head.lines.push_back(profile.program);
  return head;
}

void keep_together(Document& doc, double points) {
  if (doc.remaining_height() < points) doc.page_break();
}

double table_space(std::size_t rows, double row_height, double most) {
  return std::min(70 + static_cast<double>(rows) * row_height, most);
}

std::string emphasis_title(const model::AllianceProfile& profile) {
  if (!profile.activity_emphasis_required) return "Emphasis";
  return "Emphasis (" + profile.agency_short + " Strategic Plan)";
}

void activity_table(Document& doc, const std::vector<model::Activity>& activities,
                    bool with_emphasis, const std::string& emphasis_title) {
  std::vector<Column> columns = {{"Date", 1.15},
                                 {"Event or Product Type", 1.35},
                                 {"Description/Comments", with_emphasis ? 3.1 : 4.4}};
  if (with_emphasis) columns.push_back({emphasis_title, 1.75});
  columns.push_back({"Number Reached", 1.05, Align::Right});

  std::vector<std::vector<Cell>> rows;
  std::int64_t total = 0;
  for (const model::Activity& activity : activities) {
    std::vector<Cell> row = {
        Cell(short_date_of(activity.date)),
        Cell(activity.event_or_product_type.present() ? word_label(*activity.event_or_product_type)
                                                      : text_of(activity.event_or_product_type)),
        Cell(text_of(activity.description_comments))};
    if (with_emphasis) row.emplace_back(text_of(activity.emphasis));
    row.emplace_back(count_of(activity.number_reached));
    if (activity.number_reached.present()) total += *activity.number_reached;
    rows.push_back(std::move(row));
  }
  std::vector<Cell> total_row(columns.size());
  total_row.front() = Cell("Total");
  total_row[2] = Cell(std::to_string(activities.size()) +
                      (activities.size() == 1 ? " activity" : " activities"));
  total_row.back() = Cell(core::grouped(total));
  rows.push_back(std::move(total_row));

  TableOptions options;
  options.total_rows = 1;
  doc.table(columns, rows, options);
}

}  // namespace pipeline::render::parts
