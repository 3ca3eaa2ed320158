#pragma once
//! Internal to render: PDF file syntax (ISO 32000-1 §7) — numbered objects, Flate-compressed
//! streams, the cross-reference table and trailer — and the number and string forms written
//! into dictionaries and content streams. Knows nothing of pages or fonts; pdf_writer.cpp does.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pipeline::render {

class PdfFile {
 public:
  // `compress`: Flate-compress the streams that ask for it.
  explicit PdfFile(bool compress);

  // A new object number, to refer to before the object is written.
  int reserve();
  // Starts object `number` and returns the buffer to write its body into; end() closes it.
  std::string& begin(int number);
  void end();
  // Writes object `number` as a stream: `dict` holds the dictionary's entries other than
  // /Length and /Filter. `compressible` streams are compressed when the file compresses.
  void stream(int number, std::string_view dict, std::string_view data, bool compressible = true);
  // Writes a stream whose data is already Flate-compressed (deflate()).
  void deflated_stream(int number, std::string_view dict, std::string_view data);
  // The bytes written so far.
  std::string_view bytes() const { return out_; }
  // Writes the cross-reference table and the trailer, whose /ID is [<id> <id>], and returns the
  // whole file. Call once.
  std::string finish(int root, int info, std::string_view id);

 private:
  void write_stream(int number, std::string_view dict, std::string_view data, bool deflated);

  bool compress_;
  std::string out_;
  std::vector<std::size_t> offsets_;  // byte offset of each object, by number (0 unused)
};

// Appends `value` with at most `decimals` decimals and no trailing zeros ("12.5", "-3", "0").
void append_number(std::string& out, double value, int decimals = 2);
void append_int(std::string& out, long value);
// Appends `utf8` as a PDF text string: a literal string when it is ASCII, else UTF-16BE with a
// byte order mark, in hexadecimal.
void append_text_string(std::string& out, std::string_view utf8);
// Appends the four upper-case hex digits of a 16-bit code.
void append_hex4(std::string& out, std::uint32_t code);

// `data` in the zlib format (RFC 1950), compressed with libdeflate when the build found it,
// else zlib; one compressor per thread is reused.
std::string deflate(std::string_view data);

}  // namespace pipeline::render
