"""Shared helpers for the Word tests: the seed as a Document, reading parts of a .docx as XML."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from lxml import etree

from resdesk.formats.text_import import import_text
from resdesk.model.document import Document

FIXTURES = Path(__file__).resolve().parent / "fixtures"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {"w": W[1:-1]}
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
