// The fillable-form twins (pdf-forms.md §3, issue 13): for every sample of the three form kinds,
// a blank from `formpipe blank` filled with the sample's values by a tool that is not formpipe's
// gives exactly the findings and figures of the XML sample. The values come from
// tests/forms/fill_form.py, an independent reading of docs/forms.md's field names; the tools
// are pdftk (an XFDF file), pikepdf (a full rewrite), qpdf --update-from-json, and an incremental
// update appended to the blank as Acrobat Reader saves a filled form.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <string>

#include "pipeline/process/process.hpp"
#include "pipeline/process/process_test_support.hpp"
#include "pipeline/render/pdf_probe_test_support.hpp"
#include "tests/support/samples.hpp"

namespace fs = std::filesystem;
using namespace pipeline;
namespace probe = pipeline::render::probe;

namespace {

const std::string kFill = "/usr/bin/python3 '" FORMPIPE_SOURCE_DIR "/tests/forms/fill_form.py'";

process::Report report_of(const fs::path& input) {
  process::Options options;
  options.as_of = samples::as_of();
  options.render = false;
  return process::process_path(input, process::testing::environment(), options).report;
}

std::string formpipe(const std::string& arguments) {
  return "FORMPIPE_DATA_DIR='" FORMPIPE_SOURCE_DIR "' '" FORMPIPE_BINARY "' " + arguments;
}

// The form kind and profile of a sample, from its root element.
std::pair<std::string, std::string> kind_and_profile(const fs::path& sample) {
  const std::string text = samples::text(sample.filename().string());
  std::smatch root;
  REQUIRE(std::regex_search(
      text, root,
      std::regex(
          R"re(<(alliance-diary-sheet|alliance-annual-report|cet-grant-proposal)\b([^>]*)>)re")));
  std::smatch profile;
  const std::string attributes = root[2];
  std::string name = "cet-grant";
  if (std::regex_search(attributes, profile, std::regex(R"re(profile="([a-z-]+)")re")))
    name = profile[1];
  return {root[1], name};
}

// Empty rows enough for the sample's longest table (at least the blank's default of 10): the
// largest position in a field name (the keys of `fill_form.py fields`, one a line).
int rows_for(const fs::path& sample) {
  const auto fields = probe::run(kFill + " fields " + probe::quoted(sample)).out;
  int rows = 10;
  const std::regex key(R"re(^ "([^"]+)":)re", std::regex::multiline);
  const std::regex position(R"re(\.([0-9]+)(\.|$))re");
  for (std::sregex_iterator k(fields.begin(), fields.end(), key), end; k != end; ++k) {
    const std::string name = (*k)[1];
    for (std::sregex_iterator it(name.begin(), name.end(), position); it != end; ++it)
      rows = std::max(rows, std::stoi((*it)[1]));
  }
  return rows;
}

std::vector<fs::path> form_samples() {
  std::vector<fs::path> out;
  for (const fs::path& sample : samples::all()) {
    const std::string name = sample.filename().string();
    if (sample.extension() != ".xml") continue;
    if (name.starts_with("alliance-diary-sheet.") || name.starts_with("alliance-annual-report.") ||
        name.starts_with("cet-grant-proposal."))
      out.push_back(sample);
  }
  return out;
}

void check_twin(const fs::path& xml, const fs::path& filled) {
  REQUIRE(fs::exists(filled));
  const auto check = probe::run("qpdf --check " + probe::quoted(filled));
  INFO(check.out);
  CHECK(check.status == 0);
  const process::Report a = report_of(xml);
  const process::Report b = report_of(filled);
  INFO(samples::describe(b.findings));
  CHECK(b.status == a.status);
  CHECK(b.form == a.form);
  CHECK(b.profile == a.profile);
  CHECK(samples::finding_counts(b.findings) == samples::finding_counts(a.findings));
  CHECK(samples::figure_map(b.figures) == samples::figure_map(a.figures));
}

}  // namespace

TEST_CASE("a blank filled with a sample's values gives the sample's findings", "[forms][e2e]") {
  const auto all = form_samples();
  REQUIRE(all.size() >= 11);
  const fs::path dir = probe::output_dir() / "form-twins";
  fs::create_directories(dir);
  for (const fs::path& sample : all) {
    const std::string base = sample.stem().string();
    SECTION(base) {
      const auto [kind, profile] = kind_and_profile(sample);
      const fs::path blank = dir / (base + ".blank.pdf");
      const auto made =
          probe::run(formpipe("blank " + kind + " --profile " + profile + " --rows " +
                              std::to_string(rows_for(sample)) + " -o " + probe::quoted(blank)));
      INFO(made.out);
      REQUIRE(made.status == 0);

      SECTION("pdftk with an XFDF file") {
        const fs::path xfdf = dir / (base + ".xfdf");
        const fs::path filled = dir / (base + ".pdftk.pdf");
        REQUIRE(probe::run(kFill + " xfdf " + probe::quoted(sample) + " " + probe::quoted(xfdf))
                    .status == 0);
        const auto fill = probe::run("pdftk " + probe::quoted(blank) + " fill_form " +
                                     probe::quoted(xfdf) + " output " + probe::quoted(filled));
        INFO(fill.out);
        REQUIRE(fill.status == 0);
        check_twin(sample, filled);
      }
      SECTION("pikepdf") {
        const fs::path filled = dir / (base + ".pikepdf.pdf");
        const auto fill = probe::run(kFill + " pikepdf " + probe::quoted(blank) + " " +
                                     probe::quoted(sample) + " " + probe::quoted(filled) + " 2>&1");
        INFO(fill.out);
        REQUIRE(fill.status == 0);
        check_twin(sample, filled);
      }
      SECTION("qpdf --update-from-json") {
        const fs::path json = dir / (base + ".update.json");
        const fs::path filled = dir / (base + ".qpdf.pdf");
        const auto made_json =
            probe::run(kFill + " qpdf-json " + probe::quoted(blank) + " " + probe::quoted(sample) +
                       " " + probe::quoted(json) + " 2>&1");
        INFO(made_json.out);
        REQUIRE(made_json.status == 0);
        const auto fill = probe::run("qpdf " + probe::quoted(blank) + " --update-from-json=" +
                                     probe::quoted(json) + " " + probe::quoted(filled));
        REQUIRE(fill.status == 0);
        check_twin(sample, filled);
      }
      SECTION("an incremental update, as Acrobat Reader saves") {
        const fs::path filled = dir / (base + ".incremental.pdf");
        const auto fill = probe::run(kFill + " incremental " + probe::quoted(blank) + " " +
                                     probe::quoted(sample) + " " + probe::quoted(filled) + " 2>&1");
        INFO(fill.out);
        REQUIRE(fill.status == 0);
        CHECK(probe::count(probe::run("cat " + probe::quoted(filled)).out, "%%EOF") >= 2);
        check_twin(sample, filled);
      }
    }
  }
}
