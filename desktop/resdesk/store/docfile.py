"""Opening, creating and closing a document file; transactions and the event log.

Every user action is one call of `DocumentFile.transaction`, which commits (and
appends to the event log) when the block ends: killing the process loses at
most the action in flight. Files are written in WAL mode so that a second,
read-only window can read while the first one writes.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

from resdesk.errors import DocumentFileError, DocumentLockedError, UserError
from resdesk.files import fsync_file, temporary_sibling
from resdesk.store.lock import DocumentLock
from resdesk.store.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION

SQLITE_HEADER = b"SQLite format 3\x00"
SUFFIX = ".resdesk"


def now() -> str:
    """The current time as ISO 8601 UTC with seconds, as stored in the file."""
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def _connect(path: Path, readonly: bool) -> sqlite3.Connection:
    if readonly:
        uri = path.resolve().as_uri() + "?mode=ro"
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    else:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 5000")
    return conn


def _check_header(path: Path) -> None:
    name = path.name
    if not path.exists():
        raise DocumentFileError(f"{name} does not exist.")
    if path.is_dir():
        raise DocumentFileError(f"{name} is a folder, not a Resolution Desk document.")
    with open(path, "rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise DocumentFileError(
            f"{name} is not a Resolution Desk document; to read a resolution from it, use `resdesk import`."
        )


def _check_identity(conn: sqlite3.Connection, name: str) -> int:
    """The file's schema version, after checking that it is one of our documents."""
    application_id = conn.execute("PRAGMA application_id").fetchone()[0]
    if application_id != APPLICATION_ID:
        raise DocumentFileError(f"{name} is an SQLite database but not a Resolution Desk document.")
    user_version = conn.execute("PRAGMA user_version").fetchone()[0]
    if user_version > SCHEMA_VERSION:
        raise DocumentFileError(
            f"{name} was written by a newer version of Resolution Desk (format {user_version}, "
            f"this version reads up to {SCHEMA_VERSION}); update Resolution Desk to open it."
        )
    return user_version


def _migrate(conn: sqlite3.Connection, from_version: int) -> None:
    """Bring the schema up to date, all migrations in one transaction."""
    if from_version == SCHEMA_VERSION:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        for number in range(from_version, SCHEMA_VERSION):
            for statement in MIGRATIONS[number].split(";"):
                if statement.strip():
                    conn.execute(statement)
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _lock_target(path: Path) -> DocumentLock:
    """The lock of a file about to be written whole: refused while a window or process has it open."""
    lock = DocumentLock(path)
    if not lock.acquire():
        raise DocumentLockedError(f"{path.name} is open in another window or process; close it there first.")
    return lock


def _install(finished: Path, path: Path) -> None:
    """Rename a finished document file to `path` (whose lock we hold).

    The journal files of the file it replaces go first: a `-wal` left beside a deleted or replaced
    document by a killed process would otherwise be replayed by SQLite into the new file.
    """
    for suffix in ("-wal", "-shm", "-journal"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    os.replace(finished, path)


class DocumentFile:
    """One open document file. Use `DocumentFile.open` or `DocumentFile.create`."""

    def __init__(self, path: Path, conn: sqlite3.Connection, readonly: bool, lock: DocumentLock | None):
        self.path = path
        self.conn = conn
        self.readonly = readonly
        self._lock = lock
        self._depth = 0

    # -- opening and closing ------------------------------------------------------------

    @classmethod
    def open(cls, path: str | os.PathLike, *, readonly: bool = False) -> DocumentFile:
        """Open an existing document.

        For writing (the default) the document's lock is taken; if another window
        or process holds it, `DocumentLockedError` is raised, and the caller may
        open it with `readonly=True` instead.
        """
        path = Path(path)
        _check_header(path)
        lock = None
        if not readonly:
            lock = DocumentLock(path)
            if not lock.acquire():
                raise DocumentLockedError(
                    f"{path.name} is open in another window or process; close it there first, "
                    "or open it read-only."
                )
        try:
            conn = _connect(path, readonly)
            try:
                version = _check_identity(conn, path.name)
                if not readonly:
                    _migrate(conn, version)
                    conn.execute("PRAGMA journal_mode = WAL")
                    conn.execute("PRAGMA synchronous = NORMAL")
                elif version < SCHEMA_VERSION:
                    conn.close()
                    cls.open(path).close()  # bring an older file up to date once, then read it
                    conn = _connect(path, readonly=True)
            except sqlite3.DatabaseError as error:
                conn.close()
                raise DocumentFileError(f"{path.name} is damaged and cannot be read ({error}).") from None
            except BaseException:
                conn.close()
                raise
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        return cls(path, conn, readonly, lock)

    @classmethod
    def create(cls, path: str | os.PathLike, *, force: bool = False, fill=None, keep_open: bool = True):
        """Create a new document file at `path`, atomically.

        The file is built under a temporary name in the same folder, `fill(doc)`
        is called to put the first content in, and only then is it flushed and
        renamed to `path`: a failure leaves nothing behind, so the temporary file
        needs no journal. An existing file is replaced only with `force`.
        Returns the document opened for writing, or None with `keep_open=False`.
        """
        path = Path(path)
        if path.exists() and not force:
            raise UserError(f"{path.name} already exists; choose another name or use --force to replace it.")
        if path.is_dir():
            raise UserError(f"{path.name} is a folder; give a file name for the document.")
        directory = path.parent if str(path.parent) else Path(".")
        if not directory.is_dir():
            raise UserError(f"The folder {directory} does not exist.")
        target_lock = _lock_target(path)
        temp = temporary_sibling(path)
        try:
            conn = _connect(temp, readonly=False)
            try:
                conn.execute("PRAGMA journal_mode = OFF")
                conn.execute("PRAGMA synchronous = OFF")
                _migrate(conn, 0)
                document = cls(temp, conn, readonly=False, lock=None)
                if fill is not None:
                    fill(document)
                conn.execute("PRAGMA journal_mode = DELETE")
            finally:
                conn.close()
            fsync_file(temp)
            _install(temp, path)
        except BaseException:
            temp.unlink(missing_ok=True)
            target_lock.release()
            raise
        target_lock.release()
        return cls.open(path) if keep_open else None

    def close(self) -> None:
        """Close the file; the WAL is folded back so the document is one self-contained file."""
        if self.conn is None:
            return
        if not self.readonly:
            with contextlib.suppress(sqlite3.DatabaseError):
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                self.conn.execute("PRAGMA journal_mode = DELETE")
        self.conn.close()
        self.conn = None
        if self._lock is not None:
            self._lock.release()

    def __enter__(self) -> DocumentFile:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- transactions ----------------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self, action: str, *, actor: str = "", version: int | None = None,
                    detail: dict | None = None) -> Iterator[sqlite3.Connection]:
        """One user action: everything inside commits together, with one event-log entry.

        Nested calls join the outer transaction (and add their own event).
        """
        if self.readonly:
            raise UserError(f"{self.path.name} is open read-only; changes are not possible here.")
        outer = self._depth == 0
        if outer:
            self.conn.execute("BEGIN IMMEDIATE")
        self._depth += 1
        try:
            yield self.conn
            self.conn.execute(
                "INSERT INTO event (at, actor, action, version, detail) VALUES (?, ?, ?, ?, ?)",
                (now(), actor, action, version, json.dumps(detail or {}, ensure_ascii=False, sort_keys=True)),
            )
        except BaseException:
            self._depth -= 1
            if outer:
                self.conn.execute("ROLLBACK")
            raise
        self._depth -= 1
        if outer:
            self.conn.execute("COMMIT")

    # -- settings (per document) -------------------------------------------------------

    def setting(self, key: str, default: str = "") -> str:
        row = self.conn.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_setting(self, key: str, value: str) -> None:
        """Set a per-document setting; call inside a transaction."""
        self.conn.execute(
            "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    # -- save as -----------------------------------------------------------------------

    def save_as(self, target: str | os.PathLike) -> None:
        """Copy the whole document to `target` atomically (SQLite backup API, then rename)."""
        target = Path(target)
        target_lock = _lock_target(target)
        temp = temporary_sibling(target)
        try:
            copy = sqlite3.connect(temp)
            try:
                self.conn.backup(copy)
                copy.execute("PRAGMA journal_mode = DELETE")
            finally:
                copy.close()
            _install(temp, target)
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
        finally:
            target_lock.release()
