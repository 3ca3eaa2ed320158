#include "pipeline/core/money.hpp"

#include <catch2/catch.hpp>

using namespace pipeline::core;

TEST_CASE("money parses dollars with at most two decimals into cents", "[core][money]") {
  CHECK(parse_money("63370.30")->units == 6337030);
  CHECK(parse_money("0.5")->units == 50);
  CHECK(parse_money("85000")->units == 8500000);
  CHECK_FALSE(parse_money("1.234"));
  CHECK_FALSE(parse_money("$5"));
  CHECK_FALSE(parse_money("1,000.00"));
  CHECK_FALSE(parse_money("-1"));
  CHECK_FALSE(parse_money("1e3"));
  CHECK_FALSE(parse_money(""));
  CHECK_FALSE(parse_money("1."));
  CHECK_FALSE(parse_money("1234567890"));
}

TEST_CASE("rates, quantities, percents and counts parse exactly", "[core][money]") {
  CHECK(parse_rate("0.375")->units == 375);
  CHECK(parse_rate("0.4")->units == 400);
  CHECK_FALSE(parse_rate("0.3755"));
  CHECK(parse_quantity("1.5")->units == 150);
  CHECK(parse_percent("7.65")->units == 76500);
  CHECK(parse_percent("100")->units == 1000000);
  CHECK_FALSE(parse_percent("100.01"));
  CHECK(parse_count("425") == 425);
  CHECK_FALSE(parse_count("4.0"));
}

TEST_CASE("figures and texts format exactly", "[core][money]") {
  CHECK(money_figure(cents(6337030)) == "63370.30");
  CHECK(money_figure(cents(5)) == "0.05");
  CHECK(money_text(cents(6337030)) == "$63,370.30");
  CHECK(money_text(cents(100000000)) == "$1,000,000.00");
  CHECK(rate_text(Rate{375}) == "$0.375");
  CHECK(hundredths_figure(Quantity{174000}) == "1740");
  CHECK(hundredths_figure(Quantity{181950}) == "1819.5");
  CHECK(hundredths_figure(Quantity{74275}) == "742.75");
  CHECK(percent_figure(881310, 6337030) == "13.91");
  CHECK(percent_figure(1, 0) == std::nullopt);
  CHECK(grouped(2102) == "2,102");
  CHECK(grouped(999) == "999");
}

TEST_CASE("products round half up to the cent", "[core][money]") {
  CHECK(round_half_up(5, 2) == 3);
  CHECK(round_half_up(4, 2) == 2);
  CHECK(round_half_up(554490125, 100) == 5544901);
  CHECK(round_half_up(554490150, 100) == 5544902);
  CHECK(ceil_div(6337030, 10) == 633703);
  CHECK(floor_div(6337030, 2) == 3168515);
}

TEST_CASE("money formatting round-trips through parsing", "[core][money][property]") {
  const auto value = GENERATE(take(200, random<std::int64_t>(0, 99999999999)));
  CAPTURE(value);
  CHECK(parse_money(money_figure(cents(value)))->units == value);
}

TEST_CASE("a computed share is an exact Percent that prints as its figure", "[core][money]") {
  CHECK(percent_of(881310, 6337030) == Percent{139100});
  CHECK(percent_figure(*percent_of(881310, 6337030)) == "13.91");
  CHECK(percent_figure(*percent_of(-5, 21)) == *percent_figure(-5, 21));
  CHECK(percent_figure(*percent_of(1, 3)) == "33.33");
  CHECK(percent_figure(*percent_of(3, 3)) == "100.00");
  CHECK(percent_of(1, 0) == std::nullopt);
}
