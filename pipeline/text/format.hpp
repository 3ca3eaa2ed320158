#pragma once
//! Locale formatting for documents, through ICU: long dates ("July 25, 2024") and ordinals
//! ("25th"), so the wording of agreements and letters follows the locale's rules.

#include <string>

#include "pipeline/core/date.hpp"

namespace pipeline::text {

// The date written out in `locale`'s long style: "July 25, 2024" for en_US. Throws core::Error
// when ICU has no data for the locale.
std::string long_date(core::Date date, const char* locale = "en_US");
// The ordinal of n in `locale`: 1 -> "1st", 22 -> "22nd", 25 -> "25th" for en_US.
std::string ordinal(long n, const char* locale = "en_US");
// n spelled out in `locale`: 5 -> "five", 30 -> "thirty" for en_US ("five years").
std::string spelled_out(long n, const char* locale = "en_US");
// The month of `date` written out in `locale`: "July" for en_US ("Signed this 25th day of July").
std::string month_name(core::Date date, const char* locale = "en_US");

}  // namespace pipeline::text
