#pragma once
// Test helper for the grant proposal reader's tests (XML and bundles): samples, ingest
// shortcuts, and a dump of the whole model as text so two readings can be compared field by
// field.

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

namespace pipeline::ingest::testing {

using model::GrantProposal;

inline const std::filesystem::path kSource(FORMPIPE_SOURCE_DIR);
inline const std::filesystem::path kSamples = kSource / "samples";

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

inline const GrantProposal& proposal_of(const ingest::Ingested& result) {
  REQUIRE(result.submission);
  return std::get<GrantProposal>(result.submission->form);
}

inline ingest::Ingested from_xml(const std::string& xml) {
  return ingest::ingest_xml(xml, "test.xml", ingest::Options{});
}

// A proposal document holding `body`, with the given root attributes.
inline ingest::Ingested from_body(const std::string& body, const std::string& attributes = {}) {
  return from_xml("<cet-grant-proposal profile=\"cet-grant\"" + attributes + ">" + body +
                  "</cet-grant-proposal>");
}

inline ingest::Bundle sample_bundle() {
  auto read = ingest::read_folder_bundle(kSamples / "cet-grant-proposal.valid.bundle");
  REQUIRE(std::holds_alternative<ingest::Bundle>(read));
  return std::get<ingest::Bundle>(read);
}

inline std::vector<std::string> rules_of(const ingest::Ingested& result) {
  std::vector<std::string> rules;
  for (const auto& f : result.findings) rules.push_back(f.rule);
  return rules;
}

inline const core::Finding* finding(const ingest::Ingested& result, std::string_view rule) {
  for (const auto& f : result.findings)
    if (f.rule == rule) return &f;
  return nullptr;
}

// ---- a location-free dump of the whole model, to compare an XML and a CSV reading ----

inline std::string shown(const std::string& v) {
  return "\"" + v + "\"";
}
inline std::string shown(core::Money v) {
  return core::money_figure(v);
}
inline std::string shown(core::Quantity v) {
  return core::hundredths_figure(v);
}
inline std::string shown(core::Percent v) {
  return core::percent_value_text(v);
}
inline std::string shown(core::Rate v) {
  return core::rate_text(v);
}
inline std::string shown(core::Date v) {
  return v.iso();
}
inline std::string shown(std::int64_t v) {
  return std::to_string(v);
}
inline std::string shown(bool v) {
  return v ? "yes" : "no";
}
inline std::string shown(const std::set<int>& v) {
  std::string out;
  for (int m : v) out += std::to_string(m) + ",";
  return out;
}
inline std::string shown(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& w : v) out += w + ",";
  return out;
}
inline std::string shown(const model::Narrative& v) {
  return "text=" + shown(v.text) + " file=" + shown(v.file);
}
inline std::string shown(const model::Received& v) {
  return std::to_string(v.instant.seconds);
}
inline std::string shown(model::FiscalYear v) {
  return std::to_string(v.first_year);
}
template <class E>
inline auto shown(E v) -> std::enable_if_t<std::is_enum_v<E>, std::string> {
  return "#" + std::to_string(static_cast<int>(v));
}

template <class T>
inline std::string shown(const core::Field<T>& field) {
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

inline void dump_key_personnel(Dump& d, const model::KeyPersonnel& k) {
  d.rows("person", k.persons, [&](const model::Person& p) {
    d.field("name", p.name);
    d.field("position", p.position);
    d.field("role", p.role);
    d.field("institutional-base-salary", p.institutional_base_salary);
    d.field("resume", p.resume);
  });
}

inline void dump_table_a(Dump& d, const model::TableA& a) {
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

inline void dump_table_c(Dump& d, const model::TableC& c) {
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

inline void dump_table_d_line(Dump& d, const model::TableDLine& l) {
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

inline std::string dump(const GrantProposal& p) {
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

}  // namespace pipeline::ingest::testing
