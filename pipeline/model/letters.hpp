#pragma once
//! Letter requests (formats.md §7): declination and expiration/termination letters.

namespace pipeline::model {

struct DeclinationLetter {};
struct ExpirationTerminationLetter {};

}  // namespace pipeline::model
