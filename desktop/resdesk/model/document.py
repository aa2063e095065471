"""The document model: metadata, blocks of inline text, footnotes and annexes.

Plain dataclasses with no behaviour that needs a database or a window. Labels
(PP3, OP5 (a)) and opening phrases are derived, never stored: see
`resdesk.amend.labels` and `resdesk.un.phrases`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from resdesk.text.inline import Mark, footnote_anchors

FORMULA = "formula"
PREAMBULAR = "preambular"
OPERATIVE = "operative"
SUBPARAGRAPH = "subparagraph"
HEADING = "heading"
TEXT = "text"
TABLE = "table"

BLOCK_KINDS = (FORMULA, PREAMBULAR, OPERATIVE, SUBPARAGRAPH, HEADING, TEXT, TABLE)

# Keys of the metadata, in the order of the JSON outline's "meta" object.
META_KEYS = (
    "symbol",
    "organ",
    "committee",
    "session",
    "agenda_item",
    "agenda_title",
    "distribution",
    "date",
    "original_language",
    "language",
    "sponsors",
    "title",
    "note",
)


@dataclass
class Meta:
    """What the masthead, the session block and the sponsor line say.

    `date` is ISO 8601 (YYYY-MM-DD) or ""; `language` and `original_language`
    are ISO 639-1 codes ("en", "fr", "ar", …); `note` is the introductory
    sentence of a Note by the Secretariat ("" for a sponsored draft).
    `job_number` is the Secretariat's job number ("13-49218") when known.
    """

    symbol: str = ""
    organ: str = "General Assembly"
    committee: str = ""
    session: str = ""
    agenda_item: str = ""
    agenda_title: str = ""
    distribution: str = ""
    date: str = ""
    original_language: str = ""
    language: str = "en"
    sponsors: list[str] = field(default_factory=list)
    title: str = ""
    note: str = ""
    job_number: str = ""


@dataclass
class Cell:
    """One cell of a table block."""

    text: str = ""
    marks: list[Mark] = field(default_factory=list)
    header: bool = False


@dataclass
class Block:
    """One paragraph block of the text.

    `id` is stable across edits and versions and is never a label.
    `parent` is the id of the paragraph a sub-paragraph belongs to (an OP, a PP
    or another sub-paragraph); None for everything else.
    `number` keeps a number that is part of the text itself rather than a label
    we compute: a heading's "I." or "A.". PP/OP/sub-paragraph numbers are
    computed from the order of blocks and are not stored.
    `level` is the heading level (1 = H1, 2 = H23 and below) for headings.
    `text` is the readable text without footnote markers or layout whitespace;
    `marks` are italic/bold spans, links and footnote anchors over that text.
    `rows` holds the cells of a table block (its `text` is then "").
    """

    id: str
    kind: str
    text: str = ""
    marks: list[Mark] = field(default_factory=list)
    parent: str | None = None
    number: str = ""
    level: int = 0
    rows: list[list[Cell]] = field(default_factory=list)


@dataclass
class Footnote:
    """A footnote; blocks refer to it by id from footnote anchor marks.

    A footnote referred to twice is one footnote with two anchors; its marker
    number is computed from the order of first reference.
    """

    id: str
    text: str = ""
    marks: list[Mark] = field(default_factory=list)


@dataclass
class Annex:
    """An annex (an AKN attachment): a title and its own blocks."""

    title: str = ""
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Document:
    """A whole text in one version: metadata, blocks in reading order, footnotes, annexes."""

    meta: Meta = field(default_factory=Meta)
    blocks: list[Block] = field(default_factory=list)
    footnotes: dict[str, Footnote] = field(default_factory=dict)
    annexes: list[Annex] = field(default_factory=list)
    version: str = "original"

    def all_blocks(self) -> list[Block]:
        """The main text's blocks followed by every annex's blocks."""
        result = list(self.blocks)
        for annex in self.annexes:
            result.extend(annex.blocks)
        return result

    def footnote_markers(self) -> dict[str, str]:
        """The printed marker ("1", "2", …) of every referenced footnote, by footnote id.

        Footnotes are numbered in the order of their first anchor in reading
        order (main text, then annexes); a later anchor of the same footnote
        repeats its number.
        """
        markers: dict[str, str] = {}
        for block in self.all_blocks():
            marks = list(block.marks)
            for row in block.rows:
                for cell in row:
                    marks.extend(cell.marks)
            for anchor in footnote_anchors(marks):
                if anchor.target not in markers:
                    markers[anchor.target] = str(len(markers) + 1)
        return markers

    def block(self, block_id: str) -> Block:
        for candidate in self.all_blocks():
            if candidate.id == block_id:
                return candidate
        raise KeyError(block_id)
