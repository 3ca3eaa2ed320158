#pragma once
// Test support: filled formpipe forms made with QPDF, without `formpipe blank` — an AcroForm of
// hierarchical fields (text fields, yes/no check boxes with on-states /yes and /no, combo boxes)
// on plain pages, and the XMP packet naming the form (docs/forms.md). Also: an XML document's
// fields by the naming rules of pdf-forms.md §2 (a generic walk), and an incremental update
// appended to a PDF (for a field deleted in a later revision, or a value changed).

#include <pugixml.hpp>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pipeline::ingest::form_testing {

struct Field {
  enum class Kind { Text, CheckBox, Choice };
  std::string name;   // fully qualified
  std::string value;  // a check box's: "yes", "no" or "" (/Off)
  Kind kind = Kind::Text;
  int page = 1;
};

struct FormPdf {
  std::string kind = "alliance-diary-sheet";  // formpipe:form; empty: no formpipe metadata
  std::string profile = "miosha";
  std::string form_version = "1";
  bool identity_as_attributes = false;  // formpipe's properties as rdf:Description attributes
  std::vector<Field> fields;
  bool signature_field = false;  // an empty /Sig field as well
  bool compress = true;          // object streams (as most writers save); false: classic xref
};

inline std::string xml_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '<')
      out += "&lt;";
    else if (c == '&')
      out += "&amp;";
    else if (c == '"')
      out += "&quot;";
    else
      out += c;
  }
  return out;
}

inline std::string xmp_packet(const FormPdf& spec) {
  std::string x =
      "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
      "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
      "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n";
  if (spec.identity_as_attributes) {
    // Another prefix for the same namespace, as a tool rewriting the packet may choose.
    x += "<rdf:Description rdf:about=\"\" xmlns:fp=\"urn:formpipe:ns:1.0/\" fp:document=\"form\""
         " fp:form=\"" +
         xml_escape(spec.kind) + "\" fp:profile=\"" + xml_escape(spec.profile) +
         "\" fp:formVersion=\"" + xml_escape(spec.form_version) + "\"/>\n";
  } else {
    x += "<rdf:Description rdf:about=\"\" xmlns:formpipe=\"urn:formpipe:ns:1.0/\">\n"
         "<formpipe:document>form</formpipe:document>\n"
         "<formpipe:form>" +
         xml_escape(spec.kind) + "</formpipe:form>\n";
    if (!spec.profile.empty())
      x += "<formpipe:profile>" + xml_escape(spec.profile) + "</formpipe:profile>\n";
    if (!spec.form_version.empty())
      x += "<formpipe:formVersion>" + xml_escape(spec.form_version) + "</formpipe:formVersion>\n";
    x += "</rdf:Description>\n";
  }
  x += "</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>";
  return x;
}

// The PDF's bytes.
inline std::string make_form_pdf(const FormPdf& spec) {
  QPDF pdf;
  pdf.emptyPDF();
  QPDFPageDocumentHelper pages(pdf);
  int page_count = 1;
  for (const Field& f : spec.fields) page_count = std::max(page_count, f.page);
  std::vector<QPDFObjectHandle> page_objects;
  for (int i = 0; i < page_count; ++i) {
    QPDFObjectHandle page = pdf.makeIndirectObject(QPDFObjectHandle::parse(
        "<< /Type /Page /MediaBox [0 0 612 792] /Resources << >> /Annots [] >>"));
    page.replaceKey("/Contents", pdf.newStream("BT ET"));
    pages.addPage(page, false);
  }
  page_objects.clear();
  for (QPDFPageObjectHelper& p : pages.getAllPages()) page_objects.push_back(p.getObjectHandle());

  QPDFObjectHandle fields_array = QPDFObjectHandle::newArray();
  std::map<std::string, QPDFObjectHandle> nodes;  // name prefix -> field dictionary
  std::vector<int> on_page(static_cast<std::size_t>(page_count), 0);
  const auto rect = [&](int page) {
    const int i = on_page[static_cast<std::size_t>(page - 1)]++;
    const int x = 36 + (i / 40) * 180;
    const int y = 750 - (i % 40) * 18;
    return QPDFObjectHandle::parse("[" + std::to_string(x) + " " + std::to_string(y) + " " +
                                   std::to_string(x + 170) + " " + std::to_string(y + 14) + "]");
  };
  const auto node_for = [&](const std::string& name) {
    std::size_t start = 0;
    QPDFObjectHandle parent;
    while (true) {
      const std::size_t dot = name.find('.', start);
      const std::string prefix = name.substr(0, dot);
      auto it = nodes.find(prefix);
      if (it == nodes.end()) {
        QPDFObjectHandle node = pdf.makeIndirectObject(QPDFObjectHandle::newDictionary());
        node.replaceKey("/T", QPDFObjectHandle::newUnicodeString(name.substr(
                                  start, dot == std::string::npos ? dot : dot - start)));
        if (parent.isInitialized()) {
          node.replaceKey("/Parent", parent);
          if (!parent.hasKey("/Kids")) parent.replaceKey("/Kids", QPDFObjectHandle::newArray());
          parent.getKey("/Kids").appendItem(node);
        } else {
          fields_array.appendItem(node);
        }
        it = nodes.emplace(prefix, node).first;
      }
      parent = it->second;
      if (dot == std::string::npos) return parent;
      start = dot + 1;
    }
  };
  const auto widget_into = [&](QPDFObjectHandle widget, int page) {
    QPDFObjectHandle p = page_objects[static_cast<std::size_t>(page - 1)];
    widget.replaceKey("/Type", QPDFObjectHandle::newName("/Annot"));
    widget.replaceKey("/Subtype", QPDFObjectHandle::newName("/Widget"));
    widget.replaceKey("/Rect", rect(page));
    widget.replaceKey("/F", QPDFObjectHandle::newInteger(4));
    widget.replaceKey("/P", p);
    p.getKey("/Annots").appendItem(widget);
  };
  QPDFObjectHandle font = pdf.makeIndirectObject(QPDFObjectHandle::parse(
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"));
  for (const Field& f : spec.fields) {
    QPDFObjectHandle node = node_for(f.name);
    node.replaceKey("/TU", QPDFObjectHandle::newUnicodeString("Field " + f.name));
    switch (f.kind) {
      case Field::Kind::Text:
      case Field::Kind::Choice:
        node.replaceKey("/FT",
                        QPDFObjectHandle::newName(f.kind == Field::Kind::Text ? "/Tx" : "/Ch"));
        if (f.kind == Field::Kind::Choice) {
          node.replaceKey("/Ff", QPDFObjectHandle::newInteger(1 << 17));  // combo
          QPDFObjectHandle options = QPDFObjectHandle::newArray();
          options.appendItem(QPDFObjectHandle::newUnicodeString(f.value.empty() ? "-" : f.value));
          node.replaceKey("/Opt", options);
        }
        node.replaceKey("/DA", QPDFObjectHandle::newString("/Helv 9 Tf 0 g"));
        if (!f.value.empty()) node.replaceKey("/V", QPDFObjectHandle::newUnicodeString(f.value));
        widget_into(node, f.page);  // field and widget merged
        break;
      case Field::Kind::CheckBox: {
        node.replaceKey("/FT", QPDFObjectHandle::newName("/Btn"));
        node.replaceKey("/V", QPDFObjectHandle::newName(f.value.empty() ? "/Off" : "/" + f.value));
        QPDFObjectHandle kids = QPDFObjectHandle::newArray();
        for (const char* state : {"yes", "no"}) {
          QPDFObjectHandle widget = pdf.makeIndirectObject(QPDFObjectHandle::newDictionary());
          widget.replaceKey("/Parent", node);
          const std::string on = std::string("/") + state;
          QPDFObjectHandle normal = QPDFObjectHandle::newDictionary();
          QPDFObjectHandle on_stream = pdf.newStream("0 g 2 2 8 8 re f");
          on_stream.getDict().replaceKey("/Type", QPDFObjectHandle::newName("/XObject"));
          on_stream.getDict().replaceKey("/Subtype", QPDFObjectHandle::newName("/Form"));
          on_stream.getDict().replaceKey("/BBox", QPDFObjectHandle::parse("[0 0 12 12]"));
          QPDFObjectHandle off_stream = pdf.newStream("");
          off_stream.getDict().replaceKey("/Type", QPDFObjectHandle::newName("/XObject"));
          off_stream.getDict().replaceKey("/Subtype", QPDFObjectHandle::newName("/Form"));
          off_stream.getDict().replaceKey("/BBox", QPDFObjectHandle::parse("[0 0 12 12]"));
          normal.replaceKey(on, on_stream);
          normal.replaceKey("/Off", off_stream);
          QPDFObjectHandle ap = QPDFObjectHandle::newDictionary();
          ap.replaceKey("/N", normal);
          widget.replaceKey("/AP", ap);
          widget.replaceKey("/AS", QPDFObjectHandle::newName(f.value == state ? on : "/Off"));
          widget_into(widget, f.page);
          kids.appendItem(widget);
        }
        node.replaceKey("/Kids", kids);
        break;
      }
    }
  }
  if (spec.signature_field) {
    QPDFObjectHandle sig = pdf.makeIndirectObject(QPDFObjectHandle::newDictionary());
    sig.replaceKey("/T", QPDFObjectHandle::newString("signature-1"));
    sig.replaceKey("/FT", QPDFObjectHandle::newName("/Sig"));
    widget_into(sig, 1);
    fields_array.appendItem(sig);
  }
  QPDFObjectHandle acroform = QPDFObjectHandle::newDictionary();
  acroform.replaceKey("/Fields", fields_array);
  QPDFObjectHandle resources = QPDFObjectHandle::newDictionary();
  QPDFObjectHandle fonts = QPDFObjectHandle::newDictionary();
  fonts.replaceKey("/Helv", font);
  resources.replaceKey("/Font", fonts);
  acroform.replaceKey("/DR", resources);
  acroform.replaceKey("/DA", QPDFObjectHandle::newString("/Helv 9 Tf 0 g"));
  pdf.getRoot().replaceKey("/AcroForm", pdf.makeIndirectObject(acroform));
  if (!spec.kind.empty()) {
    QPDFObjectHandle metadata = pdf.newStream(xmp_packet(spec));
    metadata.getDict().replaceKey("/Type", QPDFObjectHandle::newName("/Metadata"));
    metadata.getDict().replaceKey("/Subtype", QPDFObjectHandle::newName("/XML"));
    pdf.getRoot().replaceKey("/Metadata", metadata);
  }
  QPDFWriter writer(pdf);
  writer.setOutputMemory();
  writer.setStaticID(true);
  writer.setObjectStreamMode(spec.compress ? qpdf_o_generate : qpdf_o_disable);
  writer.write();
  const std::shared_ptr<Buffer> buffer = writer.getBufferSharedPointer();
  return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

// An incremental update (ISO 32000-1 §7.5.6) appended to `pdf`: `change` edits the document
// opened from `pdf` and returns the objects it changed, which are written again after the
// original bytes with a cross-reference section and a trailer pointing back (/Prev).
template <class Change>
std::string append_revision(const std::string& pdf, Change change) {
  QPDF doc;
  doc.processMemoryFile("base", pdf.data(), pdf.size());
  std::vector<QPDFObjectHandle> changed = change(doc);
  const std::size_t startxref_at = pdf.rfind("startxref");
  const long long previous = std::stoll(pdf.substr(startxref_at + 9));
  std::string out = pdf;
  if (out.back() != '\n') out += '\n';
  std::vector<std::pair<int, std::size_t>> offsets;
  for (QPDFObjectHandle object : changed) {  // dictionaries and arrays, not streams
    offsets.emplace_back(object.getObjectID(), out.size());
    out += std::to_string(object.getObjectID()) + " " + std::to_string(object.getGeneration()) +
           " obj\n" + object.unparseResolved() + "\nendobj\n";
  }
  const std::size_t xref_at = out.size();
  out += "xref\n0 1\n0000000000 65535 f \n";
  for (const auto& [id, offset] : offsets) {
    char line[32];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", offset);
    out += std::to_string(id) + " 1\n" + line;
  }
  QPDFObjectHandle trailer = doc.getTrailer();
  out += "trailer\n<< /Size " + std::to_string(trailer.getKey("/Size").getIntValue()) + " /Root " +
         trailer.getKey("/Root").unparse() + " /Prev " + std::to_string(previous);
  if (trailer.hasKey("/ID")) out += " /ID " + trailer.getKey("/ID").unparse();
  out += " >>\nstartxref\n" + std::to_string(xref_at) + "\n%%EOF\n";
  return out;
}

// The fields of an XML document by pdf-forms.md §2's names: one level per element, a repeated
// element's position as a level of its own (rows: elements repeated here, the names in `rows`,
// and the rows of Table D's sections), attributes as the last level (root attributes other
// than profile and version as top-level fields), and `text` for the own text of an element that
// has attributes too. yes/no values are check boxes.
inline std::vector<Field> fields_of_xml(pugi::xml_node root,
                                        const std::set<std::string>& rows = {
                                            "activity", "contact", "signer", "person", "member",
                                            "fee", "category", "naics", "milestone", "item",
                                            "organization", "project", "objective",
                                            "service-activity", "training-program", "meeting"}) {
  std::vector<Field> out;
  const auto add = [&](std::string name, std::string value) {
    Field f;
    f.kind = value == "yes" || value == "no" ? Field::Kind::CheckBox : Field::Kind::Text;
    f.name = std::move(name);
    f.value = std::move(value);
    f.page = 1 + static_cast<int>(out.size() / 40);
    out.push_back(std::move(f));
  };
  const auto trimmed = [](std::string text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return std::string();
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
  };
  struct Walk {
    static void element(pugi::xml_node node, const std::string& name, int depth,
                        const std::vector<std::string>& path, const std::set<std::string>& rows,
                        const decltype(add)& add_field, const decltype(trimmed)& trim) {
      std::map<std::string, int> count;
      std::map<std::string, int> seen;
      for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling())
        if (c.type() == pugi::node_element) ++count[c.name()];
      bool has_attributes = false;
      for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
        const std::string attribute = a.name();
        if (depth == 0 && (attribute == "profile" || attribute == "version")) continue;
        has_attributes = true;
        add_field(name.empty() ? attribute : name + "." + attribute, a.value());
      }
      const std::string text = trim(node.text().get());
      bool has_children = false;
      for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
        if (c.type() != pugi::node_element) continue;
        has_children = true;
        const std::string child = c.name();
        const bool table_d_row = path.size() == 2 && path.front() == "table-d";
        const bool row = count[child] > 1 || rows.count(child) != 0 || table_d_row;
        std::string child_name = name.empty() ? child : name + "." + child;
        if (row) child_name += "." + std::to_string(++seen[child]);
        std::vector<std::string> child_path = path;
        child_path.push_back(child);
        element(c, child_name, depth + 1, child_path, rows, add_field, trim);
      }
      if (depth > 0 && !has_children && !text.empty())
        add_field(has_attributes ? name + ".text" : name, text);
    }
  };
  Walk::element(root, "", 0, {}, rows, add, trimmed);
  return out;
}

}  // namespace pipeline::ingest::form_testing
