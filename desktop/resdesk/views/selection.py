"""Which amendments a view or an export shows, from what a user typed: the one place the filter is built.

Statuses are read by `resdesk.model.amendment.parse_status` (any spelling), delegations by full or
short name (`resdesk.store.delegations.resolve_delegation`); an unknown one is a UserError. The outline's
views, the window's prints and every exporter (`resdesk.views.export.prepare_export`) build their
`AmendmentFilter` here.
"""

from __future__ import annotations

from resdesk.amend.filters import AmendmentFilter
from resdesk.model.amendment import LIVE_STATUSES, parse_status
from resdesk.store.delegations import resolve_delegation
from resdesk.store.docfile import DocumentFile


def amendment_filter(doc: DocumentFile, statuses: list[str] | None = None,
                     delegations: list[str] | None = None, default: tuple[str, ...] = LIVE_STATUSES
                     ) -> AmendmentFilter:
    """A filter from what a user typed (statuses default: `default`, the live ones)."""
    names = tuple(resolve_delegation(doc, name).name for name in delegations) if delegations else None
    chosen = tuple(parse_status(s) for s in statuses) if statuses else default
    return AmendmentFilter(statuses=chosen, delegations=names)
