#include "pipeline/ingest/grant_parameters_loader.hpp"

#include <Poco/Exception.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <fstream>
#include <limits>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <utility>

#include "pipeline/core/error.hpp"
#include "pipeline/text/unicode.hpp"

namespace pipeline::ingest {

namespace {

// The top-level object of the file. Every key read is remembered, so finish() can reject the
// keys nobody read: a misspelt key in a hand-edited file must not pass silently.
class Parameters {
 public:
  Parameters(std::string file, Poco::JSON::Object::Ptr object)
      : file_(std::move(file)), object_(std::move(object)) {}

  std::string text(const std::string& key) {
    used_.insert(key);
    if (!object_->has(key)) fail(key, "is missing");
    const Poco::Dynamic::Var value = object_->get(key);
    if (!value.isString()) fail(key, "expected a string");
    return value.extract<std::string>();
  }

  // A string value in a formats.md §2.1 form, parsed by `parse`.
  template <class T, class Parse>
  T parsed(const std::string& key, Parse parse, const char* expected) {
    const std::string value = text(key);
    std::optional<T> out = parse(value);
    if (!out) fail(key, std::string("expected ") + expected + ", found \"" + value + "\"");
    return *out;
  }

  std::int64_t whole(const std::string& key) {
    used_.insert(key);
    if (!object_->has(key)) fail(key, "is missing");
    const Poco::Dynamic::Var value = object_->get(key);
    if (!value.isInteger()) fail(key, "expected a whole number");
    const auto number = value.convert<Poco::Int64>();
    if (number < 0) fail(key, "expected a whole number from 0");
    return number;
  }

  void skip(const std::string& key) { used_.insert(key); }

  void finish() const {
    for (const std::string& key : object_->getNames())
      if (used_.count(key) == 0) fail(key, "is not a CET grant parameter");
  }

  [[noreturn]] void fail(const std::string& key, const std::string& problem) const {
    throw core::Error(file_ + ": " + key + ": " + problem);
  }

 private:
  std::string file_;
  Poco::JSON::Object::Ptr object_;
  std::set<std::string> used_;
};

std::optional<std::string> parse_fiscal_year(std::string_view text) {
  if (text.size() != 9 || text[4] != '-') return std::nullopt;
  const auto first = core::parse_count(text.substr(0, 4));
  const auto second = core::parse_count(text.substr(5, 4));
  if (!first || !second || *second != *first + 1) return std::nullopt;
  return std::string(text);
}

// A datetime with an offset names its own instant; without one it is Michigan time.
std::optional<core::Instant> parse_deadline(std::string_view text) {
  const auto local = core::parse_datetime(text);
  if (!local) return std::nullopt;
  return local->offset_minutes ? core::instant_with_offset(*local, *local->offset_minutes)
                               : text::michigan_local_to_instant(*local);
}

Poco::JSON::Object::Ptr parse_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw core::IoError(path.string(), "cannot open the CET grant parameters");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  try {
    Poco::JSON::Parser parser;
    const Poco::Dynamic::Var parsed = parser.parse(bytes.str());
    Poco::JSON::Object::Ptr object = parsed.extract<Poco::JSON::Object::Ptr>();
    if (object.isNull()) throw core::Error(path.string() + ": expected a JSON object");
    return object;
  } catch (const Poco::BadCastException&) {
    throw core::Error(path.string() + ": expected a JSON object");
  } catch (const Poco::Exception& e) {
    throw core::Error(path.string() + ": not valid JSON (" + e.displayText() + ")");
  }
}

}  // namespace

model::GrantParameters load_grant_parameters(const std::filesystem::path& forms_dir) {
  const std::filesystem::path path = forms_dir / "cet-grant.json";
  Parameters p(path.string(), parse_file(path));
  if (p.text("profile") != "cet-grant") p.fail("profile", "expected \"cet-grant\"");
  p.skip("program");
  p.skip("source");

  model::GrantParameters out;
  out.fiscal_year = p.parsed<std::string>("fiscal-year", parse_fiscal_year,
                                          "YYYY-YYYY, consecutive years (e.g. 2004-2005)");
  out.grant_period_start =
      p.parsed<core::Date>("grant-period-start", core::parse_date, "a date YYYY-MM-DD");
  out.grant_period_end =
      p.parsed<core::Date>("grant-period-end", core::parse_date, "a date YYYY-MM-DD");
  if (out.grant_period_end < out.grant_period_start)
    p.fail("grant-period-end", "is before grant-period-start");
  out.proposal_deadline = p.parsed<core::Instant>("proposal-deadline", parse_deadline,
                                                  "a date and time YYYY-MM-DDThh:mm[:ss][±hh:mm]");
  out.proposal_deadline_text = p.text("proposal-deadline-text");

  const char* money = "dollars with at most two decimals (e.g. \"85000.00\")";
  const char* percent = "a percentage from 0 to 100 (e.g. \"10\")";
  out.award_maximum = p.parsed<core::Money>("award-maximum", core::parse_money, money);
  out.matching_minimum_percent =
      p.parsed<core::Percent>("matching-minimum-percent", core::parse_percent, percent);
  out.equipment_cap_percent =
      p.parsed<core::Percent>("equipment-cap-percent", core::parse_percent, percent);
  out.contractual_cap_percent =
      p.parsed<core::Percent>("contractual-cap-percent", core::parse_percent, percent);
  out.other_cap_percent =
      p.parsed<core::Percent>("other-cap-percent", core::parse_percent, percent);
  out.administrative_lump_cap_percent =
      p.parsed<core::Percent>("administrative-lump-cap-percent", core::parse_percent, percent);
  out.mileage_rate_maximum = p.parsed<core::Rate>(
      "mileage-rate-maximum", core::parse_rate, "dollars with at most three decimals (\"0.375\")");
  out.lodging_rate_maximum =
      p.parsed<core::Money>("lodging-rate-maximum", core::parse_money, money);
  out.breakfast_rate_maximum =
      p.parsed<core::Money>("breakfast-rate-maximum", core::parse_money, money);
  out.lunch_rate_maximum = p.parsed<core::Money>("lunch-rate-maximum", core::parse_money, money);
  out.dinner_rate_maximum = p.parsed<core::Money>("dinner-rate-maximum", core::parse_money, money);
  out.equipment_prior_approval_cost =
      p.parsed<core::Money>("equipment-prior-approval-cost", core::parse_money, money);
  out.equipment_prior_approval_life_months = p.whole("equipment-prior-approval-life-months");
  p.finish();
  return out;
}

}  // namespace pipeline::ingest
