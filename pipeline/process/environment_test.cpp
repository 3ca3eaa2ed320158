// The Environment: a whole submission processed from a data folder the test builds, with
// FORMPIPE_DATA_DIR unset, so nothing in ingest, rules or render finds its data on its own.
#include "pipeline/process/environment.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "pipeline/core/error.hpp"
#include "pipeline/process/process.hpp"
#include "pipeline/render/pdf_probe_test_support.hpp"

using namespace pipeline;
namespace fs = std::filesystem;

namespace {

const fs::path kSource = FORMPIPE_SOURCE_DIR;

std::string read_text(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

void write_text(const fs::path& file, const std::string& text) {
  std::ofstream(file, std::ios::binary) << text;
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

// A copy of the source tree's data folder, which a test may change.
fs::path data_copy(const std::string& name) {
  const fs::path copy = render::probe::output_dir() / name;
  fs::remove_all(copy);
  fs::create_directories(copy);
  for (const char* folder : {"forms", "fonts", "templates"})
    fs::copy(kSource / folder, copy / folder, fs::copy_options::recursive);
  return copy;
}

// FORMPIPE_DATA_DIR unset while in scope, restored after.
class NoDataDirVariable {
 public:
  NoDataDirVariable() {
    if (const char* value = std::getenv("FORMPIPE_DATA_DIR")) saved_ = value;
    ::unsetenv("FORMPIPE_DATA_DIR");
  }
  ~NoDataDirVariable() {
    if (!saved_.empty()) ::setenv("FORMPIPE_DATA_DIR", saved_.c_str(), 1);
  }

 private:
  std::string saved_;
};

}  // namespace

TEST_CASE("a whole submission is processed from the environment the caller built",
          "[process][environment]") {
  const NoDataDirVariable unset;
  const fs::path data = data_copy("environment-data");
  const fs::path agreement_template = data / "templates" / "agreement-miosha.xml";
  write_text(agreement_template,
             replaced(read_text(agreement_template), "more healthful Michigan workplaces",
                      "more healthful Michigan worksites"));
  const auto day = *core::Date::from_ymd(2025, 11, 20);
  const process::EnvironmentPtr env = process::Environment::load(data, [day] { return day; });
  CHECK(env->today() == day);
  CHECK(env->find_alliance("miosha") != nullptr);
  CHECK(env->find_alliance("ohio") == nullptr);

  process::Options options;  // no as_of: the environment's clock
  const process::Processed processed =
      process::process_path(kSource / "samples" / "alliance-agreement.valid.xml", *env, options);
  REQUIRE(processed.report.status == process::Status::Accepted);
  REQUIRE(processed.documents.size() == 2);
  const fs::path pdf =
      render::probe::write_file(processed.documents[1].bytes, "environment-agreement.pdf");
  const std::string text = render::probe::all_text(pdf);
  CHECK(text.find("more healthful Michigan worksites") != std::string::npos);
  CHECK(text.find("more healthful Michigan workplaces") == std::string::npos);
  // Dated by the environment's clock.
  CHECK(render::probe::run("pdfinfo " + render::probe::quoted(pdf)).out.find("2025") !=
        std::string::npos);
}

TEST_CASE("an environment is loaded whole, and says when its data changed on disk",
          "[process][environment]") {
  const NoDataDirVariable unset;
  const fs::path data = data_copy("environment-changes");
  const process::EnvironmentPtr env = process::Environment::load(data);
  CHECK_FALSE(env->changed_on_disk());

  SECTION("a template edited") {
    const fs::path file = data / "templates" / "declination-letter.xml";
    write_text(file, read_text(file) + "\n");
    CHECK(env->changed_on_disk());
  }
  SECTION("a profile edited") {
    const fs::path file = data / "forms" / "iowa.json";
    write_text(file, read_text(file) + "\n");
    CHECK(env->changed_on_disk());
  }
  SECTION("a broken template is an error naming its file and line at load") {
    write_text(data / "templates" / "declination-letter.xml",
               "<document>\n<paragrap>x</paragrap>\n</document>\n");
    try {
      process::Environment::load(data);
      FAIL("no error");
    } catch (const core::Error& e) {
      CHECK(std::string(e.what()).find("declination-letter.xml:2") != std::string::npos);
    }
  }
  SECTION("missing fonts are an error naming the file") {
    fs::remove(data / "fonts" / "DejaVuSans.ttf");
    try {
      process::Environment::load(data);
      FAIL("no error");
    } catch (const core::Error& e) {
      CHECK(std::string(e.what()).find("DejaVuSans.ttf") != std::string::npos);
    }
  }
}
