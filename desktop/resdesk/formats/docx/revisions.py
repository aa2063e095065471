"""Word revisions and comments: `w:ins`, `w:del`, moves, paragraph-mark changes, comments.xml.

Every revision element gets a unique `w:id` from one counter; comments have
their own counter. Deleted content uses `w:delText` (and `w:delInstrText` for
field codes), as Word requires. A reply is a threaded reply, as Word writes one:
each comment's paragraph has a `w14:paraId`, and `word/commentsExtended.xml`
names the paragraph of the comment a reply answers (`w15:paraIdParent`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from resdesk.formats.docx.oxml import el, run, w

COMMENTS_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
COMMENTS_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
COMMENTS_EXTENDED_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml"
COMMENTS_EXTENDED_RT = "http://schemas.microsoft.com/office/2011/relationships/commentsExtended"
W14_NS = "http://schemas.microsoft.com/office/word/2010/wordml"
W15_NS = "http://schemas.microsoft.com/office/word/2012/wordml"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
UNKNOWN_DATE = "2000-01-01T00:00:00Z"


def word_date(iso: str) -> str:
    """A stored ISO 8601 UTC time as Word wants it ("2026-11-28T01:44:00Z")."""
    if not iso:
        return UNKNOWN_DATE
    return iso if iso.endswith("Z") else iso[:19] + "Z"


def as_deleted(elements: list[etree._Element]) -> list[etree._Element]:
    """Runs turned into deleted runs: `w:t` → `w:delText`, `w:instrText` → `w:delInstrText`."""
    for element in elements:
        for node in element.iter(w("t"), w("instrText")):
            node.tag = w("delText") if node.tag == w("t") else w("delInstrText")
    return elements


@dataclass
class Revisions:
    """Makes revision elements with unique ids, and collects comments."""

    next_id: int = 1
    next_comment: int = 0
    comments: list[etree._Element] = field(default_factory=list)
    parents: dict[int, int] = field(default_factory=dict)  # reply -> the comment it answers
    move_names: dict[str, int] = field(default_factory=dict)

    def _id(self) -> int:
        self.next_id += 1
        return self.next_id - 1

    def mark(self, tag: str, author: str, date: str) -> etree._Element:
        """An empty revision element (for a paragraph mark: `w:pPr/w:rPr/w:ins`)."""
        return el(tag, id=self._id(), author=author or "", date=word_date(date))

    def wrap(self, tag: str, author: str, date: str, children: list[etree._Element]) -> list[etree._Element]:
        """`w:ins`/`w:del`/`w:moveFrom`/`w:moveTo` around runs (deleted runs get delText).

        A revision may hold runs but not a hyperlink, so a hyperlink keeps its place and the
        revision goes inside it, around the hyperlink's runs.
        """
        if tag in ("del", "moveFrom"):
            as_deleted(children)
        result: list[etree._Element] = []
        group: etree._Element | None = None
        for child in children:
            if child.tag == w("hyperlink"):
                runs = list(child)
                inner = self.mark(tag, author, date)
                inner.extend(runs)
                child.append(inner)
                result.append(child)
                group = None
                continue
            if group is None:
                group = self.mark(tag, author, date)
                result.append(group)
            group.append(child)
        return result

    def move_range(self, side: str, name: str, author: str, date: str) -> tuple[etree._Element, etree._Element]:
        """moveFromRangeStart/End or moveToRangeStart/End named `name` (the pair's shared name)."""
        ident = self._id()
        start = el(f"{side}RangeStart", id=ident, name=name, author=author or "", date=word_date(date))
        return start, el(f"{side}RangeEnd", id=ident)

    def comment(self, author: str, date: str, text: str, reply_to: int | None = None) -> int:
        """A new comment (a reply to comment `reply_to`); returns its id, to anchor with `comment_range`."""
        ident = self.next_comment
        self.next_comment += 1
        if reply_to is not None:
            self.parents[ident] = reply_to
        initials = "".join(word[0] for word in author.split()[:3] if word[:1].isalpha()).upper()
        paragraphs = [el("p", el("pPr", el("pStyle", val="CommentText")),
                         run(line) if line else None) for line in text.split("\n")]
        # Word starts a comment with its reference mark, as python-docx does
        paragraphs[0].find(w("pPr")).addnext(el("r", el("rPr", el("rStyle", val="CommentReference")),
                                                 el("annotationRef")))
        paragraphs[-1].set(f"{{{W14_NS}}}paraId", para_id(ident))
        comment = el("comment", *paragraphs, id=ident, author=author or "", date=word_date(date), initials=initials)
        self.comments.append(comment)
        return ident

    def comments_element(self) -> etree._Element:
        root = etree.Element(w("comments"), nsmap={"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                                                  "w14": W14_NS, "mc": MC_NS})
        root.set(f"{{{MC_NS}}}Ignorable", "w14")
        root.extend(self.comments)
        etree.cleanup_namespaces(root, top_nsmap={"w14": W14_NS})
        return root

    def comments_extended_element(self) -> etree._Element:
        """commentsExtended.xml: every comment's paragraph, with the one a reply answers."""
        root = etree.Element(f"{{{W15_NS}}}commentsEx", nsmap={"w15": W15_NS, "mc": MC_NS})
        root.set(f"{{{MC_NS}}}Ignorable", "w15")
        for ident in range(self.next_comment):
            entry = etree.SubElement(root, f"{{{W15_NS}}}commentEx")
            entry.set(f"{{{W15_NS}}}paraId", para_id(ident))
            if ident in self.parents:
                entry.set(f"{{{W15_NS}}}paraIdParent", para_id(self.parents[ident]))
            entry.set(f"{{{W15_NS}}}done", "0")
        return root


def para_id(comment_id: int) -> str:
    """The `w14:paraId` of a comment's paragraph: 8 hex digits, below 0x80000000 as Word requires."""
    return f"{0x10000000 + comment_id:08X}"


def comment_range(paragraph: etree._Element, comment_ids: list[int], after: etree._Element | None = None) -> None:
    """Anchor comments over a paragraph's content (from after `after`, or from the start, to the end)."""
    for ident in comment_ids:
        start = el("commentRangeStart", id=ident)
        if after is not None:
            after.addnext(start)
        else:
            ppr = paragraph.find(w("pPr"))
            if ppr is not None:
                ppr.addnext(start)
            else:
                paragraph.insert(0, start)
        paragraph.append(el("commentRangeEnd", id=ident))
        paragraph.append(el("r", el("rPr", el("rStyle", val="CommentReference")), el("commentReference", id=ident)))


