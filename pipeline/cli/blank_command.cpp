// formpipe blank: a fillable PDF form (pdf-forms.md §1), blank or prefilled from an XML file of
// the same kind or from a result in the record store.
#include <pugixml.hpp>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <iostream>
#include <set>
#include <sstream>

#include "pipeline/cli/commands.hpp"
#include "pipeline/cli/options.hpp"
#include "pipeline/cli/output.hpp"
#include "pipeline/forms/field_names.hpp"
#include "pipeline/model/report_schedule.hpp"
#include "pipeline/render/template_document.hpp"

namespace pipeline::cli {

namespace {

constexpr std::string_view kKinds[] = {"alliance-diary-sheet", "alliance-annual-report",
                                       "cet-grant-proposal"};
constexpr std::string_view kAllianceProfiles[] = {"miosha", "osha", "iowa", "calosha"};

Poco::Util::OptionSet blank_options() {
  Poco::Util::OptionSet options;
  options.addOption(
      valued("output", "o", "where to write the form (default: KIND-PROFILE.pdf)", "OUT.pdf"));
  options.addOption(valued("profile", "p",
                           "program profile: miosha (default), osha, iowa or calosha for the "
                           "alliance forms; cet-grant for the proposal",
                           "NAME"));
  options.addOption(valued("rows", "",
                           "empty rows of every repeating table (default: the paper form's, or "
                           "as many as fill the page the table starts on, at least 10)",
                           "N"));
  options.addOption(valued("from", "",
                           "prefill from an XML file of the same kind, or from the result "
                           "STORE-ID of the record store in --out",
                           "FILE.xml|STORE-ID"));
  options.addOption(
      valued("out", "", "the results folder of `formpipe run` (with --from STORE-ID)", "OUTDIR"));
  options.addOption(valued("as-of", "",
                           "today's date, for the next reporting period of --from STORE-ID "
                           "(default: the real date)",
                           "YYYY-MM-DD"));
  options.addOption(flag("help", "h", "show this help"));
  return options;
}

void print_blank_help(const Poco::Util::OptionSet& options) {
  std::cout
      << "Usage: formpipe blank KIND [--profile NAME] [--rows N]\n"
         "                      [--from FILE.xml | --from STORE-ID --out OUTDIR] [-o OUT.pdf]\n\n"
         "Writes a fillable PDF form: KIND is alliance-diary-sheet (MIOSHA-ADM-03-3R6 App A),\n"
         "alliance-annual-report (App B) or cet-grant-proposal (the whole CET proposal:\n"
         "signature sheet, applicant, narratives, key personnel, Tables A-D, program income).\n"
         "Partners fill it in any PDF viewer; `formpipe check` and the inbox read it back.\n"
         "Each field is named after its XML element path (docs/forms.md); the form kind, the\n"
         "profile and the form version are in the PDF's metadata, not in fields.\n\n"
         "--from FILE.xml prefills every field from a submission of the same kind. --from\n"
         "STORE-ID prefills from a result of `formpipe run --out OUTDIR`: an alliance agreement\n"
         "gives a diary sheet or annual report its organization, contact and alliance type and\n"
         "the reporting period that contains --as-of; a previous grant proposal gives the\n"
         "applicant (signature sheet and applicant sections) and the key personnel.\n\n"
         "Options:\n";
  print_options(options);
  std::cout << "\nExamples:\n"
               "  formpipe blank alliance-diary-sheet --profile miosha -o diary.pdf\n"
               "  formpipe blank cet-grant-proposal --from samples/cet-grant-proposal.valid.xml "
               "-o proposal.pdf\n"
               "  formpipe blank alliance-annual-report --from 3f2a9c1e0b7d --out results "
               "-o annual.pdf\n";
}

std::string read_whole(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UsageError("cannot read " + path.string());
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// The values of `xml` whose names start with one of `prefixes`.
forms::FieldValues keep(const forms::FieldValues& values,
                        std::initializer_list<std::string_view> prefixes) {
  forms::FieldValues out;
  for (const auto& [name, value] : values)
    for (const auto prefix : prefixes)
      if (name.compare(0, prefix.size(), prefix) == 0) out.emplace(name, value);
  return out;
}

// What an alliance agreement tells a diary sheet or annual report (pdf-forms.md §1): the
// organization, the contact, the alliance type and level, the signing dates and the reporting
// period that contains `today`. The agreement names no liaison, so that field stays empty.
forms::FieldValues from_agreement(const pugi::xml_node root, std::string_view kind,
                                  const model::AllianceProfile& profile, core::Date today) {
  forms::FieldValues values;
  const auto put = [&](const std::string& name, std::string_view value) {
    std::string text(value);
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return;
    text = text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
    values[name] = text;
  };
  put("alliance-type", root.attribute("alliance-type").value());
  if (profile.profile == "osha") put("level", root.attribute("level").value());
  const pugi::xml_node organization = root.child("organizations").child("organization");
  const bool diary = kind == "alliance-diary-sheet";
  if (diary) {
    put("alliance-name", root.child_value("alliance-name"));
    put("name-of-organization", organization.child_value("name"));
    const pugi::xml_node contact = root.child("point-of-contact");
    put("contact-person", contact.child_value("name"));
    put("email", contact.child_value("email"));
    put("telephone-number", contact.child_value("telephone-number"));
    if (const auto period = model::period_containing(profile.periodic_report.windows, today)) {
      put("reporting-period.start", period->start.iso());
      put("reporting-period.end", period->end.iso());
    }
    return values;
  }
  put("alliance-background.alliance-name", root.child_value("alliance-name"));
  const pugi::xml_node history = root.child("history");
  const std::string_view signing = root.child_value("signing-date");
  const std::string_view initial = history.child_value("initial-signing-date");
  const bool renewal = std::string_view(root.attribute("action").value()) == "renewal";
  put("alliance-background.initial-date-signed", renewal && !initial.empty() ? initial : signing);
  if (renewal) put("alliance-background.date-renewed", signing);
  // The annual report covers a calendar year: the one that contains today.
  const std::string year = std::to_string(today.year());
  put("alliance-background.evaluation-period.start", year + "-01-01");
  put("alliance-background.evaluation-period.end", year + "-12-31");
  return values;
}

// The original submission of the result `id` in `out`, kept as received: XML only.
std::string stored_original(const std::string& id, const std::filesystem::path& out) {
  const std::filesystem::path folder = out / id;
  std::error_code ec;
  if (!std::filesystem::is_directory(folder, ec))
    throw UsageError("no result " + id + " in " + out.string());
  std::filesystem::path original;
  for (const auto& entry : std::filesystem::directory_iterator(folder, ec))
    if (entry.path().stem() == "original") original = entry.path();
  if (original.empty()) throw UsageError("result " + id + " keeps no original submission");
  if (original.extension() != ".xml")
    throw UsageError("result " + id + " was submitted as " + original.extension().string() +
                     "; only XML submissions can prefill a form");
  return read_whole(original);
}

// Prefill values from the stored submission `xml` (result `id`).
forms::FieldValues from_store(const std::string& id, const std::string& xml, std::string_view kind,
                              const process::Environment& env, const std::string& profile_name,
                              core::Date today) {
  pugi::xml_document document;
  if (!document.load_buffer(xml.data(), xml.size()))
    throw UsageError("result " + id + ": its original is not well-formed XML");
  const pugi::xml_node root = document.document_element();
  const std::string_view root_kind = root.name();
  if (root_kind == "alliance-agreement" && kind != "cet-grant-proposal") {
    const model::AllianceProfile* profile = env.find_alliance(profile_name);
    if (profile == nullptr) throw UsageError("no program profile " + profile_name);
    return from_agreement(root, kind, *profile, today);
  }
  if (root_kind == "cet-grant-proposal" && kind == "cet-grant-proposal") {
    auto values = keep(
        forms::field_values(xml),
        {"signature-sheet.sponsoring-organization", "signature-sheet.authorized-contact-person",
         "signature-sheet.position-title", "signature-sheet.mailing-address",
         "signature-sheet.city", "signature-sheet.state", "signature-sheet.zip-code",
         "signature-sheet.telephone-number", "applicant.", "key-personnel."});
    return values;
  }
  if (root_kind == kind) return forms::field_values(xml);
  throw UsageError("result " + id + " is a " + std::string(root_kind) + ", which cannot prefill " +
                   std::string(kind) +
                   " (an alliance-agreement prefills the alliance forms, a cet-grant-proposal "
                   "the proposal)");
}

}  // namespace

int blank_command(const Args& args) {
  const Poco::Util::OptionSet options = blank_options();
  const ParsedArgs parsed = parse_args(args, options);
  if (parsed.has("help")) {
    print_blank_help(options);
    return 0;
  }
  if (parsed.positional.size() != 1) throw UsageError("give exactly one KIND");
  const std::string kind = parsed.positional.front();
  if (std::find(std::begin(kKinds), std::end(kKinds), kind) == std::end(kKinds))
    throw UsageError("unknown form kind " + kind +
                     " (alliance-diary-sheet, alliance-annual-report or cet-grant-proposal)");
  const bool grant = kind == "cet-grant-proposal";

  render::FormFill fill;
  if (const auto rows = parsed.get("rows")) {
    std::size_t n = 0;
    const auto [end, ec] = std::from_chars(rows->data(), rows->data() + rows->size(), n);
    if (ec != std::errc() || end != rows->data() + rows->size() || n < 1 || n > 1000)
      throw UsageError("--rows wants a number from 1 to 1000, not " + *rows);
    fill.rows = n;
  }

  std::string profile = parsed.get("profile").value_or("");
  const auto from = parsed.get("from");
  const process::EnvironmentPtr env = load_environment(parsed);
  if (from && std::filesystem::is_regular_file(*from)) {
    const std::string xml = read_whole(*from);
    forms::FormIdentity identity;
    try {
      identity = forms::form_identity(xml);
      fill.values = forms::field_values(xml);
    } catch (const core::Error& e) {
      throw UsageError(*from + ": " + e.what());
    }
    if (identity.kind != kind)
      throw UsageError(*from + " is a " + identity.kind + ", not a " + kind);
    if (profile.empty()) profile = identity.profile;
  }
  std::string stored;  // --from STORE-ID: the result's original submission
  if (from && !std::filesystem::is_regular_file(*from)) {
    const auto out = parsed.get("out");
    if (!out)
      throw UsageError("no such file " + *from +
                       " (to prefill from a stored result, give its id and --out OUTDIR)");
    stored = stored_original(*from, *out);
    // An agreement's profile is the form's unless --profile says otherwise.
    if (profile.empty() && !grant) {
      try {
        profile = forms::form_identity(stored).profile;
      } catch (const core::Error&) {
        // not well-formed: from_store says so
      }
    }
  }
  if (profile.empty()) profile = grant ? "cet-grant" : "miosha";
  if (grant && profile != "cet-grant")
    throw UsageError("a cet-grant-proposal has the profile cet-grant, not " + profile);
  if (!grant && std::find(std::begin(kAllianceProfiles), std::end(kAllianceProfiles), profile) ==
                    std::end(kAllianceProfiles))
    throw UsageError("unknown profile " + profile + " for " + kind +
                     " (miosha, osha, iowa or calosha)");
  if (!stored.empty()) fill.values = from_store(*from, stored, kind, *env, profile, env->today());

  render::TemplateData data;
  data.set("profile", profile);
  for (const auto name : kAllianceProfiles) data.set(std::string(name), profile == name);
  data.set("cet_grant", grant);
  if (!grant) {
    const model::AllianceProfile& program = env->alliance(profile);
    data.set("agency", program.agency);
    data.set("agency_short", program.agency_short);
    std::string types;
    for (const auto& word : program.alliance_types.allowed) {
      if (!types.empty()) types += ' ';
      types += word;
    }
    data.set("alliance_types", types.empty() ? std::string("standard") : types);
    data.set("alliance_type_required", program.alliance_types.required);
  }
  if (!env->templates()) throw core::Error("no templates folder was loaded");
  std::set<std::string> placed;
  fill.placed = &placed;
  const std::string pdf =
      render::render_fillable_form(env->templates()->get("form-" + kind + ".xml"), data, fill,
                                   env->render_options(env->today()));
  const std::string out = parsed.get("output").value_or(kind + "-" + profile + ".pdf");
  std::ofstream file(out, std::ios::binary | std::ios::trunc);
  file.write(pdf.data(), static_cast<std::streamsize>(pdf.size()));
  file.close();
  if (!file) throw core::IoError(out, "cannot write the form");
  // Values the form has no field for (an element formats.md does not define for the kind, or
  // more rows than --rows allows) are said, not dropped silently.
  std::size_t unplaced = 0;
  for (const auto& [name, value] : fill.values)
    if (placed.count(name) == 0 && ++unplaced <= 10)
      std::cerr << "formpipe blank: no field " << name << " in the " << kind
                << " form; its value is left out\n";
  if (unplaced > 10) std::cerr << "formpipe blank: ... and " << unplaced - 10 << " more\n";
  std::cout << out << "\n";
  return 0;
}

}  // namespace pipeline::cli
