"""Opening, creating and closing a document file; transactions and the event log.

Every user action is one call of `DocumentFile.transaction`, which commits (and
appends to the event log) when the block ends: killing the process loses at
most the action in flight. Files are written in WAL mode so that a second,
read-only window can read while the first one writes, with `synchronous=FULL`:
a commit is on the disk before the call returns, so a power cut cannot take back
an action reported done (NORMAL could; docs/reliability.md has the cost).

A file is checked when opened (`resdesk.store.integrity`): a schema that is not
exactly ours is never written to, damaged content is refused in one sentence.
A failed write (full disk, I/O error) raises `DocumentWriteError` after rolling
back: the file keeps its last good state.
"""

from __future__ import annotations

import contextlib
import errno
import itertools
import json
import os
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

from resdesk.errors import (
    DocumentFileError,
    DocumentLockedError,
    DocumentReadOnlyError,
    DocumentWriteError,
    UserError,
)
from resdesk.files import fsync_directory, fsync_file, temporary_sibling
from resdesk.store.integrity import content_problems, schema_problems, tolerant_text
from resdesk.store.lock import DocumentLock
from resdesk.store.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION
from resdesk.text.chars import first_unwritable, first_unwritable_in_json, unwritable_sentence

SQLITE_HEADER = b"SQLite format 3\x00"
SUFFIX = ".resdesk"
LOCK_WAIT = 2.0  # seconds a writer waits for the lock before it is told the file is open elsewhere

# SQLite's primary result codes that say why a write or an open failed.
_SQLITE_PERM, _SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 3, 5, 6, 8
_SQLITE_IOERR, _SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_CONSTRAINT, _SQLITE_NOTADB = 10, 11, 13, 19, 26


def now() -> str:
    """The current time as ISO 8601 UTC with seconds, as stored in the file."""
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


class _WritingConnection(sqlite3.Connection):
    """The connection of a writer: it never stores a character an exporter cannot write (resdesk.text.chars).

    Every write of the application passes here, whichever door the text came through (an option, a file,
    a field of the window), so the refusal is one sentence in one place.
    """

    def execute(self, sql, parameters=(), /):
        _check_writable(parameters)
        return super().execute(sql, parameters)

    def executemany(self, sql, seq_of_parameters, /):
        rows = list(seq_of_parameters)
        for parameters in rows:
            _check_writable(parameters)
        return super().executemany(sql, rows)


def _check_writable(parameters) -> None:
    for value in parameters.values() if isinstance(parameters, dict) else parameters:
        if isinstance(value, str):
            # Metadata, co-sponsors, proposed paragraphs are stored as JSON, which escapes control characters.
            char = first_unwritable_in_json(value) if value[:1] in ('"', "[", "{") else first_unwritable(value)
            if char is not None:
                raise UserError(unwritable_sentence(char, "A text to be saved"))


def connect(path: Path, readonly: bool) -> sqlite3.Connection:
    if readonly:
        uri = path.resolve().as_uri() + "?mode=ro"
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    else:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, factory=_WritingConnection)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 5000")
    # Nothing written into a file by someone else runs with side effects (design invariant 10).
    conn.execute("PRAGMA trusted_schema = OFF")
    if readonly:
        conn.execute("PRAGMA query_only = ON")
    return conn


def database_problem(error: sqlite3.Error, name: str, consequence: str = "the last change was not saved",
                     elsewhere: str = "save the document elsewhere with Save As") -> UserError:
    """The sentence for an SQLite error on the document file `name`, as the error the user acts on.

    `consequence` says what the failure means for the user ("the last change was not saved"), `elsewhere`
    what else the user can do.
    """
    code = (getattr(error, "sqlite_errorcode", None) or 0) & 0xFF
    if code == _SQLITE_FULL:
        return DocumentWriteError(f"The disk holding {name} is full, so {consequence}; free some space and try "
                                  f"again, or {elsewhere}.")
    if code == _SQLITE_IOERR:
        return DocumentWriteError(f"{name} could not be written (a disk input/output error), so {consequence}; "
                                  f"check the disk and try again, or {elsewhere}.")
    if code in (_SQLITE_READONLY, _SQLITE_PERM):
        return DocumentReadOnlyError(f"{name} cannot be written (the file, its folder or its disk is read-only), "
                                     f"so {consequence}; open it read-only, or {elsewhere}.")
    if code in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return DocumentWriteError(f"{name} is busy in another program, so {consequence}; try again in a moment.")
    if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
        return DocumentFileError(f"{name} is damaged and cannot be read ({error}); "
                                 f"`resdesk check-file {name}` lists what is wrong.")
    if code == _SQLITE_CONSTRAINT:  # our writes keep every constraint of a sound file
        return DocumentFileError(f"{name} is damaged ({error}), so {consequence}; "
                                 f"`resdesk check-file {name}` lists what is wrong.")
    return DocumentFileError(f"{name} cannot be read or written ({error}).")


def _os_problem(error: OSError, path: Path, *, creating: bool = False) -> UserError:
    """The sentence for a file-system error beside the document (its lock file, a temporary copy)."""
    name = path.name
    if error.errno == errno.ENOSPC:
        if creating:
            return DocumentWriteError(f"The disk holding {name} is full, so it was not created; free some space "
                                      "and try again, or create it elsewhere.")
        return DocumentWriteError(f"The disk holding {name} is full, so it cannot be opened for writing; free "
                                  "some space and try again.")
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        if creating:
            return DocumentReadOnlyError(f"{name} cannot be created there: the folder is read-only; choose "
                                         "another place.")
        return DocumentReadOnlyError(f"{name} is in a folder that cannot be written (read-only), so it can only "
                                     "be opened read-only; save a copy elsewhere to change it.")
    return DocumentFileError(f"{name} cannot be {'created' if creating else 'opened'} ({error.strerror or error}).")


def check_header(path: Path) -> None:
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


def _check_identity(conn: sqlite3.Connection, name: str, *, writing: bool) -> int:
    """The file's schema version, after checking that it is one of our documents, with our schema and sound
    content (a schema with anything more than ours may be read, never written)."""
    application_id = conn.execute("PRAGMA application_id").fetchone()[0]
    if application_id != APPLICATION_ID:
        raise DocumentFileError(f"{name} is an SQLite database but not a Resolution Desk document.")
    user_version = conn.execute("PRAGMA user_version").fetchone()[0]
    if user_version > SCHEMA_VERSION:
        raise DocumentFileError(
            f"{name} was written by a newer version of Resolution Desk (format {user_version}, "
            f"this version reads up to {SCHEMA_VERSION}); update Resolution Desk to open it."
        )
    for_reading, for_writing = schema_problems(conn, user_version)
    if for_reading:
        raise DocumentFileError(f"{name} is not a document Resolution Desk can read: {_listed(for_reading)}; "
                                "it was changed by another program.")
    if for_writing and writing:
        raise ForeignSchemaError(f"{name} was changed by another program ({_listed(for_writing)}), so Resolution "
                                 "Desk will not write to it; it can be opened read-only, to read or export it.")
    return user_version


def _check_content(conn: sqlite3.Connection, name: str) -> None:
    """Refuse, in one sentence naming the first problem, a file whose content our readers would trip over."""
    problems = list(itertools.islice(content_problems(conn), 2))
    if problems:
        more = "; and more" if len(problems) > 1 else ""
        raise DocumentFileError(f"{name} is damaged ({problems[0]}{more}), so it cannot be opened; "
                                f"`resdesk check-file {name}` lists every problem.")


def _listed(problems: list[str]) -> str:
    return "; ".join(problems[:3]) + ("; …" if len(problems) > 3 else "")


class ForeignSchemaError(DocumentReadOnlyError):
    """The file's schema has more than ours (a trigger, a view…): it may be read, never written."""


def _migrate(conn: sqlite3.Connection, from_version: int, name: str = "") -> None:
    """Bring the schema up to date, all migrations in one transaction; with the file's `name`, check its
    content too, before anything is committed (a damaged file is left as it was)."""
    if from_version == SCHEMA_VERSION:
        if name:
            _check_content(conn, name)
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        for number in range(from_version, SCHEMA_VERSION):
            for statement in MIGRATIONS[number].split(";"):
                if statement.strip():
                    conn.execute(statement)
        if name:
            _check_content(conn, name)
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        _rollback(conn)
        raise


def _rollback(conn: sqlite3.Connection) -> None:
    """Roll back what is open; a failed COMMIT (full disk) leaves its transaction open until then."""
    if conn.in_transaction:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")


def _lock_target(path: Path) -> DocumentLock:
    """The lock of a file about to be written whole: refused while a window or process has it open."""
    lock = DocumentLock(path)
    try:
        acquired = lock.acquire()
    except OSError as error:
        raise _os_problem(error, path, creating=True) from None
    if not acquired:
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
    fsync_directory(path)


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
    def open(cls, path: str | os.PathLike, *, readonly: bool = False, wait: float = LOCK_WAIT) -> DocumentFile:
        """Open an existing document.

        For writing (the default) the document's lock is taken, waiting up to `wait` seconds for another
        writer to finish; if another window or process still holds it, `DocumentLockedError` is raised, and
        if the file cannot be written where it is (a read-only folder, or a schema that is not exactly
        ours), `DocumentReadOnlyError`: the caller may open it with `readonly=True` instead.
        """
        path = Path(path)
        check_header(path)
        lock = None
        if not readonly:
            lock = DocumentLock(path)
            try:
                acquired = lock.acquire(wait)
            except OSError as error:
                raise _os_problem(error, path) from None
            if not acquired:
                raise DocumentLockedError(
                    f"{path.name} is open in another window or process; close it there first, "
                    "or open it read-only."
                )
        try:
            conn = connect(path, readonly)
            conn.text_factory = tolerant_text  # while checking: bytes that are not UTF-8 are named, not raised
            try:
                version = _check_identity(conn, path.name, writing=not readonly)
                if not readonly:
                    _migrate(conn, version, path.name)
                    conn.execute("PRAGMA journal_mode = WAL")
                    conn.execute("PRAGMA synchronous = FULL")
                elif version < SCHEMA_VERSION:
                    conn.close()
                    cls.open(path).close()  # bring an older file up to date once, then read it
                    conn = connect(path, readonly=True)
                else:
                    _check_content(conn, path.name)
                conn.text_factory = str
            except sqlite3.Error as error:
                conn.close()
                doing = "it cannot be opened" + ("" if readonly else " for writing")
                raise database_problem(error, path.name, doing) from None
            except UnicodeDecodeError:  # SQLite's own message quotes damaged bytes of the schema
                conn.close()
                raise DocumentFileError(f"{path.name} is damaged and cannot be read (its schema is not readable "
                                        f"text); `resdesk check-file {path.name}` lists what is wrong.") from None
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
        try:
            temp = temporary_sibling(path)
        except OSError as error:
            target_lock.release()
            raise _os_problem(error, path, creating=True) from None
        try:
            conn = connect(temp, readonly=False)
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
        except BaseException as error:
            temp.unlink(missing_ok=True)
            target_lock.release()
            if isinstance(error, sqlite3.Error):
                raise database_problem(error, path.name, "it was not created", "create it elsewhere") from None
            if isinstance(error, OSError):
                raise _os_problem(error, path, creating=True) from None
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
            self._check_lock()
            try:
                self.conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as error:
                raise database_problem(error, self.path.name) from None
        self._depth += 1
        try:
            yield self.conn
            self.conn.execute(
                "INSERT INTO event (at, actor, action, version, detail) VALUES (?, ?, ?, ?, ?)",
                (now(), actor, action, version, json.dumps(detail or {}, ensure_ascii=False, sort_keys=True)),
            )
        except sqlite3.Error as error:
            self._depth -= 1
            if outer:
                _rollback(self.conn)
            raise database_problem(error, self.path.name) from error
        except BaseException:
            self._depth -= 1
            if outer:
                _rollback(self.conn)
            raise
        self._depth -= 1
        if outer:
            try:
                self.conn.execute("COMMIT")
            except sqlite3.Error as error:
                _rollback(self.conn)
                raise database_problem(error, self.path.name) from None

    def _check_lock(self) -> None:
        """Before a write: the lock is still ours (its file was not deleted and taken by another writer)."""
        if self._lock is not None and not self._lock.verify():
            raise DocumentLockedError(
                f"{self.path.name} was opened for writing in another window or process after its lock file was "
                "removed, so this change was not saved; close the other one, then open the document again.")

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
            fsync_file(temp)
            _install(temp, target)
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
        finally:
            target_lock.release()
