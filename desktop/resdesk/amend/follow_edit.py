"""Proposals follow a direct edit of the text ("edit text" mode): they find their words again or go stale."""

from __future__ import annotations

from resdesk.amend.reanchor import mapped_offset, refind
from resdesk.model.amendment import ALTERNATIVE, DELETE_BLOCK, FOOTNOTE_CHANGE, LIVE_STATUSES, REPLACE
from resdesk.store.amendments import amendments, rewrite_anchor
from resdesk.store.docfile import DocumentFile
from resdesk.store.documents import version_id
from resdesk.text.diff import word_edits


def follow_text_edit(doc: DocumentFile, block_id: str, before: str, after: str, *, actor: str = "") -> list[str]:
    """After the text of a block of the current version was edited directly, re-anchor its amendments.

    Call in the same transaction as the edit. Replacements find their words
    again (see `resdesk.amend.reanchor`) or become stale; deletions and
    alternatives record the new text they act on. Returns the ids of the
    amendments that went stale.
    """
    vid = version_id(doc)
    changes = [(edit.start, edit.end, len(edit.insert)) for edit in word_edits(before, after)]
    stale = []
    with doc.transaction("follow-edit", actor=actor, version=vid, detail={"block": block_id, "stale": stale}):
        for amendment in amendments(doc):
            if amendment.target != block_id or amendment.stale or amendment.status not in LIVE_STATUSES:
                continue
            if amendment.kind == REPLACE and not refind(amendment, after, changes):
                amendment.stale = True
                stale.append(amendment.id)
            elif amendment.kind in (DELETE_BLOCK, ALTERNATIVE):
                amendment.old = after
            elif amendment.kind == FOOTNOTE_CHANGE:  # the anchor's place moves with the words before it
                amendment.start = amendment.end = min(mapped_offset(amendment.start, changes), len(after))
            rewrite_anchor(doc, amendment, vid)
    return stale
