"""Is a document file exactly what we wrote? Its schema, and the shape of every value we read back.

A document is a file anyone can edit with an SQLite tool, and bit rot happens. So, on opening:

- `schema_problems` compares the file's schema (tables, columns, indexes, triggers, views) with the one our
  migrations make: an extra trigger would run foreign SQL on our next write, a changed table would be
  misread. Only the exact schema may be written to; a read-only reader needs our tables as we made them.
- `content_problems` checks every value our readers parse: JSON that parses and has its shape (marks,
  table rows, metadata, co-sponsors, proposed paragraphs, groups), kinds and statuses we know, and the rows
  other rows refer to (a block's version, a footnote its anchor names, the current version).

`check_file` (the `resdesk check-file` command) adds SQLite's own `integrity_check` and the event log.
Every problem is one short phrase naming the place: "block b12 of version original: its marks are not JSON".
"""

from __future__ import annotations

import dataclasses
import functools
import json
import sqlite3
from collections.abc import Iterator

from resdesk.model.amendment import KINDS, STATUSES
from resdesk.model.document import BLOCK_KINDS, Meta
from resdesk.store.schema import MIGRATIONS
from resdesk.text.chars import describe, first_unwritable
from resdesk.text.inline import MARK_KINDS

# The settings our code reads as numbers.
_NUMBER_SETTINGS = ("current_version", "next_block", "next_footnote", "next_amendment", "next_comment")
# The type of every metadata field (a list of names, or a string), from the model's own defaults.
_META_TYPES = {field.name: type(getattr(Meta(), field.name)) for field in dataclasses.fields(Meta)}


# -- schema ----------------------------------------------------------------------------------------


@functools.cache
def expected_schema(version: int) -> dict[tuple[str, str], str]:
    """(type, name) -> SQL of every object the first `version` migrations create."""
    conn = sqlite3.connect(":memory:")
    try:
        for migration in MIGRATIONS[:version]:
            conn.executescript(migration)
        return _schema(conn)
    finally:
        conn.close()


def _schema(conn: sqlite3.Connection) -> dict[tuple[str, str], str]:
    """The file's own objects (SQLite's internal ones, named sqlite_…, follow from ours)."""
    return {(kind, name): " ".join((sql or "").split())
            for kind, name, sql in conn.execute("SELECT type, name, sql FROM sqlite_master")
            if not name.startswith("sqlite_")}


def schema_problems(conn: sqlite3.Connection, version: int) -> tuple[list[str], list[str]]:
    """(problems that forbid reading, problems that only forbid writing) of a file at schema `version`.

    Reading needs our tables exactly as we made them; writing needs the whole schema exactly ours (an extra
    trigger runs on our writes, a missing index changes nothing for a reader).
    """
    ours = expected_schema(version)
    theirs = {key: printable(sql) for key, sql in _schema(conn).items()}
    for_reading, for_writing = [], []
    for (kind, name), sql in ours.items():
        found = theirs.get((kind, name))
        problems = for_reading if kind == "table" else for_writing
        if found is None:
            problems.append(f"the {kind} “{name}” is missing")
        elif found != sql:
            problems.append(f"the {kind} “{name}” is not as Resolution Desk made it")
    for (kind, name) in theirs:
        if (kind, name) not in ours:
            for_writing.append(printable(f"it has an extra {kind} “{name}”"))
    return for_reading, for_writing


# -- content ---------------------------------------------------------------------------------------


def _json(value, expected: type):
    """`value` parsed, if it is JSON text of the `expected` type; else None."""
    if not isinstance(value, str):
        return None
    try:
        parsed = json.loads(value)
    except ValueError:
        return None
    return parsed if isinstance(parsed, expected) else None


def _unwritable(*values) -> str:
    """"it holds U+FFFF (…), which no Word or XML file can hold" for the first such character in `values`
    (strings, or lists and objects of them, as parsed from JSON); "" when there is none."""
    for value in values:
        if isinstance(value, str):
            char = first_unwritable(value)
        elif isinstance(value, dict | list):
            char = next((found for item in (value.values() if isinstance(value, dict) else value)
                         if (found := _unwritable(item))), None)
            if char:
                return char
        else:
            char = None
        if char:
            return f"it holds {describe(char)}, which no Word or XML file can hold"
    return ""


def _strings(value) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _marks_problem(value, length: int) -> str:
    """What is wrong with a marks column over a text of `length` characters ("" when nothing)."""
    if value == "[]":
        return ""  # most paragraphs: no marks
    marks = _json(value, list)
    if marks is None:
        return "its marks are not a JSON list"
    for mark in marks:
        if not (isinstance(mark, list) and len(mark) in (3, 4) and mark[0] in MARK_KINDS
                and all(type(offset) is int for offset in mark[1:3])
                and (len(mark) == 3 or isinstance(mark[3], str))):
            return f"its marks hold {json.dumps(mark)[:40]}, which is not a mark"
        if not 0 <= mark[1] <= mark[2] <= length:
            return f"a mark ({mark[1]}–{mark[2]}) lies outside its text of {length} characters"
    return ""


def _rows_problem(value) -> str:
    if value is None:
        return ""
    rows = _json(value, list)
    if rows is None or not all(isinstance(row, list) for row in rows):
        return "its table rows are not a JSON list of rows"
    for row in rows:
        for cell in row:
            if not (isinstance(cell, dict) and isinstance(cell.get("text"), str)
                    and isinstance(cell.get("header"), bool) and isinstance(cell.get("marks"), list)):
                return "a cell of its table is not a text with marks"
            problem = _marks_problem(json.dumps(cell["marks"]), len(cell["text"])) or _unwritable(cell["text"])
            if problem:
                return "a cell of its table: " + problem.replace("its ", "", 1)
    return ""


def _proposed_block_problem(block) -> str:
    if not (isinstance(block, dict) and isinstance(block.get("id"), str) and block.get("kind") in BLOCK_KINDS
            and isinstance(block.get("text"), str) and isinstance(block.get("parent"), str | None)):
        return "its proposed paragraph lacks an id, a known kind or a text"
    return _marks_problem(json.dumps(block.get("marks", [])), len(block["text"]))


def _payload_problem(value) -> str:
    """What is wrong with an amendment's `new_block` column (`resdesk.store.amendments`: the proposed paragraph
    with its marks and `children`, and the `footnotes` it brings); "" when nothing."""
    if value is None:
        return ""
    payload = _json(value, dict)
    if payload is None:
        return "its proposed paragraph is not a JSON object"
    children = payload.get("children", [])
    notes = payload.get("footnotes", [])
    if not (isinstance(children, list) and isinstance(notes, list)):
        return "its proposed sub-paragraphs or footnotes are not JSON lists"
    blocks = ([payload] if payload.keys() - {"children", "footnotes"} else []) + children  # a footnote change: none
    for block in blocks:
        problem = _proposed_block_problem(block)
        if problem:
            return problem
    for note in notes:
        if not (isinstance(note, dict) and isinstance(note.get("id"), str) and isinstance(note.get("text"), str)):
            return "a footnote it proposes lacks an id or a text"
        problem = _marks_problem(json.dumps(note.get("marks", [])), len(note["text"]))
        if problem:
            return "a footnote it proposes: " + problem.replace("its ", "", 1)
    return _unwritable(payload)


def tolerant_text(data: bytes) -> str:
    """An SQLite text as Python text even when it is not UTF-8 (bytes of damage become lone surrogates, which
    `_unwritable` then names): the `text_factory` of a connection being checked."""
    return data.decode("utf-8", "surrogateescape")


def printable(problem: str) -> str:
    """A problem phrase that can be printed whatever damaged bytes it quotes."""
    return problem.encode("utf-8", "replace").decode("utf-8")


def content_problems(conn: sqlite3.Connection) -> Iterator[str]:
    """Every value of the file our readers would trip over, as "where: what" phrases (on a connection whose
    text_factory is `tolerant_text`: a text that is not UTF-8 is named, not raised)."""
    return map(printable, _content_problems(conn))


def _content_problems(conn: sqlite3.Connection) -> Iterator[str]:
    versions = dict(conn.execute("SELECT id, name FROM version"))
    if not versions:
        yield "the file holds no version of the text"
        return

    def version(vid) -> str:
        return f"version {versions[vid]}" if vid in versions else f"version #{vid}"

    for vid, name, based_on in conn.execute("SELECT id, name, based_on FROM version"):
        if not isinstance(name, str) or not name:
            yield f"version #{vid}: it has no name"
        elif problem := _unwritable(name):
            yield f"version #{vid}: its name: {problem}"
        if based_on is not None and based_on not in versions:
            yield f"version {name}: it is based on a version that is not in the file"
    yield from _setting_problems(conn, versions)
    for table in ("meta", "annex", "block", "footnote", "amendment"):
        for (vid,) in conn.execute(f"SELECT DISTINCT version FROM {table}"):
            if vid not in versions:
                yield f"the {table} table: it refers to version #{vid}, which is not in the file"
    for vid, key, value in conn.execute("SELECT version, key, value FROM meta"):
        expected = _META_TYPES.get(key)
        if expected is None:
            continue  # a field of a later version of the format: never read
        parsed = _json(value, expected)
        if parsed is None or (expected is list and not _strings(parsed)):
            what = "a JSON list of names" if expected is list else "a JSON string"
            yield f"the metadata “{key}” of {version(vid)}: it is not {what}"
        elif problem := _unwritable(parsed):
            yield f"the metadata “{key}” of {version(vid)}: {problem}"
    footnotes: dict[int, set[str]] = {}
    for vid, ident, text, marks in conn.execute("SELECT version, id, text, marks FROM footnote"):
        footnotes.setdefault(vid, set()).add(ident)
        if not isinstance(text, str):
            yield f"footnote {ident} of {version(vid)}: its text is not text"
            continue
        problem = _marks_problem(marks, len(text)) or _unwritable(text)
        if problem:
            yield f"footnote {ident} of {version(vid)}: {problem}"
    yield from _block_problems(conn, version, footnotes)
    yield from _negotiation_problems(conn, versions)


def _setting_problems(conn: sqlite3.Connection, versions: dict) -> Iterator[str]:
    settings = dict(conn.execute("SELECT key, value FROM setting"))
    for key in _NUMBER_SETTINGS:
        value = settings.get(key)
        if value is not None and not (isinstance(value, str) and value.isdigit()):
            yield f"the setting “{key}”: it is not a number"
    current = settings.get("current_version")
    if current is not None and current.isdigit() and int(current) not in versions:
        yield "the setting “current_version”: it names a version that is not in the file"
    # Ids are never handed out twice: each counter is past the highest number in use.
    for key, highest in (
            ("next_amendment", "SELECT max(seq) FROM amendment"), ("next_comment", "SELECT max(seq) FROM comment"),
            ("next_block", "SELECT max(CAST(substr(id, 2) AS INTEGER)) FROM block WHERE id GLOB 'b[0-9]*'"),
            ("next_footnote", "SELECT max(CAST(substr(id, 2) AS INTEGER)) FROM footnote WHERE id GLOB 'f[0-9]*'")):
        used = conn.execute(highest).fetchone()[0]
        value = settings.get(key, "1")
        if type(used) is int and isinstance(value, str) and value.isdigit() and int(value) <= used:
            yield f"the setting “{key}”: it would hand out the number {value} again"


def _block_problems(conn: sqlite3.Connection, version, footnotes: dict[int, set[str]]) -> Iterator[str]:
    ids: dict[int, set[str]] = {}
    parents = []
    annexes = {(vid, number) for vid, number in conn.execute("SELECT version, number FROM annex")}
    for vid, ident, annex, position, kind, parent, level, text, marks, rows in conn.execute(
            "SELECT version, id, annex, position, kind, parent, level, text, marks, rows FROM block"):
        ids.setdefault(vid, set()).add(ident)
        problem = ""
        if kind not in BLOCK_KINDS:
            problem = f"its kind “{kind}” is not one Resolution Desk knows"
        elif not (type(position) is int and type(level) is int and type(annex) is int):
            problem = "its position, level or annex is not a whole number"
        elif annex and (vid, annex) not in annexes:
            problem = f"it belongs to annex {annex}, which is not in the file"
        elif not isinstance(text, str):
            problem = "its text is not text"
        else:
            problem = _marks_problem(marks, len(text)) or _rows_problem(rows) or _unwritable(text)
            if not problem and "footnote" in marks and any(
                    mark[0] == "footnote" and (len(mark) < 4 or mark[3] not in footnotes.get(vid, ()))
                    for mark in json.loads(marks)):
                problem = "it anchors a footnote that is not in the file"
        if problem:
            yield f"block {ident} of {version(vid)}: {problem}"
        if parent is not None:
            parents.append((vid, ident, parent))
    for vid, ident, parent in parents:
        if parent not in ids.get(vid, ()):
            yield f"block {ident} of {version(vid)}: its parent paragraph {parent} is not in the file"


def _negotiation_problems(conn: sqlite3.Connection, versions: dict) -> Iterator[str]:
    for ident, kind, status, co_sponsors, new_block, start, end, *texts in conn.execute(
            "SELECT id, kind, status, co_sponsors, new_block, start_offset, end_offset, "
            "author, target, old, new, after_block, justification FROM amendment"):
        where = f"amendment {ident}"
        if kind not in KINDS:
            yield f"{where}: its kind “{kind}” is not one Resolution Desk knows"
        if status not in STATUSES:
            yield f"{where}: its status “{status}” is not one Resolution Desk knows"
        parsed = _json(co_sponsors, list)
        if parsed is None or not _strings(parsed):
            yield f"{where}: its co-sponsors are not a JSON list of names"
        if not (type(start) is int and type(end) is int and all(isinstance(text, str) for text in texts)):
            yield f"{where}: one of its values is not of its kind (text or number)"
        problem = _payload_problem(new_block) or _unwritable(*texts, parsed)
        if problem:
            yield f"{where}: {problem}"
    for ident, private, *texts in conn.execute(
            "SELECT id, private, author, text, block, amendment, reply_to FROM comment"):
        if type(private) is not int or not all(isinstance(text, str) for text in texts):
            yield f"comment {ident}: one of its values is not of its kind (text or number)"
        elif problem := _unwritable(*texts):
            yield f"comment {ident}: {problem}"
    for name, short_name, groups in conn.execute("SELECT name, short_name, groups FROM delegation"):
        parsed = _json(groups, list)
        if parsed is None or not _strings(parsed):
            yield f"the delegation {name}: its groups are not a JSON list of names"
        elif problem := _unwritable(name, short_name, parsed):
            yield f"a delegation: {problem}"


def event_problems(conn: sqlite3.Connection) -> Iterator[str]:
    """The event log (only appended to, never read back by the editor: checked by `check_file` alone)."""
    for ident, detail in conn.execute("SELECT id, detail FROM event"):
        if _json(detail, dict) is None:
            yield printable(f"event {ident} of the log: its detail is not a JSON object")
