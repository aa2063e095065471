"""`resdesk check-file DOC`: everything we can check in a document file, without changing it.

SQLite's own `integrity_check` (pages, indexes, free lists), our identity and schema, the shape of every
value our readers parse (`resdesk.store.integrity`), and the event log. Opening a document runs the same
schema and content checks and stops at the first problem; this lists them all.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from resdesk.store.docfile import check_header, connect
from resdesk.store.integrity import content_problems, event_problems, printable, schema_problems, tolerant_text
from resdesk.store.schema import APPLICATION_ID, SCHEMA_VERSION


def check_file(path: Path) -> list[str]:
    """Every problem found in the document file at `path` (empty: it is sound).

    A file that is not a document at all raises `DocumentFileError`, as opening it would.
    """
    check_header(path)
    conn = connect(path, readonly=True)
    conn.text_factory = tolerant_text  # damaged bytes are named as problems
    try:
        return _problems(conn)
    except sqlite3.DatabaseError as error:
        return [printable(f"SQLite cannot read it ({error})")]
    except UnicodeDecodeError:  # SQLite's message quotes damaged bytes of the schema
        return ["SQLite cannot read it (its schema is not readable text)"]
    finally:
        conn.close()


def _problems(conn: sqlite3.Connection) -> list[str]:
    problems = [printable(f"SQLite: {line}") for (line,) in conn.execute("PRAGMA integrity_check") if line != "ok"]
    if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
        return [*problems, "it is an SQLite database but not a Resolution Desk document"]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        return [*problems, f"it was written by a newer Resolution Desk (format {version}; this one reads up to "
                           f"{SCHEMA_VERSION}), so its content is not checked"]
    for_reading, for_writing = schema_problems(conn, version)
    problems += for_reading + for_writing
    if for_reading or version < SCHEMA_VERSION:
        return problems  # the tables are not ours (or not yet migrated): their content cannot be checked
    return problems + list(content_problems(conn)) + list(event_problems(conn))
