#include "pipeline/signing/incremental_update.hpp"

#include <qpdf/QPDFObjectHandle.hh>

#include <algorithm>
#include <cctype>

#include "pipeline/signing/pdf_reading.hpp"
#include "pipeline/signing/signing_error.hpp"

namespace pipeline::signing::detail {

namespace {

void append_padded(std::string& out, std::size_t value, std::size_t width) {
  std::string digits = std::to_string(value);
  if (digits.size() < width) out.append(width - digits.size(), '0');
  out += digits;
}

void append_big_endian(std::string& out, std::size_t value, int bytes) {
  for (int i = bytes - 1; i >= 0; --i) out += static_cast<char>((value >> (8 * i)) & 0xff);
}

}  // namespace

std::string reference(int number, int generation) {
  return std::to_string(number) + " " + std::to_string(generation) + " R";
}

std::string dictionary_with(QPDFObjectHandle dict,
                            const std::vector<std::pair<std::string, std::string>>& entries) {
  QPDFObjectHandle copy = dict.shallowCopy();
  for (const auto& entry : entries) copy.removeKey(entry.first);
  std::string text = copy.unparse();  // "<< ... >>"
  const std::size_t close = text.rfind(">>");
  text.erase(close);
  while (!text.empty() && text.back() == ' ') text.pop_back();
  for (const auto& [key, value] : entries) {
    text += ' ';
    text += key;
    text += ' ';
    text += value;
  }
  text += " >>";
  return text;
}

IncrementalUpdate::IncrementalUpdate(std::string_view original, QPDF& pdf) : original_(original) {
  QPDFObjectHandle trailer = pdf.getTrailer();
  QPDFObjectHandle root = trailer.getKey("/Root");
  if (!root.isIndirect()) throw PdfError("not a readable PDF: its trailer has no /Root");
  root_ = reference(root.getObjectID(), root.getGeneration());
  QPDFObjectHandle info = trailer.getKey("/Info");
  if (info.isIndirect()) info_ = reference(info.getObjectID(), info.getGeneration());
  if (trailer.getKey("/ID").isArray()) id_ = trailer.getKey("/ID").unparse();
  QPDFObjectHandle size = trailer.getKey("/Size");
  next_number_ = size.isInteger() ? size.getIntValueAsInt() : 1;
  // Past every object QPDF knows, whatever /Size claims.
  for (const auto& entry : pdf.getXRefTable())
    next_number_ = std::max(next_number_, entry.first.getObj() + 1);
  prev_ = last_startxref(original);
  if (prev_ == std::string_view::npos || prev_ >= original.size())
    throw PdfError("not a readable PDF: no startxref at its end");
  std::size_t at = prev_;
  while (at < original.size() && std::isspace(static_cast<unsigned char>(original[at]))) ++at;
  xref_stream_ = original.substr(at, 4) != "xref";
  out_.reserve(original.size() + 32768);
  out_.append(original);
  // The update starts on a line of its own.
  if (!out_.empty() && out_.back() != '\n' && out_.back() != '\r') out_ += '\n';
}

void IncrementalUpdate::write(int number, int generation, const std::string& body) {
  const std::string header = std::to_string(number) + " " + std::to_string(generation) + " obj\n";
  offsets_[number] = {out_.size(), generation};
  header_[number] = header.size();
  out_ += header;
  out_ += body;
  out_ += "\nendobj\n";
}

std::string IncrementalUpdate::finish() {
  int size = next_number_;
  std::string trailer_entries = " /Root " + root_;
  if (!info_.empty()) trailer_entries += " /Info " + info_;
  if (!id_.empty()) trailer_entries += " /ID " + id_;
  trailer_entries += " /Prev " + std::to_string(prev_);

  if (!xref_stream_) {
    const std::size_t xref_at = out_.size();
    out_ += "xref\n";
    for (auto it = offsets_.begin(); it != offsets_.end();) {
      auto end = it;
      int count = 0;
      while (end != offsets_.end() && end->first == it->first + count) {
        ++end;
        ++count;
      }
      out_ += std::to_string(it->first) + " " + std::to_string(count) + "\n";
      for (; it != end; ++it) {
        append_padded(out_, it->second.first, 10);
        out_ += ' ';
        append_padded(out_, static_cast<std::size_t>(it->second.second), 5);
        out_ += " n\r\n";
      }
    }
    out_ += "trailer\n<< /Size " + std::to_string(size) + trailer_entries + " >>\nstartxref\n" +
            std::to_string(xref_at) + "\n%%EOF\n";
    return std::move(out_);
  }

  // A cross-reference stream: its own entry included, fields 1, 4 and 2 bytes wide.
  const int self = next_number_++;
  size = next_number_;
  const std::size_t xref_at = out_.size();
  offsets_[self] = {xref_at, 0};
  std::string data;
  std::string index;
  for (auto it = offsets_.begin(); it != offsets_.end();) {
    auto end = it;
    int count = 0;
    while (end != offsets_.end() && end->first == it->first + count) {
      ++end;
      ++count;
    }
    index += (index.empty() ? "" : " ") + std::to_string(it->first) + " " + std::to_string(count);
    for (; it != end; ++it) {
      data += '\x01';
      append_big_endian(data, it->second.first, 4);
      append_big_endian(data, static_cast<std::size_t>(it->second.second), 2);
    }
  }
  out_ += std::to_string(self) + " 0 obj\n<< /Type /XRef /Size " + std::to_string(size) +
          " /Index [" + index + "] /W [1 4 2]" + trailer_entries + " /Length " +
          std::to_string(data.size()) + " >>\nstream\n";
  out_ += data;
  out_ += "\nendstream\nendobj\nstartxref\n" + std::to_string(xref_at) + "\n%%EOF\n";
  return std::move(out_);
}

}  // namespace pipeline::signing::detail
