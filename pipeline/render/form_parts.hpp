#pragma once
//! Internal to render: the pieces the filled forms share (proposal summary, diary sheet, annual
//! report) — how a form value prints, the agency letterhead of a program, the activity table of
//! App A and App B — so the three documents read alike.

#include <optional>
#include <string>
#include <vector>

#include "pipeline/core/date.hpp"
#include "pipeline/core/field.hpp"
#include "pipeline/core/money.hpp"
#include "pipeline/model/activity.hpp"
#include "pipeline/model/alliance_profile.hpp"
#include "pipeline/render/layout.hpp"

namespace pipeline::render::parts {

// What a blank on the paper form shows when the value is not there.
inline constexpr const char* kBlank = "—";

// The value as it prints: the text when present, the raw text when rejected, else kBlank.
std::string text_of(const core::Field<std::string>& field);
// "$63,370.30", or kBlank.
std::string money_of(const core::Field<core::Money>& field);
// "4,000", "1.5": grouped, shortest exact decimals; or kBlank.
std::string quantity_of(const core::Field<core::Quantity>& field);
std::string quantity_text(core::Quantity quantity);
// "1,150", or kBlank.
std::string count_of(const core::Field<std::int64_t>& field);
// "July 16, 2025" (ICU long date), or kBlank.
std::string long_date_of(const core::Field<core::Date>& field);
// "07/16/2025", the way the forms' date pickers print, or kBlank.
std::string short_date(core::Date date);
std::string short_date_of(const core::Field<core::Date>& field);
// "July 1, 2025 – September 30, 2025", with kBlank for a missing end.
std::string period_text(const model::Period& period);
// A vocabulary word as a label: "hazard-survey" -> "Hazard survey".
std::string word_label(std::string_view word);
// Joins the non-empty parts with `separator`.
std::string joined(const std::vector<std::string>& parts, std::string_view separator);

// A footer line: the parts joined by " · ", leaving out the middle ones (a long organization
// name) while it is too long to sit beside "Page N of M".
std::string footer_text(const std::vector<std::string>& parts);
// The running header of pages 2..N (and the PDF title): "Title — name", or the title alone when
// the name would run past the text width.
std::string running_title(const std::string& title, const std::string& name);

// The agency's letterhead for an alliance program: its name, then its program.
Letterhead alliance_letterhead(const model::AllianceProfile& profile);

// Keeps what follows together: starts a new page unless `points` are left on this one.
void keep_together(Document& doc, double points);
// What to keep together for a heading and a table of `rows` rows about `row_height` points tall:
// the whole table when it is short (so no total row is left alone on the next page), else the
// heading, the header and the first rows.
double table_space(std::size_t rows, double row_height, double most = 300);

// The Emphasis column's title: App A's reference to the agency's Strategic Plan where the
// program asks every activity for one (ACTIVITY-EMPHASIS), else plain "Emphasis".
std::string emphasis_title(const model::AllianceProfile& profile);

// The activity table of App A and App B (Date | Event or Product Type | Description/Comments |
// Emphasis | Number Reached) with a Total row of the number reached. The Emphasis column is
// printed when `with_emphasis`.
void activity_table(Document& doc, const std::vector<model::Activity>& activities,
                    bool with_emphasis, const std::string& emphasis_title);

}  // namespace pipeline::render::parts
