"""What the screen shows around each block's text, computed from the whole text at once.

Labels (PP3, OP5 (a)), printed markers ("3.", "(a)"), sub-paragraph depth and the
footnote markers depend on the order of all blocks, so they are computed together
whenever the structure changes (not on every keystroke). No Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from resdesk.amend.labels import document_labels, printed_numbers
from resdesk.model import tree
from resdesk.model.document import HEADING, Block, Document
from resdesk.un.masthead import annex_title
from resdesk.un.sponsors import sponsor_line
from resdesk.un.symbols import is_revision
from resdesk.views.outline import block_footnote_ids

BLOCK = "block"
TITLE = "title"
ANNEX = "annex"


@dataclass(frozen=True)
class Row:
    """One row of the text view: a block, or the title or an annex heading.

    `marker` is what is printed before the text ("3." for OP3, "(a)");
    `depth` the sub-paragraph level (0 for others); `notes` the (marker, text)
    of the footnotes anchored in the block; `markers` the marker of every
    footnote anchored in it, by footnote id; `record` the markup record
    (`resdesk.views.markup.MarkupBlock`) a row of the markup view shows, and
    `bracketed` the ids of its amendments that are bracketed (shown in [square brackets]).
    """

    kind: str
    block: Block | None = None
    label: str = ""
    marker: str = ""
    depth: int = 0
    annex: int = 0
    title: str = ""
    subtitle: str = ""
    notes: tuple[tuple[str, str], ...] = ()
    markers: dict[str, str] = field(default_factory=dict)
    record: object = None
    bracketed: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        """Unique among the rows shown (a block appears twice in the markup view when it is moved)."""
        if self.record is not None:
            return self.record.key
        return self.block.id if self.block is not None else f"{self.kind}/{self.annex}"


def _title_row(document: Document) -> Row:
    meta = document.meta
    sponsors = sponsor_line(meta.sponsors, meta.language, revised=is_revision(meta.symbol))
    return Row(TITLE, title=meta.title, subtitle=sponsors)


def block_row(document: Document, block: Block, labels: dict, markers: dict, marker: str, depth: int,
              annex: int) -> Row:
    """The row of one block (also used after a keystroke, when only its text changed)."""
    notes = tuple((markers.get(note_id, "?"), document.footnotes[note_id].text)
                  for note_id in block_footnote_ids(block) if note_id in document.footnotes)
    return Row(BLOCK, block=block, label=labels.get(block.id, ""), marker=marker, depth=depth, annex=annex,
               notes=notes, markers={note_id: markers.get(note_id, "?") for note_id in block_footnote_ids(block)})


def document_rows(document: Document) -> list[Row]:
    """All rows of the text view, in reading order."""
    labels = document_labels(document)
    markers = document.footnote_markers()
    language = document.meta.language
    rows = [_title_row(document)]

    def section(blocks: list[Block], annex: int) -> None:
        depths = tree.depths(blocks)
        numbers = printed_numbers(blocks, language)
        for block in blocks:
            marker = numbers[block.id] if block.kind != HEADING else ""  # a heading's number is in its row
            rows.append(block_row(document, block, labels, markers, marker, depths.get(block.id, 0), annex))

    section(document.blocks, 0)
    for number, annex in enumerate(document.annexes, start=1):
        rows.append(Row(ANNEX, title=annex_title(annex.title, language), annex=number))
        section(annex.blocks, number)
    return rows
