"""Delegations: Member States, observer States and negotiating groups, each with a colour.

The bundled list (`resources/delegations.json`) holds the 193 Member States,
the observer States and the usual groups. A document adds its own (a group of
friends, a delegation the list lacks) and gives each delegation that proposes
something a colour of its own (see `resdesk.store.delegations`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache

from resdesk.resources import resource

MEMBER = "member"
OBSERVER = "observer"
GROUP = "group"
DELEGATION_KINDS = (MEMBER, OBSERVER, GROUP)


@dataclass(frozen=True)
class Delegation:
    """One delegation. `groups` are the short names of the groups it belongs to."""

    name: str
    short_name: str
    kind: str = MEMBER
    groups: tuple[str, ...] = field(default_factory=tuple)
    colour: str = ""

    def to_json(self) -> dict:
        return {"name": self.name, "short_name": self.short_name, "kind": self.kind,
                "groups": list(self.groups), "colour": self.colour}

    @staticmethod
    def from_json(value: dict) -> Delegation:
        return Delegation(value["name"], value.get("short_name") or value["name"], value.get("kind", MEMBER),
                          tuple(value.get("groups", ())), value.get("colour", ""))


@lru_cache(maxsize=1)
def bundled_delegations() -> tuple[Delegation, ...]:
    """The bundled list, in its order (Member States A–Z, observers, groups)."""
    data = json.loads(resource("delegations.json").read_text(encoding="utf-8"))
    return tuple(Delegation.from_json(item) for item in data["delegations"])


def _key(text: str) -> str:
    return " ".join(text.replace("’", "'").casefold().split())


def find_delegation(delegations: list[Delegation] | tuple[Delegation, ...], name: str) -> Delegation | None:
    """The delegation called `name` (full or short name, any case), or None."""
    wanted = _key(name)
    for delegation in delegations:
        if _key(delegation.name) == wanted:
            return delegation
    for delegation in delegations:
        if _key(delegation.short_name) == wanted:
            return delegation
    return None
