"""Amendments in the document file: adding, reading, changing status, re-anchoring; votes.

An amendment is read with the vote that decided it, if any (`Amendment.vote`); `write_vote` keeps
that record (when: `resdesk.amend.decisions`). Every change is one `DocumentFile.transaction` with
the acting delegation as actor, so the event log says who proposed, agreed or withdrew what.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace

from resdesk.errors import UserError
from resdesk.model.amendment import FOOTNOTE_CHANGE, STATUSES, Amendment
from resdesk.model.document import Block, Footnote
from resdesk.model.vote import Vote
from resdesk.store.delegations import ensure_colour
from resdesk.store.docfile import DocumentFile, now
from resdesk.store.documents import new_block_id, new_footnote_id, version_id
from resdesk.text.inline import FOOTNOTE, Mark, sorted_marks

_COLUMNS = ("id, version, author, co_sponsors, status, kind, target, start_offset, end_offset, old, new, "
            "new_block, after_block, justification, created, updated, stale, amends")
_VOTE_COLUMNS = "in_favour, against, abstaining, recorded, without_vote, division"
_SELECT = f"SELECT {_COLUMNS}, vote.amendment, {_VOTE_COLUMNS} FROM amendment LEFT JOIN vote ON vote.amendment = id"


def _marks_value(marks: list[Mark]) -> list:
    return [m.to_json() for m in sorted_marks(marks)]


def _block_value(block: Block) -> dict:
    value = {"id": block.id, "kind": block.kind, "text": block.text, "parent": block.parent}
    if block.marks:
        value["marks"] = _marks_value(block.marks)
    return value


def _block_from(data: dict) -> Block:
    return Block(id=data["id"], kind=data["kind"], text=data["text"], parent=data.get("parent"),
                 marks=[Mark.from_json(m) for m in data.get("marks", ())])


def _payload_json(amendment: Amendment) -> str | None:
    """The `new_block` column: the proposed block (with its marks and `children`) and the `footnotes` the
    amendment brings, as JSON; None when there is neither."""
    value = _block_value(amendment.new_block) if amendment.new_block is not None else {}
    if amendment.new_children:
        value["children"] = [_block_value(child) for child in amendment.new_children]
    if amendment.footnotes:
        value["footnotes"] = [{"id": note.id, "text": note.text, "marks": _marks_value(note.marks)}
                              for note in amendment.footnotes.values()]
    return json.dumps(value, ensure_ascii=False, sort_keys=True) if value else None


def _payload(value: str | None) -> tuple[Block | None, list[Block], dict[str, Footnote]]:
    if not value:
        return None, [], {}
    data = json.loads(value)
    block = _block_from(data) if "kind" in data else None
    children = [_block_from(child) for child in data.get("children", ())]
    notes = {note["id"]: Footnote(note["id"], note["text"], [Mark.from_json(m) for m in note.get("marks", ())])
             for note in data.get("footnotes", ())}
    return block, children, notes


def _version_names(conn: sqlite3.Connection) -> dict[int, str]:
    return dict(conn.execute("SELECT id, name FROM version"))


def _from_row(row: tuple, names: dict[int, str]) -> Amendment:
    (ident, version, author, co_sponsors, status, kind, target, start, end, old, new, new_block, after,
     justification, created, updated, stale, amends, voted, *figures) = row
    vote = None
    if voted is not None:
        in_favour, against, abstaining, recorded, without_vote, division = figures
        vote = Vote(in_favour, against, abstaining, bool(recorded), bool(without_vote), bool(division))
    block, children, notes = _payload(new_block)
    return Amendment(id=ident, version=names[version], author=author, kind=kind, target=target, status=status,
                     co_sponsors=json.loads(co_sponsors), start=start, end=end, old=old, new=new,
                     new_block=block, new_children=children, footnotes=notes, after=after, justification=justification,
                     created=created, updated=updated, stale=bool(stale), amends=amends, vote=vote)


def amendments(doc: DocumentFile, version: str | None = None) -> list[Amendment]:
    """The amendments targeting a version (the current one by default), in order of entry."""
    vid = version_id(doc, version)
    names = _version_names(doc.conn)
    rows = doc.conn.execute(f"{_SELECT} WHERE version = ? ORDER BY seq", (vid,))
    return [_from_row(row, names) for row in rows]


def get_amendment(doc: DocumentFile, ident: str) -> Amendment:
    """One amendment by id, or a UserError naming the id."""
    row = doc.conn.execute(f"{_SELECT} WHERE id = ?", (ident,)).fetchone()
    if row is None:
        raise UserError(f"There is no amendment {ident} in {doc.path.name}.")
    return _from_row(row, _version_names(doc.conn))


def _insert(conn: sqlite3.Connection, seq: int, version: int, amendment: Amendment) -> None:
    conn.execute(
        f"INSERT INTO amendment (seq, {_COLUMNS}) VALUES ({', '.join('?' * 19)})",
        (seq, amendment.id, version, amendment.author, json.dumps(amendment.co_sponsors, ensure_ascii=False),
         amendment.status, amendment.kind, amendment.target, amendment.start, amendment.end, amendment.old,
         amendment.new, _payload_json(amendment), amendment.after, amendment.justification,
         amendment.created, amendment.updated, int(amendment.stale), amendment.amends),
    )


def _next(doc: DocumentFile, key: str) -> int:
    value = int(doc.setting(key, "1"))
    doc.set_setting(key, str(value + 1))
    return value


def add_amendment(doc: DocumentFile, amendment: Amendment, *, actor: str = "") -> Amendment:
    """Store a new amendment (its `id` and timestamps are given here) and return it.

    `amendment.version` names the version it targets; a proposed new block and its sub-paragraphs get
    ids here (never used before in this document, and kept when the block is accepted; the ids they
    come with are placeholders, unique within the amendment, that their `parent` links may name), and
    so do the footnotes the amendment brings, but for the version's own footnote a ``footnote``
    amendment changes; the author and co-sponsors get a colour in this document if they have none yet.
    """
    vid = version_id(doc, amendment.version)
    detail = {"kind": amendment.kind, "target": amendment.target}
    with doc.transaction("propose", actor=actor or amendment.author, version=vid, detail=detail) as conn:
        seq = _next(doc, "next_amendment")
        amendment.id = detail["amendment"] = f"a{seq}"
        _give_ids(doc, vid, amendment)
        amendment.created = amendment.updated = now()
        _insert(conn, seq, vid, amendment)
        for name in amendment.sponsors():
            ensure_colour(doc, name)
    return amendment


def _give_ids(doc: DocumentFile, version: int, amendment: Amendment) -> None:
    """Fresh ids for the new blocks and the new footnotes of `amendment` (inside a transaction), links kept."""
    blocks: dict[str, str] = {}
    for block in amendment.new_blocks():
        fresh = new_block_id(doc)
        blocks[block.id] = fresh
        block.id = fresh
        if block.parent in blocks and block is not amendment.new_block:
            block.parent = blocks[block.parent]
    notes: dict[str, str] = {}
    for ident in list(amendment.footnotes):
        own = doc.conn.execute("SELECT 1 FROM footnote WHERE version = ? AND id = ?", (version, ident)).fetchone()
        if not own or amendment.kind != FOOTNOTE_CHANGE:
            notes[ident] = new_footnote_id(doc)
    if notes:
        amendment.footnotes = {notes.get(ident, ident): replace(note, id=notes.get(ident, ident))
                               for ident, note in amendment.footnotes.items()}
        for block in amendment.new_blocks():
            block.marks = [replace(m, target=notes.get(m.target, m.target)) if m.kind == FOOTNOTE else m
                           for m in block.marks]


def remove_amendment(doc: DocumentFile, ident: str, *, actor: str = "") -> Amendment:
    """Take an amendment (and its vote) out of the file (the undo of proposing it); returns it for
    `restore_amendment`."""
    amendment = get_amendment(doc, ident)
    with doc.transaction("unpropose", actor=actor or amendment.author, detail={"amendment": ident}) as conn:
        write_vote(doc, ident, None)
        conn.execute("DELETE FROM amendment WHERE id = ?", (ident,))
    return amendment


def restore_amendment(doc: DocumentFile, amendment: Amendment, *, actor: str = "") -> Amendment:
    """Put a removed amendment back with its id, anchors, timestamps and vote (the redo of proposing it)."""
    vid = version_id(doc, amendment.version)
    seq = amendment.number
    with doc.transaction("propose", actor=actor or amendment.author, version=vid,
                         detail={"amendment": amendment.id, "kind": amendment.kind, "target": amendment.target,
                                 "restored": True}) as conn:
        _insert(conn, seq, vid, amendment)
        write_vote(doc, amendment.id, amendment.vote)
    return amendment


def write_status(doc: DocumentFile, ident: str, status: str, *, actor: str = "") -> str:
    """Write the status of amendment `ident` (logged with who and when); returns the previous status.

    No rule is checked here: statuses are changed through `resdesk.amend.decisions.set_statuses`,
    which keeps colliding amendments from both being accepted.
    """
    if status not in STATUSES:
        raise UserError(f"“{status}” is not a status; use one of {', '.join(STATUSES)}.")
    current = get_amendment(doc, ident)
    with doc.transaction("set-status", actor=actor, detail={"amendment": ident, "from": current.status,
                                                             "to": status}) as conn:
        conn.execute("UPDATE amendment SET status = ?, updated = ? WHERE id = ?", (status, now(), ident))
    return current.status


def write_vote(doc: DocumentFile, ident: str, vote: Vote | None) -> None:
    """Keep (or, with None, forget) the vote that decided amendment `ident` (inside a transaction; see
    `resdesk.amend.decisions.set_statuses`)."""
    doc.conn.execute("DELETE FROM vote WHERE amendment = ?", (ident,))
    if vote is not None:
        doc.conn.execute(f"INSERT INTO vote (amendment, {_VOTE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)",
                         (ident, vote.yes, vote.no, vote.abstain, int(vote.recorded), int(vote.without_vote),
                          int(vote.division)))


def rewrite_anchor(doc: DocumentFile, amendment: Amendment, version: int) -> None:
    """Point an existing amendment at another version with new anchors (inside a transaction; see revise)."""
    doc.conn.execute(
        "UPDATE amendment SET version = ?, target = ?, start_offset = ?, end_offset = ?, old = ?, "
        "after_block = ?, stale = ?, updated = ? WHERE id = ?",
        (version, amendment.target, amendment.start, amendment.end, amendment.old, amendment.after,
         int(amendment.stale), now(), amendment.id),
    )


def update_amendment(doc: DocumentFile, amendment: Amendment, *, actor: str = "") -> Amendment:
    """Rewrite what a delegation may change in its own proposal: the words (`start`, `end`, `old`, `new`),
    the proposed paragraph (`new_block`), co-sponsors and justification. Returns the amendment as it was,
    for undo (the GUI's propose mode updates a replacement while the delegation types)."""
    previous = get_amendment(doc, amendment.id)
    with doc.transaction("update-amendment", actor=actor or amendment.author,
                         detail={"amendment": amendment.id}) as conn:
        conn.execute(
            "UPDATE amendment SET start_offset = ?, end_offset = ?, old = ?, new = ?, new_block = ?, "
            "co_sponsors = ?, justification = ?, updated = ? WHERE id = ?",
            (amendment.start, amendment.end, amendment.old, amendment.new, _payload_json(amendment),
             json.dumps(amendment.co_sponsors, ensure_ascii=False), amendment.justification, now(), amendment.id),
        )
        for name in amendment.co_sponsors:
            ensure_colour(doc, name)
    return previous
