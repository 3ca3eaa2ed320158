#pragma once
//! Small helpers for code that queries the record store through Poco::Data (store.cpp, and the
//! desk's web/desk_store.cpp, which reads the same file).

#include <Poco/Data/RecordSet.h>
#include <Poco/Exception.h>

#include <filesystem>
#include <string>

#include "pipeline/core/error.hpp"

namespace pipeline::inbox {

// A column of the current row as text ("" for NULL).
inline std::string text_at(Poco::Data::RecordSet& rows, const std::string& column) {
  return rows.nvl<std::string>(column).convert<std::string>();
}

// Runs `body`, translating Poco's exceptions into core::Error naming the store `file`.
template <class Body>
auto translated(const std::filesystem::path& file, Body&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const Poco::Exception& e) {
    throw core::Error("record store " + file.string() + ": " + e.displayText());
  }
}

}  // namespace pipeline::inbox
