"""The consolidated view: the version's text as if the chosen amendments were accepted."""

from __future__ import annotations

from resdesk.amend.apply import apply_amendments
from resdesk.amend.filters import AmendmentFilter
from resdesk.model.amendment import ACCEPTED_BY_DEFAULT, Amendment
from resdesk.model.document import Document


def consolidated(document: Document, amendments: list[Amendment], statuses: tuple[str, ...] = ACCEPTED_BY_DEFAULT,
                 delegations: tuple[str, ...] | None = None) -> Document:
    """`document` with the amendments of the given statuses (default agreed and agreed ad ref) applied.

    Deterministic and independent of the order of the amendments (see
    `resdesk.amend.apply` for the collision policy). Returns a new Document.
    """
    chosen = AmendmentFilter(statuses=tuple(statuses), delegations=delegations).select(amendments)
    return apply_amendments(document, chosen).document
