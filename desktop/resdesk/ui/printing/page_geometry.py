"""Where things go on a UN page, in points (1/72 inch) from the top-left corner of the paper.

Figures from `docs/un-format.md` §3 (measured on New York-issued resolutions, US Letter).
On A4 the page margins and the body column's indents stay the same, so the column
is 17 pt narrower and the page 50 pt taller.
"""

from __future__ import annotations

from dataclasses import dataclass

PAGE_MARGIN = 60.0  # left and right: where the header/footer rules and the masthead start and end
COLUMN_LEFT = 123.4  # the body column's left edge
COLUMN_RIGHT_INDENT = 61.0  # from the right page margin to the column's right edge (612 - 60 - 61 = 491)

PP_INDENT = 23.7  # first-line indent of a PP; where an OP number or a sub-paragraph marker sits
OP_TEXT = 47.5  # the tab after an OP number: where its first line's text starts
INDENT_STEP = OP_TEXT - PP_INDENT

BODY_SIZE, BODY_PITCH, SPACE_AFTER = 10.0, 12.0, 6.0
NOTE_SIZE, NOTE_PITCH = 8.5, 10.5
TITLE_SIZE = 12.0

HEADER_BASELINE = 46.0  # running header (pages 2…): symbol, then a thin rule below it
HEADER_RULE = 50.0
BODY_TOP = 72.0  # top of the body on pages 2…
FOOTER_BASELINE_FROM_BOTTOM = 38.0
BODY_BOTTOM_FROM_BOTTOM = 60.0


@dataclass(frozen=True)
class PageGeometry:
    """The places on a sheet of `width` × `height` points (Letter 612 × 792, A4 595 × 842)."""

    width: float
    height: float

    @property
    def margin_left(self) -> float:
        return PAGE_MARGIN

    @property
    def margin_right(self) -> float:
        return self.width - PAGE_MARGIN

    @property
    def column_left(self) -> float:
        return COLUMN_LEFT

    @property
    def column_right(self) -> float:
        return self.margin_right - COLUMN_RIGHT_INDENT

    @property
    def column_width(self) -> float:
        return self.column_right - self.column_left

    @property
    def body_bottom(self) -> float:
        return self.height - BODY_BOTTOM_FROM_BOTTOM

    @property
    def footer_baseline(self) -> float:
        return self.height - FOOTER_BASELINE_FROM_BOTTOM
