#include "bench/generate.hpp"

#include <pugixml.hpp>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace bench {

namespace {

constexpr const char* kGiven[] = {"María Elena", "José",  "Nguyễn Thị", "Trần Văn", "Zoë",
                                  "Łukasz",      "Søren", "Renée",      "Tomás",    "Ignacio",
                                  "Ana",         "Dana",  "Marcus",     "Aiyana",   "Ōta",
                                  "Mikael",      "Priya", "Chloé"};
constexpr const char* kFamily[] = {"Núñez",     "Wiśniewski", "Hồng",   "Lefèvre",  "Zúniga",
                                   "Okafor",    "Lindström",  "Dvořák", "O'Rourke", "Herrera",
                                   "Kowalczyk", "Bianchi",    "Szabó",  "Yılmaz",   "Ramírez"};
// Names written in their own script (set in the CJK fallback face).
constexpr const char* kNative[] = {"김민준", "王小明", "이서연", "陈静", "박지훈", "刘洋"};
constexpr const char* kOrgStart[] = {"Asociación de Trabajadores",
                                     "Hội Công nhân Việt Nam",
                                     "Great Lakes",
                                     "Polska Federacja",
                                     "Korean American",
                                     "Mid-Michigan",
                                     "Upper Peninsula",
                                     "Saginaw Valley",
                                     "Association québécoise des",
                                     "Thumb Area"};
constexpr const char* kOrgTrade[] = {
    "Roofing Contractors",    "Tree Care",     "Residential Builders", "Foundry Workers",
    "Poultry Processors",     "Marine Trades", "Hospital Engineers",   "Snowplow Operators",
    "Electrical Contractors", "Landscapers"};
constexpr const char* kOrgEnd[] = {"Association", "Safety Council", "Guild",      "Alliance",
                                   "Society",     "Federation",     "Cooperative"};
constexpr const char* kCity[] = {"Lansing",   "Grand Rapids",  "Flint",
                                 "Saginaw",   "Traverse City", "Marquette",
                                 "Kalamazoo", "Ypsilanti",     "Sault Ste. Marie"};
constexpr const char* kHazard[] = {"falls from ladders and roofs",
                                   "heat illness",
                                   "struck-by hazards",
                                   "trenching and excavation",
                                   "electrical hazards",
                                   "amputations at machinery",
                                   "silica dust",
                                   "noise",
                                   "lockout/tagout of energy sources",
                                   "chemical exposure in cleaning products"};
constexpr const char* kAudience[] = {
    "member crews",        "Spanish-speaking workers",
    "small employers",     "new hires and apprentices",
    "supervisors",         "Vietnamese-speaking nail salon workers",
    "seasonal farmworkers"};
constexpr const char* kActivityType[] = {"training",   "presentation", "exhibit",
                                         "conference", "meeting",      "roundtable",
                                         "product",    "newsletter",   "social-media"};
constexpr const char* kEmphasis[] = {"Safety and Health Programs", "Electrical hazards",
                                     "Struck-by and caught-in hazards", "Slips, trips and falls"};

std::string two_digits(int value) {
  return (value < 10 ? "0" : "") + std::to_string(value);
}

// A date of 2025 between day `first` and `last` of the year's days-of-month grid (month, day).
std::string date_in(int year, int month, int day) {
  return std::to_string(year) + "-" + two_digits(month) + "-" + two_digits(day);
}

std::string cents_text(long cents) {
  return std::to_string(cents / 100) + "." + two_digits(static_cast<int>(cents % 100));
}

long cents_of(const pugi::xml_node& node) {
  const std::string text = node.text().get();
  const auto dot = text.find('.');
  long whole = std::stol(text.substr(0, dot));
  long fraction = 0;
  if (dot != std::string::npos) {
    std::string digits = text.substr(dot + 1) + "00";
    fraction = std::stol(digits.substr(0, 2));
  }
  return whole * 100 + fraction;
}

void add_cents(pugi::xml_node node, long cents) {
  if (!node) throw std::runtime_error("bench generator: a sample lacks an amount it expects");
  node.text().set(cents_text(cents_of(node) + cents).c_str());
}

void set(pugi::xml_node root, const char* path, const std::string& value) {
  pugi::xml_node node = root.first_element_by_path(path);
  if (!node) throw std::runtime_error(std::string("bench generator: no ") + path + " in sample");
  node.text().set(value.c_str());
}

std::string serialized(const pugi::xml_document& doc, std::size_t serial) {
  std::ostringstream out;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- formpipe bench input " << serial
      << " -->\n";
  doc.save(out, "  ", pugi::format_default | pugi::format_no_declaration);
  return out.str();
}

}  // namespace

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void write_file(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

Generator::Generator(std::filesystem::path samples, std::uint64_t seed)
    : samples_(std::move(samples)), rng_(seed) {}

int Generator::between(int low, int high) {
  return std::uniform_int_distribution<int>(low, high)(rng_);
}

std::string Generator::pick(const char* const* items, std::size_t count) {
  return items[std::uniform_int_distribution<std::size_t>(0, count - 1)(rng_)];
}

std::string Generator::person() {
  if (between(0, 9) == 0) return pick(kNative, std::size(kNative));
  return pick(kGiven, std::size(kGiven)) + " " + pick(kFamily, std::size(kFamily));
}

std::string Generator::organization() {
  return pick(kOrgStart, std::size(kOrgStart)) + " " + pick(kOrgTrade, std::size(kOrgTrade)) + " " +
         pick(kOrgEnd, std::size(kOrgEnd));
}

std::string Generator::xml(Kind kind, std::size_t serial) {
  const char* sample = nullptr;
  switch (kind) {
    case Kind::Agreement:
      sample = "alliance-agreement.valid.xml";
      break;
    case Kind::Renewal:
      sample = "alliance-agreement.calosha-renewal.valid.xml";
      break;
    case Kind::DeclinationLetter:
      sample = "declination-letter.valid.xml";
      break;
    case Kind::ExpirationLetter:
      sample = "expiration-termination-letter.valid.xml";
      break;
    case Kind::DiarySheet:
      sample = "alliance-diary-sheet.valid.xml";
      break;
    case Kind::AnnualReport:
      sample = "alliance-annual-report.valid.xml";
      break;
    case Kind::GrantProposal:
      sample = "cet-grant-proposal.valid.xml";
      break;
  }
  pugi::xml_document doc;
  if (!doc.load_file((samples_ / sample).c_str()))
    throw std::runtime_error(std::string("bench generator: cannot parse samples/") + sample);
  pugi::xml_node root = doc.document_element();
  const std::string org = organization();

  // Objectives filling 1-4 pages (about ten objectives a page).
  const auto add_objectives = [&](pugi::xml_node container, int count) {
    for (int i = 0; i < count; ++i) {
      pugi::xml_node objective = container.append_child("objective");
      objective.append_attribute("measurable").set_value("yes");
      objective.text().set(
          ("Deliver " + std::to_string(between(2, 12)) + " sessions a year on " +
           pick(kHazard, std::size(kHazard)) + " for " + pick(kAudience, std::size(kAudience)) +
           " in " + pick(kCity, std::size(kCity)) + ", with " + person() +
           " coordinating the materials and reporting the number of workers reached to the "
           "implementation team each quarter.")
              .c_str());
    }
  };

  switch (kind) {
    case Kind::Agreement: {
      set(root, "alliance-name", "MIOSHA and " + org + " Alliance");
      set(root, "organizations/organization/name", org);
      set(root, "organizations/organization/signatory/name", person());
      set(root, "point-of-contact/name", person());
      const int pages = between(1, 4);
      add_objectives(root.child("raising-awareness"), pages * 5);
      add_objectives(root.child("training-and-education"), pages * 5);
      break;
    }
    case Kind::Renewal: {
      const std::string partner = organization();
      set(root, "alliance-name", "Cal/OSHA, " + org + " and " + partner + " Alliance");
      pugi::xml_node first = root.child("organizations").child("organization");
      first.child("name").text().set(org.c_str());
      first.child("signatory").child("name").text().set(person().c_str());
      pugi::xml_node second = first.next_sibling("organization");
      second.child("name").text().set(partner.c_str());
      second.child("signatory").child("name").text().set(person().c_str());
      const int pages = between(1, 4);
      add_objectives(root.child("raising-awareness"), pages * 5);
      add_objectives(root.child("training-and-education"), pages * 5);
      break;
    }
    case Kind::DeclinationLetter:
    case Kind::ExpirationLetter:
      set(root, "addressee/name", person());
      set(root, "addressee/organization-name", org);
      set(root, "addressee/address",
          std::to_string(between(10, 9999)) + " " + pick(kFamily, std::size(kFamily)) + " Street");
      break;
    case Kind::DiarySheet: {
      set(root, "name-of-organization", org);
      set(root, "contact-person", person());
      pugi::xml_node activities = root.child("activities");
      while (activities.first_child()) activities.remove_child(activities.first_child());
      for (int i = between(3, 25); i > 0; --i) {
        pugi::xml_node a = activities.append_child("activity");
        a.append_child("date").text().set(date_in(2025, between(7, 9), between(1, 28)).c_str());
        a.append_child("event-or-product-type")
            .text()
            .set(pick(kActivityType, std::size(kActivityType)).c_str());
        a.append_child("description-comments")
            .text()
            .set(("Session on " + pick(kHazard, std::size(kHazard)) + " for " +
                  pick(kAudience, std::size(kAudience)) + ", " + pick(kCity, std::size(kCity)))
                     .c_str());
        a.append_child("emphasis").text().set(pick(kEmphasis, std::size(kEmphasis)).c_str());
        a.append_child("number-reached").text().set(std::to_string(between(5, 2500)).c_str());
      }
      break;
    }
    case Kind::AnnualReport: {
      set(root, "alliance-background/alliance-name", "MIOSHA and " + org + " Alliance");
      pugi::xml_node members =
          root.first_element_by_path("alliance-background/implementation-team-members");
      for (pugi::xml_node m : members.children("member")) {
        m.child("name").text().set(person().c_str());
        m.child("organization").text().set(org.c_str());
      }
      pugi::xml_node events = root.child("events-and-products");
      for (int i = between(5, 30); i > 0; --i) {
        pugi::xml_node a = events.append_child("activity");
        a.append_child("date").text().set(date_in(2024, between(1, 12), between(1, 28)).c_str());
        a.append_child("event-or-product-type")
            .text()
            .set(pick(kActivityType, std::size(kActivityType)).c_str());
        a.append_child("description-comments")
            .text()
            .set(("Outreach on " + pick(kHazard, std::size(kHazard)) + " for " +
                  pick(kAudience, std::size(kAudience)))
                     .c_str());
        a.append_child("emphasis").text().set(pick(kEmphasis, std::size(kEmphasis)).c_str());
        a.append_child("number-reached").text().set(std::to_string(between(5, 2500)).c_str());
      }
      break;
    }
    case Kind::GrantProposal: {
      set(root, "signature-sheet/sponsoring-organization", org);
      set(root, "signature-sheet/authorized-contact-person", person());
      set(root, "signature-sheet/certification-and-signature/signature-of-official", person());
      // The sample has 25 Table D lines; office-supply lines bring it to 30-60, every total
      // that depends on them raised to match (Table D, Table C, the amount requested).
      pugi::xml_node supplies = root.first_element_by_path("table-d/office-supplies");
      pugi::xml_node total = supplies.child("total-grant");
      long added = 0;
      for (int i = between(5, 35); i > 0; --i) {
        const long each = between(5, 400);  // cents
        const long units = between(10, 100);
        pugi::xml_node line = supplies.insert_child_before("line", total);
        line.append_attribute("funding").set_value("grant");
        line.append_child("type-of-supplies")
            .text()
            .set(("Handouts on " + pick(kHazard, std::size(kHazard))).c_str());
        line.append_child("cost-per-item").text().set(cents_text(each).c_str());
        line.append_child("total-units").text().set(std::to_string(units).c_str());
        line.append_child("total-charged").text().set(cents_text(each * units).c_str());
        added += each * units;
      }
      add_cents(total, added);
      pugi::xml_node category =
          root.child("table-c").find_child_by_attribute("category", "number", "5");
      add_cents(category.child("grant").child("total-funds"), added);
      add_cents(category.child("grant").child("first"), added);
      pugi::xml_node grand = root.child("table-c").child("total").child("grant");
      add_cents(grand.child("total-funds"), added);
      add_cents(grand.child("first"), added);
      add_cents(root.first_element_by_path("signature-sheet/total-amount-of-cet-funds-requested"),
                added);
      break;
    }
  }
  return serialized(doc, serial);
}

std::string Generator::diary_csv(std::size_t rows) {
  const std::string sample = read_file(samples_ / "alliance-diary-sheet.valid.csv");
  std::string out = sample.substr(0, sample.find('\n') + 1);
  out.reserve(rows * 400);
  const std::string org = organization();
  const std::string contact = person();
  for (std::size_t i = 0; i < rows; ++i) {
    out += "alliance-diary-sheet,miosha,partner,,2025-07-01,2025-09-30,,";
    out += org;
    out += ",\"3100 West Saginaw Highway, Suite 210\",Lansing,,48917,";
    out += contact;
    out +=
        ",Safety Committee Chair,(517) 555-0199,safety@example.org,Karen Lindqvist,2025-10-03,"
        "activity,";
    out += date_in(2025, between(7, 9), between(1, 28));
    out += ',';
    out += pick(kActivityType, std::size(kActivityType));
    out += ",\"Session on ";
    out += pick(kHazard, std::size(kHazard));
    out += ", ";
    out += pick(kCity, std::size(kCity));
    out += "\",\"";
    out += pick(kEmphasis, std::size(kEmphasis));
    out += "\",";
    out += std::to_string(between(5, 2500));
    out += '\n';
  }
  return out;
}

void Generator::write_inbox(const std::filesystem::path& inbox, std::size_t count) {
  std::filesystem::create_directories(inbox);
  // Roughly what a program office receives: diary sheets most, then agreements and letters.
  static constexpr Kind kMix[] = {
      Kind::DiarySheet,   Kind::DiarySheet,        Kind::DiarySheet,       Kind::DiarySheet,
      Kind::Agreement,    Kind::Agreement,         Kind::Renewal,          Kind::AnnualReport,
      Kind::AnnualReport, Kind::DeclinationLetter, Kind::ExpirationLetter, Kind::GrantProposal};
  static constexpr const char* kInvalid[] = {
      "alliance-diary-sheet.invalid.late-out-of-period-not-numeric.xml",
      "alliance-agreement.invalid.miosha-no-shp-enforcement-six-years.xml",
      "cet-grant-proposal.invalid.budget-caps-match-travel-arithmetic.xml",
      "declination-letter.invalid.received-after-letter-ohio-no-zip.xml"};
  for (std::size_t i = 0; i < count; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "%06zu", i);
    if (i % 10 == 9) {  // one in ten is one of the invalid samples, made unique by a comment
      const char* sample = kInvalid[(i / 10) % std::size(kInvalid)];
      std::string bytes = read_file(samples_ / sample);
      bytes += "<!-- formpipe bench input " + std::to_string(i) + " -->\n";
      write_file(inbox / (std::string(name) + "-" + sample), bytes);
    } else if (i % 25 == 3) {  // some diary sheets arrive as CSV
      write_file(inbox / (std::string(name) + "-diary.csv"),
                 diary_csv(static_cast<std::size_t>(between(3, 25))));
    } else {
      const Kind kind = kMix[i % std::size(kMix)];
      write_file(inbox / (std::string(name) + ".xml"), xml(kind, i));
    }
  }
}

}  // namespace bench
