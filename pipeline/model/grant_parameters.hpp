#pragma once
//! CET grant program parameters for one fiscal year (rules.md §3), read from forms/cet-grant.json
//! by ingest::load_grant_parameters. The defaults are the FY 2004-2005 values of the CET RFP
//! (§I-3, §I-6, §I-8, App A §128, App C).
//!
//! Percentages are core::Percent (ten-thousandths of a per cent), so a cap is tested exactly by
//! cross-multiplication: `part × 100 × Percent::scale ≤ cap.units × whole`.

#include <cstdint>
#include <string>

#include "pipeline/core/date.hpp"
#include "pipeline/core/money.hpp"

namespace pipeline::model {

struct GrantParameters {
  // "2004-2005"; the grant period runs 1 October of the first year to 30 September.
  std::string fiscal_year = "2004-2005";

  // §I-3: maximum award and minimum matching share (of the grant).
  core::Money award_maximum = core::dollars(85'000);
  core::Percent matching_minimum_percent{10 * core::Percent::scale};

  // §I-6, App C items 7-9: caps as a share of the total grant funds requested (grant column).
  core::Percent equipment_cap_percent{50 * core::Percent::scale};
  core::Percent contractual_cap_percent{20 * core::Percent::scale};
  core::Percent other_cap_percent{20 * core::Percent::scale};
  // §I-6 method 2: lumped administrative costs ≤ this share of the remaining expenditures.
  core::Percent administrative_lump_cap_percent{20 * core::Percent::scale};

  // App C item 3: state travel rates.
  core::Rate mileage_rate_maximum{375};                   // $0.375 a mile
  core::Money lodging_rate_maximum = core::cents(6'500);  // $65.00 a night, taxes separate
  core::Money breakfast_rate_maximum = core::cents(725);
  core::Money lunch_rate_maximum = core::cents(725);
  core::Money dinner_rate_maximum = core::cents(1'650);

  // The grant period; Table B month 1 is the month of grant_period_start.
  core::Date grant_period_start = *core::Date::from_ymd(2004, 10, 1);
  core::Date grant_period_end = *core::Date::from_ymd(2005, 9, 30);

  // §I-8.1: proposals must be received by this instant (2004-05-21 17:00 EDT = 21:00 UTC).
  core::Instant proposal_deadline{1'085'173'200};
  std::string proposal_deadline_text = "5 p.m. Friday 2004-05-21";

  // App A §128: equipment needs prior approval when it costs at least this much an item and
  // lasts at least this many months.
  core::Money equipment_prior_approval_cost = core::dollars(1'000);
  std::int64_t equipment_prior_approval_life_months = 24;
};

}  // namespace pipeline::model
