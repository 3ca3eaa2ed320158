// libFuzzer target: any bytes through ingest, as a file named FORMPIPE_FUZZ_NAME (its extension
// picks XML, CSV or zip bundle). Ingest must never crash, hang or throw, whatever it is given:
// bad input is a FORMAT finding.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "pipeline/ingest/ingest.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const pipeline::ingest::Options options;
  static const std::string name = FORMPIPE_FUZZ_NAME;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const pipeline::ingest::Ingested ingested = pipeline::ingest::ingest_bytes(bytes, name, options);
  if (ingested.unreadable && ingested.findings.size() != 1) __builtin_trap();  // cli.md
  return 0;
}
