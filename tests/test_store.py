"""The document file: round trip, identity checks, migrations, transactions, locking, durability."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap

import pytest

from builders import small_document
from resdesk.errors import DocumentFileError, DocumentLockedError, UserError
from resdesk.store.docfile import DocumentFile
from resdesk.store.documents import create_document, load, new_block_id, set_meta, version_names
from resdesk.store.schema import APPLICATION_ID, SCHEMA_VERSION


def test_round_trip_keeps_every_field(tmp_path):
    original = small_document()
    with create_document(tmp_path / "d.resdesk", original):
        pass
    with DocumentFile.open(tmp_path / "d.resdesk", readonly=True) as doc:
        loaded = load(doc)
    assert loaded == original
    assert loaded.version == "original"


def test_file_is_sqlite_with_our_identity(tmp_path):
    create_document(tmp_path / "d.resdesk", small_document()).close()
    conn = sqlite3.connect(tmp_path / "d.resdesk")
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    # Closed documents are one self-contained file: no WAL left beside them.
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()
    assert not (tmp_path / "d.resdesk-wal").exists()
    assert not (tmp_path / "d.resdesk-lock").exists()


def test_create_refuses_to_overwrite_without_force(tmp_path):
    target = tmp_path / "d.resdesk"
    target.write_text("precious")
    with pytest.raises(UserError, match="already exists"):
        create_document(target, small_document())
    assert target.read_text() == "precious"
    create_document(target, small_document(), force=True).close()
    assert target.read_bytes().startswith(b"SQLite format 3")


def test_failed_create_leaves_nothing_behind(tmp_path):
    def broken_fill(doc):
        raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError):
        DocumentFile.create(tmp_path / "d.resdesk", fill=broken_fill)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "content, expected",
    [
        (b"", "not a Resolution Desk document"),
        (b"The General Assembly,\n", "not a Resolution Desk document"),
        (b"PK\x03\x04" + bytes(200), "not a Resolution Desk document"),
    ],
)
def test_non_documents_are_refused(tmp_path, content, expected):
    path = tmp_path / "x.resdesk"
    path.write_bytes(content)
    with pytest.raises(DocumentFileError, match=expected):
        DocumentFile.open(path)
    assert path.read_bytes() == content


def test_foreign_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "other.resdesk"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(DocumentFileError, match="SQLite database but not a Resolution Desk document"):
        DocumentFile.open(path)
    assert path.read_bytes() == before


def test_file_from_newer_version_is_refused_untouched(tmp_path):
    path = tmp_path / "new.resdesk"
    create_document(path, small_document()).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(DocumentFileError, match="newer version of Resolution Desk"):
        DocumentFile.open(path)
    assert path.read_bytes() == before


def test_truncated_file_is_reported_as_damaged(tmp_path):
    path = tmp_path / "d.resdesk"
    create_document(path, small_document()).close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    with pytest.raises(DocumentFileError), DocumentFile.open(path, readonly=True) as doc:
        load(doc)


def test_second_writer_is_told_and_reader_allowed(tmp_path):
    path = tmp_path / "d.resdesk"
    first = create_document(path, small_document())
    try:
        with pytest.raises(DocumentLockedError, match="open in another window"):
            DocumentFile.open(path)
        with DocumentFile.open(path, readonly=True) as reader:
            assert load(reader).meta.symbol == "A/C.3/68/L.5"
            with pytest.raises(UserError, match="read-only"):
                set_meta(reader, {"symbol": "X"})
    finally:
        first.close()
    DocumentFile.open(path).close()


def test_lock_held_by_another_process(tmp_path):
    path = tmp_path / "d.resdesk"
    create_document(path, small_document()).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, time
            from resdesk.store.docfile import DocumentFile
            doc = DocumentFile.open({str(path)!r})
            print("open", flush=True)
            sys.stdin.readline()
            doc.close()
        """)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(DocumentLockedError):
            DocumentFile.open(path)
    finally:
        holder.communicate("\n", timeout=30)
    DocumentFile.open(path).close()


def test_killed_process_keeps_committed_changes_and_releases_lock(tmp_path):
    path = tmp_path / "d.resdesk"
    create_document(path, small_document()).close()
    script = textwrap.dedent(f"""
        import os
        from resdesk.store.docfile import DocumentFile
        from resdesk.store.documents import set_meta
        doc = DocumentFile.open({str(path)!r})
        set_meta(doc, {{"symbol": "A/C.3/68/L.5/Rev.1"}})
        os._exit(9)  # no close, no checkpoint: like a kill
    """)
    assert subprocess.run([sys.executable, "-c", script]).returncode == 9
    with DocumentFile.open(path) as doc:
        assert load(doc).meta.symbol == "A/C.3/68/L.5/Rev.1"


def _killed_while_editing(path) -> None:
    """Leave `path` as a killed process leaves it: committed changes in a `-wal` beside it, not folded back."""
    script = textwrap.dedent(f"""
        import os
        from resdesk.store.docfile import DocumentFile
        from resdesk.store.documents import set_meta
        doc = DocumentFile.open({str(path)!r})
        for n in range(50):
            set_meta(doc, {{"title": "old title " + str(n) * 400}})
        os._exit(9)
    """)
    assert subprocess.run([sys.executable, "-c", script]).returncode == 9
    assert path.with_name(path.name + "-wal").stat().st_size > 0


@pytest.mark.parametrize("how", ["deleted, then created again", "replaced with --force", "saved over"])
def test_a_stale_wal_of_the_file_replaced_is_not_replayed_into_the_new_one(tmp_path, how):
    path = tmp_path / "d.resdesk"
    create_document(path, small_document()).close()
    _killed_while_editing(path)
    fresh = small_document()
    fresh.meta.title = "The new document"
    if how == "deleted, then created again":
        path.unlink()
        create_document(path, fresh).close()
    elif how == "replaced with --force":
        create_document(path, fresh, force=True).close()
    else:
        with create_document(tmp_path / "other.resdesk", fresh) as other:
            other.save_as(path)
    with DocumentFile.open(path, readonly=True) as doc:
        assert doc.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert load(doc).meta.title == "The new document"


def test_save_as_refuses_a_target_open_elsewhere(tmp_path):
    with create_document(tmp_path / "a.resdesk", small_document()) as a, \
            create_document(tmp_path / "b.resdesk", small_document()):
        before = (tmp_path / "b.resdesk").read_bytes()
        with pytest.raises(DocumentLockedError, match="b.resdesk is open in another window"):
            a.save_as(tmp_path / "b.resdesk")
        assert (tmp_path / "b.resdesk").read_bytes() == before


def test_transaction_is_all_or_nothing_and_logged(tmp_path):
    with create_document(tmp_path / "d.resdesk", small_document()) as doc:
        events_before = doc.conn.execute("SELECT count(*) FROM event").fetchone()[0]
        with pytest.raises(RuntimeError), doc.transaction("broken", actor="France") as conn:
            conn.execute("UPDATE block SET text = 'gone' WHERE id = 'b2'")
            raise RuntimeError("interrupted")
        assert load(doc).block("b2").text.startswith("Reaffirming")
        set_meta(doc, {"symbol": "A/78/L.1"}, actor="Mexico")
        rows = doc.conn.execute("SELECT actor, action, detail FROM event ORDER BY id").fetchall()
    assert len(rows) == events_before + 1
    assert rows[-1][:2] == ("Mexico", "set-meta")
    assert "A/78/L.1" in rows[-1][2]


def test_new_ids_are_never_reused(tmp_path):
    with create_document(tmp_path / "d.resdesk", small_document()) as doc, doc.transaction("test"):
        first = new_block_id(doc)
        second = new_block_id(doc)
    assert (first, second) == ("b9", "b10")


def test_save_as_copies_everything_atomically(tmp_path):
    source = tmp_path / "a.resdesk"
    with create_document(source, small_document()) as doc:
        set_meta(doc, {"title": "Changed before copying"})
        doc.save_as(tmp_path / "b.resdesk")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.resdesk", "b.resdesk"]
    with DocumentFile.open(tmp_path / "b.resdesk", readonly=True) as copy:
        assert load(copy).meta.title == "Changed before copying"
        assert version_names(copy) == ["original"]


def test_file_of_the_first_format_is_migrated_on_open(tmp_path):
    """A document written by the first release opens, is brought up to date, and keeps its text."""
    from resdesk.store.documents import add_version
    from resdesk.store.schema import MIGRATIONS

    path = tmp_path / "old.resdesk"
    conn = sqlite3.connect(path, isolation_level=None)
    for statement in MIGRATIONS[0].split(";"):
        if statement.strip():
            conn.execute(statement)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    old = DocumentFile(path, conn, readonly=False, lock=None)
    with old.transaction("import"):
        add_version(old, "original", small_document())
    conn.close()

    with DocumentFile.open(path, readonly=True) as doc:  # reading (`resdesk outline`) brings it up to date
        assert doc.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert load(doc) == small_document()
    with DocumentFile.open(path) as doc:
        assert load(doc) == small_document()
