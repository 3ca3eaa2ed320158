#pragma once
//! Exact amounts. Money is integer cents, per-mile rates integer mills, quantities and hours
//! integer hundredths, percentages integer ten-thousandths of a per cent (formats.md §2.1).
//! Nothing here ever touches floating point.

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pipeline::core {

// 128-bit intermediate for exact products of amounts (GCC extension, marked so -Wpedantic accepts
// it).
__extension__ using Wide = __int128;

// A fixed-point amount with `Scale` units per whole (100 for cents, 1000 for mills...).
template <std::int64_t Scale, class Tag>
struct Fixed {
  std::int64_t units = 0;

  static constexpr std::int64_t scale = Scale;
  friend constexpr auto operator<=>(Fixed, Fixed) = default;
  constexpr Fixed& operator+=(Fixed other) {
    units += other.units;
    return *this;
  }
  constexpr Fixed& operator-=(Fixed other) {
    units -= other.units;
    return *this;
  }
  friend constexpr Fixed operator+(Fixed a, Fixed b) { return a += b; }
  friend constexpr Fixed operator-(Fixed a, Fixed b) { return a -= b; }
};

struct MoneyTag {};
struct MillsTag {};
struct HundredthsTag {};
struct PercentTag {};

using Money = Fixed<100, MoneyTag>;          // cents
using Rate = Fixed<1000, MillsTag>;          // mills (amount-per-mile)
using Quantity = Fixed<100, HundredthsTag>;  // hundredths (units, weeks, miles, hours...)
using Percent = Fixed<10000, PercentTag>;    // ten-thousandths of a per cent

// The largest amount a `money` value can state (formats.md §2.1: nine integer digits).
inline constexpr Money kLargestMoney{99'999'999'999};

constexpr Money cents(std::int64_t c) {
  return Money{c};
}
constexpr Money dollars(std::int64_t d) {
  return Money{d * 100};
}

// num / den rounded half up (ties away from zero; inputs are non-negative). den must be > 0.
std::int64_t round_half_up(Wide num, Wide den);
// num / den rounded half up as an amount, computed in 128 bits; nullopt ("out of range") when its
// magnitude exceeds kLargestMoney, so no product is ever wrapped or saturated into a wrong number.
std::optional<Money> rounded_money(Wide num, Wide den);
// ⌊num / den⌋ and ⌈num / den⌉ for non-negative num, positive den.
std::int64_t floor_div(Wide num, Wide den);
std::int64_t ceil_div(Wide num, Wide den);

// Parses a non-negative decimal with at most `max_int_digits` integer digits and at most
// `max_frac_digits` decimals into units of 10^-frac_scale_digits; nullopt when it does not match.
std::optional<std::int64_t> parse_decimal(std::string_view text, int max_int_digits,
                                          int max_frac_digits, int frac_scale_digits);

std::optional<Money> parse_money(std::string_view text);        // [0-9]{1,9}(\.[0-9]{1,2})?
std::optional<Rate> parse_rate(std::string_view text);          // [0-9]{1,6}(\.[0-9]{1,3})?
std::optional<Quantity> parse_quantity(std::string_view text);  // [0-9]{1,9}(\.[0-9]{1,2})?
std::optional<Percent> parse_percent(std::string_view text);  // [0-9]{1,3}(\.[0-9]{1,4})?, ≤ 100
std::optional<std::int64_t> parse_count(std::string_view text);  // [0-9]{1,9}

// "63370.30": a plain decimal with two decimals, for report figures.
std::string money_figure(Money amount);
// "$63,370.30": grouped, with a dollar sign, for messages and documents.
std::string money_text(Money amount);
// "$0.375": a per-mile rate with three decimals.
std::string rate_text(Rate rate);
// Shortest exact form of a hundredths value: "1740", "1819.5", "742.75".
std::string hundredths_figure(Quantity q);
// "7.65": shortest exact form of a percent value.
std::string percent_value_text(Percent p);
// 100 × part ÷ whole rounded half up to two decimals, as a Percent (a share the rules computed,
// which may be negative or over 100); nullopt when whole is zero or the share is beyond ±10^14 %.
std::optional<Percent> percent_of(std::int64_t part, std::int64_t whole);
// "13.91": a percent_of value with its two decimals, for report figures.
std::string percent_figure(Percent share);
// 100 × part ÷ whole as percent_figure writes it ("13.91"); nullopt when whole is zero.
std::optional<std::string> percent_figure(std::int64_t part, std::int64_t whole);
// Thousands-grouped integer: 2102 -> "2,102".
std::string grouped(std::int64_t value);

}  // namespace pipeline::core
