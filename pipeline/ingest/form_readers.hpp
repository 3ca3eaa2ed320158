#pragma once
//! One reader per form kind (tree -> model, with FORMAT-* findings through the Reader) and the
//! CSV-to-tree builders of formats.md §8. Internal to ingest: ingest.cpp dispatches to these.

#include <memory>
#include <string>
#include <variant>

#include "pipeline/ingest/bundle.hpp"
#include "pipeline/ingest/ingest.hpp"
#include "pipeline/ingest/reader.hpp"
#include "pipeline/model/form.hpp"

namespace pipeline::ingest {

using TreeOrError = std::variant<std::unique_ptr<Tree>, std::string>;

// Each reads the document rooted at `root` (root attributes included; `profile` is already
// resolved and checked and must be listed as known).
model::GrantProposal read_grant_proposal(pugi::xml_node root, Reader& reader);
model::DiarySheet read_diary_sheet(pugi::xml_node root, Reader& reader);
model::AnnualReport read_annual_report(pugi::xml_node root, Reader& reader);
model::AllianceAgreement read_alliance_agreement(pugi::xml_node root, Reader& reader);
model::DeclinationLetter read_declination_letter(pugi::xml_node root, Reader& reader);
model::ExpirationTerminationLetter read_expiration_termination_letter(pugi::xml_node root,
                                                                      Reader& reader);

// Resolves the profile, then runs the kind's reader on a tree (XML, CSV or PDF form).
Ingested read_tree(const Tree& tree, const Options& options);
// An unreadable result with one finding of `rule` (a full stop added to the message).
Ingested unreadable(const core::RuleRef& rule, std::string message, std::string kind = {});

// formats.md §8.3–§8.5: a checked manifest and its bundle -> the XML tree of the same form.
// Manifest keys become root attributes (profile, stage, ...). Unknown CSV columns become
// elements of the row so the reader reports them as FORMAT-UNKNOWN. The FORMAT-CSV message
// on failure.
TreeOrError grant_bundle_tree(const Bundle& bundle, const Manifest& manifest);
TreeOrError diary_bundle_tree(const Bundle& bundle, const Manifest& manifest);
TreeOrError annual_bundle_tree(const Bundle& bundle, const Manifest& manifest);
// formats.md §8.4 single-file diary sheet.
TreeOrError diary_csv_tree(const CsvTable& table);

}  // namespace pipeline::ingest
