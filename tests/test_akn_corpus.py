"""Every AKN file of the corpus imports exactly: the UN's samples and the variants in tests/fixtures/akn.

The expectations are read from the XML by the small reader below, written apart from the importer
with the plainest rules that describe the corpus: a named preamble container is a PP (its text
from its p or its block list's introduction, its items sub-paragraphs); a body paragraph with a
num is an OP, and so is one whose text starts with a typed number ("1 -"); points, block-list
items and sublist points (which belong to the point before them) are sub-paragraphs, and so are
unnumbered paragraphs starting with a marker and a tab ("(a)\t"); the opening phrase is the run of
emphasis spans opening a paragraph (else the preamble container's name). Counts, texts, the
sub-paragraphs and their parents, footnotes and openings must all be as in the file.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from conftest import samples_dir
from resdesk.formats.akn_import import import_akn
from resdesk.model.document import OPERATIVE, PREAMBULAR, SUBPARAGRAPH, Document
from resdesk.un.phrases import opening_phrase
from resdesk.views.outline import opening_of

AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
VARIANTS = Path(__file__).resolve().parent / "fixtures" / "akn"
EMPHASIS = {"italic", "bold", "bold italic"}
TYPED_NUMBER = re.compile(r"\s*\d+ -\s+")
TYPED_MARKER = re.compile(r"\s*\((\w{1,4})\)\t")
ROMAN = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"}
LETTERS = "abcdefghijklmnopqrstuvwxyz"
ARABIC_LETTERS = ["أ", "ب", "ج", "د", "هـ", "و", "ز", "ح"]
PUNCTUATION = ",;:.، "


def corpus() -> list[Path]:
    """The UN's AKN samples (when present) and the hand-made variants."""
    shared = samples_dir() / "akn"
    return sorted(shared.glob("*.xml")) + sorted(VARIANTS.glob("*.xml"))


# -- the independent reader ------------------------------------------------------------------------


def words(element: ET.Element, skip_first: int = 0) -> str:
    """The text of an element without footnotes and the Arabic "(" ")" around their markers,
    whitespace collapsed; `skip_first` characters of its leading text left out (a typed number)."""
    return collapse(raw(element)[skip_first:])


def raw(element: ET.Element) -> str:
    parts = [element.text or ""]
    for child in element:
        name = child.tag.replace(AKN, "")
        if name in ("eol", "br"):
            parts.append(" ")
        elif name not in ("authorialNote", "noteRef") and not (name == "sup" and (child.text or "") in "()"):
            parts.append(raw(child))
        parts.append(child.tail or "")
    return "".join(parts)


def emphasis_run(p: ET.Element, skip_first: int = 0) -> str | None:
    """The words of the emphasis spans that open `p` one after the other, or None."""
    if (p.text or "")[skip_first:].strip():
        return None
    run = []
    for child in p:
        if child.tag != AKN + "span" or child.get("class") not in EMPHASIS:
            break
        run.append(raw(child))
        if (child.tail or "").strip():
            break
        run.append(child.tail or "")
    return collapse("".join(run)).rstrip(PUNCTUATION) or None


def collapse(text: str) -> str:
    """Runs of spaces, tabs and line breaks as one space (no-break spaces are text), ends stripped."""
    return re.sub(r"[ \t\n\r]+", " ", text).strip()


def plainly_broken(text: str, marked: str | None, unspaced: bool) -> bool:
    """A marking with no letter in it, or one that stops inside a word (in a language with spaces)."""
    if marked is None:
        return False
    if not any(char.isalnum() for char in marked):
        return True
    return not unspaced and len(text) > len(marked) and text[len(marked)].isalnum() and marked[-1].isalnum()


def bold_line(p: ET.Element) -> bool:
    """Nothing but one bold span (a heading line), or nothing but asterisks (a separator)."""
    text = words(p)
    if text and set(text) <= {"*", " "}:
        return True
    return (len(p) == 1 and p[0].get("class") == "bold" and not (p.text or "").strip()
            and not (p[0].tail or "").strip())


@dataclass
class Expected:
    pps: list[tuple[str, str | None]] = field(default_factory=list)  # (text, marked opening)
    ops: list[tuple[str, str | None]] = field(default_factory=list)
    subs: list[tuple[str, str]] = field(default_factory=list)  # (text, parent's text)
    footnotes: list[str] = field(default_factory=list)


def read(path: Path) -> Expected:
    root = ET.parse(path).getroot()
    top = root[0]
    collection = top.find(AKN + "collectionBody")
    parts = [component[0] for component in collection] if collection is not None else [top]
    expected = Expected()
    language = root.find(f".//{AKN}FRBRExpression/{AKN}FRBRlanguage")
    unspaced = language is not None and language.get("language") in ("zho", "chi")
    for part in parts:
        read_part(part, expected, unspaced)
    expected.pps = [(text, None if plainly_broken(text, marked, unspaced) else marked) for text, marked in expected.pps]
    expected.ops = [(text, None if plainly_broken(text, marked, unspaced) else marked) for text, marked in expected.ops]
    notes = {note.get("eId"): note for note in root.iter(AKN + "note")}
    seen = set()
    for element in root.iter():
        if element.tag == AKN + "authorialNote":
            note, marker = element, element.get("marker")
        elif element.tag == AKN + "noteRef":
            note, marker = notes[element.get("href")[1:]], element.get("marker")
        else:
            continue
        text = re.sub(r"^\(\) ?", "", words(note[0]))
        if (marker, text) not in seen:
            seen.add((marker, text))
            expected.footnotes.append(text)
    return expected


def read_part(part: ET.Element, expected: Expected, unspaced: bool) -> None:
    preamble = part.find(AKN + "preamble")
    has_pps = False
    for container in preamble.findall(AKN + "container") if preamble is not None else []:
        if not container.get("name"):
            continue  # a heading line or a separator
        has_pps = True
        p = container.find(AKN + "p")
        block_list = container.find(AKN + "blockList")
        if p is None:
            p = block_list.find(AKN + "listIntroduction")
        text = words(p)
        marked = emphasis_run(p)
        if (marked is None or plainly_broken(text, marked, unspaced)) and text.startswith(container.get("name")):
            marked = container.get("name")  # the container's name is the marking when its p marks none
        expected.pps.append((text, marked))
        for item in block_list.findall(AKN + "item") if block_list is not None else []:
            expected.subs.append((words(item.find(AKN + "p")), text))
    body = part.find(AKN + "mainBody")
    paragraphs = [p for p in body.iter(AKN + "paragraph")
                  if p.find(AKN + "heading") is None and p.find(AKN + "subheading") is None
                  and p.get("class") != "FootnoteText"]
    numbered = any(p.find(AKN + "num") is not None for p in paragraphs)
    before_ops = True
    levels: list[str] = []  # the OP, then the last sub-paragraph of each level
    counts: list[int] = []  # sub-paragraphs so far at each level
    for paragraph in paragraphs:
        p = paragraph.find(f"{AKN}content/{AKN}p")
        if p is None:
            p = paragraph.find(f"{AKN}list/{AKN}intro/{AKN}p")
        typed_number = TYPED_NUMBER.match(p.text or "")
        typed_marker = TYPED_MARKER.match(p.text or "")
        if paragraph.find(AKN + "num") is not None or typed_number:
            skip = typed_number.end() if typed_number else 0
            text = words(p, skip)
            expected.ops.append((text, emphasis_run(p, skip)))
            levels, counts = [text], []
            before_ops = False
            list_element = paragraph.find(AKN + "list")
            if list_element is not None:
                read_points(list_element, text, expected)
        elif bold_line(p):
            before_ops = False
        elif typed_marker and levels and (level := typed_level(typed_marker.group(1), levels, counts)):
            text = words(p, typed_marker.end())
            expected.subs.append((text, levels[level - 1]))
            levels = levels[:level] + [text]
            counts = counts[:level - 1] + [counts[level - 1] + 1 if len(counts) >= level else 1]
        elif before_ops and has_pps and words(p).endswith(","):
            expected.pps.append((words(p), emphasis_run(p)))
        elif not numbered and len(paragraphs) == 1:
            expected.ops.append((words(p), emphasis_run(p)))


def typed_level(marker: str, levels: list[str], counts: list[int]) -> int:
    """The level of a typed marker that continues the list: "(i)" after a sub-paragraph ending with a
    colon, or after another "(i)"-level one, is level 2; the next letter is level 1; else 0 (free text)."""
    if marker in ROMAN and len(levels) > 1 and (levels[-1].endswith(":") or len(levels) == 3):
        return 2
    letter = LETTERS[counts[0]] if counts else LETTERS[0]
    return 1 if marker in (letter, ARABIC_LETTERS[len(counts[:1]) and counts[0]]) else 0


def read_points(holder: ET.Element, parent: str, expected: Expected) -> None:
    """Points of a list (or a point's own list), and the points of a sublist under the point before it."""
    last = parent
    for child in holder:
        name = child.tag.replace(AKN, "")
        if name == "point":
            p = child.find(f"{AKN}content/{AKN}p")
            if p is None:
                p = child.find(f"{AKN}list/{AKN}intro/{AKN}p")
            last = words(p)
            expected.subs.append((last, parent))
            if child.find(AKN + "list") is not None:
                read_points(child.find(AKN + "list"), last, expected)
        elif name == "sublist":
            read_points(child, last, expected)


# -- the comparison -------------------------------------------------------------------------------


def normal(text: str, language: str) -> str:
    """Chinese is compared without spaces (layout whitespace next to CJK is no space)."""
    return re.sub(r"[ \t\n\r]", "", text) if language == "zh" else text


def imported(path: Path) -> Document:
    return import_akn(path.read_bytes(), path.name)


@pytest.mark.parametrize("path", corpus(), ids=lambda path: path.name)
def test_corpus_file_imports_exactly(path: Path) -> None:
    expected = read(path)
    document = imported(path)
    language = document.meta.language
    blocks = document.all_blocks()
    by_id = {block.id: block for block in blocks}

    def texts(kind: str) -> list[str]:
        return [normal(block.text, language) for block in blocks if block.kind == kind]

    assert texts(PREAMBULAR) == [normal(text, language) for text, _ in expected.pps]
    assert texts(OPERATIVE) == [normal(text, language) for text, _ in expected.ops]
    subs = [(normal(b.text, language), normal(by_id[b.parent].text, language)) for b in blocks
            if b.kind == SUBPARAGRAPH]
    assert subs == [(normal(text, language), normal(parent, language)) for text, parent in expected.subs]
    assert sorted(note.text for note in document.footnotes.values()) == sorted(expected.footnotes)

    paragraphs = sorted((b for b in blocks if b.kind in (PREAMBULAR, OPERATIVE)), key=lambda b: b.kind != PREAMBULAR)
    marked = [opening for _, opening in expected.pps + expected.ops]
    for block, opening in zip(paragraphs, marked, strict=True):
        shown = opening_of(block, language)
        wanted = opening if opening is not None else opening_phrase(block.text, block.kind, language)
        assert shown == wanted, (block.text[:60], shown, wanted)


def test_the_corpus_holds_every_encoding() -> None:
    """The variants are all there (the samples skip when absent, the variants never do)."""
    names = {path.name for path in VARIANTS.glob("*.xml")}
    assert names == {
        "arabic-typed-numbers.xml", "blocklist-footnotes.xml", "not-understood.xml", "parts-a-b.xml",
        "preamble-heading-separator.xml", "sublist-two-levels.xml", "unnumbered-subparagraphs.xml",
    }
