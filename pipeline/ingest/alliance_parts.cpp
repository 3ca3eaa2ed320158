#include "pipeline/ingest/alliance_parts.hpp"

namespace pipeline::ingest {

namespace {

bool all_digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

std::int64_t digits_value(std::string_view s) {
  std::int64_t value = 0;
  for (char c : s) value = value * 10 + (c - '0');
  return value;
}

}  // namespace

core::Field<std::string> read_alliance_type(pugi::xml_node root, Reader& reader) {
  core::Field<std::string> out = reader.attribute(root, "alliance-type");
  if (out.present() && *out.value == "affiliate") out.value = "affiliative";
  return out;
}

std::optional<std::int64_t> parse_number_reached(std::string_view text) {
  if (all_digits(text)) return text.size() <= 9 ? std::optional(digits_value(text)) : std::nullopt;
  // [0-9]{1,3}(,[0-9]{3}){1,2}
  std::int64_t value = 0;
  std::size_t groups = 0;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = text.find(',', start);
    const std::string_view group = text.substr(
        start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
    const bool first = groups == 0;
    if (!all_digits(group) || (first ? group.size() > 3 : group.size() != 3)) return std::nullopt;
    value = value * (first ? 1 : 1000) + digits_value(group);
    ++groups;
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  if (groups < 2 || groups > 3) return std::nullopt;
  return value;
}

model::Period read_period(pugi::xml_node parent, const char* name, Need need, Reader& reader) {
  model::Period out;
  const pugi::xml_node node = reader.once(parent, name, need);
  out.present = static_cast<bool>(node);
  out.location = node ? reader.path(node) : reader.child_path(parent, name);
  if (!node) return out;
  reader.known(node, {}, {"start", "end"});
  out.start = reader.typed_attribute<core::Date>(node, "start", Need::Required, core::parse_date,
                                                 date_type_label);
  out.end = reader.typed_attribute<core::Date>(node, "end", Need::Required, core::parse_date,
                                               date_type_label);
  return out;
}

model::Activity read_activity(pugi::xml_node row, Reader& reader) {
  model::Activity out;
  out.location = reader.path(row);
  reader.known(
      row, {"date", "event-or-product-type", "description-comments", "emphasis", "number-reached"});
  out.date = reader.date(row, "date", Need::Required);
  out.event_or_product_type = reader.text(row, "event-or-product-type");
  out.description_comments = reader.text(row, "description-comments");
  out.emphasis = reader.text(row, "emphasis");
  const core::Field<std::string> number = reader.text(row, "number-reached");
  out.number_reached.location = number.location;
  out.number_reached.raw = number.raw;
  out.number_reached.state = number.state;
  if (number.present()) {
    if (const auto value = parse_number_reached(*number.value)) {
      out.number_reached.value = *value;
    } else {
      // Reported here, once, with the rule's message (rules.md ACTIVITY-NUMBER-REACHED).
      out.number_reached.state = core::FieldState::Rejected;
      const std::string date = out.date.present()     ? out.date->iso()
                               : out.date.raw.empty() ? std::string("undated")
                                                      : out.date.raw;
      reader.report(kActivityNumberReached,
                    "Number reached for the " + date + " activity must be a number, found \"" +
                        number.raw + "\".",
                    number.location);
    }
  }
  return out;
}

model::Container<core::Field<std::string>> read_text_rows(pugi::xml_node parent, const char* name,
                                                          const char* row, Reader& reader) {
  const pugi::xml_node node = reader.once(parent, name);
  auto out = container_at<core::Field<std::string>>(parent, node, name, reader);
  if (!node) return out;
  reader.known(node, {row});
  for (Reader::ValueRow& r : reader.value_rows(node, row)) out.rows.push_back(std::move(r.text));
  return out;
}

}  // namespace pipeline::ingest
