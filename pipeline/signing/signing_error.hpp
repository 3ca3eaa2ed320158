#pragma once
//! The two ways signing and verifying fail before there is anything to report: the input is not
//! a PDF formpipe can read (PdfError), or the request cannot be carried out as asked
//! (SignError: wrong password, no such field, field already signed). The CLI turns both into
//! exit status 2 with the message as it is.

#include <string>

#include "pipeline/core/error.hpp"

namespace pipeline::signing {

// The bytes are not a PDF, are damaged beyond what a reader recovers, or are encrypted.
class PdfError : public core::Error {
 public:
  using core::Error::Error;
};

// A signing request that cannot be done: wrong PKCS#12 password, a key not allowed to sign, an
// unknown or already signed field, no empty field left, --certify after a first signature.
class SignError : public core::Error {
 public:
  using core::Error::Error;
};

}  // namespace pipeline::signing
