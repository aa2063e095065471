"""Accepting or rejecting every tracked change in a document.xml, as Word does, to check the tracked export.

Accept all: deletions and moved-from text go, insertions and moved-to text stay;
reject all: the reverse. A paragraph whose mark is deleted (accept) or inserted
(reject) is joined with the next paragraph.
"""

from __future__ import annotations

import copy
import re

from lxml import etree

from docx_support import W

GONE_ON_ACCEPT = ("del", "moveFrom")
GONE_ON_REJECT = ("ins", "moveTo")
RANGES = ("moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd", "commentRangeStart",
          "commentRangeEnd", "bookmarkStart", "bookmarkEnd")


def _resolve(root: etree._Element, accept: bool) -> list[tuple[str, bool]]:
    root = copy.deepcopy(root)
    gone, kept = (GONE_ON_ACCEPT, GONE_ON_REJECT) if accept else (GONE_ON_REJECT, GONE_ON_ACCEPT)
    body = root.find(f"{W}body")
    result = []
    for p in body.iter(f"{W}p"):
        mark = p.find(f"{W}pPr/{W}rPr")
        joined = mark is not None and any(mark.find(f"{W}{tag}") is not None for tag in gone)
        for tag in gone:
            for element in list(p.iter(f"{W}{tag}")):
                if element.getparent() is not None and element.getparent().tag != f"{W}rPr":
                    element.getparent().remove(element)
        result.append((_text(p, deleted_ok=not accept), joined))
    merged: list[tuple[str, bool]] = []
    carry = ""
    for text, joined in result:
        if joined:
            carry += text
            continue
        merged.append((carry + text, False))
        carry = ""
    return merged


def _text(p: etree._Element, deleted_ok: bool) -> str:
    """Paragraph text without field codes or field results (a NOTEREF's repeated number)."""
    pieces, in_field = [], 0
    for node in p.iter():
        tag = node.tag.split("}")[-1] if isinstance(node.tag, str) else ""
        if tag == "fldChar":
            kind = node.get(f"{W}fldCharType")
            in_field = 1 if kind == "begin" else (2 if kind == "separate" else 0)
        elif in_field:
            continue
        elif tag == "t" or (tag == "delText" and deleted_ok):
            pieces.append(node.text or "")
        elif tag == "tab" and node.getparent().tag == f"{W}r":
            pieces.append("\t")
    return "".join(pieces)


def accepted(root: etree._Element) -> list[str]:
    return [text for text, _ in _resolve(root, True)]


def rejected(root: etree._Element) -> list[str]:
    return [text for text, _ in _resolve(root, False)]


_NUMBER_LEAD = re.compile(r"^(?:\d+(?: [a-z]+)*\.|\(?[a-z0-9]+\)(?: [a-z]+)*)\t")


def without_numbers(texts: list[str]) -> list[str]:
    """The paragraphs without their printed numbers ("3.\t", "3 bis.\t", "(a)\t"): a tracked text of proposals
    keeps the numbers of the text it is on until a revision renumbers it (views/tracked_numbers.py)."""
    return [_NUMBER_LEAD.sub("", text) for text in texts]


def body_from_formula(texts: list[str]) -> list[str]:
    """The non-empty paragraphs from the enacting formula on."""
    start = next(i for i, text in enumerate(texts) if text.strip() == "The General Assembly,")
    return [text for text in texts[start:] if text.strip()]


def outline_paragraphs(outline: dict) -> list[str]:
    """The paragraphs an outline JSON prints: "3.\\ttext" for OPs, "(a)\\ttext" for sub-paragraphs, then an
    adopted resolution's closing meeting and date (after the main text, not an annex)."""
    lines: list[str] = []
    operatives = sum(1 for b in outline["blocks"] if b["kind"] == "operative")

    def walk(blocks):
        for block in blocks:
            label = block["label"]
            number = ""
            if block["kind"] == "operative" and operatives > 1:
                number = re.sub(r"^.*OP", "", label) + "."
            elif block["kind"] == "subparagraph":
                number = label.rsplit(" ", 1)[-1]
            lines.append(f"{number}\t{block['text']}" if number else block["text"])
            walk(block["children"])

    walk(outline["blocks"])
    meta = outline.get("meta", {})  # an annex has none
    return lines + [line for line in (meta.get("meeting"), meta.get("meeting_date")) if line]


def printed_paragraphs(document, repeated: str | None = None) -> list[str]:
    """The paragraphs of a Document from its enacting formula on, as a word processor's text shows them: the
    printed number and a tab, then the text with each footnote's number at its anchor (a later anchor of a
    footnote as `repeated` when given: its number is a field a word processor may not update)."""
    from resdesk.amend.labels import printed_numbers
    from resdesk.text.inline import footnote_anchors

    markers = document.footnote_markers()
    first = {}
    for block in document.all_blocks():
        for anchor in footnote_anchors(block.marks):
            first.setdefault(anchor.target, (block.id, anchor.start))
    lines = []
    for blocks in [document.blocks] + [annex.blocks for annex in document.annexes]:
        numbers = printed_numbers(blocks, document.meta.language)
        for block in blocks:
            text = block.text
            for anchor in reversed(footnote_anchors(block.marks)):
                marker = markers.get(anchor.target, "")
                if repeated is not None and first.get(anchor.target) != (block.id, anchor.start):
                    marker = repeated
                text = text[:anchor.start] + marker + text[anchor.start:]
            number = numbers.get(block.id, "")
            lines.append(f"{number}\t{text}" if number else text)
    return body_from_formula(lines)


def footnote_texts(data: bytes, accept: bool) -> list[str]:
    """The footnotes a .docx still refers to once every change is accepted (or rejected), in order of first
    reference, each with its own changes accepted (or rejected)."""
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as package:
        body = etree.fromstring(package.read("word/document.xml"))
        names = package.namelist()
        notes = etree.fromstring(package.read("word/footnotes.xml")) if "word/footnotes.xml" in names else None
    gone = GONE_ON_ACCEPT if accept else GONE_ON_REJECT

    def resolved(element):
        element = copy.deepcopy(element)
        for tag in gone:
            for found in list(element.iter(f"{W}{tag}")):
                if found.getparent() is not None and found.getparent().tag != f"{W}rPr":
                    found.getparent().remove(found)
        return element

    order = list(dict.fromkeys(ref.get(f"{W}id") for ref in resolved(body).iter(f"{W}footnoteReference")))
    by_id = {note.get(f"{W}id"): note for note in (notes.iter(f"{W}footnote") if notes is not None else ())}
    return [" ".join(_text(p, deleted_ok=not accept) for p in resolved(by_id[ident]).iter(f"{W}p")).strip()
            for ident in order]


def document_footnotes(document) -> list[str]:
    """The footnote texts of a Document in order of first reference (as `footnote_texts` lists a Word file's)."""
    return [document.footnotes[ident].text for ident in document.footnote_markers() if ident in document.footnotes]
