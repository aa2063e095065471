"""From read paragraphs to blocks: the enacting formula, PPs, OPs, sub-paragraphs, headings, tables, annexes.

Our own exports carry a hidden bookmark per block naming its kind (see
`body.KIND_CODES`); other files are classified from their layout: a typed
("1." + tab) or automatic (w:numPr) number makes an OP, "(a)"/"(i)"/"a." a
sub-paragraph, a heading style (H1, HCh, H23, H4, Heading n) a heading,
unnumbered paragraphs before the first OP are PPs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from resdesk.formats.docx.body import HINT_PREFIX, KIND_CODES
from resdesk.formats.docx.geometry import FIRST_LINE
from resdesk.formats.docx.paragraphs import Paragraph
from resdesk.formats.marked_openings import opening_marks
from resdesk.model.document import (
    FORMULA,
    HEADING,
    OPERATIVE,
    PREAMBULAR,
    SUBPARAGRAPH,
    TABLE,
    TEXT,
    Annex,
    Block,
    Cell,
)
from resdesk.text.inline import BOLD, ITALIC, Mark, leading_emphasis, shift_marks, sorted_marks
from resdesk.un.markers import leading_marker, leading_operative_number
from resdesk.un.masthead import formula_language, is_annex_heading
from resdesk.un.phrases import marked_phrase, opening_emphasis, opening_phrase

HINT_KINDS = {code: kind for kind, code in KIND_CODES.items()}
HEADING_LEVELS = {"h1": 1, "hch": 1, "h23": 2, "h2": 2, "h3": 2, "h4": 3, "heading 1": 1, "heading 2": 2,
                  "heading 3": 3, "heading 4": 3, "title": 1}
HEADING_NUMBER = re.compile(r"^\s*([IVXLC]+|[A-Z]|\d+)\.[\t ]+")


@dataclass
class TableItem:
    rows: list[list[Cell]] = field(default_factory=list)
    lines: list[tuple[str, list[str]]] = field(default_factory=list)  # (text, bookmarks) of every cell paragraph
    origin: int = 0  # its place in the body (see `Paragraph.origin`)


def cut_start(text: str, marks: list[Mark], count: int) -> tuple[str, list[Mark]]:
    """`text` without its first `count` characters, marks shifted (footnote anchors kept)."""
    return text[count:], shift_marks(marks, 0, count, 0)


def tidy(text: str, marks: list[Mark]) -> tuple[str, list[Mark]]:
    """Leading and trailing layout whitespace removed, inner tabs as spaces."""
    lead = len(text) - len(text.lstrip())
    if lead:
        text, marks = cut_start(text, marks, lead)
    stripped = text.rstrip()
    if len(stripped) < len(text):
        marks = shift_marks(marks, len(stripped), len(text) - len(stripped), 0)
        text = stripped
    return text.replace("\t", " "), sorted_marks(marks)


def without_opening(text: str, marks: list[Mark], kind: str, language: str) -> list[Mark]:
    """The formatting that opens a PP or OP as its language sets openings (italics, bold in Chinese, both
    in Arabic) is its opening phrase, not formatting: kept as an `opening` mark where the lexicon finds
    another phrase (`resdesk.formats.marked_openings`). The formula's goes too, its comma included."""
    emphasis = opening_emphasis(language)
    kinds = {kind for kind, on in ((ITALIC, emphasis.italic), (BOLD, emphasis.bold)) if on}
    if kind == FORMULA:
        return [m for m in marks if m.kind not in kinds]
    if kind not in (PREAMBULAR, OPERATIVE):
        return marks
    end, rest = leading_emphasis(text, [m for m in marks if m.kind in kinds])
    others = [m for m in marks if m.kind not in kinds or m in rest]
    phrase = marked_phrase(text, end, language) if end else None
    return sorted_marks(others + opening_marks(text, phrase, kind, language))


def _marker_depth(marker: str, previous_letter: str) -> int:
    """1 for a letter, 2 for a Roman numeral: "i" after "h" is a letter, otherwise a numeral."""
    numeral = set(marker) <= set("ivxlc")
    if numeral and not (previous_letter and ord(marker[0]) == ord(previous_letter[-1]) + 1 and len(marker) == 1):
        return 2
    return 1


class StructureBuilder:
    """Turns the body items after the masthead into blocks (main text and annexes)."""

    def __init__(self, language: str, heading_style: dict[str, str], number_format: dict[tuple[str, int], str]):
        self.language = language
        self.style_names = heading_style
        self.number_format = number_format
        self.blocks: list[Block] = []
        self.annexes: list[Annex] = []
        self.sources: dict[str, str] = {}  # block id -> the id our export wrote in its hidden bookmark
        self.origins: dict[str, int] = {}  # block id -> the place of its Word paragraph (`Paragraph.origin`)
        self.next_id = 1
        self.seen_operative = False
        self.stack: list[Block] = []  # the last block at each depth (0: PP/OP)
        self.list_before_text: list[Block] = []  # the list a free-text paragraph interrupted (its "(c)" continues)
        self.last_letter = ""

    @property
    def current(self) -> list[Block]:
        return self.annexes[-1].blocks if self.annexes else self.blocks

    def _new_id(self) -> str:
        self.next_id += 1
        return f"b{self.next_id - 1}"

    def add_table(self, item: TableItem) -> None:
        self.current.append(Block(self._new_id(), TABLE, rows=item.rows))
        self.origins[self.current[-1].id] = item.origin

    def add(self, paragraph: Paragraph, any_numbered: bool) -> None:
        text, marks = paragraph.text, paragraph.marks
        hinted = next((name[len(HINT_PREFIX):] for name in paragraph.bookmarks
                       if name.startswith(HINT_PREFIX) and len(name) > len(HINT_PREFIX)), "")
        hint = HINT_KINDS.get(hinted[:1])
        style = self.style_names.get(paragraph.style, paragraph.style).lower()
        bare = text.strip()
        if is_annex_heading(bare) and (paragraph.page_break_before or style in ("hch", "h1")) and hint is None:
            self.annexes.append(Annex(bare))
            self.stack, self.seen_operative = [], False
            return
        if not bare and not any(m.kind == "footnote" for m in marks):
            return
        kind, number, depth = self._classify(paragraph, text, style, hint, any_numbered)
        marker = leading_marker(text) if kind == SUBPARAGRAPH else None
        starts_list = marker is None or marker.number in ("a", "i")
        if number is not None:
            text, marks = cut_start(text, marks, number)
        text, marks = tidy(text, marks)
        heading_number = ""
        if kind == HEADING:
            match = HEADING_NUMBER.match(text)
            if match:
                heading_number = f"{match.group(1)}."
                text, marks = tidy(*cut_start(text, marks, match.end()))
            marks = [m for m in marks if m.kind not in (BOLD, ITALIC) or m.end - m.start < len(text)]
        marks = without_opening(text, marks, kind, self.language)
        block = Block(self._new_id(), kind, text, sorted_marks(marks), number=heading_number,
                      level=HEADING_LEVELS.get(style, 1) if kind == HEADING else 0)
        if hint is not None and hinted[1:2] == "_":
            self.sources[block.id] = hinted[2:]
        self.origins[block.id] = paragraph.origin
        if kind == SUBPARAGRAPH:
            parents = self.stack[:depth]
            if parents and parents[0].kind == TEXT and self.list_before_text and not starts_list:
                parents = self.list_before_text[:depth]  # "Panel 1: …" lines between (b) and (c)
            if not parents:
                block.kind = TEXT
            else:
                block.parent = parents[-1].id
                self.stack = parents + [block]
        elif kind == TEXT:
            if self.stack and self.stack[0].kind != TEXT:
                self.list_before_text = self.stack
            self.stack = [block]
        elif kind in (PREAMBULAR, OPERATIVE):
            self.stack, self.list_before_text = [block], []
        else:
            self.stack, self.list_before_text = [], []
        if kind == OPERATIVE:
            self.seen_operative = True
        self.current.append(block)

    def _classify(self, paragraph: Paragraph, text: str, style: str, hint: str | None,
                  any_numbered: bool) -> tuple[str, int | None, int]:
        """(kind, length of the typed number to cut or None, sub-paragraph depth)."""
        op = leading_operative_number(text)
        sub = leading_marker(text)
        auto = self.number_format.get(paragraph.numbered) if paragraph.numbered else None
        if hint == SUBPARAGRAPH or (hint is None and (sub or auto in ("lowerLetter", "lowerRoman"))):
            depth = 1
            if paragraph.first_line and hint:
                depth = max(1, round(paragraph.first_line / FIRST_LINE))
            elif sub:
                depth = _marker_depth(sub.number, self.last_letter) + sub.letter_depth - 1
                if depth == 1:
                    self.last_letter = sub.number
            elif paragraph.numbered:
                depth = paragraph.numbered[1] or (2 if auto == "lowerRoman" else 1)
            return SUBPARAGRAPH, sub.end if sub else None, depth
        if hint == OPERATIVE or (hint is None and (op or auto == "decimal")):
            return OPERATIVE, op.end() if op else None, 0
        if hint == HEADING or (hint is None and style in HEADING_LEVELS):
            return HEADING, None, 0
        if hint is not None:
            return hint, None, 0
        if formula_language(text) is not None:
            return FORMULA, None, 0
        if self.seen_operative:
            return TEXT, None, 0
        if not any_numbered and opening_phrase(text.strip(), OPERATIVE, self.language) and \
                not opening_phrase(text.strip(), PREAMBULAR, self.language):
            return OPERATIVE, None, 0
        return PREAMBULAR, None, 0
