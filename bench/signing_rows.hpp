#pragma once
//! The sign and verify rows: one core signing an agreement's field with a 2048-bit RSA key, and
//! verifying agreements with one and with three signatures. The key and its self-signed
//! certificate are made with OpenSSL when the benchmark starts (no key is committed).

#include <memory>
#include <string>
#include <vector>

namespace pipeline::render {
class FontSet;
}

namespace bench {

struct SigningRow {
  std::string name;
  int count = 0;
  double seconds = 0;  // CPU time of this thread
  std::size_t bytes = 0;
};

// Times `count` signatures and `count` verifications of `agreement` (a rendered agreement PDF).
std::vector<SigningRow> signing_rows(const std::string& agreement, int count,
                                     const std::shared_ptr<const pipeline::render::FontSet>& fonts);

}  // namespace bench
