"""What each revision applied, as its event records it: who made the changes between two versions.

`resdesk.amend.revise.create_revision` writes one "revise" event per revision, naming the version it
was made from, the new version and the ids of the amendments it applied; those amendments stay
attached to the version they amended. A comparison of two versions (`resdesk.views.compare`) lays
their authors over the differences.
"""

from __future__ import annotations

import json

from resdesk.model.amendment import Amendment
from resdesk.store.amendments import amendments
from resdesk.store.docfile import DocumentFile
from resdesk.store.documents import version_names


def _revision_records(doc: DocumentFile) -> dict[str, dict]:
    """The latest "revise" record of each version made by a revision, by the new version's name (a revision
    taken back and made again counts once)."""
    records: dict[str, dict] = {}
    for (detail,) in doc.conn.execute("SELECT detail FROM event WHERE action = 'revise' ORDER BY id"):
        try:
            record = json.loads(detail)
        except ValueError:
            continue
        if isinstance(record, dict) and record.get("to"):
            records[record["to"]] = record
    return records


def revision_steps(doc: DocumentFile, old: str, new: str) -> list[tuple[str, str, list[Amendment]]]:
    """The revisions that lead from version `old` to version `new`, oldest first: (the version revised, the
    revision, the amendments it applied, in order of entry); none when `new` was not made from `old` by
    revisions (an earlier version compared with a later one the other way round)."""
    records = _revision_records(doc)
    names = set(version_names(doc))
    steps: list[tuple[str, str, list[Amendment]]] = []
    current, seen = new, set()
    while current != old:
        record = records.get(current)
        if record is None or current in seen or record.get("from") not in names:
            return []
        seen.add(current)
        accepted = set(record.get("accepted", []))
        steps.insert(0, (record["from"], current, [a for a in amendments(doc, record["from"]) if a.id in accepted]))
        current = record["from"]
    return steps


def applied_between(doc: DocumentFile, old: str, new: str) -> list[Amendment]:
    """The amendments applied by the revisions that lead from version `old` to version `new`, in order of
    entry (see `revision_steps`)."""
    return sorted((a for _, _, applied in revision_steps(doc, old, new) for a in applied), key=lambda a: a.number)
