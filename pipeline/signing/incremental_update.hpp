#pragma once
//! Internal to signing: one incremental update appended to a PDF (ISO 32000-1 §7.5.6). The
//! original bytes stay as they are; new and changed objects follow, then a cross-reference
//! section of the same kind as the file's last one (a classic table, or a cross-reference
//! stream for files saved with object streams, as Acrobat saves them) with /Prev pointing back.

#include <qpdf/QPDF.hh>

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pipeline::signing::detail {

class IncrementalUpdate {
 public:
  // Reads the trailer and where the last cross-reference section is; `original` and `pdf` (the
  // same file opened with QPDF) must outlive this object.
  IncrementalUpdate(std::string_view original, QPDF& pdf);

  // A new object number.
  int reserve() { return next_number_++; }
  // Object `number` (new, or an existing one replaced) with `body`: everything between
  // "N G obj" and "endobj" (a stream's body includes "stream ... endstream").
  void write(int number, int generation, const std::string& body);
  // Where object `number`'s body starts in the finished file.
  std::size_t body_offset(int number) const {
    return offsets_.at(number).first + header_.at(number);
  }

  // The original bytes followed by the update; call once.
  std::string finish();

 private:
  std::string_view original_;
  std::string out_;
  std::string root_;
  std::string info_;
  std::string id_;
  std::size_t prev_ = 0;
  bool xref_stream_ = false;
  int next_number_ = 1;
  std::map<int, std::pair<std::size_t, int>> offsets_;  // number -> (offset, generation)
  std::map<int, std::size_t> header_;                   // number -> length of "N G obj\n"
};

// `dict` (a dictionary) as PDF text with `entries` ("/Key", "value text") set: existing keys of
// the same name replaced, the new ones appended.
std::string dictionary_with(QPDFObjectHandle dict,
                            const std::vector<std::pair<std::string, std::string>>& entries);

// "N G R".
std::string reference(int number, int generation = 0);

}  // namespace pipeline::signing::detail
