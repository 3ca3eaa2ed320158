#pragma once
// Private to the proposal summary (proposal_summary.cpp, proposal_table_d.cpp): how its values
// print, and the Table D section (formats.md §3.11) it draws.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/model/grant_proposal.hpp"
#include "pipeline/render/form_parts.hpp"
#include "pipeline/render/layout.hpp"
#include "pipeline/text/format.hpp"

namespace pipeline::render::proposal {

using parts::kBlank;
using parts::money_of;
using parts::quantity_of;
using parts::text_of;
using Rows = std::vector<std::vector<Cell>>;

// Space a level-3 heading, a table header and two rows need, so none is left alone at a foot.
inline constexpr double kTableStart = 96;

// ---- values -------------------------------------------------------------------------------

// The text of a field that is part of a longer value: empty when it is not there.
inline std::string part_of(const core::Field<std::string>& field) {
  if (field.present()) return *field;
  return field.rejected() ? field.raw : std::string();
}

inline std::string percent_text(core::Percent percent) {
  return core::percent_value_text(percent) + "%";
}

// The largest magnitudes a form can state (formats.md §2.1: nine digits before the point); a
// computed figure beyond them, or a negative amount, prints as the report writes it.
constexpr std::int64_t kMostStatedUnits = 99'999'999'999;  // hundredths: 999,999,999.99
constexpr std::int64_t kMostStatedCount = 999'999'999;

// An amount the rules computed: "$63,370.30"; "—" when they did not compute it.
inline std::string money_figure_text(const std::optional<core::Money>& amount) {
  if (!amount) return kBlank;
  if (amount->units < 0 || amount->units > kMostStatedUnits) return core::money_figure(*amount);
  return core::money_text(*amount);
}

// An amount that can be shown as a share's part or whole: engaged only for what a form can state.
inline std::optional<core::Money> stated_amount(const std::optional<core::Money>& amount) {
  if (!amount || amount->units < 0 || amount->units > kMostStatedUnits) return std::nullopt;
  return amount;
}

// Hours (and counts) grouped for reading: "1,740", "1,819.5"; a negative one with a minus sign.
inline std::string number_text(const std::optional<core::Quantity>& value) {
  if (!value) return kBlank;
  const bool negative = value->units < 0;
  const std::int64_t magnitude = negative ? -value->units : value->units;
  if (magnitude > kMostStatedUnits) return core::hundredths_figure(*value);
  return (negative ? "−" : "") + parts::quantity_text(core::Quantity{magnitude});
}

inline std::string number_text(const std::optional<std::int64_t>& count) {
  if (!count) return kBlank;
  if (*count > kMostStatedCount || *count < -kMostStatedCount) return std::to_string(*count);
  return number_text(core::Quantity{*count * core::Quantity::scale});
}

// A share the rules computed: "13.91%", or "13.91% of G" with `of`; "—" when not computed.
inline std::string share_text(const std::optional<core::Percent>& share, std::string_view of = {}) {
  if (!share) return kBlank;
  return core::percent_figure(*share) + "%" + (of.empty() ? "" : " of " + std::string(of));
}

// Table D, every section with its lines and totals (proposal_table_d.cpp).
void table_d(Document& doc, const model::GrantProposal& proposal);

}  // namespace pipeline::render::proposal
