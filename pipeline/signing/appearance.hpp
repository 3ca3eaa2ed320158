#pragma once
//! Internal to signing: the visible appearance of a signed widget, a form XObject saying
//! "Digitally signed by NAME" and the date, set in subsets of the document fonts (DejaVu Sans,
//! with the render module's fallback for other scripts) embedded in the update.

#include <string>
#include <vector>

#include "pipeline/signing/incremental_update.hpp"

namespace pipeline::render {
class FontSet;
}

namespace pipeline::signing::detail {

// Writes the XObject (`width` x `height` points) showing `lines`, and its fonts, into `update`;
// returns the XObject's object number.
int write_appearance(IncrementalUpdate& update, const render::FontSet& fonts, double width,
                     double height, const std::vector<std::string>& lines);

}  // namespace pipeline::signing::detail
