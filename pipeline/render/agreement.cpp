#include "pipeline/render/agreement.hpp"

#include "pipeline/render/layout.hpp"

namespace pipeline::render {

// Temporary: a one-page placeholder until the template-driven agreement lands.
std::string render_agreement(const model::AllianceAgreement& agreement,
                             const model::AllianceProfile& profile, const RenderOptions& options) {
  DocumentInfo info;
  info.title = "Alliance Agreement";
  info.author = profile.agency;
  Document doc(info, options);
  doc.heading("Alliance Agreement");
  doc.paragraph(profile.agency + " — " + agreement.alliance_name.value_or("alliance agreement"));
  return doc.finish();
}

}  // namespace pipeline::render
