"""Where amendments attach in a text: block indexes, anchor checks, provisional labels of proposals."""

from __future__ import annotations

from dataclasses import dataclass, field

from resdesk.amend.labels import alternative_label, document_labels, inserted_label, zero_label
from resdesk.model import tree
from resdesk.model.amendment import ALTERNATIVE, FOOTNOTE_CHANGE, INSERT_BLOCK, REPLACE, SUB_AMENDMENT, Amendment
from resdesk.model.document import SUBPARAGRAPH, Block, Document
from resdesk.text.inline import FOOTNOTE


@dataclass
class TextIndex:
    """Blocks of a version by id, with their part (0: main text, n: annex n), children and labels."""

    document: Document
    blocks: dict[str, Block] = field(default_factory=dict)
    part: dict[str, int] = field(default_factory=dict)
    children: dict[str, list[str]] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    order: dict[str, int] = field(default_factory=dict)  # reading order: main text, then annex 1, 2, …
    # For each block: the label of the last block of each kind at or before it (see `anchor_label`).
    _labels_so_far: dict[str, dict] = field(default_factory=dict, init=False, repr=False, compare=False)

    @staticmethod
    def of(document: Document) -> TextIndex:
        index = TextIndex(document)
        parts = [document.blocks] + [annex.blocks for annex in document.annexes]
        for number, blocks in enumerate(parts):
            for block in blocks:
                index.blocks[block.id] = block
                index.part[block.id] = number
                index.order[block.id] = len(index.order)
            index.children.update(tree.child_ids(blocks))
        index.labels = document_labels(document)
        return index

    def parts(self) -> list[list[Block]]:
        return [self.document.blocks] + [annex.blocks for annex in self.document.annexes]

    def subtree(self, block_id: str) -> list[str]:
        """The block and all its sub-paragraphs, in reading order."""
        return tree.subtree(self.children, block_id)

    def labels_so_far(self, block_id: str) -> dict:
        """Labels of the last block of each kind up to `block_id` in its part, by (kind, parent for
        sub-paragraphs): one pass over the part, then a look-up for every proposal placed there."""
        if block_id not in self._labels_so_far:
            running: dict = {}
            for block in self.parts()[self.part[block_id]]:
                running[(block.kind, block.parent if block.kind == SUBPARAGRAPH else None)] = \
                    self.labels.get(block.id, "")
                self._labels_so_far[block.id] = dict(running)
        return self._labels_so_far[block_id]

    def is_top(self, block: Block) -> bool:
        return not (block.kind == SUBPARAGRAPH and block.parent in self.blocks
                    and self.part.get(block.parent) == self.part[block.id])


def anchor_holds(index: TextIndex, amendment: Amendment) -> bool:
    """Whether the amendment still fits the text: its blocks exist and a replacement's old words are in place."""
    if amendment.target not in index.blocks:
        return False
    if amendment.after and amendment.after not in index.blocks:
        return False
    if amendment.kind == REPLACE:
        text = index.blocks[amendment.target].text
        in_range = 0 <= amendment.start <= amendment.end <= len(text)
        return in_range and text[amendment.start:amendment.end] == amendment.old
    if amendment.kind == FOOTNOTE_CHANGE:
        return footnote_holds(index, amendment)
    return True


def footnote_holds(index: TextIndex, amendment: Amendment) -> bool:
    """A footnote change fits the text: a new footnote's place is in its paragraph; a changed or deleted
    footnote is anchored in the paragraph and still reads `old`."""
    block = index.blocks[amendment.target]
    note_id = amendment.footnote_id
    if not note_id or not 0 <= amendment.start <= len(block.text):
        return False
    if not amendment.old:
        return note_id not in index.document.footnotes
    note = index.document.footnotes.get(note_id)
    anchored = any(m.kind == FOOTNOTE and m.target == note_id for m in block.marks)
    return anchored and note is not None and note.text == amendment.old


def anchor_label(index: TextIndex, anchor: str, kind: str) -> str:
    """The label new paragraphs of `kind` placed after block `anchor` count from.

    It is the label of the last block of that kind at or before the anchor in its
    part ("OP3" for a new OP after OP3 or after OP3's sub-paragraphs); "PP0" /
    "OP0" when there is none (a new first paragraph).
    """
    part = index.part[anchor]
    last = index.labels_so_far(anchor).get((kind, index.blocks[anchor].parent if kind == SUBPARAGRAPH else None), "")
    if last:
        return last
    prefix = ""
    if part:
        prefix = "Annex " if len(index.document.annexes) == 1 else f"Annex {part} "
    return zero_label(kind, prefix)


def proposal_labels(index: TextIndex, amendments: list[Amendment]) -> dict[str, str]:
    """The provisional label of every amendment: "OP3 bis", "OP15 alt 1", or the amended paragraph's label
    (a sub-amendment has the label of the amendment it amends).

    Counted over every amendment given, in order of entry (pass all amendments of
    the version, whatever their status, so that labels never change when a status
    or a filter changes).
    """
    labels: dict[str, str] = {}
    inserted: dict[str, int] = {}
    alternatives: dict[str, int] = {}
    for amendment in sorted(amendments, key=lambda a: a.number):
        if amendment.target not in index.blocks:
            labels[amendment.id] = ""
            continue
        if opens_paragraph(amendment):
            base = f"{index.labels.get(amendment.target, '')} (0)"
            inserted[base] = inserted.get(base, 0) + 1
            labels[amendment.id] = inserted_label(base, inserted[base])
        elif amendment.kind == INSERT_BLOCK and amendment.new_block is not None:
            base = anchor_label(index, amendment.target, amendment.new_block.kind)
            inserted[base] = inserted.get(base, 0) + 1
            labels[amendment.id] = inserted_label(base, inserted[base])
        elif amendment.kind == SUB_AMENDMENT:
            labels[amendment.id] = labels.get(amendment.amends) or index.labels.get(amendment.target, "")
        elif amendment.kind == ALTERNATIVE:
            alternatives[amendment.target] = alternatives.get(amendment.target, 0) + 1
            labels[amendment.id] = alternative_label(index.labels.get(amendment.target, ""),
                                                     alternatives[amendment.target])
        else:
            labels[amendment.id] = index.labels.get(amendment.target, "")
    return labels


def opens_paragraph(amendment: Amendment) -> bool:
    """Whether an insertion is a new first sub-paragraph of its anchor: it goes before the anchor's
    sub-paragraphs, not after them (see `resdesk.model.amendment`)."""
    block = amendment.new_block
    return amendment.kind == INSERT_BLOCK and block is not None and block.kind == SUBPARAGRAPH and \
        block.parent == amendment.target


def placement_after(amendment: Amendment) -> str:
    """The block a new or moved block follows: `after` for moves, `target` for insertions."""
    return amendment.after if amendment.after else amendment.target
