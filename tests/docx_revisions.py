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
