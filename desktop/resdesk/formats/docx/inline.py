"""Inline text to Word runs: italic opening phrase, italic/bold marks, links, footnote references.

A block's text is cut at every mark boundary; each piece becomes one run with
its formatting, links become `w:hyperlink` elements (external relationships),
and footnote anchors become references: the first anchor of a footnote is a
real `w:footnoteReference`; a later anchor of the same footnote repeats its
number with a NOTEREF field to a bookmark around the first reference (Word
allows one reference per footnote; the field keeps the number right if Word
renumbers). `RunContext` carries what must be unique across the document.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from resdesk.formats.docx.oxml import R_NS, bookmark, el, field_runs, footnote_reference_run, run, run_properties
from resdesk.text.inline import FOOTNOTE, Coverage, Mark
from resdesk.un.languages import ITALIC as ITALIC_OPENING
from resdesk.un.languages import Emphasis
from resdesk.un.symbols import link_url

HYPERLINK_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"


def footnote_bookmark(note_number: int) -> str:
    return f"_RefFootnote{note_number}"


@dataclass
class RunContext:
    """Document-wide state while writing runs: footnote numbers, bookmark ids, link relationships."""

    part: object = None  # python-docx DocumentPart, for hyperlink relationships (None: links as plain runs)
    rtl: bool = False
    opening: Emphasis = ITALIC_OPENING  # how the text's language sets an opening phrase
    brackets: tuple[str, str] = ("", "")  # around footnote markers: ("(", ")") in Arabic
    footnote_numbers: dict[str, int] = field(default_factory=dict)
    footnote_order: list[str] = field(default_factory=list)
    referenced: set[str] = field(default_factory=set)
    next_bookmark: int = 1
    link_ids: dict[str, str] = field(default_factory=dict)
    next_rid: int = 1  # the lowest relationship id that may be free

    def footnote_number(self, footnote_id: str) -> int:
        if footnote_id not in self.footnote_numbers:
            self.footnote_numbers[footnote_id] = len(self.footnote_numbers) + 1
            self.footnote_order.append(footnote_id)
        return self.footnote_numbers[footnote_id]

    def link_id(self, target: str) -> str | None:
        if self.part is None:
            return None
        if target not in self.link_ids:
            # python-docx's relate_to looks through every relationship twice (for a match, for a free id):
            # quadratic in links. Each target is added once here, with the id python-docx would choose.
            rels = self.part.rels
            while f"rId{self.next_rid}" in rels:
                self.next_rid += 1
            self.link_ids[target] = f"rId{self.next_rid}"
            rels.add_relationship(HYPERLINK_RT, link_url(target), self.link_ids[target], is_external=True)
        return self.link_ids[target]

    def bookmark_id(self) -> int:
        self.next_bookmark += 1
        return self.next_bookmark - 1


def footnote_reference(ctx: RunContext, footnote_id: str) -> list[etree._Element]:
    """The runs of one footnote anchor: a real reference the first time, a NOTEREF field later (in the
    parentheses of Arabic markers)."""
    number = ctx.footnote_number(footnote_id)
    if footnote_id not in ctx.referenced:
        ctx.referenced.add(footnote_id)
        start, end = bookmark(footnote_bookmark(number), ctx.bookmark_id())
        return bracketed_marker(ctx, [start, footnote_reference_run(number), end])
    rpr = el("rPr", el("rStyle", val="FootnoteReference"))
    return bracketed_marker(ctx, field_runs(f"NOTEREF {footnote_bookmark(number)} \\f \\h", str(number), rpr))


def bracketed_marker(ctx: RunContext, runs: list[etree._Element]) -> list[etree._Element]:
    """`runs` (a footnote marker) between the marker's parentheses, when the language writes them."""
    before, after = ctx.brackets
    if not before:
        return runs
    return [run(before, run_properties(style="FootnoteReference", rtl=ctx.rtl, cs=ctx.rtl)), *runs,
            run(after, run_properties(style="FootnoteReference", rtl=ctx.rtl, cs=ctx.rtl))]


def _cuts(length: int, marks: list[Mark], italic_until: int, start: int, end: int) -> list[int]:
    points = {start, end}
    if start < italic_until < end:
        points.add(italic_until)
    for mark in marks:
        for point in (mark.start, mark.end):
            if start < point < end:
                points.add(point)
    return sorted(p for p in points if 0 <= p <= length)


def inline_runs(ctx: RunContext, text: str, marks: list[Mark], *, italic_until: int = 0,
                start: int = 0, end: int | None = None, text_tag: str = "t",
                base_italic: bool = False, anchors: bool = True, underline: bool = False, strike: bool = False,
                color: str = "") -> list[etree._Element]:
    """Runs for `text[start:end]` with its marks; `italic_until` ends the opening phrase (set as
    `ctx.opening` says: italic, bold in Chinese, bold italic in Arabic).

    Footnote anchors at offsets in (start, end] are written after the text
    before them (an anchor at `start` too when start == 0); `text_tag` is
    "delText" inside a deletion. `anchors=False` leaves footnote anchors out.
    `underline`, `strike` and `color` ("RRGGBB") format every run (a change shown, not tracked).
    """
    end = len(text) if end is None else end
    elements: list[etree._Element] = []
    length = len(text)
    footnotes = sorted((Mark(FOOTNOTE, min(m.start, length), min(m.start, length), m.target)
                        for m in marks if m.kind == FOOTNOTE), key=lambda m: m.start)
    spans = [m for m in marks if m.kind != FOOTNOTE]
    cuts = _cuts(len(text), spans + footnotes, italic_until, start, end)

    notes: dict[int, list[str]] = {}  # by offset: one look-up per piece, not a scan of every anchor
    for note in footnotes:
        notes.setdefault(note.start, []).append(note.target)

    def anchors_at(position: int) -> None:
        if anchors and (start < position <= end or position == start == 0):
            for target in notes.get(position, ()):
                elements.extend(footnote_reference(ctx, target))

    if start == 0:
        anchors_at(0)
    coverage = Coverage(spans)
    for left, right in zip(cuts, cuts[1:], strict=False):
        piece = text[left:right]
        if piece:
            marked_italic, marked_bold, link = coverage.at(left)
            opening = left < italic_until
            italic = base_italic or (opening and ctx.opening.italic) or marked_italic
            bold = (opening and ctx.opening.bold) or marked_bold
            rpr = run_properties(italic=italic, bold=bold, rtl=ctx.rtl, cs=ctx.rtl,
                                 style="Hyperlink" if link else "", underline=underline, strike=strike, color=color)
            element = run(piece, rpr, text_tag)
            link_id = ctx.link_id(link) if link else None
            if link_id:
                last = elements[-1] if elements else None
                if last is not None and last.tag.endswith("}hyperlink") and last.get(f"{{{R_NS}}}id") == link_id:
                    last.append(element)
                else:
                    hyperlink = el("hyperlink")
                    hyperlink.set(f"{{{R_NS}}}id", link_id)
                    hyperlink.append(element)
                    elements.append(hyperlink)
            else:
                elements.append(element)
        anchors_at(right)
    return elements
