"""The voting order the chair set by hand, kept with the version whose amendments it orders.

No row: the order follows rule 90 (`resdesk.amend.voting.voting_order` computes it). A hand-made
order is the list of amendment ids as the chair left it; `resdesk.amend.voting` reads it against the
amendments still undecided.
"""

from __future__ import annotations

from resdesk.store.docfile import DocumentFile
from resdesk.store.documents import version_id


def hand_order(doc: DocumentFile, version: str | None = None) -> list[str]:
    """The ids in the order set by hand for a version (the current one by default); [] when none was set."""
    rows = doc.conn.execute("SELECT amendment FROM voting_order WHERE version = ? ORDER BY position",
                            (version_id(doc, version),))
    return [ident for (ident,) in rows]


def write_hand_order(doc: DocumentFile, ids: list[str], *, actor: str = "") -> list[str]:
    """Keep `ids` as the current version's voting order ([] goes back to rule 90's), in one transaction;
    returns the order it replaces (for undo)."""
    vid = version_id(doc)
    previous = hand_order(doc)
    with doc.transaction("voting-order", actor=actor, version=vid, detail={"order": ids}) as conn:
        conn.execute("DELETE FROM voting_order WHERE version = ?", (vid,))
        conn.executemany("INSERT INTO voting_order (version, position, amendment) VALUES (?, ?, ?)",
                         [(vid, position, ident) for position, ident in enumerate(ids)])
    return previous
