#include "pipeline/text/format.hpp"

#include <unicode/datefmt.h>
#include <unicode/rbnf.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <map>
#include <memory>

#include "pipeline/core/error.hpp"

namespace pipeline::text {

namespace {

std::string to_utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

// ICU formatters are costly to build and not thread-safe: one per thread and locale.
icu::DateFormat& date_format(const char* locale) {
  thread_local std::map<std::string, std::unique_ptr<icu::DateFormat>> formats;
  auto& format = formats[locale];
  if (!format) {
    format.reset(icu::DateFormat::createDateInstance(icu::DateFormat::kLong, icu::Locale(locale)));
    if (!format) throw core::Error(std::string("ICU has no date format for ") + locale);
    format->adoptTimeZone(icu::TimeZone::createTimeZone("Etc/UTC"));
  }
  return *format;
}

icu::RuleBasedNumberFormat& ordinal_format(const char* locale) {
  thread_local std::map<std::string, std::unique_ptr<icu::RuleBasedNumberFormat>> formats;
  auto& format = formats[locale];
  if (!format) {
    UErrorCode status = U_ZERO_ERROR;
    format = std::make_unique<icu::RuleBasedNumberFormat>(icu::URBNF_ORDINAL, icu::Locale(locale),
                                                          status);
    if (U_FAILURE(status)) throw core::Error(std::string("ICU has no ordinals for ") + locale);
  }
  return *format;
}

icu::RuleBasedNumberFormat& spellout_format(const char* locale) {
  thread_local std::map<std::string, std::unique_ptr<icu::RuleBasedNumberFormat>> formats;
  auto& format = formats[locale];
  if (!format) {
    UErrorCode status = U_ZERO_ERROR;
    format = std::make_unique<icu::RuleBasedNumberFormat>(icu::URBNF_SPELLOUT, icu::Locale(locale),
                                                          status);
    if (U_FAILURE(status))
      throw core::Error(std::string("ICU has no spelled-out numbers for ") + locale);
  }
  return *format;
}

icu::DateFormat& month_format(const char* locale) {
  thread_local std::map<std::string, std::unique_ptr<icu::DateFormat>> formats;
  auto& format = formats[locale];
  if (!format) {
    UErrorCode status = U_ZERO_ERROR;
    // "LLLL": the month's stand-alone name, as it stands after "day of".
    format = std::make_unique<icu::SimpleDateFormat>(icu::UnicodeString("LLLL"),
                                                     icu::Locale(locale), status);
    if (U_FAILURE(status)) throw core::Error(std::string("ICU has no month names for ") + locale);
    format->adoptTimeZone(icu::TimeZone::createTimeZone("Etc/UTC"));
  }
  return *format;
}

}  // namespace

std::string long_date(core::Date date, const char* locale) {
  const UDate millis = static_cast<UDate>(date.days()) * 86400000.0;
  icu::UnicodeString out;
  date_format(locale).format(millis, out);
  return to_utf8(out);
}

std::string spelled_out(long n, const char* locale) {
  icu::UnicodeString out;
  spellout_format(locale).format(static_cast<std::int64_t>(n), out);
  return to_utf8(out);
}

std::string month_name(core::Date date, const char* locale) {
  const UDate millis = static_cast<UDate>(date.days()) * 86400000.0;
  icu::UnicodeString out;
  month_format(locale).format(millis, out);
  return to_utf8(out);
}

std::string ordinal(long n, const char* locale) {
  icu::UnicodeString out;
  ordinal_format(locale).format(static_cast<std::int64_t>(n), out);
  return to_utf8(out);
}

}  // namespace pipeline::text
