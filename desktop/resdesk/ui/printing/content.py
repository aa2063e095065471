"""What is printed, before any layout: paragraphs of styled runs, tables, footnotes.

Clean printing builds this from a Document (`clean_flow`); tracked and compilation
printing build it from the amendment engine's markup view (`tracked`). The layout
and painting code never looks at the document model, only at these values.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from resdesk.amend.labels import printed_numbers
from resdesk.model import tree
from resdesk.model.document import (
    FORMULA,
    HEADING,
    OPERATIVE,
    SUBPARAGRAPH,
    TABLE,
    Block,
    Document,
    Meta,
)
from resdesk.text.inline import FOOTNOTE, Coverage, Mark, marked_opening
from resdesk.ui.printing.page_geometry import (
    BODY_PITCH,
    BODY_SIZE,
    INDENT_STEP,
    NOTE_PITCH,
    NOTE_SIZE,
    OP_TEXT,
    PP_INDENT,
    SPACE_AFTER,
    TITLE_SIZE,
)
from resdesk.un import page as un_page
from resdesk.un.languages import ITALIC as ITALIC_OPENING
from resdesk.un.languages import Emphasis, is_rtl
from resdesk.un.markers import footnote_marker
from resdesk.un.masthead import annex_title, note_heading, resolution_number_label
from resdesk.un.phrases import opening_emphasis, opening_extent
from resdesk.un.sponsors import sponsor_line
from resdesk.un.symbols import is_revision, link_url


@dataclass(frozen=True)
class Style:
    italic: bool = False
    bold: bool = False
    underline: bool = False
    strike: bool = False
    superscript: bool = False
    color: str = ""  # "#rrggbb"; "" is black
    link: str = ""  # the URL a click on the text opens (PDF link annotations)


PLAIN = Style()


@dataclass
class Run:
    """Characters in one style. `footnote` is the footnote id when the run is a footnote marker;
    `tag` the short name of the delegation whose change the run shows (tracked printing)."""

    text: str
    style: Style = PLAIN
    footnote: str = ""
    tag: str = ""
    tag_color: str = ""


@dataclass
class Paragraph:
    """A paragraph to lay out in the body column (offsets in points from the column's left edge).

    The first line's text starts at `first_indent`, the other lines at `indent`; `label`
    (an OP number, a sub-paragraph marker, a heading number) is painted at `label_at`
    on the first line, as Word's tab after the number would place the text. A `flag`
    ("collision") is painted in the left margin with a bar beside every line, in `flag_color`.
    """

    runs: list[Run]
    size: float = BODY_SIZE
    pitch: float = BODY_PITCH
    space_before: float = 0.0
    space_after: float = SPACE_AFTER
    first_indent: float = 0.0
    indent: float = 0.0
    label: str = ""
    label_at: float = 0.0
    label_style: Style = PLAIN
    align: str = "justify"  # justify | left | right
    keep_with_next: bool = False
    numbered: bool = True  # its lines count for the margin line numbers
    rtl: bool = False  # right to left (Arabic): indents and labels are measured from the right edge
    new_page: bool = False  # starts a page (an annex)
    flag: str = ""
    flag_color: str = ""

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass
class Table:
    """Rows of cells (each cell a Paragraph); header rows are bold."""

    rows: list[list[Paragraph]]
    space_after: float = SPACE_AFTER


@dataclass
class Flow:
    """Everything a printed document holds, in reading order."""

    meta: Meta
    items: list[Paragraph | Table]
    footnotes: dict[str, Paragraph] = field(default_factory=dict)  # by footnote id, marker included


def front_matter(meta: Meta) -> list[Paragraph]:
    """The Note by the Secretariat under the document's title, the sponsor line, then the bold title of
    the draft resolution (page 1, below the masthead). An adopted resolution has instead the line saying
    when it was adopted (bold), the report line, then its number outdented before its title."""
    if meta.adopted:
        return adoption_front_matter(meta)
    items: list[Paragraph] = []
    if meta.note and meta.title:
        items.append(title_paragraph(meta.title))
    if meta.note:
        items.append(Paragraph([Run(note_heading(meta.language), Style(bold=True))], size=un_page.CHAPTER_HEADING_SIZE,
                               pitch=un_page.CHAPTER_HEADING_PITCH, space_after=12.0, align="left", numbered=False,
                               keep_with_next=True))
        items.append(Paragraph([Run(meta.note)], first_indent=PP_INDENT, numbered=False))  # SingleTxt, as in Word
    if meta.sponsors:
        items.append(sponsors_paragraph(sponsor_line(meta.sponsors, meta.language, revised=is_revision(meta.symbol))))
    if meta.title:
        items.append(title_paragraph(meta.title))
    return items


#: Where an adopted resolution's title starts, its number ("76/153.") standing before it at the column edge.
NUMBERED_TITLE_INDENT = 56.0


def adoption_front_matter(meta: Meta) -> list[Paragraph]:
    """An adopted resolution's title block: the adoption line (bold), the report line, its number and title."""
    items = []
    if meta.adoption_line:
        items.append(Paragraph([Run(meta.adoption_line, Style(bold=True))], size=TITLE_SIZE, pitch=14.0,
                               space_after=0.0 if meta.report_line else 12.0, align="left", numbered=False,
                               keep_with_next=True))
    if meta.report_line:
        items.append(Paragraph([Run(meta.report_line)], space_after=12.0, align="left", numbered=False,
                               keep_with_next=True))
    title = title_paragraph(meta.title)
    if meta.resolution_number:
        title.label, title.label_style = resolution_number_label(meta.resolution_number), Style(bold=True)
        title.first_indent = title.indent = NUMBERED_TITLE_INDENT
    items.append(title)
    return items


def closing(meta: Meta) -> list[Paragraph]:
    """An adopted resolution's closing under its text, right-aligned in italics: the meeting and its date."""
    lines = meta.closing_lines()
    return [Paragraph([Run(line, Style(italic=True))], space_before=12.0 if index == 0 else 0.0,
                      space_after=0.0, align="right", numbered=False, keep_with_next=index < len(lines) - 1)
            for index, line in enumerate(lines)]
def sponsors_paragraph(line: str) -> Paragraph:
    """The sponsors line above the title ("Brazil and Norway: draft resolution")."""
    return Paragraph([Run(line)], align="left", space_after=12.0, numbered=False, keep_with_next=True)


def title_paragraph(title: str) -> Paragraph:
    return Paragraph([Run(title, Style(bold=True))], size=TITLE_SIZE, pitch=14.0, space_after=12.0, align="left",
                     numbered=False, keep_with_next=True)


def styled_runs(text: str, marks: list[Mark], markers: dict[str, str], italic_until: int = 0,
                base: Style = PLAIN, opening: Emphasis = ITALIC_OPENING) -> list[Run]:
    """`text` cut into runs by its italic/bold marks (and an opening of `italic_until` characters set
    with `opening`: italic, bold in Chinese…), with a superscript footnote marker run at each anchor."""
    cuts = {0, len(text), italic_until}
    for mark in marks:
        cuts.update((max(0, min(mark.start, len(text))), max(0, min(mark.end, len(text)))))
    anchors: dict[int, list[str]] = {}
    for mark in marks:
        if mark.kind == FOOTNOTE and mark.target in markers:
            anchors.setdefault(min(mark.start, len(text)), []).append(mark.target)
    points = sorted(cuts)
    runs: list[Run] = []
    coverage = Coverage(marks)
    for start, end in zip(points, points[1:] + [None], strict=True):
        for note in anchors.get(start, []):
            runs.append(Run(markers[note], Style(superscript=True, color=base.color), footnote=note))
        if end is None or end <= start:
            continue
        marked_italic, marked_bold, link = coverage.at(start)
        in_opening = start < italic_until
        italic = base.italic or (in_opening and opening.italic) or marked_italic
        bold = base.bold or (in_opening and opening.bold) or marked_bold
        color = base.color or (f"#{un_page.LINK_COLOUR.lower()}" if link else "")
        runs.append(Run(text[start:end], Style(italic=italic, bold=bold, underline=base.underline,
                                                strike=base.strike, color=color, link=link_url(link) if link else "")))
    return runs


def heading_paragraph(runs: list[Run], number: str, level: int) -> Paragraph:
    """A heading in the Secretariat's styles, as in the Word export: level 1 (H1) bold 12 pt,
    level 2 (H23) bold 10 pt, deeper (H4) italic 10 pt; its number ("I.", "A.") at the column
    edge and its text one tab in."""
    if level <= 1:
        size, pitch, after, emphasis = TITLE_SIZE, 13.5, 12.0, {"bold": True}
    else:
        size, pitch, after, emphasis = BODY_SIZE, BODY_PITCH, SPACE_AFTER, {"bold": True} if level == 2 else {
            "italic": True}
    styled = [Run(r.text, replace(r.style, **emphasis), r.footnote, r.tag, r.tag_color) for r in runs]
    indent = PP_INDENT if number else 0.0
    return Paragraph(styled, size=size, pitch=pitch, space_before=6.0, space_after=after, first_indent=indent,
                     indent=indent, label=number, label_style=Style(**emphasis), align="left", keep_with_next=True)


class BlockShaper:
    """How each kind of block is laid out: indents, label, italics (un-format.md §3)."""

    def __init__(self, blocks: list[Block], language: str):
        self.language = language
        self.depths = tree.depths(blocks)
        self.numbers = printed_numbers(blocks, language)

    def shape(self, block: Block, runs: list[Run]) -> Paragraph:
        """A Paragraph of `runs` (the block's text, already styled) placed as its kind asks."""
        number = self.numbers.get(block.id, "")
        if block.kind == OPERATIVE:
            if not number:  # a lone OP
                return Paragraph(runs, first_indent=PP_INDENT)
            return Paragraph(runs, first_indent=OP_TEXT, label=number, label_at=PP_INDENT)
        if block.kind == SUBPARAGRAPH:
            return subparagraph(runs, number, self.depths.get(block.id, 1))
        if block.kind == HEADING:
            return heading_paragraph(runs, block.number, block.level)
        return Paragraph(runs, first_indent=PP_INDENT, keep_with_next=block.kind == FORMULA)


def subparagraph(runs: list[Run], marker: str, depth: int) -> Paragraph:
    """(a) sits where an OP number does and its text at the OP tab; each deeper level, (i), a., i.,
    one tab further in. Wrapped lines return to the column edge, as for PPs and OPs, and as in the
    Word export (un-format.md has no measure of sub-paragraphs; this is the SingleTxt style's way)."""
    step = INDENT_STEP * (depth - 1)
    return Paragraph(runs, first_indent=OP_TEXT + step, label=marker, label_at=PP_INDENT + step)


def block_paragraph(block: Block, shaper: BlockShaper, markers: dict[str, str]) -> Paragraph:
    opening = opening_extent(block.text, block.kind, shaper.language, marked_opening(block.marks))
    return shaper.shape(block, styled_runs(block.text, block.marks, markers, opening,
                                           opening=opening_emphasis(shaper.language)))


def table_item(block: Block, markers: dict[str, str]) -> Table:
    rows = []
    for row in block.rows:
        rows.append([Paragraph(styled_runs(cell.text, cell.marks, markers, base=Style(bold=cell.header)),
                               space_after=0.0, align="left") for cell in row])
    return Table(rows)


def footnote_paragraphs(document: Document, markers: dict[str, str]) -> dict[str, Paragraph]:
    """Each referenced footnote as printed at the foot of the page: marker, then its text."""
    notes = {}
    for note_id, marker in markers.items():
        note = document.footnotes.get(note_id)
        if note is None:
            continue
        # the number at un.NOTE_NUMBER_LEFT, the text hanging at the column's edge (as Word's tab sets it)
        notes[note_id] = Paragraph(styled_runs(note.text, note.marks, {}), size=NOTE_SIZE, pitch=NOTE_PITCH,
                                   space_after=0.0, numbered=False, label=marker, label_style=Style(superscript=True),
                                   label_at=un_page.NOTE_NUMBER_LEFT - un_page.COLUMN_LEFT)
    return notes


def body_items(blocks: list[Block], language: str, markers: dict[str, str]) -> list[Paragraph | Table]:
    shaper = BlockShaper(blocks, language)
    return [table_item(b, markers) if b.kind == TABLE else block_paragraph(b, shaper, markers) for b in blocks]


def annex_heading(title: str, language: str) -> Paragraph:
    """An annex starts on a new page with its title in bold ("Annex" in the text's language if it has none)."""
    return Paragraph([Run(annex_title(title, language), Style(bold=True))], size=TITLE_SIZE, pitch=14.0,
                     space_after=12.0, align="left", keep_with_next=True, numbered=False, new_page=True)


def set_direction(items: list[Paragraph | Table], notes: dict[str, Paragraph], language: str) -> None:
    """Mark every paragraph right to left when the text's language is written so."""
    if not is_rtl(language):
        return
    paragraphs = [p for item in items for p in ([item] if isinstance(item, Paragraph)
                                                else [c for row in item.rows for c in row])]
    for paragraph in [*paragraphs, *notes.values()]:
        paragraph.rtl = True


def printed_markers(document: Document, numbers: dict[str, str] | None = None) -> dict[str, str]:
    """The marker printed for every referenced footnote, by footnote id: "1", or "(1)" in Arabic. `numbers`
    is the numbering to print when not the document's own (a markup view's counts proposed anchors too)."""
    language = document.meta.language
    numbers = document.footnote_markers() if numbers is None else numbers
    return {note: footnote_marker(number, language) for note, number in numbers.items()}


def clean_flow(document: Document) -> Flow:
    """The clean text of `document` as printed: front matter, body, annexes, footnotes."""
    language = document.meta.language or "en"
    markers = printed_markers(document)
    items: list[Paragraph | Table] = front_matter(document.meta)
    items.extend(body_items(document.blocks, language, markers))
    items.extend(closing(document.meta))
    for annex in document.annexes:
        items.append(annex_heading(annex.title, language))
        items.extend(body_items(annex.blocks, language, markers))
    notes = footnote_paragraphs(document, markers)
    set_direction(items, notes, language)
    return Flow(document.meta, items, notes)
