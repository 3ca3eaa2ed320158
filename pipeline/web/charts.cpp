#include "pipeline/web/charts.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <optional>
#include <sstream>

#include "pipeline/core/money.hpp"
#include "pipeline/web/pages.hpp"

namespace pipeline::web {

namespace {

// A figure as a number, for drawing only (its words keep the exact text).
std::optional<double> number(const std::map<std::string, std::string>& figures,
                             const std::string& key) {
  const auto it = figures.find(key);
  if (it == figures.end() || it->second.empty()) return std::nullopt;
  char* end = nullptr;
  const double value = std::strtod(it->second.c_str(), &end);
  if (end == it->second.c_str()) return std::nullopt;
  return value;
}

std::string text_of(const std::map<std::string, std::string>& figures, const std::string& key) {
  const auto it = figures.find(key);
  return it == figures.end() ? std::string() : it->second;
}

// A money figure as people read it ("$90,000.00"), exact: from the figure's text.
std::string money_of(const std::map<std::string, std::string>& figures, const std::string& key) {
  const std::string text = text_of(figures, key);
  const auto money = core::parse_money(text);
  return money ? core::money_text(*money) : "$" + text;
}

std::string fixed(double value) {
  std::ostringstream out;
  out.setf(std::ios::fixed);
  out.precision(1);
  out << value;
  return out.str();
}

struct StatusLook {
  const char* fill;
  const char* ink;
};

StatusLook look(inbox::DueStatus status) {
  switch (status) {
    case inbox::DueStatus::Received:
      return {"#e4f4e9", "#0d5b2a"};
    case inbox::DueStatus::Rejected:
      return {"#fbe6e6", "#8a1111"};
    case inbox::DueStatus::Overdue:
      return {"#8a1111", "#ffffff"};
    case inbox::DueStatus::Due:
      return {"#fdf1d6", "#6b4500"};
    case inbox::DueStatus::Upcoming:
      return {"#eef1f4", "#33414f"};
  }
  return {"#ffffff", "#000000"};
}

}  // namespace

std::string table_c_chart(const std::vector<std::pair<std::string, std::string>>& list) {
  const std::map<std::string, std::string> figures(list.begin(), list.end());
  const auto grant_total = number(figures, "grant-total");
  if (!grant_total || *grant_total <= 0) return "";
  struct Bar {
    std::string label;
    std::string key;
  };
  const std::vector<Bar> bars{
      {"Equipment", "equipment"}, {"Contractual", "contractual"}, {"Other", "other"}};
  double scale_max = *grant_total;
  for (const Bar& bar : bars) {
    scale_max = std::max(scale_max, number(figures, bar.key + "-grant").value_or(0));
    scale_max = std::max(scale_max, number(figures, bar.key + "-maximum").value_or(0));
  }
  const double left = 130, width = 420, row = 60, top = 10;
  const auto x_of = [&](double value) { return left + width * value / scale_max; };
  std::ostringstream svg;
  std::string summary = "Table C: grant total " + money_of(figures, "grant-total");
  std::ostringstream body;
  double y = top;
  const auto draw = [&](const std::string& label, double value, const std::string& words,
                        std::optional<double> cap, const std::string& cap_words, const char* fill) {
    body << "<text x=\"" << left - 8 << "\" y=\"" << fixed(y + 31)
         << "\" text-anchor=\"end\" font-size=\"14\" fill=\"#1b1f24\">" << escape_html(label)
         << "</text>";
    body << "<rect x=\"" << left << "\" y=\"" << fixed(y + 16) << "\" width=\""
         << fixed(std::max(1.0, x_of(value) - left)) << "\" height=\"20\" fill=\"" << fill
         << "\"/>";
    body << "<text x=\"" << fixed(left) << "\" y=\"" << fixed(y + 52)
         << "\" font-size=\"12\" fill=\"#1b1f24\">" << escape_html(words) << "</text>";
    if (cap) {
      const double x = x_of(*cap);
      body << "<line x1=\"" << fixed(x) << "\" x2=\"" << fixed(x) << "\" y1=\"" << fixed(y)
           << "\" y2=\"" << fixed(y + 40)
           << "\" stroke=\"#8a1111\" stroke-width=\"2\" stroke-dasharray=\"4 2\"/>";
      body << "<text x=\"" << fixed(x + 4) << "\" y=\"" << fixed(y + 11)
           << "\" font-size=\"11\" fill=\"#8a1111\">" << escape_html(cap_words) << "</text>";
    }
    y += row;
  };
  draw("Grant total", *grant_total, money_of(figures, "grant-total"), std::nullopt, "", "#0b4f9c");
  for (const Bar& bar : bars) {
    const auto grant = number(figures, bar.key + "-grant");
    if (!grant) continue;
    const auto maximum = number(figures, bar.key + "-maximum");
    const std::string percent = text_of(figures, bar.key + "-percent");
    const std::string words = money_of(figures, bar.key + "-grant") +
                              (percent.empty() ? "" : " (" + percent + "% of the grant)");
    const std::string cap_words =
        maximum ? "cap " + money_of(figures, bar.key + "-maximum") : std::string();
    const bool over = maximum && *grant > *maximum;
    draw(bar.label, *grant, words + (over ? " — over the cap" : ""), maximum, cap_words,
         over ? "#8a1111" : "#5a7fa8");
    summary += "; " + bar.label + " " + words + (maximum ? ", " + cap_words : "") +
               (over ? ", over the cap" : "");
  }
  if (const auto matching = number(figures, "matching-total")) {
    const auto minimum = number(figures, "matching-minimum");
    const std::string percent = text_of(figures, "matching-percent");
    const std::string words = money_of(figures, "matching-total") +
                              (percent.empty() ? "" : " (" + percent + "% of the budget)");
    const std::string min_words =
        minimum ? "minimum " + money_of(figures, "matching-minimum") : std::string();
    const bool under = minimum && *matching < *minimum;
    draw("Matching", *matching, words + (under ? " — under the minimum" : ""), minimum, min_words,
         under ? "#8a1111" : "#2f7d4a");
    summary += "; matching " + words + (minimum ? ", " + min_words : "") +
               (under ? ", under the minimum" : "");
  }
  svg << "<svg class=\"chart\" role=\"img\" aria-labelledby=\"table-c-title\" width=\""
      << fixed(left + width + 160) << "\" height=\"" << fixed(y + 10) << "\" viewBox=\"0 0 "
      << fixed(left + width + 160) << " " << fixed(y + 10)
      << "\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"table-c-title\">"
      << escape_html(summary) << "</title>" << body.str() << "</svg>";
  return svg.str();
}

std::string due_strip(const inbox::AllianceDue& alliance, core::Date as_of) {
  std::vector<const inbox::DueItem*> items;
  for (const inbox::DueItem& item : alliance.items)
    if (item.period_end.year() == as_of.year() || item.period_start.year() == as_of.year())
      items.push_back(&item);
  if (items.empty())
    for (std::size_t i = alliance.items.size() > 4 ? alliance.items.size() - 4 : 0;
         i < alliance.items.size(); ++i)
      items.push_back(&alliance.items[i]);
  if (items.empty()) return "<p class=\"muted\">No reporting period has begun.</p>";
  const double box = 150, gap = 6, height = 52;
  std::ostringstream body;
  std::string summary = alliance.name + ", reporting periods:";
  double x = 0;
  for (const inbox::DueItem* item : items) {
    const StatusLook colours = look(item->status);
    const std::string status(inbox::due_status_name(item->status));
    body << "<g><rect x=\"" << fixed(x) << "\" y=\"0\" width=\"" << fixed(box) << "\" height=\""
         << fixed(height) << "\" fill=\"" << colours.fill
         << "\" stroke=\"#4a5360\" stroke-width=\"1\"/>";
    body << "<text x=\"" << fixed(x + 8) << "\" y=\"20\" font-size=\"13\" fill=\"" << colours.ink
         << "\">" << escape_html(item->label) << "</text>";
    body << "<text x=\"" << fixed(x + 8)
         << "\" y=\"40\" font-size=\"13\" font-weight=\"bold\" fill=\"" << colours.ink << "\">"
         << escape_html(status) << "</text></g>";
    summary += " " + item->label + " " + item->report + " " + status + ";";
    x += box + gap;
  }
  std::ostringstream svg;
  svg << "<svg class=\"strip\" role=\"img\" width=\"" << fixed(x) << "\" height=\"" << fixed(height)
      << "\" viewBox=\"0 0 " << fixed(x) << " " << fixed(height)
      << "\" xmlns=\"http://www.w3.org/2000/svg\"><title>" << escape_html(summary) << "</title>"
      << body.str() << "</svg>";
  return svg.str();
}

}  // namespace pipeline::web
