"""Reading and writing a whole text (one version) to and from the document file."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict, fields

from resdesk.errors import UserError
from resdesk.model.document import Annex, Block, Cell, Document, Footnote, Meta
from resdesk.model.ids import IdAllocator
from resdesk.store.docfile import DocumentFile, now
from resdesk.text.inline import Mark, sorted_marks

ORIGINAL = "original"
_META_FIELDS = {f.name for f in fields(Meta)}


def _marks_json(marks: list[Mark]) -> str:
    return json.dumps([m.to_json() for m in sorted_marks(marks)], ensure_ascii=False)


def _marks(value: str) -> list[Mark]:
    return [Mark.from_json(item) for item in json.loads(value)]


def _rows_json(rows: list[list[Cell]]) -> str | None:
    if not rows:
        return None
    return json.dumps(
        [[{"text": c.text, "marks": [m.to_json() for m in sorted_marks(c.marks)], "header": c.header}
          for c in row] for row in rows],
        ensure_ascii=False,
    )


def _rows(value: str | None) -> list[list[Cell]]:
    if not value:
        return []
    return [[Cell(c["text"], [Mark.from_json(m) for m in c["marks"]], c["header"]) for c in row]
            for row in json.loads(value)]


def block_row(version: int, block: Block, annex: int, position: int) -> tuple:
    """The `block` table row of a block (used by every writer of blocks)."""
    return (version, block.id, annex, position, block.kind, block.parent, block.number, block.level,
            block.text, _marks_json(block.marks), _rows_json(block.rows))


INSERT_BLOCK = (
    "INSERT INTO block (version, id, annex, position, kind, parent, number, level, text, marks, rows) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def block_from_row(row: sqlite3.Row | tuple) -> Block:
    """A Block from `SELECT id, kind, parent, number, level, text, marks, rows FROM block`."""
    block_id, kind, parent, number, level, text, marks, rows = row
    return Block(id=block_id, kind=kind, text=text, marks=_marks(marks), parent=parent,
                 number=number, level=level, rows=_rows(rows))


def write_meta(conn: sqlite3.Connection, version: int, meta: Meta) -> None:
    for key, value in asdict(meta).items():
        conn.execute(
            "INSERT INTO meta (version, key, value) VALUES (?, ?, ?) "
            "ON CONFLICT(version, key) DO UPDATE SET value = excluded.value",
            (version, key, json.dumps(value, ensure_ascii=False)),
        )


def read_meta(conn: sqlite3.Connection, version: int) -> Meta:
    values = {key: json.loads(value) for key, value in
              conn.execute("SELECT key, value FROM meta WHERE version = ?", (version,))
              if key in _META_FIELDS}
    return Meta(**values)


def write_text(conn: sqlite3.Connection, version: int, document: Document) -> None:
    """Write the blocks, footnotes and annexes of `document` into `version` (which must be empty)."""
    rows = [block_row(version, block, 0, position) for position, block in enumerate(document.blocks)]
    for number, annex in enumerate(document.annexes, start=1):
        conn.execute("INSERT INTO annex (version, number, title) VALUES (?, ?, ?)", (version, number, annex.title))
        rows.extend(block_row(version, block, number, position) for position, block in enumerate(annex.blocks))
    conn.executemany(INSERT_BLOCK, rows)
    conn.executemany(
        "INSERT INTO footnote (version, id, text, marks) VALUES (?, ?, ?, ?)",
        [(version, note.id, note.text, _marks_json(note.marks)) for note in document.footnotes.values()],
    )


def read_text(conn: sqlite3.Connection, version: int, document: Document) -> None:
    """Fill `document` with the blocks, footnotes and annexes of `version`."""
    annexes: dict[int, Annex] = {}
    for number, title in conn.execute(
        "SELECT number, title FROM annex WHERE version = ? ORDER BY number", (version,)
    ):
        annexes[number] = Annex(title=title)
    for row in conn.execute(
        "SELECT annex, id, kind, parent, number, level, text, marks, rows FROM block "
        "WHERE version = ? ORDER BY annex, position",
        (version,),
    ):
        block = block_from_row(row[1:])
        if row[0] == 0:
            document.blocks.append(block)
        else:
            annexes[row[0]].blocks.append(block)
    document.annexes = list(annexes.values())
    for note_id, text, marks in conn.execute(
        "SELECT id, text, marks FROM footnote WHERE version = ? ORDER BY rowid", (version,)
    ):
        document.footnotes[note_id] = Footnote(id=note_id, text=text, marks=_marks(marks))


# -- versions -------------------------------------------------------------------------------


def version_names(doc: DocumentFile) -> list[str]:
    return [name for (name,) in doc.conn.execute("SELECT name FROM version ORDER BY id")]


def version_id(doc: DocumentFile, name: str | None = None) -> int:
    """The id of the version called `name`, or of the current version when `name` is None."""
    if name is None:
        current = doc.setting("current_version")
        if current:
            return int(current)
        row = doc.conn.execute("SELECT max(id) FROM version").fetchone()
        if row[0] is None:
            raise UserError(f"{doc.path.name} holds no text.")
        return row[0]
    row = doc.conn.execute("SELECT id FROM version WHERE name = ?", (name,)).fetchone()
    if row is None:
        known = ", ".join(version_names(doc))
        raise UserError(f"{doc.path.name} has no version called {name!r} (it has: {known}).")
    return row[0]


def previous_version(doc: DocumentFile, name: str | None = None) -> str | None:
    """The name of the version that version `name` (the current one by default) was revised from, or None."""
    row = doc.conn.execute("SELECT earlier.name FROM version AS later JOIN version AS earlier "
                           "ON earlier.id = later.based_on WHERE later.id = ?", (version_id(doc, name),)).fetchone()
    return row[0] if row else None


def add_version(doc: DocumentFile, name: str, document: Document, based_on: int | None = None) -> int:
    """Store `document` as a new version called `name` and make it the current one.

    Call inside a transaction. Block and footnote id counters move past every id
    used, so ids are never handed out twice.
    """
    conn = doc.conn
    if conn.execute("SELECT 1 FROM version WHERE name = ?", (name,)).fetchone():
        raise UserError(f"{doc.path.name} already has a version called {name!r}.")
    cursor = conn.execute(
        "INSERT INTO version (name, based_on, created) VALUES (?, ?, ?)", (name, based_on, now())
    )
    version = cursor.lastrowid
    write_meta(conn, version, document.meta)
    write_text(conn, version, document)
    set_current_version(doc, version)
    reserve_ids(doc, [b.id for b in document.all_blocks()], list(document.footnotes))
    return version


def set_current_version(doc: DocumentFile, version: int) -> None:
    doc.set_setting("current_version", str(version))


def remove_version(doc: DocumentFile, version: int) -> None:
    """Delete a version's text and metadata (inside a transaction; undoing a revision). Ids it used stay
    reserved, so they are never handed out again."""
    conn = doc.conn
    if conn.execute("SELECT 1 FROM amendment WHERE version = ? LIMIT 1", (version,)).fetchone() or \
            conn.execute("SELECT 1 FROM version WHERE based_on = ? LIMIT 1", (version,)).fetchone():
        raise UserError("That version has amendments or later versions of its own; it cannot be removed.")
    for table in ("meta", "annex", "block", "footnote", "voting_order"):
        conn.execute(f"DELETE FROM {table} WHERE version = ?", (version,))
    conn.execute("DELETE FROM version WHERE id = ?", (version,))


def reserve_ids(doc: DocumentFile, block_ids: list[str], footnote_ids: list[str]) -> None:
    """Remember the highest ids in use, so `new_block_id` never reuses one."""
    for key, prefix, ids in (("next_block", "b", block_ids), ("next_footnote", "f", footnote_ids)):
        allocator = IdAllocator(prefix, int(doc.setting(key, "1")))
        allocator.reserve_existing(ids)
        doc.set_setting(key, str(allocator.next))


def _new_id(doc: DocumentFile, key: str, prefix: str) -> str:
    allocator = IdAllocator(prefix, int(doc.setting(key, "1")))
    value = allocator()
    doc.set_setting(key, str(allocator.next))
    return value


def new_block_id(doc: DocumentFile) -> str:
    """A block id never used in this document; call inside a transaction."""
    return _new_id(doc, "next_block", "b")


def new_footnote_id(doc: DocumentFile) -> str:
    """A footnote id never used in this document; call inside a transaction."""
    return _new_id(doc, "next_footnote", "f")


def load(doc: DocumentFile, version: str | None = None) -> Document:
    """The whole text of a version (the current one by default)."""
    vid = version_id(doc, version)
    name = doc.conn.execute("SELECT name FROM version WHERE id = ?", (vid,)).fetchone()[0]
    document = Document(meta=read_meta(doc.conn, vid), version=name)
    read_text(doc.conn, vid, document)
    return document


IMPORTED_FROM = "imported_from"  # setting: the source file's name and SHA-256 ({"name", "sha256"})


def create_document(path, document: Document, *, force: bool = False, source: str = "", source_digest: str = "",
                    keep_open: bool = True, then=None) -> DocumentFile | None:
    """Create a new document file holding `document` as its version "original".

    `source` is the name of the file it was read from (no folder: the document may travel) and
    `source_digest` that file's SHA-256, so that the same source can be recognised later
    (`imported_from`); `then(doc)` adds more (the proposals of a draft based on this text) before the
    file appears, so that a failure leaves nothing. Returns it opened for writing, or None with
    `keep_open=False`.
    """

    def fill(doc: DocumentFile) -> None:
        with doc.transaction("import", detail={"source": source}):
            add_version(doc, ORIGINAL, document)
            if source_digest:
                doc.set_setting(IMPORTED_FROM, json.dumps({"name": source, "sha256": source_digest}))
            if then is not None:
                then(doc)

    return DocumentFile.create(path, force=force, fill=fill, keep_open=keep_open)


def imported_from(doc: DocumentFile) -> tuple[str, str]:
    """The name and SHA-256 of the file the document was imported from (("", "") when unknown)."""
    value = doc.setting(IMPORTED_FROM)
    if not value:
        return "", ""
    data = json.loads(value)
    return data.get("name", ""), data.get("sha256", "")


def set_meta(doc: DocumentFile, changes: dict, *, actor: str = "") -> Meta:
    """Change metadata fields of the current version in one transaction."""
    vid = version_id(doc)
    meta = read_meta(doc.conn, vid)
    for key, value in changes.items():
        if key not in _META_FIELDS:
            raise UserError(f"{key!r} is not a metadata field (known: {', '.join(sorted(_META_FIELDS))}).")
        setattr(meta, key, value)
    with doc.transaction("set-meta", actor=actor, version=vid, detail=changes) as conn:
        write_meta(conn, vid, meta)
    return meta
