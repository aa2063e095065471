"""The document file's schema and its migrations.

A document file is an SQLite database whose `application_id` is
`APPLICATION_ID` and whose `user_version` is the number of migrations applied.
Migrations only ever append: migration n brings a file from version n-1 to n.
A file whose `user_version` is higher than `len(MIGRATIONS)` was written by a
newer Resolution Desk and is refused rather than misread.
"""

APPLICATION_ID = 0x52455344  # "RESD"

MIGRATIONS: list[str] = [
    # 1: the text in versions, with its metadata, footnotes and annexes; settings; event log.
    """
    CREATE TABLE version (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        based_on INTEGER REFERENCES version(id),
        created TEXT NOT NULL
    );
    CREATE TABLE meta (
        version INTEGER NOT NULL REFERENCES version(id),
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (version, key)
    );
    CREATE TABLE annex (
        version INTEGER NOT NULL REFERENCES version(id),
        number INTEGER NOT NULL,
        title TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (version, number)
    );
    CREATE TABLE block (
        version INTEGER NOT NULL REFERENCES version(id),
        id TEXT NOT NULL,
        annex INTEGER NOT NULL DEFAULT 0,
        position INTEGER NOT NULL,
        kind TEXT NOT NULL,
        parent TEXT,
        number TEXT NOT NULL DEFAULT '',
        level INTEGER NOT NULL DEFAULT 0,
        text TEXT NOT NULL DEFAULT '',
        marks TEXT NOT NULL DEFAULT '[]',
        rows TEXT,
        PRIMARY KEY (version, id)
    );
    CREATE INDEX block_order ON block (version, annex, position);
    CREATE TABLE footnote (
        version INTEGER NOT NULL REFERENCES version(id),
        id TEXT NOT NULL,
        text TEXT NOT NULL DEFAULT '',
        marks TEXT NOT NULL DEFAULT '[]',
        PRIMARY KEY (version, id)
    );
    CREATE TABLE setting (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    CREATE TABLE event (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL DEFAULT '',
        action TEXT NOT NULL,
        version INTEGER,
        detail TEXT NOT NULL DEFAULT '{}'
    );
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)
