#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "pipeline/core/error.hpp"
#include "pipeline/ingest/alliance_parts.hpp"
#include "pipeline/ingest/alliance_profile_loader.hpp"
#include "pipeline/ingest/ingest.hpp"

using namespace pipeline;

namespace {

const std::filesystem::path kSource = FORMPIPE_SOURCE_DIR;

ingest::Ingested from_sample(const std::string& name) {
  return ingest::ingest_path(kSource / "samples" / name, {});
}

ingest::Ingested from_xml(const std::string& xml) {
  return ingest::ingest_xml(xml, "test.xml", {});
}

std::vector<std::string> rules_and_locations(const ingest::Ingested& in) {
  std::vector<std::string> out;
  for (const auto& f : in.findings) out.push_back(f.rule + " " + f.location);
  return out;
}

template <class Model>
const Model& form_of(const ingest::Ingested& in) {
  REQUIRE(in.submission);
  REQUIRE(std::holds_alternative<Model>(in.submission->form));
  return std::get<Model>(in.submission->form);
}

// A field's state and value as text, for comparing a CSV twin with its XML (locations differ).
template <class T, class Show>
std::string show(const core::Field<T>& field, Show value) {
  if (field.absent()) return "absent";
  if (field.rejected()) return "rejected(" + field.raw + ")";
  return value(*field.value);
}
std::string show(const core::Field<std::string>& field) {
  return show(field, [](const std::string& v) { return v; });
}
std::string show(const core::Field<core::Date>& field) {
  return show(field, [](const core::Date& v) { return v.iso(); });
}
std::string show(const core::Field<std::int64_t>& field) {
  return show(field, [](std::int64_t v) { return std::to_string(v); });
}

std::string describe(const model::DiarySheet& sheet) {
  std::ostringstream out;
  out << show(sheet.alliance_type) << '|' << show(sheet.level) << '|'
      << sheet.reporting_period.present << show(sheet.reporting_period.start) << '|'
      << show(sheet.reporting_period.end) << '\n';
  for (const auto* field : {&sheet.alliance_name, &sheet.name_of_organization, &sheet.address,
                            &sheet.city, &sheet.state, &sheet.zip_code, &sheet.contact_person,
                            &sheet.title, &sheet.telephone_number, &sheet.email, &sheet.liaison})
    out << show(*field) << '|';
  out << show(sheet.date_submitted) << '\n';
  out << "activities " << sheet.activities.present << ' ' << sheet.activities.rows.size() << '\n';
  for (const auto& a : sheet.activities.rows)
    out << show(a.date) << '|' << show(a.event_or_product_type) << '|'
        << show(a.description_comments) << '|' << show(a.emphasis) << '|' << show(a.number_reached)
        << '\n';
  out << "contacts " << sheet.dates_of_contact.present << ' ' << sheet.dates_of_contact.rows.size()
      << '\n';
  for (const auto& c : sheet.dates_of_contact.rows)
    out << show(c.date_of_contact) << '|' << show(c.description) << '\n';
  return out.str();
}

std::string read_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// The valid diary bundle with one file replaced (or added).
ingest::Bundle diary_bundle_with(const std::string& file, const std::string& content) {
  const auto folder = kSource / "samples" / "alliance-diary-sheet.valid.bundle";
  ingest::Bundle bundle{"alliance-diary-sheet.valid.bundle", {}};
  for (const auto& entry : std::filesystem::directory_iterator(folder))
    bundle.files[entry.path().filename().string()] = read_text(entry.path());
  bundle.files[file] = content;
  return bundle;
}

}  // namespace

TEST_CASE("every alliance and letter sample reads with only the FORMAT findings it implies",
          "[ingest][alliance][samples]") {
  struct Case {
    std::string sample;
    std::vector<std::string> findings;
  };
  const auto c = GENERATE(values<Case>({
      {"alliance-diary-sheet.valid.xml", {}},
      {"alliance-diary-sheet.valid.csv", {}},
      {"alliance-diary-sheet.valid.bundle", {}},
      {"alliance-diary-sheet.invalid.late-out-of-period-not-numeric.xml",
       {"ACTIVITY-NUMBER-REACHED alliance-diary-sheet/activities/activity[2]/number-reached"}},
      {"alliance-diary-sheet.warning.no-activities-no-contacts.xml", {}},
      {"alliance-diary-sheet.osha-national-biannual.valid.xml", {}},
      {"alliance-diary-sheet.invalid.osha-biannual-wrong-window-late.xml", {}},
      {"alliance-annual-report.valid.xml", {}},
      {"alliance-annual-report.invalid.calosha-missing-work-plan-few-meetings.xml",
       {"ACTIVITY-NUMBER-REACHED "
        "alliance-annual-report/events-and-products/activity[2]/number-reached"}},
      {"alliance-agreement.valid.xml", {}},
      {"alliance-agreement.calosha-renewal.valid.xml", {}},
      {"alliance-agreement.osha-national.valid.xml", {}},
      {"alliance-agreement.invalid.miosha-no-shp-enforcement-six-years.xml", {}},
      {"alliance-agreement.invalid.iowa-ambassador-no-worker-rep-three-years.xml", {}},
      {"alliance-agreement.warning.osha-ambassador-without-renewal.xml", {}},
      {"alliance-agreement.invalid.osha-region-consulate-tribe-late-kickoff.xml", {}},
      {"declination-letter.valid.xml", {}},
      {"declination-letter.invalid.received-after-letter-ohio-no-zip.xml", {}},
      {"expiration-termination-letter.valid.xml", {}},
      {"expiration-termination-letter.invalid.expiration-three-year-not-yet-expired.xml", {}},
      {"expiration-termination-letter.invalid.termination-bad-reason-short-notice.xml",
       {"LETTER-TERMINATION-REASON expiration-termination-letter/termination-reason/@code"}},
  }));
  CAPTURE(c.sample);
  const auto in = from_sample(c.sample);
  CHECK_FALSE(in.unreadable);
  CHECK(in.submission.has_value());
  CHECK(rules_and_locations(in) == c.findings);
}

TEST_CASE("the samples' values reach the models", "[ingest][alliance][samples]") {
  const auto diary = from_sample("alliance-diary-sheet.valid.xml");
  const auto& sheet = form_of<model::DiarySheet>(diary);
  CHECK(*sheet.alliance_type == "partner");
  CHECK(sheet.reporting_period.end->iso() == "2025-09-30");
  CHECK(*sheet.contact_person == "Ignacio Herrera Núñez");
  REQUIRE(sheet.activities.rows.size() == 4);
  CHECK(*sheet.activities.rows[1].number_reached == 1150);
  CHECK(sheet.activities.rows[1].location == "alliance-diary-sheet/activities/activity[2]");
  CHECK_FALSE(sheet.dates_of_contact.present);

  const auto late = from_sample("alliance-diary-sheet.invalid.late-out-of-period-not-numeric.xml");
  const auto& late_sheet = form_of<model::DiarySheet>(late);
  CHECK(late_sheet.email.absent());  // DIARY-HEADER's, not ingest's
  CHECK(late_sheet.activities.rows[1].number_reached.rejected());
  CHECK(*late_sheet.activities.rows[2].event_or_product_type == "podcast");  // kept as written
  CHECK_THAT(late.findings.at(0).message,
             Catch::StartsWith("Number reached for the 20") &&
                 Catch::EndsWith("activity must be a number, found \"about 40\"."));

  const auto empty = from_sample("alliance-diary-sheet.warning.no-activities-no-contacts.xml");
  const auto& empty_sheet = form_of<model::DiarySheet>(empty);
  CHECK(empty_sheet.activities.present);
  CHECK(empty_sheet.activities.empty());
  CHECK(empty_sheet.dates_of_contact.present);

  const auto annual = from_sample("alliance-annual-report.valid.xml");
  const auto& report = form_of<model::AnnualReport>(annual);
  CHECK(report.alliance_background.implementation_team_members.rows.size() == 3);
  CHECK(*report.alliance_background.contributors.rows[0].name == "Theresa Cho");
  CHECK(report.implementation_team_meetings.rows.size() == 4);
  CHECK(*report.implementation_team_meetings.rows[1].location_name == "Teleconference");
  CHECK(*report.prepared_by.role == "liaison");
  CHECK(report.upcoming_milestones.rows.size() == 3);
  CHECK(report.work_plan.location == "alliance-annual-report/work-plan");
  CHECK_FALSE(report.work_plan.present);

  const auto calosha = from_sample("alliance-agreement.calosha-renewal.valid.xml");
  const auto& agreement = form_of<model::AllianceAgreement>(calosha);
  CHECK(*agreement.action == model::AgreementAction::Renewal);
  CHECK(agreement.alliance_type.absent());
  REQUIRE(agreement.organizations.rows.size() == 2);
  CHECK(*agreement.organizations.rows[1].signatories.at(0).name == "María Elena Ruiz Ochoa");
  CHECK(*agreement.agency_signatories.rows.at(0).role == "chief");
  CHECK(*agreement.worker_representation.rows.at(0).value == "community-labor-group");
  CHECK(agreement.criteria_addressed.rows.size() == 3);
  CHECK(*agreement.criteria_addressed.rows[2].code == "10");
  CHECK(*agreement.term_years == 3);
  CHECK(agreement.history.previous_expiration_date->iso() == "2025-05-10");

  const auto osha = from_sample("alliance-agreement.osha-national.valid.xml");
  const auto& national = form_of<model::AllianceAgreement>(osha);
  CHECK(*national.level == "national");
  CHECK(national.implementation_team.kick_off_meeting->iso() == "2025-03-11");
  CHECK(national.clearances.rows.size() == 2);
  CHECK(*national.raising_awareness.rows[0].measurable);
  CHECK(national.raising_awareness.rows[1].measurable.absent());

  const auto ambassador =
      from_sample("alliance-agreement.warning.osha-ambassador-without-renewal.xml");
  CHECK(form_of<model::AllianceAgreement>(ambassador).term_years.absent());

  const auto termination =
      from_sample("expiration-termination-letter.invalid.termination-bad-reason-short-notice.xml");
  const auto& letter = form_of<model::ExpirationTerminationLetter>(termination);
  CHECK(*letter.ending == model::LetterEnding::Termination);
  CHECK(letter.termination_reason.present);
  CHECK(letter.termination_reason.code.rejected());
  CHECK(*letter.terminated_by == model::TerminatedBy::Member);

  const auto decline =
      from_sample("declination-letter.invalid.received-after-letter-ohio-no-zip.xml");
  const auto& declination = form_of<model::DeclinationLetter>(decline);
  CHECK(declination.addressee.zip_code.absent());
  CHECK(declination.addressee.zip_code.location == "declination-letter/addressee/zip-code");
  CHECK(*declination.addressee.state == "OH");
  REQUIRE(declination.reasons.size() == 1);
  CHECK(*declination.reasons[0].code == "other");
}

TEST_CASE("the diary sheet's CSV twins read into the same model as its XML",
          "[ingest][alliance][csv]") {
  const auto xml = from_sample("alliance-diary-sheet.valid.xml");
  const std::string expected = describe(form_of<model::DiarySheet>(xml));
  for (const char* twin : {"alliance-diary-sheet.valid.csv", "alliance-diary-sheet.valid.bundle"}) {
    CAPTURE(twin);
    const auto csv = from_sample(twin);
    CHECK(describe(form_of<model::DiarySheet>(csv)) == expected);
    CHECK(csv.profile == "miosha");
  }
  const auto single = from_sample("alliance-diary-sheet.valid.csv");
  CHECK(form_of<model::DiarySheet>(single).activities.rows[2].location ==
        "alliance-diary-sheet/activities/activity[3] (alliance-diary-sheet.valid.csv row 4)");
}

TEST_CASE("a bad CSV value is reported by its rule at the XML path and the CSV row",
          "[ingest][alliance][csv]") {
  const auto in =
      ingest::ingest_bundle(diary_bundle_with("activities.csv",
                                              "date,event-or-product-type,number-reached,remarks\n"
                                              "2025-07-16,training,\"1,200\",\n"
                                              "2025-08-05,newsletter,lots,x\n"
                                              "2025-08-21,exhibit,310,\n"),
                            {});
  CHECK(rules_and_locations(in) ==
        std::vector<std::string>{
            "FORMAT-UNKNOWN alliance-diary-sheet/activities/activity[1]/remarks (activities.csv "
            "row 2)",
            "ACTIVITY-NUMBER-REACHED alliance-diary-sheet/activities/activity[2]/number-reached "
            "(activities.csv row 3)"});
  const auto& sheet = form_of<model::DiarySheet>(in);
  CHECK(*sheet.activities.rows[0].number_reached == 1200);
  CHECK(sheet.activities.rows[1].number_reached.raw == "lots");
}

TEST_CASE("single-file diary sheets: header columns repeat, row kinds are known",
          "[ingest][alliance][csv]") {
  const std::string head =
      "form-kind,profile,alliance-type,period-start,period-end,city,row-kind,date,"
      "description-comments\n";
  const auto differs = ingest::ingest_csv(
      head +
          "alliance-diary-sheet,miosha,partner,2025-07-01,2025-09-30,Lansing,activity,2025-07-02,"
          "a\n"
          "alliance-diary-sheet,miosha,partner,2025-07-01,2025-09-30,Flint,activity,2025-07-03,b\n",
      "d.csv", {});
  CHECK(differs.unreadable);
  CHECK(differs.findings.at(0).rule == "FORMAT-CSV");
  CHECK_THAT(differs.findings.at(0).message,
             Catch::Contains("d.csv row 3") && Catch::Contains("city") && Catch::Contains("Flint"));

  const auto contacts = ingest::ingest_csv(
      head +
          "alliance-diary-sheet,miosha,affiliate,2025-07-01,2025-09-30,,contact,2025-08-01,"
          "call with the liaison\n",
      "c.csv", {});
  CHECK_FALSE(contacts.unreadable);
  CHECK(contacts.findings.empty());
  const auto& sheet = form_of<model::DiarySheet>(contacts);
  CHECK(*sheet.alliance_type == "affiliative");
  CHECK(sheet.alliance_type.raw == "affiliate");
  CHECK_FALSE(sheet.activities.present);
  REQUIRE(sheet.dates_of_contact.rows.size() == 1);
  CHECK(*sheet.dates_of_contact.rows[0].description == "call with the liaison");
  CHECK(sheet.dates_of_contact.rows[0].date_of_contact->iso() == "2025-08-01");

  const auto extra = ingest::ingest_csv(
      "form-kind,profile,period-start,period-end,row-kind,date,emphasis,weather\n"
      "alliance-diary-sheet,iowa,2025-07-01,2025-09-30,header,,,\n"
      "alliance-diary-sheet,iowa,2025-07-01,2025-09-30,contact,2025-08-01,Falls,sunny\n",
      "x.csv", {});
  CHECK(rules_and_locations(extra) ==
        std::vector<std::string>{
            "FORMAT-UNKNOWN alliance-diary-sheet/weather (x.csv row 2)",
            "FORMAT-UNKNOWN alliance-diary-sheet/dates-of-contact/contact[1]/emphasis (x.csv row "
            "3)"});

  const auto odd_kind = ingest::ingest_csv(
      head + "alliance-diary-sheet,miosha,partner,2025-07-01,2025-09-30,,note,,\n", "k.csv", {});
  CHECK(odd_kind.unreadable);
  CHECK_THAT(odd_kind.findings.at(0).message, Catch::Contains("row-kind"));

  const auto missing = ingest::ingest_csv("form-kind,profile,period-start,row-kind\n", "m.csv", {});
  CHECK(missing.unreadable);
  CHECK_THAT(missing.findings.at(0).message, Catch::Contains("period-end"));
}

TEST_CASE("number-reached accepts digits and digits grouped in threes, nothing else",
          "[ingest][alliance]") {
  CHECK(ingest::parse_number_reached("0") == 0);
  CHECK(ingest::parse_number_reached("1200") == 1200);
  CHECK(ingest::parse_number_reached("1,200") == 1200);
  CHECK(ingest::parse_number_reached("1,250,000") == 1250000);
  CHECK(ingest::parse_number_reached("999,999,999") == 999999999);
  for (const char* bad : {"", "about 40", "40+", "TBD", "12,00", "1,2000", ",200", "1,200,",
                          "1,000,000,000", "1.200", "-5", "1 200", "1234,567", "1000000000"}) {
    CAPTURE(bad);
    CHECK_FALSE(ingest::parse_number_reached(bad));
  }
}

TEST_CASE("alliance-type affiliate is read as affiliative; the word is never judged by ingest",
          "[ingest][alliance]") {
  const auto in = from_xml(
      "<alliance-agreement profile=\"miosha\" alliance-type=\"affiliate\"><organizations>"
      "<organization><name>A</name><organization-type>business</organization-type>"
      "</organization></organizations><term-years>5</term-years></alliance-agreement>");
  CHECK(in.findings.empty());
  const auto& agreement = form_of<model::AllianceAgreement>(in);
  CHECK(*agreement.alliance_type == "affiliative");
  CHECK(agreement.alliance_type.raw == "affiliate");
  CHECK(agreement.alliance_type.location == "alliance-agreement/@alliance-type");

  const auto odd = from_xml(
      "<alliance-annual-report profile=\"iowa\" alliance-type=\"gold\" level=\"galactic\"/>");
  CHECK(odd.findings.empty());  // ALLIANCE-TYPE and ALLIANCE-LEVEL are the rules'
  const auto& report = form_of<model::AnnualReport>(odd);
  CHECK(*report.alliance_type == "gold");
  CHECK(*report.level == "galactic");
}

TEST_CASE("termination reasons: an unknown code is LETTER-TERMINATION-REASON, not FORMAT-TYPE",
          "[ingest][alliance][letters]") {
  auto letter = [](const std::string& reason) {
    return from_xml("<expiration-termination-letter profile=\"miosha\" ending=\"termination\">" +
                    reason + "</expiration-termination-letter>");
  };
  const auto unknown = letter("<termination-reason code=\"nonpayment\"/>");
  REQUIRE(unknown.findings.size() == 1);
  CHECK(unknown.findings[0].rule == "LETTER-TERMINATION-REASON");
  CHECK(unknown.findings[0].severity == core::Severity::Error);
  CHECK(unknown.findings[0].location == "expiration-termination-letter/termination-reason/@code");
  CHECK_THAT(unknown.findings[0].message, Catch::Contains("nonpayment"));

  const auto no_code = letter("<termination-reason/>");
  CHECK(rules_and_locations(no_code) ==
        std::vector<std::string>{
            "LETTER-TERMINATION-REASON expiration-termination-letter/termination-reason/@code"});

  const auto other = letter("<termination-reason code=\"other\"/>");
  CHECK(
      rules_and_locations(other) ==
      std::vector<std::string>{"FORMAT-REQUIRED expiration-termination-letter/termination-reason"});

  const auto written =
      letter("<termination-reason code=\"other\">The member merged.</termination-reason>");
  CHECK(written.findings.empty());
  CHECK(*form_of<model::ExpirationTerminationLetter>(written).termination_reason.text ==
        "The member merged.");

  const auto absent = letter("");
  CHECK(absent.findings.empty());  // the rule reports a missing reason, for terminations only
  const auto& model = form_of<model::ExpirationTerminationLetter>(absent);
  CHECK_FALSE(model.termination_reason.present);
  CHECK(model.termination_reason.code.absent());

  const auto no_ending = from_xml(
      "<expiration-termination-letter profile=\"miosha\" ending=\"lapse\">"
      "<terminated-by>board</terminated-by></expiration-termination-letter>");
  CHECK(rules_and_locations(no_ending) ==
        std::vector<std::string>{"FORMAT-TYPE expiration-termination-letter/@ending",
                                 "FORMAT-TYPE expiration-termination-letter/terminated-by"});
}

TEST_CASE("declination reasons need a known code, and text for other",
          "[ingest][alliance][letters]") {
  const auto in = from_xml(
      "<declination-letter profile=\"miosha\"><reason code=\"budget\"/><reason/>"
      "<reason code=\"other\"/><addressee><state>Michigan</state><zip-code>4891</zip-code>"
      "</addressee></declination-letter>");
  CHECK(rules_and_locations(in) == std::vector<std::string>{
                                       "FORMAT-TYPE declination-letter/addressee/state",
                                       "FORMAT-TYPE declination-letter/addressee/zip-code",
                                       "FORMAT-TYPE declination-letter/reason[1]/@code",
                                       "FORMAT-REQUIRED declination-letter/reason[2]/@code",
                                       "FORMAT-REQUIRED declination-letter/reason[3]",
                                   });
  const auto& letter = form_of<model::DeclinationLetter>(in);
  CHECK(letter.letter_date.absent());  // LETTER-FIELDS'
  CHECK(letter.addressee.name.absent());
}

TEST_CASE("agreement values are typed, required and unique as formats.md §6 says",
          "[ingest][alliance]") {
  const auto in = from_xml(
      "<alliance-agreement profile=\"iowa\" action=\"extend\">"
      "<organizations><organization><name>A</name><organization-type>club</organization-type>"
      "<ein>381234567</ein><signatory><name>N</name></signatory></organization></organizations>"
      "<agency-signatories><signatory role=\"mayor\"><name>M</name></signatory>"
      "</agency-signatories>"
      "<raising-awareness><objective measurable=\"maybe\" model=\"shp-training\">x</objective>"
      "</raising-awareness>"
      "<worker-representation><means>other</means><means>petition</means>"
      "</worker-representation>"
      "<criteria-addressed><criterion code=\"4\">c</criterion><criterion code=\"k\">k</criterion>"
      "</criteria-addressed>"
      "<clearances><clearance>sol</clearance></clearances>"
      "<signing-date>2025-01-01</signing-date><signing-date>2025-01-02</signing-date>"
      "<point-of-contact><email>nobody</email></point-of-contact>"
      "<history><renewal-signing-date>2024-13-01</renewal-signing-date></history>"
      "<mascot/></alliance-agreement>");
  CHECK(rules_and_locations(in) ==
        std::vector<std::string>{
            "FORMAT-UNKNOWN alliance-agreement/mascot",
            "FORMAT-TYPE alliance-agreement/@action",
            "FORMAT-TYPE alliance-agreement/organizations/organization[1]/organization-type",
            "FORMAT-TYPE alliance-agreement/organizations/organization[1]/ein",
            "FORMAT-TYPE alliance-agreement/agency-signatories/signatory[1]/@role",
            "FORMAT-REQUIRED alliance-agreement/agency-signatories/signatory[1]/title",
            "FORMAT-TYPE alliance-agreement/raising-awareness/objective[1]/@measurable",
            "FORMAT-TYPE alliance-agreement/raising-awareness/objective[1]/@model",
            "FORMAT-REQUIRED alliance-agreement/worker-representation/means[1]/@detail",
            "FORMAT-TYPE alliance-agreement/worker-representation/means[2]",
            "FORMAT-TYPE alliance-agreement/criteria-addressed/criterion[1]/@code",
            "FORMAT-DUPLICATE alliance-agreement/signing-date",
            "FORMAT-REQUIRED alliance-agreement/term-years",
            "FORMAT-TYPE alliance-agreement/history/renewal-signing-date[1]",
            "FORMAT-TYPE alliance-agreement/clearances/clearance[1]",
            "FORMAT-TYPE alliance-agreement/point-of-contact/email",
        });
  const auto& agreement = form_of<model::AllianceAgreement>(in);
  CHECK(agreement.organizations.rows[0].signatories[0].title.absent());  // the rule's
  CHECK(*agreement.criteria_addressed.rows[1].code == "k");
  CHECK(agreement.signing_date->iso() == "2025-01-01");

  const auto empty = from_xml(
      "<alliance-agreement profile=\"osha\" alliance-type=\"ambassador\">"
      "<organizations/></alliance-agreement>");
  CHECK(rules_and_locations(empty) ==
        std::vector<std::string>{"FORMAT-REQUIRED alliance-agreement/organizations/organization"});
  const auto none =
      from_xml("<alliance-agreement profile=\"miosha\" alliance-type=\"ambassador\"/>");
  CHECK(rules_and_locations(none) ==
        std::vector<std::string>{"FORMAT-REQUIRED alliance-agreement/organizations",
                                 "FORMAT-REQUIRED alliance-agreement/term-years"});
}

TEST_CASE("diary and annual report values are typed as formats.md §4–§5 say",
          "[ingest][alliance]") {
  const auto diary = from_xml(
      "<alliance-diary-sheet profile=\"miosha\" alliance-type=\"partner\">"
      "<reporting-period start=\"2025-07-01\"/><zip-code>ABCDE</zip-code>"
      "<telephone-number>555-0100</telephone-number><date-submitted>soon</date-submitted>"
      "<activities><activity><event-or-product-type>webinar</event-or-product-type>"
      "<number-reached>1,250,000</number-reached></activity></activities>"
      "<dates-of-contact><contact><description>d</description></contact></dates-of-contact>"
      "</alliance-diary-sheet>");
  CHECK(rules_and_locations(diary) ==
        std::vector<std::string>{
            "FORMAT-REQUIRED alliance-diary-sheet/reporting-period/@end",
            "FORMAT-TYPE alliance-diary-sheet/zip-code",
            "FORMAT-TYPE alliance-diary-sheet/telephone-number",
            "FORMAT-TYPE alliance-diary-sheet/date-submitted",
            "FORMAT-REQUIRED alliance-diary-sheet/activities/activity[1]/date",
            "FORMAT-REQUIRED alliance-diary-sheet/dates-of-contact/contact[1]/date-of-contact",
        });
  const auto& sheet = form_of<model::DiarySheet>(diary);
  CHECK(*sheet.activities.rows[0].number_reached == 1250000);
  CHECK(*sheet.activities.rows[0].event_or_product_type == "webinar");
  CHECK(sheet.name_of_organization.absent());

  const auto no_period = from_xml("<alliance-diary-sheet profile=\"osha\" level=\"national\"/>");
  CHECK(rules_and_locations(no_period) ==
        std::vector<std::string>{"FORMAT-REQUIRED alliance-diary-sheet/reporting-period"});

  const auto annual = from_xml(
      "<alliance-annual-report profile=\"calosha\">"
      "<implementation-team-meetings><meeting><date>2024-03-01</date><type>zoom</type></meeting>"
      "</implementation-team-meetings><prepared-by>Ana</prepared-by>"
      "<alliance-background><evaluation-period start=\"2024-01-01\" end=\"2024-12-31\"/>"
      "<implementation-team-members><member><name>B</name></member>"
      "</implementation-team-members></alliance-background></alliance-annual-report>");
  CHECK(
      rules_and_locations(annual) ==
      std::vector<std::string>{
          "FORMAT-REQUIRED "
          "alliance-annual-report/alliance-background/implementation-team-members/member[1]/"
          "organization",
          "FORMAT-REQUIRED alliance-annual-report/implementation-team-meetings/meeting[1]/location",
          "FORMAT-TYPE alliance-annual-report/implementation-team-meetings/meeting[1]/type",
          "FORMAT-REQUIRED alliance-annual-report/prepared-by/@role",
      });
  const auto& report = form_of<model::AnnualReport>(annual);
  CHECK(report.alliance_background.evaluation_period.start->iso() == "2024-01-01");
  CHECK(report.alliance_background.alliance_name.absent());
  CHECK(report.alliance_background.alliance_name.location ==
        "alliance-annual-report/alliance-background/alliance-name");
  CHECK_FALSE(report.events_and_products.present);
  CHECK(report.events_and_products.location == "alliance-annual-report/events-and-products");

  const auto bare = from_xml("<alliance-annual-report profile=\"miosha\"/>");
  CHECK(bare.findings.empty());  // every absence is an ANNUAL-* rule's
  const auto& bare_report = form_of<model::AnnualReport>(bare);
  CHECK(bare_report.alliance_background.overview.location ==
        "alliance-annual-report/alliance-background/overview");
  CHECK(bare_report.alliance_background.evaluation_period.location ==
        "alliance-annual-report/alliance-background/evaluation-period");
}

TEST_CASE("an annual report bundle builds the tree of the XML form", "[ingest][alliance][csv]") {
  ingest::Bundle bundle{
      "annual",
      {{"manifest.csv",
        "key,value\nform-kind,alliance-annual-report\nprofile,miosha\nalliance-type,partner\n"
        "file,background.csv\nfile,team.csv\nfile,meetings.csv\nfile,events-and-products.csv\n"
        "file,upcoming-milestones.csv\n"},
       {"background.csv",
        "report-date,alliance-name,initial-date-signed,overview,evaluation-period-start,"
        "evaluation-period-end,prepared-by,prepared-by-role\n"
        "2025-01-03,Tree Care Alliance,2022-04-12,Falls and cuts,2024-01-01,2024-12-31,"
        "Karen Lindqvist,liaison\n"},
       {"team.csv",
        "name,organization,list\nKaren Lindqvist,MIOSHA,implementation-team\n"
        "Philippe Lefèvre,Society,implementation-team\nTheresa Cho,MIOSHA CSHD,contributors\n"},
       {"meetings.csv", "date,location,type\n"},
       {"events-and-products.csv",
        "date,event-or-product-type,number-reached,notes\n2024-03-14,training,85,\n"
        "2024-05-08,conference,many,x\n"},
       {"upcoming-milestones.csv", "milestone\nQuick card\nTwo surveys\n"}}};
  const auto in = ingest::ingest_bundle(bundle, {});
  REQUIRE_FALSE(in.unreadable);
  CHECK(rules_and_locations(in) ==
        std::vector<std::string>{
            "FORMAT-UNKNOWN alliance-annual-report/events-and-products/activity[1]/notes "
            "(events-and-products.csv row 2)",
            "ACTIVITY-NUMBER-REACHED "
            "alliance-annual-report/events-and-products/activity[2]/number-reached "
            "(events-and-products.csv row 3)"});
  const auto& report = form_of<model::AnnualReport>(in);
  CHECK(*report.alliance_type == "partner");
  CHECK(report.report_date->iso() == "2025-01-03");
  CHECK(*report.alliance_background.alliance_name == "Tree Care Alliance");
  CHECK(report.alliance_background.evaluation_period.end->iso() == "2024-12-31");
  CHECK(report.alliance_background.implementation_team_members.rows.size() == 2);
  CHECK(*report.alliance_background.contributors.rows.at(0).name == "Theresa Cho");
  CHECK(report.implementation_team_meetings.present);  // listed, no rows: present and empty
  CHECK(report.implementation_team_meetings.empty());
  CHECK_FALSE(report.work_plan.present);  // not in the bundle: absent
  CHECK(*report.prepared_by.role == "liaison");
  CHECK(*report.upcoming_milestones.rows.at(1).value == "Two surveys");

  bundle.files["team.csv"] = "name,organization,list\nA,B,steering\n";
  const auto bad_list = ingest::ingest_bundle(bundle, {});
  CHECK(bad_list.unreadable);
  CHECK_THAT(bad_list.findings.at(0).message, Catch::Contains("team.csv row 2"));

  bundle.files["team.csv"] = "name,organization,list\n";
  bundle.files["background.csv"] += "2025-01-04,,,,,,,\n";
  const auto two_rows = ingest::ingest_bundle(bundle, {});
  CHECK(two_rows.unreadable);
  CHECK_THAT(two_rows.findings.at(0).message, Catch::Contains("exactly one"));
}

TEST_CASE("a diary bundle without header.csv is FORMAT-CSV", "[ingest][alliance][csv]") {
  ingest::Bundle bundle = diary_bundle_with("manifest.csv",
                                            "key,value\nform-kind,alliance-diary-sheet\n"
                                            "profile,miosha\nfile,activities.csv\n");
  bundle.files.erase("header.csv");
  const auto in = ingest::ingest_bundle(bundle, {});
  CHECK(in.unreadable);
  CHECK_THAT(in.findings.at(0).message, Catch::Contains("header.csv"));
}
