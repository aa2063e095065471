"""Reading WordprocessingML paragraphs as plain text plus marks, with tracked changes accepted or rejected.

By default every tracked change is accepted (`ACCEPT_ALL`: the text a delegation
sees after Accept All): inserted and moved-to text is kept, deleted and moved-from
text dropped, a deleted paragraph mark joins the paragraph with the next one. An
`Acceptance` may accept only some authors' changes and reject the others (an
inserted paragraph mark rejected joins too), or none (`REJECT_ALL`: the text as it
was before the changes were tracked).
Field codes are skipped and their results kept, except NOTEREF fields, which
become footnote anchors. `w:footnoteReference` becomes a footnote anchor;
hyperlinks (relationships or HYPERLINK fields) become link marks; direct italic
and bold (and italic/bold character styles) become marks; a paragraph style's own
italic or bold (a heading) is layout, not a mark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from resdesk.formats.docx.oxml import R_NS, W_NS, w
from resdesk.text.inline import BOLD, FOOTNOTE, ITALIC, LINK, Mark, shift_marks, sorted_marks

SKIPPED = {w(tag) for tag in ("pPr", "rPr", "proofErr", "commentRangeStart",
                               "commentRangeEnd", "permStart", "permEnd", "bookmarkEnd", "moveFromRangeStart",
                               "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd", "customXmlInsRangeStart",
                               "customXmlInsRangeEnd", "customXmlDelRangeStart", "customXmlDelRangeEnd")}
CONTAINERS = {w(tag) for tag in ("smartTag", "customXml", "sdt", "sdtContent", "dir", "bdo")}
INSERTIONS = (w("ins"), w("moveTo"))
DELETIONS = (w("del"), w("moveFrom"))
NOTEREF = re.compile(r"^\s*NOTEREF\s+(\S+)", re.IGNORECASE)
HYPERLINK_FIELD = re.compile(r'^\s*HYPERLINK\s+"([^"]+)"', re.IGNORECASE)
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"


@dataclass(frozen=True)
class Acceptance:
    """Which tracked changes a reading accepts: those of `authors` (None: every author's); the others are
    rejected."""

    authors: frozenset[str] | None = None

    def keeps(self, revision: etree._Element) -> bool:
        """Whether the content of a `w:ins`, `w:moveTo`, `w:del` or `w:moveFrom` (or the paragraph mark or table
        row it marks) is in the text: an insertion accepted, or a deletion rejected."""
        accepted = self.authors is None or revision.get(w("author"), "") in self.authors
        return accepted if revision.tag in INSERTIONS else not accepted


ACCEPT_ALL = Acceptance()
REJECT_ALL = Acceptance(frozenset())


def kept(properties: etree._Element | None, acceptance: Acceptance) -> bool:
    """Whether what `properties` (a `w:pPr/w:rPr` or a `w:trPr`) marks as inserted or deleted is in the text."""
    if properties is None:
        return True
    return all(acceptance.keeps(mark) for mark in properties if mark.tag in INSERTIONS + DELETIONS)


@dataclass
class Paragraph:
    """One paragraph read from the document: its style, text, marks and what the importer needs to classify it."""

    style: str = ""
    text: str = ""
    marks: list[Mark] = field(default_factory=list)
    bookmarks: list[str] = field(default_factory=list)
    numbered: tuple[str, int] | None = None  # (numId, ilvl) of automatic numbering
    page_break_before: bool = False
    mark_deleted: bool = False
    first_line: int | None = None  # the first-line indent in twips, when set directly
    origin: int = 0  # the place of the Word paragraph (or table) in the body, the same in every reading


@dataclass
class StyleInfo:
    """What a style contributes: its name, italic/bold, automatic numbering, and its parent."""

    name: str = ""
    italic: bool | None = None
    bold: bool | None = None
    numbered: tuple[str, int] | None = None
    based_on: str = ""


def _on(element: etree._Element | None) -> bool | None:
    if element is None:
        return None
    value = element.get(w("val"))
    return value not in ("0", "false", "off", "none")


def read_styles(root: etree._Element | None) -> dict[str, StyleInfo]:
    styles: dict[str, StyleInfo] = {}
    if root is None:
        return styles
    for style in root.iter(w("style")):
        info = StyleInfo()
        name = style.find(w("name"))
        info.name = name.get(w("val"), "") if name is not None else ""
        based = style.find(w("basedOn"))
        info.based_on = based.get(w("val"), "") if based is not None else ""
        rpr = style.find(w("rPr"))
        if rpr is not None:
            info.italic = _on(rpr.find(w("i")))
            info.bold = _on(rpr.find(w("b")))
        num_pr = style.find(f"{w('pPr')}/{w('numPr')}")
        if num_pr is not None:
            info.numbered = _num_pr(num_pr)
        styles[style.get(w("styleId"), "")] = info
    return styles


def _num_pr(num_pr: etree._Element) -> tuple[str, int] | None:
    num_id = num_pr.find(w("numId"))
    level = num_pr.find(w("ilvl"))
    if num_id is None or num_id.get(w("val")) in (None, "0"):
        return None
    try:
        return num_id.get(w("val")), int(level.get(w("val"), "0")) if level is not None else 0
    except ValueError:
        return num_id.get(w("val")), 0


class ParagraphReader:
    """Reads paragraphs of one part (document, footnotes) with that part's relationships."""

    def __init__(self, styles: dict[str, StyleInfo], links: dict[str, str], noteref_bookmarks: dict[str, str],
                 acceptance: Acceptance = ACCEPT_ALL):
        self.styles = styles
        self.links = links
        self.noteref_bookmarks = noteref_bookmarks
        self.acceptance = acceptance

    def _style_flag(self, style_id: str, attribute: str) -> bool:
        seen = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            info = self.styles.get(style_id)
            if info is None:
                return False
            value = getattr(info, attribute)
            if value is not None:
                return value
            style_id = info.based_on
        return False

    def read(self, p: etree._Element) -> Paragraph:
        """The paragraph; a NOTEREF to a bookmark around a footnote reference is an anchor of that footnote."""
        paragraph = Paragraph()
        ppr = p.find(w("pPr"))
        if ppr is not None:
            style = ppr.find(w("pStyle"))
            paragraph.style = style.get(w("val"), "") if style is not None else ""
            num_pr = ppr.find(w("numPr"))
            if num_pr is not None:
                paragraph.numbered = _num_pr(num_pr)
            paragraph.page_break_before = bool(_on(ppr.find(w("pageBreakBefore"))))
            paragraph.mark_deleted = not kept(ppr.find(w("rPr")), self.acceptance)
            ind = ppr.find(w("ind"))
            if ind is not None and ind.get(w("firstLine")) is not None:
                try:
                    paragraph.first_line = int(float(ind.get(w("firstLine"))))
                except ValueError:
                    paragraph.first_line = None
        if paragraph.numbered is None and paragraph.style:
            info = self.styles.get(paragraph.style)
            paragraph.numbered = info.numbered if info else None
        state = _State()
        self._walk(p, paragraph, state)
        marks = state.finish()
        for at, name in state.noterefs:
            if name in self.noteref_bookmarks:
                marks.append(Mark(FOOTNOTE, at, at, f"w:{self.noteref_bookmarks[name]}"))
        paragraph.text, paragraph.marks = _without_marker_brackets("".join(state.pieces), sorted_marks(marks))
        return paragraph

    def _walk(self, element: etree._Element, paragraph: Paragraph, state: _State, link: str = "") -> None:
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or tag in SKIPPED:
                continue
            if tag == w("r"):
                self._run(child, state, link)
            elif tag == w("hyperlink"):
                target = self.links.get(child.get(f"{{{R_NS}}}id", ""), "")
                anchor = child.get(w("anchor"))
                self._walk(child, paragraph, state, target or (f"#{anchor}" if anchor else link))
            elif tag == w("fldSimple"):
                instruction = child.get(w("instr"), "")
                match = NOTEREF.match(instruction)
                if match:
                    state.noterefs.append((state.length, match.group(1)))
                    continue
                hyperlink = HYPERLINK_FIELD.match(instruction)
                self._walk(child, paragraph, state, hyperlink.group(1) if hyperlink else link)
            elif tag == w("bookmarkStart"):
                paragraph.bookmarks.append(child.get(w("name"), ""))
            elif tag in CONTAINERS or (tag in INSERTIONS + DELETIONS and self.acceptance.keeps(child)):
                self._walk(child, paragraph, state, link)
            elif tag == f"{{{MC_NS}}}AlternateContent":
                fallback = child.find(f"{{{MC_NS}}}Fallback")
                if fallback is not None:
                    self._walk(fallback, paragraph, state, link)

    def _run(self, r: etree._Element, state: _State, link: str) -> None:
        rpr = r.find(w("rPr"))
        style = ""
        italic = bold = False
        if rpr is not None:
            rstyle = rpr.find(w("rStyle"))
            style = rstyle.get(w("val"), "") if rstyle is not None else ""
            if style:
                italic = self._style_flag(style, "italic") or italic
                bold = self._style_flag(style, "bold") or bold
            direct_italic, direct_bold = _on(rpr.find(w("i"))), _on(rpr.find(w("b")))
            italic = italic if direct_italic is None else direct_italic
            bold = bold if direct_bold is None else direct_bold
        for child in r:
            tag = child.tag
            if tag == w("fldChar"):
                state.field_char(child.get(w("fldCharType"), ""))
            elif tag in (w("instrText"), w("delInstrText")):  # (deleted text is read when a deletion is rejected)
                state.instruction += child.text or ""
            elif state.in_instruction or state.in_noteref_result:
                continue
            elif tag in (w("t"), w("delText")):
                state.add(child.text or "", italic=italic, bold=bold, link=link or state.field_link)
            elif tag in (w("tab"), w("ptab")):
                state.add("\t", italic=italic, bold=bold, link=link)
            elif tag in (w("br"), w("cr")):
                state.add(" ", italic=italic, bold=bold, link=link)
            elif tag == w("noBreakHyphen"):
                state.add("\u2011", italic=italic, bold=bold, link=link)
            elif tag == w("footnoteReference"):
                state.footnotes.append((state.length, child.get(w("id"), "")))


def _without_marker_brackets(text: str, marks: list[Mark]) -> tuple[str, list[Mark]]:
    """The text without the "(" and ")" around a footnote reference: Arabic markers stand in parentheses
    ("(1)"), which belong to the marker, not to the text."""
    for anchor in sorted((m for m in marks if m.kind == FOOTNOTE), key=lambda m: m.start, reverse=True):
        at = anchor.start
        if at and text[at - 1:at + 1] == "()":
            text, marks = text[:at - 1] + text[at + 1:], shift_marks(marks, at - 1, 2, 0)
    return text, sorted_marks(marks)


class _State:
    """Text pieces, formatting runs and field state while reading one paragraph."""

    def __init__(self):
        self.pieces: list[str] = []
        self.length = 0
        self.spans: dict[str, list[list]] = {ITALIC: [], BOLD: [], LINK: []}
        self.footnotes: list[tuple[int, str]] = []
        self.noterefs: list[tuple[int, str]] = []
        self.field_depth = 0
        self.in_instruction = False
        self.instruction = ""
        self.in_noteref_result = False
        self.field_link = ""

    def field_char(self, kind: str) -> None:
        if kind == "begin":
            self.field_depth += 1
            self.in_instruction = True
            self.instruction = ""
        elif kind == "separate":
            self.in_instruction = False
            noteref = NOTEREF.match(self.instruction)
            if noteref:
                self.noterefs.append((self.length, noteref.group(1)))
                self.in_noteref_result = True
            hyperlink = HYPERLINK_FIELD.match(self.instruction)
            self.field_link = hyperlink.group(1) if hyperlink else ""
        elif kind == "end":
            self.field_depth = max(0, self.field_depth - 1)
            self.in_instruction = False
            self.in_noteref_result = False
            self.field_link = ""

    def add(self, text: str, *, italic: bool, bold: bool, link: str) -> None:
        if not text:
            return
        start, end = self.length, self.length + len(text)
        for kind, on, target in ((ITALIC, italic, ""), (BOLD, bold, ""), (LINK, bool(link), link)):
            if not on:
                continue
            spans = self.spans[kind]
            if spans and spans[-1][1] == start and spans[-1][2] == target:
                spans[-1][1] = end
            else:
                spans.append([start, end, target])
        self.pieces.append(text)
        self.length = end

    def finish(self) -> list[Mark]:
        marks = [Mark(kind, start, end, target) for kind, spans in self.spans.items() for start, end, target in spans]
        marks += [Mark(FOOTNOTE, at, at, f"w:{note_id}") for at, note_id in self.footnotes]
        return marks


def bookmark_footnotes(root: etree._Element) -> dict[str, str]:
    """Bookmark name -> Word footnote id, for bookmarks that mark a footnote reference (NOTEREF targets).

    Word encloses the reference in the bookmark; LibreOffice saves it as an empty bookmark just
    before the reference, so a bookmark closed with no text since also takes the next reference.
    """
    result: dict[str, str] = {}
    open_marks: dict[str, str] = {}
    waiting: list[str] = []
    for element in root.iter(w("bookmarkStart"), w("bookmarkEnd"), w("footnoteReference"), w("t")):
        if element.tag == w("bookmarkStart"):
            open_marks[element.get(w("id"), "")] = element.get(w("name"), "")
        elif element.tag == w("bookmarkEnd"):
            name = open_marks.pop(element.get(w("id"), ""), None)
            if name is not None and name not in result:
                waiting.append(name)
        elif element.tag == w("t"):
            if element.text:
                waiting.clear()
        else:
            for name in [*open_marks.values(), *waiting]:
                result.setdefault(name, element.get(w("id"), ""))
            waiting.clear()
    return result


__all__ = ["ACCEPT_ALL", "REJECT_ALL", "Acceptance", "Paragraph", "ParagraphReader", "StyleInfo", "W_NS",
           "bookmark_footnotes", "kept", "read_styles"]
