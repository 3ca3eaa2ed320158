#pragma once
// Benchmark inputs: realistic submissions of every kind, made from the valid samples with the
// names, organizations, rows and amounts varied (accented and non-Latin names, 1-4 pages of
// agreement objectives, grant budgets of 30-60 Table D lines), so they stay valid and take the
// same paths through ingest, rules and render as real ones. Deterministic for a given seed.

#include <cstdint>
#include <filesystem>
#include <random>
#include <string>

namespace bench {

enum class Kind {
  Agreement,
  Renewal,
  DeclinationLetter,
  ExpirationLetter,
  DiarySheet,
  AnnualReport,
  GrantProposal
};

class Generator {
 public:
  // `samples`: the repository's samples/ folder, whose valid files are the templates.
  Generator(std::filesystem::path samples, std::uint64_t seed);

  // One submission of `kind` as XML; `serial` makes its bytes unique.
  std::string xml(Kind kind, std::size_t serial);
  // A single-file diary-sheet CSV (formats.md §5) of `rows` activity rows.
  std::string diary_csv(std::size_t rows);
  // Writes `count` mixed submissions into `inbox` (created): mostly valid XML of every kind,
  // some diary sheets as CSV and some of the invalid samples, each file's bytes unique.
  void write_inbox(const std::filesystem::path& inbox, std::size_t count);

 private:
  std::string person();
  std::string organization();
  std::string pick(const char* const* items, std::size_t count);
  int between(int low, int high);

  std::filesystem::path samples_;
  std::mt19937_64 rng_;
};

// The bytes of a file; throws std::runtime_error when it cannot be read.
std::string read_file(const std::filesystem::path& path);
// Writes `bytes` to `path`; throws std::runtime_error when it cannot.
void write_file(const std::filesystem::path& path, const std::string& bytes);

}  // namespace bench
