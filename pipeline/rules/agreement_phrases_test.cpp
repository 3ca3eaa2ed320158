#include "pipeline/rules/agreement_phrases.hpp"

#include <catch2/catch.hpp>

using namespace pipeline;

TEST_CASE("an enforcement phrase with no negation before it in its sentence is un-negated",
          "[rules][agreement][phrases]") {
  const auto plain = rules::enforcement_wording(
      "Promote the member's services, with inspection deferral at client sites.");
  CHECK(plain.unnegated == "inspection deferral");
  CHECK_FALSE(plain.review);
  // Case, white space and Unicode folding.
  CHECK(rules::enforcement_wording("Members are EXEMPT  FROM\nInspection.").unnegated ==
        "exempt from inspection");
  // A negation in an earlier sentence does not reach across . ; ! ?
  CHECK(rules::enforcement_wording("This is not a waiver. Members get deferred inspections.")
            .unnegated == "deferred inspection");
  CHECK(rules::enforcement_wording("No fees; members receive an inspection exemption!").unnegated ==
        "inspection exemption");
  // Negation words are whole words: "know", "note", "another", "snot" do not negate.
  CHECK(rules::enforcement_wording("We know members note another exemption from enforcement.")
            .unnegated == "exemption from enforcement");
}

TEST_CASE("a negated enforcement phrase is only for review", "[rules][agreement][phrases]") {
  struct Case {
    const char* text;
    const char* phrase;
  };
  const auto c = GENERATE(values<Case>({
      {"Alliance participants are not exempt from OSHA inspections.", nullptr},
      {"Alliance participants are not exempt from inspection.", "exempt from inspection"},
      {"There is no inspection deferral.", "inspection deferral"},
      {"Neither party will seek, nor grant, deferral of inspection.", "deferral of inspection"},
      {"MIOSHA never offers inspection exemption.", "inspection exemption"},
      {"Members take part without any exemption from enforcement.", "exemption from enforcement"},
      {"MIOSHA cannot defer inspections.", "defer inspection"},
      {"Members won't receive deferred inspection.", "deferred inspection"},
      {"Members won\u2019t receive deferred inspection.", "deferred inspection"},
      {"Members DON\u2019T get inspection deferral.", "inspection deferral"},
      {"Members aren't 'exempt from inspection'.", "exempt from inspection"},
      {"'Not' a promise: exempt from enforcement.", "exempt from enforcement"},
  }));
  CAPTURE(c.text);
  const auto wording = rules::enforcement_wording(c.text);
  CHECK_FALSE(wording.unnegated);
  if (c.phrase) {
    CHECK(wording.review == c.phrase);
  } else {
    // "exempt from OSHA inspections" is none of the phrases.
    CHECK_FALSE(wording.review);
  }
}

TEST_CASE("one un-negated occurrence rejects a text that also has a negated one",
          "[rules][agreement][phrases]") {
  const auto wording =
      rules::enforcement_wording("There is no inspection deferral. Then inspection deferral.");
  CHECK(wording.unnegated == "inspection deferral");
  CHECK(wording.review == "inspection deferral");
}

TEST_CASE("focused inspection is for review whether negated or not",
          "[rules][agreement][phrases]") {
  CHECK(rules::enforcement_wording("Share data on Focused Inspections.").review ==
        "focused inspection");
  CHECK(rules::enforcement_wording("Not a focused inspection program.").review ==
        "focused inspection");
  CHECK_FALSE(rules::enforcement_wording("Share data on focused inspections.").unnegated);
  CHECK_FALSE(rules::enforcement_wording("Share MIOSHA enforcement initiatives.").review);
}

TEST_CASE("endorsement phrases are substrings of the folded text", "[rules][agreement][phrases]") {
  CHECK(rules::endorsement_phrase("Members receive Preferential scheduling.") == "preferential");
  CHECK(rules::endorsement_phrase("MIOSHA is not endorsing any product.") == std::nullopt);
  CHECK(rules::endorsement_phrase("MIOSHA does not intend to endorse products.") == "endorse");
  CHECK(rules::endorsement_phrase("no ENDORSEMENT implied") == "endorse");
  CHECK(rules::endorsement_phrase("favourable  treatment") == "favourable treatment");
  CHECK(rules::endorsement_phrase("favorable treatment") == "favorable treatment");
  CHECK(rules::endorsement_phrase("Priority access to consultation") == "priority access");
  CHECK(rules::endorsement_phrase("exclusive access to data") == "exclusive access");
  CHECK_FALSE(rules::endorsement_phrase("Share information on laws and standards."));
}

TEST_CASE("the standards-influence test needs a standards phrase or influence with a statute word",
          "[rules][agreement][phrases]") {
  CHECK(rules::influences_standards("Take part in Standards Development."));
  CHECK(rules::influences_standards("Join the standard-setting committee."));
  CHECK(rules::influences_standards("Support standard setting."));
  CHECK(rules::influences_standards("Influence the new silica standard."));
  CHECK(rules::influences_standards("Influence MIOSHA rulemaking."));
  CHECK(rules::influences_standards("influence rule-making"));
  CHECK(rules::influences_standards("influence rule making"));
  CHECK(rules::influences_standards("influence a statutory function"));
  CHECK_FALSE(rules::influences_standards("Influence worker behaviour."));
  CHECK_FALSE(rules::influences_standards("Share information on laws and standards."));
}
