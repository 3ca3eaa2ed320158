#include "pipeline/render/letters.hpp"

#include "pipeline/render/layout.hpp"

namespace pipeline::render {

namespace {

// Temporary: a one-page placeholder until the template-driven letters land.
std::string placeholder(const std::string& title, const model::Addressee& addressee,
                        const model::AllianceProfile& profile, const RenderOptions& options) {
  DocumentInfo info;
  info.title = title;
  info.author = profile.agency;
  Document doc(info, options);
  doc.heading(title);
  doc.paragraph(addressee.name.value_or("") + ", " + addressee.organization_name.value_or(""));
  return doc.finish();
}

}  // namespace

std::string render_declination_letter(const model::DeclinationLetter& letter,
                                      const model::AllianceProfile& profile,
                                      const RenderOptions& options) {
  return placeholder("Letter of Alliance Declination", letter.addressee, profile, options);
}

std::string render_expiration_termination_letter(const model::ExpirationTerminationLetter& letter,
                                                 const model::AllianceProfile& profile,
                                                 const RenderOptions& options) {
  return placeholder("Letter of Alliance Expiration/Termination", letter.addressee, profile,
                     options);
}

}  // namespace pipeline::render
