"""Placing laid-out lines on pages, with each footnote at the foot of the page holding its marker.

A paragraph may break between any two lines, but never leaves its first line alone at
the foot of a page nor its last line alone at the top of the next (Word's widow and
orphan control), and a heading (or title, or the enacting formula) stays with the
first lines of what follows.
A line is moved to the next page when the footnotes it brings would not fit above the
page's bottom; a footnote referred to again later is printed once, where it is first
referred to. Table rows move as a whole.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from resdesk.ui.printing.page_geometry import PageGeometry
from resdesk.ui.printing.textlayout import LaidParagraph
from resdesk.un import page as un

NOTE_AREA_GAP = 9.0  # from the last body line's slot to the first footnote: the separator rule sits in it
TABLE_PADDING = 3.0


@dataclass
class PlacedLine:
    laid: LaidParagraph
    index: int
    top: float  # page y of the line's top, in points
    numbered: bool

    @property
    def paragraph_top(self) -> float:
        """Where the paragraph's first line would be: the offset to draw line `index` at `top`."""
        return self.top - self.index * self.laid.pitch

    @property
    def baseline(self) -> float:
        return self.top + self.laid.baseline


@dataclass
class PlacedNote:
    laid: LaidParagraph
    top: float


@dataclass
class Rule:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float = 0.5


@dataclass
class Page:
    lines: list[PlacedLine] = field(default_factory=list)
    note_ids: list[str] = field(default_factory=list)
    notes: list[PlacedNote] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)


@dataclass
class LaidTable:
    rows: list[list[LaidParagraph]]
    row_heights: list[float]
    cell_lefts: list[float]
    cell_width: float
    space_after: float


class Paginator:
    def __init__(self, geometry: PageGeometry, first_top: float, body_top: float,
                 notes: dict[str, LaidParagraph]):
        self.geometry = geometry
        self.body_top = body_top
        self.notes = notes
        self.placed_notes: set[str] = set()
        self.pages = [Page()]
        self.y = first_top

    @property
    def page(self) -> Page:
        return self.pages[-1]

    def notes_height(self, note_ids: list[str]) -> float:
        if not note_ids:
            return 0.0
        return NOTE_AREA_GAP + sum(self.notes[n].line_count * self.notes[n].pitch for n in note_ids)

    def new_notes(self, ids: list[str]) -> list[str]:
        fresh = []
        for note in ids:
            if note in self.notes and note not in self.placed_notes and note not in self.page.note_ids \
                    and note not in fresh:
                fresh.append(note)
        return fresh

    def fits(self, height: float, note_ids: list[str]) -> bool:
        bottom = self.geometry.body_bottom - self.notes_height(self.page.note_ids + note_ids)
        return self.y + height <= bottom + 0.01

    def page_is_empty(self) -> bool:
        return not self.page.lines and not self.page.rules

    def new_page(self) -> None:
        self.finish_page()
        self.pages.append(Page())
        self.y = self.body_top

    def finish_page(self) -> None:
        """Stack the page's footnotes above its bottom edge, under a short rule."""
        page = self.page
        if not page.note_ids:
            return
        top = self.geometry.body_bottom - self.notes_height(page.note_ids)
        y = top + NOTE_AREA_GAP / 2
        page.rules.append(Rule(un.NOTE_RULE_LEFT, y, un.NOTE_RULE_RIGHT, y))
        y = top + NOTE_AREA_GAP
        for note in page.note_ids:
            page.notes.append(PlacedNote(self.notes[note], y))
            y += self.notes[note].line_count * self.notes[note].pitch
        self.placed_notes.update(page.note_ids)

    def take_notes(self, ids: list[str]) -> None:
        self.page.note_ids.extend(self.new_notes(ids))

    def place_paragraph(self, laid: LaidParagraph, following: LaidParagraph | LaidTable | None) -> None:
        paragraph = laid.paragraph
        if paragraph.new_page and not self.page_is_empty():
            self.new_page()
        if not self.page_is_empty():
            self.y += paragraph.space_before
        count = laid.line_count
        for index in range(count):
            notes = self.new_notes(laid.line_notes[index])
            need = laid.pitch
            if index == 0:
                need = (count if count <= 3 else 2) * laid.pitch  # three lines cannot split without a lone one
                if paragraph.keep_with_next and following is not None:
                    need = count * laid.pitch + paragraph.space_after + first_lines_height(following)
            elif index == count - 2 and count >= 4:
                need = 2 * laid.pitch  # the last line does not go over alone
            if not self.fits(need, notes) and not self.page_is_empty():
                self.new_page()
                notes = self.new_notes(laid.line_notes[index])
            self.page.lines.append(PlacedLine(laid, index, self.y, paragraph.numbered))
            self.take_notes(notes)
            self.y += laid.pitch
        self.y += paragraph.space_after

    def place_table(self, table: LaidTable) -> None:
        for cells, height in zip(table.rows, table.row_heights, strict=True):
            notes = self.new_notes([n for cell in cells for line in cell.line_notes for n in line])
            if not self.fits(height, notes) and not self.page_is_empty():
                self.new_page()
                notes = self.new_notes([n for cell in cells for line in cell.line_notes for n in line])
            top = self.y
            left, right = table.cell_lefts[0], table.cell_lefts[-1] + table.cell_width
            self.page.rules.append(Rule(left, top, right, top))
            self.page.rules.append(Rule(left, top + height, right, top + height))
            for x in [*table.cell_lefts, right]:
                self.page.rules.append(Rule(x, top, x, top + height))
            for cell in cells:
                for index in range(cell.line_count):
                    line_top = top + TABLE_PADDING + index * cell.pitch
                    self.page.lines.append(PlacedLine(cell, index, line_top, False))
            self.take_notes(notes)
            self.y += height
        self.y += table.space_after

    def run(self, items: list[LaidParagraph | LaidTable]) -> list[Page]:
        for position, item in enumerate(items):
            following = items[position + 1] if position + 1 < len(items) else None
            if isinstance(item, LaidTable):
                self.place_table(item)
            else:
                self.place_paragraph(item, following)
        self.finish_page()
        return self.pages


def first_lines_height(item: LaidParagraph | LaidTable) -> float:
    """What must follow a heading on its page: two lines of a paragraph, or a table's first row."""
    if isinstance(item, LaidTable):
        return item.row_heights[0] if item.row_heights else 0.0
    return item.paragraph.space_before + min(item.line_count, 2) * item.pitch
