// AGREEMENT rules (rules.md §4.15) at their boundaries, on agreements read from XML by ingest and
// judged with the program profiles of forms/: term, dates, team, Ambassador status, objectives and
// wording. The participant rules are in agreement_participant_rules_test.cpp.
#include <catch2/catch.hpp>

#include <string>

#include "pipeline/rules/agreement_test_support.hpp"

using namespace pipeline;
using namespace pipeline::rules::agreement_test;

TEST_CASE("the base agreements of these tests pass every agreement rule", "[rules][agreement]") {
  for (const std::string& xml : {kMiosha, kOsha, osha_region_wide(), kOshaAmbassador, kIowa}) {
    const auto checked = check(xml);
    CAPTURE(xml);
    CHECK(checked.flagged().empty());
  }
}

TEST_CASE("AGREEMENT-DURATION: MIOSHA terms run 1 to 5 years", "[rules][agreement]") {
  const auto term = GENERATE(as<std::string>{}, "1", "5", "0", "6");
  const auto checked = check(with(kMiosha, "<term-years>5<", "<term-years>" + term + "<"));
  const bool allowed = term == "1" || term == "5";
  CHECK(checked.count("AGREEMENT-DURATION") == (allowed ? 0u : 1u));
  if (!allowed) {
    const auto& finding = checked.only("AGREEMENT-DURATION");
    CHECK(finding.severity == core::Severity::Error);
    CHECK(finding.message ==
          "A new MIOSHA agreement may run 1 to 5 years; this one runs " + term + " years.");
    CHECK(finding.location == "alliance-agreement/term-years");
  }
}

TEST_CASE("AGREEMENT-DURATION: OSHA and Iowa agreements run exactly 2 years, renewals 2 to 5",
          "[rules][agreement]") {
  CHECK(check(with(kOsha, "<term-years>2<", "<term-years>3<")).only("AGREEMENT-DURATION").message ==
        "A new OSHA agreement may run exactly 2 years; this one runs 3 years.");
  CHECK(check(with(kIowa, "<term-years>2<", "<term-years>1<")).count("AGREEMENT-DURATION") == 1);
  const std::string renewal = as_renewal(kIowa, kRenewalHistory);
  for (const char* term : {"2", "5"})
    CHECK(check(with(renewal, "<term-years>2<", std::string("<term-years>") + term + "<"))
              .count("AGREEMENT-DURATION") == 0);
  for (const char* term : {"1", "6"})
    CHECK(check(with(renewal, "<term-years>2<", std::string("<term-years>") + term + "<"))
              .only("AGREEMENT-DURATION")
              .message.find("renewal Iowa OSHA agreement may run 2 to 5 years") !=
          std::string::npos);
  // An OSHA Ambassador document has no term requirement (I-40).
  CHECK(check(with(kOshaAmbassador, "<signing-date>", "<term-years>9</term-years><signing-date>"))
            .count("AGREEMENT-DURATION") == 0);
}

TEST_CASE("AGREEMENT-EXPIRATION and RENEWAL-CONTACT-BY count whole years and 60 days back",
          "[rules][agreement]") {
  const auto valid = check(kMiosha);
  CHECK(valid.figure("expiration-date") == "2030-03-14");
  CHECK(valid.figure("renewal-contact-by") == "2030-01-13");
  CHECK(valid.only("AGREEMENT-EXPIRATION").message ==
        "The agreement runs from 2025-03-14 until 2030-03-14.");
  CHECK(valid.only("AGREEMENT-RENEWAL-CONTACT-BY").message ==
        "Renewal contact should be made by Sunday 2030-01-13.");
  // 29 February maps to 28 February in a common year, and stays in a leap year.
  const std::string leap = with(kMiosha, "2025-03-14", "2024-02-29");
  CHECK(check(leap).figure("expiration-date") == "2029-02-28");
  CHECK(check(with(leap, "<term-years>5<", "<term-years>4<")).figure("expiration-date") ==
        "2028-02-29");
  // Renewal contact is for MIOSHA only; a draft has no dates.
  CHECK(check(kOsha).figure("renewal-contact-by") == "(none)");
  const auto draft = check(with(kMiosha, "<signing-date>2025-03-14</signing-date>", ""));
  CHECK(draft.figure("expiration-date") == "(none)");
  CHECK(draft.count("AGREEMENT-RENEWAL-CONTACT-BY") == 0);
  // A term beyond the calendar gives no date, only the duration error.
  const auto endless = check(with(kMiosha, "<term-years>5<", "<term-years>999999<"));
  CHECK(endless.figure("expiration-date") == "(none)");
  CHECK(endless.count("AGREEMENT-DURATION") == 1);
}

TEST_CASE("AGREEMENT-RENEWAL-HISTORY: renewals and Ambassadors carry their history",
          "[rules][agreement]") {
  const std::string renewal = with(kMiosha, R"(action="new")", R"(action="renewal")");
  const auto bare = check(renewal);
  CHECK(bare.count("AGREEMENT-RENEWAL-HISTORY") == 2);
  for (const auto& finding : bare.outcome.findings)
    if (finding.rule == "AGREEMENT-RENEWAL-HISTORY")
      CHECK(finding.severity == core::Severity::Error);
  const auto part =
      check(as_renewal(kMiosha, "<initial-signing-date>2020-03-16</initial-signing-date>"));
  CHECK(part.only("AGREEMENT-RENEWAL-HISTORY").message ==
        "A renewal agreement needs previous-expiration-date in its history.");
  CHECK(part.only("AGREEMENT-RENEWAL-HISTORY").location ==
        "alliance-agreement/history/previous-expiration-date");
  // A rejected date was reported by FORMAT-TYPE and is not missing.
  const auto typo =
      check(as_renewal(kMiosha,
                       "<initial-signing-date>2020-02-30</initial-signing-date>"
                       "<previous-expiration-date>2025-03-16</previous-expiration-date>"));
  CHECK(typo.count("AGREEMENT-RENEWAL-HISTORY") == 0);
  const auto ambassador =
      check(with(kOshaAmbassador, "<initial-signing-date>2020-01-10</initial-signing-date>", ""));
  CHECK(ambassador.only("AGREEMENT-RENEWAL-HISTORY").message ==
        "An Ambassador agreement needs initial-signing-date in its history.");
}

TEST_CASE("AGREEMENT-DATES-ORDER: signings follow one another and the cycle ends after it began",
          "[rules][agreement]") {
  CHECK(check(as_renewal(kMiosha, kRenewalHistory)).count("AGREEMENT-DATES-ORDER") == 0);
  const auto out_of_order =
      check(as_renewal(kMiosha,
                       "<initial-signing-date>2020-03-16</initial-signing-date>"
                       "<renewal-signing-date>2026-01-01</renewal-signing-date>"
                       "<previous-expiration-date>2020-03-16</previous-expiration-date>"));
  const auto& finding = out_of_order.only("AGREEMENT-DATES-ORDER");
  CHECK(finding.message ==
        "The agreement's dates are out of order: signing-date 2025-03-14 is before "
        "renewal-signing-date[1] 2026-01-01; previous-expiration-date 2020-03-16 is not after "
        "initial-signing-date 2020-03-16.");
  CHECK(finding.location == "alliance-agreement/history");
  // Equal signing dates are in order.
  CHECK(check(as_renewal(kMiosha,
                         "<initial-signing-date>2025-03-14</initial-signing-date>"
                         "<renewal-signing-date>2025-03-14</renewal-signing-date>"
                         "<previous-expiration-date>2025-03-16</previous-expiration-date>"))
            .count("AGREEMENT-DATES-ORDER") == 0);
}

TEST_CASE("AGREEMENT-RENEWAL-CONTACT: contact at least 60 days before the expiration",
          "[rules][agreement]") {
  // 2025-05-10 − 60 days = 2025-03-11.
  auto renewal = [](const char* contact) {
    return check(as_renewal(
        kMiosha, std::string("<initial-signing-date>2020-05-10</initial-signing-date>"
                             "<previous-expiration-date>2025-05-10</previous-expiration-date>"
                             "<renewal-contact-date>") +
                     contact + "</renewal-contact-date>"));
  };
  CHECK(renewal("2025-03-11").count("AGREEMENT-RENEWAL-CONTACT") == 0);
  CHECK(renewal("2025-01-02").count("AGREEMENT-RENEWAL-CONTACT") == 0);
  const auto late = renewal("2025-03-12");
  CHECK(late.only("AGREEMENT-RENEWAL-CONTACT").severity == core::Severity::Warning);
  CHECK(late.only("AGREEMENT-RENEWAL-CONTACT").message ==
        "Renewal contact on 2025-03-12 was 59 days before the 2025-05-10 expiration; at least 60 "
        "are expected.");
}

TEST_CASE("AGREEMENT-MEETINGS: at least the program's meetings a year", "[rules][agreement]") {
  CHECK(check(with(kMiosha, "<meetings-per-year>3<", "<meetings-per-year>2<"))
            .only("AGREEMENT-MEETINGS")
            .message ==
        "The implementation team must meet at least 3 times a year; the "
        "agreement says 2.");
  CHECK(check(with(kMiosha, "<meetings-per-year>3<", "<meetings-per-year>12<"))
            .count("AGREEMENT-MEETINGS") == 0);
  CHECK(check(with(kIowa, "<meetings-per-year>2<", "<meetings-per-year>1<"))
            .count("AGREEMENT-MEETINGS") == 1);
  CHECK(check(with(kOsha, "<meetings-per-year>1<", "<meetings-per-year>0<"))
            .count("AGREEMENT-MEETINGS") == 1);
  // Absent: the profile minimum applies; an OSHA Ambassador has no meeting requirement.
  CHECK(check(with(kMiosha, "<meetings-per-year>3</meetings-per-year>", ""))
            .count("AGREEMENT-MEETINGS") == 0);
  CHECK(check(with(kOshaAmbassador, "<signing-date>",
                   "<implementation-team><meetings-per-year>0</meetings-per-year>"
                   "</implementation-team><signing-date>"))
            .count("AGREEMENT-MEETINGS") == 0);
}

TEST_CASE("AGREEMENT-KICKOFF: the kick-off meeting is within 30 days after the signing",
          "[rules][agreement]") {
  auto kickoff = [](const char* date) {
    return check(with(kOsha, "<kick-off-meeting>2025-03-11<",
                      std::string("<kick-off-meeting>") + date + "<"));
  };
  // Signed 2025-02-18; + 30 days = 2025-03-20.
  for (const char* date : {"2025-02-18", "2025-03-20"})
    CHECK(kickoff(date).count("AGREEMENT-KICKOFF") == 0);
  for (const char* date : {"2025-02-17", "2025-03-21"})
    CHECK(kickoff(date).count("AGREEMENT-KICKOFF") == 1);
  CHECK(kickoff("2025-03-21").only("AGREEMENT-KICKOFF").message ==
        "The kick-off meeting on 2025-03-21 is not within 30 days after the 2025-02-18 signing.");
}

TEST_CASE("AGREEMENT-OSHA-DEADLINES: kick-off, posting and DCSP copy dates by level",
          "[rules][agreement]") {
  const auto national = check(kOsha);
  CHECK(national.figure("kick-off-by") == "2025-03-20");
  CHECK(national.figure("posting-by") == "2025-03-05");
  CHECK(national.figure("dcsp-copy-by") == "(none)");
  CHECK(national.only("AGREEMENT-OSHA-DEADLINES").message ==
        "Kick-off meeting by Thursday 2025-03-20; posting on the OSHA public website by "
        "Wednesday 2025-03-05.");
  const auto region = check(osha_region_wide());
  CHECK(region.figure("dcsp-copy-by") == "2025-03-20");
  CHECK(region.figure("posting-by") == "(none)");
  const auto area = check(with(with(osha_region_wide(), "region-wide", "area-office"),
                               "regional-administrator", "area-director"));
  CHECK(area.figure("dcsp-copy-by") == "2025-03-20");
  CHECK(check(kOshaAmbassador).count("AGREEMENT-OSHA-DEADLINES") == 0);
  CHECK(check(kIowa).count("AGREEMENT-OSHA-DEADLINES") == 0);
}

TEST_CASE("AGREEMENT-OSHA-INTERIM and SECOND-RENEWAL on OSHA renewals", "[rules][agreement]") {
  const std::string renewal =
      as_renewal(with(kOsha, "<kick-off-meeting>2025-03-11</kick-off-meeting>", ""),
                 "<initial-signing-date>2023-01-05</initial-signing-date>"
                 "<previous-expiration-date>2025-01-05</previous-expiration-date>");
  const auto late = check(renewal);
  CHECK(late.only("AGREEMENT-OSHA-INTERIM").message ==
        "The previous agreement expired 2025-01-05; the renewal runs from its signing on "
        "2025-02-18.");
  CHECK(late.count("AGREEMENT-OSHA-SECOND-RENEWAL") == 0);
  CHECK(check(with(renewal, "2025-01-05", "2025-02-18")).count("AGREEMENT-OSHA-INTERIM") == 0);
  const std::string second =
      with(renewal, "</initial-signing-date>",
           "</initial-signing-date><renewal-signing-date>2023-01-05</renewal-signing-date>");
  CHECK(check(second).only("AGREEMENT-OSHA-SECOND-RENEWAL").location ==
        "alliance-agreement/history");
  // Regional and area offices may keep renewing (§X.B).
  CHECK(check(with(with(second, "national", "region-wide"), "assistant-secretary",
                   "regional-administrator"))
            .count("AGREEMENT-OSHA-SECOND-RENEWAL") == 0);
}

TEST_CASE("AGREEMENT-AMBASSADOR: MIOSHA's initial five-year cycle, completed satisfactorily",
          "[rules][agreement]") {
  auto ambassador = [](const std::string& signing, const std::string& inner) {
    std::string xml = with(kMiosha, R"(alliance-type="partner")", R"(alliance-type="ambassador")");
    xml = with(xml, "2025-03-14", signing);
    return check(with(xml, "</alliance-agreement>", history(inner)));
  };
  const std::string cycle =
      "<initial-signing-date>2020-03-14</initial-signing-date>"
      "<completed-satisfactorily>yes</completed-satisfactorily>";
  // The cycle ends 2025-03-14, at most 60 days after the signing: signed 2025-01-13 or later.
  CHECK(ambassador("2025-03-01", cycle).count("AGREEMENT-AMBASSADOR") == 0);
  CHECK(ambassador("2025-01-13", cycle).count("AGREEMENT-AMBASSADOR") == 0);
  CHECK(ambassador("2025-01-12", cycle).only("AGREEMENT-AMBASSADOR").message ==
        "Ambassador status requires the initial cycle to end within 60 days after the Ambassador "
        "signing on 2025-01-12 (by 2025-03-13); it ends 2025-03-14.");
  CHECK(ambassador("2025-03-01",
                   "<initial-signing-date>2020-03-14</initial-signing-date>"
                   "<completed-satisfactorily>no</completed-satisfactorily>")
            .only("AGREEMENT-AMBASSADOR")
            .message ==
        "Ambassador status requires the previous cycle completed satisfactorily; "
        "the history says it was not.");
  CHECK(ambassador("2025-03-01", "<initial-signing-date>2020-03-14</initial-signing-date>")
            .count("AGREEMENT-AMBASSADOR") == 1);
  CHECK(ambassador("2025-03-01",
                   cycle + "<previous-expiration-date>2024-03-14</previous-expiration-date>")
            .only("AGREEMENT-AMBASSADOR")
            .message ==
        "Ambassador status requires an initial cycle of 5 years from 2020-03-14 (to "
        "2025-03-14); the cycle ended 2024-03-14.");
  // A cycle begun on 29 February 2020 is complete on 28 February 2025.
  const std::string leap =
      "<initial-signing-date>2020-02-29</initial-signing-date>"
      "<previous-expiration-date>2025-02-28</previous-expiration-date>"
      "<completed-satisfactorily>yes</completed-satisfactorily>";
  CHECK(ambassador("2025-02-01", leap).count("AGREEMENT-AMBASSADOR") == 0);
  // The missing initial date is AGREEMENT-RENEWAL-HISTORY's.
  const auto missing =
      ambassador("2025-03-01", "<completed-satisfactorily>yes</completed-satisfactorily>");
  CHECK(missing.count("AGREEMENT-AMBASSADOR") == 0);
  CHECK(missing.count("AGREEMENT-RENEWAL-HISTORY") == 1);
}

TEST_CASE("AGREEMENT-AMBASSADOR, -NO-RENEWAL and -EARLY on OSHA Ambassador documents",
          "[rules][agreement]") {
  CHECK(check(with(kOshaAmbassador, "<completed-satisfactorily>yes</completed-satisfactorily>", ""))
            .only("AGREEMENT-AMBASSADOR")
            .message ==
        "Ambassador status requires the previous cycle completed satisfactorily; "
        "the history does not say it was.");
  const auto no_renewal =
      check(with(kOshaAmbassador, "<renewal-signing-date>2022-01-10</renewal-signing-date>", ""));
  CHECK(no_renewal.only("AGREEMENT-AMBASSADOR-NO-RENEWAL").severity == core::Severity::Warning);
  CHECK(no_renewal.only("AGREEMENT-AMBASSADOR-NO-RENEWAL").location ==
        "alliance-agreement/history");
  // Current agreement ends 2025-06-02: signed 2025-04-03 (60 days before) passes, a day earlier
  // not.
  CHECK(check(with(kOshaAmbassador, "<signing-date>2025-06-02", "<signing-date>2025-04-03"))
            .count("AGREEMENT-AMBASSADOR-EARLY") == 0);
  CHECK(check(with(kOshaAmbassador, "<signing-date>2025-06-02", "<signing-date>2025-04-02"))
            .only("AGREEMENT-AMBASSADOR-EARLY")
            .message ==
        "The Ambassador document is signed 2025-04-02, 61 days before the current "
        "agreement ends on 2025-06-02; promotion follows a completed renewal period.");
}

TEST_CASE("AGREEMENT-GOALS-PRESENT, MEASURABLE-OBJECTIVES and SHP-OBJECTIVE",
          "[rules][agreement]") {
  const std::string no_goals = with(
      with(kMiosha,
           "<raising-awareness>\n    <objective measurable=\"yes\" model=\"shp-awareness\">Publish "
           "two SHP "
           "articles a year.</objective>\n    <objective measurable=\"yes\">Exhibit at the summit "
           "each "
           "year.</objective>\n  </raising-awareness>",
           ""),
      "<training-and-education>\n    <objective>Deliver chipper safety seminars.</objective>\n  "
      "</training-and-education>",
      "");
  const auto empty = check(no_goals);
  CHECK(empty.count("AGREEMENT-GOALS-PRESENT") == 1);
  CHECK(empty.count("AGREEMENT-SHP-OBJECTIVE") == 1);
  CHECK(empty.only("AGREEMENT-MEASURABLE-OBJECTIVES").message ==
        "A Partner Alliance needs at least 2 measurable objectives; this agreement has 0.");

  const std::string one_measurable =
      with(kMiosha, "<objective measurable=\"yes\">Exhibit", "<objective>Exhibit");
  CHECK(check(one_measurable).count("AGREEMENT-MEASURABLE-OBJECTIVES") == 1);
  const auto affiliative =
      check(with(one_measurable, R"(alliance-type="partner")", R"(alliance-type="affiliate")"));
  CHECK(affiliative.count("AGREEMENT-MEASURABLE-OBJECTIVES") == 0);
  CHECK(affiliative.only("AGREEMENT-MEASURABLE-OBJECTIVES-ADVISORY").message ==
        "The template asks for at least 2 measurable objectives; this agreement has 1.");
  CHECK(check(with(kOsha, "<objective>", "<objective measurable=\"no\">"))
            .count("AGREEMENT-MEASURABLE-OBJECTIVES-ADVISORY") == 0);

  // The SHP objective: by model key, or by its words, under raising awareness only.
  const std::string unmodelled = with(kMiosha, R"( model="shp-awareness")", "");
  CHECK(check(unmodelled).count("AGREEMENT-SHP-OBJECTIVE") == 1);
  CHECK(check(with(unmodelled, "Publish two SHP articles", "Promote Safety and Health Programs"))
            .count("AGREEMENT-SHP-OBJECTIVE") == 0);
  CHECK(check(with(unmodelled, "Deliver chipper safety seminars",
                   "Provide resources on safety and health programs"))
            .only("AGREEMENT-SHP-OBJECTIVE")
            .location == "alliance-agreement/raising-awareness");
  CHECK(check(with(kOsha, "Share fall-prevention", "Share")).count("AGREEMENT-SHP-OBJECTIVE") == 0);
}

TEST_CASE("AGREEMENT-NO-ENFORCEMENT and ENFORCEMENT-REVIEW read every stated text",
          "[rules][agreement]") {
  const auto deferral =
      check(with(kMiosha, "falls from trees", "falls; inspection deferral offered"));
  CHECK(deferral.only("AGREEMENT-NO-ENFORCEMENT").location ==
        "alliance-agreement/hazards/hazard[1]");
  CHECK(deferral.only("AGREEMENT-NO-ENFORCEMENT").message ==
        "\"inspection deferral\" gives the alliance an enforcement component, which an agreement "
        "may not have.");
  CHECK(deferral.count("AGREEMENT-ENFORCEMENT-REVIEW") == 0);
  const auto disclaimer = check(
      with(kOsha, "Tower climbers", "Tower climbers, who won\u2019t be exempt from inspection"));
  CHECK(disclaimer.count("AGREEMENT-NO-ENFORCEMENT") == 0);
  CHECK(disclaimer.only("AGREEMENT-ENFORCEMENT-REVIEW").location ==
        "alliance-agreement/target-workforce");
  const auto focused =
      check(with(kIowa, "Spring: bin entry stand-down", "Share results of focused inspections"));
  CHECK(focused.only("AGREEMENT-ENFORCEMENT-REVIEW").location ==
        "alliance-agreement/work-plan/item[1]");
  CHECK(check(with(kIowa, "Training for workers.", "Members are exempt from enforcement."))
            .only("AGREEMENT-NO-ENFORCEMENT")
            .location == "alliance-agreement/criteria-addressed/criterion[1]");
}

TEST_CASE("AGREEMENT-NO-ENDORSEMENT and NO-STANDARDS-INFLUENCE", "[rules][agreement]") {
  const auto preferential = check(
      with(kIowa, "Distribute bin entry checklists.", "Members receive preferential scheduling."));
  CHECK(preferential.only("AGREEMENT-NO-ENDORSEMENT").message ==
        "\"preferential\" may suggest endorsement or preferential treatment; the agreement must "
        "not.");
  CHECK(preferential.only("AGREEMENT-NO-ENDORSEMENT").location ==
        "alliance-agreement/raising-awareness/objective[1]");
  const std::string influence = "Influence the silica standard.";
  const auto miosha = check(with(kMiosha, "Deliver chipper safety seminars.", influence));
  CHECK(miosha.only("AGREEMENT-NO-STANDARDS-INFLUENCE").message ==
        "\"Influence the silica standard.\" may commit the member to influence standards "
        "development, which goals may not do.");
  // A hazard is not a goal; other programs do not run the test.
  CHECK(check(with(kMiosha, "falls from trees", influence))
            .count("AGREEMENT-NO-STANDARDS-INFLUENCE") == 0);
  CHECK(check(with(kOsha, "Share fall-prevention resources.", influence))
            .count("AGREEMENT-NO-STANDARDS-INFLUENCE") == 0);
}

TEST_CASE("AGREEMENT-TERMINATION-NOTICE: exactly 30 days", "[rules][agreement]") {
  for (const char* days : {"29", "31", "60"}) {
    const auto checked = check(with(kMiosha, "<termination-notice-days>30<",
                                    std::string("<termination-notice-days>") + days + "<"));
    CHECK(
        checked.only("AGREEMENT-TERMINATION-NOTICE").message ==
        std::string("Either party may terminate on 30 days' written notice; the agreement says ") +
            days + ".");
  }
  CHECK(check(with(kMiosha, "<termination-notice-days>30</termination-notice-days>", ""))
            .count("AGREEMENT-TERMINATION-NOTICE") == 0);
}
