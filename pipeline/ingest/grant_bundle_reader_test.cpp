// The grant proposal reader on CSV bundles (folders and zips): the same model and findings as
// the XML, and what makes a bundle unreadable.
#include <catch2/catch.hpp>

#include "pipeline/ingest/grant_reader_test_support.hpp"

using namespace pipeline;
using namespace pipeline::ingest::testing;

// ---- samples ------------------------------------------------------------------------------

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
