#include "pipeline/process/process.hpp"

#include <Poco/DigestEngine.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/SHA2Engine.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "pipeline/core/error.hpp"
#include "pipeline/ingest/ingest.hpp"
#include "pipeline/process/documents.hpp"
#include "pipeline/process/profiles.hpp"
#include "pipeline/rules/rules.hpp"

namespace pipeline::process {

// SHA-256 of a file, or of a folder bundle's files by name in name order (name, NUL, size,
// NUL, bytes for each), so the same bundle always has the same id.
std::string sha256_of(const std::filesystem::path& input) {
  Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
  auto feed_file = [&](const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw core::IoError(file.filename().string(), "cannot be read");
    char buffer[1 << 16];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0)
      engine.update(buffer, static_cast<unsigned>(in.gcount()));
  };
  std::error_code ec;
  if (std::filesystem::is_directory(input, ec)) {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(input))
      if (entry.is_regular_file()) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
      const std::string name = file.filename().string();
      const std::string size = std::to_string(std::filesystem::file_size(file));
      engine.update(name.data(), static_cast<unsigned>(name.size() + 1));
      engine.update(size.data(), static_cast<unsigned>(size.size() + 1));
      feed_file(file);
    }
  } else if (std::filesystem::is_regular_file(input, ec)) {
    feed_file(input);
  }  // else a FIFO or device (/dev/zero): never read, ingest refuses it
  return Poco::DigestEngine::digestToHex(engine.digest());
}

std::string_view status_name(Status status) {
  switch (status) {
    case Status::Accepted:
      return "accepted";
    case Status::Rejected:
      return "rejected";
    case Status::Unreadable:
      return "unreadable";
  }
  return "unreadable";
}

Processed process_path(const std::filesystem::path& input, const Options& options) {
  Processed out;
  Report& report = out.report;
  report.source = input.filename().string();
  report.sha256 = options.sha256 ? *options.sha256 : sha256_of(input);
  report.id = report.sha256.substr(0, 12);

  ingest::Options ingest_options;
  ingest_options.profile = options.profile;
  ingest_options.max_bytes = options.max_bytes;
  ingest_options.bundle_limits.max_total_bytes =
      std::min(ingest_options.bundle_limits.max_total_bytes, options.max_bytes);
  ingest::Ingested ingested = ingest::ingest_path(input, ingest_options);
  report.form = ingested.kind;
  report.profile = ingested.profile;
  report.findings = std::move(ingested.findings);

  core::Outcome outcome;
  if (ingested.unreadable) {
    report.status = Status::Unreadable;
  } else {
    if (ingested.submission) {
      const model::Submission& submission = *ingested.submission;
      rules::Context context;
      context.as_of = options.as_of;
      Profiles& profiles = Profiles::shared();
      if (submission.kind == "cet-grant-proposal") {
        context.grant = &profiles.grant();
      } else {
        context.alliance = &profiles.alliance(submission.profile);
      }
      rules::check(submission, context, outcome);
      report.record = record_of(submission, outcome.figures, context.alliance);
      report.facts = facts_of(submission, *report.record);
    }
    for (auto& finding : outcome.findings) report.findings.push_back(std::move(finding));
    report.figures = std::move(outcome.figures);
    const bool rejected =
        std::any_of(report.findings.begin(), report.findings.end(),
                    [](const core::Finding& f) { return f.severity == core::Severity::Error; });
    report.status = rejected ? Status::Rejected : Status::Accepted;
  }
  if (options.render)
    render_documents(ingested.submission ? &*ingested.submission : nullptr, options, out);
  return out;
}

std::string report_json(const Report& report) {
  Poco::JSON::Object object(Poco::JSON_PRESERVE_KEY_ORDER);
  object.set("id", report.id);
  object.set("source", report.source);
  object.set("sha256", report.sha256);
  object.set("form", report.form);
  object.set("profile", report.profile);
  object.set("status", std::string(status_name(report.status)));
  Poco::JSON::Array findings;
  for (const core::Finding& f : report.findings) {
    Poco::JSON::Object item(Poco::JSON_PRESERVE_KEY_ORDER);
    item.set("rule", f.rule);
    item.set("severity", std::string(core::severity_name(f.severity)));
    item.set("message", f.message);
    item.set("citation", f.citation);
    item.set("location", f.location);
    findings.add(item);
  }
  object.set("findings", findings);
  Poco::JSON::Object figures(Poco::JSON_PRESERVE_KEY_ORDER);
  for (const auto& [key, value] : report.figures.items()) figures.set(key, value);
  object.set("figures", figures);
  Poco::JSON::Array documents;
  for (const std::string& name : report.documents) documents.add(name);
  object.set("documents", documents);
  std::ostringstream out;
  object.stringify(out, 2);
  return out.str();
}

}  // namespace pipeline::process
