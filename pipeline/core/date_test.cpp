#include "pipeline/core/date.hpp"

#include <catch2/catch.hpp>

using namespace pipeline::core;

TEST_CASE("dates parse only when they are real ISO calendar dates", "[core][date]") {
  CHECK(parse_date("2024-02-29").has_value());
  CHECK_FALSE(parse_date("2025-02-29"));
  CHECK_FALSE(parse_date("2025-13-01"));
  CHECK_FALSE(parse_date("2025-1-01"));
  CHECK_FALSE(parse_date("25-01-01"));
  CHECK(parse_date("2025-10-03")->iso() == "2025-10-03");
}

TEST_CASE("friday_after is strictly after", "[core][date]") {
  CHECK(friday_after(*parse_date("2025-09-30")).iso() == "2025-10-03");
  CHECK(friday_after(*parse_date("2024-12-31")).iso() == "2025-01-03");
  CHECK(friday_after(*parse_date("2025-10-03")).iso() == "2025-10-10");
  CHECK(friday_after(*parse_date("2025-03-31")).iso() == "2025-04-04");
}

TEST_CASE("add_years keeps the day, 29 February becomes 28", "[core][date]") {
  CHECK(add_years(*parse_date("2024-02-29"), 1).iso() == "2025-02-28");
  CHECK(add_years(*parse_date("2024-02-29"), 4).iso() == "2028-02-29");
  CHECK(add_years(*parse_date("2025-03-14"), 5).iso() == "2030-03-14");
}

TEST_CASE("add_days crosses months and leap days", "[core][date]") {
  CHECK(add_days(*parse_date("2030-03-14"), -60).iso() == "2030-01-13");
  CHECK(add_days(*parse_date("2025-02-18"), 15).iso() == "2025-03-05");
  CHECK(add_days(*parse_date("2024-02-28"), 1).iso() == "2024-02-29");
  CHECK(days_between(*parse_date("2025-08-01"), *parse_date("2025-08-11")) == 10);
}

TEST_CASE("weekdays and months touched", "[core][date]") {
  CHECK(parse_date("2025-01-01")->weekday() == Weekday::Wednesday);
  CHECK(parse_date("1970-01-01")->weekday() == Weekday::Thursday);
  CHECK(date_with_weekday(*parse_date("2025-10-03")) == "Friday 2025-10-03");
  CHECK(months_touched(*parse_date("2024-01-01"), *parse_date("2024-12-31")) == 12);
  CHECK(months_touched(*parse_date("2024-10-15"), *parse_date("2025-03-01")) == 6);
}

TEST_CASE("datetimes keep their offset or mark Michigan local time", "[core][date]") {
  auto local = parse_datetime("2004-05-21T17:45");
  REQUIRE(local);
  CHECK_FALSE(local->offset_minutes);
  auto zoned = parse_datetime("2004-05-21T21:00:00Z");
  REQUIRE(zoned);
  CHECK(zoned->offset_minutes == 0);
  CHECK(parse_datetime("2004-05-21T17:00-04:00")->offset_minutes == -240);
  CHECK_FALSE(parse_datetime("2004-05-21 17:00"));
  CHECK_FALSE(parse_datetime("2004-05-21T25:00"));
  CHECK(instant_with_offset(*zoned, 0).seconds ==
        instant_with_offset(*parse_datetime("2004-05-21T17:00-04:00"), -240).seconds);
}

TEST_CASE("dates outside the years 1900-2199 are out of range, not misread", "[core][date]") {
  CHECK(parse_date("1900-01-01"));
  CHECK(parse_date("2199-12-31"));
  CHECK_FALSE(parse_date("1899-12-31"));
  CHECK_FALSE(parse_date("2200-01-01"));
  CHECK_FALSE(parse_date("9999-12-31"));  // its Friday after was "10000-01-07"
  CHECK_FALSE(parse_date("0000-01-01"));
  CHECK(date_out_of_range("9999-12-31"));
  CHECK(date_out_of_range("0000-02-29"));
  CHECK(date_out_of_range("1899-12-31"));
  CHECK_FALSE(date_out_of_range("2025-02-30"));  // not a date at all
  CHECK_FALSE(date_out_of_range("2025-10-03"));
  CHECK_FALSE(parse_datetime("2200-01-01T09:00"));
}
