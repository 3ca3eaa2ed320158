#include "pipeline/core/money.hpp"

#include <cstdlib>

namespace pipeline::core {

std::int64_t round_half_up(Wide num, Wide den) {
  const bool negative = (num < 0) != (den < 0);
  if (num < 0) num = -num;
  if (den < 0) den = -den;
  const Wide q = (2 * num + den) / (2 * den);
  return static_cast<std::int64_t>(negative ? -q : q);
}

std::optional<Money> rounded_money(Wide num, Wide den) {
  const bool negative = (num < 0) != (den < 0);
  if (num < 0) num = -num;
  if (den < 0) den = -den;
  const Wide q = (2 * num + den) / (2 * den);
  if (q > kLargestMoney.units) return std::nullopt;
  return Money{static_cast<std::int64_t>(negative ? -q : q)};
}

std::int64_t floor_div(Wide num, Wide den) {
  return static_cast<std::int64_t>(num / den);
}

std::int64_t ceil_div(Wide num, Wide den) {
  return static_cast<std::int64_t>((num + den - 1) / den);
}

std::optional<std::int64_t> parse_decimal(std::string_view text, int max_int_digits,
                                          int max_frac_digits, int frac_scale_digits) {
  std::int64_t int_part = 0;
  int int_digits = 0;
  std::size_t i = 0;
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++int_digits) {
    if (int_digits >= max_int_digits) return std::nullopt;
    int_part = int_part * 10 + (text[i] - '0');
  }
  if (int_digits == 0) return std::nullopt;
  std::int64_t frac = 0;
  int frac_digits = 0;
  if (i < text.size()) {
    if (text[i] != '.' || max_frac_digits == 0) return std::nullopt;
    ++i;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++frac_digits) {
      if (frac_digits >= max_frac_digits) return std::nullopt;
      frac = frac * 10 + (text[i] - '0');
    }
    if (frac_digits == 0 || i != text.size()) return std::nullopt;
  }
  for (int d = frac_digits; d < frac_scale_digits; ++d) frac *= 10;
  std::int64_t scale = 1;
  for (int d = 0; d < frac_scale_digits; ++d) scale *= 10;
  return int_part * scale + frac;
}

std::optional<Money> parse_money(std::string_view text) {
  if (auto v = parse_decimal(text, 9, 2, 2)) return Money{*v};
  return std::nullopt;
}
std::optional<Rate> parse_rate(std::string_view text) {
  if (auto v = parse_decimal(text, 6, 3, 3)) return Rate{*v};
  return std::nullopt;
}
std::optional<Quantity> parse_quantity(std::string_view text) {
  if (auto v = parse_decimal(text, 9, 2, 2)) return Quantity{*v};
  return std::nullopt;
}
std::optional<Percent> parse_percent(std::string_view text) {
  auto v = parse_decimal(text, 3, 4, 4);
  if (!v || *v > 100 * 10000) return std::nullopt;
  return Percent{*v};
}
std::optional<std::int64_t> parse_count(std::string_view text) {
  return parse_decimal(text, 9, 0, 0);
}

namespace {

std::string fixed_text(std::int64_t units, std::int64_t scale, int decimals, bool trim) {
  const bool negative = units < 0;
  const std::uint64_t magnitude =
      negative ? static_cast<std::uint64_t>(-(units + 1)) + 1 : static_cast<std::uint64_t>(units);
  const auto uscale = static_cast<std::uint64_t>(scale);
  std::string out = std::to_string(magnitude / uscale);
  std::string frac = std::to_string(magnitude % uscale);
  frac.insert(0, static_cast<std::size_t>(decimals) - frac.size(), '0');
  if (trim) {
    while (!frac.empty() && frac.back() == '0') frac.pop_back();
  }
  if (!frac.empty()) {
    out += '.';
    out += frac;
  }
  if (negative) out.insert(out.begin(), '-');
  return out;
}

}  // namespace

std::string grouped(std::int64_t value) {
  std::string digits = std::to_string(value < 0 ? -value : value);
  std::string out;
  const std::size_t n = digits.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  if (value < 0) out.insert(out.begin(), '-');
  return out;
}

std::string money_figure(Money amount) {
  return fixed_text(amount.units, 100, 2, false);
}

std::string money_text(Money amount) {
  const bool negative = amount.units < 0;
  const std::int64_t magnitude = negative ? -amount.units : amount.units;
  const auto cents_part = static_cast<int>(magnitude % 100);
  std::string out = negative ? "-$" : "$";
  out += grouped(magnitude / 100);
  out += '.';
  out += static_cast<char>('0' + cents_part / 10);
  out += static_cast<char>('0' + cents_part % 10);
  return out;
}

std::string rate_text(Rate rate) {
  std::string out = "$";
  out += fixed_text(rate.units, 1000, 3, false);
  return out;
}

std::string hundredths_figure(Quantity q) {
  return fixed_text(q.units, 100, 2, true);
}

std::string percent_value_text(Percent p) {
  return fixed_text(p.units, 10000, 4, true);
}

std::optional<Percent> percent_of(std::int64_t part, std::int64_t whole) {
  if (whole == 0) return std::nullopt;
  // Hundredths of a per cent, then ten-thousandths (Percent's unit) where they fit.
  const std::int64_t hundredths = round_half_up(static_cast<Wide>(part) * 10000, whole);
  constexpr std::int64_t kLimit = 10'000'000'000'000'000;  // 10^16 hundredths: 10^14 %
  if (hundredths > kLimit || hundredths < -kLimit) return std::nullopt;
  return Percent{hundredths * 100};
}

std::string percent_figure(Percent share) {
  return fixed_text(share.units / 100, 100, 2, false);
}

std::optional<std::string> percent_figure(std::int64_t part, std::int64_t whole) {
  if (whole == 0) return std::nullopt;
  // In 128 bits throughout: a huge part over a one-cent whole must not wrap.
  Wide num = static_cast<Wide>(part) * 10000, den = whole;
  const bool negative = (num < 0) != (den < 0);
  if (num < 0) num = -num;
  if (den < 0) den = -den;
  Wide hundredths = (2 * num + den) / (2 * den);
  std::string out;
  for (int digit = 0; digit < 3 || hundredths > 0; ++digit) {
    if (digit == 2) out.insert(out.begin(), '.');
    out.insert(out.begin(), static_cast<char>('0' + static_cast<int>(hundredths % 10)));
    hundredths /= 10;
  }
  if (negative && out != "0.00") out.insert(out.begin(), '-');
  return out;
}

}  // namespace pipeline::core
