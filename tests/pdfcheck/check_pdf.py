#!/usr/bin/python3
"""The project's checker of the PDFs formpipe writes: tagged PDF (PDF/UA-1, ISO 14289-1) and
archival PDF (PDF/A-2a, ISO 19005-2), the conditions of the Matterhorn protocol 1.1 and of
ISO 19005-2 that a program can decide (issue 12, items 1 and 2), read with pikepdf (Debian's
python3-pikepdf, which runs under /usr/bin/python3) and poppler's command-line tools.

    check_pdf.py FILE.pdf...          every check; one line "FILE: [where] problem" each; exit 1
    check_pdf.py --tables FILE.pdf    one line per Table element: pages, header rows, body rows

Form fields: every widget is printed, has /TU (or its field has), sits in a Form element; a
button has a dictionary of appearance states with /AS one of them; a text or choice field has a
/DA whose font is an embedded font of the AcroForm /DR. A widget's appearance (the value it
shows) is left out of the comparison of texts below.

Besides the structural checks it compares the text of the structure tree (`pdfinfo
-struct-text`) with the page text (`pdftotext -raw`, artifacts left out), white space aside, so
nothing drawn is left out of the tree and the tree's order is the order the pages read in; and
every artifact's text must lie in the page's header or footer band or repeat a table header.

What it cannot decide (whether alternative text is apt, whether the order is the logical one
for a person, colour contrast) is the human half of Matterhorn; the golden structure text of the
sample agreement (tests/golden/alliance-agreement/struct-text.txt) covers the order once.
"""

import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

import pikepdf
from pikepdf import Array, Dictionary, Name

STANDARD_TYPES = {
    "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index",
    "NonStruct", "Private", "P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "L", "LI", "Lbl",
    "LBody", "Table", "TR", "TH", "TD", "THead", "TBody", "TFoot", "Span", "Quote", "Note",
    "Reference", "BibEntry", "Code", "Link", "Annot", "Ruby", "RB", "RT", "RP", "Warichu", "WT",
    "WP", "Figure", "Formula", "Form",
}
# Operators that paint: text showing, path painting, shadings, XObjects, inline images.
PAINTING = {"Tj", "TJ", "'", '"', "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "Do", "BI"}
TEXT_SHOWING = {"Tj", "TJ", "'", '"'}

# XMP namespaces PDF/A-2 predefines (ISO 19005-2 §6.6.2.3.2, the XMP 2005 schemas and PDF/A's
# own); a property in any other namespace needs an extension schema.
PREDEFINED_NAMESPACES = {
    "http://purl.org/dc/elements/1.1/", "http://ns.adobe.com/xap/1.0/",
    "http://ns.adobe.com/xap/1.0/rights/", "http://ns.adobe.com/xap/1.0/mm/",
    "http://ns.adobe.com/xap/1.0/bj/", "http://ns.adobe.com/xap/1.0/t/pg/",
    "http://ns.adobe.com/xap/1.0/g/img/", "http://ns.adobe.com/xap/1.0/sType/ResourceEvent#",
    "http://ns.adobe.com/xap/1.0/sType/ResourceRef#", "http://ns.adobe.com/xap/1.0/sType/Version#",
    "http://ns.adobe.com/xap/1.0/sType/Job#", "http://ns.adobe.com/xap/1.0/sType/Dimensions#",
    "http://ns.adobe.com/xap/1.0/sType/Font#", "http://ns.adobe.com/pdf/1.3/",
    "http://ns.adobe.com/photoshop/1.0/", "http://ns.adobe.com/tiff/1.0/",
    "http://ns.adobe.com/exif/1.0/", "http://ns.adobe.com/exif/1.0/aux/",
    "http://www.aiim.org/pdfa/ns/id/", "http://www.aiim.org/pdfa/ns/extension/",
    "http://www.aiim.org/pdfa/ns/schema#", "http://www.aiim.org/pdfa/ns/property#",
    "http://www.aiim.org/pdfa/ns/type#", "http://www.aiim.org/pdfa/ns/field#",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "adobe:ns:meta/",
    "http://www.w3.org/XML/1998/namespace",
}
RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
HEADER_BAND = 72  # points from the top or bottom edge where running headers and footers lie


def run(args):
    result = subprocess.run(args, capture_output=True, text=True, errors="replace")
    return result.returncode, result.stdout, result.stderr


def squeeze(text):
    return re.sub(r"\s+", "", text)


# Right-to-left letters and the bidi controls pdftotext adds around them. A shaped right-to-left
# run is drawn glyph by glyph in visual order, and poppler's structure text reads it so, while
# pdftotext reorders it: such runs are compared as the letters they hold, the rest in order.
RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def split_rtl(text):
    """`text` without right-to-left letters, and those letters sorted."""
    letters = sorted(c for c in RTL.findall(text) if not "\u200e" <= c <= "\u2069" and c != "\ufeff")
    return RTL.sub("", text), letters


def struct_text_by_element(struct_text):
    """(element type, text) for each quoted line of `pdfinfo -struct-text`, under its element."""
    stack = []  # (indent, element type)
    for line in struct_text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        indent = len(line) - len(line.lstrip())
        while stack and stack[-1][0] >= indent:
            stack.pop()
        if stripped.startswith('"') and stripped.endswith('"'):
            yield (stack[-1][1] if stack else ""), stripped[1:-1]
        elif not stripped.startswith("/"):  # "/Scope /Column": an attribute of the element
            stack.append((indent, stripped.split()[0].rstrip(":")))


class Checker:
    def __init__(self, path):
        self.path = path
        self.problems = []
        self.pdf = pikepdf.open(path)
        self.root = self.pdf.Root
        self.page_index = {page.obj.objgen: i for i, page in enumerate(self.pdf.pages)}

    def fail(self, where, problem):
        self.problems.append(f"[{where}] {problem}")

    # ---- file and document level ----------------------------------------------------------

    def check_file(self):
        with open(self.path, "rb") as f:
            head = f.read(64)
        lines = head.split(b"\n")
        if not re.match(rb"%PDF-1\.[4-7]$", lines[0].rstrip(b"\r")):
            self.fail("ISO 19005-2 6.1.2", f"header is {lines[0][:12]!r}")
        if len(lines) < 2 or not lines[1].startswith(b"%") or sum(b > 127 for b in lines[1][1:5]) < 4:
            self.fail("ISO 19005-2 6.1.2", "no binary comment line after the header")
        trailer = self.pdf.trailer
        if "/Encrypt" in trailer:
            self.fail("ISO 19005-2 6.1.3", "the file is encrypted")
        ids = trailer.get("/ID")
        if not isinstance(ids, Array) or len(ids) != 2:
            self.fail("ISO 19005-2 6.1.3", "the trailer has no /ID of two strings")
        status, _, _ = run(["qpdf", "--check", self.path])
        if status != 0:
            self.fail("qpdf", "qpdf --check fails")

    def check_catalog(self):
        root = self.root
        mark = root.get("/MarkInfo")
        if not isinstance(mark, Dictionary) or not bool(mark.get("/Marked", False)):
            self.fail("Matterhorn 01-002 / ISO 19005-2 6.7.2.2", "/MarkInfo /Marked is not true")
        if isinstance(mark, Dictionary) and bool(mark.get("/Suspects", False)):
            self.fail("Matterhorn 01-007", "/MarkInfo /Suspects is true")
        if "/StructTreeRoot" not in root:
            self.fail("ISO 19005-2 6.7.2.2", "no structure tree")
        lang = root.get("/Lang")
        if lang is None or not str(lang).strip():
            self.fail("Matterhorn 11-006", "the catalog has no /Lang")
        prefs = root.get("/ViewerPreferences")
        if not isinstance(prefs, Dictionary) or "/DisplayDocTitle" not in prefs:
            self.fail("Matterhorn 07-001", "no /ViewerPreferences /DisplayDocTitle")
        elif not bool(prefs.DisplayDocTitle):
            self.fail("Matterhorn 07-002", "/DisplayDocTitle is false")
        for key in ("/AA", "/OpenAction"):
            if key in root:
                self.fail("ISO 19005-2 6.6.1", f"the catalog has {key}")
        names = root.get("/Names")
        if isinstance(names, Dictionary) and "/JavaScript" in names:
            self.fail("ISO 19005-2 6.6.1", "the document has JavaScript")
        for obj in self.pdf.objects:
            if isinstance(obj, Dictionary) and ("/JS" in obj or obj.get("/S") == Name.JavaScript):
                self.fail("ISO 19005-2 6.6.1", f"object {obj.objgen} is JavaScript")
        form = root.get("/AcroForm")
        if isinstance(form, Dictionary) and bool(form.get("/NeedAppearances", False)):
            self.fail("ISO 19005-2 6.4.1", "the AcroForm has NeedAppearances true")
        self.check_output_intent()

    def check_output_intent(self):
        intents = [i for i in self.root.get("/OutputIntents", []) if i.get("/S") == Name.GTS_PDFA1]
        if len(intents) != 1:
            self.fail("ISO 19005-2 6.2.3", f"{len(intents)} GTS_PDFA1 output intents, not 1")
            return
        profile = intents[0].get("/DestOutputProfile")
        if not isinstance(profile, pikepdf.Stream):
            self.fail("ISO 19005-2 6.2.3", "the output intent has no DestOutputProfile")
            return
        data = profile.read_bytes()
        if len(data) < 128 or data[36:40] != b"acsp":
            self.fail("ISO 19005-2 6.2.3", "DestOutputProfile is not an ICC profile")
            return
        if data[16:20] != b"RGB " or int(profile.get("/N", 0)) != 3:
            self.fail("ISO 19005-2 6.2.3", "the output intent is not an RGB profile with /N 3")
        if data[12:16] not in (b"mntr", b"prtr"):
            self.fail("ISO 19005-2 6.2.3", f"profile class {data[12:16]!r}, not mntr or prtr")

    # ---- metadata --------------------------------------------------------------------------

    def check_metadata(self):
        stream = self.root.get("/Metadata")
        if not isinstance(stream, pikepdf.Stream):
            self.fail("Matterhorn 06-001 / ISO 19005-2 6.6.2.1", "no XMP metadata stream")
            return
        if "/Filter" in stream:
            self.fail("ISO 19005-2 6.6.2.1", "the metadata stream is compressed")
        raw = stream.read_bytes()
        if re.search(rb"<\?xpacket[^>]*(bytes|encoding)=", raw):
            self.fail("ISO 19005-2 6.6.2.1", "the xpacket header has bytes or encoding")
        try:
            xml = ET.fromstring(raw.decode("utf-8").split("?>", 1)[1].rsplit("<?xpacket", 1)[0])
        except Exception as error:  # noqa: BLE001 - any parse failure is the finding
            self.fail("ISO 19005-2 6.6.2.1", f"the XMP is not well-formed: {error}")
            return
        values = {}
        used_namespaces = set()
        for description in xml.iter(RDF + "Description"):
            for prop in description:
                namespace, local = prop.tag[1:].split("}", 1)
                values[(namespace, local)] = prop
                used_namespaces.add((namespace, local))

        def text(namespace, local):
            prop = values.get((namespace, local))
            if prop is None:
                return None
            items = list(prop.iter(RDF + "li"))
            return (items[0].text if items else prop.text) or ""

        dc, pdf_ns, xmp = ("http://purl.org/dc/elements/1.1/", "http://ns.adobe.com/pdf/1.3/",
                           "http://ns.adobe.com/xap/1.0/")
        if text("http://www.aiim.org/pdfua/ns/id/", "part") != "1":
            self.fail("Matterhorn 06-002", "the XMP has no pdfuaid:part 1")
        if text("http://www.aiim.org/pdfa/ns/id/", "part") != "2":
            self.fail("ISO 19005-2 6.6.4", "the XMP has no pdfaid:part 2")
        if text("http://www.aiim.org/pdfa/ns/id/", "conformance") not in ("A", "a"):
            self.fail("ISO 19005-2 6.6.4", "the XMP has no pdfaid:conformance A")
        title = text(dc, "title")
        if not title:
            self.fail("Matterhorn 06-003", "the XMP has no dc:title")

        # Every property outside the predefined schemas is described by an extension schema.
        described = set()
        for schema in xml.iter("{http://www.aiim.org/pdfa/ns/schema#}namespaceURI"):
            parent = next(p for p in xml.iter() if schema in list(p))
            for name in parent.iter("{http://www.aiim.org/pdfa/ns/property#}name"):
                described.add((schema.text, name.text))
        for namespace, local in sorted(used_namespaces):
            if namespace not in PREDEFINED_NAMESPACES and (namespace, local) not in described:
                self.fail("ISO 19005-2 6.6.2.3.3",
                          f"XMP property {local} in {namespace} has no extension schema")

        # The Info dictionary says what the XMP says (ISO 19005-2 6.6.2.3.1).
        info = self.pdf.trailer.get("/Info")
        info = info if isinstance(info, Dictionary) else Dictionary()

        def info_text(key):
            value = info.get(key)
            return None if value is None else str(value)

        def xmp_date(key):
            value = text(xmp, key)
            return None if value is None else re.sub(r"[-:TZ]", "", value)[:14]

        def info_date(key):
            value = info_text(key)
            return None if value is None else value[2:16]

        pairs = [("/Title", info_text("/Title"), title), ("/Author", info_text("/Author"),
                 text(dc, "creator")), ("/Subject", info_text("/Subject"), text(dc, "description")),
                 ("/Keywords", info_text("/Keywords"), text(pdf_ns, "Keywords")),
                 ("/Creator", info_text("/Creator"), text(xmp, "CreatorTool")),
                 ("/Producer", info_text("/Producer"), text(pdf_ns, "Producer")),
                 ("/CreationDate", info_date("/CreationDate"), xmp_date("CreateDate")),
                 ("/ModDate", info_date("/ModDate"), xmp_date("ModifyDate"))]
        for key, in_info, in_xmp in pairs:
            if in_info is not None and in_info != in_xmp:
                self.fail("ISO 19005-2 6.6.2.3.1", f"Info {key} {in_info!r} but XMP {in_xmp!r}")

    # ---- structure tree --------------------------------------------------------------------

    def check_structure(self):
        tree = self.root.get("/StructTreeRoot")
        if not isinstance(tree, Dictionary):
            return
        parent_tree = {}
        nums = tree.get("/ParentTree", Dictionary()).get("/Nums", [])
        for i in range(0, len(nums), 2):
            parent_tree[int(nums[i])] = nums[i + 1]
        self.parent_tree = parent_tree
        self.elements = []  # (type, element, parent type, depth) in tree order
        self.marked = {}  # (page index, mcid) -> element objgen
        self.objects = {}  # annotation objgen -> element
        role_map = tree.get("/RoleMap", Dictionary())

        def walk(element, parent_type, depth):
            s = str(element.get("/S", ""))[1:]
            mapped = str(role_map.get("/" + s, "/" + s))[1:]
            if mapped not in STANDARD_TYPES:
                self.fail("Matterhorn 02-001", f"structure type {s} is not standard or role-mapped")
            self.elements.append((mapped, element, parent_type, depth))
            page = element.get("/Pg")
            kids = element.get("/K")
            if kids is None:
                return
            kids = list(kids) if isinstance(kids, Array) else [kids]
            for kid in kids:
                if isinstance(kid, int):
                    self.marked[(self.page_index.get(page.objgen), int(kid))] = element.objgen
                elif isinstance(kid, Dictionary) and kid.get("/Type") == Name.MCR:
                    pg = kid.get("/Pg", page)
                    self.marked[(self.page_index.get(pg.objgen), int(kid.MCID))] = element.objgen
                elif isinstance(kid, Dictionary) and kid.get("/Type") == Name.OBJR:
                    self.objects[kid.Obj.objgen] = (mapped, element)
                elif isinstance(kid, Dictionary):
                    walk(kid, mapped, depth + 1)

        kids = tree.get("/K")
        for kid in (list(kids) if isinstance(kids, Array) else [kids] if kids is not None else []):
            walk(kid, "StructTreeRoot", 0)

        allowed_parents = {
            "TR": {"Table", "THead", "TBody", "TFoot"}, "TH": {"TR"}, "TD": {"TR"},
            "THead": {"Table"}, "TBody": {"Table"}, "TFoot": {"Table"},
            "LI": {"L"}, "Lbl": {"LI"}, "LBody": {"LI"},
        }
        headings = []
        for mapped, element, parent_type, _ in self.elements:
            if mapped in allowed_parents and parent_type not in allowed_parents[mapped]:
                checkpoint = "09-005" if mapped in ("LI", "Lbl", "LBody") else "09-004"
                self.fail(f"Matterhorn {checkpoint}", f"{mapped} inside {parent_type}")
            if mapped == "TH":
                attributes = element.get("/A")
                attributes = [attributes] if isinstance(attributes, Dictionary) else list(attributes or [])
                if not any("/Scope" in a for a in attributes if isinstance(a, Dictionary)):
                    self.fail("Matterhorn 15-003", "a TH has no /Scope")
            if re.fullmatch(r"H[1-6]", mapped):
                headings.append(int(mapped[1]))
        if headings and headings[0] != 1:
            self.fail("Matterhorn 14-002", f"the first heading is H{headings[0]}")
        for before, after in zip(headings, headings[1:]):
            if after > before + 1:
                self.fail("Matterhorn 14-003", f"H{before} is followed by H{after}")

    # ---- content streams -------------------------------------------------------------------

    def check_pages(self):
        for index, page in enumerate(self.pdf.pages):
            where = f"page {index + 1}"
            stack = []  # "artifact", ("mcid", n) or "other" for each open sequence
            mcids = []
            for operands, operator in pikepdf.parse_content_stream(page):
                op = str(operator)
                if op in ("BDC", "BMC"):
                    tag = str(operands[0])
                    mcid = None
                    if op == "BDC" and isinstance(operands[1], Dictionary) and "/MCID" in operands[1]:
                        mcid = int(operands[1].MCID)
                    inside_artifact = "artifact" in stack
                    inside_tagged = any(isinstance(s, tuple) for s in stack)
                    if tag == "/Artifact":
                        if inside_tagged:
                            self.fail("Matterhorn 01-003", f"{where}: an artifact inside tagged content")
                        stack.append("artifact")
                    elif mcid is not None:
                        if inside_artifact:
                            self.fail("Matterhorn 01-004", f"{where}: tagged content inside an artifact")
                        stack.append(("mcid", mcid))
                        mcids.append(mcid)
                    else:
                        stack.append("other")
                elif op == "EMC":
                    if not stack:
                        self.fail("ISO 32000-1 14.6", f"{where}: EMC without BDC")
                    else:
                        stack.pop()
                elif op in PAINTING:
                    if "artifact" not in stack and not any(isinstance(s, tuple) for s in stack):
                        self.fail("Matterhorn 01-005",
                                  f"{where}: {op} is neither tagged nor an artifact")
            if stack:
                self.fail("ISO 32000-1 14.6", f"{where}: a marked-content sequence is not closed")
            if len(set(mcids)) != len(mcids):
                self.fail("ISO 32000-1 14.7.4", f"{where}: an MCID is used twice")
            if mcids:
                key = page.obj.get("/StructParents")
                if key is None:
                    self.fail("ISO 32000-1 14.7.4.4", f"{where}: tagged content but no /StructParents")
                else:
                    entry = self.parent_tree.get(int(key), [])
                    for mcid in mcids:
                        if (index, mcid) not in self.marked:
                            self.fail("Matterhorn 01-005", f"{where}: MCID {mcid} is in no element")
                        elif mcid >= len(entry) or entry[mcid].objgen != self.marked[(index, mcid)]:
                            self.fail("ISO 32000-1 14.7.4.4",
                                      f"{where}: the parent tree does not lead MCID {mcid} back")
            self.check_annotations(index, page)

    def check_annotations(self, index, page):
        where = f"page {index + 1}"
        annots = page.obj.get("/Annots", [])
        if len(annots) > 0 and page.obj.get("/Tabs") != Name.S:
            self.fail("Matterhorn 28-008/28-009", f"{where}: annotations but no /Tabs /S")
        for annot in annots:
            subtype = annot.get("/Subtype")
            flags = int(annot.get("/F", 0))
            if subtype != Name.Popup and (flags & 4 == 0 or flags & (1 | 2 | 32)):
                self.fail("ISO 19005-2 6.3.2", f"{where}: annotation not printed, or hidden")
            appearance = annot.get("/AP")
            if not isinstance(appearance, Dictionary) or set(appearance.keys()) != {"/N"}:
                self.fail("ISO 19005-2 6.3.3", f"{where}: appearance other than /N alone")
            if subtype == Name.Widget:
                if "/TU" not in annot and "/TU" not in annot.get("/Parent", Dictionary()):
                    self.fail("Matterhorn 28-010", f"{where}: a form field has no /TU")
                found = self.objects.get(annot.objgen)
                if found is None or found[0] != "Form":
                    self.fail("Matterhorn 28-010", f"{where}: a widget is not in a Form element")
                self.check_widget(where, annot, appearance)
                key = annot.get("/StructParent")
                if key is None or self.parent_tree.get(int(key)) is None or \
                        self.parent_tree[int(key)].objgen != (found[1].objgen if found else None):
                    self.fail("ISO 32000-1 14.7.4.4", f"{where}: widget /StructParent is wrong")

    @staticmethod
    def inherited(field, key):
        """`key` of a form field or the nearest of its parents that has it."""
        seen = 0
        while isinstance(field, Dictionary) and seen < 32:
            if key in field:
                return field[key]
            field, seen = field.get("/Parent"), seen + 1
        return None

    def check_widget(self, where, annot, appearance):
        """A form field's widget: a button's normal appearance is a dictionary of its states with
        /AS one of them (ISO 19005-2 6.3.3); a text or choice field has a /DA (its own or the
        AcroForm's) naming a font of the AcroForm's /DR, and that font is embedded."""
        kind = self.inherited(annot, "/FT")
        normal = appearance.get("/N") if isinstance(appearance, Dictionary) else None
        if kind == Name.Btn:
            if not isinstance(normal, Dictionary) or isinstance(normal, pikepdf.Stream):
                self.fail("ISO 19005-2 6.3.3", f"{where}: a button's /N is not a dictionary of states")
            elif annot.get("/AS") is None or str(annot.AS) not in normal.keys():
                self.fail("ISO 19005-2 6.3.3", f"{where}: a button's /AS is not one of its states")
        elif kind in (Name.Tx, Name.Ch):
            if not isinstance(normal, pikepdf.Stream):
                self.fail("ISO 19005-2 6.3.3", f"{where}: a field's /N is not a stream")
            form = self.root.get("/AcroForm", Dictionary())
            da = self.inherited(annot, "/DA")
            if da is None:
                da = form.get("/DA")
            match = re.search(r"/([^\s/]+)\s+[\d.]+\s+Tf", "" if da is None else str(da))
            fonts = form.get("/DR", Dictionary()).get("/Font", Dictionary())
            if match is None:
                self.fail("ISO 32000-1 12.7.3.3", f"{where}: a variable-text field has no /DA font")
            elif "/" + match.group(1) not in fonts:
                self.fail("ISO 32000-1 12.7.3.3", f"{where}: /DA font {match.group(1)} is not in /DR")
            else:
                font = fonts["/" + match.group(1)]
                descendant = font.get("/DescendantFonts", [font])[0]
                descriptor = descendant.get("/FontDescriptor", Dictionary())
                if not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                    self.fail("ISO 19005-2 6.2.11.4.1", f"{where}: the /DR font is not embedded")

    # ---- fonts ----------------------------------------------------------------------------

    def check_fonts(self):
        status, out, err = run(["pdffonts", self.path])
        lines = out.splitlines()[2:]
        if not lines:
            self.fail("pdffonts", "no fonts listed")
        for line in lines:
            fields = line.split()
            # name type... encoding emb sub uni object ID: emb, sub, uni are the 5th..3rd last
            if fields[-5:-2] != ["yes", "yes", "yes"]:
                self.fail("Matterhorn 31-009/31-027 / ISO 19005-2 6.2.11", f"font not embedded "
                          f"with ToUnicode: {line.strip()}")
        _, _, warnings = run(["pdftotext", self.path, "/dev/null"])
        if warnings.strip():
            self.fail("poppler", "pdftotext warns: " + warnings.strip().splitlines()[0])

    # ---- text of the tree against the text of the pages -----------------------------------

    def filtered_copy(self, keep_artifacts):
        """A copy whose pages show only tagged text (or only artifact text)."""
        pdf = pikepdf.open(self.path)
        for page in pdf.pages:
            out = []
            depth_artifact = 0
            stack = []
            for operands, operator in pikepdf.parse_content_stream(page):
                op = str(operator)
                if op in ("BDC", "BMC"):
                    artifact = str(operands[0]) == "/Artifact"
                    stack.append(artifact)
                    depth_artifact += artifact
                elif op == "EMC" and stack:
                    depth_artifact -= stack.pop()
                if op in TEXT_SHOWING and (depth_artifact > 0) != keep_artifacts:
                    continue
                out.append((operands, operator))
            page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(out))
            # A form field's appearance shows its value, which assistive technology reads from
            # the field itself (its /V, described by /TU), not from the structure tree: the
            # widgets are left out of both texts compared.
            if "/Annots" in page.obj:
                del page.obj["/Annots"]
        handle = tempfile.NamedTemporaryFile(suffix=".pdf", delete=False)
        pdf.save(handle.name)
        return handle.name

    def check_text(self):
        _, struct_text, _ = run(["pdfinfo", "-struct-text", self.path])
        tree_text = "".join(text for _, text in struct_text_by_element(struct_text))
        tagged_only = self.filtered_copy(keep_artifacts=False)
        _, page_text, _ = run(["pdftotext", "-raw", "-enc", "UTF-8", tagged_only, "-"])
        os.unlink(tagged_only)
        (tree, tree_rtl), (pages, pages_rtl) = split_rtl(squeeze(tree_text)), split_rtl(squeeze(page_text))
        if tree_rtl != pages_rtl:
            self.fail("Matterhorn 01-005", "the right-to-left text of the tree and pages differ")
        if tree != pages:
            at = next((i for i, (a, b) in enumerate(zip(tree, pages)) if a != b),
                      min(len(tree), len(pages)))
            self.fail("Matterhorn 01-005 / reading order",
                      "the structure tree's text differs from the pages' at character "
                      f"{at}: tree …{tree[max(0, at - 40):at + 40]}… pages "
                      f"…{pages[max(0, at - 40):at + 40]}…")
        # What is an artifact is page furniture or a repeated table header, nothing else.
        artifacts_only = self.filtered_copy(keep_artifacts=True)
        _, boxes, _ = run(["pdftotext", "-bbox", "-enc", "UTF-8", artifacts_only, "-"])
        os.unlink(artifacts_only)
        header_words = set()
        for element, text in struct_text_by_element(struct_text):
            if element == "TH":
                header_words.update(text.split())
        height = None
        for match in re.finditer(r'<page width="[\d.]+" height="([\d.]+)"|'
                                 r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" '
                                 r'yMax="([\d.]+)">([^<]*)</word>', boxes):
            if match.group(1):
                height = float(match.group(1))
                continue
            y_min, y_max, word = float(match.group(2)), float(match.group(3)), match.group(4)
            in_band = y_max <= HEADER_BAND or (height and y_min >= height - HEADER_BAND)
            if not in_band and word not in header_words:
                self.fail("Matterhorn 01-002", f"artifact text {word!r} in the body of a page")

    def tables(self):
        """One line per Table: the pages its cells are on, its header rows, its body rows."""
        self.check_structure()
        out = []
        for i, (mapped, element, _, depth) in enumerate(self.elements):
            if mapped != "Table":
                continue
            pages, head_rows, body_rows = set(), 0, 0
            for mapped2, element2, parent2, depth2 in self.elements[i + 1:]:
                if depth2 <= depth:
                    break
                if mapped2 == "TR":
                    if parent2 == "THead":
                        head_rows += 1
                    else:
                        body_rows += 1
            for (page, _), objgen in self.marked.items():
                if self.inside(element, objgen):
                    pages.add(page + 1)
            out.append(f"Table pages={','.join(map(str, sorted(pages)))} "
                       f"header-rows={head_rows} body-rows={body_rows}")
        return out

    def inside(self, ancestor, objgen):
        for mapped, element, _, _ in self.elements:
            if element.objgen == objgen:
                node = element
                while isinstance(node, Dictionary):
                    if node.objgen == ancestor.objgen:
                        return True
                    node = node.get("/P")
        return False

    def check_all(self):
        self.check_file()
        self.check_catalog()
        self.check_metadata()
        self.parent_tree = {}
        self.elements, self.marked, self.objects = [], {}, {}
        self.check_structure()
        self.check_pages()
        self.check_fonts()
        self.check_text()
        return self.problems


def main(argv):
    if len(argv) >= 2 and argv[0] == "--tables":
        for path in argv[1:]:
            for line in Checker(path).tables():
                print(line)
        return 0
    if not argv:
        print(__doc__.strip().splitlines()[0], file=sys.stderr)
        return 2
    failed = False
    for path in argv:
        for problem in Checker(path).check_all():
            print(f"{path}: {problem}")
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
