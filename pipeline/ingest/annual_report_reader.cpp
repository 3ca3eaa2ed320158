// alliance-annual-report (formats.md §5): tree -> model::AnnualReport.
#include "pipeline/ingest/form_readers.hpp"

#include "pipeline/ingest/alliance_parts.hpp"

namespace pipeline::ingest {

namespace {

model::Container<model::TeamMember> read_members(pugi::xml_node parent, const char* name,
                                                 Reader& reader) {
  const pugi::xml_node node = reader.once(parent, name);
  auto out = container_at<model::TeamMember>(parent, node, name, reader);
  reader.known(node, {"member"});
  for (const pugi::xml_node row : reader.rows(node, "member")) {
    model::TeamMember& member = out.rows.emplace_back();
    member.location = reader.path(row);
    reader.known(row, {"name", "organization"});
    member.name = reader.text(row, "name", Need::Required);
    member.organization = reader.text(row, "organization", Need::Required);
  }
  return out;
}

model::AllianceBackground read_background(pugi::xml_node root, Reader& reader) {
  model::AllianceBackground out;
  const pugi::xml_node node = reader.once(root, "alliance-background");
  out.present = static_cast<bool>(node);
  out.location = node ? reader.path(node) : reader.child_path(root, "alliance-background");
  // Absent children keep their would-be locations for ANNUAL-SECTIONS.
  reader.known(node, {"alliance-name", "initial-date-signed", "date-renewed", "overview",
                      "implementation-team-members", "contributors", "evaluation-period"});
  out.alliance_name = reader.text(node, "alliance-name");
  out.initial_date_signed = reader.date(node, "initial-date-signed");
  out.date_renewed = reader.date(node, "date-renewed");
  out.overview = reader.text(node, "overview");
  out.implementation_team_members = read_members(node, "implementation-team-members", reader);
  out.contributors = read_members(node, "contributors", reader);
  out.evaluation_period = read_period(node, "evaluation-period", Need::Optional, reader);
  if (!node) {
    const std::string base = out.location + "/";
    // A form's fields are named whole ("alliance-background.overview (page 1)").
    const auto at = [&](const char* name) {
      return reader.form() ? reader.child_path(root, "alliance-background." + std::string(name))
                           : core::Location(base + name);
    };
    out.alliance_name.location = at("alliance-name");
    out.initial_date_signed.location = at("initial-date-signed");
    out.date_renewed.location = at("date-renewed");
    out.overview.location = at("overview");
    out.implementation_team_members.location = at("implementation-team-members");
    out.contributors.location = at("contributors");
    out.evaluation_period.location = at("evaluation-period");
  }
  return out;
}

model::Container<model::Meeting> read_meetings(pugi::xml_node root, Reader& reader) {
  const pugi::xml_node node = reader.once(root, "implementation-team-meetings");
  auto out = container_at<model::Meeting>(root, node, "implementation-team-meetings", reader);
  reader.known(node, {"meeting"});
  for (const pugi::xml_node row : reader.rows(node, "meeting")) {
    model::Meeting& meeting = out.rows.emplace_back();
    meeting.location = reader.path(row);
    reader.known(row, {"date", "location", "type"});
    meeting.date = reader.date(row, "date", Need::Required);
    meeting.location_name = reader.text(row, "location", Need::Required);
    meeting.type = reader.one_of(row, "type", Need::Required,
                                 {"in-person", "conference-call", "video-conference"});
  }
  return out;
}

model::PreparedBy read_prepared_by(pugi::xml_node root, Reader& reader) {
  model::PreparedBy out;
  const pugi::xml_node node = reader.once(root, "prepared-by");
  out.present = static_cast<bool>(node);
  out.location = node ? reader.path(node) : reader.child_path(root, "prepared-by");
  if (!node) return out;
  reader.known(node, {}, {"role"});
  out.name = reader.own_text(node);
  out.role = reader.convert<std::string>(
      reader.attribute(node, "role", Need::Required),
      [](std::string_view v) -> std::optional<std::string> {
        if (v == "liaison" || v == "member" || v == "coordinator" || v == "mcps")
          return std::string(v);
        return std::nullopt;
      },
      "one of liaison, member, coordinator, mcps");
  return out;
}

}  // namespace

model::AnnualReport read_annual_report(pugi::xml_node root, Reader& reader) {
  model::AnnualReport report;
  report.location = reader.path(root);
  reader.known(root,
               {"report-date", "alliance-background", "implementation-team-meetings",
                "events-and-products", "upcoming-milestones", "prepared-by", "goals-and-objectives",
                "measures-of-reach-and-impact", "work-plan"},
               {"profile", "alliance-type", "level", "version"});
  report.alliance_type = read_alliance_type(root, reader);
  report.level = reader.attribute(root, "level");
  report.report_date = reader.date(root, "report-date");
  report.alliance_background = read_background(root, reader);
  report.implementation_team_meetings = read_meetings(root, reader);

  const pugi::xml_node events = reader.once(root, "events-and-products");
  report.events_and_products =
      container_at<model::Activity>(root, events, "events-and-products", reader);
  reader.known(events, {"activity"});
  for (const pugi::xml_node row : reader.rows(events, "activity"))
    report.events_and_products.rows.push_back(read_activity(row, reader));

  report.upcoming_milestones = read_text_rows(root, "upcoming-milestones", "milestone", reader);
  report.prepared_by = read_prepared_by(root, reader);
  report.goals_and_objectives = reader.text(root, "goals-and-objectives");
  report.measures_of_reach_and_impact = reader.text(root, "measures-of-reach-and-impact");
  report.work_plan = read_text_rows(root, "work-plan", "item", reader);
  return report;
}

}  // namespace pipeline::ingest
