#include "pipeline/render/template_document.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

#include "pipeline/render/pdf_probe_test_support.hpp"
#include "pipeline/render/render_test_support.hpp"

using namespace pipeline;
using namespace pipeline::render;

namespace {

RenderOptions test_options() {
  RenderOptions options;
  options.creation_date = *core::Date::from_ymd(2025, 10, 9);
  options.fonts = testing::fonts();
  return options;
}

std::filesystem::path write_template(const std::string& name, const std::string& text) {
  const auto path = probe::output_dir() / name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

// What the test expects a TemplateError from `run` to say.
template <class Run>
void check_template_error(Run run, const std::filesystem::path& file, int line,
                          const std::string& detail) {
  try {
    run();
    FAIL("no TemplateError");
  } catch (const TemplateError& e) {
    INFO(e.what());
    CHECK(e.file() == file.string());
    CHECK(e.line() == line);
    CHECK(e.detail().find(detail) != std::string::npos);
    CHECK(std::string(e.what()).rfind(file.string() + ":" + std::to_string(line) + ": ", 0) == 0);
  }
}

TemplateData sample_data() {
  TemplateData data;
  data.set("title", "Alliance Agreement");
  data.set("organization", "Smith & Sons <Scaffolding> \"Local 7\" O'Brien");
  data.set("renewal", true);
  data.set("draft", false);
  TemplateList goals;
  for (const char* text : {"First goal", "Second goal & more"}) {
    TemplateData goal;
    goal.set("text", text);
    goals.push_back(goal);
  }
  data.set("goals", goals);
  data.set("nothing", TemplateList{});
  return data;
}

const char* const kTemplate = R"(<?xml version="1.0" encoding="UTF-8"?>
<!-- a comment is dropped -->
<document title="{{title}}" author="Agency" footer="{{organization}}">
  <letterhead>
    <organization>Michigan Occupational Safety and Health Administration</organization>
    <line>Consultation Education and Training Division</line>
    <aside>July 25, 2024</aside>
  </letterhead>
  <paragraph align="center" size="14"><b>{{title}}</b></paragraph>
  <heading level="2" numbered="yes">Parties</heading>
  <paragraph>The agency and <b>{{organization}}</b> agree.</paragraph>
  {{#renewal}}
  <paragraph>This agreement renews the alliance.</paragraph>
  {{/renewal}}
  {{#draft}}
  <paragraph>DRAFT ONLY</paragraph>
  {{/draft}}
  <heading level="2" numbered="yes">Goals</heading>
  <bullets>
    {{#goals}}
    <item>{{text}}</item>
    {{/goals}}
  </bullets>
  <numbered>{{#nothing}}<item>{{.}}</item>{{/nothing}}</numbered>
  <key-values><pair label="Term">five   years</pair></key-values>
  <need points="200"/>
  <signatures>
    <signatory><name>Colleen O'Rourke</name><title>President</title><organization>{{organization}}</organization></signatory>
  </signatures>
</document>
)";

}  // namespace

TEST_CASE("a template expands sections, lists and escaped values into the markup",
          "[render][template]") {
  const auto file = write_template("expand.xml", kTemplate);
  const std::string xml = expand_template(*Template::load(file), sample_data());
  CHECK(xml.find("Smith &amp; Sons &lt;Scaffolding&gt; &quot;Local 7&quot; O&apos;Brien") !=
        std::string::npos);
  CHECK(xml.find("This agreement renews the alliance.") != std::string::npos);
  CHECK(xml.find("DRAFT ONLY") == std::string::npos);
  CHECK(xml.find("Second goal &amp; more") != std::string::npos);
  CHECK(xml.find("a comment is dropped") == std::string::npos);
  CHECK(xml.find("fp-line=\"9\"") != std::string::npos);  // the title paragraph's line
}

TEST_CASE("a template renders to a PDF whose text keeps markup characters of the values",
          "[render][template]") {
  const auto file = write_template("render.xml", kTemplate);
  const auto pdf = probe::write_file(
      render_template(*Template::load(file), sample_data(), test_options()), "template.pdf");
  CHECK(probe::run("qpdf --check " + probe::quoted(pdf)).status == 0);
  const std::string text = probe::all_text(pdf);
  for (const char* expected :
       {"Alliance Agreement", "1. Parties", "2. Goals", "This agreement renews the alliance.",
        "Smith & Sons <Scaffolding> \"Local 7\" O'Brien agree.", "First goal", "Second goal & more",
        "five years", "Colleen O'Rourke", "Michigan Occupational Safety", "July 25, 2024"}) {
    INFO(expected);
    CHECK(text.find(expected) != std::string::npos);
  }
  CHECK(text.find("DRAFT ONLY") == std::string::npos);
}

TEST_CASE("a missing template is an error naming the file", "[render][template]") {
  const auto file = probe::output_dir() / "no-such-template.xml";
  check_template_error([&] { render_template(*Template::load(file), {}, test_options()); }, file, 0,
                       "cannot read the template");
}

TEST_CASE("malformed templates are errors naming the file and line", "[render][template]") {
  SECTION("XML that is not well-formed") {
    const auto file = write_template("bad-xml.xml", "<document>\n<paragraph>text\n</document>\n");
    check_template_error([&] { expand_template(*Template::load(file), {}); }, file, 3,
                         "not well-formed XML");
  }
  SECTION("an unknown element") {
    const auto file = write_template(
        "bad-element.xml",
        "<document>\n  <paragraph>one</paragraph>\n  <paragrap>two</paragrap>\n</document>\n");
    check_template_error([&] { expand_template(*Template::load(file), {}); }, file, 3,
                         "unknown element <paragrap>");
  }
  SECTION("an element in the wrong place") {
    const auto file = write_template(
        "bad-nesting.xml",
        "<document>\n<bullets>\n<paragraph>x</paragraph>\n</bullets>\n</document>\n");
    check_template_error([&] { expand_template(*Template::load(file), {}); }, file, 3,
                         "<paragraph> may not appear inside <bullets>");
  }
  SECTION("an unknown attribute") {
    const auto file =
        write_template("bad-attribute.xml",
                       "<document>\n\n<paragraph colour=\"red\">x</paragraph>\n</document>\n");
    check_template_error([&] { expand_template(*Template::load(file), {}); }, file, 3,
                         "<paragraph> has no attribute \"colour\"");
  }
  SECTION("an unclosed mustache section") {
    const auto file =
        write_template("bad-section.xml",
                       "<document>\n<paragraph>a</paragraph>\n{{#renewal}}\n<paragraph>b</"
                       "paragraph>\n</document>\n");
    check_template_error([&] { expand_template(*Template::load(file), {}); }, file, 3,
                         "Unclosed section");
  }
  SECTION("a bad attribute value is found after expansion, at its template line") {
    const auto file = write_template("bad-size.xml",
                                     "<document>\n<paragraph>a</paragraph>\n<paragraph "
                                     "size=\"{{size}}\">b</paragraph>\n</document>\n");
    TemplateData data;
    data.set("size", "huge");
    check_template_error([&] { render_template(*Template::load(file), data, test_options()); },
                         file, 3, "expected size from 5 to 36, found \"huge\"");
  }
  SECTION("text outside a paragraph") {
    const auto file = write_template(
        "bad-text.xml", "<document>\n<paragraph>a</paragraph>\n{{loose}}\n</document>\n");
    TemplateData data;
    data.set("loose", "stray words");
    check_template_error([&] { render_template(*Template::load(file), data, test_options()); },
                         file, 1, "text \"stray words\" outside a paragraph");
  }
}

TEST_CASE("templates are read once, and a changed folder says so", "[render][template]") {
  const auto folder = probe::output_dir() / "changing";
  std::filesystem::create_directories(folder);
  const auto file = folder / "changing.xml";
  std::ofstream(file, std::ios::binary)
      << "<document><paragraph>first wording</paragraph></document>";
  const auto loaded = Templates::load(folder);
  CHECK(expand_template(loaded->get("changing.xml"), {}).find("first wording") !=
        std::string::npos);
  CHECK_FALSE(loaded->changed_on_disk());
  std::ofstream(file, std::ios::binary)
      << "<document><paragraph>second wording</paragraph></document>";
  // Same size, so make sure the modification time moves on even on a coarse clock.
  std::filesystem::last_write_time(
      file, std::filesystem::last_write_time(file) + std::chrono::seconds(2));
  // What was loaded stays as it was (nothing is read while rendering) ...
  CHECK(expand_template(loaded->get("changing.xml"), {}).find("first wording") !=
        std::string::npos);
  // ... and the folder tells that it changed, so a long-running caller loads it again.
  CHECK(loaded->changed_on_disk());
  const std::string xml = expand_template(Templates::load(folder)->get("changing.xml"), {});
  CHECK(xml.find("second wording") != std::string::npos);
  std::ofstream(folder / "another.xml", std::ios::binary) << "<document/>";
  CHECK(Templates::load(folder)->get("another.xml").file() == (folder / "another.xml").string());
  CHECK_THROWS_AS(loaded->get("another.xml"), TemplateError);
}

TEST_CASE("a template renders the same bytes every time, from several threads at once",
          "[render][template]") {
  const auto file = write_template("threads.xml", kTemplate);
  const std::string first = render_template(*Template::load(file), sample_data(), test_options());
  std::vector<std::string> results(4);
  std::vector<std::thread> threads;
  for (auto& result : results)
    threads.emplace_back(
        [&] { result = render_template(*Template::load(file), sample_data(), test_options()); });
  for (auto& thread : threads) thread.join();
  for (const auto& result : results) CHECK(result == first);
}

TEST_CASE("form templates: field rows and tables become named AcroForm fields",
          "[template][forms]") {
  const auto path = write_template("form.xml", R"(<document kind="form" form="alliance-diary-sheet"
    profile="{{profile}}" form-version="1" title="Form">
  <heading>Form</heading>
  <field-row>
    <field name="name-of-organization" label="Name of Organization" help="Name of the organization"/>
    <field name="state" label="State" max-length="2" width="0.4" help="State"/>
  </field-row>
  <field-row><field name="applicant.nonprofit" type="yes-no" label="Nonprofit" help="Nonprofit?"/></field-row>
  <field-table name="activities.activity" rows="3">
    <column title="Date" field="date" help="Date of the activity"/>
    <column title="Type" field="event-or-product-type" type="choice" choices="training other" editable="yes"/>
  </field-table>
  <field-table>
    <column title="No."/><column title="Total"/>
    <row><cell>1. Wages</cell><cell name="table-c.category.1.grant.total-funds" help="Wages"/></row>
  </field-table>
</document>)");
  const auto loaded = Template::load(path);
  TemplateData data;
  data.set("profile", "miosha");
  FormFill fill;
  fill.values["activities.activity.5.date"] = "2025-07-16";
  fill.values["name-of-organization"] = "Michigan Tree Care";
  fill.values["applicant.nonprofit"] = "no";
  const auto pdf =
      probe::write_file(render_fillable_form(*loaded, data, fill, test_options()), "form.pdf");
  probe::check_conformance(pdf);
  const auto fields = probe::run("qpdf --json --json-key=acroform " + probe::quoted(pdf)).out;
  probe::check_contains(
      fields, {"\"fullname\": \"name-of-organization\"", "\"value\": \"u:Michigan Tree Care\"",
               "\"fullname\": \"activities.activity.5.date\"", "\"value\": \"u:2025-07-16\"",
               "\"alternativename\": \"Row 5: Date of the activity\"",
               "\"fullname\": \"table-c.category.1.grant.total-funds\"",
               "\"fullname\": \"applicant.nonprofit\"", "\"value\": \"/no\"",
               "\"appearancestate\": \"/no\""});
  // Five rows: three asked for, five needed by the prefilled values.
  CHECK(probe::has(fields, "activities.activity.5.event-or-product-type"));
  CHECK(!probe::has(fields, "activities.activity.6."));
  probe::check_contains(probe::flat_text(pdf),
                        {"Michigan Tree Care", "2025-07-16", "1. Wages", "Yes", "No"});
  const auto meta = probe::run("pdfinfo -meta " + probe::quoted(pdf)).out;
  probe::check_contains(meta, {"<formpipe:form>alliance-diary-sheet</formpipe:form>",
                               "<formpipe:profile>miosha</formpipe:profile>"});

  fill.rows = 7;
  const auto more =
      probe::write_file(render_fillable_form(*loaded, data, fill, test_options()), "form7.pdf");
  CHECK(probe::has(probe::run("qpdf --json --json-key=acroform " + probe::quoted(more)).out,
                   "activities.activity.7.date"));
}

TEST_CASE("form templates: mistakes name the line", "[template][forms]") {
  const auto bad_type = write_template("bad-type.xml", R"(<document>
  <field-row>
    <field name="x" type="date"/>
  </field-row>
</document>)");
  check_template_error(
      [&] {
        render_fillable_form(*Template::load(bad_type), TemplateData(), FormFill(), test_options());
      },
      bad_type, 3, "expected type text, multiline, yes-no or choice");
  const auto no_name = write_template("no-name.xml", R"(<document>
  <field-row><field label="x"/></field-row>
</document>)");
  check_template_error(
      [&] {
        render_fillable_form(*Template::load(no_name), TemplateData(), FormFill(), test_options());
      },
      no_name, 2, "<field> needs name=");
  const auto no_choices = write_template("no-choices.xml", R"(<document>
  <field-row><field name="x" type="choice"/></field-row>
</document>)");
  check_template_error(
      [&] {
        render_fillable_form(*Template::load(no_choices), TemplateData(), FormFill(),
                             test_options());
      },
      no_choices, 2, "a choice field needs choices");
  const auto bad_attribute = write_template("bad-attribute.xml", R"(<document>
  <field-row><field name="x" colour="red"/></field-row>
</document>)");
  check_template_error([&] { Template::load(bad_attribute); }, bad_attribute, 2,
                       "<field> has no attribute \"colour\"");
}
