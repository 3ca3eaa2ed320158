#pragma once
// Test helper for the render tests: writes PDFs to a temporary folder and runs the poppler and
// qpdf command-line tools on them, so tests assert what a reader sees, not what we meant to draw.

#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "pipeline/text/unicode.hpp"

namespace pipeline::render::probe {

struct ToolResult {
  int status = -1;  // exit status, -1 when the tool could not run
  std::string out;  // standard output
};

// Runs a shell command and captures its standard output (standard error is discarded).
inline ToolResult run(const std::string& command) {
  ToolResult result;
  FILE* pipe = ::popen((command + " 2>/dev/null").c_str(), "r");
  if (!pipe) return result;
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    result.out.append(buffer.data(), n);
  const int status = ::pclose(pipe);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

// A folder for this test process's files; set FORMPIPE_KEEP_TEST_OUTPUT to keep it afterwards.
inline const std::filesystem::path& output_dir() {
  struct Dir {
    std::filesystem::path path;
    Dir() {
      path = std::filesystem::temp_directory_path() /
             ("formpipe-render-test-" + std::to_string(::getpid()));
      std::filesystem::create_directories(path);
    }
    ~Dir() {
      std::error_code ec;
      if (!std::getenv("FORMPIPE_KEEP_TEST_OUTPUT")) std::filesystem::remove_all(path, ec);
    }
  };
  static const Dir dir;
  return dir.path;
}

inline std::filesystem::path write_file(const std::string& bytes, const std::string& name) {
  const auto path = output_dir() / name;
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + path.string());
  return path;
}

// Built by appending: "'" + string trips GCC 12's -Wrestrict false positive in release builds.
inline std::string quoted(const std::filesystem::path& path) {
  std::string out(1, '\'');
  out += path.string();
  out += '\'';
  return out;
}

// The text of each page (pdftotext splits pages with form feeds).
inline std::vector<std::string> page_texts(const std::filesystem::path& pdf) {
  const auto text = run("pdftotext -enc UTF-8 " + quoted(pdf) + " -").out;
  std::vector<std::string> pages;
  std::size_t start = 0;
  for (std::size_t ff = text.find('\f'); ff != std::string::npos; ff = text.find('\f', start)) {
    pages.push_back(text.substr(start, ff - start));
    start = ff + 1;
  }
  if (start < text.size() && text.find_first_not_of(" \n", start) != std::string::npos)
    pages.push_back(text.substr(start));
  return pages;
}

inline std::string all_text(const std::filesystem::path& pdf) {
  return run("pdftotext -enc UTF-8 " + quoted(pdf) + " -").out;
}

// The text laid out as on the page (pdftotext -layout), so a table row reads as one line.
inline std::string layout_text(const std::filesystem::path& pdf) {
  return run("pdftotext -layout -enc UTF-8 " + quoted(pdf) + " -").out;
}

// The PDF's text with every run of white space as one space, so phrases match across lines.
inline std::string flat_text(const std::filesystem::path& pdf) {
  return ::pipeline::text::collapse_ascii_spaces(all_text(pdf));
}

inline bool has(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

// Checks that `text` holds every phrase.
inline void check_contains(const std::string& text, const std::vector<std::string>& phrases) {
  for (const auto& phrase : phrases) {
    INFO("expected: " << phrase);
    CHECK(text.find(phrase) != std::string::npos);
  }
}

// Checks that `text` holds none of the phrases.
inline void check_lacks(const std::string& text, const std::vector<std::string>& phrases) {
  for (const auto& phrase : phrases) {
    INFO("not expected: " << phrase);
    CHECK(text.find(phrase) == std::string::npos);
  }
}

inline std::size_t count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + needle.size()))
    ++n;
  return n;
}

// Lines of `pdffonts` after its two header lines, one per font.
inline std::vector<std::string> font_lines(const std::filesystem::path& pdf) {
  const auto out = run("pdffonts " + quoted(pdf)).out;
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t nl = out.find('\n'); nl != std::string::npos; nl = out.find('\n', start)) {
    lines.push_back(out.substr(start, nl - start));
    start = nl + 1;
  }
  if (lines.size() >= 2) lines.erase(lines.begin(), lines.begin() + 2);
  return lines;
}

struct WordBox {
  double x_min = 0, y_min = 0, x_max = 0, y_max = 0;
  std::string text;
};

// Every word pdftotext finds, with its box in points from the page's top left.
inline std::vector<WordBox> word_boxes(const std::filesystem::path& pdf) {
  const auto html = run("pdftotext -bbox -enc UTF-8 " + quoted(pdf) + " -").out;
  std::vector<WordBox> words;
  const auto attribute = [&](std::size_t from, const char* name) {
    const std::string key = std::string(name) + "=\"";
    const auto at = html.find(key, from) + key.size();
    return std::stod(html.substr(at, html.find('"', at) - at));
  };
  for (std::size_t at = html.find("<word "); at != std::string::npos;
       at = html.find("<word ", at + 1)) {
    WordBox w;
    w.x_min = attribute(at, "xMin");
    w.y_min = attribute(at, "yMin");
    w.x_max = attribute(at, "xMax");
    w.y_max = attribute(at, "yMax");
    const auto open = html.find('>', at) + 1;
    w.text = html.substr(open, html.find("</word>", open) - open);
    words.push_back(std::move(w));
  }
  return words;
}

// The project's PDF/UA-1 and PDF/A-2a checker (tests/pdfcheck/check_pdf.py, run by Debian's
// /usr/bin/python3 with python3-pikepdf) over `pdfs`: its problems, one a line ("" when none).
// Test binaries define FORMPIPE_SOURCE_DIR.
inline ToolResult conformance(const std::vector<std::filesystem::path>& pdfs) {
  std::string command = "/usr/bin/python3 '" FORMPIPE_SOURCE_DIR "/tests/pdfcheck/check_pdf.py'";
  for (const auto& pdf : pdfs) command += " " + quoted(pdf);
  return run(command);
}

// The Table elements of a PDF's structure tree, one line each:
// "Table pages=2,3,4 header-rows=1 body-rows=70".
inline std::vector<std::string> structure_tables(const std::filesystem::path& pdf) {
  const auto out =
      run("/usr/bin/python3 '" FORMPIPE_SOURCE_DIR "/tests/pdfcheck/check_pdf.py' --tables " +
          quoted(pdf))
          .out;
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t nl = out.find('\n'); nl != std::string::npos; nl = out.find('\n', start)) {
    lines.push_back(out.substr(start, nl - start));
    start = nl + 1;
  }
  return lines;
}

// Checks that the PDF passes the conformance checker and says it is tagged.
inline void check_conformance(const std::filesystem::path& pdf) {
  const auto result = conformance({pdf});
  INFO(result.out);
  CHECK(result.status == 0);
  CHECK(result.out.empty());
  CHECK(has(run("pdfinfo " + quoted(pdf)).out, "Tagged:          yes"));
}

// Number of dark pixels on page 1 rendered at `dpi`, in grey, cropped to the top `height`
// points: a measure of how much ink the top of the page carries.
inline long dark_pixels(const std::filesystem::path& pdf, int dpi, int height_points) {
  const auto pgm = pdf.string() + ".pgm";
  const int height = height_points * dpi / 72;
  run("pdftoppm -gray -r " + std::to_string(dpi) + " -f 1 -l 1 -singlefile -x 0 -y 0 -W " +
      std::to_string(612 * dpi / 72) + " -H " + std::to_string(height) + " " + quoted(pdf) + " '" +
      pdf.string() + "'");
  std::ifstream in(pgm, std::ios::binary);
  std::string magic;
  int width = 0, rows = 0, max = 0;
  in >> magic >> width >> rows >> max;
  in.get();
  long dark = 0;
  for (long i = 0; i < static_cast<long>(width) * rows; ++i)
    if (in.get() < 128) ++dark;
  return dark;
}

}  // namespace pipeline::render::probe
