"""Reading a PDF back with poppler's tools (pdftotext, pdfinfo, pdffonts), for the printing tests."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest

POPPLER = ("pdftotext", "pdfinfo", "pdffonts")
FOOT = 60.0  # the foot of a page (page 1's job number line and date), under the last body line


def need_poppler() -> None:
    missing = [tool for tool in POPPLER if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"poppler-utils is not installed ({', '.join(missing)} missing)")


def _run(*args) -> str:
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, check=True).stdout


def page_count(pdf: Path) -> int:
    return int(re.search(r"^Pages:\s+(\d+)", _run("pdfinfo", pdf), re.M).group(1))


def page_sizes(pdf: Path) -> list[tuple[float, float]]:
    """(width, height) in points of every page."""
    out = _run("pdfinfo", "-f", "1", "-l", str(page_count(pdf)), pdf)
    return [(float(w), float(h)) for w, h in re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", out, re.M)]


def fonts(pdf: Path) -> list[str]:
    """The names of the fonts used (subset prefixes removed)."""
    lines = _run("pdffonts", pdf).splitlines()[2:]
    return [line.split()[0].split("+")[-1] for line in lines if line.strip()]


def page_text(pdf: Path, page: int, layout: bool = True) -> str:
    return _run("pdftotext", *(["-layout"] if layout else []), "-f", page, "-l", page, pdf, "-")


@dataclass(frozen=True)
class Word:
    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    text: str
    page_height: float = 0.0

    @property
    def height(self) -> float:
        return self.y1 - self.y0


_PAGE = re.compile(r'<page [^>]*height="([\d.]+)"[^>]*>(.*?)</page>', re.S)
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')


def words(pdf: Path) -> list[Word]:
    """Every word with its box (points from the page's top-left), in reading order."""
    out = _run("pdftotext", "-bbox", pdf, "-")
    result = []
    for number, (height, body) in enumerate(_PAGE.findall(out), start=1):
        for x0, y0, x1, y1, text in _WORD.findall(body):
            result.append(Word(number, float(x0), float(y0), float(x1), float(y1), html.unescape(text), float(height)))
    return result


def normal_words(text: str) -> list[str]:
    """Words for comparing texts: typographic quotes and dashes made plain, invisible format
    characters (left-to-right marks, zero-width spaces) dropped, whitespace ignored."""
    table = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2019": "'", "\u2018": "'", "\u2011": "-"})
    visible = "".join(c for c in text if unicodedata.category(c) != "Cf")
    return visible.translate(table).split()


def body_words(all_words: list[Word], column_left: float = 123.4, column_right: float = 491.0,
               min_height: float = 10.0, rtl: bool = False) -> list[str]:
    """The words of the body column, line by line, without what is smaller than body text
    (footnote markers and footnotes, running headers and footers, margin line numbers).

    A word broken after its own hyphen or slash at the end of a line ("counter-" / "terrorism",
    "and/" / "or") is joined again (lines may break there, but we never add hyphens), and so
    is a word cut by a footnote marker set before its punctuation ("civilisations²,"), or cut by
    pdftotext where nothing separates its glyphs ("2015" "–2030").
    `rtl` reads each line from right to left (Arabic)."""
    inside = [w for w in all_words if w.x0 >= column_left - 1 and w.x1 <= column_right + 1
              and not (w.page_height and w.y0 > w.page_height - FOOT)]
    body = sorted((w for w in inside if w.height >= min_height),
                  key=lambda w: (w.page, round(w.y1, 1), -w.x1 if rtl else w.x0))
    small: dict[int, list[Word]] = {}
    for w in inside:
        if w.height < min_height:
            small.setdefault(w.page, []).append(w)
    texts: list[str] = []
    for index, word in enumerate(body):
        previous = body[index - 1] if index else None
        new_line = previous is not None and (word.page != previous.page or word.y1 > previous.y1 + 1)
        hyphen_break = new_line and previous.text.endswith(("-", "/"))  # "and/" / "or" too
        glued = previous is not None and not new_line and not rtl and any(
            abs(marker.x0 - previous.x1) < 0.2 and abs(marker.x1 - word.x0) < 0.2
            and marker.y0 < word.y1 and marker.y1 > word.y0 for marker in small.get(word.page, []))
        touching = previous is not None and not new_line and not rtl and abs(word.x0 - previous.x1) < 0.05
        if hyphen_break or glued or touching:
            texts[-1] += word.text
        else:
            texts.append(word.text)
    return normal_words(" ".join(texts))


def find_run(needle: list[str], haystack: list[str], start: int = 0) -> int | None:
    """The index just after the first occurrence of `needle` as consecutive words of
    `haystack[start:]`, or None."""
    if not needle:
        return start
    first = needle[0]
    position = start
    while True:
        try:
            position = haystack.index(first, position)
        except ValueError:
            return None
        if haystack[position:position + len(needle)] == needle:
            return position + len(needle)
        position += 1


def diagonal_text(all_words: list[Word], page: int, width: float, height: float) -> str:
    """The letters of a text set along the page's rising diagonal, in order, without spaces.

    pdftotext cuts text rotated by other than a right angle into fragments; they are
    collected from their position (centre within 40 pt of the diagonal) and size (larger
    than body text), then read from left to right."""
    pieces = []
    for word in all_words:
        fragment = word.height > 14 or (word.height > 11.3 and len(word.text) <= 2)
        if word.page != page or not fragment:
            continue
        cx, cy = (word.x0 + word.x1) / 2, (word.y0 + word.y1) / 2
        if abs(cy - (height - cx * height / width)) < 40:
            pieces.append(word)
    return "".join(w.text for w in sorted(pieces, key=lambda w: w.x0))


def colours_in_box(pdf: Path, word: Word, tmp: Path, dpi: int = 144) -> set[tuple[int, int, int]]:
    """The colours of the pixels inside a word's box, the page rendered by pdftoppm (black is (0, 0, 0))."""
    base = tmp / f"page{word.page}"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(word.page), "-l", str(word.page), "-singlefile",
                    str(pdf), str(base)], check=True)
    data = (base.with_suffix(".ppm")).read_bytes()
    header, rest = _ppm_header(data)
    width, height = header
    scale = dpi / 72
    colours = set()
    for y in range(int(word.y0 * scale), min(int(word.y1 * scale) + 2, height)):
        for x in range(int(word.x0 * scale), min(int(word.x1 * scale) + 1, width)):
            offset = (y * width + x) * 3
            colours.add(tuple(rest[offset:offset + 3]))
    return colours


def _ppm_header(data: bytes) -> tuple[tuple[int, int], bytes]:
    """(width, height) and the pixel bytes of a binary PPM (P6, maxval 255)."""
    fields = []
    position = 0
    while len(fields) < 4:
        while data[position:position + 1].isspace():
            position += 1
        end = position
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[position:end])
        position = end
    assert fields[0] == b"P6" and fields[3] == b"255"
    return (int(fields[1]), int(fields[2])), data[position + 1:]


def near(colour: tuple[int, int, int], hex_colour: str, tolerance: int = 40) -> bool:
    wanted = tuple(int(hex_colour.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4))
    return all(abs(a - b) <= tolerance for a, b in zip(colour, wanted, strict=True))
