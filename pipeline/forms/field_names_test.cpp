#include "pipeline/forms/field_names.hpp"

#include <catch2/catch.hpp>

#include "pipeline/core/error.hpp"

namespace forms = pipeline::forms;

TEST_CASE("field names: element paths, positions, attributes and the text child", "[forms]") {
  const auto values = forms::field_values(R"(<?xml version="1.0"?>
<cet-grant-proposal profile="cet-grant" version="1" stage="revision" fiscal-year="2004-2005">
  <applicant>
    <nonprofit> yes </nonprofit>
    <participating-organizations>
      <organization>A</organization><organization>B  &amp;
        C</organization>
    </participating-organizations>
    <parallel-projects none="yes"/>
  </applicant>
  <proposal-narrative>
    <problem-addressed file="problem.pdf">First paragraph
      goes on.

      Second paragraph.</problem-addressed>
    <project-design><project-summary pages="2"/></project-design>
  </proposal-narrative>
  <table-c><category number="3" name="travel"><grant><total-funds>10.00</total-funds></grant></category>
    <total><grant><first>1</first></grant></total></table-c>
  <table-d><travel>
    <mileage funding="grant"><number-of-miles>4</number-of-miles></mileage>
    <lodging funding="matching" in-kind="yes"><taxes>3</taxes></lodging>
    <lodging funding="grant"><number-of-nights>2</number-of-nights></lodging>
    <total-grant>9.00</total-grant></travel>
    <other><administrative-costs funding="grant"><item>Rent</item><item>Heat</item></administrative-costs></other>
  </table-d>
  <program-income><fee prior-approval="PM letter"><description>Fee</description></fee></program-income>
  <change-request><reason></reason></change-request>
</cet-grant-proposal>)");
  const forms::FieldValues expected{
      {"stage", "revision"},
      {"fiscal-year", "2004-2005"},
      {"applicant.nonprofit", "yes"},
      {"applicant.participating-organizations.organization.1", "A"},
      {"applicant.participating-organizations.organization.2", "B & C"},
      {"applicant.parallel-projects.none", "yes"},
      {"proposal-narrative.problem-addressed.file", "problem.pdf"},
      {"proposal-narrative.problem-addressed.text",
       "First paragraph goes on.\n\nSecond paragraph."},
      {"proposal-narrative.project-design.project-summary.pages", "2"},
      {"table-c.category.1.number", "3"},
      {"table-c.category.1.name", "travel"},
      {"table-c.category.1.grant.total-funds", "10.00"},
      {"table-c.total.grant.first", "1"},
      {"table-d.travel.mileage.1.funding", "grant"},
      {"table-d.travel.mileage.1.number-of-miles", "4"},
      {"table-d.travel.lodging.1.funding", "matching"},
      {"table-d.travel.lodging.1.in-kind", "yes"},
      {"table-d.travel.lodging.1.taxes", "3"},
      {"table-d.travel.lodging.2.funding", "grant"},
      {"table-d.travel.lodging.2.number-of-nights", "2"},
      {"table-d.travel.total-grant", "9.00"},
      {"table-d.other.administrative-costs.1.funding", "grant"},
      {"table-d.other.administrative-costs.1.item.1", "Rent"},
      {"table-d.other.administrative-costs.1.item.2", "Heat"},
      {"program-income.fee.1.prior-approval", "PM letter"},
      {"program-income.fee.1.description", "Fee"},
  };
  CHECK(values == expected);
}

TEST_CASE("field names: the alliance forms", "[forms]") {
  const auto values = forms::field_values(
      R"(<alliance-annual-report profile="osha" level="national" alliance-type="standard">
  <alliance-background>
    <implementation-team-members>
      <member><name>K</name><organization>MIOSHA</organization></member>
    </implementation-team-members>
    <evaluation-period start="2024-01-01" end="2024-12-31"/>
  </alliance-background>
  <prepared-by role="liaison">Karen</prepared-by>
  <upcoming-milestones><milestone>One</milestone><milestone>Two</milestone></upcoming-milestones>
  <events-and-products><activity><date>2024-03-14</date></activity></events-and-products>
</alliance-annual-report>)");
  const forms::FieldValues expected{
      {"level", "national"},
      {"alliance-type", "standard"},
      {"alliance-background.implementation-team-members.member.1.name", "K"},
      {"alliance-background.implementation-team-members.member.1.organization", "MIOSHA"},
      {"alliance-background.evaluation-period.start", "2024-01-01"},
      {"alliance-background.evaluation-period.end", "2024-12-31"},
      {"prepared-by.role", "liaison"},
      {"prepared-by.text", "Karen"},
      {"upcoming-milestones.milestone.1", "One"},
      {"upcoming-milestones.milestone.2", "Two"},
      {"events-and-products.activity.1.date", "2024-03-14"},
  };
  CHECK(values == expected);
  CHECK(forms::form_identity("<alliance-diary-sheet profile='iowa'/>").kind ==
        "alliance-diary-sheet");
  CHECK(forms::form_identity("<alliance-diary-sheet profile='iowa'/>").profile == "iowa");
  CHECK_THROWS_AS(forms::field_values("<unclosed>"), pipeline::core::Error);
}

TEST_CASE("field names: which elements repeat", "[forms]") {
  CHECK(forms::is_repeated("activities", "activity"));
  CHECK(forms::is_repeated("table-b", "activity"));
  CHECK(forms::is_repeated("fringe-benefit", "line"));
  CHECK(!forms::is_repeated("fringe-benefit", "total-matching"));
  CHECK(!forms::is_repeated("member", "organization"));
  CHECK(forms::is_repeated("participating-organizations", "organization"));
  CHECK(!forms::is_repeated("table-c", "total"));
  CHECK(forms::has_text_child("project-budget-narrative"));
  CHECK(!forms::has_text_child("reporting-period"));
}
