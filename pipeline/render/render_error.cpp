#include "pipeline/render/render_error.hpp"

#include <utility>

namespace pipeline::render {

namespace {

std::string describe(const std::string& operation, unsigned long code, unsigned long detail) {
  std::string text = operation + " failed";
  if (code != 0) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string number;
    for (unsigned long value = code; value != 0; value /= 16) number.insert(0, 1, hex[value % 16]);
    text += ": libharu error 0x" + number + " (detail " + std::to_string(detail) + ")";
  }
  return text;
}

}  // namespace

RenderError::RenderError(std::string operation, unsigned long code, unsigned long detail)
    : core::Error(describe(operation, code, detail)),
      operation_(std::move(operation)),
      code_(code),
      detail_(detail) {}

}  // namespace pipeline::render
