#include "pipeline/process/process.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <fcntl.h>
#include <openssl/evp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <sstream>

#include "pipeline/core/error.hpp"
#include "pipeline/ingest/ingest.hpp"
#include "pipeline/process/documents.hpp"
#include "pipeline/process/names.hpp"
#include "pipeline/process/signed_copy.hpp"
#include "pipeline/rules/rules.hpp"
#include "pipeline/text/unicode.hpp"

namespace pipeline::process {

namespace {

// SHA-256 through OpenSSL's EVP interface, which uses the CPU's SHA extensions (or AVX2) where
// it has them: several times faster than a portable implementation.
class Sha256 {
 public:
  Sha256() : context_(EVP_MD_CTX_new()) {
    if (context_ == nullptr || EVP_DigestInit_ex(context_, EVP_sha256(), nullptr) != 1)
      throw core::Error("SHA-256 is not available");
  }
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  ~Sha256() { EVP_MD_CTX_free(context_); }

  void update(const void* data, std::size_t size) {
    if (EVP_DigestUpdate(context_, data, size) != 1) throw core::Error("SHA-256 failed");
  }

  // The digest as 64 lower-case hex digits.
  std::string hex() {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    if (EVP_DigestFinal_ex(context_, digest, &size) != 1) throw core::Error("SHA-256 failed");
    static constexpr char digits[] = "0123456789abcdef";
    std::string out(2 * size, '0');
    for (unsigned int i = 0; i < size; ++i) {
      out[2 * i] = digits[digest[i] >> 4];
      out[2 * i + 1] = digits[digest[i] & 0xF];
    }
    return out;
  }

 private:
  EVP_MD_CTX* context_;
};

// Reads an open file to its end into the digest.
void feed_fd(Sha256& engine, int fd, const std::filesystem::path& file) {
  char buffer[1 << 16];
  for (;;) {
    const ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) throw core::IoError(escape_name(file.filename().string()), "cannot be read");
    if (got == 0) return;
    engine.update(buffer, static_cast<std::size_t>(got));
  }
}

void feed_text(Sha256& engine, const std::string& text) {
  engine.update(text.data(), text.size() + 1);  // with its NUL
}

// What an entry that is neither a file, a link nor a folder is: "fifo", "socket", "device".
std::string other_kind(mode_t mode) {
  if (S_ISFIFO(mode)) return "fifo";
  if (S_ISSOCK(mode)) return "socket";
  return "device";
}

struct Entry {
  std::string name;
  struct stat st {};
};

std::vector<Entry> entries_of(const std::filesystem::path& folder) {
  std::vector<Entry> entries;
  std::error_code ec;
  for (std::filesystem::directory_iterator it(folder, ec), end; !ec && it != end;
       it.increment(ec)) {
    Entry entry{it->path().filename().string(), {}};
    if (::lstat(it->path().c_str(), &entry.st) != 0)
      throw core::IoError(escape_name(entry.name), "cannot be read");
    entries.push_back(std::move(entry));
  }
  if (ec) throw core::IoError(escape_name(folder.filename().string()), "cannot be listed");
  std::sort(entries.begin(), entries.end(),
            [](const Entry& a, const Entry& b) { return a.name < b.name; });
  return entries;
}

// Feeds every entry of a folder, in name order: its name and NUL, then by kind
//   file     size NUL bytes           (what ids of plain-file bundles always were)
//   link     "link:" length NUL target text (never followed)
//   folder   "folder:" count NUL, then its own entries the same way
//   other    "other:" kind NUL        (a FIFO, socket or device: never opened)
// The size, length and count fields say where each entry ends, so two different folders never
// feed the same bytes.
void feed_folder(Sha256& engine, const std::filesystem::path& folder,
                 const std::vector<Entry>& entries) {
  for (const Entry& entry : entries) {
    const std::filesystem::path path = folder / entry.name;
    feed_text(engine, entry.name);
    if (S_ISREG(entry.st.st_mode)) {
      const int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
      if (fd < 0) throw core::IoError(escape_name(entry.name), "cannot be read");
      struct stat st {};
      if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        throw core::IoError(escape_name(entry.name), "changed while it was read");
      }
      feed_text(engine, std::to_string(st.st_size));
      try {
        feed_fd(engine, fd, path);
      } catch (...) {
        ::close(fd);
        throw;
      }
      ::close(fd);
    } else if (S_ISLNK(entry.st.st_mode)) {
      std::error_code ec;
      const std::string target = std::filesystem::read_symlink(path, ec).string();
      if (ec) throw core::IoError(escape_name(entry.name), "cannot be read");
      feed_text(engine, "link:" + std::to_string(target.size()));
      engine.update(target.data(), target.size());
    } else if (S_ISDIR(entry.st.st_mode)) {
      const std::vector<Entry> inner = entries_of(path);
      feed_text(engine, "folder:" + std::to_string(inner.size()));
      feed_folder(engine, path, inner);
    } else {
      feed_text(engine, "other:" + other_kind(entry.st.st_mode));
    }
  }
}

// A .pdf submission: a filled form or a signed copy (signed_copy.cpp).
bool is_pdf(const std::filesystem::path& input) {
  std::string extension = input.extension().string();
  for (char& c : extension) c = static_cast<char>(c | 0x20);
  return extension == ".pdf" && !std::filesystem::is_directory(input);
}

// A signed copy: the document formpipe issued that its first revision is (from the record store),
// which gives its form kind (signed-agreement or signed-letter) and program.
void match_issued(model::Submission& submission, const Options& options,
                  ingest::Ingested& ingested) {
  auto* document = std::get_if<model::SignedDocument>(&submission.form);
  if (!document) return;
  if (options.issued) document->issued = options.issued(document->first_revision_sha256);
  const bool letter = document->issued ? document->issued->name == "letter.pdf"
                                       : document->formpipe_document == "letter";
  submission.kind = letter ? "signed-letter" : "signed-agreement";
  document->location = submission.kind;
  if (document->issued) submission.profile = document->issued->profile;
  ingested.kind = submission.kind;
  ingested.profile = submission.profile;
}

}  // namespace

// SHA-256 of a file, or of a folder bundle's every entry (feed_folder), so the same bundle
// always has the same id and any difference (a link, an empty folder) another.
std::string sha256_of(const std::filesystem::path& input) {
  Sha256 engine;
  struct stat st {};
  if (::stat(input.c_str(), &st) != 0)
    throw core::IoError(escape_name(input.filename().string()), "cannot be read");
  if (S_ISDIR(st.st_mode)) {
    feed_folder(engine, input, entries_of(input));
  } else if (S_ISREG(st.st_mode)) {
    const int fd = ::open(input.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw core::IoError(escape_name(input.filename().string()), "cannot be read");
    try {
      feed_fd(engine, fd, input);
    } catch (...) {
      ::close(fd);
      throw;
    }
    ::close(fd);
  } else {
    // A FIFO or a device is never read here (it may never end); ingest says what it is.
    feed_text(engine, "other:" + other_kind(st.st_mode));
  }
  return engine.hex();
}

std::string sha256_hex(std::string_view bytes) {
  Sha256 engine;
  engine.update(bytes.data(), bytes.size());
  return engine.hex();
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

Processed process_path(const std::filesystem::path& input, const Environment& env,
                       const Options& options) {
  const core::Date as_of = options.as_of ? *options.as_of : env.today();
  Processed out;
  Report& report = out.report;
  report.source = escape_name(input.filename().string());
  report.sha256 = options.sha256 ? *options.sha256 : sha256_of(input);
  report.id = report.sha256.substr(0, 12);

  ingest::Options ingest_options;
  ingest_options.profile = options.profile;
  ingest_options.max_bytes = options.max_bytes;
  ingest_options.bundle_limits.max_total_bytes =
      std::min(ingest_options.bundle_limits.max_total_bytes, options.max_bytes);
  ingest::Ingested ingested = is_pdf(input) ? read_pdf(input, ingest_options, options.trust)
                                            : ingest::ingest_path(input, ingest_options);
  if (ingested.submission) match_issued(*ingested.submission, options, ingested);
  report.form = ingested.kind;
  report.profile = ingested.profile;
  report.findings = std::move(ingested.findings);
  // A message may quote a file name as it is (any bytes): one that is not valid UTF-8 is made
  // printable for the report, the store and the compliance summary.
  for (core::Finding& finding : report.findings) {
    if (text::invalid_utf8_offset(finding.message))
      finding.message = printable_text(finding.message);
    if (text::invalid_utf8_offset(finding.location))
      finding.location = printable_text(finding.location);
  }

  rules::Outcome outcome;
  if (ingested.unreadable) {
    report.status = Status::Unreadable;
  } else {
    if (ingested.submission) {
      const model::Submission& submission = *ingested.submission;
      rules::Context context;
      context.as_of = as_of;
      if (submission.kind == "cet-grant-proposal") {
        context.grant = &env.grant();
      } else if (std::holds_alternative<model::SignedDocument>(submission.form)) {
        context.alliance = env.find_alliance(submission.profile);
      } else {
        context.alliance = &env.alliance(submission.profile);
      }
      rules::check(submission, context, outcome);
      report.record = record_of(submission, outcome.figures, context.alliance);
      report.facts = facts_of(submission, *report.record);
    }
    for (auto& finding : outcome.findings) report.findings.push_back(std::move(finding));
    report.figures = std::move(outcome.figures);
    report.grant = std::move(outcome.grant);
    const bool rejected =
        std::any_of(report.findings.begin(), report.findings.end(),
                    [](const core::Finding& f) { return f.severity == core::Severity::Error; });
    report.status = rejected ? Status::Rejected : Status::Accepted;
  }
  if (options.render)
    render_documents(ingested.submission ? &*ingested.submission : nullptr, env, as_of,
                     options.render_form_document, out);
  return out;
}

std::string report_json(const Report& report) {
  // JSON text must be UTF-8: a string that is not (a bug upstream) is escaped, never written
  // as bytes that make the whole report unreadable.
  const auto text = [](const std::string& value) {
    return text::invalid_utf8_offset(value) ? printable_text(value) : value;
  };
  Poco::JSON::Object object(Poco::JSON_PRESERVE_KEY_ORDER);
  object.set("id", text(report.id));
  object.set("source", text(report.source));
  object.set("sha256", text(report.sha256));
  object.set("form", text(report.form));
  object.set("profile", text(report.profile));
  object.set("status", std::string(status_name(report.status)));
  Poco::JSON::Array findings;
  for (const core::Finding& f : report.findings) {
    Poco::JSON::Object item(Poco::JSON_PRESERVE_KEY_ORDER);
    item.set("rule", text(f.rule));
    item.set("severity", std::string(core::severity_name(f.severity)));
    item.set("message", text(f.message));
    item.set("citation", text(f.citation));
    item.set("location", text(f.location));
    findings.add(item);
  }
  object.set("findings", findings);
  Poco::JSON::Object figures(Poco::JSON_PRESERVE_KEY_ORDER);
  for (const auto& [key, value] : report.figures.items()) figures.set(text(key), text(value));
  object.set("figures", figures);
  Poco::JSON::Array documents;
  for (const std::string& name : report.documents) documents.add(text(name));
  object.set("documents", documents);
  std::ostringstream out;
  object.stringify(out, 2);
  return out.str();
}

}  // namespace pipeline::process
