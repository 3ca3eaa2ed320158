#pragma once
//! The one place the stages are joined: a submission's path goes in; its report (status,
//! findings, figures) and the PDFs it asks for come out.
//!
//! ingest (bytes -> model::Submission + FORMAT findings)
//!   -> rules (Submission -> findings and figures; pure, `as_of` is the only clock)
//!   -> render (Submission + templates -> PDF bytes; only for accepted submissions)
//!
//! Every stage works with what the caller's Environment (environment.hpp) hands it: profiles,
//! grant parameters, fonts, templates, today's date.
//!
//! Bad input never throws: it becomes a finding, and unreadable input a report with status
//! "unreadable". Exceptions here mean the environment failed (a disk error) or a bug; callers
//! catch core::Error once per submission.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/core/date.hpp"
#include "pipeline/core/finding.hpp"
#include "pipeline/model/grant_figures.hpp"
#include "pipeline/process/environment.hpp"
#include "pipeline/process/records.hpp"

namespace pipeline::signing {
class TrustAnchors;
}

namespace pipeline::process {

struct Options {
  std::optional<std::string> profile;  // --profile: used only when the document names none
  // The input's sha256_of when the caller has it already (the inbox hashes every submission to
  // find duplicates), so it is not read and hashed twice.
  std::optional<std::string> sha256;
  std::optional<core::Date> as_of;        // "today" for deadline rules; none: the environment's
  bool render = true;                     // produce the PDFs (compliance summary and documents)
  bool render_form_document = true;       // with render: also the form's own document when accepted
  std::uint64_t max_bytes = 64ull << 20;  // larger inputs (or bundles) are unreadable
  // Signed copies (signing.md §4): the document formpipe issued whose SHA-256 is one of these,
  // from the record store of the result folder (none: every signed copy is SIGNED-NOT-ISSUED),
  // and the certificates signatures must chain to (null: none, every signature is untrusted).
  std::function<std::optional<model::IssuedDocument>(const std::vector<std::string>& sha256s)>
      issued;
  std::shared_ptr<const signing::TrustAnchors> trust;
};

enum class Status { Accepted, Rejected, Unreadable };
std::string_view status_name(Status status);

// The report object of cli.md, plus the facts a reviewer's summary shows.
struct Report {
  std::string id;      // first 12 hex digits of sha256
  std::string source;  // file or folder name as received, escaped (names.hpp escape_name)
  std::string sha256;  // of the bytes (a folder bundle: of its every entry, see sha256_of)
  std::string form;    // root element name; empty when unknown
  std::string profile;
  Status status = Status::Unreadable;
  std::vector<core::Finding> findings;
  core::Figures figures;
  model::GrantFigures grant;  // a grant proposal's figures, typed (its summary; not in report.json)
  std::vector<std::string> documents;  // file names of the PDFs produced
  // Facts for the compliance summary's first section, in display order ("Organization", ...).
  std::vector<std::pair<std::string, std::string>> facts;
  // What the record store keeps about a readable submission (not part of report.json).
  std::optional<SubmissionRecord> record;
  // The documents people sign (agreement.pdf, letter.pdf) and their SHA-256, which the record
  // store keeps so a signed copy coming back can be matched to what was issued.
  std::vector<std::pair<std::string, std::string>> signable;
};

struct Document {
  std::string name;   // "compliance-summary.pdf", "agreement.pdf", ...
  std::string bytes;  // the PDF
};

struct Processed {
  Report report;
  std::vector<Document> documents;
};

// Ingests, validates and (when options.render) renders one submission: a file, a .zip bundle or
// a folder bundle. Throws core::Error only on environment failure.
Processed process_path(const std::filesystem::path& input, const Environment& env,
                       const Options& options);

// SHA-256 (hex) of a file, or of a folder bundle's every entry in name order (names, kinds
// file/link/folder/other, contents; links never followed, FIFOs never opened): the `sha256` of
// the report, and so its id. Throws core::IoError when the input cannot be read.
std::string sha256_of(const std::filesystem::path& input);

// SHA-256 (hex) of bytes in memory.
std::string sha256_hex(std::string_view bytes);

// The report as the JSON object of cli.md.
std::string report_json(const Report& report);

}  // namespace pipeline::process
