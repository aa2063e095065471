"""Hostile and damaged inputs for the fuzz tests (tests/test_fuzz.py) and the long run (tests/bench/fuzz_run.py).

Every input is a mutation of a real one, driven by a `random.Random`, so that the importers get past their
first checks and into their depths: the seed draft and the bundled example as text; our own AKN exports of
both and Word exports of the seed with eight amendments (clean and with tracked changes); the seed's
document file with its amendments and comments. Mutations work on the level each format has: lines and tricky tokens for
text, elements and attributes for XML, parts and bytes for a Word package, rows, values and schema for a
document file.

The property checked is the same everywhere: the input is read, or refused with a `UserError` (one
sentence for the user); any other exception is a bug.
"""

from __future__ import annotations

import contextlib
import copy
import functools
import io
import random
import sqlite3
import tempfile
import zipfile
from pathlib import Path

from lxml import etree

from conftest import REPO, SEED
from negotiation import EIGHT_AMENDMENTS
from resdesk.cli import main
from resdesk.errors import UserError
from resdesk.formats.sources import document_from_bytes

TOKENS = [
    "The General Assembly,", "The Security Council,", "1.", "999.", "1000.", "1001.", "(a)", "(iv)", "(z)",
    "*", "**", "_", "[", "](", ")", "[66/171](https://undocs.org/A/RES/66/171)", "¹", "²³", "¹" * 60,
    "\f", "\v", "\u00a0", "\u200b", "\u202e", "\ufeff", "中文", "العربية", "Annex", "I.", "A.", "Distr.: General",
    "A/RES/80/1", "A/C.3/68/L.5/Rev.1", "\t", "\r", "\r\n", "#", "—", "Also requests", "Recalling", "Decides",
    "\U0001f600", "x" * 3000, " " * 80, "\n\n", ";", ".", "%", "<", "&", "&amp;", "]]>", "Original: English",
    "Sixty-eighth session", "Agenda item 108", "13-49218 (E)", "Please recycle", "*1349218*", "2/5",
    "Note by the Secretariat", "\u2028", "\u0085", "0", "-1", "99999999999999999999",
]
VALUES = [None, 0, -1, 2 ** 62, 1.5, "", "x", "[", "{}", "[]", "null", '"', "true",
          '[["footnote", 0, 0, "f999"]]', '[["italic", 5, 2]]', '[["link", 0, 1, 1]]', '[["bold", 0, 99999]]',
          '[[{"text": "t", "marks": [], "header": true}]]', '[[{"text": 1}]]',
          '{"id": "b1"}', '{"id": "b1", "kind": "x", "text": "t", "parent": null}', '["a", 1]', '"\\u0001"',
          b"\x00\xff", "b1", "b999", "original", "a1", "c1", "proposed", "replace", "operative",
          "subparagraph", "x" * 5000, "\uffff"]


# -- the real inputs the mutations start from ------------------------------------------------------------


@functools.cache
def workspace() -> Path:
    return Path(tempfile.mkdtemp(prefix="resdesk-fuzz-"))


@functools.cache
def negotiated_document() -> bytes:
    """The seed's document file with the eight amendments of the done-criteria and two comments."""
    path = workspace() / "seed.resdesk"
    _ok(["import", str(SEED), "-o", str(path)])
    for delegation, args in EIGHT_AMENDMENTS:
        _ok(["amend", str(path), "--as", delegation, *args])
    _ok(["comment", str(path), "--as", "Mexico", "--on", "OP7", "--text", "We can accept deleting it."])
    _ok(["comment", str(path), "--as", "EU", "--on", "a1", "--text", "Fine.", "--private"])
    return path.read_bytes()


def _ok(args: list[str]) -> None:
    status = main(args)
    assert status == 0, args


def _export(name: str, *options: str) -> bytes:
    negotiated_document()
    out = workspace() / name
    if not out.exists():
        _ok(["export", str(workspace() / "seed.resdesk"), "-o", str(out), *options])
    return out.read_bytes()


@functools.cache
def text_inputs() -> list[bytes]:
    example = REPO / "resources" / "examples" / "early-warning-draft.txt"
    return [SEED.read_bytes(), example.read_bytes()]


@functools.cache
def akn_inputs() -> list[bytes]:
    """AKN holds a clean text: the seed's, and the bundled example's (another layout, footnotes)."""
    example = workspace() / "example.resdesk"
    if not example.exists():
        _ok(["import", str(REPO / "resources" / "examples" / "early-warning-draft.txt"), "-o", str(example)])
        _ok(["export", str(example), "-o", str(workspace() / "example.xml")])
    return [_export("seed.xml"), (workspace() / "example.xml").read_bytes()]


@functools.cache
def docx_inputs() -> list[bytes]:
    return [_export("seed.docx"), _export("seed-tracked.docx", "--mode", "tracked")]


# -- mutations -----------------------------------------------------------------------------------------


def mutate_bytes(data: bytes, rnd: random.Random) -> bytes:
    data = bytearray(data)
    for _ in range(rnd.randint(1, 4)):
        where = rnd.randrange(max(len(data), 1))
        operation = rnd.randrange(5)
        if operation == 0 and data:
            data[where] = rnd.randrange(256)
        elif operation == 1:
            del data[where:where + rnd.randint(1, 64)]
        elif operation == 2:
            data[where:where] = data[where:where + rnd.randint(1, 256)]
        elif operation == 3:
            del data[where:]
        else:
            data[where:where] = rnd.choice(TOKENS).encode("utf-8", "surrogatepass")
    return bytes(data)


def mutate_text(data: bytes, rnd: random.Random) -> bytes:
    if rnd.random() < 0.15:
        return mutate_bytes(data, rnd)
    lines = data.decode("utf-8").split("\n")
    for _ in range(rnd.randint(1, 6)):
        where = rnd.randrange(len(lines))
        operation = rnd.randrange(6)
        if operation == 0:
            del lines[where]
        elif operation == 1:
            lines.insert(where, lines[rnd.randrange(len(lines))])
        elif operation == 2:
            lines.insert(where, rnd.choice(TOKENS))
        elif operation == 3:
            line = lines[where]
            cut = rnd.randint(0, len(line))
            lines[where] = line[:cut] + rnd.choice(TOKENS) + line[cut:]
        elif operation == 4:
            lines[where] = ""
        else:
            lines[where], lines[-1 - where] = lines[-1 - where], lines[where]
        if not lines:
            lines = [""]
    return "\n".join(lines).encode("utf-8")


def mutate_xml(data: bytes, rnd: random.Random) -> bytes:
    """Elements deleted, doubled, moved, renamed; texts and attributes changed (and sometimes raw bytes)."""
    if rnd.random() < 0.1:
        return mutate_bytes(data, rnd)
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    elements = list(root.iter())
    tags = sorted({element.tag for element in elements if isinstance(element.tag, str)})
    names = sorted({name for element in elements for name in element.attrib})
    for _ in range(rnd.randint(1, 5)):
        element = rnd.choice(elements)
        parent = element.getparent()
        operation = rnd.randrange(7)
        if operation == 0 and parent is not None:
            parent.remove(element)
        elif operation == 1 and parent is not None:
            parent.insert(parent.index(element), copy.deepcopy(element))
        elif operation == 2 and parent is not None:
            target = rnd.choice(elements)
            if target is not element and element not in target.iterancestors():
                target.append(element)
        elif operation == 3:
            element.text = rnd.choice(TOKENS).replace("\f", "").replace("\v", "") if rnd.random() < 0.9 else None
        elif operation == 4 and names:
            element.set(rnd.choice(names), rnd.choice(["", "-1", "0", "999999", "x", "#", "99999999999999999999",
                                                        "ltr", "true", "Heading1", "rId999", "f1", "b1"]))
        elif operation == 5 and tags and isinstance(element.tag, str) and parent is not None:
            element.tag = rnd.choice(tags)
        else:
            element.tail = rnd.choice(TOKENS).replace("\f", "").replace("\v", "")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def mutate_docx(data: bytes, rnd: random.Random) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        parts = {info.filename: package.read(info.filename) for info in package.infolist()}
    choice = rnd.random()
    if choice < 0.1:
        return mutate_bytes(data, rnd)
    if choice < 0.2:
        name = rnd.choice(sorted(parts))
        if rnd.random() < 0.5:
            del parts[name]
        else:
            parts[name] = mutate_bytes(parts[name], rnd)
    else:
        xml_parts = sorted(name for name in parts if name.endswith((".xml", ".rels")))
        name = "word/document.xml" if choice < 0.75 else rnd.choice(xml_parts)
        parts[name] = mutate_xml(parts[name], rnd)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, content in parts.items():
            package.writestr(name, content)
    return out.getvalue()


def damage_document(path: Path, rnd: random.Random) -> None:
    """Bit rot and hand edits: values of any type in any column, rows gone, schema changes, bytes overwritten."""
    operation = rnd.random()
    if operation < 0.1:
        data = bytearray(path.read_bytes())
        for _ in range(rnd.randint(1, 8)):
            where = rnd.randrange(100, len(data))
            data[where:where + 8] = bytes(rnd.randrange(256) for _ in range(8))
        path.write_bytes(bytes(data[:len(data) if rnd.random() < 0.8 else rnd.randrange(len(data))]))
        return
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA foreign_keys = OFF")
        tables = [name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for _ in range(rnd.randint(1, 3)):
            table = rnd.choice(tables)
            columns = [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
            rowids = [rowid for (rowid,) in conn.execute(f"SELECT rowid FROM {table}")]
            # A damage SQLite itself refuses (a text for an INTEGER PRIMARY KEY) is simply not done.
            with contextlib.suppress(sqlite3.Error):
                _damage_table(conn, table, columns, rowids, rnd.random(), rnd)
        conn.commit()
    finally:
        conn.close()


def _damage_table(conn, table: str, columns: list[str], rowids: list[int], kind: float, rnd: random.Random):
    if kind < 0.7 and rowids:
        conn.execute(f"UPDATE {table} SET {rnd.choice(columns)} = ? WHERE rowid = ?",
                     (rnd.choice(VALUES), rnd.choice(rowids)))
    elif kind < 0.85 and rowids:
        conn.execute(f"DELETE FROM {table} WHERE rowid = ?", (rnd.choice(rowids),))
    else:
        conn.execute(rnd.choice([
            "DROP INDEX IF EXISTS block_order",
            "CREATE TRIGGER t AFTER UPDATE ON amendment BEGIN SELECT 1; END",
            "CREATE VIEW v AS SELECT 1", f"ALTER TABLE {table} ADD COLUMN extra TEXT",
            f"PRAGMA user_version = {rnd.choice([0, 1, 2, 3, 99])}", "PRAGMA application_id = 7",
            "DELETE FROM version", "DELETE FROM setting",
        ]))


# -- the property ---------------------------------------------------------------------------------------


def read_or_refuse(fmt: str, data: bytes) -> str:
    """"read" or "refused"; any other exception than a UserError escapes (a bug)."""
    try:
        document_from_bytes(data, {"text": "fuzz.txt", "akn": "fuzz.xml", "docx": "fuzz.docx"}.get(fmt, "fuzz"), fmt)
    except UserError:
        return "refused"
    return "read"


DOCUMENT_COMMANDS = [
    ["check-file", "{doc}"], ["outline", "{doc}"], ["outline", "{doc}", "--json", "--view", "markup"],
    ["outline", "{doc}", "--view", "consolidated"], ["meta", "{doc}"], ["delegation", "{doc}"],
    ["status", "{doc}", "a1", "agreed"], ["comment", "{doc}", "--as", "EU", "--on", "OP1", "--text", "Hm."],
    ["amend", "{doc}", "--as", "EU", "--in", "OP2", "--replace", "to continue", "--with", "to go on"],
    ["meta", "{doc}", "--set", "symbol=A/1"], ["revise", "{doc}"],
]
EXPORT_COMMANDS = [["export", "{doc}", "-o", "{out}.docx", "--mode", "tracked"], ["export", "{doc}", "-o", "{out}.xml"]]


def use_damaged(path: Path, *, exports: bool) -> list[int]:
    """Run every command on a damaged document file; their exit statuses (0, 1 or 2). A bug raises."""
    statuses = []
    commands = DOCUMENT_COMMANDS + (EXPORT_COMMANDS if exports else [])
    for command in commands:
        args = [part.format(doc=path, out=path.with_suffix("")) for part in command]
        status = main(args)
        assert status in (0, 1, 2), (args, status)
        statuses.append(status)
    return statuses
