// write_pdf_with_libharu: the display list to PDF through libharu, embedding each font file
// whole the way libharu does: the baseline of the benchmark's libharu row (formpipe's own
// subset writer, render/pdf_writer.cpp, is what the product uses).
//
// libharu 2.3's /ToUnicode stream is an encoding CMap (begincidrange), which text extractors
// reject; it is replaced, through the internal headers Debian's libhpdf-dev installs
// (hpdf_font.h), by a bfchar map of the characters used (write_to_unicode).

#include "bench/haru_writer.hpp"

#include <hpdf.h>
#include <hpdf_font.h>

#include <algorithm>
#include <memory>
#include <string>
#include <type_traits>

#include "pipeline/render/fonts.hpp"
#include "pipeline/render/render_error.hpp"

namespace bench {

using namespace pipeline::render;
namespace core = pipeline::core;

namespace {

// ---- libharu handle and error reporting ------------------------------------------------------

struct HaruErrorState {
  HPDF_STATUS code = HPDF_OK;
  HPDF_STATUS detail = 0;
};

// libharu's error callback: records the first error; the C++ side throws after the call returns.
void record_error(HPDF_STATUS code, HPDF_STATUS detail, void* user_data) noexcept {
  auto* state = static_cast<HaruErrorState*>(user_data);
  if (state->code == HPDF_OK) {
    state->code = code;
    state->detail = detail;
  }
}

struct DocDeleter {
  void operator()(HPDF_Doc doc) const { HPDF_Free(doc); }
};

class Haru {
 public:
  Haru() : doc_(HPDF_New(record_error, &error_)) {
    if (!doc_) throw RenderError("HPDF_New", 0, 0);
  }
  Haru(const Haru&) = delete;
  Haru& operator=(const Haru&) = delete;

  HPDF_Doc doc() const { return doc_.get(); }
  // Throws RenderError when libharu reported an error since the last check.
  void check(const char* operation) const {
    if (error_.code != HPDF_OK) throw RenderError(operation, error_.code, error_.detail);
  }
  void check(const std::string& operation) const { check(operation.c_str()); }
  void clear_if(HPDF_STATUS code) {
    if (error_.code == code) error_ = {};
  }

 private:
  HaruErrorState error_;  // outlives doc_, whose callback points at it
  std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, DocDeleter> doc_;
};

// ---- fonts -------------------------------------------------------------------------------------

// libharu encodes the Basic Multilingual Plane only: a character beyond it is drawn as U+FFFD.
// A shaped run (right to left) is drawn from its logical text, unshaped: this mode is for
// comparing embedding costs, not for documents.
std::string bmp_text(const std::string& utf8) {
  if (utf8.find_first_of("\xF0\xF1\xF2\xF3\xF4") == std::string::npos) return utf8;
  std::string out;
  for (std::size_t pos = 0; pos < utf8.size();) {
    const std::size_t start = pos;
    if (next_code_point(utf8, pos) > 0xFFFF)
      out += "\xEF\xBF\xBD";
    else
      out.append(utf8, start, pos - start);
  }
  return out;
}

// The characters each face sets in the document, in code point order.
std::vector<std::vector<char32_t>> characters_by_face(const std::vector<PageOps>& pages,
                                                      std::size_t faces) {
  std::vector<std::vector<char32_t>> used(faces);
  for (const auto& page : pages)
    for (const auto& op : page.ops)
      if (const auto* text = std::get_if<TextOp>(&op)) {
        const std::string bmp = bmp_text(text->text);
        for (std::size_t pos = 0; pos < bmp.size();)
          used[text->face].push_back(next_code_point(bmp, pos));
      }
  for (auto& characters : used) {
    std::sort(characters.begin(), characters.end());
    characters.erase(std::unique(characters.begin(), characters.end()), characters.end());
  }
  return used;
}

std::string hex4(char32_t c) {
  static constexpr char digits[] = "0123456789ABCDEF";
  std::string out(4, '0');
  for (int i = 3; i >= 0; --i, c >>= 4) out[static_cast<std::size_t>(i)] = digits[c & 0xF];
  return out;
}

void write_to_unicode(HPDF_Font font, const std::vector<char32_t>& characters) {
  auto* cmap = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT));
  if (!cmap || !cmap->stream) return;
  std::string text =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  for (std::size_t i = 0; i < characters.size(); i += 100) {
    const std::size_t n = std::min<std::size_t>(100, characters.size() - i);
    text += std::to_string(n) + " beginbfchar\n";
    for (std::size_t j = i; j < i + n; ++j) {
      const std::string code = hex4(characters[j]);
      text += "<" + code + "> <" + code + ">\n";
    }
    text += "endbfchar\n";
  }
  text += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  HPDF_MemStream_FreeData(cmap->stream);
  HPDF_Stream_Write(cmap->stream, reinterpret_cast<const HPDF_BYTE*>(text.data()),
                    static_cast<HPDF_UINT>(text.size()));
}

bool is_collection(const FontFace& face) {
  return face.path().extension() == ".ttc";
}

// Loads the faces the pages use into the document; returns the libharu font per face id (null
// for faces not used).
std::vector<HPDF_Font> load_fonts(Haru& haru, const std::vector<PageOps>& pages,
                                  const FontSet& fonts) {
  const auto used = characters_by_face(pages, fonts.size());
  std::vector<HPDF_Font> loaded(fonts.size(), nullptr);
  for (std::size_t id = 0; id < fonts.size(); ++id) {
    if (used[id].empty()) continue;
    const FontFace& face = fonts.face(id);
    const char* name = nullptr;
    if (is_collection(face)) {
      name = HPDF_LoadTTFontFromFile2(haru.doc(), face.path().c_str(), face.index(), HPDF_TRUE);
    } else {
      name = HPDF_LoadTTFontFromFile(haru.doc(), face.path().c_str(), HPDF_TRUE);
    }
    haru.check("HPDF_LoadTTFontFromFile (" + face.name() + ")");
    if (!name) throw RenderError("HPDF_LoadTTFontFromFile (" + face.name() + ")", 0, 0);
    HPDF_Font font = HPDF_GetFont(haru.doc(), name, "UTF-8");
    haru.check("HPDF_GetFont (" + face.name() + ")");
    write_to_unicode(font, used[id]);
    haru.check("writing the ToUnicode map of " + face.name());
    loaded[id] = font;
  }
  return loaded;
}

// ---- pages -------------------------------------------------------------------------------------

HPDF_REAL real(double value) {
  return static_cast<HPDF_REAL>(value);
}

// Draws one page's operations, setting font, colour and line width only when they change.
class PageWriter {
 public:
  PageWriter(Haru& haru, HPDF_Page page, const std::vector<HPDF_Font>& fonts)
      : haru_(haru), page_(page), fonts_(fonts) {}

  void draw(const DrawOp& op) {
    std::visit([this](const auto& o) { this->draw_op(o); }, op);
  }

  void finish() {
    end_text();
    haru_.check("drawing a page");
  }

 private:
  void draw_op(const TextOp& op) {
    if (!in_text_) {
      HPDF_Page_BeginText(page_);
      in_text_ = true;
    }
    if (op.face != face_ || op.size != size_) {
      HPDF_Page_SetFontAndSize(page_, fonts_.at(op.face), real(op.size));
      face_ = op.face;
      size_ = op.size;
    }
    set_fill(op.color);
    if (op.synthetic_bold) set_stroke(op.color, op.size * 0.04);
    if (op.synthetic_bold != stroking_text_) {
      HPDF_Page_SetTextRenderingMode(page_, op.synthetic_bold ? HPDF_FILL_THEN_STROKE : HPDF_FILL);
      stroking_text_ = op.synthetic_bold;
    }
    HPDF_Page_TextOut(page_, real(op.x), real(op.y), bmp_text(op.text).c_str());
  }

  void draw_op(const LineOp& op) {
    end_text();
    set_stroke(op.color, op.width);
    HPDF_Page_MoveTo(page_, real(op.x1), real(op.y1));
    HPDF_Page_LineTo(page_, real(op.x2), real(op.y2));
    HPDF_Page_Stroke(page_);
  }

  void draw_op(const RectOp& op) {
    if (!op.fill && !op.stroke) return;
    end_text();
    if (op.fill) set_fill(*op.fill);
    if (op.stroke) set_stroke(*op.stroke, op.stroke_width);
    HPDF_Page_Rectangle(page_, real(op.x), real(op.y), real(op.width), real(op.height));
    if (op.fill && op.stroke)
      HPDF_Page_FillStroke(page_);
    else if (op.fill)
      HPDF_Page_Fill(page_);
    else
      HPDF_Page_Stroke(page_);
  }

  // libharu has no signature fields: the baseline draws the page only (and no tags).
  void draw_op(const FieldOp&) {}

  void end_text() {
    if (in_text_) HPDF_Page_EndText(page_);
    in_text_ = false;
  }
  void set_fill(const Rgb& color) {
    if (fill_ == color) return;
    HPDF_Page_SetRGBFill(page_, color.r, color.g, color.b);
    fill_ = color;
  }
  void set_stroke(const Rgb& color, double width) {
    if (!(stroke_ == color)) {
      HPDF_Page_SetRGBStroke(page_, color.r, color.g, color.b);
      stroke_ = color;
    }
    if (width != line_width_) {
      HPDF_Page_SetLineWidth(page_, real(width));
      line_width_ = width;
    }
  }

  Haru& haru_;
  HPDF_Page page_;
  const std::vector<HPDF_Font>& fonts_;
  bool in_text_ = false;
  bool stroking_text_ = false;  // text rendering mode fill-then-stroke (synthetic bold)
  std::uint16_t face_ = 0xFFFF;
  double size_ = 0;
  Rgb fill_{0, 0, 0};  // PDF's initial fill and stroke colour
  Rgb stroke_{0, 0, 0};
  double line_width_ = 1;  // PDF's initial line width
};

void write_metadata(Haru& haru, const PdfMetadata& metadata, core::Date created) {
  HPDF_Doc doc = haru.doc();
  HPDF_SetCurrentEncoder(doc, "UTF-8");  // info strings become UTF-16BE with a byte order mark
  const auto set = [&](HPDF_InfoType type, const std::string& value) {
    if (!value.empty()) HPDF_SetInfoAttr(doc, type, value.c_str());
  };
  set(HPDF_INFO_TITLE, metadata.title);
  set(HPDF_INFO_AUTHOR, metadata.author);
  set(HPDF_INFO_SUBJECT, metadata.subject);
  set(HPDF_INFO_KEYWORDS, metadata.keywords);
  set(HPDF_INFO_CREATOR, "formpipe");
  HPDF_Date date{};
  date.year = created.year();
  date.month = created.month();
  date.day = created.day();
  date.ind = 'Z';
  HPDF_SetInfoDateAttr(doc, HPDF_INFO_CREATION_DATE, date);
  HPDF_SetInfoDateAttr(doc, HPDF_INFO_MOD_DATE, date);
  haru.check("writing the document information");
}

std::string save(Haru& haru) {
  HPDF_SaveToStream(haru.doc());
  haru.check("HPDF_SaveToStream");
  HPDF_UINT32 size = HPDF_GetStreamSize(haru.doc());
  std::string bytes(size, '\0');
  HPDF_ReadFromStream(haru.doc(), reinterpret_cast<HPDF_BYTE*>(bytes.data()), &size);
  haru.clear_if(HPDF_STREAM_EOF);  // reading to the very end reports end-of-stream
  haru.check("HPDF_ReadFromStream");
  bytes.resize(size);
  return bytes;
}

}  // namespace

std::string write_pdf_with_libharu(const std::vector<PageOps>& pages, const PdfMetadata& metadata,
                                   const FontSet& fonts, const RenderOptions& options) {
  Haru haru;
  HPDF_SetCompressionMode(haru.doc(), options.compress ? HPDF_COMP_ALL : HPDF_COMP_NONE);
  HPDF_UseUTFEncodings(haru.doc());
  haru.check("HPDF_UseUTFEncodings");
  write_metadata(haru, metadata, options.creation_date);
  const std::vector<HPDF_Font> loaded = load_fonts(haru, pages, fonts);
  for (const auto& page_ops : pages) {
    HPDF_Page page = HPDF_AddPage(haru.doc());
    HPDF_Page_SetWidth(page, real(kPageWidth));
    HPDF_Page_SetHeight(page, real(kPageHeight));
    haru.check("HPDF_AddPage");
    PageWriter writer(haru, page, loaded);
    for (const auto& op : page_ops.ops) writer.draw(op);
    writer.finish();
  }
  return save(haru);
}

}  // namespace bench
