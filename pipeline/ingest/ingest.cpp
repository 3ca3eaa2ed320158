#include "pipeline/ingest/ingest.hpp"

#include <algorithm>
#include <fstream>
#include <variant>

#include "pipeline/ingest/form_readers.hpp"
#include "pipeline/ingest/xml_source.hpp"

namespace pipeline::ingest {

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (std::size_t i = 0; i < suffix.size(); ++i) {
    const char c = s[s.size() - suffix.size() + i];
    if (static_cast<char>(c | 0x20) != suffix[i]) return false;
  }
  return true;
}

// "64 MiB" for whole mebibytes, else "1000 bytes".
std::string size_text(std::uint64_t bytes) {
  if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  return std::to_string(bytes) + " bytes";
}

std::string join(const std::vector<std::string_view>& items) {
  std::string out;
  for (auto item : items) {
    if (!out.empty()) out += ", ";
    out += item;
  }
  return out;
}

}  // namespace

Ingested unreadable(const core::RuleRef& rule, std::string message, std::string kind) {
  Ingested out;
  out.unreadable = true;
  out.kind = std::move(kind);
  if (!message.empty() && message.back() != '.') message += '.';
  out.findings.push_back(core::make_finding(rule, std::move(message)));
  return out;
}

Ingested read_tree(const Tree& tree, const Options& options) {
  Ingested out;
  const pugi::xml_node root = tree.root();
  out.kind = root.name();
  std::string profile = root.attribute("profile").value();
  if (profile.empty() && options.profile) profile = *options.profile;
  if (profile.empty() && out.kind == "cet-grant-proposal") profile = "cet-grant";
  const auto allowed = allowed_profiles(out.kind);
  out.profile = profile;
  if (std::find(allowed.begin(), allowed.end(), profile) == allowed.end()) {
    const std::string message =
        profile.empty()
            ? "No profile is given for " + out.kind + "; expected one of " + join(allowed) + "."
            : "Profile \"" + profile + "\" is not available for " + out.kind +
                  "; expected one of " + join(allowed) + ".";
    out.findings.push_back(core::make_finding(kFormatProfile, message, out.kind + "/@profile"));
    return out;
  }
  Reader reader(tree, out.findings, profile);
  model::Submission submission{out.kind, profile, model::GrantProposal{}};
  if (out.kind == "cet-grant-proposal") {
    submission.form = read_grant_proposal(root, reader);
  } else if (out.kind == "alliance-diary-sheet") {
    submission.form = read_diary_sheet(root, reader);
  } else if (out.kind == "alliance-annual-report") {
    submission.form = read_annual_report(root, reader);
  } else if (out.kind == "alliance-agreement") {
    submission.form = read_alliance_agreement(root, reader);
  } else if (out.kind == "declination-letter") {
    submission.form = read_declination_letter(root, reader);
  } else {
    submission.form = read_expiration_termination_letter(root, reader);
  }
  out.submission = std::move(submission);
  return out;
}

namespace {

Ingested from_tree(TreeOrError built, const core::RuleRef& fatal_rule, const Options& options) {
  if (auto* error = std::get_if<std::string>(&built)) return unreadable(fatal_rule, *error);
  return read_tree(*std::get<std::unique_ptr<Tree>>(built), options);
}

}  // namespace

std::vector<std::string_view> allowed_profiles(std::string_view kind) {
  if (kind == "cet-grant-proposal") return {"cet-grant"};
  if (kind == "declination-letter" || kind == "expiration-termination-letter") return {"miosha"};
  return {"miosha", "osha", "iowa", "calosha"};
}

Ingested ingest_xml(std::string_view bytes, const std::string& name, const Options& options) {
  auto parsed = parse_xml(bytes, name);
  if (auto* error = std::get_if<std::string>(&parsed))
    return unreadable(kFormatXml, "The file is not a readable form document: " + *error);
  return read_tree(*std::get<std::unique_ptr<Tree>>(parsed), options);
}

Ingested ingest_csv(std::string_view bytes, const std::string& name, const Options& options) {
  auto parsed = parse_csv(bytes, name);
  if (auto* error = std::get_if<std::string>(&parsed)) return unreadable(kFormatCsv, *error);
  const CsvTable& table = std::get<CsvTable>(parsed);
  if (!table.column("form-kind"))
    return unreadable(kFormatCsv, name +
                                      ": no form-kind column; a single CSV file is read as an "
                                      "alliance-diary-sheet (formats.md §8.4), other forms come "
                                      "as bundles");
  TreeOrError tree = diary_csv_tree(table);
  // The tree holds copies of the cells: the table (a copy of the whole file, cell by cell) goes
  // before the model is read from the tree, which lowers the peak of a large sheet.
  parsed = std::string();
  return from_tree(std::move(tree), kFormatCsv, options);
}

Ingested ingest_bundle(const Bundle& bundle, const Options& options) {
  auto read = read_manifest(bundle);
  if (auto* error = std::get_if<std::string>(&read)) return unreadable(kFormatCsv, *error);
  const Manifest& manifest = std::get<Manifest>(read);
  if (manifest.form_kind == "cet-grant-proposal")
    return from_tree(grant_bundle_tree(bundle, manifest), kFormatCsv, options);
  if (manifest.form_kind == "alliance-diary-sheet")
    return from_tree(diary_bundle_tree(bundle, manifest), kFormatCsv, options);
  if (manifest.form_kind == "alliance-annual-report")
    return from_tree(annual_bundle_tree(bundle, manifest), kFormatCsv, options);
  return unreadable(
      kFormatCsv,
      "manifest.csv: " + manifest.form_kind + " has no CSV form; send it as XML (formats.md §1)",
      manifest.form_kind);
}

Ingested ingest_bytes(std::string_view bytes, const std::string& name, const Options& options) {
  if (ends_with(name, ".zip")) {
    auto bundle = read_zip_bundle(bytes, name, options.bundle_limits);
    if (auto* error = std::get_if<std::string>(&bundle)) return unreadable(kFormatCsv, *error);
    return ingest_bundle(std::get<Bundle>(bundle), options);
  }
  if (ends_with(name, ".csv")) return ingest_csv(bytes, name, options);
  if (ends_with(name, ".pdf")) {
    PdfIngested pdf = ingest_pdf(bytes, name, options);
    if (!pdf.signed_document) return std::move(pdf.ingested);
    return unreadable(kFormatPdf, name +
                                      ": a signed document, not a form; formpipe check reads it "
                                      "as a signed copy (signing.md §4)");
  }
  return ingest_xml(bytes, name, options);
}

namespace {

// The bytes of the regular file `path`, at most `cap` of them; or why they are not read.
std::variant<std::string, Ingested> read_file(const std::filesystem::path& path,
                                              const core::RuleRef& rule, std::uint64_t cap) {
  const std::string name = path.filename().string();
  std::error_code ec;
  const std::filesystem::file_status status = std::filesystem::status(path, ec);
  // A FIFO or a device (/dev/zero) would be read without end: only regular files are read.
  if (std::filesystem::exists(status) && !std::filesystem::is_regular_file(status))
    return unreadable(rule, name + ": is " + special_file_kind(status.type()) +
                                ", not a regular file; expected a form file or a bundle folder");
  const std::string too_big = name + ": larger than the " + size_text(cap) + " limit for one " +
                              (&rule == &kFormatPdf ? "PDF" : "submission");
  if (const auto size = std::filesystem::file_size(path, ec); !ec && size > cap)
    return unreadable(rule, too_big);
  std::ifstream in(path, std::ios::binary);
  if (!in) return unreadable(rule, name + ": cannot open the file");
  std::string bytes;
  char buffer[1 << 16];
  // Reading stops at the cap whatever the file's size said (it may grow while read).
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    bytes.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (bytes.size() > cap) return unreadable(rule, too_big);
  }
  return bytes;
}

}  // namespace

PdfIngested ingest_pdf_path(const std::filesystem::path& path, const Options& options) {
  auto read = read_file(path, kFormatPdf, std::min(options.max_bytes, kMaxPdfBytes));
  if (auto* failed = std::get_if<Ingested>(&read))
    return PdfIngested{std::move(*failed), false, {}};
  PdfIngested out = ingest_pdf(std::get<std::string>(read), path.filename().string(), options);
  if (out.signed_document) out.bytes = std::move(std::get<std::string>(read));
  return out;
}

Ingested ingest_path(const std::filesystem::path& path, const Options& options) {
  const std::string name = path.filename().string();
  std::error_code ec;
  const std::filesystem::file_status status = std::filesystem::status(path, ec);
  if (std::filesystem::is_directory(status)) {
    auto bundle = read_folder_bundle(path, options.bundle_limits);
    if (auto* error = std::get_if<std::string>(&bundle)) return unreadable(kFormatCsv, *error);
    return ingest_bundle(std::get<Bundle>(bundle), options);
  }
  const bool pdf = ends_with(name, ".pdf");
  const core::RuleRef& rule = pdf                                                  ? kFormatPdf
                              : ends_with(name, ".zip") || ends_with(name, ".csv") ? kFormatCsv
                                                                                   : kFormatXml;
  auto read =
      read_file(path, rule, pdf ? std::min(options.max_bytes, kMaxPdfBytes) : options.max_bytes);
  if (auto* failed = std::get_if<Ingested>(&read)) return std::move(*failed);
  return ingest_bytes(std::get<std::string>(read), name, options);
}

}  // namespace pipeline::ingest
