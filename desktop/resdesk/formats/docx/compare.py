"""Version comparison (`--from Rev.1 --to Rev.2`): what changed between two versions, as amendments.

Blocks are matched by their stable ids. A block whose text differs becomes one
replacement per word-level edit (so each edit can have its own author); a
block only in the newer version an insertion after the block before it; a block
only in the older one a deletion; a block whose place among the common blocks
changed a move. Each is attributed to the delegation whose amendment made it:
the amendments the event log records as accepted by the revision that created
the newer version (or, without such a record, the agreed amendments of the older
version), matched by the block they touch and, for word-level edits, by the words
they cover; "Secretariat" when none matches (an edit made directly in the text).
"""

from __future__ import annotations

import json
from difflib import SequenceMatcher

from resdesk.amend.anchors import TextIndex
from resdesk.model.amendment import (
    ACCEPTED_BY_DEFAULT,
    AGREED,
    DELETE_BLOCK,
    INSERT_BLOCK,
    MOVE_BLOCK,
    REPLACE,
    Amendment,
)
from resdesk.model.document import Document
from resdesk.text.diff import word_edits

UNKNOWN_AUTHOR = "Secretariat"


def _accepted_ids(doc, target_version: str) -> set[str] | None:
    """Ids of the amendments the revision that created `target_version` accepted (None: no such record)."""
    for (detail,) in doc.conn.execute("SELECT detail FROM event WHERE action = 'revise' ORDER BY id DESC"):
        try:
            data = json.loads(detail)
        except ValueError:
            continue
        if data.get("to") == target_version:
            return set(data.get("accepted", []))
    return None


def _touched(amendment: Amendment) -> str:
    if amendment.kind == INSERT_BLOCK and amendment.new_block is not None:
        return amendment.new_block.id
    return amendment.target


def comparison(base: Document, target: Document, base_amendments: list[Amendment], doc) -> list[Amendment]:
    """Synthetic amendments turning `base` into `target`, attributed to their delegations."""
    accepted = _accepted_ids(doc, target.version) if doc is not None else None
    if accepted is None:
        sources = [a for a in base_amendments if a.status in ACCEPTED_BY_DEFAULT]
    else:
        sources = [a for a in base_amendments if a.id in accepted]
    by_block: dict[str, Amendment] = {}
    replacements: dict[str, list[Amendment]] = {}
    for amendment in sorted(sources, key=lambda a: a.number):
        by_block.setdefault(_touched(amendment), amendment)
        if amendment.kind == REPLACE:
            replacements.setdefault(amendment.target, []).append(amendment)

    def word_source(block_id: str, start: int, end: int) -> Amendment | None:
        """The accepted replacement covering the old words [start, end) of a block, if any."""
        for amendment in replacements.get(block_id, ()):
            if amendment.start <= end and start <= amendment.end:
                return amendment
        return None

    def made(kind: str, target_id: str, **fields) -> Amendment:
        touched = fields.pop("touched", target_id)
        source = fields.pop("source", None) or by_block.get(touched)
        number = len(result) + 1
        return Amendment(id=f"c{number}", version=base.version, author=source.author if source else UNKNOWN_AUTHOR,
                         kind=kind, target=target_id, status=AGREED, created=source.created if source else "",
                         **fields)

    result: list[Amendment] = []
    old_index, new_index = TextIndex.of(base), TextIndex.of(target)
    old_ids = [b.id for b in base.all_blocks()]
    new_ids = [b.id for b in target.all_blocks()]
    common_old = [i for i in old_ids if i in new_index.blocks]
    common_new = [i for i in new_ids if i in old_index.blocks]
    matcher = SequenceMatcher(None, common_old, common_new, autojunk=False)
    stay = {common_old[block.a + k] for block in matcher.get_matching_blocks() for k in range(block.size)}
    deleted = [i for i in old_ids if i not in new_index.blocks]
    for block_id in deleted:
        parent = old_index.blocks[block_id].parent
        if parent in deleted:
            continue  # deleted with its parent
        result.append(made(DELETE_BLOCK, block_id, old=old_index.blocks[block_id].text))
    previous = ""
    for block_id in new_ids:
        new_block = new_index.blocks[block_id]
        if block_id not in old_index.blocks:
            if previous:
                result.append(made(INSERT_BLOCK, previous, new_block=new_block, touched=block_id))
        else:
            old_block = old_index.blocks[block_id]
            if block_id not in stay and previous and not (new_block.parent and new_block.parent not in stay):
                result.append(made(MOVE_BLOCK, block_id, after=previous))
            if old_block.text != new_block.text:
                for edit in word_edits(old_block.text, new_block.text):
                    result.append(made(REPLACE, block_id, start=edit.start, end=edit.end,
                                       old=old_block.text[edit.start:edit.end], new=edit.insert,
                                       source=word_source(block_id, edit.start, edit.end)))
            previous = block_id
    return result
