#pragma once
//! Environment failures and broken invariants: exceptions derived from pipeline::core::Error,
//! caught once per submission at the process boundary. Bad input is never an exception: it is
//! a Finding.

#include <stdexcept>
#include <string>

namespace pipeline::core {

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A file or folder could not be read or written.
class IoError : public Error {
 public:
  IoError(std::string path, const std::string& what)
      : Error(path + ": " + what), path_(std::move(path)) {}
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace pipeline::core
