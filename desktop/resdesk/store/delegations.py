"""The delegations of a document: the bundled list, the document's additions, colours, "acting as"."""

from __future__ import annotations

import json
from dataclasses import replace

from resdesk.errors import UserError
from resdesk.model.delegation import (
    DELEGATION_KINDS,
    GROUP,
    MEMBER,
    Delegation,
    bundled_delegations,
    derived_short_name,
    find_delegation,
)
from resdesk.model.palette import colour
from resdesk.store.docfile import DocumentFile

ACTING_AS = "acting_as"


def _rows(doc: DocumentFile) -> list[tuple]:
    return doc.conn.execute(
        "SELECT name, short_name, kind, groups, colour, added FROM delegation ORDER BY rowid"
    ).fetchall()


def _added(rows: list[tuple]) -> list[Delegation]:
    return [Delegation(name, short or derived_short_name(name), kind, tuple(json.loads(groups)), value)
            for name, short, kind, groups, value, added in rows if added]


def _first_use(doc: DocumentFile) -> list[str]:
    """The delegations this document uses, in order of first use: proposers and co-sponsors (in order of
    entry), then commenters, then those added by hand."""
    names: dict[str, None] = {}
    for author, co_sponsors in doc.conn.execute("SELECT author, co_sponsors FROM amendment ORDER BY seq"):
        names.update(dict.fromkeys([author, *json.loads(co_sponsors)]))
    names.update(dict.fromkeys(author for (author,) in doc.conn.execute("SELECT author FROM comment ORDER BY seq")))
    names.update(dict.fromkeys(name for (name,) in doc.conn.execute(
        "SELECT name FROM delegation WHERE added = 1 ORDER BY rowid")))
    return list(names)


def delegation_colours(doc: DocumentFile) -> dict[str, str]:
    """The colour of every delegation the document uses, by name: the one handed out to it here, in order
    of first use (`ensure_colour`). In a file made before co-sponsors and commenters got theirs, those
    that have none yet get the next colours, in order of first use, without writing anything."""
    stored = dict(doc.conn.execute(
        "SELECT name, colour FROM delegation WHERE colour != '' ORDER BY colour_order"))
    result = dict(stored)
    handed_out = doc.conn.execute("SELECT count(*) FROM delegation WHERE colour_order IS NOT NULL").fetchone()[0]
    for name in _first_use(doc):
        if name not in result:
            result[name] = colour(handed_out)
            handed_out += 1
    return result


def document_delegations(doc: DocumentFile) -> list[Delegation]:
    """Every delegation known in this document: the bundled ones, then the document's own additions.

    A delegation the document uses carries its colour here; the others carry none (a bundled
    delegation has no colour of its own, so none can be mistaken for another's).
    """
    rows = _rows(doc)
    colours = delegation_colours(doc)
    result = [replace(d, colour=colours.get(d.name, "")) for d in bundled_delegations()]
    result.extend(replace(d, colour=colours.get(d.name, "")) for d in _added(rows))
    return result


def used_delegations(doc: DocumentFile) -> list[Delegation]:
    """The document's own delegations, by name: those that proposed, co-sponsored, commented, or were added."""
    used = set(_first_use(doc))
    return sorted((d for d in document_delegations(doc) if d.name in used), key=lambda d: d.name.casefold())


def resolve_delegation(doc: DocumentFile, name: str) -> Delegation:
    """The delegation called `name` (full or short name, any case), or a UserError saying how to add it."""
    found = find_delegation(document_delegations(doc), name)
    if found is None:
        raise UserError(f"“{name}” is not a known delegation; add it with "
                        f"`resdesk delegation {doc.path.name} --add \"{name}\"`.")
    return found


def ensure_colour(doc: DocumentFile, name: str) -> str:
    """Give `name` the next colour of the palette if it has none in this document yet (inside a transaction).

    Colours are handed out in order of first use (proposing, co-sponsoring, commenting, being added), so
    the first delegations of a document get the most distinct colours of the palette, and no two
    delegations of a document share one.
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
    """Add a delegation of this document's own; each group must be known (or is added as a group).

    Without `short_name` one is derived (`derived_short_name`): the returned delegation says which.
    Short names are unique among the document's delegations, since they name a delegation too.
    """
    name = " ".join(name.split())
    short_name = " ".join(short_name.split())
    if not name:
        raise UserError("A delegation needs a name.")
    kind = kind or MEMBER
    if kind not in DELEGATION_KINDS:
        raise UserError(f"“{kind}” is not a kind of delegation; use one of {', '.join(DELEGATION_KINDS)}.")
    known = document_delegations(doc)
    if find_delegation(known, name) is not None:
        raise UserError(f"“{name}” is already a delegation of this document.")
    if short_name and find_delegation(known, short_name) is not None:
        raise UserError(f"The short name “{short_name}” is taken by {find_delegation(known, short_name).name}; "
                        "choose another --short.")
    taken = [n for d in known for n in (d.name, d.short_name)]
    group_names = []
    for group in groups or []:
        found = find_delegation(known, group)
        if found is not None and found.kind != GROUP:
            raise UserError(f"“{group}” is not a group but a delegation; name a group such as EU or G77.")
        group_names.append(found.short_name if found else " ".join(group.split()))
    added = []
    with doc.transaction("add-delegation", actor=actor, detail={"name": name, "groups": group_names}) as conn:
        for group in group_names:
            if find_delegation(known, group) is None:
                delegation = Delegation(group, derived_short_name(group, taken), GROUP)
                added.append(delegation)
                known = [*known, delegation]
                taken += [delegation.name, delegation.short_name]
        delegation = Delegation(name, short_name or derived_short_name(name, taken), kind, tuple(group_names))
        added.append(delegation)
        for new in added:
            conn.execute(
                "INSERT INTO delegation (name, short_name, kind, groups, added) VALUES (?, ?, ?, ?, 1)",
                (new.name, new.short_name, new.kind, json.dumps(list(new.groups), ensure_ascii=False)),
            )
            ensure_colour(doc, new.name)
    return replace(delegation, colour=delegation_colours(doc)[name])


def acting_as(doc: DocumentFile) -> str:
    """The delegation in whose name the window proposes ("" until one is chosen)."""
    return doc.setting(ACTING_AS)


def set_acting_as(doc: DocumentFile, name: str, *, actor: str = "") -> Delegation:
    """Remember, for this document, in whose name edits are proposed."""
    delegation = resolve_delegation(doc, name)
    with doc.transaction("set-acting-as", actor=actor or delegation.name, detail={"delegation": delegation.name}):
        doc.set_setting(ACTING_AS, delegation.name)
    return delegation
