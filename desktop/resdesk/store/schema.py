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
    # 2: the negotiation: delegations of this document, amendments, comments.
    # `delegation` holds the document's own additions (added = 1) and the colour each
    # delegation got here, in order of first use (colour_order). `amendment.version`
    # is the version it targets; `new_block` is the JSON of a proposed block.
    # The delegation in whose name the window proposes is the setting `acting_as`.
    """
    CREATE TABLE delegation (
        name TEXT PRIMARY KEY,
        short_name TEXT NOT NULL DEFAULT '',
        kind TEXT NOT NULL DEFAULT 'member',
        groups TEXT NOT NULL DEFAULT '[]',
        colour TEXT NOT NULL DEFAULT '',
        colour_order INTEGER,
        added INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE amendment (
        id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL UNIQUE,
        version INTEGER NOT NULL REFERENCES version(id),
        author TEXT NOT NULL,
        co_sponsors TEXT NOT NULL DEFAULT '[]',
        status TEXT NOT NULL,
        kind TEXT NOT NULL,
        target TEXT NOT NULL,
        start_offset INTEGER NOT NULL DEFAULT 0,
        end_offset INTEGER NOT NULL DEFAULT 0,
        old TEXT NOT NULL DEFAULT '',
        new TEXT NOT NULL DEFAULT '',
        new_block TEXT,
        after_block TEXT NOT NULL DEFAULT '',
        justification TEXT NOT NULL DEFAULT '',
        created TEXT NOT NULL,
        updated TEXT NOT NULL,
        stale INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX amendment_version ON amendment (version, seq);
    CREATE TABLE comment (
        id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL UNIQUE,
        author TEXT NOT NULL,
        block TEXT NOT NULL DEFAULT '',
        amendment TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL,
        private INTEGER NOT NULL DEFAULT 0,
        reply_to TEXT NOT NULL DEFAULT '',
        created TEXT NOT NULL
    );
    """,
    # 3: the vote. `amendment.amends` names the amendment a sub-amendment amends. `vote` keeps the
    # figures of the vote that adopted or rejected an amendment (`division`: a separate vote to retain
    # some words, decided by the amendment deleting them). `voting_order` is the order the chair set by
    # hand for a version's undecided amendments (none: the order of rule 90).
    """
    ALTER TABLE amendment ADD COLUMN amends TEXT NOT NULL DEFAULT '';
    CREATE TABLE vote (
        amendment TEXT PRIMARY KEY REFERENCES amendment(id),
        in_favour INTEGER NOT NULL DEFAULT 0,
        against INTEGER NOT NULL DEFAULT 0,
        abstaining INTEGER NOT NULL DEFAULT 0,
        recorded INTEGER NOT NULL DEFAULT 0,
        without_vote INTEGER NOT NULL DEFAULT 0,
        division INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE voting_order (
        version INTEGER NOT NULL REFERENCES version(id),
        position INTEGER NOT NULL,
        amendment TEXT NOT NULL,
        PRIMARY KEY (version, position)
    );
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)
