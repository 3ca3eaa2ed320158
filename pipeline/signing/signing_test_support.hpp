#pragma once
// Test support for signing: a throw-away PKI made with the openssl command line at test time (no
// private key is committed), PDFs with empty signature fields made with QPDF, and shell commands
// (qpdf, pdfsig, certutil) with their output.

#include <sys/wait.h>
#include <unistd.h>

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>

#include "pipeline/render/pdf_probe_test_support.hpp"

namespace pipeline::signing::testing {

namespace fs = std::filesystem;

// A shell command's exit status and output (standard output and standard error together).
using Run = render::probe::ToolResult;

inline Run run(const std::string& command) {
  return render::probe::run("{ " + command + " 2>&1; }");
}

inline std::string quoted(const fs::path& path) {
  std::string out(1, '\'');
  out += path.string();
  out += '\'';
  return out;
}

inline std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

inline void write_file(const fs::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

// This test process's scratch folder; FORMPIPE_KEEP_TEST_OUTPUT keeps it afterwards.
inline const fs::path& scratch() {
  struct Dir {
    fs::path path;
    Dir() {
      path = fs::temp_directory_path() / ("formpipe-signing-test-" + std::to_string(::getpid()));
      fs::create_directories(path);
    }
    ~Dir() {
      std::error_code ec;
      if (!std::getenv("FORMPIPE_KEEP_TEST_OUTPUT")) fs::remove_all(path, ec);
    }
  };
  static const Dir dir;
  return dir.path;
}

// A test CA and the PKCS#12 signers it issued: an agency signer, a partner and a treasurer
// (key usage digitalSignature, with nonRepudiation), and one whose key may only encipher. Another
// CA that issued nothing here stands for "some other trust anchor".
struct Pki {
  fs::path dir;
  fs::path ca;             // ca.pem
  fs::path other_ca;       // other-ca.pem
  fs::path agency;         // agency.p12: CN Jane Q. Director, jane.director@example.gov
  fs::path partner;        // partner.p12: CN Pat Partner, pat@example.org
  fs::path treasurer;      // treasurer.p12: CN Sam Second
  fs::path encipher_only;  // encipher.p12
  std::string password = "s3cret pass";
};

inline void must(const std::string& command) {
  const Run r = run(command);
  if (r.status != 0) throw std::runtime_error(command + " failed:\n" + r.out);
}

inline void make_signer(const Pki& pki, const std::string& name, const std::string& subject,
                        const std::string& key_usage, const std::string& email) {
  const fs::path d = pki.dir;
  const std::string key = quoted(d / (name + ".key"));
  const std::string pem = quoted(d / (name + ".pem"));
  const fs::path ext = d / (name + ".ext");
  write_file(ext, "basicConstraints=CA:FALSE\nkeyUsage=critical," + key_usage +
                      "\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n" +
                      (email.empty() ? "" : "subjectAltName=email:" + email + "\n"));
  must("openssl req -newkey rsa:2048 -nodes -keyout " + key + " -out " +
       quoted(d / (name + ".csr")) + " -subj '" + subject + "'");
  must("openssl x509 -req -in " + quoted(d / (name + ".csr")) + " -CA " + quoted(pki.ca) +
       " -CAkey " + quoted(d / "ca.key") + " -set_serial 0x" + std::to_string(1000 + name.size()) +
       std::to_string(name.front()) + " -days 825 -out " + pem + " -extfile " + quoted(ext));
  must("openssl pkcs12 -export -inkey " + key + " -in " + pem + " -certfile " + quoted(pki.ca) +
       " -name " + name + " -out " + quoted(d / (name + ".p12")) +
       " -passout 'pass:" + pki.password + "'");
}

// The PKI, made once per test process (2048-bit RSA keys take a moment each).
inline const Pki& pki() {
  static const Pki made = [] {
    Pki p;
    p.dir = scratch() / "pki";
    fs::create_directories(p.dir);
    p.ca = p.dir / "ca.pem";
    p.other_ca = p.dir / "other-ca.pem";
    for (const auto& [name, cn] :
         {std::pair<std::string, std::string>{"ca", "formpipe Test Agency CA"},
          {"other-ca", "Some Other CA"}})
      must("openssl req -x509 -newkey rsa:2048 -nodes -keyout " + quoted(p.dir / (name + ".key")) +
           " -out " + quoted(p.dir / (name + ".pem")) + " -days 3650 -subj '/CN=" + cn +
           "/O=formpipe tests' -addext 'basicConstraints=critical,CA:TRUE' -addext "
           "'keyUsage=critical,keyCertSign,cRLSign'");
    make_signer(p, "agency", "/CN=Jane Q. Director/O=MIOSHA/emailAddress=jane.director@example.gov",
                "digitalSignature,nonRepudiation", "jane.director@example.gov");
    make_signer(p, "partner", "/CN=Pat Partner/O=Example Safety Council",
                "digitalSignature,nonRepudiation", "pat@example.org");
    make_signer(p, "treasurer", "/CN=Sam Second/O=Example Safety Council", "digitalSignature", "");
    make_signer(p, "encipher", "/CN=Key Encipherment Only", "keyEncipherment", "");
    p.agency = p.dir / "agency.p12";
    p.partner = p.dir / "partner.p12";
    p.treasurer = p.dir / "treasurer.p12";
    p.encipher_only = p.dir / "encipher.p12";
    return p;
  }();
  return made;
}

// The PDF as QPDFWriter writes it, streams uncompressed (so a test can find and change text).
inline std::string write_pdf(QPDF& pdf, bool object_streams) {
  QPDFWriter writer(pdf);
  writer.setOutputMemory();
  writer.setCompressStreams(false);
  writer.setDeterministicID(true);
  if (object_streams) writer.setObjectStreamMode(qpdf_o_generate);
  writer.write();
  auto buffer = writer.getBufferSharedPointer();
  return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

// A one-page PDF with a line of text (a stand-in for an agreement in the module's own tests).
inline std::string small_pdf() {
  QPDF pdf;
  pdf.emptyPDF();
  QPDFObjectHandle font = pdf.makeIndirectObject(
      QPDFObjectHandle::parse("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"));
  QPDFObjectHandle content = QPDFObjectHandle::newStream(
      &pdf, "BT /F1 18 Tf 72 700 Td (Alliance agreement: the parties agree.) Tj ET\n");
  QPDFObjectHandle page = QPDFObjectHandle::parse(
      "<< /Type /Page /MediaBox [0 0 612 792] /Resources << /Font << >> >> >>");
  page.getKey("/Resources").getKey("/Font").replaceKey("/F1", font);
  page.replaceKey("/Contents", content);
  QPDFPageDocumentHelper(pdf).addPage(QPDFPageObjectHelper(pdf.makeIndirectObject(page)), false);
  return write_pdf(pdf, false);
}

// `pdf` with `count` empty signature fields signature-1.. at the foot of its first page, each
// with a /TU as spec/signing.md §1 describes; with object streams and a cross-reference stream
// when `object_streams` (as Acrobat saves).
inline std::string with_signature_fields(std::string_view bytes, int count, bool object_streams) {
  QPDF pdf;
  pdf.processMemoryFile("input", bytes.data(), bytes.size());
  QPDFObjectHandle page = QPDFPageDocumentHelper(pdf).getAllPages().front().getObjectHandle();
  QPDFObjectHandle root = pdf.getRoot();
  if (!root.getKey("/AcroForm").isDictionary())
    root.replaceKey("/AcroForm",
                    pdf.makeIndirectObject(QPDFObjectHandle::parse("<< /Fields [] >>")));
  QPDFObjectHandle fields = root.getKey("/AcroForm").getKey("/Fields");
  if (!page.getKey("/Annots").isArray()) page.replaceKey("/Annots", QPDFObjectHandle::newArray());
  QPDFObjectHandle annots = page.getKey("/Annots");
  const char* const signatories[] = {"Jane Q. Director, Director, MIOSHA",
                                     "Pat Partner, President, Example Safety Council",
                                     "Sam Second, Treasurer, Example Safety Council"};
  for (int i = 0; i < count; ++i) {
    const double x = 36 + 184 * (i % 3);
    const double y = 40 + 60 * (i / 3);
    QPDFObjectHandle widget = QPDFObjectHandle::parse(
        "<< /Type /Annot /Subtype /Widget /FT /Sig /F 4 /MK << /BC [0.4 0.4 0.8] >> >>");
    widget.replaceKey("/T",
                      QPDFObjectHandle::newUnicodeString("signature-" + std::to_string(i + 1)));
    widget.replaceKey("/TU", QPDFObjectHandle::newUnicodeString(std::string("Signature of ") +
                                                                signatories[i % 3]));
    widget.replaceKey(
        "/Rect", QPDFObjectHandle::newArray(QPDFObjectHandle::Rectangle(x, y, x + 170, y + 42)));
    widget.replaceKey("/P", page);
    widget = pdf.makeIndirectObject(widget);
    fields.appendItem(widget);
    annots.appendItem(widget);
  }
  return write_pdf(pdf, object_streams);
}

}  // namespace pipeline::signing::testing
