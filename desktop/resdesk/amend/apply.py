"""Applying amendments to a version: the text as if they were accepted.

A pure function of (version, amendments). The result does not depend on the
order in which the amendments are given or were entered, except for the
order of several new paragraphs proposed after the same paragraph, which
follow their order of entry (they are "OP3 bis", "OP3 ter").

When accepted amendments collide (see `resdesk.amend.collisions`), the policy is:

- a deletion of a paragraph wins over every other change to it (and to its
  sub-paragraphs): those are skipped;
- one alternative per paragraph: the one earliest in the canonical order
  below; an alternative wins over word-level replacements in that paragraph;
- overlapping replacements in one paragraph: the earliest in canonical order
  (position in the text, then length, then its words, then its author) is
  applied, the others are skipped;
- one move per paragraph, the earliest in canonical order; a move that would
  put a paragraph after itself (a cycle of moves) is skipped.

- a footnote change of a paragraph that is deleted or rewritten by an alternative is skipped, and
  of several changes of one footnote the earliest in canonical order is applied.

Sub-amendments given with the amendment they amend are applied through it (its new text with their
words, `resdesk.amend.sub_amendments.fold`): applied when it is, skipped when it is or when their
words are gone; without it they are neither (they wait for it).

Skipped amendments are reported in `Applied.skipped`, never applied halfway.
Amendments whose anchor no longer holds (stale) are skipped too. Footnote
anchors inside replaced words move to the start of the change (never lost);
new and moved paragraphs are placed after their anchor and its
sub-paragraphs, in order of entry (a new sub-paragraph of the anchor itself goes before the anchor's
sub-paragraphs), each with its own sub-paragraphs and footnotes. A new footnote is anchored before the
words around it change, so that a replacement carries it along. What follows a paragraph stays at its place
when the paragraph itself is moved away (a new "OP3 bis" stays after the
place of OP3), so accepting amendments in two revisions gives the same text as
accepting them at once.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from resdesk.amend.anchors import TextIndex, anchor_holds, opens_paragraph, placement_after
from resdesk.amend.sub_amendments import fold
from resdesk.model.amendment import (
    ALTERNATIVE,
    DELETE_BLOCK,
    FOOTNOTE_CHANGE,
    INSERT_BLOCK,
    MOVE_BLOCK,
    REPLACE,
    Amendment,
)
from resdesk.model.document import SUBPARAGRAPH, Annex, Block, Document
from resdesk.text.diff import overlapping
from resdesk.text.inline import FOOTNOTE, Mark, shift_marks, sorted_marks


@dataclass
class Applied:
    """The new text, the ids of the amendments applied and skipped, and for every paragraph
    deleted or moved away the paragraph that now stands where it stood (what followed it
    follows that one)."""

    document: Document
    applied: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    stand_ins: dict[str, str] = field(default_factory=dict)


def canonical_key(amendment: Amendment) -> tuple:
    """An order of amendments that does not depend on their order of entry."""
    return (amendment.start, amendment.end, amendment.old, amendment.new, amendment.after, amendment.author,
            amendment.kind, amendment.number)


def apply_amendments(document: Document, amendments: list[Amendment]) -> Applied:
    """`document` with every given amendment applied (filter them first: this applies all it is given)."""
    index = TextIndex.of(document)
    result = Applied(copy.deepcopy(document))
    blocks = {block.id: block for block in result.document.all_blocks()}
    folded = fold(amendments)
    valid = []
    for amendment in sorted(folded.amendments, key=canonical_key):
        if anchor_holds(index, amendment):
            valid.append(amendment)
        else:
            result.skipped.append(amendment.id)

    def take(amendment: Amendment) -> None:
        result.applied.append(amendment.id)

    def skip(amendment: Amendment) -> None:
        result.skipped.append(amendment.id)

    deleted: set[str] = set()
    for amendment in valid:
        if amendment.kind == DELETE_BLOCK:
            deleted.update(index.subtree(amendment.target))
            take(amendment)

    rewritten: set[str] = set()
    for amendment in valid:
        if amendment.kind != ALTERNATIVE:
            continue
        if amendment.target in deleted or amendment.target in rewritten:
            skip(amendment)
            continue
        block = blocks[amendment.target]
        block.marks = shift_marks(block.marks, 0, len(block.text), len(amendment.new))
        block.text = amendment.new
        rewritten.add(amendment.target)
        take(amendment)

    _change_footnotes(result, blocks, [a for a in valid if a.kind == FOOTNOTE_CHANGE], deleted | rewritten)

    by_block: dict[str, list[Amendment]] = {}
    for amendment in valid:
        if amendment.kind == REPLACE:
            if amendment.target in deleted or amendment.target in rewritten:
                skip(amendment)
            else:
                by_block.setdefault(amendment.target, []).append(amendment)
    for block_id, replacements in by_block.items():
        chosen: list[Amendment] = []
        for amendment in replacements:  # canonical order: position first
            if any(overlapping((a.start, a.end), (amendment.start, amendment.end)) for a in chosen):
                skip(amendment)
            else:
                chosen.append(amendment)
        block = blocks[block_id]
        for amendment in sorted(chosen, key=lambda a: (a.start, a.end), reverse=True):
            block.marks = shift_marks(block.marks, amendment.start, amendment.end - amendment.start,
                                      len(amendment.new))
            block.text = block.text[:amendment.start] + amendment.new + block.text[amendment.end:]
            take(amendment)

    moves: dict[str, Amendment] = {}
    for amendment in valid:
        if amendment.kind != MOVE_BLOCK:
            continue
        if amendment.target in deleted or amendment.target in moves or _cycle(index, moves, amendment):
            skip(amendment)
        else:
            moves[amendment.target] = amendment
            take(amendment)

    attached: dict[str, list[Block]] = {}
    first: dict[str, list[Block]] = {}  # new first sub-paragraphs, by the paragraph they open
    new_children: dict[str, list[Block]] = {}
    placed = [a for a in valid if a.kind == INSERT_BLOCK and a.new_block is not None] + list(moves.values())
    for amendment in sorted(placed, key=lambda a: a.number):  # after one anchor: in order of entry
        if amendment.kind == MOVE_BLOCK:
            attached.setdefault(placement_after(amendment), []).append(blocks[amendment.target])
            continue
        new, *kids = copy.deepcopy(amendment.new_blocks())
        if new.parent is not None and new.parent in deleted:
            skip(amendment)
            continue
        (first if opens_paragraph(amendment) else attached).setdefault(amendment.target, []).append(new)
        for kid in kids:
            new_children.setdefault(kid.parent, []).append(kid)
        result.document.footnotes.update(copy.deepcopy(amendment.footnotes))
        take(amendment)

    last_paragraph = [""]

    def emit(block: Block, out: list[Block], arriving: bool = False) -> None:
        """`block` at its place; a moved block leaves only what follows it at its old place."""
        if block.id in moves and not arriving:
            result.stand_ins[block.id] = last_paragraph[0]
        else:
            if block.id in deleted:
                if index.is_top(block):
                    result.stand_ins[block.id] = last_paragraph[0]
            else:
                out.append(block)
                if block.kind != SUBPARAGRAPH:
                    last_paragraph[0] = block.id
            for opening in first.get(block.id, ()):
                emit(opening, out)
            for child in index.children.get(block.id, ()):
                emit(blocks[child], out)
            for kid in new_children.get(block.id, ()):
                emit(kid, out)
        if arriving:
            return
        for follower in attached.get(block.id, ()):
            emit(follower, out, arriving=follower.id in moves)

    parts = []
    for part in index.parts():
        out: list[Block] = []
        for block in part:
            if index.is_top(block):
                emit(blocks[block.id], out)
        parts.append(out)
    result.document.blocks = parts[0]
    result.document.annexes = [Annex(annex.title, part)
                               for annex, part in zip(result.document.annexes, parts[1:], strict=True)]
    taken = set(result.applied)
    for sub, parent in folded.folded.items():
        (result.applied if parent in taken else result.skipped).append(sub)
    result.skipped.extend(folded.broken)
    result.applied.sort(key=lambda ident: int(ident[1:]) if ident[1:].isdigit() else 0)
    result.skipped.sort(key=lambda ident: int(ident[1:]) if ident[1:].isdigit() else 0)
    return result


def _change_footnotes(result: Applied, blocks: dict[str, Block], changes: list[Amendment], gone: set[str]) -> None:
    """Apply footnote changes (canonical order, before the words around the anchors change): a new text, a
    new anchor and footnote, or an anchor taken out (its footnote too, once nothing refers to it)."""
    done: set[str] = set()
    dropped: set[str] = set()
    for amendment in changes:
        note_id = amendment.footnote_id
        if amendment.target in gone or note_id in done:
            result.skipped.append(amendment.id)
            continue
        done.add(note_id)
        block = blocks[amendment.target]
        note = copy.deepcopy(amendment.footnotes[note_id])
        if not amendment.old:
            block.marks = sorted_marks([*block.marks, Mark(FOOTNOTE, amendment.start, amendment.start, note_id)])
            result.document.footnotes[note_id] = note
        elif not amendment.new:
            anchors = [m for m in block.marks if m.kind == FOOTNOTE and m.target == note_id]
            nearest = min(anchors, key=lambda m: (abs(m.start - amendment.start), m.start))
            block.marks = [m for m in block.marks if m is not nearest]
            dropped.add(note_id)
        else:
            result.document.footnotes[note_id] = note
        result.applied.append(amendment.id)
    referred = {m.target for b in blocks.values() for m in b.marks if m.kind == FOOTNOTE}
    for note_id in dropped - referred:
        result.document.footnotes.pop(note_id, None)


def _cycle(index: TextIndex, moves: dict[str, Amendment], amendment: Amendment) -> bool:
    """Whether moving `amendment.target` after its anchor would, with the moves kept so far, loop."""
    seen = set()
    anchor = amendment.after
    while anchor and anchor not in seen:
        seen.add(anchor)
        if anchor in index.subtree(amendment.target):
            return True
        block = index.blocks.get(anchor)
        parent = block.parent if block is not None and not index.is_top(block) else None
        anchor = moves[anchor].after if anchor in moves else parent
    return False
