#include "pipeline/ingest/ingest.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include <sys/stat.h>

#include "pipeline/ingest/bundle.hpp"
#include "pipeline/ingest/csv_table.hpp"
#include "pipeline/ingest/reader.hpp"
#include "pipeline/ingest/xml_source.hpp"

using namespace pipeline;

namespace {

ingest::Ingested from_xml(const std::string& xml) {
  return ingest::ingest_xml(xml, "test.xml", ingest::Options{});
}

}  // namespace

TEST_CASE("unreadable XML is one FORMAT-XML finding that says where and what", "[ingest]") {
  struct Case {
    std::string bytes;
    std::string expect;
  };
  const auto c = GENERATE(values<Case>({
      {"", "the file is empty"},
      {"<cet-grant-proposal><table-a></cet-grant-proposal>", "test.xml:1:"},
      {"<alliance-agreement>\xC3(</alliance-agreement>", "invalid UTF-8"},
      {"\xFF\xFE<\0a\0>\0", "UTF-16"},
      {"<invoice/>", "found <invoice>"},
      {"<declination-letter version=\"2\"/>", "expected version=\"1\""},
  }));
  CAPTURE(c.bytes);
  const auto result = from_xml(c.bytes);
  CHECK(result.unreadable);
  REQUIRE(result.findings.size() == 1);
  CHECK(result.findings[0].rule == "FORMAT-XML");
  CHECK(result.findings[0].severity == core::Severity::Error);
  CHECK_THAT(result.findings[0].message, Catch::Contains(c.expect));
}

TEST_CASE("deeply nested XML is refused before any reader walks it", "[ingest]") {
  std::string xml = "<alliance-agreement profile=\"miosha\">";
  for (int i = 0; i < 5000; ++i) xml += "<a>";
  for (int i = 0; i < 5000; ++i) xml += "</a>";
  xml += "</alliance-agreement>";
  const auto result = from_xml(xml);
  CHECK(result.unreadable);
  CHECK_THAT(result.findings.at(0).message, Catch::Contains("nested more than"));
}

TEST_CASE("a profile the form kind does not allow is FORMAT-PROFILE", "[ingest]") {
  const auto result = from_xml("<declination-letter profile=\"osha\"/>");
  CHECK_FALSE(result.unreadable);
  CHECK_FALSE(result.submission);
  REQUIRE(result.findings.size() == 1);
  CHECK(result.findings[0].rule == "FORMAT-PROFILE");
  CHECK_THAT(result.findings[0].message, Catch::Contains("miosha"));
  const auto missing = from_xml("<alliance-diary-sheet/>");
  REQUIRE(missing.findings.size() == 1);
  CHECK(missing.findings[0].rule == "FORMAT-PROFILE");
  ingest::Options with_profile;
  with_profile.profile = "iowa";
  const auto supplied = ingest::ingest_xml("<alliance-diary-sheet/>", "t.xml", with_profile);
  CHECK(supplied.profile == "iowa");
}

TEST_CASE("the reader reports missing, mistyped, duplicated and unknown values", "[ingest]") {
  auto parsed = ingest::parse_xml(
      "<alliance-agreement><term-years>five</term-years><term-years>5</term-years>"
      "<rows><row><d>2025-02-30</d></row><row><d> 2025-02-28 </d><odd/></row></rows>"
      "<x-extra/><x-extra/></alliance-agreement>",
      "t.xml");
  const auto& tree = *std::get<std::unique_ptr<ingest::Tree>>(parsed);
  std::vector<core::Finding> findings;
  ingest::Reader reader(tree, findings);
  const auto root = tree.root();
  reader.known(root, {"term-years", "rows"});
  const auto term = reader.count(root, "term-years");
  CHECK(term.rejected());
  const auto rows = reader.rows(reader.once(root, "rows"), "row");
  REQUIRE(rows.size() == 2);
  CHECK(reader.date(rows[0], "d").rejected());
  const auto second = reader.date(rows[1], "d");
  CHECK(second.present());
  CHECK(second->iso() == "2025-02-28");
  CHECK(second.location == "alliance-agreement/rows/row[2]/d");
  reader.known(rows[1], {"d"});
  CHECK(reader.text(root, "signing-date", ingest::Need::Required).absent());

  std::vector<std::string> seen;
  for (const auto& f : findings) seen.push_back(f.rule + " " + f.location);
  CHECK(seen == std::vector<std::string>{
                    "FORMAT-UNKNOWN alliance-agreement/x-extra",
                    "FORMAT-DUPLICATE alliance-agreement/term-years",
                    "FORMAT-TYPE alliance-agreement/term-years",
                    "FORMAT-TYPE alliance-agreement/rows/row[1]/d",
                    "FORMAT-UNKNOWN alliance-agreement/rows/row[2]/odd",
                    "FORMAT-REQUIRED alliance-agreement/signing-date",
                });
}

TEST_CASE("value types of formats.md §2.1", "[ingest]") {
  CHECK(ingest::parse_zip("48933"));
  CHECK(ingest::parse_zip("48933-1234"));
  CHECK_FALSE(ingest::parse_zip("4893"));
  CHECK(ingest::parse_telephone("(517) 555-0142 ext. 12"));
  CHECK(ingest::parse_telephone("1-517-555-0142"));
  CHECK_FALSE(ingest::parse_telephone("555-0142"));
  CHECK(ingest::parse_email("a.b@example.org"));
  CHECK_FALSE(ingest::parse_email("a@b@c.org"));
  CHECK_FALSE(ingest::parse_email("ab@example"));
  CHECK(ingest::parse_ein("38-1234567"));
  CHECK(ingest::parse_months("1, 5, 9") == std::set<int>{1, 5, 9});
  CHECK(ingest::parse_months("2-4 12") == std::set<int>{2, 3, 4, 12});
  CHECK_FALSE(ingest::parse_months("13"));
  CHECK_FALSE(ingest::parse_months("x"));
  CHECK(ingest::parse_state("MI"));
  CHECK_FALSE(ingest::parse_state("Mi"));
}

TEST_CASE("CSV follows RFC 4180 and numbers rows like a spreadsheet", "[ingest][csv]") {
  auto parsed = ingest::parse_csv(
      "\xEF\xBB\xBFname,note\r\n\"Núñez, Ana\",\"said \"\"hi\"\"\"\r\n\r\nB,\"two\nlines\"\n",
      "t.csv");
  REQUIRE(std::holds_alternative<ingest::CsvTable>(parsed));
  const auto& table = std::get<ingest::CsvTable>(parsed);
  REQUIRE(table.rows.size() == 2);
  CHECK(table.cell(table.rows[0], "name") == "Núñez, Ana");
  CHECK(table.cell(table.rows[0], "note") == "said \"hi\"");
  CHECK(table.cell(table.rows[1], "note") == "two\nlines");
  CHECK(table.where(table.rows[0]) == "t.csv row 2");

  CHECK(std::holds_alternative<std::string>(ingest::parse_csv("a,a\n1,2\n", "d.csv")));
  CHECK(std::holds_alternative<std::string>(ingest::parse_csv("a,b\n\"open,2\n", "q.csv")));
  CHECK(std::holds_alternative<std::string>(ingest::parse_csv("", "e.csv")));
  CHECK(std::holds_alternative<std::string>(ingest::parse_csv("a\n\xFF\n", "u.csv")));
}

TEST_CASE("a missing required CSV column is fatal, an extra one is reported", "[ingest][csv]") {
  auto parsed = ingest::parse_csv("key,extra\n1,2\n", "m.csv");
  const auto& table = std::get<ingest::CsvTable>(parsed);
  std::vector<std::string> unknown;
  CHECK(ingest::check_columns(table, {"key"}, {}, &unknown) == std::nullopt);
  CHECK(unknown == std::vector<std::string>{"extra"});
  CHECK(ingest::check_columns(table, {"value"}, {}, nullptr).has_value());
}

TEST_CASE("bundles without a manifest or with a stray file are FORMAT-CSV", "[ingest][bundle]") {
  ingest::Bundle bundle{"b", {{"header.csv", "a\n1\n"}}};
  auto result = ingest::ingest_bundle(bundle, {});
  CHECK(result.unreadable);
  CHECK(result.findings.at(0).rule == "FORMAT-CSV");
  bundle.files["manifest.csv"] = "key,value\nform-kind,invoice\n";
  result = ingest::ingest_bundle(bundle, {});
  CHECK_THAT(result.findings.at(0).message, Catch::Contains("invoice"));
}

TEST_CASE("a zip that is not a zip is unreadable, not a crash", "[ingest][bundle]") {
  const auto result = ingest::ingest_bytes("PK\x03\x04garbage", "x.zip", {});
  CHECK(result.unreadable);
  CHECK(result.findings.at(0).rule == "FORMAT-CSV");
}

TEST_CASE("a folder bundle may not hold links to files elsewhere", "[ingest][bundle]") {
  const auto folder = std::filesystem::temp_directory_path() / "formpipe-link-bundle";
  std::filesystem::remove_all(folder);
  std::filesystem::create_directories(folder);
  { std::ofstream(folder / "manifest.csv") << "key,value\nform-kind,alliance-diary-sheet\n"; }
  std::filesystem::create_symlink("/etc/hostname", folder / "header.csv");
  const auto result = ingest::ingest_path(folder, {});
  CHECK(result.unreadable);
  CHECK_THAT(result.findings.at(0).message, Catch::Contains("is a link"));
  std::filesystem::remove_all(folder);
}

TEST_CASE("characters XML 1.0 forbids are FORMAT-XML with their line and column", "[ingest]") {
  struct Case {
    std::string bytes;
    std::string expect;
  };
  const auto c = GENERATE(values<Case>({
      {"<declination-letter profile=\"miosha\">\n<a>Lan&#0;sing</a></declination-letter>",
       "test.xml:2:7: the character reference \"&#0;\" names U+0000 (NUL)"},
      {"<declination-letter><a>x&#x1;</a></declination-letter>", "1:25: the character reference"},
      {"<declination-letter><a>&#xFFFE;</a></declination-letter>", "names U+FFFE"},
      {"<declination-letter a=\"&#27;\"/>", "names U+001B"},
      {"<declination-letter><a>&#x110000;</a></declination-letter>", "names no character"},
      {std::string("<declination-letter><a>Lan\0sing</a></declination-letter>", 56),
       "1:27: the character U+0000 (NUL) is not allowed"},
      {"<declination-letter>\n  <a>\x01</a></declination-letter>", "2:6: the character U+0001"},
      {"<declination-letter><a>\xEF\xBF\xBF</a></declination-letter>", "U+FFFF"},
      {"<declination-letter/>\n<declination-letter/>", "2:2: a second root element"},
      {"<declination-letter/>tail", "text outside the root element"},
      {"<!DOCTYPE declination-letter [<!ENTITY org \"Tree\">]>\n"
       "<declination-letter><a>&org;</a></declination-letter>",
       "a DOCTYPE with declarations"},
      {"<!DOCTYPE declination-letter SYSTEM \"x.dtd\"><declination-letter/>", "DOCTYPE"},
      {"<declination-letter><a>&org;</a></declination-letter>",
       "the entity reference \"&org;\" is not defined"},
      {"<declination-letter><a>A & B</a></declination-letter>", "a bare \"&\""},
  }));
  CAPTURE(c.bytes);
  const auto result = from_xml(c.bytes);
  CHECK(result.unreadable);
  REQUIRE(result.findings.size() == 1);
  CHECK(result.findings[0].rule == "FORMAT-XML");
  CHECK_THAT(result.findings[0].message, Catch::Contains(c.expect));
}

TEST_CASE("references XML allows still read, and CDATA is not scanned for them", "[ingest]") {
  const auto result = from_xml(
      "<!DOCTYPE declination-letter>\n<declination-letter profile=\"miosha\">"
      "<x-note>A &amp; B &#233; &#x10000; <![CDATA[&#0; & &org;]]><!-- &#1; --></x-note>"
      "</declination-letter>");
  CHECK_FALSE(result.unreadable);
  CHECK(result.submission);
}

TEST_CASE("a control character or NUL in a CSV cell is FORMAT-CSV with file, row and column",
          "[ingest][csv]") {
  struct Case {
    std::string bytes;
    std::string expect;
  };
  const auto c = GENERATE(values<Case>({
      {std::string("name,city\nTree,Lan\0sing\n", 24),
       "t.csv row 2, column \"city\": holds the character U+0000 (NUL)"},
      {"name,city\nA,B\n\"Tree\x01\",C\n",
       "t.csv row 3, column \"name\": holds the character U+0001"},
      {"name,city\nA,\"\xEF\xBF\xBE\"\n", "row 2, column \"city\": holds the character U+FFFE"},
      {"na\x1Bme,city\nA,B\n", "t.csv row 1, column 1: holds the character U+001B"},
  }));
  CAPTURE(c.bytes);
  auto parsed = ingest::parse_csv(c.bytes, "t.csv");
  REQUIRE(std::holds_alternative<std::string>(parsed));
  CHECK_THAT(std::get<std::string>(parsed), Catch::Contains(c.expect));
}

TEST_CASE("a CSV row shorter or longer than its header is FORMAT-CSV", "[ingest][csv]") {
  auto shorter = ingest::parse_csv("a,b,c\n1,2,3\n1,2\n", "t.csv");
  REQUIRE(std::holds_alternative<std::string>(shorter));
  CHECK(std::get<std::string>(shorter) == "t.csv row 3: 2 cells, but the header has 3 columns");
  auto longer = ingest::parse_csv("a,b\n1,2,3\n", "t.csv");
  REQUIRE(std::holds_alternative<std::string>(longer));
  CHECK(std::get<std::string>(longer) == "t.csv row 2: 3 cells, but the header has 2 columns");
  // A NUL in a single-file diary sheet: the whole submission is unreadable, not cut short.
  const std::string diary = std::string(
      "form-kind,profile,period-start,period-end,row-kind,name-of-organization\n"
      "alliance-diary-sheet,miosha,2025-07-01,2025-09-30,header,Tree\0Care\n",
      139);
  const auto result = ingest::ingest_bytes(diary, "d.csv", {});
  CHECK(result.unreadable);
  REQUIRE(result.findings.size() == 1);
  CHECK(result.findings[0].rule == "FORMAT-CSV");
  CHECK_THAT(result.findings[0].message,
             Catch::Contains("d.csv row 2, column \"name-of-organization\""));
}

TEST_CASE("a named pipe in a folder bundle is named as such", "[ingest][bundle]") {
  const auto folder = std::filesystem::temp_directory_path() / "formpipe-fifo-bundle";
  std::filesystem::remove_all(folder);
  std::filesystem::create_directories(folder);
  { std::ofstream(folder / "manifest.csv") << "key,value\nform-kind,alliance-diary-sheet\n"; }
  REQUIRE(mkfifo((folder / "header.csv").c_str(), 0600) == 0);
  const auto result = ingest::ingest_path(folder, {});
  CHECK(result.unreadable);
  CHECK_THAT(result.findings.at(0).message,
             Catch::Contains("\"header.csv\" is a named pipe (FIFO), not a file"));
  std::filesystem::remove_all(folder);
}

TEST_CASE("a device or named pipe is refused without being read", "[ingest]") {
  // /dev/zero never ends: before, ingest read it up to the size cap (and the id hash forever).
  const auto zero = ingest::ingest_path("/dev/zero", {});
  CHECK(zero.unreadable);
  REQUIRE(zero.findings.size() == 1);
  CHECK(zero.findings[0].rule == "FORMAT-XML");
  CHECK_THAT(zero.findings[0].message, Catch::Contains("zero: is a device, not a regular file"));
  const auto fifo = std::filesystem::temp_directory_path() / "formpipe-fifo.csv";
  std::filesystem::remove(fifo);
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  const auto piped = ingest::ingest_path(fifo, {});  // opening it would wait for a writer
  CHECK(piped.unreadable);
  CHECK(piped.findings.at(0).rule == "FORMAT-CSV");
  CHECK_THAT(piped.findings.at(0).message, Catch::Contains("is a named pipe (FIFO)"));
  std::filesystem::remove(fifo);
}

TEST_CASE("a file over the size cap is refused", "[ingest]") {
  const auto file = std::filesystem::temp_directory_path() / "formpipe-big.xml";
  { std::ofstream(file) << std::string(2000, ' ') << "<declination-letter/>"; }
  ingest::Options small;
  small.max_bytes = 1000;
  const auto result = ingest::ingest_path(file, small);
  CHECK(result.unreadable);
  CHECK_THAT(result.findings.at(0).message, Catch::Contains("larger than the 1000 bytes limit"));
  std::filesystem::remove(file);
}

TEST_CASE("a date outside the years 1900-2199 is FORMAT-TYPE, out of range", "[ingest]") {
  auto parsed = ingest::parse_xml(
      "<alliance-agreement><a>9999-12-31</a><b>1899-12-31</b><c>2025-02-30</c>"
      "<history><renewal-signing-date>2200-01-01</renewal-signing-date></history>"
      "</alliance-agreement>",
      "t.xml");
  const auto& tree = *std::get<std::unique_ptr<ingest::Tree>>(parsed);
  std::vector<core::Finding> findings;
  ingest::Reader reader(tree, findings);
  const auto root = tree.root();
  CHECK(reader.date(root, "a").rejected());
  CHECK(reader.date(root, "b").rejected());
  CHECK(reader.date(root, "c").rejected());
  REQUIRE(findings.size() == 3);
  for (const auto& f : findings) CHECK(f.rule == "FORMAT-TYPE");
  CHECK(findings[0].message ==
        "alliance-agreement/a: expected a date from 1900-01-01 to 2199-12-31 (this one is out of "
        "range), found \"9999-12-31\".");
  CHECK_THAT(findings[1].message, Catch::Contains("out of range"));
  CHECK(findings[2].message ==
        "alliance-agreement/c: expected a date YYYY-MM-DD, found "
        "\"2025-02-30\".");
}
