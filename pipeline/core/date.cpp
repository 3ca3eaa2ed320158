#include "pipeline/core/date.hpp"

#include <array>
#include <cstdio>

namespace pipeline::core {

namespace {

// Howard Hinnant's days_from_civil / civil_from_days.
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

bool all_digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

}  // namespace

bool is_leap_year(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && is_leap_year(year)) return 29;
  return kDays[static_cast<std::size_t>(month - 1)];
}

std::optional<Date> Date::from_ymd(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 ||
      day > days_in_month(year, month))
    return std::nullopt;
  return Date(year, month, day);
}

Date Date::from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return Date(static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d));
}

std::int64_t Date::days() const {
  return days_from_civil(year_, static_cast<unsigned>(month_), static_cast<unsigned>(day_));
}

Weekday Date::weekday() const {
  const std::int64_t z = days();
  // 1970-01-01 was a Thursday (4).
  const std::int64_t wd = ((z % 7) + 7 + 3) % 7;  // 0 = Monday
  return static_cast<Weekday>(wd + 1);
}

std::string Date::iso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year_, month_, day_);
  return buf;
}

namespace {

// YYYY-MM-DD naming a real proleptic Gregorian date of any year 0000-9999: {y, m, d}.
std::optional<std::array<int, 3>> calendar_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto y = text.substr(0, 4), m = text.substr(5, 2), d = text.substr(8, 2);
  if (!all_digits(y) || !all_digits(m) || !all_digits(d)) return std::nullopt;
  const int year = to_int(y), month = to_int(m), day = to_int(d);
  if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month)) return std::nullopt;
  return std::array<int, 3>{year, month, day};
}

}  // namespace

std::optional<Date> parse_date(std::string_view text) {
  const auto ymd = calendar_date(text);
  if (!ymd || (*ymd)[0] < kFirstYear || (*ymd)[0] > kLastYear) return std::nullopt;
  return Date::from_ymd((*ymd)[0], (*ymd)[1], (*ymd)[2]);
}

bool date_out_of_range(std::string_view text) {
  const auto ymd = calendar_date(text);
  return ymd && ((*ymd)[0] < kFirstYear || (*ymd)[0] > kLastYear);
}

Date add_days(Date d, std::int64_t n) {
  return Date::from_days(d.days() + n);
}

Date add_years(Date d, int n) {
  const int year = d.year() + n;
  const int day = d.month() == 2 && d.day() == 29 && !is_leap_year(year) ? 28 : d.day();
  return *Date::from_ymd(year, d.month(), day);
}

Date friday_after(Date d) {
  const int wd = static_cast<int>(d.weekday());  // Friday = 5
  int ahead = (5 - wd + 7) % 7;
  if (ahead == 0) ahead = 7;
  return add_days(d, ahead);
}

std::int64_t days_between(Date from, Date to) {
  return to.days() - from.days();
}

int months_touched(Date start, Date end) {
  return 12 * (end.year() - start.year()) + end.month() - start.month() + 1;
}

int quarter_of(Date d) {
  return (d.month() - 1) / 3 + 1;
}

std::string_view weekday_name(Weekday w) {
  static constexpr std::array<std::string_view, 7> kNames{
      "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
  return kNames[static_cast<std::size_t>(static_cast<int>(w) - 1)];
}

std::string date_with_weekday(Date d) {
  return std::string(weekday_name(d.weekday())) + " " + d.iso();
}

std::optional<LocalDateTime> parse_datetime(std::string_view text) {
  // YYYY-MM-DDThh:mm[:ss][Z|±hh:mm]
  if (text.size() < 16 || text[10] != 'T' || text[13] != ':') return std::nullopt;
  auto date = parse_date(text.substr(0, 10));
  const auto hh = text.substr(11, 2), mm = text.substr(14, 2);
  if (!date || !all_digits(hh) || !all_digits(mm)) return std::nullopt;
  LocalDateTime out{*date, to_int(hh), to_int(mm), 0, std::nullopt, std::string(text)};
  std::string_view rest = text.substr(16);
  if (rest.size() >= 3 && rest[0] == ':' && all_digits(rest.substr(1, 2))) {
    out.second = to_int(rest.substr(1, 2));
    rest = rest.substr(3);
  }
  if (rest == "Z") {
    out.offset_minutes = 0;
  } else if (rest.size() == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':' &&
             all_digits(rest.substr(1, 2)) && all_digits(rest.substr(4, 2))) {
    const int minutes = to_int(rest.substr(1, 2)) * 60 + to_int(rest.substr(4, 2));
    if (to_int(rest.substr(1, 2)) > 23 || to_int(rest.substr(4, 2)) > 59) return std::nullopt;
    out.offset_minutes = rest[0] == '-' ? -minutes : minutes;
  } else if (!rest.empty()) {
    return std::nullopt;
  }
  if (out.hour > 23 || out.minute > 59 || out.second > 59) return std::nullopt;
  return out;
}

Instant instant_with_offset(const LocalDateTime& value, int offset_minutes) {
  const std::int64_t local =
      value.date.days() * 86400 + value.hour * 3600 + value.minute * 60 + value.second;
  return Instant{local - static_cast<std::int64_t>(offset_minutes) * 60};
}

}  // namespace pipeline::core
