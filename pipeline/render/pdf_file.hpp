#pragma once
//! Internal to render: PDF file syntax (ISO 32000-1 §7) — numbered objects, Flate-compressed
//! streams and object streams, the cross-reference table and trailer (or stream) — and the number
//! and string forms written into dictionaries and content streams. Knows nothing of pages or fonts;
//! pdf_writer.cpp does.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pipeline::render {

class PdfFile {
 public:
  // `compress`: Flate-compress the streams that ask for it, and pack every object that is not a
  // stream into one compressed object stream, indexed by a cross-reference stream (PDF 1.5):
  // a tagged PDF's hundreds of small structure elements then cost a few bytes each.
  explicit PdfFile(bool compress);

  // A new object number, to refer to before the object is written.
  int reserve();
  // Starts object `number` (not a stream) and returns the buffer to write its body into; end()
  // closes it.
  std::string& begin(int number);
  void end();
  // Writes object `number` as a stream: `dict` holds the dictionary's entries other than
  // /Length and /Filter. `compressible` streams are compressed when the file compresses.
  void stream(int number, std::string_view dict, std::string_view data, bool compressible = true);
  // Writes a stream whose data is already Flate-compressed (deflate()).
  void deflated_stream(int number, std::string_view dict, std::string_view data);
  // The bytes written so far: the file's, and the bodies of the objects still to be packed.
  std::string_view bytes() const { return out_; }
  std::string_view packed_bytes() const { return packed_; }
  // Writes the cross-reference table and the trailer (or the object stream and a
  // cross-reference stream), whose /ID is [<id> <id>], and returns the whole file. Call once.
  std::string finish(int root, int info, std::string_view id);

 private:
  struct Entry {
    std::size_t offset = 0;  // byte offset; for a packed object its offset in packed_, then
                             // the number of its object stream
    bool packed = false;
    std::size_t index = 0;  // a packed object's place in its object stream
  };
  std::string& begin_direct(int number);
  void write_stream(int number, std::string_view dict, std::string_view data, bool deflated);
  std::string finish_with_streams(int root, int info, std::string_view id);

  bool compress_;
  std::string out_;
  std::vector<Entry> entries_;  // by object number (0 unused)
  std::string packed_;          // bodies of the packed objects, one after another
  std::vector<int> packed_numbers_;
  bool in_packed_ = false;
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
