#pragma once
//! Passwords and random tokens for the reviewers' desk (web.md §3), from libsodium: Argon2id
//! password hashes (crypto_pwhash_str, memory-hard, salted, the parameters in the string) and
//! tokens from the system's random source.

#include <string>
#include <string_view>

namespace pipeline::web {

// How costly a hash is to compute: Interactive (64 MiB, libsodium's choice for sign-ins) for
// real users; Minimum only for tests, which hash many passwords under the sanitizers.
enum class HashCost { Interactive, Minimum };

// The Argon2id string of `password` ("$argon2id$v=19$m=...,t=...,p=1$salt$hash"). Throws
// core::Error when libsodium cannot start or runs out of memory.
std::string hash_password(std::string_view password, HashCost cost = HashCost::Interactive);
// Whether `password` matches `hash` (a string of hash_password). False for a malformed hash.
// At most two hashes (this or hash_password) run at once in a process, the others wait: each
// fills 64 MiB while it runs.
bool verify_password(std::string_view password, const std::string& hash);
// A hash of no password, for checking a sign-in of an unknown name as long as a known one.
const std::string& decoy_hash();

// `bytes` random bytes as lower-case hex (2 × bytes characters).
std::string random_token(std::size_t bytes = 32);
// Equal strings, compared in time that depends on the length only.
bool same_token(std::string_view a, std::string_view b);
// SHA-256 of `text` (the form in which session tokens are kept), lower-case hex.
std::string token_digest(std::string_view text);

}  // namespace pipeline::web
