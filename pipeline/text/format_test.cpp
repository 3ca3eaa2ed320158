#include "pipeline/text/format.hpp"

#include <catch2/catch.hpp>

using namespace pipeline;

TEST_CASE("long dates are written the way a letter writes them", "[text][format]") {
  CHECK(text::long_date(*core::Date::from_ymd(2024, 7, 25)) == "July 25, 2024");
  CHECK(text::long_date(*core::Date::from_ymd(2025, 1, 3)) == "January 3, 2025");
  CHECK(text::long_date(*core::Date::from_ymd(1969, 12, 31)) == "December 31, 1969");
  CHECK(text::long_date(*core::Date::from_ymd(2024, 7, 25), "es") == "25 de julio de 2024");
}

TEST_CASE("ordinals follow English rules", "[text][format]") {
  CHECK(text::ordinal(1) == "1st");
  CHECK(text::ordinal(2) == "2nd");
  CHECK(text::ordinal(3) == "3rd");
  CHECK(text::ordinal(11) == "11th");
  CHECK(text::ordinal(22) == "22nd");
  CHECK(text::ordinal(25) == "25th");
}

TEST_CASE("numbers are spelled out for terms and counts", "[text][format]") {
  CHECK(text::spelled_out(1) == "one");
  CHECK(text::spelled_out(2) == "two");
  CHECK(text::spelled_out(5) == "five");
  CHECK(text::spelled_out(30) == "thirty");
  CHECK(text::spelled_out(21) == "twenty-one");
}

TEST_CASE("month names are written out for the signing line", "[text][format]") {
  CHECK(text::month_name(*core::Date::from_ymd(2024, 7, 25)) == "July");
  CHECK(text::month_name(*core::Date::from_ymd(2025, 1, 1)) == "January");
  CHECK(text::month_name(*core::Date::from_ymd(2024, 12, 31)) == "December");
  CHECK(text::month_name(*core::Date::from_ymd(2024, 7, 25), "es") == "julio");
}
