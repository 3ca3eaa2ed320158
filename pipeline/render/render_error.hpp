#pragma once
//! The render layer's one exception: HarfBuzz (or, in the benchmark's baseline writer, libharu)
//! failed. Raised after the C call has returned, never thrown through C frames.

#include <string>

#include "pipeline/core/error.hpp"

namespace pipeline::render {

class RenderError : public core::Error {
 public:
  // `operation` names the call that failed ("HPDF_SaveToStream"); `code` and `detail` are
  // libharu's error number and detail number (0 when the failure is not libharu's).
  RenderError(std::string operation, unsigned long code, unsigned long detail);
  const std::string& operation() const { return operation_; }
  unsigned long code() const { return code_; }
  unsigned long detail() const { return detail_; }

 private:
  std::string operation_;
  unsigned long code_;
  unsigned long detail_;
};

}  // namespace pipeline::render
