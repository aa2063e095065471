"""Collisions between amendments: the explicit policy, in one place.

Two amendments collide (each is flagged with the other's id) when accepting
both would be ambiguous:

1. two word-level replacements in the same paragraph whose ranges overlap
   (see `resdesk.text.diff.overlapping`: shared characters, two insertions at
   the same point, or an insertion strictly inside the other's range; ranges
   that only meet at an end do not collide);
2. any amendment of a paragraph (a replacement, an alternative, a move) and a
   deletion of that paragraph, or of the paragraph it belongs to;
3. two alternatives for the same paragraph, or an alternative and a
   replacement in it (the alternative rewrites every word);
4. two moves of the same paragraph (to different places);
5. a new sub-paragraph of a paragraph and a deletion of that paragraph (or of
   the paragraph it belongs to): the new one would have nothing to belong to;
6. two moves that would each put its paragraph after the other (or after one
   of the other's sub-paragraphs): together they go round in a circle;
7. two sub-amendments of the same amendment whose ranges in its new text overlap
   (as in 1);
8. two changes of the same footnote; a new footnote anchored inside words a
   replacement changes (rule 2 and 3 hold for footnote changes too).

Not collisions: a sub-amendment and the amendment it amends (it changes that
amendment's words, not the text's); two deletions of the same paragraph (same outcome); new
paragraphs proposed after the same paragraph (they are OP3 bis, OP3 ter); a
new paragraph or a moved paragraph placed after a paragraph another amendment
changes or deletes (its place is still defined); a move and a replacement in
another paragraph.

Only live amendments (proposed, agreed ad ref, agreed, bracketed) that are
not stale take part: a withdrawn proposal collides with nothing.
"""

from __future__ import annotations

from resdesk.amend.anchors import TextIndex
from resdesk.model.amendment import (
    ALTERNATIVE,
    DELETE_BLOCK,
    FOOTNOTE_CHANGE,
    INSERT_BLOCK,
    LIVE_STATUSES,
    MOVE_BLOCK,
    REPLACE,
    SUB_AMENDMENT,
    Amendment,
)
from resdesk.model.document import Document
from resdesk.text.diff import overlapping


def _collide(first: Amendment, second: Amendment) -> bool:
    kinds = {first.kind, second.kind}
    if first.kind == REPLACE and second.kind == REPLACE:
        return overlapping((first.start, first.end), (second.start, second.end))
    if DELETE_BLOCK in kinds:  # an insertion is grouped only under the paragraph its new sub-paragraph belongs to
        return len(kinds) == 2 and kinds <= {DELETE_BLOCK, REPLACE, ALTERNATIVE, MOVE_BLOCK, INSERT_BLOCK,
                                             FOOTNOTE_CHANGE}
    if ALTERNATIVE in kinds:
        return kinds <= {ALTERNATIVE, REPLACE, FOOTNOTE_CHANGE}
    if kinds == {FOOTNOTE_CHANGE}:
        return first.footnote_id == second.footnote_id
    if kinds == {FOOTNOTE_CHANGE, REPLACE}:
        note, words = (first, second) if first.kind == FOOTNOTE_CHANGE else (second, first)
        return not note.old and words.start < note.start < words.end
    return first.kind == MOVE_BLOCK and second.kind == MOVE_BLOCK


def find_collisions(document: Document, amendments: list[Amendment],
                    index: TextIndex | None = None) -> dict[str, list[str]]:
    """For every colliding amendment, the ids of those it collides with (sorted by entry); others are absent."""
    index = index or TextIndex.of(document)
    live = [a for a in amendments if a.status in LIVE_STATUSES and not a.stale and a.target in index.blocks]
    by_block: dict[str, list[Amendment]] = {}
    for amendment in live:
        if amendment.kind in (REPLACE, ALTERNATIVE, MOVE_BLOCK, DELETE_BLOCK, FOOTNOTE_CHANGE):
            by_block.setdefault(amendment.target, []).append(amendment)
        elif amendment.kind == INSERT_BLOCK and amendment.new_block is not None and amendment.new_block.parent:
            by_block.setdefault(amendment.new_block.parent, []).append(amendment)
    # A deletion of a paragraph also deletes its sub-paragraphs: it meets their amendments too.
    for amendment in live:
        if amendment.kind == DELETE_BLOCK:
            for descendant in index.subtree(amendment.target)[1:]:
                by_block.setdefault(descendant, []).append(amendment)
    result: dict[str, set[str]] = {}
    for block_amendments in by_block.values():
        ordered = sorted(block_amendments, key=lambda a: (a.start, a.end, a.number))
        for i, first in enumerate(ordered):
            for second in ordered[i + 1:]:
                if first.kind == REPLACE and second.kind == REPLACE and second.start > first.end:
                    break  # sorted by start: no later replacement reaches back into `first`
                if first.id != second.id and _collide(first, second):
                    result.setdefault(first.id, set()).add(second.id)
                    result.setdefault(second.id, set()).add(first.id)
    subs: dict[str, list[Amendment]] = {}
    for amendment in live:
        if amendment.kind == SUB_AMENDMENT:
            subs.setdefault(amendment.amends, []).append(amendment)
    for siblings in subs.values():
        for i, first in enumerate(siblings):
            for second in siblings[i + 1:]:
                if overlapping((first.start, first.end), (second.start, second.end)):
                    result.setdefault(first.id, set()).add(second.id)
                    result.setdefault(second.id, set()).add(first.id)
    moves = [a for a in live if a.kind == MOVE_BLOCK]
    for i, first in enumerate(moves):
        for second in moves[i + 1:]:
            if first.after in index.subtree(second.target) and second.after in index.subtree(first.target):
                result.setdefault(first.id, set()).add(second.id)
                result.setdefault(second.id, set()).add(first.id)
    return {ident: sorted(others, key=lambda x: int(x[1:]) if x[1:].isdigit() else 0)
            for ident, others in sorted(result.items())}
