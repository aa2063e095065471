"""Where things go on a UN page, in points (1/72 inch) from the top-left corner of the paper.

The UN's figures are in `resdesk.un.page` (the Word export places the same things by them); this
module adds what only our own layout needs. On A4 the page margins and the body column's indents
stay the same, so the column is 17 pt narrower and the page 50 pt taller.
"""

from __future__ import annotations

from dataclasses import dataclass

from resdesk.un import page as un

PAGE_MARGIN = un.PAGE_MARGIN
COLUMN_LEFT = un.COLUMN_LEFT
COLUMN_RIGHT_INDENT = un.COLUMN_RIGHT_INDENT

PP_INDENT = 23.7  # first-line indent of a PP; where an OP number or a sub-paragraph marker sits
OP_TEXT = 47.5  # the tab after an OP number: where its first line's text starts
INDENT_STEP = OP_TEXT - PP_INDENT

BODY_SIZE, BODY_PITCH, SPACE_AFTER = 10.0, 12.0, 6.0
NOTE_SIZE, NOTE_PITCH = un.NOTE_SIZE, un.NOTE_PITCH
TITLE_SIZE = 12.0


@dataclass(frozen=True)
class PageGeometry:
    """The places on a sheet of `width` × `height` points (Letter 612 × 792, A4 595 × 842).

    `body_baseline` is how far a body line's baseline stands below the top of its 12 pt slot
    (from the font's metrics); it puts the first and last body lines on the UN's baselines."""

    width: float
    height: float
    body_baseline: float = 9.4

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
    def body_top(self) -> float:
        """The top of the first body line's slot on pages 2…"""
        return un.BODY_FIRST_BASELINE - self.body_baseline

    @property
    def body_bottom(self) -> float:
        """The bottom of the last body line's slot on a full page (a little slack for rounding)."""
        return self.height - un.BODY_LAST_BASELINE_FROM_BOTTOM - self.body_baseline + BODY_PITCH + 0.5

    @property
    def footer_baseline(self) -> float:
        return self.height - un.FOLIO_BASELINE_FROM_BOTTOM

    def from_bottom(self, distance: float) -> float:
        """The y that stands `distance` points above the bottom edge."""
        return self.height - distance
