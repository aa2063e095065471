"""The views of a stored version in one call, for exporters and windows.

`resdesk.views.markup.markup` and `resdesk.views.consolidated.consolidated`
are pure functions; these helpers load what they need from the document file
(the version, its amendments) and turn user-level filters (statuses as typed,
delegations by full or short name) into an `AmendmentFilter`.
"""

from __future__ import annotations

from resdesk.amend.filters import AmendmentFilter
from resdesk.model.amendment import ACCEPTED_BY_DEFAULT, LIVE_STATUSES, parse_status
from resdesk.model.document import Document
from resdesk.store.amendments import amendments
from resdesk.store.delegations import resolve_delegation
from resdesk.store.docfile import DocumentFile
from resdesk.store.documents import load
from resdesk.views.consolidated import consolidated
from resdesk.views.markup import Markup, markup


def amendment_filter(doc: DocumentFile, statuses: list[str] | None = None,
                     delegations: list[str] | None = None, default: tuple[str, ...] = LIVE_STATUSES
                     ) -> AmendmentFilter:
    """A filter from what a user typed; unknown statuses or delegations are a UserError."""
    names = tuple(resolve_delegation(doc, name).name for name in delegations) if delegations else None
    chosen = tuple(parse_status(s) for s in statuses) if statuses else default
    return AmendmentFilter(statuses=chosen, delegations=names)


def stored_markup(doc: DocumentFile, version: str | None = None, statuses: list[str] | None = None,
                  delegations: list[str] | None = None) -> Markup:
    """The markup view of a stored version (default: current; statuses default: the live ones)."""
    document = load(doc, version)
    return markup(document, amendments(doc, document.version), amendment_filter(doc, statuses, delegations))


def stored_consolidated(doc: DocumentFile, version: str | None = None, statuses: list[str] | None = None,
                        delegations: list[str] | None = None) -> Document:
    """The consolidated text of a stored version (statuses default: agreed and agreed ad ref)."""
    document = load(doc, version)
    selection = amendment_filter(doc, statuses, delegations, default=ACCEPTED_BY_DEFAULT)
    return consolidated(document, amendments(doc, document.version), selection.statuses, selection.delegations)
