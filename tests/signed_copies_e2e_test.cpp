// Signed copies coming back (signing.md §4) through the real binary: an agreement issued by
// `formpipe run`, signed field by field (by formpipe sign and by poppler's pdfsig) and dropped in
// the inbox again, is matched to what was issued, verified, reported with the SIGNED rules, kept
// as original.pdf and listed in its compliance summary; once every field is signed, the record
// store executes the agreement and `formpipe due` counts from the executed date.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/support/report_json.hpp"
#include "tests/support/signing_e2e.hpp"

namespace fs = std::filesystem;
namespace t = pipeline::signing::testing;

namespace {

using report_json::Object;
using report_json::parse;
using report_json::rules_of;

// An inbox and its result folder, run with the test CA trusted.
struct Office {
  fs::path dir, inbox, out;
  explicit Office(const std::string& name)
      : dir(t::folder(name)), inbox(dir / "inbox"), out(dir / "out") {
    fs::create_directories(inbox);
  }

  // Drops `file` in the inbox as `name`, runs the inbox once and returns the report of it.
  Object submit(const fs::path& file, const std::string& name, int expected_status) {
    fs::copy_file(file, inbox / name, fs::copy_options::overwrite_existing);
    const t::Run run =
        t::formpipe("run " + t::quoted(inbox) + " --out " + t::quoted(out) +
                    " --settle 0 --trust " + t::quoted(t::pki().ca) + " --as-of 2025-10-09");
    INFO(run.out);
    CHECK(run.status == expected_status);
    CHECK_FALSE(fs::exists(inbox / name));
    const std::string sha = t::run("sha256sum " + t::quoted(file)).out.substr(0, 12);
    const fs::path report = out / sha / "report.json";
    REQUIRE(fs::exists(report));
    return parse(t::read_file(report));
  }
};

std::string text_of(const fs::path& pdf) {
  return t::run("pdftotext -layout " + t::quoted(pdf) + " -").out;
}

}  // namespace

TEST_CASE("a signed agreement comes back: matched, verified, executed, and due counts from it",
          "[e2e][signing][inbox]") {
  Office office("agreement");
  const Object issued =
      office.submit(t::kSourceDir / "samples/alliance-agreement.valid.xml", "agreement.xml", 0);
  const std::string id = issued->getValue<std::string>("id");
  const fs::path agreement = office.out / id / "agreement.pdf";
  REQUIRE(fs::exists(agreement));

  // Before any signature comes back: issued, awaiting signatures, counted from the typed date.
  t::Run due = t::formpipe("due --out " + t::quoted(office.out) + " --as-of 2026-12-31 --json");
  INFO(due.out);
  Object alliance = parse(due.out)->getArray("alliances")->getObject(0);
  CHECK(alliance->getValue<std::string>("signatures") == "awaiting signatures");
  CHECK(alliance->getValue<std::string>("signing-date") == "2025-03-14");

  // The agency signs first (a certification): two fields are still empty.
  t::sign_with_formpipe(agreement, office.dir / "signed-1.pdf", t::pki().agency, "--certify");
  Object partly = office.submit(office.dir / "signed-1.pdf", "agreement-signed.pdf", 1);
  CHECK(partly->getValue<std::string>("form") == "signed-agreement");
  CHECK(partly->getValue<std::string>("profile") == "miosha");
  CHECK(partly->getValue<std::string>("status") == "rejected");
  CHECK(rules_of(partly) ==
        std::vector<std::string>{"SIGNED-MISSING", "SIGNED-MISSING", "SIGNED-SIGNER-NAME"});
  const auto missing = partly->getArray("findings")->getObject(0);
  CHECK(missing->getValue<std::string>("message") ==
        "Signature field signature-2 is empty: Tarah M. Kile has not signed, so the document is "
        "not yet executed.");
  CHECK(missing->getValue<std::string>("location") == "signed-agreement/signature-2 (page 3)");
  const std::string partly_id = partly->getValue<std::string>("id");
  CHECK(fs::exists(office.out / partly_id / "original.pdf"));
  const std::string summary = text_of(office.out / partly_id / "compliance-summary.pdf");
  CHECK(summary.find("Signature signature-1") != std::string::npos);
  CHECK(summary.find("Jane Q. Director") != std::string::npos);
  CHECK(summary.find("valid and trusted (certification)") != std::string::npos);

  // The partner signs with another program (pdfsig), the last signatory with formpipe.
  t::sign_with_pdfsig(office.dir, office.dir / "signed-1.pdf", office.dir / "signed-2.pdf",
                      "signature-2", t::pki().partner, "partner");
  t::sign_with_formpipe(office.dir / "signed-2.pdf", office.dir / "signed-3.pdf",
                        t::pki().treasurer);
  Object executed = office.submit(office.dir / "signed-3.pdf", "agreement-executed.pdf", 0);
  INFO(t::read_file(office.out / executed->getValue<std::string>("id") / "report.json"));
  CHECK(executed->getValue<std::string>("status") == "accepted");
  const std::vector<std::string> rules = rules_of(executed);
  CHECK(std::count(rules.begin(), rules.end(), "SIGNED-EXECUTED") == 1);
  CHECK(std::count(rules.begin(), rules.end(), "SIGNED-MISSING") == 0);
  CHECK(std::count(rules.begin(), rules.end(), "SIGNED-UNTRUSTED") == 0);
  const std::string executed_date =
      executed->getObject("figures")->getValue<std::string>("executed-date");
  CHECK(executed_date.size() == 10);

  // due now counts the term from the executed date: signed then, expiring five years later.
  due = t::formpipe("due --out " + t::quoted(office.out) + " --as-of " + executed_date + " --json");
  INFO(due.out);
  alliance = parse(due.out)->getArray("alliances")->getObject(0);
  CHECK(alliance->getValue<std::string>("signatures") == "executed");
  CHECK(alliance->getValue<std::string>("signing-date") == executed_date);
  CHECK(alliance->getValue<std::string>("expiration-date") ==
        std::to_string(std::stoi(executed_date.substr(0, 4)) + 5) + executed_date.substr(4));
  const t::Run table =
      t::formpipe("due --out " + t::quoted(office.out) + " --as-of " + executed_date);
  CHECK(table.out.find("executed " + executed_date) != std::string::npos);

  // check --out reads the same copy the same way.
  const t::Run check = t::formpipe("check " + t::quoted(office.dir / "signed-3.pdf") + " --out " +
                                   t::quoted(office.out) + " --trust " + t::quoted(t::pki().ca) +
                                   " --json --as-of 2025-10-09");
  INFO(check.out);
  CHECK(check.status == 0);
  CHECK(rules_of(parse(check.out)) == rules);
}

TEST_CASE("a changed, unknown, untrusted or unreadable PDF is reported for what it is",
          "[e2e][signing][inbox]") {
  Office office("refused");
  const Object issued =
      office.submit(t::kSourceDir / "samples/declination-letter.valid.xml", "letter.xml", 0);
  const fs::path letter = office.out / issued->getValue<std::string>("id") / "letter.pdf";
  REQUIRE(fs::exists(letter));

  SECTION("a letter signed by its signer is an executed signed-letter") {
    t::sign_with_formpipe(letter, office.dir / "signed.pdf", t::pki().agency);
    const Object report = office.submit(office.dir / "signed.pdf", "letter-signed.pdf", 0);
    CHECK(report->getValue<std::string>("form") == "signed-letter");
    const auto rules = rules_of(report);
    CHECK(rules.back() == "SIGNED-EXECUTED");
  }
  SECTION("a byte changed after signing: SIGNED-INVALID, and no longer what was issued") {
    t::sign_with_formpipe(letter, office.dir / "signed.pdf", t::pki().agency);
    t::write_file(office.dir / "tampered.pdf",
                  t::with_page_content_changed(t::read_file(office.dir / "signed.pdf")));
    const Object report = office.submit(office.dir / "tampered.pdf", "tampered.pdf", 1);
    const auto rules = rules_of(report);
    CHECK(std::count(rules.begin(), rules.end(), "SIGNED-INVALID") == 1);
    CHECK(std::count(rules.begin(), rules.end(), "SIGNED-NOT-ISSUED") == 1);
  }
  SECTION("signed without --trust of its CA: SIGNED-UNTRUSTED, a warning") {
    t::sign_with_formpipe(letter, office.dir / "signed.pdf", t::pki().agency);
    const t::Run check = t::formpipe("check " + t::quoted(office.dir / "signed.pdf") + " --out " +
                                     t::quoted(office.out) + " --json");
    INFO(check.out);
    CHECK(check.status == 0);
    const auto rules = rules_of(parse(check.out));
    CHECK(std::count(rules.begin(), rules.end(), "SIGNED-UNTRUSTED") == 1);
  }
  SECTION("a PDF formpipe did not issue: SIGNED-NOT-ISSUED and its empty fields") {
    t::write_file(office.dir / "other.pdf", t::with_signature_fields(t::small_pdf(), 2, false));
    const Object report = office.submit(office.dir / "other.pdf", "other.pdf", 1);
    CHECK(rules_of(report) ==
          std::vector<std::string>{"SIGNED-NOT-ISSUED", "SIGNED-MISSING", "SIGNED-MISSING"});
  }
  SECTION("a PDF without signature fields, and bytes that are no PDF: FORMAT-PDF, unreadable") {
    const Object plain =
        office.submit(office.out / issued->getValue<std::string>("id") / "compliance-summary.pdf",
                      "summary.pdf", 2);
    CHECK(plain->getValue<std::string>("status") == "unreadable");
    CHECK(rules_of(plain) == std::vector<std::string>{"FORMAT-PDF"});
    CHECK(plain->getArray("findings")
              ->getObject(0)
              ->getValue<std::string>("message")
              .find("not a formpipe form: fill in the form from `formpipe blank`") !=
          std::string::npos);
    t::write_file(office.dir / "broken.pdf", "%PDF-1.7\nnothing else\n");
    const Object broken = office.submit(office.dir / "broken.pdf", "broken.pdf", 2);
    CHECK(rules_of(broken) == std::vector<std::string>{"FORMAT-PDF"});
  }
}
