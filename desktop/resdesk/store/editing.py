"""Block editing on the document file: one function per user action, each one transaction.

Every function works on the current version and returns what is needed to
invert it, so an undo command can call the inverse operation (which is itself
committed at once). Positions are indices in the ordered list of blocks of one
part of the text (the main text or one annex); a paragraph always travels with
its sub-paragraphs.

No Qt here: the editor's undo commands call these, and so can scripts and tests.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from resdesk.errors import UserError
from resdesk.model import tree
from resdesk.model.document import OPERATIVE, PREAMBULAR, SUBPARAGRAPH, Block
from resdesk.store.docfile import DocumentFile
from resdesk.store.documents import (
    INSERT_BLOCK,
    block_from_row,
    block_row,
    new_block_id,
    new_footnote_id,
    version_id,
)
from resdesk.text.inline import FOOTNOTE, Mark, sorted_marks

_SELECT = "SELECT id, kind, parent, number, level, text, marks, rows FROM block"


@dataclass(frozen=True)
class Placed:
    """A block with where it stood: for putting deleted blocks back."""

    annex: int
    position: int
    block: Block


@dataclass(frozen=True)
class Structure:
    """A block's kind and parent, as before a change of structure."""

    block_id: str
    kind: str
    parent: str | None


@dataclass(frozen=True)
class TextState:
    text: str
    marks: list[Mark] = field(default_factory=list)


# -- reading ------------------------------------------------------------------------------------


def _part(doc: DocumentFile, vid: int, block_id: str) -> tuple[int, int]:
    row = doc.conn.execute("SELECT annex, position FROM block WHERE version = ? AND id = ?", (vid, block_id)).fetchone()
    if row is None:
        raise UserError(f"The paragraph {block_id} is not in the current version of {doc.path.name}.")
    return row[0], row[1]


def _blocks(doc: DocumentFile, vid: int, annex: int) -> list[Block]:
    rows = doc.conn.execute(f"{_SELECT} WHERE version = ? AND annex = ? ORDER BY position", (vid, annex))
    return [block_from_row(row) for row in rows]


def _index(blocks: list[Block], block_id: str) -> int:
    for index, block in enumerate(blocks):
        if block.id == block_id:
            return index
    raise KeyError(block_id)


def _write_order(doc: DocumentFile, vid: int, annex: int, before: list[Block], after: list[Block]) -> None:
    """Store the new order of one part, touching only the rows whose position changed."""
    old = {block.id: position for position, block in enumerate(before)}
    doc.conn.executemany(
        "UPDATE block SET position = ? WHERE version = ? AND id = ?",
        [(position, vid, block.id) for position, block in enumerate(after) if old.get(block.id) != position],
    )


def _set_structure(doc: DocumentFile, vid: int, block_id: str, kind: str, parent: str | None) -> None:
    doc.conn.execute("UPDATE block SET kind = ?, parent = ? WHERE version = ? AND id = ?",
                     (kind, parent, vid, block_id))


def _marks_json(marks) -> str:
    return json.dumps([m.to_json() for m in sorted_marks(list(marks))], ensure_ascii=False)


# -- text ---------------------------------------------------------------------------------------


def update_text(doc: DocumentFile, block_id: str, text: str, marks: list[Mark], *, actor: str = "") -> TextState:
    """Replace a block's text and marks; returns the previous ones."""
    return _replace_text(doc, "block", block_id, text, marks, "edit-text", f"The paragraph {block_id}", actor)


def _replace_text(doc: DocumentFile, table: str, ident: str, text: str, marks, action: str, what: str,
                  actor: str) -> TextState:
    """Replace the text and marks of row `ident` of `table` ("block" or "footnote") in the current version, as
    one logged `action`; returns the previous ones. `what` names it in the error ("The paragraph b7")."""
    vid = version_id(doc)
    row = doc.conn.execute(f"SELECT text, marks FROM {table} WHERE version = ? AND id = ?", (vid, ident)).fetchone()
    if row is None:
        raise UserError(f"{what} is not in the current version of {doc.path.name}.")
    previous = TextState(row[0], [Mark.from_json(item) for item in json.loads(row[1])])
    with doc.transaction(action, actor=actor, version=vid, detail={table: ident}) as conn:
        conn.execute(f"UPDATE {table} SET text = ?, marks = ? WHERE version = ? AND id = ?",
                     (text, _marks_json(marks), vid, ident))
    return previous


# -- adding and deleting -----------------------------------------------------------------------


def insert_block(doc: DocumentFile, after_id: str | None, kind: str, text: str = "", marks=(),
                 parent: str | None = None, *, annex: int = 0, block_id: str | None = None,
                 actor: str = "") -> str:
    """Insert a new block after `after_id` and its sub-paragraphs (at the start of `annex` when None).

    Returns the new block's id (from `new_block_id`, or `block_id` when redoing).
    """
    vid = version_id(doc)
    with doc.transaction("insert-block", actor=actor, version=vid, detail={"after": after_id, "kind": kind}) as conn:
        if after_id is not None:
            annex, _ = _part(doc, vid, after_id)
            blocks = _blocks(doc, vid, annex)
            position = tree.group_end(blocks, _index(blocks, after_id))
        else:
            position = 0
        new_id = block_id or new_block_id(doc)
        conn.execute("UPDATE block SET position = position + 1 WHERE version = ? AND annex = ? AND position >= ?",
                     (vid, annex, position))
        conn.execute(INSERT_BLOCK, block_row(vid, Block(new_id, kind, text, list(marks), parent), annex, position))
    return new_id


def delete_block(doc: DocumentFile, block_id: str, *, actor: str = "") -> list[Placed]:
    """Delete a block with its sub-paragraphs; returns them as they stood (for `restore_blocks`)."""
    vid = version_id(doc)
    annex, _ = _part(doc, vid, block_id)
    blocks = _blocks(doc, vid, annex)
    start = _index(blocks, block_id)
    end = tree.group_end(blocks, start)
    removed = [Placed(annex, position, blocks[position]) for position in range(start, end)]
    with doc.transaction("delete-block", actor=actor, version=vid, detail={"block": block_id}) as conn:
        conn.executemany("DELETE FROM block WHERE version = ? AND id = ?", [(vid, p.block.id) for p in removed])
        conn.execute("UPDATE block SET position = position - ? WHERE version = ? AND annex = ? AND position >= ?",
                     (end - start, vid, annex, end))
    return removed


def restore_blocks(doc: DocumentFile, placed: list[Placed], *, actor: str = "") -> None:
    """Put back blocks removed by `delete_block` (the inverse of a deletion)."""
    if not placed:
        return
    vid = version_id(doc)
    annex = placed[0].annex
    start = min(p.position for p in placed)
    with doc.transaction("restore-blocks", actor=actor, version=vid,
                         detail={"block": placed[0].block.id}) as conn:
        conn.execute("UPDATE block SET position = position + ? WHERE version = ? AND annex = ? AND position >= ?",
                     (len(placed), vid, annex, start))
        conn.executemany(INSERT_BLOCK, [block_row(vid, p.block, p.annex, p.position) for p in placed])


# -- moving -------------------------------------------------------------------------------------


def move_block(doc: DocumentFile, block_id: str, position: int, *, actor: str = "") -> int:
    """Move a block (with its sub-paragraphs) so that it starts at `position`.

    `position` counts the blocks of its part once the moved group is taken out
    (0 = first; len = last). Returns the position it had, in the same terms,
    so `move_block(doc, block_id, returned)` undoes the move.
    """
    vid = version_id(doc)
    annex, _ = _part(doc, vid, block_id)
    blocks = _blocks(doc, vid, annex)
    start = _index(blocks, block_id)
    end = tree.group_end(blocks, start)
    group = blocks[start:end]
    rest = blocks[:start] + blocks[end:]
    position = max(0, min(position, len(rest)))
    reordered = rest[:position] + group + rest[position:]
    with doc.transaction("move-block", actor=actor, version=vid, detail={"block": block_id, "to": position}):
        _write_order(doc, vid, annex, blocks, reordered)
    return start


def _sibling_positions(blocks: list[Block], block: Block) -> list[int]:
    """Where the blocks at `block`'s level stand in `blocks`."""
    level = {b.id for b in tree.siblings(blocks, block)}
    return [position for position, b in enumerate(blocks) if b.id in level]


def neighbour_position(doc: DocumentFile, block_id: str, step: int) -> int | None:
    """The `move_block` position that moves a block one place up (-1) or down (+1) among its siblings.

    None when it is already first or last there.
    """
    vid = version_id(doc)
    annex, _ = _part(doc, vid, block_id)
    blocks = _blocks(doc, vid, annex)
    index = _index(blocks, block_id)
    siblings = _sibling_positions(blocks, blocks[index])
    place = siblings.index(index)
    target = place + step
    if not 0 <= target < len(siblings):
        return None
    size = tree.group_end(blocks, index) - index
    other = siblings[target]
    if step < 0:
        return other
    return tree.group_end(blocks, other) - size


def move_up(doc: DocumentFile, block_id: str, *, actor: str = "") -> int | None:
    """Move a block above its previous sibling; returns the old position (None: nothing moved)."""
    position = neighbour_position(doc, block_id, -1)
    return None if position is None else move_block(doc, block_id, position, actor=actor)


def move_down(doc: DocumentFile, block_id: str, *, actor: str = "") -> int | None:
    """Move a block below its next sibling; returns the old position (None: nothing moved)."""
    position = neighbour_position(doc, block_id, +1)
    return None if position is None else move_block(doc, block_id, position, actor=actor)


# -- kind and level -------------------------------------------------------------------------------


def set_kind(doc: DocumentFile, block_id: str, kind: str, *, actor: str = "") -> str:
    """Make a top-level paragraph preambular or operative; returns the previous kind."""
    if kind not in (PREAMBULAR, OPERATIVE):
        raise UserError("Only preambular and operative paragraphs can be exchanged for one another.")
    vid = version_id(doc)
    row = doc.conn.execute("SELECT kind FROM block WHERE version = ? AND id = ?", (vid, block_id)).fetchone()
    if row is None:
        raise UserError(f"The paragraph {block_id} is not in the current version of {doc.path.name}.")
    with doc.transaction("set-kind", actor=actor, version=vid, detail={"block": block_id, "kind": kind}) as conn:
        conn.execute("UPDATE block SET kind = ? WHERE version = ? AND id = ?", (kind, vid, block_id))
    return row[0]


def indent(doc: DocumentFile, block_id: str, *, actor: str = "") -> list[Structure]:
    """Make a paragraph a sub-paragraph of its previous sibling; returns the structure before.

    Its own sub-paragraphs go with it, one level deeper.
    """
    vid = version_id(doc)
    annex, _ = _part(doc, vid, block_id)
    blocks = _blocks(doc, vid, annex)
    index = _index(blocks, block_id)
    block = blocks[index]
    siblings = _sibling_positions(blocks, block)
    place = siblings.index(index)
    if place == 0 or block.kind not in (PREAMBULAR, OPERATIVE, SUBPARAGRAPH):
        raise UserError("There is no paragraph above at the same level to make this one a sub-paragraph of.")
    new_parent = blocks[siblings[place - 1]]
    before = [Structure(block.id, block.kind, block.parent)]
    with doc.transaction("indent", actor=actor, version=vid, detail={"block": block_id}):
        _set_structure(doc, vid, block.id, SUBPARAGRAPH, new_parent.id)
    return before


def outdent(doc: DocumentFile, block_id: str, *, actor: str = "") -> list[Structure]:
    """Make a sub-paragraph a sibling of its parent; returns the structure before.

    The text keeps its order: the sub-paragraphs that followed it under the same
    parent become its own sub-paragraphs (as lists do in word processors).
    """
    vid = version_id(doc)
    annex, _ = _part(doc, vid, block_id)
    blocks = _blocks(doc, vid, annex)
    index = _index(blocks, block_id)
    block = blocks[index]
    if block.kind != SUBPARAGRAPH or block.parent is None:
        raise UserError("Only a sub-paragraph can be moved out one level.")
    parent = blocks[_index(blocks, block.parent)]
    later = [b for b in blocks[index + 1:] if b.kind == SUBPARAGRAPH and b.parent == parent.id]
    before = [Structure(block.id, block.kind, block.parent)] + [Structure(b.id, b.kind, b.parent) for b in later]
    with doc.transaction("outdent", actor=actor, version=vid, detail={"block": block_id}):
        _set_structure(doc, vid, block.id, parent.kind, parent.parent)
        for follower in later:
            _set_structure(doc, vid, follower.id, SUBPARAGRAPH, block.id)
    return before


def restore_structure(doc: DocumentFile, states: list[Structure], *, actor: str = "") -> list[Structure]:
    """Give blocks back the kinds and parents in `states` (the inverse of indent/outdent).

    Returns the structure it replaced, so the same call redoes.
    """
    vid = version_id(doc)
    before = []
    for state in states:
        row = doc.conn.execute("SELECT kind, parent FROM block WHERE version = ? AND id = ?",
                               (vid, state.block_id)).fetchone()
        before.append(Structure(state.block_id, row[0], row[1]))
    with doc.transaction("restructure", actor=actor, version=vid, detail={"block": states[0].block_id}):
        for state in states:
            _set_structure(doc, vid, state.block_id, state.kind, state.parent)
    return before


# -- footnotes ------------------------------------------------------------------------------------


def set_footnote_text(doc: DocumentFile, footnote_id: str, text: str, marks=(), *, actor: str = "") -> TextState:
    """Change a footnote's text; returns the previous text and marks."""
    return _replace_text(doc, "footnote", footnote_id, text, marks, "edit-footnote", f"The footnote {footnote_id}",
                         actor)


def _block_marks(doc: DocumentFile, vid: int, block_id: str) -> list[Mark]:
    row = doc.conn.execute("SELECT marks FROM block WHERE version = ? AND id = ?", (vid, block_id)).fetchone()
    if row is None:
        raise UserError(f"The paragraph {block_id} is not in the current version of {doc.path.name}.")
    return [Mark.from_json(item) for item in json.loads(row[0])]


def add_footnote(doc: DocumentFile, block_id: str, offset: int, text: str, *, actor: str = "") -> str:
    """Create a footnote with `text` and anchor it in a block at `offset`; returns its id."""
    vid = version_id(doc)
    with doc.transaction("add-footnote", actor=actor, version=vid, detail={"block": block_id}) as conn:
        footnote_id = new_footnote_id(doc)
        conn.execute("INSERT INTO footnote (version, id, text, marks) VALUES (?, ?, ?, '[]')",
                     (vid, footnote_id, text))
        add_footnote_anchor(doc, block_id, offset, footnote_id, actor=actor)
    return footnote_id


def add_footnote_anchor(doc: DocumentFile, block_id: str, offset: int, footnote_id: str, *,
                        actor: str = "") -> None:
    """Anchor an existing footnote in a block at `offset` (a zero-width footnote mark)."""
    vid = version_id(doc)
    marks = _block_marks(doc, vid, block_id) + [Mark(FOOTNOTE, offset, offset, footnote_id)]
    with doc.transaction("add-footnote-anchor", actor=actor, version=vid,
                         detail={"block": block_id, "footnote": footnote_id}) as conn:
        conn.execute("UPDATE block SET marks = ? WHERE version = ? AND id = ?", (_marks_json(marks), vid, block_id))


def remove_footnote_anchor(doc: DocumentFile, block_id: str, footnote_id: str, *, actor: str = "") -> int:
    """Remove a footnote's (first) anchor from a block; returns its offset.

    The footnote's text stays in the file, so undoing (`add_footnote_anchor`)
    brings the same footnote back.
    """
    vid = version_id(doc)
    marks = _block_marks(doc, vid, block_id)
    anchors = [m for m in marks if m.kind == FOOTNOTE and m.target == footnote_id]
    if not anchors:
        raise UserError(f"The paragraph has no marker of footnote {footnote_id}.")
    anchor = min(anchors, key=lambda m: m.start)
    marks.remove(anchor)
    with doc.transaction("remove-footnote-anchor", actor=actor, version=vid,
                         detail={"block": block_id, "footnote": footnote_id}) as conn:
        conn.execute("UPDATE block SET marks = ? WHERE version = ? AND id = ?", (_marks_json(marks), vid, block_id))
    return anchor.start
