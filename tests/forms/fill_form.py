#!/usr/bin/python3
"""Fills a formpipe blank form with the values of an XML submission, as a partner's PDF viewer
would, using tools that are not formpipe's: the test of pdf-forms.md's "same findings as the XML".

The XML is turned into field values by an independent reading of docs/forms.md (field names are
element paths, attributes a last level, positions of repeated elements a level of their own), then
written into the blank by one of:

  fill_form.py fields SAMPLE.xml                      print the field values (JSON)
  fill_form.py xfdf SAMPLE.xml OUT.xfdf               an XFDF file for `pdftk BLANK fill_form`
  fill_form.py pikepdf BLANK.pdf SAMPLE.xml OUT.pdf    set /V (and /AS) with pikepdf, full rewrite
  fill_form.py incremental BLANK.pdf SAMPLE.xml OUT.pdf
                                                      append the changed fields as one incremental
                                                      update (an xref stream), as Acrobat Reader
                                                      saves a filled form
  fill_form.py qpdf-json BLANK.pdf SAMPLE.xml OUT.json a file for `qpdf --update-from-json`

Runs under /usr/bin/python3 (Debian's python3-pikepdf).
"""
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape, quoteattr

# formats.md §3–§5: the repeated elements, by their parent.
REPEATED = {
    "activities": {"activity"},
    "dates-of-contact": {"contact"},
    "implementation-team-members": {"member"},
    "contributors": {"member"},
    "implementation-team-meetings": {"meeting"},
    "events-and-products": {"activity"},
    "upcoming-milestones": {"milestone"},
    "work-plan": {"item"},
    "statement-of-affiliation": {"signer"},
    "participating-organizations": {"organization"},
    "parallel-projects": {"project"},
    "target-audience": {"naics"},
    "key-personnel": {"person"},
    "advisory-committee": {"member"},
    "table-a": {"training-program", "service-activity"},
    "table-b": {"activity"},
    "table-c": {"category"},
    "administrative-costs": {"item"},
    "program-income": {"fee"},
}
TABLE_D_ROWS = {"line", "mileage", "lodging", "meals", "office-space", "training-space",
                "gas-electricity", "telephone", "administrative-costs", "purchase", "rental"}
for section in ("wages-salaries", "fringe-benefit", "travel", "rent-and-utilities",
                "office-supplies", "training-materials", "equipment", "contractual", "other"):
    REPEATED[section] = TABLE_D_ROWS
# Value elements that also carry attribute fields keep their text in the child field `text`.
TEXT_CHILD = {"problem-addressed", "project-summary", "project-sponsor", "project-innovation",
              "project-management", "project-budget-narrative", "prepared-by"}
# Yes-no values are check boxes whose on-states are `yes` and `no`.
YES_NO_ATTRIBUTES = {"in-kind", "lost-time", "out-of-state", "none"}
YES_NO_ELEMENTS = {"nonprofit", "small-establishments", "resume", "evaluation-cooperation",
                   "start-within-four-weeks", "applied-to-project-expenses"}


def collapse(text):
    return " ".join(text.split())


def fields_of(xml_path):
    root = ET.parse(xml_path).getroot()
    out = {}
    for name, value in root.attrib.items():
        if name not in ("profile", "version"):
            out[name] = value

    def walk(element, prefix):
        counts = {}
        for child in element:
            if not isinstance(child.tag, str):
                continue  # a comment
            path = prefix + [child.tag]
            if child.tag in REPEATED.get(element.tag, ()):
                counts[child.tag] = counts.get(child.tag, 0) + 1
                position = counts[child.tag]
                if child.tag == "category" and "number" in child.attrib:
                    position = int(child.attrib["number"])  # Table C's rows are its categories
                path = path + [str(position)]
            for attr, value in child.attrib.items():
                out[".".join(path + [attr])] = value
            text = (child.text or "").strip()
            has_children = any(isinstance(c.tag, str) for c in child)
            if has_children:
                walk(child, path)
            elif text:
                if child.tag in TEXT_CHILD:
                    out[".".join(path + ["text"])] = text
                else:
                    out[".".join(path)] = text
    walk(root, [])
    return out


def is_yes_no(name):
    last = name.split(".")[-1]
    if last.isdigit():
        return False
    return last in YES_NO_ATTRIBUTES or last in YES_NO_ELEMENTS


def xfdf(values):
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<xfdf xmlns="http://ns.adobe.com/xfdf/" xml:space="preserve"><fields>']
    for name, value in values.items():
        lines.append("<field name=%s><value>%s</value></field>" % (quoteattr(name), escape(value)))
    lines.append("</fields></xfdf>")
    return "\n".join(lines) + "\n"


def terminal_fields(pdf):
    """Fully qualified name -> field dictionary, for every terminal field."""
    import pikepdf
    found = {}

    def visit(field, parent_name):
        name = parent_name
        if "/T" in field:
            part = str(field.T)
            name = part if not parent_name else parent_name + "." + part
        kids = field.get("/Kids")
        named_kids = [k for k in kids if "/T" in k] if kids is not None else []
        if named_kids:
            for kid in named_kids:
                visit(kid, name)
        else:
            found[name] = field
    for field in pdf.Root.AcroForm.Fields:
        visit(field, "")
    return found


def widgets_of(field):
    kids = field.get("/Kids")
    if kids is None:
        return [field]
    return [k for k in kids if "/T" not in k]


def set_values(pdf, values):
    """Sets /V (and /AS of check-box widgets); returns the objects changed."""
    import pikepdf
    fields = terminal_fields(pdf)
    missing = [name for name in values if name not in fields]
    if missing:
        raise SystemExit("fields not in the blank form: " + ", ".join(sorted(missing)))
    changed = []
    for name, value in values.items():
        field = fields[name]
        kind = field.get("/FT")
        if kind is None and "/Parent" in field:
            kind = field.Parent.get("/FT")
        if kind == "/Btn":
            state = pikepdf.Name("/" + value)
            field.V = state
            for widget in widgets_of(field):
                on = [str(k) for k in widget.AP.N.keys()] if "/AP" in widget else []
                widget.AS = state if "/" + value in on else pikepdf.Name("/Off")
                changed.append(widget)
        else:
            field.V = pikepdf.String(value)
        changed.append(field)
    return changed


def write_incremental(blank_path, values, out_path):
    import pikepdf
    original = open(blank_path, "rb").read()
    with pikepdf.open(blank_path) as pdf:
        changed = set_values(pdf, values)
        body = bytearray()
        offsets = {}
        start = len(original) + 1
        seen = set()
        for obj in changed:
            number, generation = obj.objgen
            if (number, generation) in seen or number == 0:
                continue
            seen.add((number, generation))
            offsets[number] = (start + len(body), generation)
            body += b"%d %d obj\n" % (number, generation)
            body += obj.unparse(resolved=True)
            body += b"\nendobj\n"
        # The xref stream of the update: its own object number is the next free one.
        size = pdf.trailer.Size
        xref_number = int(size)
        xref_offset = start + len(body)
        offsets[xref_number] = (xref_offset, 0)
        numbers = sorted(offsets)
        index, rows = [], bytearray()
        for n in numbers:
            index += [n, 1]
            offset, gen = offsets[n]
            rows += bytes([1]) + offset.to_bytes(4, "big") + gen.to_bytes(2, "big")
        prev = original.rstrip().rsplit(b"startxref", 1)[1].split()[0]
        ident = pdf.trailer.ID
        id_hex = [bytes(ident[0]).hex(), bytes(ident[1]).hex()]
        root = pdf.Root.objgen
        info = pdf.trailer.get("/Info")
        info_ref = (" /Info %d %d R" % info.objgen) if info is not None else ""
        head = ("%d 0 obj\n<< /Type /XRef /Size %d /Index [%s] /W [1 4 2] /Prev %s"
                " /Root %d %d R%s /ID [<%s> <%s>] /Length %d >>\nstream\n"
                % (xref_number, xref_number + 1, " ".join(map(str, index)), prev.decode(),
                   root[0], root[1], info_ref, id_hex[0], id_hex[1], len(rows)))
        body += head.encode() + rows + b"\nendstream\nendobj\n"
        body += b"startxref\n%d\n%%%%EOF\n" % xref_offset
    with open(out_path, "wb") as f:
        f.write(original + b"\n" + bytes(body))


def qpdf_json(blank_path, values):
    import pikepdf
    with pikepdf.open(blank_path) as pdf:
        fields = terminal_fields(pdf)
        missing = [name for name in values if name not in fields]
        if missing:
            raise SystemExit("fields not in the blank form: " + ", ".join(sorted(missing)))
        targets = {fields[name].objgen: (name, value) for name, value in values.items()}
    whole = json.loads(subprocess.run(["qpdf", "--json=2", "--json-key=qpdf", blank_path],
                                      check=True, capture_output=True).stdout)
    objects = whole["qpdf"][1]
    update = {}
    for (number, generation), (name, value) in targets.items():
        key = "obj:%d %d R" % (number, generation)
        dictionary = dict(objects[key]["value"])
        if dictionary.get("/FT") == "/Btn":
            dictionary["/V"] = "/" + value
        else:
            dictionary["/V"] = "u:" + value
        update[key] = {"value": dictionary}
    return {"qpdf": [{"jsonversion": 2, "pushedinheritedpageresources": False,
                      "calledgetallpages": False, "maxobjectid": whole["qpdf"][0]["maxobjectid"]},
                     update]}


def main(argv):
    mode = argv[1]
    if mode == "fields":
        print(json.dumps(fields_of(argv[2]), indent=1, ensure_ascii=False))
    elif mode == "xfdf":
        open(argv[3], "w", encoding="utf-8").write(xfdf(fields_of(argv[2])))
    elif mode == "pikepdf":
        import pikepdf
        with pikepdf.open(argv[2]) as pdf:
            set_values(pdf, fields_of(argv[3]))
            pdf.save(argv[4])
    elif mode == "incremental":
        write_incremental(argv[2], fields_of(argv[3]), argv[4])
    elif mode == "qpdf-json":
        json.dump(qpdf_json(argv[2], fields_of(argv[3])), open(argv[4], "w"), ensure_ascii=False)
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
