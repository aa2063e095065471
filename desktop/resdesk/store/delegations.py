"""The delegations of a document: the bundled list, the document's additions, colours, "acting as"."""

from __future__ import annotations

import json

from resdesk.errors import UserError
from resdesk.model.delegation import GROUP, MEMBER, Delegation, bundled_delegations, find_delegation
from resdesk.model.palette import colour
from resdesk.store.docfile import DocumentFile

ACTING_AS = "acting_as"


def _rows(doc: DocumentFile) -> list[tuple]:
    return doc.conn.execute(
        "SELECT name, short_name, kind, groups, colour, added FROM delegation ORDER BY rowid"
    ).fetchall()


def document_delegations(doc: DocumentFile) -> list[Delegation]:
    """Every delegation known in this document: the bundled ones, then the document's own.

    A delegation that has proposed something here carries the colour it was given
    here; the others carry their bundled colour.
    """
    rows = _rows(doc)
    colours = {name: value for name, _, _, _, value, _ in rows if value}
    result = [Delegation(d.name, d.short_name, d.kind, d.groups, colours.get(d.name, d.colour))
              for d in bundled_delegations()]
    result.extend(Delegation(name, short or name, kind, tuple(json.loads(groups)), value)
                  for name, short, kind, groups, value, added in rows if added)
    return result


def resolve_delegation(doc: DocumentFile, name: str) -> Delegation:
    """The delegation called `name` (full or short name, any case), or a UserError saying how to add it."""
    found = find_delegation(document_delegations(doc), name)
    if found is None:
        raise UserError(f"“{name}” is not a known delegation; add it with "
                        f"`resdesk delegation {doc.path.name} --add \"{name}\"`.")
    return found


def delegation_colours(doc: DocumentFile) -> dict[str, str]:
    """The colour of every delegation by name (document colours over bundled ones)."""
    return {d.name: d.colour for d in document_delegations(doc)}


def ensure_colour(doc: DocumentFile, name: str) -> str:
    """Give `name` the next colour of the palette if it has none in this document yet (inside a transaction).

    Colours are handed out in order of first use, so the first delegations to
    propose in a document get the most distinct colours of the palette.
    """
    row = doc.conn.execute("SELECT colour FROM delegation WHERE name = ?", (name,)).fetchone()
    if row and row[0]:
        return row[0]
    used = doc.conn.execute("SELECT count(*) FROM delegation WHERE colour_order IS NOT NULL").fetchone()[0]
    value = colour(used)
    if row:
        doc.conn.execute("UPDATE delegation SET colour = ?, colour_order = ? WHERE name = ?", (value, used, name))
    else:
        doc.conn.execute("INSERT INTO delegation (name, colour, colour_order) VALUES (?, ?, ?)", (name, value, used))
    return value


def add_delegation(doc: DocumentFile, name: str, *, short_name: str = "", groups: list[str] | None = None,
                   kind: str = "", actor: str = "") -> Delegation:
    """Add a delegation of this document's own; each group must be known (or is added as a group)."""
    name = " ".join(name.split())
    if not name:
        raise UserError("A delegation needs a name.")
    known = document_delegations(doc)
    if find_delegation(known, name) is not None:
        raise UserError(f"“{name}” is already a delegation of this document.")
    group_names = []
    for group in groups or []:
        found = find_delegation(known, group)
        if found is not None and found.kind != GROUP:
            raise UserError(f"“{group}” is not a group but a delegation; name a group such as EU or G77.")
        group_names.append(found.short_name if found else " ".join(group.split()))
    kind = kind or MEMBER
    with doc.transaction("add-delegation", actor=actor, detail={"name": name, "groups": group_names}) as conn:
        for group in group_names:
            if find_delegation(known, group) is None:
                conn.execute("INSERT INTO delegation (name, short_name, kind, added) VALUES (?, ?, 'group', 1)",
                             (group, group))
                known = [*known, Delegation(group, group, GROUP)]
        conn.execute(
            "INSERT INTO delegation (name, short_name, kind, groups, added) VALUES (?, ?, ?, ?, 1)",
            (name, short_name or name, kind, json.dumps(group_names, ensure_ascii=False)),
        )
    return Delegation(name, short_name or name, kind, tuple(group_names))


def acting_as(doc: DocumentFile) -> str:
    """The delegation in whose name the window proposes ("" until one is chosen)."""
    return doc.setting(ACTING_AS)


def set_acting_as(doc: DocumentFile, name: str, *, actor: str = "") -> Delegation:
    """Remember, for this document, in whose name edits are proposed."""
    delegation = resolve_delegation(doc, name)
    with doc.transaction("set-acting-as", actor=actor or delegation.name, detail={"delegation": delegation.name}):
        doc.set_setting(ACTING_AS, delegation.name)
    return delegation
