"""Comparing two versions (Rev.1 against the original): the same markup, from the differences.

The Secretariat wants every change of a revised draft shown against the text
it revises. Rather than a second diff renderer, the differences between two
versions are expressed as amendments of the older one (blocks are matched by
their stable ids) and shown with `resdesk.views.markup.markup`, so a
comparison looks exactly like proposals: word-level changes inside a
paragraph, deleted, inserted and moved paragraphs.

- a block of the old version missing from the new one is deleted (with its sub-paragraphs);
- a block only in the new version is inserted after the nearest paragraph before it that both
  versions keep in the same order (one placed before all of those: after the older version's
  paragraph that stood there, deleted or moved away, or else as the first sub-paragraph of its
  paragraph); a new paragraph's own sub-paragraphs, and the footnotes the new text refers to,
  go with it;
- blocks kept in both but out of their old order (outside a longest common order that keeps the first
  block of each level in place) are moved;
- a changed text becomes word-level replacements (`resdesk.text.diff.replacement_from_edit`);
- a footnote anchored in a paragraph kept in both whose text changed, a new footnote anchor and an
  anchor taken out become footnote changes (a new anchor in changed words is placed after them).

Both versions must share block and footnote ids (versions of one document do; two texts read
separately are matched first with `resdesk.views.matching.match_blocks`).

Who made each change (`attributed_changes`): the delegation whose amendment, applied by one of the
revisions between the two versions (the store's record of each revision, `resdesk.store.revisions`),
made it: a new paragraph by the amendment that proposed that block; a deletion or a move by the
(latest) amendment that deleted or moved that paragraph (a move the diff reports on another paragraph of the
same reordering, by the one move no other change explains); changed words by the replacement whose
words they overlap (an alternative of that paragraph otherwise); a footnote's change by the footnote
change of that footnote. Changes no applied amendment explains
(text edited directly) are the Secretariat's. The screen, the Word and the PDF comparisons all use it.

Limits, by construction: inserted words carry no italic, bold or link marks; a new block placed
before every top-level block of its part that both versions keep (before the enacting formula) and a
new annex have no paragraph to follow and are not shown.
"""

from __future__ import annotations

import copy
from difflib import SequenceMatcher
from itertools import zip_longest

from resdesk.amend.anchors import TextIndex
from resdesk.amend.filters import AmendmentFilter
from resdesk.model.amendment import (
    AGREED,
    ALTERNATIVE,
    DELETE_BLOCK,
    FOOTNOTE_CHANGE,
    INSERT_BLOCK,
    MOVE_BLOCK,
    PROPOSED,
    REPLACE,
    Amendment,
)
from resdesk.model.document import SUBPARAGRAPH, Block, Document, Footnote
from resdesk.text.diff import replacement_from_edit
from resdesk.text.inline import FOOTNOTE, footnote_anchors
from resdesk.views.markup import DELETED, MOVED_FROM, Markup, markup

UNKNOWN_AUTHOR = "Secretariat"


def version_changes(old: Document, new: Document, author: str = "") -> list[Amendment]:
    """The differences from `old` to `new` as amendments of `old` (ids "r1", "r2", …, status agreed)."""
    old_index, new_index = TextIndex.of(old), TextIndex.of(new)
    changes: list[Amendment] = []
    inserted: dict[str, Amendment] = {}  # new block id -> the insertion it is part of

    def add(kind: str, target: str, **fields) -> Amendment:
        changes.append(Amendment(id=f"r{len(changes) + 1}", version=old.version, author=author, kind=kind,
                                 target=target, status=AGREED, **fields))
        return changes[-1]

    reported: set[str] = set()  # footnotes whose change is recorded (a footnote may have several anchors)
    for old_blocks, new_blocks in zip_longest(old_index.parts(), new_index.parts(), fillvalue=[]):
        new_ids = {b.id for b in new_blocks}
        old_ids = {b.id for b in old_blocks}
        for block in old_blocks:
            parent_gone = not old_index.is_top(block) and block.parent not in new_ids
            if block.id not in new_ids and not parent_gone:
                add(DELETE_BLOCK, block.id, old=block.text)
        stable = _stable(old_blocks, new_blocks, old_ids, new_ids)
        last_stable: dict[str | None, str] = {}
        tops = [b.id for b in old_blocks if old_index.is_top(b)]
        for block in new_blocks:
            level = block.parent if block.kind == SUBPARAGRAPH else None
            siblings = old_index.children.get(level, []) if level else tops
            anchor = last_stable.get(level) or _gone_before_stable(siblings, stable, block.id) or \
                (block.parent if level else "")
            if block.id not in old_ids:
                new_block = copy.deepcopy(block)
                owner = inserted.get(block.parent or "") if level else None
                if owner is not None:
                    owner.new_children.append(new_block)
                elif anchor:
                    owner = add(INSERT_BLOCK, anchor, new_block=new_block)
                if owner is not None:
                    inserted[block.id] = owner
                    owner.footnotes.update(_new_footnotes(old, new, block))
                continue
            if block.id in stable:
                last_stable[level] = block.id
            elif anchor:
                add(MOVE_BLOCK, block.id, after=anchor)
            before = old_index.blocks[block.id]
            if before.text != block.text:
                for change in replacement_from_edit(before.text, block.text):
                    add(REPLACE, block.id, start=change.start, end=change.end, old=change.old, new=change.new)
            if before.marks or block.marks:
                for fields in _footnote_changes(old, new, before, block, reported):
                    add(FOOTNOTE_CHANGE, block.id, **fields)
    return changes


def proposed_changes(old: Document, new: Document, author: str, co_sponsors: list[str] = ()) -> list[Amendment]:
    """`version_changes(old, new)` as proposals of `author` (with `co_sponsors`) on version `old`, ready to be
    stored: no ids yet, status proposed."""
    changes = version_changes(old, new, author)
    for change in changes:
        change.id, change.status = "", PROPOSED
        change.co_sponsors = [name for name in co_sponsors if name != author]
    return changes


def _new_footnotes(old: Document, new: Document, block: Block) -> dict[str, Footnote]:
    """The footnotes of `new` that `block` refers to and `old` does not have."""
    return {m.target: copy.deepcopy(new.footnotes[m.target]) for m in footnote_anchors(block.marks)
            if m.target in new.footnotes and m.target not in old.footnotes}


def _footnote_changes(old: Document, new: Document, before: Block, after: Block, reported: set[str]) -> list[dict]:
    """The footnote changes of one paragraph kept in both versions (fields of a footnote amendment each): a
    footnote whose text changed (once per footnote), a new anchor, an anchor taken out."""
    changes: list[dict] = []
    kept = {m.target for m in after.marks if m.kind == FOOTNOTE}
    anchors = {m.target: m.start for m in footnote_anchors(before.marks)}
    for mark in footnote_anchors(after.marks):
        note = new.footnotes.get(mark.target)
        if note is None or mark.target in reported:
            continue
        own = old.footnotes.get(mark.target)
        if own is None:
            at = _old_offset(before.text, after.text, mark.start)
            changes.append({"start": at, "end": at, "old": "", "new": note.text,
                            "footnotes": {note.id: copy.deepcopy(note)}})
        elif own.text != note.text and mark.target in anchors:
            changes.append({"start": anchors[mark.target], "end": anchors[mark.target], "old": own.text,
                            "new": note.text, "footnotes": {note.id: copy.deepcopy(note)}})
        reported.add(mark.target)
    for mark in footnote_anchors(before.marks):
        own = old.footnotes.get(mark.target)
        if own is not None and mark.target not in kept:
            changes.append({"start": mark.start, "end": mark.start, "old": own.text, "new": "",
                            "footnotes": {mark.target: Footnote(mark.target)}})
    return changes


def _old_offset(before: str, after: str, offset: int) -> int:
    """Where an offset of the new text falls in the old one: inside or at the end of changed words, at the end
    of the words they replace (so that the replacement carries an anchor placed there after its new words)."""
    shift = 0
    for change in replacement_from_edit(before, after):
        start = change.start + shift
        if offset < start:
            break
        if offset <= start + len(change.new):
            return change.end
        shift += len(change.new) - len(change.old)
    return max(0, min(len(before), offset - shift))


def _gone_before_stable(siblings: list[str], stable: set[str], placed: str) -> str:
    """For a block placed before every stable block of its level: the last of the older version's blocks of
    that level before the first stable one (deleted or moved away, their records stay at that place), so that
    the block is shown there and not after its paragraph's sub-paragraphs; "" when there is none."""
    found = ""
    for ident in siblings:
        if ident in stable:
            break
        if ident != placed:
            found = ident
    return found


def _stable(old_blocks, new_blocks, old_ids: set[str], new_ids: set[str]) -> set[str]:
    """Ids of the blocks kept in both versions in the same relative order (a longest common order, starting
    with the first block of each level)."""
    result: set[str] = set()
    groups: dict[str | None, tuple[list[str], list[str]]] = {}
    for block in old_blocks:
        if block.id in new_ids:
            groups.setdefault(block.parent if block.kind == SUBPARAGRAPH else None, ([], []))[0].append(block.id)
    for block in new_blocks:
        if block.id in old_ids:
            groups.setdefault(block.parent if block.kind == SUBPARAGRAPH else None, ([], []))[1].append(block.id)
    for old_order, new_order in groups.values():
        # A block that moves goes after the stable block before it; the first block of a level has none, and
        # "after its paragraph" would put it after its paragraph's sub-paragraphs: so the first block of each
        # level in the newer order stays where it is, and the others move around it.
        if new_order and new_order[0] in old_order:
            result.add(new_order[0])
            old_order, new_order = old_order[old_order.index(new_order[0]) + 1:], new_order[1:]
        matcher = SequenceMatcher(None, old_order, new_order, autojunk=False)
        for match in matcher.get_matching_blocks():
            result.update(old_order[match.a:match.a + match.size])
    return result


def attributed_changes(old: Document, new: Document, sources: list[Amendment]) -> list[Amendment]:
    """`version_changes(old, new)`, each by the delegation whose applied amendment (one of `sources`, the
    amendments the revisions from `old` to `new` applied) made it, dated as that amendment; the
    Secretariat's, undated, when none did (see the module docstring)."""
    changes = version_changes(old, new, UNKNOWN_AUTHOR)
    sources = sorted(sources, key=lambda a: a.number)
    inserted = {a.new_block.id: a for a in sources if a.kind == INSERT_BLOCK and a.new_block is not None}
    on_block: dict[tuple[str, str], list[Amendment]] = {}
    for source in sources:
        on_block.setdefault((source.kind, source.target), []).append(source)
    moved = {c.target for c in changes if c.kind == MOVE_BLOCK}
    unexplained_moves = [a for a in sources if a.kind == MOVE_BLOCK and a.target not in moved]
    for change in changes:
        if change.kind == INSERT_BLOCK:
            source = inserted.get(change.new_block.id)
        elif change.kind in (DELETE_BLOCK, MOVE_BLOCK):
            source = _latest(on_block.get((change.kind, change.target), []))
            if source is None and change.kind == MOVE_BLOCK and len(unexplained_moves) == 1:
                source = unexplained_moves[0]
        elif change.kind == FOOTNOTE_CHANGE:
            source = _latest([a for a in on_block.get((change.kind, change.target), [])
                              if a.footnote_id == change.footnote_id])
        else:
            source = _word_source(change, on_block.get((REPLACE, change.target), []), old.version) or \
                _latest(on_block.get((ALTERNATIVE, change.target), []))
        if source is not None:
            change.author, change.created = source.author, source.created
    return changes


def _latest(sources: list[Amendment]) -> Amendment | None:
    """The last of the amendments that acted on one paragraph (a later revision's move or alternative is the
    one the newer version shows)."""
    return sources[-1] if sources else None


def _word_source(change: Amendment, replacements: list[Amendment], old_version: str) -> Amendment | None:
    """The replacement that made a change of words: one of the older version whose range meets the change's
    (or, failing that, meets it but for the space the diff moved an inserted word's space to), or one of a
    version in between (its offsets are in that version's text) whose words hold the change's."""
    for slack in (0, 1):
        for source in replacements:
            if source.version == old_version and source.start <= change.end + slack \
                    and change.start <= source.end + slack:
                return source
    for source in replacements:
        if source.version != old_version and ((change.new.strip() and change.new.strip() in source.new) or
                                              (change.old.strip() and change.old.strip() in source.old)):
            return source
    return None


def compare(old: Document, new: Document, sources: list[Amendment] = ()) -> Markup:
    """The markup of `new` against `old`: every difference shown as a change by whoever made it (`sources`:
    the amendments the revisions from `old` to `new` applied; without them, every change is the
    Secretariat's).

    Records are labelled as in the new version (deleted ones and moved-from
    places keep their old label).
    """
    return relabelled(markup(old, attributed_changes(old, new, list(sources)), AmendmentFilter(statuses=(AGREED,))),
                      new)


def relabelled(view: Markup, new: Document) -> Markup:
    """A comparison's markup with the labels of the new version (deleted and moved-from records keep theirs)."""
    new_labels = TextIndex.of(new).labels
    for record in view.blocks:
        if record.state not in (DELETED, MOVED_FROM) and record.id in new_labels:
            record.label = new_labels[record.id]
    return view
