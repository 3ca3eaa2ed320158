// write_pdf: the display list of canvas.hpp to PDF bytes, written directly (no libharu).
//
// Fonts: each face the text uses is cut down with hb-subset to the characters the document
// sets (font_subset.hpp) and embedded as a Type 0 font over a CIDFontType2 whose CIDs are the
// subset's own glyph ids (/Encoding /Identity-H, /CIDToGIDMap /Identity). So the /W array and
// the /ToUnicode map list only the glyphs used, and nothing is sized by the 64K code space —
// which is where libharu spent most of its time (building and compressing a 128 KB
// CIDToGIDMap and a width table per font). Text is written as glyph ids; /ToUnicode maps
// them back to the characters, so text extraction (pdftotext) gets the accents right. Glyph ids
// are written as two-byte literal strings rather than hex: half the bytes to compress.

#include "pipeline/render/canvas.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <initializer_list>
#include <map>
#include <memory>

#include "pipeline/render/font_subset.hpp"
#include "pipeline/render/fonts.hpp"
#include "pipeline/render/pdf_file.hpp"
#include "pipeline/render/render_error.hpp"

namespace pipeline::render {

namespace {

// ---- fonts -------------------------------------------------------------------------------------

// What each face sets in the document: its characters in code point order, and the glyphs
// shaped runs draw.
struct FaceUse {
  std::vector<char32_t> characters;
  std::vector<ShapedGlyphUse> shaped;
  bool empty() const { return characters.empty() && shaped.empty(); }
};

std::vector<FaceUse> uses_by_face(const std::vector<PageOps>& pages, std::size_t faces) {
  std::vector<std::vector<std::uint64_t>> seen(faces);  // the BMP, one bit a character
  std::vector<FaceUse> used(faces);
  std::vector<const TextOp*> texts;
  for (const auto& page : pages)
    for (const auto& op : page.ops) {
      if (const auto* text = std::get_if<TextOp>(&op)) {
        texts.push_back(text);
      } else if (const auto* field = std::get_if<FieldOp>(&op)) {
        for (const auto& run : field->appearance) texts.push_back(&run);
        // A field people type into: its face carries printable Latin-1 whole, so what they
        // type in any viewer has glyphs in the /DR font.
        if ((field->kind == FieldKind::Text || field->kind == FieldKind::Choice) &&
            field->face < faces) {
          auto& bits = seen[field->face];
          if (bits.empty()) bits.assign(0x10000 / 64, 0);
          for (char32_t c = 0x20; c <= 0xFF; ++c)
            if (c < 0x7F || c >= 0xA0) bits[c >> 6] |= std::uint64_t{1} << (c & 63);
        }
      }
    }
  for (const TextOp* text : texts) {
    if (!text->glyphs.empty()) {
      for (const auto& glyph : text->glyphs)
        used[text->face].shaped.push_back({glyph.id, glyph.text});
      continue;
    }
    auto& bits = seen[text->face];
    if (bits.empty()) bits.assign(0x10000 / 64, 0);
    for (std::size_t pos = 0; pos < text->text.size();) {
      const char32_t c = next_code_point(text->text, pos);
      if (c > 0xFFFF)
        used[text->face].characters.push_back(c);  // beyond the BMP: rare (emoji)
      else
        bits[c >> 6] |= std::uint64_t{1} << (c & 63);
    }
  }
  for (std::size_t face = 0; face < faces; ++face) {
    std::vector<char32_t> characters;
    for (std::size_t word = 0; word < seen[face].size(); ++word)
      for (std::uint64_t bits = seen[face][word]; bits != 0; bits &= bits - 1)
        characters.push_back(
            static_cast<char32_t>(word * 64 + static_cast<unsigned>(__builtin_ctzll(bits))));
    auto& beyond = used[face].characters;
    std::sort(beyond.begin(), beyond.end());
    beyond.erase(std::unique(beyond.begin(), beyond.end()), beyond.end());
    characters.insert(characters.end(), beyond.begin(), beyond.end());
    beyond = std::move(characters);
    // One entry a glyph id: the first text it was drawn for.
    auto& shaped = used[face].shaped;
    std::stable_sort(shaped.begin(), shaped.end(),
                     [](const auto& a, const auto& b) { return a.id < b.id; });
    shaped.erase(std::unique(shaped.begin(), shaped.end(),
                             [](const auto& a, const auto& b) { return a.id == b.id; }),
                 shaped.end());
  }
  return used;
}

// A face embedded in this document: its subset, its resource name and glyph lookup.
struct EmbeddedFont {
  std::shared_ptr<const FontSubset> subset;
  int type0 = 0;                           // object number of the Type 0 font
  std::array<std::uint16_t, 256> latin{};  // glyph id of U+0000..U+00FF, the common case

  std::uint16_t glyph(char32_t c) const {
    if (c < latin.size()) return latin[c];
    const auto& chars = subset->characters;
    const auto at = std::lower_bound(chars.begin(), chars.end(), c);
    if (at == chars.end() || *at != c) return 0;
    return subset->glyphs[static_cast<std::size_t>(at - chars.begin())];
  }
  // The subset's id of glyph `id` of the face's file, drawn by a shaped run.
  std::uint16_t shaped_glyph(std::uint16_t id) const {
    const auto& from = subset->shaped_from;
    const auto at = std::lower_bound(from.begin(), from.end(), id);
    if (at == from.end() || *at != id) return 0;
    return subset->shaped_to[static_cast<std::size_t>(at - from.begin())];
  }
};

std::string subset_name(const FontSubset& subset, const FontFace& face) {
  return "/" + subset.tag + "+" + face.name();
}

// Writes the five objects of one embedded face and returns the Type 0 font's number.
int write_font(PdfFile& file, const FontFace& face, const FontSubset& subset, bool compress) {
  const int type0 = file.reserve();
  const int cid = file.reserve();
  const int descriptor = file.reserve();
  const int program = file.reserve();
  const int to_unicode = file.reserve();
  const std::string name = subset_name(subset, face);
  const auto ref = [](std::string& out, int number) {
    append_int(out, number);
    out += " 0 R";
  };

  std::string& t = file.begin(type0);
  t += "<< /Type /Font /Subtype /Type0 /BaseFont " + name +
       " /Encoding /Identity-H /DescendantFonts [";
  ref(t, cid);
  t += "] /ToUnicode ";
  ref(t, to_unicode);
  t += " >>";
  file.end();

  std::string& c = file.begin(cid);
  c += "<< /Type /Font /Subtype /CIDFontType2 /BaseFont " + name +
       " /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>"
       " /FontDescriptor ";
  ref(c, descriptor);
  c += " /CIDToGIDMap /Identity";
  c += subset.widths_array;
  c += " >>";
  file.end();

  const FaceMetrics& m = face.metrics();
  std::string& d = file.begin(descriptor);
  d += "<< /Type /FontDescriptor /FontName " + name + " /Flags 32 /FontBBox [";
  for (int i = 0; i < 4; ++i) {
    if (i > 0) d += ' ';
    append_int(d, m.bbox[i]);
  }
  d += "] /ItalicAngle ";
  append_number(d, m.italic_angle);
  d += " /Ascent ";
  append_int(d, m.ascent);
  d += " /Descent ";
  append_int(d, m.descent);
  d += " /CapHeight ";
  append_int(d, m.cap_height);
  d += " /StemV 80 /FontFile2 ";
  ref(d, program);
  d += " >>";
  file.end();

  std::string length1 = " /Length1 ";
  append_int(length1, static_cast<long>(subset.program.size()));
  if (compress)
    file.deflated_stream(program, length1, subset.deflated);
  else
    file.stream(program, length1, subset.program, false);
  if (compress)
    file.deflated_stream(to_unicode, "", subset.to_unicode_deflated);
  else
    file.stream(to_unicode, "", subset.to_unicode, false);
  return type0;
}

// ---- pages -------------------------------------------------------------------------------------

// Writes one page's operations as a content stream, setting font, colour and line width only
// when they change.
class ContentWriter {
 public:
  explicit ContentWriter(const std::vector<EmbeddedFont>& fonts) : fonts_(fonts) {
    out_.reserve(16 * 1024);
  }

  void draw(const DrawOp& op) {
    std::visit([this](const auto& o) { this->draw_op(o); }, op);
  }

  // Marked content (ISO 32000-1 §14.6): what follows, until end_marked(), is the content of a
  // structure element of type `type` with marked-content ID `mcid`, or an artifact. Sequences
  // and text objects nest: one begun inside a text object ends in it (so consecutive runs of
  // text share one BT ... ET), one begun outside holds whole text objects.
  void begin_marked(std::string_view type, int mcid) {
    out_ += '/';
    out_ += type;
    out_ += "<</MCID ";
    append_int(out_, mcid);
    out_ += ">>BDC\n";
    marked_in_text_ = in_text_;
    artifact_ = false;
  }
  void begin_artifact() {
    out_ += "/Artifact BMC\n";
    marked_in_text_ = in_text_;
    artifact_ = true;
  }
  void end_marked() {
    if (!marked_in_text_) end_text();
    out_ += "EMC\n";
    marked_in_text_ = false;
  }

  std::string finish() {
    end_text();
    return std::move(out_);
  }

 private:
  void draw_op(const TextOp& op) {
    if (!in_text_) {
      out_ += "BT\n";
      in_text_ = true;
    }
    if (op.face != face_ || op.size != size_) {
      out_ += "/F";
      append_int(out_, op.face);
      out_ += ' ';
      append_number(out_, op.size);
      out_ += " Tf\n";
      face_ = op.face;
      size_ = op.size;
    }
    set_fill(op.color);
    if (op.synthetic_bold) set_stroke(op.color, op.size * 0.04);
    if (op.synthetic_bold != stroking_text_) {
      out_ += op.synthetic_bold ? "2 Tr\n" : "0 Tr\n";
      stroking_text_ = op.synthetic_bold;
    }
    const EmbeddedFont& font = fonts_[op.face];
    if (!op.glyphs.empty()) {
      draw_glyphs(op, font);
      return;
    }
    out_ += "1 0 0 1 ";
    point(op.x, op.y);
    out_ += " Tm (";
    for (std::size_t pos = 0; pos < op.text.size();)
      append_code(font.glyph(next_code_point(op.text, pos)));
    out_ += ") Tj\n";
  }

  // A shaped run: its glyphs where the shaper put them, drawn left to right (visual order, as
  // other writers do: poppler then gives each word whole and reorders the line into logical
  // order itself; drawn in logical order, it would cut every letter into a word of its own).
  // Each glyph's ToUnicode entry says what it stands for. Glyphs on the baseline go in one TJ,
  // with a displacement wherever the shaper's advance differs from the /W width; a glyph raised
  // or lowered (an Arabic vowel mark) gets its own text matrix.
  void draw_glyphs(const TextOp& op, const EmbeddedFont& font) {
    bool open = false;
    double pen = 0;  // where the reader's text position is, from op.x, in points
    for (const auto& glyph : op.glyphs) {
      const std::uint16_t id = font.shaped_glyph(glyph.id);
      const double width = font.subset->widths[id] * op.size / 1000.0;
      if (glyph.y != 0 || !open) {
        if (open) out_ += ")] TJ\n";
        out_ += "1 0 0 1 ";
        point(op.x + glyph.x, op.y + glyph.y);
        out_ += " Tm [(";
        open = true;
        pen = glyph.x;
      } else if (std::abs(glyph.x - pen) > 0.001) {
        out_ += ") ";
        append_number(out_, (pen - glyph.x) * 1000.0 / op.size, 3);
        out_ += " (";
        pen = glyph.x;
      }
      append_code(id);
      pen += width;
      if (glyph.y != 0) {  // back to the baseline for the next glyph
        out_ += ")] TJ\n";
        open = false;
      }
    }
    if (open) out_ += ")] TJ\n";
  }

  void draw_op(const LineOp& op) {
    end_text();
    set_stroke(op.color, op.width);
    point(op.x1, op.y1);
    out_ += " m ";
    point(op.x2, op.y2);
    out_ += " l S\n";
  }

  void draw_op(const FieldOp&) {}  // a widget annotation, written with the page

  void draw_op(const RectOp& op) {
    if (!op.fill && !op.stroke) return;
    end_text();
    if (op.fill) set_fill(*op.fill);
    if (op.stroke) set_stroke(*op.stroke, op.stroke_width);
    point(op.x, op.y);
    out_ += ' ';
    point(op.width, op.height);
    out_ += op.fill && op.stroke ? " re B\n" : op.fill ? " re f\n" : " re S\n";
  }

  // One two-byte code of a literal string; the bytes the string syntax gives a meaning are
  // escaped (a bare CR would be read as a line end).
  void append_code(std::uint16_t code) {
    for (const auto byte :
         {static_cast<unsigned char>(code >> 8), static_cast<unsigned char>(code & 0xFF)}) {
      if (byte == '(' || byte == ')' || byte == '\\') {
        out_ += '\\';
        out_ += static_cast<char>(byte);
      } else if (byte == '\r') {
        out_ += "\\r";
      } else {
        out_ += static_cast<char>(byte);
      }
    }
  }

  void point(double x, double y) {
    append_number(out_, x);
    out_ += ' ';
    append_number(out_, y);
  }
  void color(const Rgb& c) {
    append_number(out_, c.r, 3);
    out_ += ' ';
    append_number(out_, c.g, 3);
    out_ += ' ';
    append_number(out_, c.b, 3);
  }
  void end_text() {
    if (!in_text_) return;
    if (marked_in_text_) {
      // The open sequence began in this text object: it ends before the object does, and an
      // artifact goes on after it (tagged content never mixes text with lines and boxes).
      out_ += "EMC\nET\n";
      in_text_ = false;
      marked_in_text_ = false;
      if (artifact_) out_ += "/Artifact BMC\n";
      return;
    }
    out_ += "ET\n";
    in_text_ = false;
  }
  void set_fill(const Rgb& c) {
    if (fill_ == c) return;
    color(c);
    out_ += " rg\n";
    fill_ = c;
  }
  void set_stroke(const Rgb& c, double width) {
    if (!(stroke_ == c)) {
      color(c);
      out_ += " RG\n";
      stroke_ = c;
    }
    if (width != line_width_) {
      append_number(out_, width, 3);
      out_ += " w\n";
      line_width_ = width;
    }
  }

  const std::vector<EmbeddedFont>& fonts_;
  std::string out_;
  bool in_text_ = false;
  bool marked_in_text_ = false;  // the open marked-content sequence began inside BT ... ET
  bool artifact_ = false;        // the open sequence is an artifact
  bool stroking_text_ = false;   // text rendering mode fill-then-stroke (synthetic bold)
  std::uint16_t face_ = 0xFFFF;
  double size_ = 0;
  Rgb fill_{0, 0, 0};  // PDF's initial fill and stroke colour
  Rgb stroke_{0, 0, 0};
  double line_width_ = 1;  // PDF's initial line width
};

// ---- document ----------------------------------------------------------------------------------

void append_date(std::string& out, core::Date date) {
  char digits[9];
  int value = date.year() * 10000 + date.month() * 100 + date.day();
  for (int i = 7; i >= 0; --i, value /= 10) digits[i] = static_cast<char>('0' + value % 10);
  out += "(D:";
  out.append(digits, 8);
  out += "000000Z)";
}

void append_ref(std::string& out, int number) {
  append_int(out, number);
  out += " 0 R";
}

constexpr std::string_view kProducer = "formpipe";

void write_info(PdfFile& file, int number, const PdfMetadata& metadata, core::Date created) {
  std::string& out = file.begin(number);
  out += "<<";
  const auto entry = [&out](const char* key, std::string_view value) {
    if (value.empty()) return;
    out += key;
    append_text_string(out, value);
  };
  entry(" /Title ", metadata.title);
  entry(" /Author ", metadata.author);
  entry(" /Subject ", metadata.subject);
  entry(" /Keywords ", metadata.keywords);
  entry(" /Creator ", kProducer);
  entry(" /Producer ", kProducer);
  out += " /CreationDate ";
  append_date(out, created);
  out += " /ModDate ";
  append_date(out, created);
  out += " >>";
  file.end();
}

// `text` with the five characters XML gives a meaning escaped.
void append_xml(std::string& out, std::string_view text) {
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        out += c;
    }
  }
}

constexpr std::string_view kExtensionSchemas =
    "<pdfaExtension:schemas><rdf:Bag>\n"
    "<rdf:li rdf:parseType=\"Resource\">"
    "<pdfaSchema:schema>PDF/UA identification</pdfaSchema:schema>"
    "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>"
    "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>"
    "<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">"
    "<pdfaProperty:name>part</pdfaProperty:name>"
    "<pdfaProperty:valueType>Integer</pdfaProperty:valueType>"
    "<pdfaProperty:category>internal</pdfaProperty:category>"
    "<pdfaProperty:description>ISO 14289 part</pdfaProperty:description>"
    "</rdf:li></rdf:Seq></pdfaSchema:property></rdf:li>\n"
    "<rdf:li rdf:parseType=\"Resource\">"
    "<pdfaSchema:schema>formpipe document</pdfaSchema:schema>"
    "<pdfaSchema:namespaceURI>urn:formpipe:ns:1.0/</pdfaSchema:namespaceURI>"
    "<pdfaSchema:prefix>formpipe</pdfaSchema:prefix>"
    "<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">"
    "<pdfaProperty:name>document</pdfaProperty:name>"
    "<pdfaProperty:valueType>Text</pdfaProperty:valueType>"
    "<pdfaProperty:category>external</pdfaProperty:category>"
    "<pdfaProperty:description>formpipe document kind</pdfaProperty:description>"
    "</rdf:li><rdf:li rdf:parseType=\"Resource\">"
    "<pdfaProperty:name>form</pdfaProperty:name>"
    "<pdfaProperty:valueType>Text</pdfaProperty:valueType>"
    "<pdfaProperty:category>external</pdfaProperty:category>"
    "<pdfaProperty:description>the form kind of a fillable form</pdfaProperty:description>"
    "</rdf:li><rdf:li rdf:parseType=\"Resource\">"
    "<pdfaProperty:name>profile</pdfaProperty:name>"
    "<pdfaProperty:valueType>Text</pdfaProperty:valueType>"
    "<pdfaProperty:category>external</pdfaProperty:category>"
    "<pdfaProperty:description>the program profile of a fillable form</pdfaProperty:description>"
    "</rdf:li><rdf:li rdf:parseType=\"Resource\">"
    "<pdfaProperty:name>formVersion</pdfaProperty:name>"
    "<pdfaProperty:valueType>Text</pdfaProperty:valueType>"
    "<pdfaProperty:category>external</pdfaProperty:category>"
    "<pdfaProperty:description>the version of a fillable form's field "
    "layout</pdfaProperty:description>"
    "</rdf:li></rdf:Seq></pdfaSchema:property></rdf:li>\n"
    "</rdf:Bag></pdfaExtension:schemas>\n";

// The XMP metadata packet (ISO 16684-1): the Info dictionary's entries again, the document's
// identity and which formpipe document it is.
std::string xmp_packet(const PdfMetadata& metadata, core::Date created,
                       std::string_view document_id) {
  std::string x;
  x.reserve(2048);
  x += "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
       "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
       "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
       "<rdf:Description rdf:about=\"\""
       " xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
       " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\""
       " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\""
       " xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\""
       " xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\""
       " xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\""
       " xmlns:formpipe=\"urn:formpipe:ns:1.0/\""
       " xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\""
       " xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\""
       " xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
       "<dc:format>application/pdf</dc:format>\n";
  const auto alt = [&x](const char* name, std::string_view value) {
    if (value.empty()) return;
    x += '<';
    x += name;
    x += "><rdf:Alt><rdf:li xml:lang=\"x-default\">";
    append_xml(x, value);
    x += "</rdf:li></rdf:Alt></";
    x += name;
    x += ">\n";
  };
  const auto simple = [&x](const char* name, std::string_view value) {
    if (value.empty()) return;
    x += '<';
    x += name;
    x += '>';
    append_xml(x, value);
    x += "</";
    x += name;
    x += ">\n";
  };
  alt("dc:title", metadata.title);
  if (!metadata.author.empty()) {
    x += "<dc:creator><rdf:Seq><rdf:li>";
    append_xml(x, metadata.author);
    x += "</rdf:li></rdf:Seq></dc:creator>\n";
  }
  alt("dc:description", metadata.subject);
  simple("pdf:Keywords", metadata.keywords);
  simple("pdf:Producer", kProducer);
  simple("xmp:CreatorTool", kProducer);
  const std::string date = created.iso() + "T00:00:00Z";
  simple("xmp:CreateDate", date);
  simple("xmp:ModifyDate", date);
  simple("xmpMM:DocumentID", "formpipe:" + std::string(document_id));
  simple("formpipe:document", metadata.kind);
  simple("formpipe:form", metadata.form);
  simple("formpipe:profile", metadata.profile);
  simple("formpipe:formVersion", metadata.form_version);
  x += "<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>A</pdfaid:conformance>\n"
       "<pdfuaid:part>1</pdfuaid:part>\n";
  // PDF/A-2 (ISO 19005-2 §6.6.2.3.3) wants every property outside its predefined schemas
  // described: PDF/UA's identification and formpipe's own.
  x += kExtensionSchemas;
  x += "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>";
  return x;
}

// SHA-256 of the parts, one after the other.
std::array<unsigned char, 32> sha256(std::initializer_list<std::string_view> parts) {
  std::array<unsigned char, 32> digest{};
  unsigned int size = 0;
  const std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX*)> context(EVP_MD_CTX_new(),
                                                                   EVP_MD_CTX_free);
  bool ok = context && EVP_DigestInit_ex(context.get(), EVP_sha256(), nullptr) == 1;
  for (const std::string_view part : parts)
    ok = ok && EVP_DigestUpdate(context.get(), part.data(), part.size()) == 1;
  if (!ok || EVP_DigestFinal_ex(context.get(), digest.data(), &size) != 1)
    throw RenderError("SHA-256", 0, 0);
  return digest;
}

std::string hex(const unsigned char* bytes, std::size_t size) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * size);
  for (std::size_t i = 0; i < size; ++i) {
    out += digits[bytes[i] >> 4];
    out += digits[bytes[i] & 0xF];
  }
  return out;
}

// ---- form fields ----------------------------------------------------------------------------

constexpr int kReadOnly = 1;         // /Ff bit 1
constexpr int kMultiline = 1 << 12;  // /Ff bit 13 (text)
constexpr int kCombo = 1 << 17;      // /Ff bit 18 (choice)
constexpr int kEdit = 1 << 18;       // /Ff bit 19 (choice)
constexpr std::string_view kBorder = "/MK << /BC [0.08 0.2 0.38] >>";

void append_rect(std::string& out, const FieldOp& field) {
  out += '[';
  append_number(out, field.x);
  out += ' ';
  append_number(out, field.y);
  out += ' ';
  append_number(out, field.x + field.width);
  out += ' ';
  append_number(out, field.y + field.height);
  out += ']';
}

void append_name(std::string& out, std::string_view name) {
  out += '/';
  for (const char c : name) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x21 || byte > 0x7E ||
        std::string_view("()<>[]{}/%#").find(c) != std::string_view::npos) {
      static constexpr char digits[] = "0123456789ABCDEF";
      out += '#';
      out += digits[byte >> 4];
      out += digits[byte & 0xF];
    } else {
      out += c;
    }
  }
}

// The AcroForm (ISO 32000-1 §12.7): each FieldOp's widget as it is met on its page, then the
// field dictionaries above the widgets, built from the dotted names. A terminal field with one
// widget is merged with it; a check box is a field whose widgets (one per on-state) are its
// kids. Every widget has an appearance: blank ones share a few (by kind and size), a prefilled
// one draws its value with the document's embedded faces. No field needs NeedAppearances.
class FormWriter {
 public:
  FormWriter(PdfFile& file, const std::vector<EmbeddedFont>& fonts, int resources)
      : file_(file), fonts_(fonts), resources_(resources) {}

  void widget(int widget, int page, const FieldOp& field, int struct_parent) {
    const auto parts = split(field.name);
    std::string& w = file_.begin(widget);
    w += "<< /Type /Annot /Subtype /Widget";
    if (field.kind == FieldKind::CheckBox) {
      // A kid of its check box field, which holds the name, type and value.
      const int parent = node(field.name, static_cast<int>(parts.size()), &field);
      nodes_[index_[field.name]].kids.push_back(widget);
      if (!field.value.empty()) nodes_[index_[field.name]].value = field.value;
      w += " /Parent ";
      append_ref(w, parent);
      w += " /AS ";
      append_name(w,
                  field.value == field.on_state && !field.value.empty() ? field.on_state : "Off");
      // Each box says what it answers, for readers that announce widgets one by one.
      w += " /TU ";
      append_text_string(w, field.tooltip + (field.on_state == "yes"  ? " (Yes)"
                                             : field.on_state == "no" ? " (No)"
                                                                      : ""));
    } else {
      const int parent =
          parts.size() > 1 ? node(field.name, static_cast<int>(parts.size()) - 1) : 0;
      if (parent != 0) {
        nodes_[index_[prefix(field.name, static_cast<int>(parts.size()) - 1)]].kids.push_back(
            widget);
        w += " /Parent ";
        append_ref(w, parent);
      } else {
        top_.push_back(widget);
      }
      w += " /T ";
      append_text_string(w, parts.back());
      field_entries(w, field);
    }
    w += " /F 4 /P ";
    append_ref(w, page);
    w += " /Rect ";
    append_rect(w, field);
    w += ' ';
    w += kBorder;
    w += " /AP << /N ";
    if (field.kind == FieldKind::CheckBox) {
      w += "<< ";
      append_name(w, field.on_state);
      w += ' ';
      append_ref(w, shared(Look::Check, field));
      w += " /Off ";
      append_ref(w, shared(Look::Empty, field));
      w += " >>";
    } else if (field.kind == FieldKind::Signature) {
      append_ref(w, shared(Look::Signature, field));
    } else if (field.appearance.empty()) {
      append_ref(w, shared(Look::BlankText, field));
    } else {
      append_ref(w, value_appearance(field));
    }
    w += " >>";
    if (struct_parent >= 0) {
      w += " /StructParent ";
      append_int(w, struct_parent);
    }
    w += " >>";
    file_.end();
  }

  bool variable_text() const { return variable_text_; }
  std::uint16_t face() const { return face_; }
  double font_size() const { return font_size_; }

  // Writes the field dictionaries that are not widgets; returns the top-level fields, in the
  // order they were first met.
  std::vector<int> finish() {
    for (const Node& n : nodes_) {
      std::string& out = file_.begin(n.object);
      out += "<<";
      if (n.parent != 0) {
        out += " /Parent ";
        append_ref(out, n.parent);
      }
      out += " /T ";
      append_text_string(out, n.partial);
      if (n.check_box != nullptr) {
        out += " /FT /Btn /TU ";
        append_text_string(out, n.check_box->tooltip);
        if (n.check_box->read_only) out += " /Ff 1";
        if (!n.value.empty()) {
          out += " /V ";
          append_name(out, n.value);
        }
      }
      out += " /Kids [";
      for (std::size_t i = 0; i < n.kids.size(); ++i) {
        if (i > 0) out += ' ';
        append_ref(out, n.kids[i]);
      }
      out += "] >>";
      file_.end();
    }
    return top_;
  }

 private:
  struct Node {
    int object = 0;
    int parent = 0;
    std::string partial;
    std::vector<int> kids;
    const FieldOp* check_box = nullptr;  // a check box field: its first widget's FieldOp
    std::string value;
  };
  enum class Look { Signature, Empty, BlankText, Check };
  struct SharedLook {
    Look look;
    double width, height;
    int object;
  };

  static std::vector<std::string_view> split(std::string_view name) {
    std::vector<std::string_view> parts;
    for (std::size_t start = 0;;) {
      const auto dot = name.find('.', start);
      parts.push_back(name.substr(start, dot == std::string_view::npos ? dot : dot - start));
      if (dot == std::string_view::npos) break;
      start = dot + 1;
    }
    return parts;
  }
  // The first `levels` levels of `name`.
  static std::string prefix(std::string_view name, int levels) {
    std::size_t end = 0;
    for (int i = 0; i < levels; ++i) {
      end = name.find('.', i == 0 ? 0 : end + 1);
      if (end == std::string_view::npos) return std::string(name);
    }
    return std::string(name.substr(0, end));
  }

  // The field dictionary of the first `levels` levels of `name`, made (with its ancestors) on
  // first use; returns its object number.
  int node(std::string_view name, int levels, const FieldOp* check_box = nullptr) {
    const std::string key = prefix(name, levels);
    if (const auto found = index_.find(key); found != index_.end())
      return nodes_[found->second].object;
    const int parent = levels > 1 ? node(name, levels - 1) : 0;
    Node n;
    n.object = file_.reserve();
    n.parent = parent;
    const auto dot = key.rfind('.');
    n.partial = dot == std::string::npos ? key : key.substr(dot + 1);
    n.check_box = check_box;
    if (parent != 0)
      nodes_[index_[prefix(name, levels - 1)]].kids.push_back(n.object);
    else
      top_.push_back(n.object);
    index_.emplace(key, nodes_.size());
    nodes_.push_back(std::move(n));
    return nodes_.back().object;
  }

  // The entries of a terminal field merged with its widget.
  void field_entries(std::string& w, const FieldOp& field) {
    int flags = field.read_only ? kReadOnly : 0;
    switch (field.kind) {
      case FieldKind::Signature:
        w += " /FT /Sig";
        break;
      case FieldKind::Text:
        w += " /FT /Tx";
        if (field.multiline) flags |= kMultiline;
        break;
      case FieldKind::Choice:
        w += " /FT /Ch";
        flags |= kCombo;
        if (field.editable) flags |= kEdit;
        break;
      case FieldKind::CheckBox:
        break;
    }
    w += " /TU ";
    append_text_string(w, field.tooltip);
    if (flags != 0) {
      w += " /Ff ";
      append_int(w, flags);
    }
    if (field.kind == FieldKind::Signature) return;
    variable_text_ = true;
    face_ = field.face;
    font_size_ = field.font_size;
    w += " /DA ";
    append_text_string(w, da(field));
    if (field.kind == FieldKind::Text && field.max_length > 0) {
      w += " /MaxLen ";
      append_int(w, field.max_length);
    }
    if (field.kind == FieldKind::Choice) {
      w += " /Opt [";
      for (std::size_t i = 0; i < field.choices.size(); ++i) {
        if (i > 0) w += ' ';
        append_text_string(w, field.choices[i]);
      }
      w += ']';
    }
    if (!field.value.empty()) {
      w += " /V ";
      append_text_string(w, field.value);
    }
  }

  static std::string da(const FieldOp& field) {
    std::string out = "/F";
    append_int(out, field.face);
    out += ' ';
    append_number(out, field.font_size);
    out += " Tf 0.13 0.13 0.15 rg";
    return out;
  }

  std::string form_dict(const FieldOp& field) const {
    std::string dict = "/Type /XObject /Subtype /Form /BBox [0 0 ";
    append_number(dict, field.width);
    dict += ' ';
    append_number(dict, field.height);
    dict += "] /Resources ";
    append_ref(dict, resources_);
    return dict;
  }

  // An appearance many widgets share: nothing (a signature's, a check box's off state), an
  // empty text field, or a check mark drawn as a path (no ZapfDingbats, which PDF/A would need
  // embedded).
  int shared(Look look, const FieldOp& field) {
    for (const auto& s : shared_)
      if (s.look == look && s.width == field.width && s.height == field.height) return s.object;
    const int object = file_.reserve();
    std::string content;
    if (look == Look::BlankText) content = "/Tx BMC\nEMC\n";
    if (look == Look::Check) {
      const double w = field.width, h = field.height;
      content = "q 0.08 0.2 0.38 RG ";
      append_number(content, std::max(1.0, std::min(w, h) * 0.12), 3);
      content += " w 1 J 1 j ";
      const auto at = [&](double fx, double fy) {
        append_number(content, w * fx);
        content += ' ';
        append_number(content, h * fy);
      };
      at(0.2, 0.52);
      content += " m ";
      at(0.42, 0.25);
      content += " l ";
      at(0.82, 0.8);
      content += " l S Q\n";
    }
    file_.stream(object, form_dict(field), content, false);
    shared_.push_back({look, field.width, field.height, object});
    return object;
  }

  // A prefilled field's appearance: its value's text runs, clipped to the box.
  int value_appearance(const FieldOp& field) {
    const int object = file_.reserve();
    ContentWriter writer(fonts_);
    std::string content = "/Tx BMC\nq 1 1 ";
    append_number(content, std::max(0.0, field.width - 2));
    content += ' ';
    append_number(content, std::max(0.0, field.height - 2));
    content += " re W n\n";
    for (const TextOp& text : field.appearance) writer.draw(text);
    content += writer.finish();
    content += "Q\nEMC\n";
    file_.stream(object, form_dict(field), content);
    return object;
  }

  PdfFile& file_;
  const std::vector<EmbeddedFont>& fonts_;
  int resources_;
  std::vector<Node> nodes_;
  std::map<std::string, std::size_t, std::less<>> index_;
  std::vector<int> top_;
  std::vector<SharedLook> shared_;
  bool variable_text_ = false;
  std::uint16_t face_ = 0;
  double font_size_ = 9;
};

// Where an element's content is: marked content `mcid` of page `page`, or the annotation
// `object` (a signature widget) on it.
struct Kid {
  std::size_t page = 0;
  int mcid = -1;
  int object = 0;
};

// The structure tree (ISO 32000-1 §14.7): the root, every element that holds something, and
// the parent tree that leads from each page's marked content and each widget back to its
// element. Returns the StructTreeRoot's object number.
int write_structure(PdfFile& file, const StructTree& tree,
                    const std::vector<std::vector<Kid>>& content, const std::vector<int>& pages,
                    const std::vector<std::vector<std::int32_t>>& page_elements,
                    const std::vector<std::int32_t>& widget_elements) {
  const auto& elements = tree.elements;
  const std::size_t n = elements.size();
  // An element is written when it holds content or an element that is; table cells always,
  // so that every row keeps its columns.
  std::vector<bool> live(n, false);
  for (std::size_t i = n; i-- > 0;) {
    const auto& type = elements[i].type;
    if (!content[i].empty() || type == "TD" || type == "TH") live[i] = true;
    if (live[i] && elements[i].parent >= 0)
      live[static_cast<std::size_t>(elements[i].parent)] = true;
  }
  if (n > 0) live[0] = true;
  std::vector<int> number(n, 0);
  std::vector<std::vector<std::size_t>> children(n);
  for (std::size_t i = 0; i < n; ++i) {
    if (!live[i]) continue;
    number[i] = file.reserve();
    if (elements[i].parent >= 0)
      children[static_cast<std::size_t>(elements[i].parent)].push_back(i);
  }
  const int root = file.reserve();
  const int parent_tree = file.reserve();

  for (std::size_t i = 0; i < n; ++i) {
    if (!live[i]) continue;
    const StructElement& e = elements[i];
    std::string& out = file.begin(number[i]);
    out += "<</S/";
    out += e.type;
    out += "/P ";
    append_ref(out, e.parent >= 0 ? number[static_cast<std::size_t>(e.parent)] : root);
    if (!e.scope.empty()) {
      out += "/A<</O/Table/Scope/";
      out += e.scope;
      out += ">>";
    }
    const auto& kids = content[i];
    const std::size_t page = kids.empty() ? 0 : kids.front().page;
    if (!kids.empty()) {
      out += "/Pg ";
      append_ref(out, pages[page]);
    }
    const std::size_t count = kids.size() + children[i].size();
    if (count > 0) {
      out += count > 1 ? "/K[" : "/K ";
      bool first = true;
      const auto separate = [&] {
        if (!first) out += ' ';
        first = false;
      };
      for (const std::size_t child : children[i]) {
        separate();
        append_ref(out, number[child]);
      }
      for (const Kid& kid : kids) {
        separate();
        if (kid.mcid < 0) {
          out += "<</Type/OBJR/Obj ";
          append_ref(out, kid.object);
          out += "/Pg ";
          append_ref(out, pages[kid.page]);
          out += ">>";
        } else if (kid.page == page) {
          append_int(out, kid.mcid);
        } else {
          out += "<</Type/MCR/Pg ";
          append_ref(out, pages[kid.page]);
          out += "/MCID ";
          append_int(out, kid.mcid);
          out += ">>";
        }
      }
      if (count > 1) out += ']';
    }
    out += ">>";
    file.end();
  }

  std::string& r = file.begin(root);
  r += "<</Type /StructTreeRoot /K ";
  append_ref(r, number[0]);
  r += " /ParentTree ";
  append_ref(r, parent_tree);
  r += " /ParentTreeNextKey ";
  append_int(r, static_cast<long>(pages.size() + widget_elements.size()));
  r += ">>";
  file.end();

  std::string& t = file.begin(parent_tree);
  t += "<</Nums[";
  for (std::size_t p = 0; p < pages.size(); ++p) {
    if (p > 0) t += ' ';
    append_int(t, static_cast<long>(p));
    t += " [";
    for (std::size_t m = 0; m < page_elements[p].size(); ++m) {
      if (m > 0) t += ' ';
      append_ref(t, number[static_cast<std::size_t>(page_elements[p][m])]);
    }
    t += ']';
  }
  for (std::size_t w = 0; w < widget_elements.size(); ++w) {
    t += ' ';
    append_int(t, static_cast<long>(pages.size() + w));
    t += ' ';
    append_ref(t, number[static_cast<std::size_t>(widget_elements[w])]);
  }
  t += "]>>";
  file.end();
  return root;
}

}  // namespace

std::string write_pdf(const std::vector<PageOps>& pages, const PdfMetadata& metadata,
                      const FontSet& fonts, const RenderOptions& options) {
  PdfFile file(options.compress);
  const int catalog = file.reserve();
  const int page_tree = file.reserve();
  const int info = file.reserve();
  const int resources = file.reserve();
  const int xmp = file.reserve();
  write_info(file, info, metadata, options.creation_date);

  const auto used = uses_by_face(pages, fonts.size());
  std::vector<EmbeddedFont> embedded(fonts.size());
  for (std::size_t id = 0; id < fonts.size(); ++id) {
    if (used[id].empty()) continue;
    EmbeddedFont& font = embedded[id];
    font.subset =
        subset_face(fonts.face(id), used[id].characters, used[id].shaped, options.compress);
    for (std::size_t i = 0; i < font.subset->characters.size(); ++i)
      if (font.subset->characters[i] < font.latin.size())
        font.latin[font.subset->characters[i]] = font.subset->glyphs[i];
    font.type0 = write_font(file, fonts.face(id), *font.subset, options.compress);
  }

  // One resource dictionary, shared by every page: /F<face id> for each embedded face.
  std::string& r = file.begin(resources);
  r += "<< /Font <<";
  for (std::size_t id = 0; id < embedded.size(); ++id) {
    if (!embedded[id].subset) continue;
    r += " /F";
    append_int(r, static_cast<long>(id));
    r += ' ';
    append_int(r, embedded[id].type0);
    r += " 0 R";
  }
  r += " >> >>";
  file.end();

  const StructTree& tree = metadata.structure;
  const auto element_type = [&](std::int32_t tag) -> std::string_view {
    return tree.elements[static_cast<std::size_t>(tag)].type;
  };
  std::vector<int> kids(pages.size());
  for (auto& kid : kids) kid = file.reserve();
  std::vector<std::vector<Kid>> content(tree.elements.size());
  std::vector<std::vector<std::int32_t>> page_elements(pages.size());  // by MCID
  std::vector<std::int32_t> widget_elements;  // by /StructParent, less the pages
  constexpr std::int32_t kNone = -2;
  FormWriter form(file, embedded, resources);
  for (std::size_t index = 0; index < pages.size(); ++index) {
    const PageOps& page_ops = pages[index];
    const int page = kids[index];
    const int contents = file.reserve();
    ContentWriter writer(embedded);
    std::vector<int> annots;
    std::int32_t open = kNone;
    for (std::size_t i = 0; i < page_ops.ops.size(); ++i) {
      const DrawOp& op = page_ops.ops[i];
      std::int32_t tag = i < page_ops.tags.size() ? page_ops.tags[i] : kArtifact;
      if (tag >= static_cast<std::int32_t>(tree.elements.size())) tag = kArtifact;
      if (const auto* field = std::get_if<FieldOp>(&op)) {
        const int widget = file.reserve();
        int key = -1;
        if (tag != kArtifact) {
          key = static_cast<int>(pages.size() + widget_elements.size());
          widget_elements.push_back(tag);
          content[static_cast<std::size_t>(tag)].push_back({index, -1, widget});
        }
        form.widget(widget, page, *field, key);
        annots.push_back(widget);
        continue;
      }
      if (tag != open) {
        if (open != kNone) writer.end_marked();
        if (tag == kArtifact) {
          writer.begin_artifact();
        } else {
          const int mcid = static_cast<int>(page_elements[index].size());
          page_elements[index].push_back(tag);
          content[static_cast<std::size_t>(tag)].push_back({index, mcid, 0});
          writer.begin_marked(element_type(tag), mcid);
        }
        open = tag;
      }
      writer.draw(op);
    }
    if (open != kNone) writer.end_marked();
    file.stream(contents, "", writer.finish());
    std::string& p = file.begin(page);
    p += "<< /Type /Page /Parent ";
    append_ref(p, page_tree);
    p += " /MediaBox [0 0 ";
    append_number(p, kPageWidth);
    p += ' ';
    append_number(p, kPageHeight);
    p += "] /Resources ";
    append_ref(p, resources);
    p += " /Contents ";
    append_ref(p, contents);
    p += " /StructParents ";
    append_int(p, static_cast<long>(index));
    if (!annots.empty()) {
      p += " /Tabs /S /Annots [";
      for (std::size_t i = 0; i < annots.size(); ++i) {
        if (i > 0) p += ' ';
        append_ref(p, annots[i]);
      }
      p += ']';
    }
    p += " >>";
    file.end();
  }
  StructTree fallback;
  if (tree.elements.empty()) fallback.elements.push_back({"Document", -1, {}});
  const int structure_root =
      write_structure(file, tree.elements.empty() ? fallback : tree,
                      tree.elements.empty() ? std::vector<std::vector<Kid>>(1) : content, kids,
                      page_elements, widget_elements);

  // The output intent: sRGB, which the pages' DeviceRGB colours are meant in (PDF/A).
  const int profile = file.reserve();
  if (options.compress)
    file.deflated_stream(profile, "/N 3", fonts.srgb_profile_deflated());
  else
    file.stream(profile, "/N 3", fonts.srgb_profile(), false);

  std::string& t = file.begin(page_tree);
  t += "<< /Type /Pages /Kids [";
  for (std::size_t i = 0; i < kids.size(); ++i) {
    if (i > 0) t += ' ';
    append_ref(t, kids[i]);
  }
  t += "] /Count ";
  append_int(t, static_cast<long>(kids.size()));
  t += " >>";
  file.end();

  const std::vector<int> fields = form.finish();
  std::string& c = file.begin(catalog);
  c += "<< /Type /Catalog /Pages ";
  append_ref(c, page_tree);
  c += " /Metadata ";
  append_ref(c, xmp);
  c += " /StructTreeRoot ";
  append_ref(c, structure_root);
  c += " /MarkInfo << /Marked true >> /Lang ";
  append_text_string(c, metadata.lang.empty() ? std::string_view("en-US") : metadata.lang);
  c += " /ViewerPreferences << /DisplayDocTitle true >>"
       " /OutputIntents [<< /Type /OutputIntent /S /GTS_PDFA1"
       " /OutputConditionIdentifier (sRGB IEC61966-2.1) /Info (sRGB IEC61966-2.1)"
       " /RegistryName (http://www.color.org) /DestOutputProfile ";
  append_ref(c, profile);
  c += " >>]";
  if (!fields.empty()) {
    c += " /AcroForm << /Fields [";
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (i > 0) c += ' ';
      append_ref(c, fields[i]);
    }
    c += ']';
    if (form.variable_text()) {
      // The default resources and appearance of text typed into the fields: the document's
      // own embedded face (ISO 32000-1 §12.7.2).
      c += " /DR << /Font << /F";
      append_int(c, form.face());
      c += ' ';
      append_ref(c, embedded[form.face()].type0);
      c += " >> >> /DA (/F";
      append_int(c, form.face());
      c += ' ';
      append_number(c, form.font_size());
      c += " Tf 0.13 0.13 0.15 rg)";
    }
    c += " >>";
  }
  c += " >>";
  file.end();

  // The identity: the caller's, else one derived from everything written so far (the pages,
  // fonts and metadata), which the same document and options always give.
  std::string document_id = options.document_id;
  if (document_id.empty()) {
    const auto digest = sha256({file.bytes(), file.packed_bytes()});
    document_id = hex(digest.data(), 16);
  }
  const auto id = sha256({document_id});
  file.stream(xmp, "/Type /Metadata /Subtype /XML",
              xmp_packet(metadata, options.creation_date, document_id), false);
  return file.finish(catalog, info, std::string_view(reinterpret_cast<const char*>(id.data()), 16));
}

}  // namespace pipeline::render
