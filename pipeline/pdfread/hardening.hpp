#pragma once
//! The limits formpipe puts on QPDF when it reads a PDF someone sent (a filled form in ingest, a
//! signed copy in signing): QPDF 11.3 has no cap on its warnings (setMaxWarnings came later), and
//! a damaged object stream of a few thousand objects makes it parse the stream again for every
//! object, warning each time — a 75 KB file took minutes and gigabytes of kept warnings; and it
//! walks page trees recursively, one stack frame per level, so a hostile tree thousands of levels
//! deep overflows the stack. Each reader throws its own error type with the same words.
//!
//!   logger->setWarn(std::make_shared<pdfread::WarningLimit<PdfError>>());
//!   pdfread::check_page_tree<PdfError>(pdf);  // before anything walks the pages

#include <qpdf/Pipeline.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <cstddef>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace pipeline::pdfread {

inline constexpr int kMaxWarnings = 500;
inline constexpr int kMaxPageTreeDepth = 256;

// QPDF's warnings, counted: past `limit` every further one throws Error out of QPDF.
template <class Error>
class WarningLimit : public Pipeline {
 public:
  explicit WarningLimit(int limit = kMaxWarnings)
      : Pipeline("formpipe warning limit", nullptr), limit_(limit) {}
  void write(unsigned char const* data, size_t len) override {
    for (size_t i = 0; i < len; ++i) {
      if (data[i] == '\n' && ++count_ > limit_)
        throw Error("not a readable PDF: damaged beyond repair (more than " +
                    std::to_string(limit_) + " problems found reading it)");
    }
  }
  void finish() override {}

 private:
  int limit_;
  int count_ = 0;
};

// Measures the page tree's depth without recursion; throws Error past kMaxPageTreeDepth levels.
template <class Error>
void check_page_tree(QPDF& pdf) {
  std::vector<std::pair<QPDFObjectHandle, int>> todo{{pdf.getRoot().getKey("/Pages"), 0}};
  std::set<QPDFObjGen> seen;
  while (!todo.empty()) {
    auto [node, depth] = todo.back();
    todo.pop_back();
    if (!node.isDictionary()) continue;
    if (node.isIndirect() && !seen.insert(node.getObjGen()).second) continue;  // a loop
    QPDFObjectHandle kids = node.getKey("/Kids");
    if (!kids.isArray()) continue;
    if (depth >= kMaxPageTreeDepth)
      throw Error("not a readable PDF: its page tree nests more than " +
                  std::to_string(kMaxPageTreeDepth) + " levels deep");
    for (int i = 0; i < kids.getArrayNItems(); ++i)
      todo.emplace_back(kids.getArrayItem(i), depth + 1);
  }
}

}  // namespace pipeline::pdfread
