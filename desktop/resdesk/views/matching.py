"""Which paragraphs of one text continue which of another: two texts read separately, matched block by block.

Blocks have stable ids within one document file, but two files read separately (last year's
resolution and this year's draft, a delegation's Word file without our hidden bookmarks) have
unrelated ids. `match_blocks(old, new)` gives a copy of `new` in which every block that continues a
block of `old` carries that block's id, and every other block an id `old` never used; so
`resdesk.views.compare.version_changes(old, matched)` sees edits, moves, insertions and deletions
instead of a whole new text. Its footnotes are matched too.

How, deterministically (the same two texts always match the same way):

1. `known` pairs (new id -> old id, from our hidden bookmarks) are taken first, when the kinds agree
   and the old block is not taken yet; unless most of them differ in their words (bookmarks written
   from another document file, which names other paragraphs by those ids; a delegation changes some
   paragraphs, not most): then none is.
2. Part by part (the resolution, each annex), level by level (the top-level paragraphs, then the
   sub-paragraphs of each pair of matched paragraphs, so a sub-paragraph only ever continues a
   sub-paragraph of the paragraph its own continues):
   - equal texts in order (a longest common sequence of kinds and words);
   - between two runs of equal texts, the most similar pairs of one kind whose words are at least
     `SAME_PARAGRAPH` alike (an edited paragraph), best first, ties by position;
   - what is left anywhere at that level (a paragraph moved, with or without edits), the same way.
3. Footnotes: within each pair of matched paragraphs, the anchors are matched in order by the
   footnotes' words (equal texts first, then anchor by anchor between them); a footnote of `new`
   matched so takes the old footnote's id (its text may have changed), the others get new ids.
"""

from __future__ import annotations

import copy
from dataclasses import replace
from difflib import SequenceMatcher
from itertools import count

from resdesk.model import tree
from resdesk.model.document import Annex, Block, Document, Footnote
from resdesk.text.inline import FOOTNOTE, Mark, footnote_anchors

# Two paragraphs of one kind are taken for the same one when their words are this alike.
SAME_PARAGRAPH = 0.6


def match_blocks(old: Document, new: Document, known: dict[str, str] | None = None) -> Document:
    """A copy of `new` whose blocks (and footnotes) that continue blocks of `old` carry their ids (see the
    module docstring); `known` pairs new block ids with old ones already known to be the same."""
    pairs: dict[str, str] = {}
    old_blocks = {b.id: b for b in old.all_blocks()}
    new_blocks = {b.id: b for b in new.all_blocks()}
    for new_block in new.all_blocks():
        source = (known or {}).get(new_block.id)
        block = old_blocks.get(source or "")
        if block is not None and block.kind == new_block.kind and source not in pairs.values():
            pairs[new_block.id] = source
    same = sum(1 for new_id, old_id in pairs.items() if _key(old_blocks[old_id]) == _key(new_blocks[new_id]))
    if same * 2 < len(pairs):
        pairs = {}
    old_parts = [old.blocks] + [annex.blocks for annex in old.annexes]
    new_parts = [new.blocks] + [annex.blocks for annex in new.annexes]
    for old_part, new_part in zip(old_parts, new_parts, strict=False):
        _match_levels(old_part, new_part, pairs)
    return _renamed(old, new, pairs)


def _match_levels(old_part: list[Block], new_part: list[Block], pairs: dict[str, str]) -> None:
    old_kids, new_kids = tree.children(old_part), tree.children(new_part)
    _match_level(tree.top_level(old_part), tree.top_level(new_part), pairs)
    for new_block in new_part:  # reading order: a paragraph is matched before its sub-paragraphs are
        if new_block.id in pairs and new_block.id in new_kids:
            _match_level(old_kids.get(pairs[new_block.id], []), new_kids[new_block.id], pairs)


def _match_level(old: list[Block], new: list[Block], pairs: dict[str, str]) -> None:
    """Pair the blocks of one level: equal texts in order, similar ones between them, then the rest."""
    taken = set(pairs.values())
    old = [b for b in old if b.id not in taken]
    new = [b for b in new if b.id not in pairs]
    numbers: dict[tuple, int] = {}  # the same text, the same small number: quicker to compare than the texts
    old_keys = [numbers.setdefault(_key(b), len(numbers)) for b in old]
    order = SequenceMatcher(None, old_keys, [numbers.setdefault(_key(b), len(numbers)) for b in new], autojunk=False)
    for tag, i1, i2, j1, j2 in order.get_opcodes():
        if tag == "equal":
            pairs.update((n.id, o.id) for o, n in zip(old[i1:i2], new[j1:j2], strict=True))
        elif tag == "replace":
            _pair_similar(old[i1:i2], new[j1:j2], pairs)
    taken = set(pairs.values())
    rest_old = [b for b in old if b.id not in taken]
    rest_new = [b for b in new if b.id not in pairs]
    by_text: dict[tuple, list[Block]] = {}
    for block in rest_old:
        by_text.setdefault(_key(block), []).append(block)
    for block in rest_new:  # moved without a change of words
        same = by_text.get(_key(block))
        if same:
            pairs[block.id] = same.pop(0).id
    taken = set(pairs.values())
    _pair_similar([b for b in rest_old if b.id not in taken], [b for b in rest_new if b.id not in pairs], pairs)


def _key(block: Block) -> tuple[str, str]:
    return block.kind, " ".join(block.text.split())


def _pair_similar(old: list[Block], new: list[Block], pairs: dict[str, str]) -> None:
    """Pair blocks of one kind whose words are at least SAME_PARAGRAPH alike, the most alike first (ties: the
    earlier old block, then the earlier new one)."""
    if not old or not new:
        return
    old_words = [b.text.split() for b in old]  # (the two texts' ids may coincide: never key by them together)
    scored = []
    for j, new_block in enumerate(new):
        matcher = SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(new_block.text.split())
        for i, old_block in enumerate(old):
            if old_block.kind != new_block.kind:
                continue
            matcher.set_seq1(old_words[i])
            if matcher.real_quick_ratio() < SAME_PARAGRAPH or matcher.quick_ratio() < SAME_PARAGRAPH:
                continue
            score = matcher.ratio()
            if score >= SAME_PARAGRAPH:
                scored.append((-score, i, j))
    used_old: set[int] = set()
    used_new: set[int] = set()
    for _score, i, j in sorted(scored):
        if i not in used_old and j not in used_new:
            used_old.add(i)
            used_new.add(j)
            pairs[new[j].id] = old[i].id


def _renamed(old: Document, new: Document, pairs: dict[str, str]) -> Document:
    """A copy of `new` whose matched blocks carry their old ids, the others ids `old` never used; footnotes
    matched within matched blocks likewise."""
    old_ids = {b.id for b in old.all_blocks()}
    fresh = (f"n{n}" for n in count(1) if f"n{n}" not in old_ids)
    names = {block.id: pairs.get(block.id) or next(fresh) for block in new.all_blocks()}
    notes = _footnote_names(old, new, pairs)

    def renamed(block: Block) -> Block:
        rows = [[replace(cell, marks=_renamed_anchors(cell.marks, notes)) for cell in row] for row in block.rows]
        return replace(block, id=names[block.id], parent=names.get(block.parent, block.parent),
                       marks=_renamed_anchors(block.marks, notes), rows=rows)

    return Document(meta=copy.deepcopy(new.meta), blocks=[renamed(b) for b in new.blocks],
                    footnotes={notes[i]: Footnote(notes[i], n.text, list(n.marks)) for i, n in new.footnotes.items()},
                    annexes=[Annex(a.title, [renamed(b) for b in a.blocks]) for a in new.annexes], version=new.version)


def _renamed_anchors(marks: list[Mark], notes: dict[str, str]) -> list[Mark]:
    return [Mark(m.kind, m.start, m.end, notes.get(m.target, m.target)) if m.kind == FOOTNOTE else m for m in marks]


def _footnote_names(old: Document, new: Document, pairs: dict[str, str]) -> dict[str, str]:
    """New footnote id -> its id in the copy: the old footnote it continues, or one `old` never used."""
    old_blocks = {b.id: b for b in old.all_blocks()}
    names: dict[str, str] = {}
    for block in new.all_blocks():
        partner = old_blocks.get(pairs.get(block.id, ""))
        if partner is None:
            continue
        old_anchors = [m.target for m in footnote_anchors(partner.marks) if m.target in old.footnotes]
        new_anchors = [m.target for m in footnote_anchors(block.marks) if m.target in new.footnotes]
        words = SequenceMatcher(None, [_words(old.footnotes[i]) for i in old_anchors],
                                [_words(new.footnotes[i]) for i in new_anchors], autojunk=False)
        for tag, i1, i2, j1, j2 in words.get_opcodes():
            if tag in ("equal", "replace"):
                for source, target in zip(old_anchors[i1:i2], new_anchors[j1:j2], strict=False):
                    if target not in names and source not in names.values():
                        names[target] = source
    fresh = (f"nf{n}" for n in count(1) if f"nf{n}" not in old.footnotes)
    for ident in new.footnotes:
        if ident not in names:
            names[ident] = next(fresh)
    return names


def _words(note: Footnote) -> str:
    return " ".join(note.text.split())
