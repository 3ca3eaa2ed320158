#include "pipeline/web/passwords.hpp"

#include <sodium.h>

#include <mutex>
#include <semaphore>

#include "pipeline/core/error.hpp"

namespace pipeline::web {

namespace {

void start_sodium() {
  static std::once_flag started;
  static bool ok = false;
  std::call_once(started, [] { ok = sodium_init() >= 0; });
  if (!ok) throw core::Error("libsodium could not be initialised");
}

// An Argon2id hash at the interactive cost fills 64 MiB while it runs (the memory is the point
// of it), so at most two run at once in a process: fifty reviewers signing in together cost
// 128 MiB at the peak, not fifty times 64, and a burst of sign-ins cannot exhaust memory.
std::counting_semaphore<2>& hash_slots() {
  static std::counting_semaphore<2> slots(2);
  return slots;
}

struct HashSlot {
  HashSlot() { hash_slots().acquire(); }
  ~HashSlot() { hash_slots().release(); }
  HashSlot(const HashSlot&) = delete;
  HashSlot& operator=(const HashSlot&) = delete;
};

std::string hex(const unsigned char* bytes, std::size_t size) {
  std::string out(size * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), bytes, size);
  out.pop_back();
  return out;
}

}  // namespace

std::string hash_password(std::string_view password, HashCost cost) {
  start_sodium();
  char hash[crypto_pwhash_STRBYTES];
  const bool interactive = cost == HashCost::Interactive;
  const HashSlot slot;
  if (crypto_pwhash_str_alg(
          hash, password.data(), password.size(),
          interactive ? crypto_pwhash_OPSLIMIT_INTERACTIVE : crypto_pwhash_OPSLIMIT_MIN,
          interactive ? crypto_pwhash_MEMLIMIT_INTERACTIVE : crypto_pwhash_MEMLIMIT_MIN,
          crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw core::Error("the password could not be hashed (out of memory)");
  return hash;
}

bool verify_password(std::string_view password, const std::string& hash) {
  start_sodium();
  if (hash.size() >= crypto_pwhash_STRBYTES) return false;
  const HashSlot slot;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

const std::string& decoy_hash() {
  static const std::string hash = hash_password(random_token(16));
  return hash;
}

std::string random_token(std::size_t bytes) {
  start_sodium();
  std::string buffer(bytes, '\0');
  randombytes_buf(buffer.data(), bytes);
  return hex(reinterpret_cast<const unsigned char*>(buffer.data()), bytes);
}

bool same_token(std::string_view a, std::string_view b) {
  start_sodium();
  return a.size() == b.size() && (a.empty() || sodium_memcmp(a.data(), b.data(), a.size()) == 0);
}

std::string token_digest(std::string_view text) {
  start_sodium();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  return hex(digest, sizeof digest);
}

}  // namespace pipeline::web
