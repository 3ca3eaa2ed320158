#include <Poco/Zip/Compress.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/core/error.hpp"
#include "pipeline/ingest/bundle.hpp"
#include "pipeline/ingest/grant_parameters_loader.hpp"
#include "pipeline/ingest/ingest.hpp"

using namespace pipeline;
using model::GrantProposal;

namespace {

const std::filesystem::path kSource(FORMPIPE_SOURCE_DIR);
const std::filesystem::path kSamples = kSource / "samples";

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

const GrantProposal& proposal_of(const ingest::Ingested& result) {
  REQUIRE(result.submission);
  return std::get<GrantProposal>(result.submission->form);
}

ingest::Ingested from_xml(const std::string& xml) {
  return ingest::ingest_xml(xml, "test.xml", ingest::Options{});
}

// A proposal document holding `body`, with the given root attributes.
ingest::Ingested from_body(const std::string& body, const std::string& attributes = {}) {
  return from_xml("<cet-grant-proposal profile=\"cet-grant\"" + attributes + ">" + body +
                  "</cet-grant-proposal>");
}

ingest::Bundle sample_bundle() {
  auto read = ingest::read_folder_bundle(kSamples / "cet-grant-proposal.valid.bundle");
  REQUIRE(std::holds_alternative<ingest::Bundle>(read));
  return std::get<ingest::Bundle>(read);
}

std::vector<std::string> rules_of(const ingest::Ingested& result) {
  std::vector<std::string> rules;
  for (const auto& f : result.findings) rules.push_back(f.rule);
  return rules;
}

const core::Finding* finding(const ingest::Ingested& result, std::string_view rule) {
  for (const auto& f : result.findings)
    if (f.rule == rule) return &f;
  return nullptr;
}

// ---- a location-free dump of the whole model, to compare an XML and a CSV reading ----

std::string shown(const std::string& v) {
  return "\"" + v + "\"";
}
std::string shown(core::Money v) {
  return core::money_figure(v);
}
std::string shown(core::Quantity v) {
  return core::hundredths_figure(v);
}
std::string shown(core::Percent v) {
  return core::percent_value_text(v);
}
std::string shown(core::Rate v) {
  return core::rate_text(v);
}
std::string shown(core::Date v) {
  return v.iso();
}
std::string shown(std::int64_t v) {
  return std::to_string(v);
}
std::string shown(bool v) {
  return v ? "yes" : "no";
}
std::string shown(const std::set<int>& v) {
  std::string out;
  for (int m : v) out += std::to_string(m) + ",";
  return out;
}
std::string shown(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& w : v) out += w + ",";
  return out;
}
std::string shown(const model::Narrative& v) {
  return "text=" + shown(v.text) + " file=" + shown(v.file);
}
std::string shown(const model::Received& v) {
  return std::to_string(v.instant.seconds);
}
std::string shown(model::FiscalYear v) {
  return std::to_string(v.first_year);
}
template <class E>
auto shown(E v) -> std::enable_if_t<std::is_enum_v<E>, std::string> {
  return "#" + std::to_string(static_cast<int>(v));
}

template <class T>
std::string shown(const core::Field<T>& field) {
  switch (field.state) {
    case core::FieldState::Absent:
      return "absent";
    case core::FieldState::Rejected:
      return "rejected(" + field.raw + ")";
    case core::FieldState::Present:
      break;
  }
  return shown(*field);
}

class Dump {
 public:
  template <class T>
  void field(const char* name, const core::Field<T>& f) {
    out_ << name << "=" << shown(f) << "\n";
  }
  template <class T, class Each>
  void part(const char* name, const std::optional<T>& p, Each each) {
    out_ << name << (p ? " {\n" : " absent\n");
    if (p) {
      each(*p);
      out_ << "}\n";
    }
  }
  template <class T, class Each>
  void rows(const char* name, const std::vector<T>& rows, Each each) {
    out_ << name << " x" << rows.size() << "\n";
    for (const T& row : rows) {
      out_ << "[\n";
      each(row);
      out_ << "]\n";
    }
  }
  std::string str() const { return out_.str(); }

 private:
  std::ostringstream out_;
};

void dump_key_personnel(Dump& d, const model::KeyPersonnel& k) {
  d.rows("person", k.persons, [&](const model::Person& p) {
    d.field("name", p.name);
    d.field("position", p.position);
    d.field("role", p.role);
    d.field("institutional-base-salary", p.institutional_base_salary);
    d.field("resume", p.resume);
  });
}

void dump_table_a(Dump& d, const model::TableA& a) {
  d.rows("training-program", a.training_programs, [&](const model::TrainingProgram& t) {
    d.field("title", t.title_of_training_program);
    d.field("type", t.type_of_training);
    d.field("sessions", t.number_of_sessions);
    d.field("persons", t.number_of_persons);
    d.field("length", t.length_of_session);
    d.field("total-hours", t.total_hours);
    d.field("meetings", t.meetings_per_session);
  });
  d.rows("service-activity", a.service_activities, [&](const model::ServiceActivity& s) {
    d.field("type", s.type_of_service_activity);
    d.field("description", s.description);
    d.field("hours", s.number_of_hours_available);
    d.field("persons-per-contact", s.persons_per_contact);
  });
}

void dump_table_c(Dump& d, const model::TableC& c) {
  const auto line = [&](const char* name, const std::optional<model::TableCLine>& l) {
    d.part(name, l, [&](const model::TableCLine& x) {
      d.field("total-funds", x.total_funds);
      d.field("first", x.first);
      d.field("second", x.second);
      d.field("third", x.third);
      d.field("fourth", x.fourth);
    });
  };
  d.rows("category", c.categories, [&](const model::TableCCategory& cat) {
    d.field("number", cat.number);
    line("grant", cat.grant);
    line("matching", cat.matching);
  });
  d.part("total", c.total, [&](const model::TableCTotal& t) {
    line("grant", t.grant);
    line("matching", t.matching);
  });
}

void dump_table_d_line(Dump& d, const model::TableDLine& l) {
  d.field("funding", l.funding);
  d.field("in-kind", l.in_kind);
  d.field("lost-time", l.lost_time);
  d.field("out-of-state", l.out_of_state);
  d.field("prior-approval", l.prior_approval);
  d.field("position", l.position);
  d.field("salary-per-week", l.salary_per_week);
  d.field("number-of-weeks", l.number_of_weeks);
  d.field("type-of-benefit", l.type_of_benefit);
  d.field("total-salaries", l.total_salaries);
  d.field("formula-percent", l.formula_percent);
  d.field("number-of-miles", l.number_of_miles);
  d.field("amount-per-mile", l.amount_per_mile);
  d.field("number-of-nights", l.number_of_nights);
  d.field("amount-per-night", l.amount_per_night);
  d.field("taxes", l.taxes);
  d.field("meal", l.meal);
  d.field("number-of-meals", l.number_of_meals);
  d.field("amount-per-meal", l.amount_per_meal);
  d.field("number-of-months", l.number_of_months);
  d.field("monthly-amount", l.monthly_amount);
  d.rows("item", l.items, [&](const core::Field<std::string>& i) { d.field("item", i); });
  d.field("type-of-supplies", l.type_of_supplies);
  d.field("type-of-material", l.type_of_material);
  d.field("type-of-equipment", l.type_of_equipment);
  d.field("type-of-rental", l.type_of_rental);
  d.field("cost-per-item", l.cost_per_item);
  d.field("total-units", l.total_units);
  d.field("life-span-months", l.life_span_months);
  d.field("bids", l.bids);
  d.field("bid-explanation", l.bid_explanation);
  d.field("scope", l.scope_nature_of_contract);
  d.field("specify", l.specify);
  d.field("total-charged", l.total_charged);
}

std::string dump(const GrantProposal& p) {
  Dump d;
  d.field("fiscal-year", p.fiscal_year);
  d.field("stage", p.stage);
  d.field("received", p.received);
  d.part("signature-sheet", p.signature_sheet, [&](const model::SignatureSheet& s) {
    d.field("project-title", s.project_title);
    d.field("sponsoring-organization", s.sponsoring_organization);
    d.field("authorized-contact-person", s.authorized_contact_person);
    d.field("position-title", s.position_title);
    d.field("mailing-address", s.mailing_address);
    d.field("city", s.city);
    d.field("state", s.state);
    d.field("zip-code", s.zip_code);
    d.field("total", s.total_amount_of_cet_funds_requested);
    d.field("telephone-number", s.telephone_number);
    d.part("certification", s.certification_and_signature,
           [&](const model::CertificationAndSignature& c) {
             d.field("signature-of-official", c.signature_of_official);
             d.field("title", c.title);
             d.field("date", c.date);
           });
    d.part("statement-of-affiliation", s.statement_of_affiliation,
           [&](const model::StatementOfAffiliation& a) {
             d.rows("signer", a.signers, [&](const model::Signer& x) {
               d.field("authorized-signature", x.authorized_signature);
               d.field("organization", x.organization);
               d.field("date", x.date);
             });
           });
  });
  d.part("applicant", p.applicant, [&](const model::Applicant& a) {
    d.field("nonprofit", a.nonprofit);
    d.field("nonprofit-evidence", a.nonprofit_evidence);
    d.field("applicant-category", a.applicant_category);
    d.part("participating-organizations", a.participating_organizations,
           [&](const model::ParticipatingOrganizations& o) {
             d.rows("organization", o.organizations,
                    [&](const core::Field<std::string>& x) { d.field("organization", x); });
           });
    d.field("consecutive-prior-cycles", a.consecutive_prior_cycles);
    d.part("parallel-projects", a.parallel_projects, [&](const model::ParallelProjects& x) {
      d.field("none", x.none);
      d.rows("project", x.projects, [&](const core::Field<std::string>& y) { d.field("p", y); });
    });
  });
  d.part("target-audience", p.target_audience, [&](const model::TargetAudience& t) {
    d.rows("naics", t.naics, [&](const core::Field<std::string>& x) { d.field("naics", x); });
    d.field("small-establishments", t.small_establishments);
    d.field("serves", t.serves);
  });
  d.part("proposal-narrative", p.proposal_narrative, [&](const model::ProposalNarrative& n) {
    d.field("problem-addressed", n.problem_addressed);
    d.part("project-design", n.project_design, [&](const model::ProjectDesign& x) {
      d.field("project-summary", x.project_summary);
      d.field("pages", x.project_summary_pages);
      d.field("project-sponsor", x.project_sponsor);
      d.field("project-innovation", x.project_innovation);
      d.field("activities-to-be-funded", x.activities_to_be_funded);
    });
    d.field("project-management", n.project_management);
  });
  d.part("key-personnel", p.key_personnel,
         [&](const model::KeyPersonnel& k) { dump_key_personnel(d, k); });
  d.part("advisory-committee", p.advisory_committee, [&](const model::AdvisoryCommittee& a) {
    d.rows("member", a.members, [&](const model::Member& m) {
      d.field("name", m.name);
      d.field("affiliation", m.affiliation);
      d.field("expertise", m.expertise);
    });
  });
  d.part("commitments", p.commitments, [&](const model::Commitments& c) {
    d.field("evaluation-cooperation", c.evaluation_cooperation);
    d.field("start-within-four-weeks", c.start_within_four_weeks);
  });
  d.part("table-a", p.table_a, [&](const model::TableA& a) { dump_table_a(d, a); });
  d.part("table-b", p.table_b, [&](const model::TableB& b) {
    d.rows("activity", b.activities, [&](const model::TimeFlowActivity& a) {
      d.field("name", a.name);
      d.field("months", a.months);
    });
  });
  d.field("project-budget-narrative", p.project_budget_narrative);
  d.part("table-c", p.table_c, [&](const model::TableC& c) { dump_table_c(d, c); });
  d.part("table-d", p.table_d, [&](const model::TableD& t) {
    for (const model::TableDSection* s : t.sections()) {
      if (!s) continue;
      d.rows(s->name.c_str(), s->lines,
             [&](const model::TableDLine& l) { dump_table_d_line(d, l); });
      d.field("total-grant", s->total_grant);
      d.field("total-matching", s->total_matching);
    }
  });
  d.part("program-income", p.program_income, [&](const model::ProgramIncome& i) {
    d.rows("fee", i.fees, [&](const model::Fee& f) {
      d.field("description", f.description);
      d.field("purpose", f.purpose);
      d.field("expected-income", f.expected_income);
      d.field("prior-approval", f.prior_approval);
    });
    d.field("applied", i.applied_to_project_expenses);
  });
  d.part("approvals", p.approvals, [&](const model::Approvals& a) {
    d.field("subcontracting-over-20-percent", a.subcontracting_over_20_percent);
  });
  const auto performance = [&](const model::Performance& x) {
    d.field("people-trained", x.people_trained);
    d.field("person-hours", x.person_hours);
  };
  d.part("performance-objectives", p.performance_objectives, performance);
  d.part("performance-outcome", p.performance_outcome, performance);
  d.part("change-request", p.change_request, [&](const model::ChangeRequest& c) {
    d.field("requested-on", c.requested_on);
    d.field("proposed-implementation-date", c.proposed_implementation_date);
    d.field("reason", c.reason);
  });
  d.part("baseline", p.baseline, [&](const model::Baseline& b) {
    d.field("approved-on", b.approved_on);
    d.part("key-personnel", b.key_personnel,
           [&](const model::KeyPersonnel& k) { dump_key_personnel(d, k); });
    d.part("table-a", b.table_a, [&](const model::TableA& a) { dump_table_a(d, a); });
    d.part("table-c", b.table_c, [&](const model::TableC& c) { dump_table_c(d, c); });
    d.part("performance-objectives", b.performance_objectives, performance);
  });
  return d.str();
}

}  // namespace

// ---- samples ------------------------------------------------------------------------------

TEST_CASE("every grant sample reads with only the findings samples/README.md expects",
          "[ingest][grant]") {
  int read = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kSamples)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("cet-grant-proposal.", 0) != 0) continue;
    CAPTURE(name);
    const auto result = ingest::ingest_path(entry.path(), ingest::Options{});
    CHECK_FALSE(result.unreadable);
    CHECK(result.profile == "cet-grant");
    const GrantProposal& proposal = proposal_of(result);
    CHECK(proposal.location == "cet-grant-proposal");
    // Table B's month 13 is the one value of the grant samples whose type check fails; it is
    // TABLEB-MONTHS's (formats.md §2.1), not FORMAT-TYPE's.
    if (name == "cet-grant-proposal.invalid.table-a-b-completeness-eligibility.xml") {
      REQUIRE(rules_of(result) == std::vector<std::string>{"TABLEB-MONTHS"});
      CHECK(result.findings[0].location == "cet-grant-proposal/table-b/activity[4]/months");
      CHECK_THAT(result.findings[0].message,
                 Catch::Contains("\"Course\"") && Catch::Contains("3 7 11 13"));
    } else {
      CHECK(rules_of(result).empty());
    }
    ++read;
  }
  CHECK(read == 6);
}

TEST_CASE("received without an offset is Michigan time, with one its own instant",
          "[ingest][grant]") {
  const auto instant_of = [](const std::string& text) {
    const auto result = from_body("<received>" + text + "</received>");
    const GrantProposal& p = proposal_of(result);
    REQUIRE(p.received.present());
    return p.received->instant.seconds;
  };
  // 2004-05-19 10:15 EDT (UTC-4) is 14:15 UTC.
  CHECK(instant_of("2004-05-19T10:15") == 1'084'976'100);
  // The deadline itself, 17:00 EDT, is the parameters' default deadline instant.
  CHECK(instant_of("2004-05-21T17:00") == model::GrantParameters{}.proposal_deadline.seconds);
  CHECK(instant_of("2004-05-21T21:00Z") == model::GrantParameters{}.proposal_deadline.seconds);
  CHECK(instant_of("2004-05-21T17:00:01-04:00") ==
        model::GrantParameters{}.proposal_deadline.seconds + 1);
  // In winter Michigan is on EST (UTC-5).
  CHECK(instant_of("2004-01-15T10:00") == 1'074'178'800);

  const auto result = from_body("<received>2004-05-21 17:00</received>");
  CHECK(proposal_of(result).received.rejected());
  REQUIRE(rules_of(result) == std::vector<std::string>{"FORMAT-TYPE"});
  CHECK(result.findings[0].location == "cet-grant-proposal/received");
}

TEST_CASE("the CSV bundle reads into the same model as the XML proposal", "[ingest][grant]") {
  const auto xml =
      ingest::ingest_path(kSamples / "cet-grant-proposal.valid.xml", ingest::Options{});
  const auto csv =
      ingest::ingest_path(kSamples / "cet-grant-proposal.valid.bundle", ingest::Options{});
  CHECK(rules_of(csv).empty());
  const GrantProposal& from_xml_model = proposal_of(xml);
  const GrantProposal& from_csv_model = proposal_of(csv);
  CHECK(dump(from_csv_model) == dump(from_xml_model));
  CHECK_THAT(dump(from_csv_model), Catch::Contains("Trench shoring demonstration panels"));

  // The key figures, one by one.
  for (const GrantProposal* p : {&from_xml_model, &from_csv_model}) {
    REQUIRE(p->signature_sheet);
    const auto& sheet = *p->signature_sheet;
    CHECK(*sheet.total_amount_of_cet_funds_requested == core::cents(6'337'030));
    CHECK(*sheet.sponsoring_organization == "Mid-Michigan Residential Builders Safety Council");
    CHECK(*sheet.mailing_address == "2140 East Saginaw Street, Suite 5");
    REQUIRE(sheet.certification_and_signature);
    CHECK(*sheet.certification_and_signature->date == *core::Date::from_ymd(2004, 5, 14));
    REQUIRE(sheet.statement_of_affiliation);
    CHECK(sheet.statement_of_affiliation->signers.size() == 2);

    REQUIRE(p->table_c);
    REQUIRE(p->table_c->total);
    CHECK(*p->table_c->total->grant->total_funds == core::cents(6'337'030));
    CHECK(*p->table_c->total->matching->total_funds == core::cents(881'310));
    CHECK(p->table_c->categories.size() == 9);
    CHECK_FALSE(p->table_c->categories[2].matching);  // travel: grant only

    REQUIRE(p->table_d);
    const auto sections = p->table_d->sections();
    CHECK(std::count(sections.begin(), sections.end(), nullptr) == 0);
    CHECK(p->table_d->wages_salaries->lines.size() == 4);
    CHECK(p->table_d->travel->lines.size() == 5);
    CHECK(p->table_d->travel->lines[0].row == model::TableDRow::Mileage);
    CHECK(*p->table_d->travel->lines[0].amount_per_mile == core::Rate{375});
    CHECK(*p->table_d->travel->lines[1].taxes == core::cents(3'600));
    CHECK(*p->table_d->travel->lines[4].meal == model::Meal::Dinner);
    CHECK(*p->table_d->travel->total_grant == core::cents(215'550));
    CHECK(p->table_d->travel->total_matching.absent());
    CHECK(*p->table_d->fringe_benefit->lines[0].formula_percent == core::Percent{76'500});
    const auto& admin = p->table_d->other->lines[2];
    CHECK(admin.row == model::TableDRow::AdministrativeCosts);
    CHECK(admin.items.size() == 4);
    CHECK(*admin.funding == model::Funding::Matching);
    CHECK(*admin.in_kind);
    CHECK(p->table_d->equipment->lines[2].row == model::TableDRow::Rental);
    CHECK(*p->table_d->equipment->lines[2].type_of_rental == "Trench shoring demonstration panels");

    REQUIRE(p->table_a);
    CHECK(p->table_a->training_programs.size() == 3);
    CHECK(*p->table_a->training_programs[1].type_of_training == model::TypeOfTraining::Course);
    CHECK(*p->table_a->training_programs[2].length_of_session == core::Quantity{150});
    CHECK(*p->table_a->training_programs[1].meetings_per_session == 4);
    CHECK(p->table_a->service_activities.size() == 2);
    CHECK(p->table_a->service_activities[1].persons_per_contact.absent());

    REQUIRE(p->table_b);
    CHECK(*p->table_b->activities[2].months == std::set<int>{1, 4, 7, 10});
    REQUIRE(p->proposal_narrative);
    REQUIRE(p->proposal_narrative->project_design);
    CHECK(p->proposal_narrative->project_design->has_narrative_part());
    CHECK(*p->proposal_narrative->project_design->project_summary_pages == 2);
    CHECK(p->project_budget_narrative->file == "budget-narrative.pdf");
    REQUIRE(p->applicant);
    CHECK(*p->applicant->parallel_projects->none);
    CHECK(p->applicant->participating_organizations->organizations.size() == 2);
    CHECK(p->target_audience->naics.size() == 3);
    CHECK_FALSE(p->program_income);
    CHECK_FALSE(p->approvals);
  }

  // CSV locations name the file and row; XML locations are the plain paths.
  const auto& line = from_csv_model.table_d->travel->lines[1];
  CHECK(line.location == "cet-grant-proposal/table-d/travel/lodging[1] (table-d.csv row 14)");
  CHECK(line.total_charged.location ==
        "cet-grant-proposal/table-d/travel/lodging[1]/total-charged (table-d.csv row 14)");
  CHECK(from_xml_model.table_d->travel->lines[1].location ==
        "cet-grant-proposal/table-d/travel/lodging[1]");
  CHECK(from_csv_model.signature_sheet->city.location ==
        "cet-grant-proposal/signature-sheet/city (signature-sheet.csv row 2)");
}

TEST_CASE("a zip bundle reads like the folder it was made from", "[ingest][grant]") {
  std::ostringstream zip_bytes;
  {
    Poco::Zip::Compress compress(zip_bytes, true);
    for (const auto& entry :
         std::filesystem::directory_iterator(kSamples / "cet-grant-proposal.valid.bundle")) {
      std::istringstream in(read_file(entry.path()));
      compress.addFile(in, Poco::DateTime(2004, 5, 19), entry.path().filename().string());
    }
    compress.close();
  }
  const auto zipped = ingest::ingest_bytes(zip_bytes.str(), "proposal.zip", ingest::Options{});
  CHECK_FALSE(zipped.unreadable);
  CHECK(rules_of(zipped).empty());
  const auto folder =
      ingest::ingest_path(kSamples / "cet-grant-proposal.valid.bundle", ingest::Options{});
  CHECK(dump(proposal_of(zipped)) == dump(proposal_of(folder)));
}

// ---- bad values in XML ------------------------------------------------------------------------

TEST_CASE("each kind of bad value is reported by the right rule at its location",
          "[ingest][grant]") {
  struct Case {
    std::string body;
    std::string rule;
    std::string location;
  };
  const auto c = GENERATE(values<Case>({
      {"<signature-sheet><total-amount-of-cet-funds-requested>100.125"
       "</total-amount-of-cet-funds-requested></signature-sheet>",
       "FORMAT-TYPE", "cet-grant-proposal/signature-sheet/total-amount-of-cet-funds-requested"},
      {"<signature-sheet><certification-and-signature><date>2004-02-30</date>"
       "</certification-and-signature></signature-sheet>",
       "FORMAT-TYPE", "cet-grant-proposal/signature-sheet/certification-and-signature/date"},
      {"<signature-sheet><state>Mich.</state></signature-sheet>", "FORMAT-TYPE",
       "cet-grant-proposal/signature-sheet/state"},
      {"<table-b/><table-b/>", "FORMAT-DUPLICATE", "cet-grant-proposal/table-b"},
      {"<applicant><nonprofit>yes</nonprofit><nonprofit>no</nonprofit></applicant>",
       "FORMAT-DUPLICATE", "cet-grant-proposal/applicant/nonprofit"},
      {"<table-e/>", "FORMAT-UNKNOWN", "cet-grant-proposal/table-e"},
      {"<table-d><travel><mileage funding=\"grant\" colour=\"red\"><number-of-miles>10"
       "</number-of-miles><amount-per-mile>0.375</amount-per-mile><total-charged>3.75"
       "</total-charged></mileage></travel></table-d>",
       "FORMAT-UNKNOWN", "cet-grant-proposal/table-d/travel/mileage[1]/@colour"},
      {"<table-d><wages-salaries><line funding=\"grant\"><position>Coordinator</position>"
       "<number-of-weeks>50</number-of-weeks><total-charged>30000.00</total-charged></line>"
       "</wages-salaries></table-d>",
       "FORMAT-REQUIRED", "cet-grant-proposal/table-d/wages-salaries/line[1]/salary-per-week"},
      {"<table-d><other><line><specify>Audit</specify><total-charged>10.00</total-charged>"
       "</line></other></table-d>",
       "FORMAT-REQUIRED", "cet-grant-proposal/table-d/other/line[1]/@funding"},
      {"<table-d><travel><meals funding=\"grant\"><meal>supper</meal><number-of-meals>1"
       "</number-of-meals><amount-per-meal>5.00</amount-per-meal><total-charged>5.00"
       "</total-charged></meals></travel></table-d>",
       "FORMAT-TYPE", "cet-grant-proposal/table-d/travel/meals[1]/meal"},
      {"<table-a><training-program><title-of-training-program>Ladders"
       "</title-of-training-program><type-of-training>workshop</type-of-training>"
       "<number-of-sessions>1</number-of-sessions><number-of-persons>5</number-of-persons>"
       "<length-of-session>2</length-of-session><total-hours>10</total-hours>"
       "</training-program></table-a>",
       "TABLEA-TYPE", "cet-grant-proposal/table-a/training-program[1]/type-of-training"},
      {"<table-a><service-activity><type-of-service-activity>coaching"
       "</type-of-service-activity><number-of-hours-available>5</number-of-hours-available>"
       "</service-activity></table-a>",
       "TABLEA-SERVICE-TYPE",
       "cet-grant-proposal/table-a/service-activity[1]/type-of-service-activity"},
      {"<table-c><category number=\"10\"/><total><grant><total-funds>0</total-funds><first>0"
       "</first><second>0</second><third>0</third><fourth>0</fourth></grant><matching>"
       "<total-funds>0</total-funds><first>0</first><second>0</second><third>0</third>"
       "<fourth>0</fourth></matching></total></table-c>",
       "TABLEC-CATEGORY", "cet-grant-proposal/table-c/category[1]/@number"},
      {"<table-c><category number=\"1\"><grant><total-funds>5.00</total-funds></grant>"
       "</category></table-c>",
       "FORMAT-REQUIRED", "cet-grant-proposal/table-c/category[1]/grant/first"},
      {"<key-personnel><person><name>A</name><position>B</position><role>boss</role>"
       "</person></key-personnel>",
       "FORMAT-TYPE", "cet-grant-proposal/key-personnel/person[1]/role"},
      {"<proposal-narrative><project-design><project-summary file=\"n.pdf\" pages=\"two\"/>"
       "</project-design></proposal-narrative>",
       "FORMAT-TYPE",
       "cet-grant-proposal/proposal-narrative/project-design/project-summary/@pages"},
  }));
  CAPTURE(c.body);
  const auto result = from_body(c.body);
  const core::Finding* f = finding(result, c.rule);
  REQUIRE(f != nullptr);
  CHECK(f->location == c.location);
  // FORMAT-* messages start with the path; the rules' own messages name the row instead.
  if (c.rule.rfind("FORMAT-", 0) == 0) CHECK_THAT(f->message, Catch::Contains(c.location));
}

TEST_CASE("a rejected value is unknown, not absent, and the row that holds it stays",
          "[ingest][grant]") {
  const auto result = from_body(
      "<table-b><activity><name>Course</name><months>0 13</months></activity>"
      "<activity><name>Seminar</name></activity></table-b>");
  const auto& activities = proposal_of(result).table_b->activities;
  REQUIRE(activities.size() == 2);
  CHECK(activities[0].months.rejected());
  CHECK(activities[0].months.raw == "0 13");
  CHECK(activities[1].months.absent());  // TABLEB-ACTIVITY-MONTHS's, a rule
  CHECK(rules_of(result) == std::vector<std::string>{"TABLEB-MONTHS"});
}

TEST_CASE("an unknown name is reported once however often it occurs", "[ingest][grant]") {
  const auto result = from_body(
      "<advisory-committee><member><name>A</name><affiliation>B</affiliation><phone>1</phone>"
      "</member><member><name>C</name><affiliation>D</affiliation><phone>2</phone></member>"
      "</advisory-committee>");
  REQUIRE(rules_of(result) == std::vector<std::string>{"FORMAT-UNKNOWN"});
  CHECK(result.findings[0].severity == core::Severity::Warning);
  CHECK(result.findings[0].location == "cet-grant-proposal/advisory-committee/member[1]/phone");
}

TEST_CASE("root attributes: stage, fiscal year and their defaults", "[ingest][grant]") {
  const auto plain = from_body("");
  CHECK(model::stage_of(proposal_of(plain)) == model::GrantStage::Proposal);
  CHECK(model::fiscal_year_of(proposal_of(plain))->first_year == 2004);
  CHECK(rules_of(plain).empty());

  const auto revision = from_body("", " stage=\"revision\" fiscal-year=\"2005-2006\"");
  CHECK(model::stage_of(proposal_of(revision)) == model::GrantStage::Revision);
  CHECK(model::fiscal_year_of(proposal_of(revision))->first_year == 2005);

  const auto bad = from_body("", " stage=\"draft\" fiscal-year=\"2004-2006\"");
  CHECK_FALSE(model::stage_of(proposal_of(bad)));
  CHECK_FALSE(model::fiscal_year_of(proposal_of(bad)));
  CHECK(rules_of(bad) == std::vector<std::string>{"FORMAT-TYPE", "FORMAT-TYPE"});
}

TEST_CASE("a close-out needs Table C, the outcome and objectives or Table A", "[ingest][grant]") {
  const auto bare = from_body("", " stage=\"closeout\"");
  std::vector<std::string> locations;
  for (const auto& f : bare.findings) {
    CHECK(f.rule == "FORMAT-REQUIRED");
    locations.push_back(f.location);
  }
  CHECK(locations == std::vector<std::string>{"cet-grant-proposal/table-c",
                                              "cet-grant-proposal/performance-outcome",
                                              "cet-grant-proposal/performance-objectives"});
  const auto proposal = from_body("");  // the proposal stage leaves these to the rules
  CHECK(rules_of(proposal).empty());
  const auto closeout = ingest::ingest_path(
      kSamples / "cet-grant-proposal.closeout.performance-shortfall.xml", ingest::Options{});
  CHECK(rules_of(closeout).empty());
  REQUIRE(proposal_of(closeout).performance_outcome);
}

TEST_CASE("narratives are present with text or a file attribute", "[ingest][grant]") {
  const auto result = from_body(
      "<proposal-narrative><problem-addressed>First.\n\n  Second   part.</problem-addressed>"
      "<project-design><activities-to-be-funded>training</activities-to-be-funded>"
      "</project-design><project-management/></proposal-narrative>"
      "<project-budget-narrative file=\"b.pdf\"/>");
  const GrantProposal& p = proposal_of(result);
  CHECK(p.proposal_narrative->problem_addressed->text == "First.\n\nSecond part.");
  CHECK(p.proposal_narrative->project_management.absent());
  REQUIRE(p.proposal_narrative->project_design);
  CHECK_FALSE(p.proposal_narrative->project_design->has_narrative_part());
  CHECK(p.project_budget_narrative->file == "b.pdf");
  CHECK(rules_of(result).empty());
}

// ---- bad bundles --------------------------------------------------------------------------------

TEST_CASE("a bundle table without a required column is unreadable", "[ingest][grant]") {
  ingest::Bundle bundle = sample_bundle();
  std::string& table = bundle.files.at("table-d.csv");
  table.replace(table.find("section,line,funding"), 20, "section,kind,funding");
  const auto result = ingest::ingest_bundle(bundle, ingest::Options{});
  CHECK(result.unreadable);
  REQUIRE(result.findings.size() == 1);
  CHECK(result.findings[0].rule == "FORMAT-CSV");
  CHECK_THAT(result.findings[0].message,
             Catch::Contains("table-d.csv") && Catch::Contains("\"line\""));
}

TEST_CASE("bundle files that break §8.2-§8.3 are unreadable", "[ingest][grant]") {
  struct Case {
    std::string file;
    std::string content;
    std::string expect;
  };
  const auto c = GENERATE(values<Case>({
      {"signature-sheet.csv", "project-title\nA\n", "\"sponsoring-organization\""},
      {"proposal.csv", "nonprofit\nyes\nno\n", "exactly one"},
      {"table-a.csv", "part,title-of-training-program\nlecture,Ladders\n", "lecture"},
      {"table-c.csv", "category,source,total-funds,first,second,third,fourth\n1,gift,1,1,0,0,0\n",
       "gift"},
      {"table-d.csv", "section,line\ntravel,taxi\n", "taxi"},
      {"table-d.csv", "section,line\nfood,line\n", "food"},
  }));
  CAPTURE(c.file, c.content);
  ingest::Bundle bundle = sample_bundle();
  bundle.files[c.file] = c.content;
  const auto result = ingest::ingest_bundle(bundle, ingest::Options{});
  CHECK(result.unreadable);
  REQUIRE(result.findings.size() == 1);
  CHECK(result.findings[0].rule == "FORMAT-CSV");
  CHECK_THAT(result.findings[0].message, Catch::Contains(c.expect));
}

TEST_CASE("an unlisted or undefined bundle file is unreadable", "[ingest][grant]") {
  ingest::Bundle extra = sample_bundle();
  extra.files["notes.csv"] = "a\n1\n";
  const auto unlisted = ingest::ingest_bundle(extra, ingest::Options{});
  CHECK(unlisted.unreadable);
  CHECK_THAT(unlisted.findings.at(0).message, Catch::Contains("notes.csv"));

  extra.files["manifest.csv"] += "file,notes.csv\n";
  const auto undefined = ingest::ingest_bundle(extra, ingest::Options{});
  CHECK(undefined.unreadable);
  CHECK_THAT(undefined.findings.at(0).message, Catch::Contains("notes.csv"));
}

TEST_CASE("an unknown bundle column is FORMAT-UNKNOWN at the row it came from", "[ingest][grant]") {
  ingest::Bundle bundle = sample_bundle();
  std::string& table = bundle.files.at("table-d.csv");
  std::string edited;
  std::istringstream lines(table);
  bool header = true;
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();  // the sample has CRLF ends
    edited += line + (header ? ",vendor\n" : ",\n");
    header = false;
  }
  table = edited;
  const auto result = ingest::ingest_bundle(bundle, ingest::Options{});
  CHECK_FALSE(result.unreadable);
  REQUIRE(rules_of(result) == std::vector<std::string>{"FORMAT-UNKNOWN"});
  CHECK(result.findings[0].location ==
        "cet-grant-proposal/table-d/wages-salaries/line[1]/vendor (table-d.csv row 2)");
  CHECK_THAT(result.findings[0].message, Catch::Contains("(table-d.csv row 2)"));
}

TEST_CASE("bundle cells are checked exactly as the XML values are", "[ingest][grant]") {
  ingest::Bundle bundle = sample_bundle();
  std::string& d = bundle.files.at("table-d.csv");
  d.replace(d.find("0.375,4000"), 10, "0.3755,4000");
  std::string& b = bundle.files.at("table-b.csv");
  b.replace(b.find("Train Staff,x,x"), 15, "Train Staff,x,2");
  std::string& a = bundle.files.at("table-a.csv");
  a.replace(a.find("seminar,10"), 10, "lecture,10");
  std::string& c = bundle.files.at("table-c.csv");
  c.replace(c.find("9,matching"), 10, "12,matching");
  std::string& s = bundle.files.at("signature-sheet.csv");
  s.replace(s.find(",2004-05-14"), 11, ",");
  const auto result = ingest::ingest_bundle(bundle, ingest::Options{});
  REQUIRE_FALSE(result.unreadable);
  std::vector<std::string> seen;
  for (const auto& f : result.findings) seen.push_back(f.rule + " " + f.location);
  std::sort(seen.begin(), seen.end());
  CHECK(seen ==
        std::vector<std::string>{
            "FORMAT-TYPE cet-grant-proposal/table-d/travel/mileage[1]/amount-per-mile "
            "(table-d.csv row 13)",
            "TABLEA-TYPE cet-grant-proposal/table-a/training-program[1]/type-of-training "
            "(table-a.csv row 2)",
            "TABLEB-MONTHS cet-grant-proposal/table-b/activity[2]/months (table-b.csv row 3)",
            "TABLEC-CATEGORY cet-grant-proposal/table-c/category[10]/@number "
            "(table-c.csv row 14)",
        });
  // The signature date left empty is absent (GRANT-SIGNATURE-SHEET's), not an error here.
  const GrantProposal& p = proposal_of(result);
  CHECK(p.signature_sheet->certification_and_signature->date.absent());
  CHECK(p.table_b->activities[1].months.raw == "1 month-2=2");
}

// ---- program parameters -------------------------------------------------------------------------

TEST_CASE("forms/cet-grant.json holds the FY 2004-2005 parameters", "[ingest][grant]") {
  const model::GrantParameters loaded = ingest::load_grant_parameters(kSource / "forms");
  const model::GrantParameters defaults;
  CHECK(loaded.fiscal_year == "2004-2005");
  CHECK(loaded.award_maximum == defaults.award_maximum);
  CHECK(loaded.matching_minimum_percent == defaults.matching_minimum_percent);
  CHECK(loaded.equipment_cap_percent == defaults.equipment_cap_percent);
  CHECK(loaded.contractual_cap_percent == defaults.contractual_cap_percent);
  CHECK(loaded.other_cap_percent == defaults.other_cap_percent);
  CHECK(loaded.administrative_lump_cap_percent == defaults.administrative_lump_cap_percent);
  CHECK(loaded.mileage_rate_maximum == core::Rate{375});
  CHECK(loaded.lodging_rate_maximum == core::cents(6'500));
  CHECK(loaded.breakfast_rate_maximum == core::cents(725));
  CHECK(loaded.lunch_rate_maximum == core::cents(725));
  CHECK(loaded.dinner_rate_maximum == core::cents(1'650));
  CHECK(loaded.grant_period_start == *core::Date::from_ymd(2004, 10, 1));
  CHECK(loaded.grant_period_end == *core::Date::from_ymd(2005, 9, 30));
  CHECK(loaded.proposal_deadline == defaults.proposal_deadline);
  CHECK(loaded.proposal_deadline_text == defaults.proposal_deadline_text);
  CHECK(loaded.equipment_prior_approval_cost == core::dollars(1'000));
  CHECK(loaded.equipment_prior_approval_life_months == 24);
}

TEST_CASE("a missing or malformed parameters file is an error that names it", "[ingest][grant]") {
  const auto dir = std::filesystem::temp_directory_path() / "formpipe-grant-parameters-test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const auto write = [&](const std::string& text) {
    std::ofstream(dir / "cet-grant.json", std::ios::binary) << text;
  };
  CHECK_THROWS_WITH(ingest::load_grant_parameters(dir), Catch::Contains("cet-grant.json"));

  const std::string good = read_file(kSource / "forms" / "cet-grant.json");
  const auto edited = [&](const std::string& from, const std::string& to) {
    std::string text = good;
    text.replace(text.find(from), from.size(), to);
    return text;
  };
  struct Case {
    std::string text;
    std::string expect;
  };
  for (const Case& c : std::vector<Case>{
           {"{ not json", "not valid JSON"},
           {"[1, 2]", "expected a JSON object"},
           {edited("\"85000.00\"", "85000.00"), "award-maximum: expected a string"},
           {edited("\"85000.00\"", "\"85,000\""), "award-maximum: expected dollars"},
           {edited("\"0.375\"", "\"0.3755\""), "mileage-rate-maximum"},
           {edited("\"fiscal-year\"", "\"fiscal-yeer\""), "fiscal-year: is missing"},
           {edited("\"2004-2005\"", "\"2004-2006\""), "fiscal-year: expected YYYY-YYYY"},
           {edited("\"2005-09-30\"", "\"2003-09-30\""), "is before grant-period-start"},
           {edited("\"profile\"", "\"colour\": \"red\", \"profile\""), "colour: is not a CET"},
       }) {
    CAPTURE(c.text);
    write(c.text);
    CHECK_THROWS_AS(ingest::load_grant_parameters(dir), core::Error);
    CHECK_THROWS_WITH(ingest::load_grant_parameters(dir),
                      Catch::Contains("cet-grant.json") && Catch::Contains(c.expect));
  }
  std::filesystem::remove_all(dir);
}

TEST_CASE("bundle files for program income, performance, change request and baseline",
          "[ingest][grant]") {
  ingest::Bundle bundle;
  bundle.name = "revision";
  bundle.files["manifest.csv"] =
      "key,value\nform-kind,cet-grant-proposal\nstage,revision\nbaseline-approved-on,2004-09-15\n"
      "level,national\nfile,program-income.csv\nfile,performance.csv\nfile,change-request.csv\n"
      "file,baseline-key-personnel.csv\nfile,baseline-table-a.csv\nfile,baseline-table-c.csv\n"
      "file,proposal.csv\n";
  bundle.files["proposal.csv"] =
      "applied-to-project-expenses,subcontracting-over-20-percent\nyes,PM letter 2004-09-20\n";
  bundle.files["program-income.csv"] =
      "description,purpose,expected-income,prior-approval\n"
      "Seminar lunch,meal-expenses,450.00,PM letter 2004-09-20\nBinders,training-material,80,\n";
  bundle.files["performance.csv"] =
      "measure,objective,outcome,baseline-objective\npeople-trained,400,380,425\n"
      "person-hours,1600,1500.5,1740\n";
  bundle.files["change-request.csv"] =
      "requested-on,proposed-implementation-date,reason\n2005-03-21,2005-04-01,Instructor left\n";
  bundle.files["baseline-key-personnel.csv"] =
      "name,position,role\nDana Whitfield,Project Coordinator,administration-coordination;"
      "financial-record-keeping\n";
  bundle.files["baseline-table-a.csv"] =
      "part,title-of-training-program,type-of-training,number-of-sessions,number-of-persons,"
      "length-of-session,total-hours\ntraining,Ladders,seminar,2,10,3,60\n";
  bundle.files["baseline-table-c.csv"] =
      "category,source,total-funds,first,second,third,fourth\n7,grant,100,25,25,25,25\n"
      "total,grant,100,25,25,25,25\ntotal,matching,10,10,0,0,0\n";
  const auto result = ingest::ingest_bundle(bundle, ingest::Options{});
  REQUIRE_FALSE(result.unreadable);
  // `level` belongs to the alliance forms: reported, then ignored.
  REQUIRE(rules_of(result) == std::vector<std::string>{"FORMAT-UNKNOWN"});
  CHECK(result.findings[0].location == "cet-grant-proposal/@level");

  const GrantProposal& p = proposal_of(result);
  CHECK(model::stage_of(p) == model::GrantStage::Revision);
  REQUIRE(p.program_income);
  CHECK(p.program_income->fees.size() == 2);
  CHECK(*p.program_income->fees[0].purpose == model::FeePurpose::MealExpenses);
  CHECK(*p.program_income->fees[0].prior_approval == "PM letter 2004-09-20");
  CHECK(p.program_income->fees[1].prior_approval.absent());
  CHECK(*p.program_income->fees[1].expected_income == core::dollars(80));
  CHECK(*p.program_income->applied_to_project_expenses);
  CHECK(p.program_income->applied_to_project_expenses.location ==
        "cet-grant-proposal/program-income/applied-to-project-expenses (proposal.csv row 2)");
  CHECK(*p.approvals->subcontracting_over_20_percent == "PM letter 2004-09-20");
  REQUIRE(p.performance_objectives);
  CHECK(*p.performance_objectives->people_trained == 400);
  CHECK(*p.performance_outcome->person_hours == core::Quantity{150'050});
  CHECK(p.performance_outcome->person_hours.location ==
        "cet-grant-proposal/performance-outcome/person-hours (performance.csv row 3)");
  REQUIRE(p.change_request);
  CHECK(*p.change_request->proposed_implementation_date == *core::Date::from_ymd(2005, 4, 1));
  CHECK(*p.change_request->reason == "Instructor left");
  REQUIRE(p.baseline);
  CHECK(*p.baseline->approved_on == *core::Date::from_ymd(2004, 9, 15));
  CHECK(*p.baseline->key_personnel->persons[0].role ==
        std::vector<std::string>{"administration-coordination", "financial-record-keeping"});
  CHECK(*p.baseline->table_a->training_programs[0].total_hours == core::Quantity{6'000});
  CHECK(*p.baseline->table_c->categories[0].number == 7);
  CHECK(*p.baseline->table_c->total->matching->first == core::dollars(10));
  CHECK(*p.baseline->performance_objectives->person_hours == core::Quantity{174'000});
  CHECK_FALSE(p.key_personnel);
  CHECK_FALSE(p.table_c);
}
