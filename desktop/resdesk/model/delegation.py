"""Delegations: Member States, observer States and negotiating groups, and their short names.

The bundled list (`resources/delegations.json`) holds the 193 Member States,
the observer States and the usual groups, without colours. A document adds its
own (a group of friends, an organization the list lacks: kind "other") and
gives each delegation it uses a colour of its own, in order of first use (see
`resdesk.store.delegations`): colours are a fact of the document, so two
delegations of one document never share one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache

from resdesk.resources import resource

MEMBER = "member"
OBSERVER = "observer"
GROUP = "group"
OTHER = "other"  # an organization, a secretariat, a chair: neither a State nor a group of States
DELEGATION_KINDS = (MEMBER, OBSERVER, GROUP, OTHER)
# A name this long or shorter is its own short name; a longer one is shortened to its initials.
SHORT_NAME_LENGTH = 16
_MINOR_WORDS = {"of", "the", "and", "for", "on", "in", "to", "at", "de", "la", "le", "les", "des", "du", "et", "y",
                "del", "los", "las"}


@dataclass(frozen=True)
class Delegation:
    """One delegation. `groups` are the short names of the groups it belongs to; `colour` is the one it has
    in a document ("" outside a document, or until the document uses it); `code` is a State's ISO 3166-1
    alpha-3 code ("BRA"), "" for others."""

    name: str
    short_name: str
    kind: str = MEMBER
    groups: tuple[str, ...] = field(default_factory=tuple)
    colour: str = ""
    code: str = ""

    def to_json(self) -> dict:
        return {"name": self.name, "short_name": self.short_name, "kind": self.kind,
                "groups": list(self.groups), "colour": self.colour}

    @staticmethod
    def from_json(value: dict) -> Delegation:
        return Delegation(value["name"], value.get("short_name") or value["name"], value.get("kind", MEMBER),
                          tuple(value.get("groups", ())), value.get("colour", ""), value.get("code", ""))


@lru_cache(maxsize=1)
def bundled_delegations() -> tuple[Delegation, ...]:
    """The bundled list, in its order (Member States A–Z, observers, groups)."""
    data = json.loads(resource("delegations.json").read_text(encoding="utf-8"))
    return tuple(Delegation.from_json(item) for item in data["delegations"])


def _key(text: str) -> str:
    return " ".join(text.replace("’", "'").casefold().split())


def find_delegation(delegations: list[Delegation] | tuple[Delegation, ...], name: str) -> Delegation | None:
    """The delegation called `name` (full or short name, or a State's ISO-3 code, any case), or None."""
    wanted = _key(name)
    for field_name in ("name", "short_name", "code"):
        for delegation in delegations:
            if _key(getattr(delegation, field_name)) == wanted and wanted:
                return delegation
    return None


def derived_short_name(name: str, taken=()) -> str:
    """A short name for `name`: the name itself when short, else the initials of its words
    ("Group of Friends of the Ocean" -> "GFO", numbers kept whole: "Group of 77 and China" -> "G77C");
    " 2", " 3"… are added while it is in `taken` (compared as `find_delegation` compares names)."""
    name = " ".join(name.split())
    short = name
    if len(name) > SHORT_NAME_LENGTH:
        words = [w for w in name.replace("-", " ").replace("/", " ").split() if w.casefold() not in _MINOR_WORDS]
        short = "".join(w if w.isdigit() else w[0].upper() for w in words if w[0].isalnum()) or name
        if len(short) < 2:
            short = name[:SHORT_NAME_LENGTH].rstrip()
    used = {_key(other) for other in taken}
    candidate, number = short, 2
    while _key(candidate) in used:
        candidate = f"{short} {number}"
        number += 1
    return candidate
