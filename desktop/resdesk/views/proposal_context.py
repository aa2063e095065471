"""What reading proposals from files needs to know of a document, read from its file once.

Word files come back made from any version of the text (the original while the document is at Rev.1),
with changes the document may already hold. `proposal_context(doc)` gathers, for the readers in
`resdesk.formats` (which never touch the store): every version with its symbol, the revisions that lead
from each to the current one (what each applied), the current version's amendments and every comment
(to recognise duplicates), and the delegations the document knows (to tell who made a change).
"""

from __future__ import annotations

from dataclasses import dataclass

from resdesk.model.amendment import Amendment
from resdesk.model.comment import Comment
from resdesk.model.delegation import Delegation
from resdesk.model.document import Document
from resdesk.store.amendments import amendments
from resdesk.store.comments import comments
from resdesk.store.delegations import document_delegations
from resdesk.store.docfile import DocumentFile
from resdesk.store.documents import load, version_names
from resdesk.store.revisions import revision_steps


@dataclass
class RevisionStep:
    """One revision on the way to the current version: the version revised, the revision, what it applied."""

    old: Document
    new: Document
    applied: list[Amendment]


@dataclass
class ProposalContext:
    current: Document
    versions: list[Document]                   # oldest first, the current one among them
    steps: dict[str, list[RevisionStep]]       # by version name: the revisions from it to the current one
    amendments: list[Amendment]                # the current version's, in order of entry
    comments: list[Comment]
    delegations: list[Delegation]

    def version_of(self, symbol: str) -> Document | None:
        """The version whose symbol is `symbol` (the latest such), or None."""
        found = [document for document in self.versions if document.meta.symbol == symbol]
        return found[-1] if found else None


def proposal_context(doc: DocumentFile) -> ProposalContext:
    """The context of the document file's current version (see the module docstring)."""
    current = load(doc)
    versions = [load(doc, name) for name in version_names(doc)]
    by_name = {version.version: version for version in versions}
    steps = {}
    for version in versions:
        if version.version != current.version:
            steps[version.version] = [RevisionStep(by_name[old], by_name[new], applied)
                                      for old, new, applied in revision_steps(doc, version.version, current.version)]
    return ProposalContext(current, versions, steps, amendments(doc, current.version), comments(doc),
                           document_delegations(doc))
