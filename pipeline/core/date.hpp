#pragma once
//! Calendar dates in the proleptic Gregorian calendar and instants (rules.md §2.2).

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pipeline::core {

enum class Weekday { Monday = 1, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday };

// A calendar date; always a real date when built by from_ymd() or parse_date().
class Date {
 public:
  constexpr Date() = default;
  // nullopt when year/month/day do not name a real date.
  static std::optional<Date> from_ymd(int year, int month, int day);
  // Days since 1970-01-01 (negative before).
  static Date from_days(std::int64_t days);

  int year() const { return year_; }
  int month() const { return month_; }
  int day() const { return day_; }
  std::int64_t days() const;
  Weekday weekday() const;
  std::string iso() const;  // 2025-01-03

  friend constexpr auto operator<=>(const Date&, const Date&) = default;

 private:
  constexpr Date(int y, int m, int d) : year_(y), month_(m), day_(d) {}
  int year_ = 1970;
  int month_ = 1;
  int day_ = 1;
};

bool is_leap_year(int year);
int days_in_month(int year, int month);

// The years a form's date may fall in (a decision: docs/decisions.md). Every date formpipe
// derives (due dates, terms, renewals) then stays a four-digit year.
inline constexpr int kFirstYear = 1900;
inline constexpr int kLastYear = 2199;

// [0-9]{4}-[0-9]{2}-[0-9]{2} naming a real date in the years kFirstYear..kLastYear.
std::optional<Date> parse_date(std::string_view text);
// Whether `text` is a real calendar date written YYYY-MM-DD whose year is outside
// kFirstYear..kLastYear (so parse_date refuses it as out of range, not as malformed).
bool date_out_of_range(std::string_view text);
Date add_days(Date d, std::int64_t n);
// Same month and day n years later; 29 February becomes 28 February.
Date add_years(Date d, int n);
// The first Friday strictly after d.
Date friday_after(Date d);
std::int64_t days_between(Date from, Date to);  // to − from
// Calendar months containing at least one day of [start, end].
int months_touched(Date start, Date end);
// 1..4
int quarter_of(Date d);
std::string_view weekday_name(Weekday w);  // "Friday"
// "Friday 2025-10-03"
std::string date_with_weekday(Date d);

// A point in time, seconds since 1970-01-01T00:00Z.
struct Instant {
  std::int64_t seconds = 0;
  friend constexpr auto operator<=>(Instant, Instant) = default;
};

// The parts of a `datetime` value (formats.md §2.1), before any time-zone resolution.
struct LocalDateTime {
  Date date;
  int hour = 0;
  int minute = 0;
  int second = 0;
  std::optional<int> offset_minutes;  // east of UTC; nullopt = Michigan local time
  std::string text;                   // as written, for messages
};
// YYYY-MM-DDThh:mm[:ss][Z|±hh:mm]
std::optional<LocalDateTime> parse_datetime(std::string_view text);
// The instant of a datetime that carries its own offset.
Instant instant_with_offset(const LocalDateTime& value, int offset_minutes);

}  // namespace pipeline::core
