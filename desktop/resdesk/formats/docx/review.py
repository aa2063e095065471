"""What a Word file's reviewers did besides its text: who tracked changes, and their comments with replies.

Word records every tracked change (`w:ins`, `w:del`, `w:moveFrom`, `w:moveTo`, in the text, on paragraph
marks, on table rows, in the body and the footnotes) under its author's name, and every comment in
`word/comments.xml` with its author, anchored in the text by `w:commentRangeStart` (or, without a range,
its `w:commentReference`). A reply is a comment whose paragraph `word/commentsExtended.xml` names as the
child of another comment's paragraph (`w15:paraIdParent`), as Word and our tracked export write it.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from resdesk.formats.docx.oxml import w
from resdesk.formats.docx.reader import DocxPackage
from resdesk.formats.docx_import import body_elements

W14_NS = "http://schemas.microsoft.com/office/word/2010/wordml"
W15_NS = "http://schemas.microsoft.com/office/word/2012/wordml"
REVISIONS = ("ins", "del", "moveFrom", "moveTo")


@dataclass(frozen=True)
class WordComment:
    """One comment of a Word file: its Word id, author, text, the comment it answers (Word id, "" for none)
    and the origin of the paragraph (or table) it is anchored in (0: none of the body's)."""

    id: str
    author: str
    text: str
    reply_to: str
    origin: int


def revision_authors(package: DocxPackage) -> list[str]:
    """The authors of the file's tracked changes (body and footnotes), in order of first change."""
    authors: dict[str, None] = {}
    for part in [package.main, package.related(package.main, "footnotes")]:
        if part is None:
            continue
        for element in package.xml(part).iter(*(w(tag) for tag in REVISIONS)):
            authors.setdefault(" ".join(element.get(w("author"), "").split()))
    return list(authors)


def comments(package: DocxPackage) -> list[WordComment]:
    """The file's comments in their order in comments.xml, each with the paragraph it is anchored in."""
    part = package.related(package.main, "comments")
    if part is None:
        return []
    parents = _reply_parents(package)
    anchors = _anchors(package.xml(package.main))
    found, by_paragraph = [], {}
    for comment in package.xml(part).iter(w("comment")):
        ident = comment.get(w("id"), "")
        paragraphs = list(comment.iter(w("p")))
        text = "\n".join("".join(t.text or "" for t in p.iter(w("t"))) for p in paragraphs).strip()
        for paragraph in paragraphs:
            if paragraph.get(f"{{{W14_NS}}}paraId"):
                by_paragraph[paragraph.get(f"{{{W14_NS}}}paraId")] = ident
        last = paragraphs[-1].get(f"{{{W14_NS}}}paraId", "") if paragraphs else ""
        found.append((ident, " ".join(comment.get(w("author"), "").split()), text, last))
    return [WordComment(ident, author, text, by_paragraph.get(parents.get(last, "") if last else "", ""),
                        anchors.get(ident, 0)) for ident, author, text, last in found if text]


def _reply_parents(package: DocxPackage) -> dict[str, str]:
    """Comment paragraph id -> the paragraph id of the comment it replies to (commentsExtended.xml)."""
    part = package.related(package.main, "commentsExtended")
    if part is None:
        return {}
    return {entry.get(f"{{{W15_NS}}}paraId", ""): entry.get(f"{{{W15_NS}}}paraIdParent", "")
            for entry in package.xml(part).iter(f"{{{W15_NS}}}commentEx")
            if entry.get(f"{{{W15_NS}}}paraIdParent")}


def _anchors(root: etree._Element) -> dict[str, int]:
    """Comment id -> the origin of the body paragraph (or table) where its range starts (or its reference)."""
    body = root.find(w("body"))
    if body is None:
        return {}
    anchors: dict[str, int] = {}
    for origin, (element, _around) in enumerate(body_elements(body), start=1):
        for mark in element.iter(w("commentRangeStart")):
            anchors.setdefault(mark.get(w("id"), ""), origin)
        for mark in element.iter(w("commentReference")):
            anchors.setdefault(mark.get(w("id"), ""), origin)
    return anchors
