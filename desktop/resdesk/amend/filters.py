"""Which amendments a view shows: by status and by delegation."""

from __future__ import annotations

from dataclasses import dataclass

from resdesk.errors import UserError
from resdesk.model.amendment import LIVE_STATUSES, STATUSES, Amendment


@dataclass(frozen=True)
class AmendmentFilter:
    """`statuses`: the statuses shown; `delegations`: names whose amendments are shown
    (as author or co-sponsor; None: every delegation); `ids`: only these amendments (None: any;
    a tracked Word file shows the ones the consolidated text applies, labelled among all).
    Stale amendments are never applied or shown inline: the panel lists them with their stale flag."""

    statuses: tuple[str, ...] = LIVE_STATUSES
    delegations: tuple[str, ...] | None = None
    ids: frozenset[str] | None = None

    def __post_init__(self):
        unknown = [status for status in self.statuses if status not in STATUSES]
        if unknown:
            raise UserError(f"“{unknown[0]}” is not a status; use one of {', '.join(STATUSES)}.")

    def includes(self, amendment: Amendment) -> bool:
        if amendment.stale or amendment.status not in self.statuses:
            return False
        if self.ids is not None and amendment.id not in self.ids:
            return False
        return self.delegations is None or any(name in self.delegations for name in amendment.sponsors())

    def select(self, amendments: list[Amendment]) -> list[Amendment]:
        return [amendment for amendment in amendments if self.includes(amendment)]
