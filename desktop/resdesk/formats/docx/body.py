"""The text of a resolution as Word paragraphs: front matter, blocks, tables, annexes, footnotes.

Shared by the clean, tracked and compilation exports: `BlockWriter.paragraph`
writes one block's paragraph around runs the caller supplies, so the tracked
export can put revisions inside the same paragraph shapes.
"""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from resdesk.amend.labels import printed_numbers
from resdesk.formats.docx import geometry
from resdesk.formats.docx.inline import RunContext, bracketed_marker, inline_runs
from resdesk.formats.docx.layout import hinted
from resdesk.formats.docx.oxml import bookmark, border, el, paragraph_properties, run, run_properties, w
from resdesk.model import tree
from resdesk.model.document import (
    FORMULA,
    HEADING,
    OPERATIVE,
    PREAMBULAR,
    SUBPARAGRAPH,
    TEXT,
    Block,
    Cell,
    Document,
    Footnote,
    Meta,
)
from resdesk.text.inline import Mark, marked_opening
from resdesk.un import masthead as words
from resdesk.un import page as un
from resdesk.un.languages import is_rtl
from resdesk.un.phrases import opening_extent
from resdesk.un.sponsors import sponsor_line
from resdesk.un.symbols import is_revision

HEADING_STYLES = {1: "H1", 2: "H23"}
# A hidden bookmark "_RD<code>_<block id>" on every block paragraph tells our importer the block's kind
# (a lone OP and a free-text paragraph look alike on paper); Word hides bookmarks starting with "_".
KIND_CODES = {FORMULA: "f", PREAMBULAR: "p", OPERATIVE: "o", SUBPARAGRAPH: "s", HEADING: "h", TEXT: "t"}
HINT_PREFIX = "_RD"
# An adopted resolution's title hangs after its number ("76/153."), 56 pt in (twips).
NUMBERED_TITLE_HANG = 1120


def _single_line(align: str) -> tuple[etree._Element, etree._Element]:
    """Properties of a line of the title block or the closing: no first-line indent, ragged (left or right)."""
    return el("ind", left=geometry.COLUMN_LEFT, right=geometry.COLUMN_RIGHT, firstLine=0), el("jc", val=align)

Progress = Callable[[int, int], None]


def opening_length(block: Block, language: str) -> int:
    """Length of a block's opening (`resdesk.un.phrases.opening_extent`; the file's own marking wins)."""
    return opening_extent(block.text, block.kind, language, marked_opening(block.marks))


class BlockWriter:
    """Writes the blocks of one text (main text or an annex) with their numbers and styles."""

    def __init__(self, ctx: RunContext, blocks: list[Block], language: str):
        self.ctx = ctx
        self.language = language
        self.depths = tree.depths(blocks)
        self.numbers = printed_numbers(blocks, language)

    def number(self, block: Block) -> str:
        """The printed number: "3." for an OP (none for a lone OP), "(a)" for a sub-paragraph, "I." for a heading."""
        return self.numbers.get(block.id, "")

    def style_of(self, block: Block) -> str:
        if block.kind == HEADING:
            return HEADING_STYLES.get(block.level, "H4") if block.level else "H1"
        return "SingleTxt"

    def paragraph(self, block: Block, content: list[etree._Element], *,
                  mark_revisions: tuple[etree._Element, ...] = (), lead: list[etree._Element] | None = None,
                  depth: int | None = None, hint: bool = True) -> etree._Element:
        """A block's paragraph: style, indents, its number and a tab (or the `lead` runs), then `content` runs.

        `mark_revisions` (`w:ins`, `w:del`, `w:moveFrom`, `w:moveTo` elements, in that order) mark the
        paragraph mark as inserted, deleted or moved;
        `hint=False` leaves out the kind bookmark (a block shown twice, at its old and new place,
        must not repeat a bookmark name).
        """
        extra = []
        if block.kind == SUBPARAGRAPH:
            depth = depth or self.depths.get(block.id, 1)
            extra.append(el("ind", left=geometry.COLUMN_LEFT, right=geometry.COLUMN_RIGHT,
                            firstLine=geometry.number_indent(depth)))
        if is_rtl(self.language):
            extra.insert(0, el("bidi"))
        if mark_revisions:
            extra.append(el("rPr", *mark_revisions))
        paragraph = el("p", paragraph_properties(self.style_of(block), *extra))
        if hint and block.kind in KIND_CODES:
            paragraph.extend(bookmark(f"{HINT_PREFIX}{KIND_CODES[block.kind]}_{block.id}"[:40], self.ctx.bookmark_id()))
        paragraph.extend(self.number_runs(self.number(block)) if lead is None else lead)
        paragraph.extend(content)
        return paragraph

    def number_runs(self, number: str, text_tag: str = "t") -> list[etree._Element]:
        """The printed number and the tab after it (nothing for no number)."""
        if not number:
            return []
        return [run(number + "\t", run_properties(rtl=self.ctx.rtl, cs=self.ctx.rtl), text_tag)]

    def block_runs(self, block: Block) -> list[etree._Element]:
        return inline_runs(self.ctx, block.text, block.marks, italic_until=opening_length(block, self.language))

    def table(self, block: Block, page: str) -> etree._Element:
        """A table in the body column, with thin borders; header cells bold, header rows repeated."""
        return table_element(self.ctx, block.rows, page, rtl=is_rtl(self.language))


def table_element(ctx: RunContext, rows: list[list[Cell]], page: str, *, rtl: bool = False) -> etree._Element:
    width = geometry.text_width(page) - geometry.COLUMN_LEFT - geometry.COLUMN_RIGHT
    columns = max((len(row) for row in rows), default=1) or 1
    column_width = width // columns
    sides = ("top", "left", "bottom", "right", "insideH", "insideV")
    borders = el("tblBorders", *(border(side, 4, 0) for side in sides))
    table = el("tbl", el("tblPr", el("tblW", w=width, type="dxa"), el("tblInd", w=geometry.COLUMN_LEFT, type="dxa"),
                         borders, el("tblLayout", type="fixed")),
               el("tblGrid", *(el("gridCol", w=column_width) for _ in range(columns))))
    for row in rows:
        header = bool(row) and all(cell.header for cell in row)
        tr = el("tr", el("trPr", el("tblHeader")) if header else None)
        for cell in row:
            marks = list(cell.marks) + ([Mark("bold", 0, len(cell.text))] if cell.header and cell.text else [])
            ppr = paragraph_properties("Normal", el("bidi") if rtl else None, el("spacing", before=40, after=40))
            paragraph = el("p", ppr)
            paragraph.extend(inline_runs(ctx, cell.text, marks))
            tr.append(el("tc", el("tcPr", el("tcW", w=column_width, type="dxa")), paragraph))
        for _ in range(columns - len(row)):
            tr.append(el("tc", el("tcPr", el("tcW", w=column_width, type="dxa")), el("p")))
        table.append(tr)
    return table


def front_matter(document: Document, ctx: RunContext) -> list[etree._Element]:
    """The Note by the Secretariat (under the document's title), the sponsor line, then the title. An adopted
    resolution has instead the line saying when it was adopted, the report line, and its number outdented
    before its title."""
    meta = document.meta
    out: list[etree._Element] = []

    def para(style: str, text: str, *extra: etree._Element, **props) -> etree._Element:
        rtl = el("bidi") if is_rtl(meta.language) else None  # one element per paragraph
        paragraph = el("p", paragraph_properties(style, rtl, *extra))
        if text:
            paragraph.append(run(text, run_properties(rtl=ctx.rtl, cs=ctx.rtl, **props)))
        return paragraph

    if meta.adopted:
        if meta.adoption_line:
            out.append(hinted(para("H1", meta.adoption_line), "adoption", ctx))
        if meta.report_line:
            out.append(hinted(para("SingleTxt", meta.report_line, *_single_line("left")), "report", ctx))
        hang = el("ind", left=geometry.COLUMN_LEFT + NUMBERED_TITLE_HANG, right=geometry.COLUMN_RIGHT,
                  hanging=NUMBERED_TITLE_HANG)
        number = f"{words.resolution_number_label(meta.resolution_number)}\t" if meta.resolution_number else ""
        title = para("HMTitle", f"{number}{meta.title}", hang)
        hinted(hinted(title, "title", ctx), "number", ctx)
        out.append(title)
        return out
    if meta.note:
        if meta.title:
            out.append(para("HMTitle", meta.title))
        out.append(para("HCh", words.note_heading(meta.language)))
        out.append(hinted(para("SingleTxt", meta.note), "note", ctx))
    if meta.sponsors:
        line = sponsor_line(meta.sponsors, meta.language, revised=is_revision(meta.symbol))
        out.append(hinted(para("H1", line), "sponsors", ctx))
    if meta.title:
        out.append(hinted(para("HMTitle", meta.title), "title", ctx))
    return out


def closing(meta: Meta, ctx: RunContext) -> list[etree._Element]:
    """An adopted resolution's closing under its text, right-aligned in italics: the meeting and its date."""
    paragraphs = []
    for index, (fact, line) in enumerate((("meeting", meta.meeting), ("meetingdate", meta.meeting_date))):
        if line:
            spacing = el("spacing", before=240 if index == 0 else 0, after=0)
            rtl = el("bidi") if ctx.rtl else None
            paragraph = el("p", paragraph_properties("SingleTxt", rtl, spacing, *_single_line("right")),
                           run(line, run_properties(italic=True, rtl=ctx.rtl, cs=ctx.rtl)))
            paragraphs.append(hinted(paragraph, fact, ctx))
    return paragraphs


def annex_title(title: str, rtl: bool, language: str) -> etree._Element:
    """An annex's title ("Annex" in the text's language when it has none), on a new page."""
    ppr = paragraph_properties("HCh", el("pageBreakBefore"), el("bidi") if rtl else None)
    return el("p", ppr, run(words.annex_title(title, language), run_properties(rtl=rtl, cs=rtl)))


def footnotes_element(ctx: RunContext, footnotes: dict[str, Footnote],
                      text_runs: Callable[[str], list[etree._Element] | None] | None = None) -> etree._Element:
    """footnotes.xml: the separator and continuation separator, then each footnote in number order;
    `text_runs(footnote_id)` may give a footnote's runs (a tracked change of its text), None for its text."""
    root = etree.Element(w("footnotes"), nsmap={"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                                              "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"})
    # the UN's short separator, from x 99.6 to 173.6 (un.page)
    start = geometry.twips(un.NOTE_RULE_LEFT - un.PAGE_MARGIN)
    for note_id, kind, mark in ((-1, "separator", "separator"), (0, "continuationSeparator", "continuationSeparator")):
        root.append(el("footnote", el("p", el("pPr", el("spacing", after=0, line=240, lineRule="auto"),
                                               el("ind", left=start)),
                                      el("r", el(mark))),
                       type=kind, id=note_id))
    for footnote_id in ctx.footnote_order:
        number = ctx.footnote_numbers[footnote_id]
        note = footnotes.get(footnote_id, Footnote(footnote_id))
        reference = el("r", el("rPr", el("rStyle", val="FootnoteReference")), el("footnoteRef"))
        rtl = el("bidi") if ctx.rtl else None  # one element per paragraph
        paragraph = el("p", paragraph_properties("FootnoteText", rtl), *bracketed_marker(ctx, [reference]), run("\t"))
        given = text_runs(footnote_id) if text_runs is not None else None
        paragraph.extend(given if given is not None else inline_runs(ctx, note.text, note.marks))
        root.append(el("footnote", paragraph, id=number))
    return root
