#include "pipeline/render/annual_report_document.hpp"

#include <utility>
#include <vector>

#include "pipeline/render/form_parts.hpp"
#include "pipeline/render/layout.hpp"
#include "pipeline/text/format.hpp"

namespace pipeline::render {

namespace {

using parts::text_of;
using Rows = std::vector<std::vector<Cell>>;

ParagraphStyle muted() {
  ParagraphStyle style;
  style.muted = true;
  return style;
}

// "Partner", "Standard (national)".
// "Partner", "Standard (national)"; the program's default type when the report names none, and
// no level for a program without levels.
std::string alliance_type_text(const model::AnnualReport& report,
                               const model::AllianceProfile& profile) {
  std::string text = text_of(report.alliance_type);
  if (report.alliance_type.present())
    text = parts::word_label(*report.alliance_type);
  else if (report.alliance_type.absent() && profile.alliance_types.default_word)
    text = parts::word_label(*profile.alliance_types.default_word);
  if (report.level.present() && !profile.levels.allowed.empty()) text += " (" + *report.level + ")";
  return text;
}

std::string meeting_type(const core::Field<std::string>& type) {
  return type.present() ? parts::word_label(*type) : text_of(type);
}

std::string role_text(const std::string& role, const model::AllianceProfile& profile) {
  if (role == "liaison") return profile.agency_short + " alliance liaison";
  if (role == "member") return "alliance member";
  if (role == "coordinator") return "Alliance Coordinator";
  if (role == "mcps") return profile.agency_short + " Cooperative Programs Specialist";
  return role;
}

void team_table(Document& doc, const std::vector<model::TeamMember>& members) {
  Rows rows;
  for (const model::TeamMember& member : members)
    rows.push_back({Cell(text_of(member.name)), Cell(text_of(member.organization))});
  doc.table({{"Name", 2}, {"Organization", 3}}, rows);
}

void text_section(Document& doc, const char* heading, int level,
                  const core::Field<std::string>& text, const char* missing) {
  parts::keep_together(doc, 70);
  doc.heading(heading, level);
  if (text.present())
    doc.paragraph(*text);
  else
    doc.paragraph(missing, muted());
}

void background(Document& doc, const model::AnnualReport& report,
                const model::AllianceProfile& profile, bool state_content) {
  const model::AllianceBackground& bg = report.alliance_background;
  doc.heading("I. Alliance Background", 2);
  doc.key_values(
      {{"Alliance Name", text_of(bg.alliance_name)},
       {"Alliance Type", alliance_type_text(report, profile)},
       {"Date Signed", parts::long_date_of(bg.initial_date_signed) + " (initial signing); " +
                           (bg.date_renewed.absent()
                                ? std::string("not renewed")
                                : "most recent renewal " + parts::long_date_of(bg.date_renewed))}});
  text_section(doc, "Overview", 3, bg.overview, "No overview was given.");
  if (state_content || !report.goals_and_objectives.absent())
    text_section(doc, "Goals and Objectives", 3, report.goals_and_objectives,
                 "No goals and objectives were given.");

  parts::keep_together(doc, parts::table_space(bg.implementation_team_members.rows.size(), 18));
  doc.heading("Implementation Team Members", 3);
  if (bg.implementation_team_members.empty())
    doc.paragraph("No implementation team members were listed.", muted());
  else
    team_table(doc, bg.implementation_team_members.rows);

  parts::keep_together(doc, parts::table_space(bg.contributors.rows.size(), 18));
  doc.heading("Contributors", 3);
  if (bg.contributors.empty())
    doc.paragraph("No contributors outside the Implementation Team.", muted());
  else
    team_table(doc, bg.contributors.rows);

  parts::keep_together(doc, 60);
  doc.heading("Evaluation Period", 3);
  doc.paragraph(parts::period_text(bg.evaluation_period));
}

void meetings(Document& doc, const model::AnnualReport& report) {
  const auto& rows_in = report.implementation_team_meetings.rows;
  parts::keep_together(doc, parts::table_space(rows_in.size() + 1, 18));
  doc.heading("II. Implementation Team Meetings", 2);
  if (rows_in.empty()) {
    doc.paragraph("No Implementation Team meetings were held during the review period.");
    return;
  }
  Rows rows;
  for (const model::Meeting& meeting : rows_in)
    rows.push_back({Cell(parts::short_date_of(meeting.date)), Cell(text_of(meeting.location_name)),
                    Cell(meeting_type(meeting.type))});
  rows.push_back(
      {Cell("Total"),
       Cell(std::to_string(rows_in.size()) + (rows_in.size() == 1 ? " meeting" : " meetings")),
       Cell("")});
  TableOptions options;
  options.total_rows = 1;
  doc.table({{"Date", 1.15}, {"Location", 4}, {"Type", 1.6}}, rows, options);
}

void events(Document& doc, const model::AnnualReport& report,
            const model::AllianceProfile& profile) {
  const auto& activities = report.events_and_products.rows;
  parts::keep_together(doc, parts::table_space(activities.size() + 1, 36));
  doc.heading("III. Events and Products", 2);
  if (activities.empty()) {
    doc.paragraph("No events or products during the review period.");
    return;
  }
  bool emphasis = profile.activity_emphasis_required;
  for (const model::Activity& activity : activities)
    if (!activity.emphasis.absent()) emphasis = true;
  parts::activity_table(doc, activities, emphasis, parts::emphasis_title(profile));
}

void milestones(Document& doc, const model::AnnualReport& report) {
  parts::keep_together(doc, 80);
  doc.heading("V. Upcoming Milestones", 2);
  std::vector<std::string> items;
  for (const auto& milestone : report.upcoming_milestones.rows) items.push_back(text_of(milestone));
  if (items.empty())
    doc.paragraph("No milestones were listed for the next reporting period.", muted());
  else
    doc.bullets(items);
}

void work_plan(Document& doc, const model::AnnualReport& report) {
  parts::keep_together(doc, 80);
  doc.heading("Work Plan for the Reporting Year", 2);
  std::vector<std::string> items;
  for (const auto& item : report.work_plan.rows) items.push_back(text_of(item));
  if (items.empty())
    doc.paragraph("No work plan was attached.", muted());
  else
    doc.numbered(items);
}

}  // namespace

std::string render_annual_report(const model::AnnualReport& report,
                                 const model::AllianceProfile& profile,
                                 const RenderOptions& options) {
  const model::AllianceBackground& bg = report.alliance_background;
  const std::string title = profile.agency_short + " Annual Alliance Report";
  const std::string alliance = bg.alliance_name.present() ? *bg.alliance_name : std::string();
  const bool state_content = profile.annual_report.kind == model::AnnualReportKind::State;

  DocumentInfo info;
  info.kind = "annual-report";
  info.title = parts::running_title(title, alliance);
  info.author = profile.agency;
  info.subject = title + ", " + parts::period_text(bg.evaluation_period);
  info.keywords = "alliance-annual-report, " + profile.profile;
  std::string year;
  if (bg.evaluation_period.end.present()) year = std::to_string(bg.evaluation_period.end->year());
  info.footer = parts::footer_text({title, alliance, year});
  Letterhead head = parts::alliance_letterhead(profile);
  info.letterhead = std::move(head);
  Document doc(info, options);

  doc.heading(title);
  ParagraphStyle subtitle = muted();
  subtitle.space_after = 10;
  doc.paragraph(parts::long_date_of(report.report_date), subtitle);

  background(doc, report, profile, state_content);
  meetings(doc, report);
  events(doc, report, profile);
  if (state_content || !report.measures_of_reach_and_impact.absent())
    text_section(doc, "Measures of Reach and Impact", 2, report.measures_of_reach_and_impact,
                 "No measures of reach and impact were given.");
  milestones(doc, report);
  if (state_content || report.work_plan.present) work_plan(doc, report);

  if (report.prepared_by.present && report.prepared_by.name.present()) {
    doc.space(6);
    doc.rule();
    std::string by = "Prepared by " + *report.prepared_by.name;
    if (report.prepared_by.role.present())
      by += ", " + role_text(*report.prepared_by.role, profile);
    if (report.report_date.present()) by += ", on " + text::long_date(*report.report_date);
    doc.paragraph(by + ".");
  }
  return doc.finish();
}

}  // namespace pipeline::render
