"""Shared helpers for the Word tests: the seed as a Document, reading parts of a .docx as XML, and a
delegation's edits of our Word file (typed over or with Track Changes)."""

from __future__ import annotations

import copy
import io
import zipfile
from pathlib import Path

from lxml import etree

from resdesk.amend.anchors import TextIndex
from resdesk.formats.text_import import import_text
from resdesk.model.document import Document

FIXTURES = Path(__file__).resolve().parent / "fixtures"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {"w": W[1:-1]}
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
SYMBOL = "A/C.3/68/L.5"


def seed_document() -> Document:
    """The seed draft with a symbol and a job number (the seed text has neither)."""
    document = import_text((FIXTURES / "seed.txt").read_bytes(), "seed.txt")
    document.meta.symbol = SYMBOL
    document.meta.job_number = "13-49218"
    return document


def part(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return etree.fromstring(package.read(name))



def first_page_header(data: bytes) -> etree._Element:
    """The first-page header part of a .docx (where page 1's top line, "United Nations" and the symbol, stands)."""
    section = part(data, "word/document.xml").find(f"{W}body/{W}sectPr")
    targets = {r.get("Id"): r.get("Target") for r in part(data, "word/_rels/document.xml.rels")}
    first = next(ref for ref in section.findall("w:headerReference", NS) if ref.get(f"{W}type") == "first")
    return part(data, "word/" + targets[first.get(f"{R}id")])


def parts(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.namelist()


def paragraph_text(p: etree._Element) -> str:
    """Visible text of a paragraph as Word shows it with changes accepted (w:t and tabs; no w:delText)."""
    pieces = []
    for node in p.iter(f"{W}t", f"{W}tab"):
        if node.tag == f"{W}tab":
            if node.getparent().tag == f"{W}r":
                pieces.append("\t")
        else:
            pieces.append(node.text or "")
    return "".join(pieces)


NEW_OP = "Encourages Member States to share information on good practices in early warning;"


def rewrite_docx(data: bytes, change, parts: tuple[str, ...] = ("word/document.xml",)) -> bytes:
    """The .docx `data` with `change(root)` applied to word/document.xml (or to every part whose name starts
    with one of `parts`: "word/header" for the headers)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename.startswith(parts) and item.filename.endswith(".xml"):
                root = etree.fromstring(content)
                change(root)
                content = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            target.writestr(item, content)
    return out.getvalue()


def _paragraph(root, document, label: str):
    """The Word paragraph of the block labelled `label` (by the hidden bookmark our export gives it)."""
    index = TextIndex.of(document)
    ident = next(ident for ident, name in index.labels.items() if name == label)
    start = next(mark for mark in root.iter(f"{W}bookmarkStart") if mark.get(f"{W}name").endswith(f"_{ident}"))
    return next(ancestor for ancestor in start.iterancestors(f"{W}p"))


def delegation_edits(document, *, tracked: bool):
    """A delegation's edits: words in OP2, OP7 deleted, a new OP after OP3 (tracked or typed over)."""
    def change(root):
        op2 = _paragraph(root, document, "OP2")
        for text in op2.iter(f"{W}t"):
            if "to continue to strengthen" in (text.text or ""):
                if not tracked:
                    text.text = text.text.replace("to continue to strengthen", "to strengthen further")
                    continue
                before, after = text.text.split("to continue to strengthen")
                run = text.getparent()
                text.text = before
                deleted = etree.SubElement(etree.Element(f"{W}del", {f"{W}id": "901", f"{W}author": "Brazil"}),
                                           f"{W}r")
                etree.SubElement(deleted, f"{W}delText").text = "to continue to strengthen"
                inserted = etree.Element(f"{W}ins", {f"{W}id": "902", f"{W}author": "Brazil"})
                etree.SubElement(etree.SubElement(inserted, f"{W}r"), f"{W}t").text = "to strengthen further"
                rest = copy.deepcopy(run)
                next(rest.iter(f"{W}t")).text = after
                next(rest.iter(f"{W}t")).set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                run.addnext(rest)
                run.addnext(inserted)
                run.addnext(deleted.getparent())
        op7 = _paragraph(root, document, "OP7")
        op7.getparent().remove(op7)
        op3 = _paragraph(root, document, "OP3")
        new = copy.deepcopy(op3)
        for mark in list(new.iter(f"{W}bookmarkStart", f"{W}bookmarkEnd", f"{W}footnoteReference")):
            mark.getparent().remove(mark)
        texts = list(new.iter(f"{W}t"))
        for text in texts:
            text.text = ""
        texts[0].text = "4."
        texts[-1].text = NEW_OP
        op3.addnext(new)
    return change
