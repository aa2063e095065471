"""What a PDF draws, glyph by glyph, read with PyMuPDF: each character, its face, whether it is drawn bold or
slanted, and where it stands (points from the page's top-left corner).

PyMuPDF reports a glyph its face cannot draw as U+0000. Bold and slant are what the eye sees: a bold or italic face,
or a face made bold or slanted by the program that drew it: Qt draws a synthetic bold twice a fraction of a point
apart, LibreOffice strokes it; both slant a synthetic italic by the text matrix (the glyph's box leans).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import pytest

from resdesk.un.languages import ARABIC_SCRIPT

pymupdf = pytest.importorskip("pymupdf", reason="PyMuPDF reads the PDFs glyph by glyph (pip install pymupdf)")

#: How far apart Qt draws the two copies of a synthetic bold glyph (0.25 pt at its 1200 dpi), at most.
_BOLD_OFFSET = 0.6
#: How much a glyph's box must lean (horizontal shift over height) to be slanted: Qt and LibreOffice slant by ~0.2.
_SLANT = 0.1
_STROKE = 1  # texttrace "type" of stroked text


@dataclass(frozen=True)
class Glyph:
    page: int  # from 1
    char: str
    x0: float
    y0: float
    x1: float
    y1: float
    baseline: float
    font: str
    bold: bool
    slanted: bool


def glyphs(pdf: Path) -> list[Glyph]:
    """Every character of the text layer with its box, face and emphasis, page by page."""
    from pymupdf import mupdf

    result = []
    with pymupdf.open(pdf) as document:
        for number, page in enumerate(document, start=1):
            bold_at = _synthetic_bold(page)
            textpage = page.get_textpage()  # kept while its blocks are read (they are freed with it)
            for block in textpage.this:
                if block.m_internal.type != mupdf.FZ_STEXT_BLOCK_TEXT:
                    continue
                for line in block:
                    for char in line:
                        raw = char.m_internal
                        font = mupdf.FzFont(mupdf.ll_fz_keep_font(raw.font))
                        quad = raw.quad
                        height = abs(quad.ll.y - quad.ul.y) or 1.0
                        lean = abs(quad.ul.x - quad.ll.x) / height
                        x, y = raw.origin.x, raw.origin.y
                        synthetic = any(abs(x - bx) <= _BOLD_OFFSET for bx in bold_at.get((raw.c, round(y)), ()))
                        name = font.fz_font_name()
                        result.append(Glyph(
                            number, chr(raw.c), min(quad.ll.x, quad.ul.x), quad.ul.y, max(quad.lr.x, quad.ur.x),
                            quad.ll.y, y, name, bool(font.fz_font_is_bold()) or "Bold" in name or synthetic,
                            bool(font.fz_font_is_italic()) or lean > _SLANT))
    return result


def _synthetic_bold(page) -> dict[tuple[int, int], list[float]]:
    """(code point, rounded baseline) -> x of the glyphs drawn bold by drawing them twice or stroking them."""
    drawn: dict[tuple[int, int], list[tuple[float, int]]] = defaultdict(list)
    for trace in page.get_texttrace():
        for code, _, origin, _ in trace["chars"]:
            drawn[(code, round(origin[1]))].append((origin[0], trace["type"]))
    bold: dict[tuple[int, int], list[float]] = defaultdict(list)
    for key, places in drawn.items():
        places.sort()
        for index, (x, kind) in enumerate(places):
            twice = any(abs(x - other) <= _BOLD_OFFSET for j, (other, _) in enumerate(places) if j != index)
            if kind == _STROKE or twice:
                bold[key].append(x)
    return bold


def blank(found: list[Glyph]) -> list[Glyph]:
    """The glyphs drawn blank: PyMuPDF's U+0000 for a glyph its face does not have. (U+FFFD is a glyph drawn whose
    character the PDF does not name: Qt's text layer names no Arabic vowel mark, which is drawn all the same.)"""
    return [glyph for glyph in found if glyph.char == "\x00"]


def normal(text: str) -> str:
    """Text as compared: Arabic presentation forms folded to letters (NFKC), tatweels and spaces dropped."""
    return "".join(unicodedata.normalize("NFKC", text).replace("\u0640", "").split())


def lines(found: list[Glyph], page: int) -> list[list[Glyph]]:
    """The glyphs of a page by baseline (within a point), top to bottom, each line from left to right."""
    rows: dict[float, list[Glyph]] = {}
    for glyph in (g for g in found if g.page == page):
        key = next((y for y in rows if abs(y - glyph.baseline) < 1.0), glyph.baseline)
        rows.setdefault(key, []).append(glyph)
    return [sorted(rows[y], key=lambda g: g.x0) for y in sorted(rows)]


def find(found: list[Glyph], page: int, words: str) -> list[Glyph]:
    """The glyphs that write `words` on the first line of `page` that has them, from left to right; [] if none.

    Left-to-right text is matched as it reads. Arabic is matched by its letters (every letter of `words`, as
    often, among the line's Arabic glyphs, which are returned): a PDF draws it in visual order, and a ligature's
    letters may come in either order."""
    wanted = normal(words)
    arabic = re.compile(f"[{ARABIC_SCRIPT.letters}]")
    for row in lines(found, page):
        if arabic.search(wanted):
            letters = [g for g in row if arabic.search(normal(g.char))]
            have = Counter(c for g in letters for c in normal(g.char))
            if letters and not Counter(wanted.replace(" ", "")) - have - Counter(c for c in wanted
                                                                                  if not arabic.match(c)):
                return letters
            continue
        visible = [g for g in row if normal(g.char)]
        text = normal("".join(g.char for g in visible))
        at = text.find(wanted)
        if at >= 0:
            return _glyphs_of(visible, at, len(wanted))
    return []


def _glyphs_of(order: list[Glyph], start: int, length: int) -> list[Glyph]:
    """The glyphs behind characters start..start+length of the normalised text of `order`."""
    picked, position = [], 0
    for glyph in order:
        size = len(normal(glyph.char))
        if position + size > start and position < start + length:
            picked.append(glyph)
        position += size
    return picked
