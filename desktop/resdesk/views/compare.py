"""Comparing two versions (Rev.1 against the original): the same markup, from the differences.

The Secretariat wants every change of a revised draft shown against the text
it revises. Rather than a second diff renderer, the differences between two
versions are expressed as amendments of the older one (blocks are matched by
their stable ids) and shown with `resdesk.views.markup.markup`, so a
comparison looks exactly like proposals: word-level changes inside a
paragraph, deleted, inserted and moved paragraphs.

- a block of the old version missing from the new one is deleted (with its sub-paragraphs);
- a block only in the new version is inserted after the nearest paragraph before it that both
  versions keep in the same order;
- blocks kept in both but out of their old order (outside the longest common order) are moved;
- a changed text becomes word-level replacements (`resdesk.text.diff.replacement_from_edit`).

Limits, by construction: inserted text carries no marks (a footnote added in
the new version shows as plain text); a new first sub-paragraph is shown
after its paragraph's other sub-paragraphs.
"""

from __future__ import annotations

import copy
from difflib import SequenceMatcher
from itertools import zip_longest

from resdesk.amend.anchors import TextIndex
from resdesk.amend.filters import AmendmentFilter
from resdesk.model.amendment import AGREED, DELETE_BLOCK, INSERT_BLOCK, MOVE_BLOCK, REPLACE, Amendment
from resdesk.model.document import SUBPARAGRAPH, Document
from resdesk.text.diff import replacement_from_edit
from resdesk.views.markup import Markup, markup


def version_changes(old: Document, new: Document, author: str = "") -> list[Amendment]:
    """The differences from `old` to `new` as amendments of `old` (ids "r1", "r2", …, status agreed)."""
    old_index, new_index = TextIndex.of(old), TextIndex.of(new)
    changes: list[Amendment] = []

    def add(kind: str, target: str, **fields) -> None:
        changes.append(Amendment(id=f"r{len(changes) + 1}", version=old.version, author=author, kind=kind,
                                 target=target, status=AGREED, **fields))

    for old_blocks, new_blocks in zip_longest(old_index.parts(), new_index.parts(), fillvalue=[]):
        new_ids = {b.id for b in new_blocks}
        old_ids = {b.id for b in old_blocks}
        for block in old_blocks:
            parent_gone = not old_index.is_top(block) and block.parent not in new_ids
            if block.id not in new_ids and not parent_gone:
                add(DELETE_BLOCK, block.id, old=block.text)
        stable = _stable(old_blocks, new_blocks, old_ids, new_ids)
        last_stable: dict[str | None, str] = {}
        for block in new_blocks:
            level = block.parent if block.kind == SUBPARAGRAPH else None
            anchor = last_stable.get(level) or (block.parent if level else "")
            if block.id not in old_ids:
                if anchor:
                    add(INSERT_BLOCK, anchor, new_block=copy.deepcopy(block))
                continue
            if block.id in stable:
                last_stable[level] = block.id
            elif anchor:
                add(MOVE_BLOCK, block.id, after=anchor)
            before = old_index.blocks[block.id].text
            for change in replacement_from_edit(before, block.text):
                add(REPLACE, block.id, start=change.start, end=change.end, old=change.old, new=change.new)
    return changes


def _stable(old_blocks, new_blocks, old_ids: set[str], new_ids: set[str]) -> set[str]:
    """Ids of the blocks kept in both versions in the same relative order (the longest common order)."""
    result: set[str] = set()
    groups: dict[str | None, tuple[list[str], list[str]]] = {}
    for block in old_blocks:
        if block.id in new_ids:
            groups.setdefault(block.parent if block.kind == SUBPARAGRAPH else None, ([], []))[0].append(block.id)
    for block in new_blocks:
        if block.id in old_ids:
            groups.setdefault(block.parent if block.kind == SUBPARAGRAPH else None, ([], []))[1].append(block.id)
    for old_order, new_order in groups.values():
        matcher = SequenceMatcher(None, old_order, new_order, autojunk=False)
        for match in matcher.get_matching_blocks():
            result.update(old_order[match.a:match.a + match.size])
    return result


def compare(old: Document, new: Document, author: str = "") -> Markup:
    """The markup of `new` against `old`: every difference shown as a change by `author`.

    Records are labelled as in the new version (deleted ones and moved-from
    places keep their old label).
    """
    changes = version_changes(old, new, author)
    view = markup(old, changes, AmendmentFilter(statuses=(AGREED,)))
    new_labels = TextIndex.of(new).labels
    for record in view.blocks:
        if record.state not in ("deleted", "moved-from") and record.id in new_labels:
            record.label = new_labels[record.id]
    return view
