// A filled PDF form (pdf-forms.md §3, docs/forms.md): QPDF opens it (hardened as signing's
// reader is: a cap on warnings, depth limits on the trees it walks), the form's identity comes
// from its XMP metadata, every terminal field's fully qualified name, /V (inherited) and page
// from QPDFAcroFormDocumentHelper, and form_fields.cpp turns them into the form kind's tree,
// which the kind's reader reads as it reads the XML. A PDF with signatures or signature fields
// is left to the signed-copy reader; any other PDF is FORMAT-PDF.
#include <qpdf/Pipeline.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFAcroFormDocumentHelper.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFLogger.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>

#include <algorithm>
#include <cctype>
#include <map>
#include <new>
#include <set>
#include <stdexcept>
#include <unordered_map>
#include <utility>

#include "pipeline/ingest/form_fields.hpp"
#include "pipeline/ingest/form_readers.hpp"
#include "pipeline/pdfread/hardening.hpp"

namespace pipeline::ingest {

namespace {

// What makes a PDF unreadable, said to the person who sent it.
class Unreadable : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The form layouts formpipe reads (docs/forms.md: formpipe:formVersion).
constexpr std::string_view kFormVersions[] = {"1"};
constexpr std::string_view kFormKinds[] = {"alliance-diary-sheet", "alliance-annual-report",
                                           "cet-grant-proposal"};
constexpr std::string_view kNamespace = "urn:formpipe:ns:1.0/";

// Limits beside pdfread's (hardening.hpp): the XMP packet and the number of fields.
constexpr std::size_t kMaxMetadataBytes = 1u << 20;
constexpr std::size_t kMaxFields = 100000;

// A stream's decoded data, at most `limit` bytes (a compressed stream may inflate a thousandfold).
class CappedText : public Pipeline {
 public:
  explicit CappedText(std::size_t limit)
      : Pipeline("formpipe capped text", nullptr), limit_(limit) {}
  void write(unsigned char const* data, size_t len) override {
    if (text.size() + len > limit_) {
      over = true;
      throw Unreadable("its XMP metadata is larger than " + std::to_string(limit_) + " bytes");
    }
    text.append(reinterpret_cast<const char*>(data), len);
  }
  void finish() override {}
  std::string text;
  bool over = false;

 private:
  std::size_t limit_;
};

std::unique_ptr<QPDF> open(std::string_view bytes, bool& recovered) {
  if (bytes.substr(0, 1024).find("%PDF-") == std::string_view::npos)
    throw Unreadable("not a PDF (no %PDF- header in its first 1024 bytes)");
  auto pdf = std::make_unique<QPDF>();
  const std::shared_ptr<QPDFLogger> logger = QPDFLogger::create();
  logger->setWarn(std::make_shared<pdfread::WarningLimit<Unreadable>>());
  pdf->setLogger(logger);
  try {
    pdf->processMemoryFile("form", bytes.data(), bytes.size());
  } catch (const QPDFExc& e) {
    if (e.getErrorCode() == qpdf_e_password) throw Unreadable("encrypted");
    throw;
  }
  if (pdf->isEncrypted()) throw Unreadable("encrypted");
  if (!pdf->getRoot().isDictionary()) throw Unreadable("not a readable PDF: it has no catalog");
  recovered = pdf->anyWarnings();
  return pdf;
}

struct Identity {
  std::string document;  // formpipe:document ("form")
  std::string form;      // formpipe:form
  std::string profile;   // formpipe:profile
  std::string version;   // formpipe:formVersion
};

// The namespace `prefix` is bound to at `node` (the default namespace for an empty prefix).
std::string_view namespace_of(pugi::xml_node node, std::string_view prefix) {
  const std::string attribute = prefix.empty() ? "xmlns" : "xmlns:" + std::string(prefix);
  for (pugi::xml_node n = node; n; n = n.parent())
    if (const pugi::xml_attribute a = n.attribute(attribute.c_str())) return a.value();
  return {};
}

// "formpipe:form" -> ("formpipe", "form"); no prefix -> ("", name).
std::pair<std::string_view, std::string_view> split_name(std::string_view name) {
  const std::size_t colon = name.find(':');
  if (colon == std::string_view::npos) return {{}, name};
  return {name.substr(0, colon), name.substr(colon + 1)};
}

void set_property(Identity& identity, std::string_view local, std::string_view value) {
  std::string* slot = local == "document"      ? &identity.document
                      : local == "form"        ? &identity.form
                      : local == "profile"     ? &identity.profile
                      : local == "formVersion" ? &identity.version
                                               : nullptr;
  if (!slot || !slot->empty()) return;
  while (!value.empty() && std::isspace(static_cast<unsigned char>(value.front())))
    value.remove_prefix(1);
  while (!value.empty() && std::isspace(static_cast<unsigned char>(value.back())))
    value.remove_suffix(1);
  *slot = std::string(value);
}

// formpipe's properties in the XMP packet, by namespace, as elements or as attributes of
// rdf:Description (tools that rewrite XMP use either).
Identity identity_of(QPDF& pdf) {
  Identity identity;
  QPDFObjectHandle metadata = pdf.getRoot().getKey("/Metadata");
  if (!metadata.isStream()) return identity;
  CappedText text(kMaxMetadataBytes);
  bool piped = false;
  try {
    piped = metadata.pipeStreamData(&text, 0, qpdf_dl_generalized, true);
  } catch (const Unreadable&) {
    throw;
  } catch (const std::exception&) {
    piped = false;  // metadata QPDF cannot decode: no identity
  }
  if (text.over) throw Unreadable("its XMP metadata is larger than 1 MiB");
  if (!piped) return identity;
  pugi::xml_document xmp;
  if (!xmp.load_buffer(text.text.data(), text.text.size(), pugi::parse_default)) return identity;
  // Iteratively, as deep as the packet nests.
  std::vector<pugi::xml_node> todo{xmp.document_element()};
  while (!todo.empty()) {
    const pugi::xml_node node = todo.back();
    todo.pop_back();
    if (!node) continue;
    const auto [prefix, local] = split_name(node.name());
    if (!prefix.empty() && namespace_of(node, prefix) == kNamespace)
      set_property(identity, local, node.child_value());
    for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
      const auto [attribute_prefix, attribute_local] = split_name(a.name());
      if (attribute_prefix.empty() || attribute_prefix == "xmlns") continue;
      if (namespace_of(node, attribute_prefix) == kNamespace)
        set_property(identity, attribute_local, a.value());
    }
    for (pugi::xml_node child = node.last_child(); child; child = child.previous_sibling())
      if (child.type() == pugi::node_element) todo.push_back(child);
  }
  return identity;
}

// A field's /V as text: a string as UTF-8, a name without its slash (a check box's /yes; /Off
// is no value), a list's strings joined by spaces.
std::string value_text(QPDFObjectHandle value) {
  if (value.isString()) return value.getUTF8Value();
  if (value.isName()) {
    const std::string name = value.getName();
    return name == "/Off" ? std::string() : name.substr(1);
  }
  if (value.isArray()) {
    std::string out;
    for (int i = 0; i < value.getArrayNItems(); ++i) {
      QPDFObjectHandle item = value.getArrayItem(i);
      if (!item.isString()) continue;
      if (!out.empty()) out += ' ';
      out += item.getUTF8Value();
    }
    return out;
  }
  return {};
}

struct Fields {
  std::vector<FormField> fields;
  bool signature = false;  // a signature field (/FT /Sig), signed or not
};

// Fully qualified names and inherited values, each node's worked out once: a hostile form may
// give one long /T or /V to a parent of many thousand kids, and QPDF's getFullyQualifiedName
// and getInheritableFieldValue would copy it for every kid.
class FieldText {
 public:
  // The name of the field whose dictionary is `node`: its /T and its parents'.
  const std::string& name(QPDFObjectHandle node, int depth = 0) {
    if (!node.isDictionary()) return empty_;
    const bool indirect = node.isIndirect();
    if (indirect) {
      if (const auto it = names_.find(node.getObjGen()); it != names_.end()) return it->second;
    }
    if (depth > kMaxFieldDepth)
      throw Unreadable("not a readable form: its fields nest more than " +
                       std::to_string(kMaxFieldDepth) + " levels deep");
    // A loop of /Parent links is cut where it closes (the entry is made before the walk up).
    std::string* slot = nullptr;
    if (indirect) slot = &names_[node.getObjGen()];
    std::string out = name(node.getKey("/Parent"), depth + 1);
    QPDFObjectHandle title = node.getKey("/T");
    if (title.isString()) {
      if (!out.empty()) out += '.';
      out += title.getUTF8Value();
    }
    if (out.size() > kMaxNameBytes)
      throw Unreadable("not a readable form: a field name is longer than " +
                       std::to_string(kMaxNameBytes) + " bytes");
    if (!slot) {
      scratch_ = std::move(out);
      return scratch_;
    }
    names_[node.getObjGen()] = std::move(out);
    return names_[node.getObjGen()];
  }

  // The field's /V, or its nearest parent's, as text (value_text).
  std::string value(QPDFObjectHandle node) {
    for (int depth = 0; node.isDictionary() && depth <= kMaxFieldDepth; ++depth) {
      if (node.hasKey("/V")) {
        std::string text;
        if (node.isIndirect()) {
          auto [it, added] = values_.emplace(node.getObjGen(), std::string());
          if (added) it->second = value_text(node.getKey("/V"));
          text = it->second;
        } else {
          text = value_text(node.getKey("/V"));
        }
        total_ += text.size();
        if (total_ > kMaxValueBytes)
          throw Unreadable("not a readable form: its field values add up to more than " +
                           std::to_string(kMaxValueBytes >> 20) + " MiB");
        return text;
      }
      node = node.getKey("/Parent");
    }
    return {};
  }

 private:
  static constexpr int kMaxFieldDepth = 64;
  static constexpr std::size_t kMaxNameBytes = 4096;
  static constexpr std::size_t kMaxValueBytes = 64u << 20;
  std::map<QPDFObjGen, std::string> names_;
  std::map<QPDFObjGen, std::string> values_;
  std::string scratch_;
  std::string empty_;
  std::size_t total_ = 0;
};

Fields fields_of(QPDF& pdf) {
  Fields out;
  pdfread::check_page_tree<Unreadable>(pdf);
  QPDFAcroFormDocumentHelper acroform(pdf);
  FieldText text;
  std::unordered_map<std::string, std::size_t> index;  // name -> position in out.fields
  for (QPDFFormFieldObjectHelper& field : acroform.getFormFields()) {
    if (field.getFieldType() == "/Sig") {
      out.signature = true;
      return out;
    }
    const QPDFObjectHandle node = field.getObjectHandle();
    std::string name = text.name(node);
    auto [at, added] = index.emplace(name, out.fields.size());
    if (added) {
      if (out.fields.size() >= kMaxFields)
        throw Unreadable("not a readable form: it has more than " + std::to_string(kMaxFields) +
                         " fields");
      out.fields.push_back(
          FormField{std::move(name), text.value(node), 0, (field.getFlags() & 1) != 0});
    } else if (out.fields[at->second].value.empty()) {
      // The same field again (a check box's widgets are fields of their own to QPDF).
      out.fields[at->second].value = text.value(node);
    }
  }
  // Pages: the first page a field's widget is on.
  int number = 0;
  for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
    ++number;
    for (QPDFAnnotationObjectHelper& widget : acroform.getWidgetAnnotationsForPage(page)) {
      QPDFFormFieldObjectHelper field = acroform.getFieldForAnnotation(widget);
      if (field.isNull()) continue;
      const auto at = index.find(text.name(field.getObjectHandle()));
      if (at != index.end() && out.fields[at->second].page == 0)
        out.fields[at->second].page = number;
    }
  }
  return out;
}

bool listed(std::string_view value, const auto& list) {
  return std::find(std::begin(list), std::end(list), value) != std::end(list);
}

std::string kinds_text() {
  std::string out;
  for (std::string_view kind : kFormKinds) {
    if (!out.empty()) out += ", ";
    out += kind;
  }
  return out;
}

}  // namespace

PdfIngested ingest_pdf(std::string_view bytes, const std::string& name, const Options& options) {
  PdfIngested out;
  const auto refuse = [&](std::string message) {
    out.ingested = unreadable(kFormatPdf, name + ": " + std::move(message));
    return std::move(out);
  };
  if (bytes.size() > kMaxPdfBytes || bytes.size() > options.max_bytes)
    return refuse("larger than the " +
                  std::to_string(std::min(kMaxPdfBytes, options.max_bytes) >> 20) +
                  " MiB limit for one PDF");
  try {
    bool recovered = false;
    const std::unique_ptr<QPDF> pdf = open(bytes, recovered);
    Fields fields = fields_of(*pdf);
    if (fields.signature) {
      out.signed_document = true;
      return out;
    }
    const Identity identity = identity_of(*pdf);
    if (identity.document != "form" || identity.form.empty()) {
      if (recovered || pdf->anyWarnings())
        return refuse(
            "not a readable PDF: it is damaged (QPDF had to reconstruct it) and no formpipe form "
            "could be found in it");
      return refuse(
          "not a formpipe form: fill in the form from `formpipe blank` (this PDF is neither a "
          "form formpipe made nor a signed document)");
    }
    if (!listed(identity.form, kFormKinds))
      return refuse("its metadata names the form kind \"" + identity.form +
                    "\", which is not a fillable form; formpipe reads " + kinds_text());
    if (!listed(identity.version, kFormVersions))
      return refuse("made from " +
                    (identity.version.empty() ? std::string("an unnumbered version")
                                              : "version " + identity.version) +
                    " of the blank form; fill in a new one from `formpipe blank`");
    const std::unique_ptr<Tree> tree = form_tree(identity.form, identity.profile, fields.fields);
    out.ingested = read_tree(*tree, options);
    return out;
  } catch (const Unreadable& e) {
    if (std::string_view(e.what()) == "encrypted")
      return refuse(
          "the PDF is encrypted (a password or restrictions); formpipe reads only unencrypted "
          "forms: save or print it to a new PDF without security");
    return refuse(e.what());
  } catch (const std::bad_alloc&) {
    return refuse("not a readable PDF: too large to read");
  } catch (const QPDFExc& e) {
    return refuse(std::string("not a readable PDF: ") + e.getMessageDetail());
  } catch (const std::exception& e) {
    return refuse(std::string("not a readable PDF: ") + e.what());
  }
}

}  // namespace pipeline::ingest
