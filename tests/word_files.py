"""Word files as delegations send them back, for the tests of reading proposals: tracked by several people
(with comments and replies), typed over, with a paragraph added the way Word records pressing Enter."""

from __future__ import annotations

import copy

from lxml import etree

from docx_support import W
from resdesk.amend.anchors import TextIndex
from resdesk.amend.filters import AmendmentFilter
from resdesk.amend.propose import (
    propose_delete_paragraph,
    propose_move,
    propose_new_paragraph,
    propose_replace,
)
from resdesk.formats.docx.tracked import render_tracked
from resdesk.model.amendment import STATUSES, Amendment
from resdesk.model.comment import Comment
from resdesk.model.delegation import bundled_delegations
from resdesk.model.document import Document
from resdesk.views.export_input import ExportOptions, export_input
from resdesk.views.proposal_context import ProposalContext

NEW_TEXT = "Invites Member States to share their national experiences;"


def context_of(document: Document, amendments: list[Amendment] = (), comments: list[Comment] = ()) -> ProposalContext:
    """The context of a document that has only `document` as its version (no file needed)."""
    return ProposalContext(document, [document], {}, list(amendments), list(comments), list(bundled_delegations()))


def tracked_by(document: Document, changes: list[Amendment], comments: list[Comment] = ()) -> bytes:
    """A Word file of `document` with `changes` tracked under their authors' names (whoever they are) and
    `comments` by theirs, as several people reviewing one file leave it."""
    for number, change in enumerate(changes, start=1):
        change.id, change.created = f"a{number}", f"2013-10-{number:02d}T09:00:00Z"
    for number, comment in enumerate(comments, start=1):
        comment.id, comment.created = f"c{number}", f"2013-10-{number:02d}T10:00:00Z"
    prepared = export_input(document, changes, AmendmentFilter(statuses=STATUSES), ExportOptions(mode="tracked"),
                            comments=comments)
    return render_tracked(prepared)


def three_reviewers(document: Document) -> tuple[list[Amendment], list[Comment]]:
    """Changes by "Brazil" (a delegation's name), "EU" (a short name) and "J. Smith" (a person), and a
    comment by J. Smith answered by Chile."""
    index = TextIndex.of(document)
    op3 = next(ident for ident, label in index.labels.items() if label == "OP3")
    changes = [
        propose_replace(document, "Brazil", "OP2", "to continue to strengthen", "to strengthen further"),
        propose_delete_paragraph(document, "EU", "OP7"),
        propose_new_paragraph(document, "J. Smith", NEW_TEXT, "OP3"),
        propose_move(document, "J. Smith", "OP11", "OP4"),
    ]
    comments = [Comment("", "J. Smith", "Our capital insists on this.", block=op3),
                Comment("", "Chile", "We agree.", block=op3, reply_to="c1")]
    return changes, comments


def paragraph_with(root: etree._Element, words: str) -> etree._Element:
    """The body paragraph whose text holds `words`."""
    return next(p for p in root.iter(f"{W}p") if words in "".join(t.text or "" for t in p.iter(f"{W}t")))


def enter_after(root: etree._Element, words: str, text: str, author: str) -> None:
    """A new paragraph typed after the one holding `words` with Track Changes on, as Word records pressing
    Enter at its end: that paragraph's mark is the inserted one, the new paragraph keeps the old mark (a tab
    in `text` is a tab, after a typed number)."""
    before = paragraph_with(root, words)
    new = copy.deepcopy(before)
    for child in list(new):
        if child.tag != f"{W}pPr":
            new.remove(child)
    inserted = etree.SubElement(new, f"{W}ins", {f"{W}id": "990", f"{W}author": author,
                                                 f"{W}date": "2013-10-09T12:00:00Z"})
    run = etree.SubElement(inserted, f"{W}r")
    for number, piece in enumerate(text.split("\t")):
        if number:
            etree.SubElement(run, f"{W}tab")
        etree.SubElement(run, f"{W}t").text = piece
    properties = before.find(f"{W}pPr")
    marks = properties.find(f"{W}rPr")
    if marks is None:
        marks = etree.SubElement(properties, f"{W}rPr")
    etree.SubElement(marks, f"{W}ins", {f"{W}id": "991", f"{W}author": author, f"{W}date": "2013-10-09T12:00:00Z"})
    before.addnext(new)
