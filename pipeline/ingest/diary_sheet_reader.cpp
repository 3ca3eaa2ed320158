// alliance-diary-sheet (formats.md §4): tree -> model::DiarySheet.
#include "pipeline/ingest/form_readers.hpp"

#include "pipeline/ingest/alliance_parts.hpp"

namespace pipeline::ingest {

namespace {

model::Contact read_contact(pugi::xml_node row, Reader& reader) {
  model::Contact out;
  out.location = reader.path(row);
  reader.known(row, {"date-of-contact", "description"});
  out.date_of_contact = reader.date(row, "date-of-contact", Need::Required);
  out.description = reader.text(row, "description");
  return out;
}

}  // namespace

model::DiarySheet read_diary_sheet(pugi::xml_node root, Reader& reader) {
  model::DiarySheet sheet;
  sheet.location = reader.path(root);
  reader.known(root,
               {"reporting-period", "alliance-name", "name-of-organization", "address", "city",
                "state", "zip-code", "contact-person", "title", "telephone-number", "email",
                "liaison", "date-submitted", "activities", "dates-of-contact"},
               {"profile", "alliance-type", "level", "version"});
  sheet.alliance_type = read_alliance_type(root, reader);
  sheet.level = reader.attribute(root, "level");
  sheet.reporting_period = read_period(root, "reporting-period", Need::Required, reader);
  sheet.alliance_name = reader.text(root, "alliance-name");
  // The App A header: absence is DIARY-HEADER's (or DIARY-HEADER-OTHER's), not FORMAT-REQUIRED.
  sheet.name_of_organization = reader.text(root, "name-of-organization");
  sheet.address = reader.text(root, "address");
  sheet.city = reader.text(root, "city");
  sheet.state = reader.typed<std::string>(root, "state", Need::Optional, parse_state,
                                          "a two-letter state code (e.g. MI)");
  sheet.zip_code = reader.typed<std::string>(root, "zip-code", Need::Optional, parse_zip,
                                             "a ZIP code (12345 or 12345-6789)");
  sheet.contact_person = reader.text(root, "contact-person");
  sheet.title = reader.text(root, "title");
  sheet.telephone_number =
      reader.typed<std::string>(root, "telephone-number", Need::Optional, parse_telephone,
                                "a telephone number with area code");
  sheet.email =
      reader.typed<std::string>(root, "email", Need::Optional, parse_email, "an e-mail address");
  sheet.liaison = reader.text(root, "liaison");
  sheet.date_submitted = reader.date(root, "date-submitted");

  const pugi::xml_node activities = reader.once(root, "activities");
  sheet.activities = container_at<model::Activity>(root, activities, "activities", reader);
  reader.known(activities, {"activity"});
  for (const pugi::xml_node row : reader.rows(activities, "activity"))
    sheet.activities.rows.push_back(read_activity(row, reader));

  const pugi::xml_node contacts = reader.once(root, "dates-of-contact");
  sheet.dates_of_contact = container_at<model::Contact>(root, contacts, "dates-of-contact", reader);
  reader.known(contacts, {"contact"});
  for (const pugi::xml_node row : reader.rows(contacts, "contact"))
    sheet.dates_of_contact.rows.push_back(read_contact(row, reader));
  return sheet;
}

}  // namespace pipeline::ingest
