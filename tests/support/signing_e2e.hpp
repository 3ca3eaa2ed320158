#pragma once
//! Test support for the end-to-end signing tests (tests/*_e2e_test.cpp): the formpipe binary run
//! as a person runs it, a scratch folder per test, an NSS database for poppler's pdfsig that
//! trusts the throw-away test CA of pipeline/signing/signing_test_support.hpp, and formpipe sign.

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "pipeline/signing/signing_test_support.hpp"

namespace pipeline::signing::testing {

inline const fs::path kSourceDir = FORMPIPE_SOURCE_DIR;

// The binary with `arguments`, output and error output together; `environment` is prefixed
// (VAR=value ...).
inline Run formpipe(const std::string& arguments, const std::string& environment = {}) {
  if (!std::getenv("FORMPIPE_DATA_DIR")) ::setenv("FORMPIPE_DATA_DIR", FORMPIPE_SOURCE_DIR, 0);
  return run(environment + " " + quoted(FORMPIPE_BINARY) + " " + arguments);
}

// A folder of its own under the test process's scratch folder.
inline fs::path folder(const std::string& name) {
  const fs::path dir = scratch() / name;
  fs::create_directories(dir);
  return dir;
}

// An NSS database trusting the test CA (and holding `import`'s key, for pdfsig -sign).
inline fs::path nss_database(const fs::path& dir, const fs::path& import = {}) {
  const fs::path db = dir / "nss";
  fs::create_directories(db);
  must("certutil -N -d sql:" + quoted(db) + " --empty-password");
  must("certutil -A -d sql:" + quoted(db) + " -n test-ca -t CT,C,C -i " + quoted(pki().ca));
  if (!import.empty())
    must("pk12util -i " + quoted(import) + " -d sql:" + quoted(db) + " -W '" + pki().password +
         "'");
  return db;
}

inline std::string key_password_environment() {
  return "FORMPIPE_KEY_PASSWORD='" + pki().password + "'";
}

// `formpipe sign IN -o OUT --key KEY EXTRA`, which must succeed, and `qpdf --check` of OUT.
inline void sign_with_formpipe(const fs::path& in, const fs::path& out, const fs::path& key,
                               const std::string& extra = {}) {
  const Run result =
      formpipe("sign " + quoted(in) + " -o " + quoted(out) + " --key " + quoted(key) + " " + extra,
               key_password_environment());
  INFO(result.out);
  REQUIRE(result.status == 0);
  const Run check = run("qpdf --check " + quoted(out));
  INFO(check.out);
  CHECK(check.status == 0);
}

// `pdfsig -sign FIELD` with `key` (imported into a fresh NSS database under `dir`), as a partner
// whose viewer is not formpipe would sign.
inline void sign_with_pdfsig(const fs::path& dir, const fs::path& in, const fs::path& out,
                             const std::string& field, const fs::path& key,
                             const std::string& nickname) {
  const fs::path db = nss_database(dir, key);
  const Run result =
      run("pdfsig -sign " + field + " -nssdir sql:" + quoted(db) + " -nick " + nickname +
          " -etsi -reason 'Signed with pdfsig' " + quoted(in) + " " + quoted(out));
  INFO(result.out);
  REQUIRE(fs::exists(out));
}

// `pdf` with one bit of a byte inside page 1's content stream flipped: what a changed page looks
// like to a verifier (the file still parses).
inline std::string with_page_content_changed(std::string pdf) {
  QPDF parsed;
  parsed.processMemoryFile("signed", pdf.data(), pdf.size());
  QPDFObjectHandle page = parsed.getAllPages().front();
  const QPDFObjGen contents = page.getKey("/Contents").getObjGen();
  const auto entry = parsed.getXRefTable().at(contents);
  REQUIRE(entry.getType() == 1);
  const std::size_t at = pdf.find("stream", static_cast<std::size_t>(entry.getOffset())) + 20;
  pdf[at] = static_cast<char>(pdf[at] ^ 0x01);
  return pdf;
}

}  // namespace pipeline::signing::testing
