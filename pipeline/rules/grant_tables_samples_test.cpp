// The CET grant samples' TABLEA, TABLEB and CHANGE findings point at the rows samples/README.md
// names, and the key-personnel changes are named one by one (tests/samples_test.cpp checks the
// findings and figures of every family).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "pipeline/rules/report_test_support.hpp"

using pipeline::rules::testing::check_sample;

TEST_CASE("the Table A/B sample's TABLEA and TABLEB findings point at their rows",
          "[rules][grant][samples][tablea][tableb]") {
  const auto report =
      check_sample("cet-grant-proposal.invalid.table-a-b-completeness-eligibility.xml");
  CHECK_THAT(report.first("TABLEA-HOURS").location, Catch::Contains("table-a/training-program[1]"));
  CHECK_THAT(report.first("TABLEA-PRESENTATION-LENGTH").location,
             Catch::Contains("table-a/training-program[2]"));
  CHECK_THAT(report.first("TABLEA-MIN-PERSONS").location,
             Catch::Contains("table-a/training-program[3]"));
  CHECK_THAT(report.first("TABLEA-TA-PERSONS").location,
             Catch::Contains("table-a/service-activity[1]"));
  CHECK_THAT(report.first("TABLEB-MONTHS").location, Catch::Contains("table-b/activity[4]"));
}

TEST_CASE("the revision sample's CHANGE findings name the people and point at the categories",
          "[rules][grant][samples][change]") {
  const auto report = check_sample("cet-grant-proposal.revision.prior-approval-changes.xml");
  std::vector<std::string> people;
  for (const auto& f : report.findings)
    if (f.rule == "CHANGE-KEY-PERSONNEL") people.push_back(f.message);
  CHECK(people == std::vector<std::string>{
                      "Key personnel change needs prior approval: Luis Ortega removed.",
                      "Key personnel change needs prior approval: Renée Kowalczyk added."});
  CHECK_THAT(report.first("CHANGE-CATEGORY").location, Catch::Contains("table-c/category[8]"));
  CHECK_THAT(report.first("CHANGE-CATEGORY-MAJOR").location,
             Catch::Contains("table-c/category[1]"));
}
