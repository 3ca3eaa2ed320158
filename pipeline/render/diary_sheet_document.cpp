#include "pipeline/render/diary_sheet_document.hpp"

#include <algorithm>
#include <utility>
#include <vector>

#include "pipeline/render/form_parts.hpp"
#include "pipeline/render/layout.hpp"
#include "pipeline/text/format.hpp"

namespace pipeline::render {

namespace {

using parts::text_of;

bool contains(const std::vector<std::string>& words, const std::string& word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// App A for a program with quarterly diary sheets; OSHA's biannual form for the levels that
// report twice a year; otherwise the activity log every alliance may keep.
std::string form_title(const model::DiarySheet& sheet, const model::AllianceProfile& profile) {
  const model::PeriodicReport& periodic = profile.periodic_report;
  if (periodic.kind == model::PeriodicReportKind::QuarterlyDiary)
    return profile.agency_short + " Alliance Diary Sheet";
  if (periodic.kind == model::PeriodicReportKind::Biannual &&
      (periodic.levels.empty() ||
       (sheet.level.present() && contains(periodic.levels, *sheet.level))))
    return "Biannual Alliance Data Reporting Form";
  return profile.agency_short + " Alliance Activity Log";
}

// "2025 Q3" when the period is one calendar quarter.
std::string quarter_label(const model::Period& period) {
  if (!period.start.present() || !period.end.present()) return {};
  const core::Date start = *period.start;
  const core::Date end = *period.end;
  const int quarter = core::quarter_of(start);
  const int last_month = quarter * 3;
  if (start.day() != 1 || start.month() != last_month - 2 || end.year() != start.year() ||
      end.month() != last_month || end.day() != core::days_in_month(end.year(), end.month()))
    return {};
  return std::to_string(start.year()) + " Q" + std::to_string(quarter);
}

void header_block(Document& doc, const model::DiarySheet& sheet,
                  const model::AllianceProfile& profile) {
  const std::string liaison = profile.diary_header_required
                                  ? profile.agency_short + " Liaison"
                                  : profile.agency_short + " Alliance Coordinator";
  std::vector<std::pair<std::string, std::string>> items = {
      {"Name of Organization", text_of(sheet.name_of_organization)},
      {"Address", text_of(sheet.address)},
      {"City", text_of(sheet.city)}};
  if (sheet.state.present() || sheet.state.rejected())
    items.emplace_back("State", text_of(sheet.state));
  items.insert(items.end(), {{"Zip Code", text_of(sheet.zip_code)},
                             {"Contact Person", text_of(sheet.contact_person)},
                             {"Title", text_of(sheet.title)},
                             {"Telephone Number", text_of(sheet.telephone_number)},
                             {"Email", text_of(sheet.email)},
                             {liaison, text_of(sheet.liaison)},
                             {"Date Submitted", parts::long_date_of(sheet.date_submitted)}});
  doc.key_values(items);
}

void dates_of_contact(Document& doc, const model::DiarySheet& sheet) {
  parts::keep_together(doc, sheet.dates_of_contact.empty()
                                ? 80
                                : parts::table_space(sheet.dates_of_contact.rows.size(), 20) + 20);
  doc.heading("Dates of Contact", 2);
  ParagraphStyle note;
  note.muted = true;
  doc.paragraph("If no activities are available to report, please note dates of contact below.",
                note);
  if (sheet.dates_of_contact.empty()) {
    doc.paragraph(sheet.activities.empty() ? "No dates of contact were noted."
                                           : "None noted; activities are reported above.");
    return;
  }
  std::vector<std::vector<Cell>> rows;
  for (const model::Contact& contact : sheet.dates_of_contact.rows)
    rows.push_back(
        {Cell(parts::short_date_of(contact.date_of_contact)), Cell(text_of(contact.description))});
  doc.table({{"Date of Contact", 1.5}, {"Description", 5}}, rows);
}

}  // namespace

std::string render_diary_sheet(const model::DiarySheet& sheet,
                               const model::AllianceProfile& profile,
                               const RenderOptions& options) {
  const std::string title = form_title(sheet, profile);
  const std::string organization =
      sheet.name_of_organization.present() ? *sheet.name_of_organization : std::string();
  const std::string quarter = quarter_label(sheet.reporting_period);

  DocumentInfo info;
  info.kind = "diary-sheet";
  info.title = parts::running_title(title, organization);
  info.author = profile.agency;
  info.subject = title + ", " + parts::period_text(sheet.reporting_period);
  info.keywords = "alliance-diary-sheet, " + profile.profile;
  info.footer = parts::footer_text({title, organization, quarter});
  Letterhead head = parts::alliance_letterhead(profile);
  if (sheet.date_submitted.present())
    head.aside.push_back("Submitted " + text::long_date(*sheet.date_submitted));
  info.letterhead = std::move(head);
  Document doc(info, options);

  doc.heading(title);
  ParagraphStyle subtitle;
  subtitle.muted = true;
  subtitle.space_after = 10;
  std::vector<std::string> lines;
  if (sheet.alliance_name.present()) lines.push_back(*sheet.alliance_name);
  lines.push_back("Reporting period " + parts::period_text(sheet.reporting_period) +
                  (quarter.empty() ? "" : " (" + quarter + ")"));
  doc.paragraph(parts::joined(lines, "\n"), subtitle);

  header_block(doc, sheet, profile);

  parts::keep_together(doc, parts::table_space(sheet.activities.rows.size() + 1, 36));
  doc.heading("Alliance Activities", 2);
  if (sheet.activities.empty()) {
    doc.paragraph("No activities are reported for this period.");
  } else {
    const bool emphasis =
        profile.activity_emphasis_required ||
        std::any_of(sheet.activities.rows.begin(), sheet.activities.rows.end(),
                    [](const model::Activity& a) { return !a.emphasis.absent(); });
    parts::activity_table(doc, sheet.activities.rows, emphasis, parts::emphasis_title(profile));
  }
  dates_of_contact(doc, sheet);
  return doc.finish();
}

}  // namespace pipeline::render
