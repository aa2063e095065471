"""The page geometry of a UN document, in twentieths of a point (twips), from un-format.md §3.

Decision: the page margins are the header/footer margins (60 pt left and right),
and the body column (x = 123.4 pt to ≈ 491 pt on Letter) is made by paragraph
indents in the styles. The masthead, the session block and the running
header/footer rules then sit at the page margin, where the Secretariat puts them,
without negative indents, and the column stays right on A4 too.
"""

from __future__ import annotations

from resdesk.un import page as un

PAGES = {"letter": (12240, 15840), "a4": (11906, 16838)}  # 612 × 792 pt, 595.3 × 841.9 pt

MARGIN_LEFT = 1200  # 60 pt
MARGIN_RIGHT = 1200
#: Where a line's baseline stands in a line of exact height, as a share of that height: the font's
#: ascent over its ascent and descent (Times New Roman and Liberation Serif: 0.891 / 1.107), as Word
#: and LibreOffice set it.
BASELINE_SHARE = 0.891 / 1.107
_BODY_BASELINE = BASELINE_SHARE * 12  # 9.66 pt below the top of a body line
MARGIN_TOP = round((un.BODY_FIRST_BASELINE - _BODY_BASELINE) * 20)  # the first body line of pages 2… at 82.3
#: The last body line of a full page at 730.4 (Letter): its line ends 59.3 pt above the bottom edge.
MARGIN_BOTTOM = round((un.BODY_LAST_BASELINE_FROM_BOTTOM - (12 - _BODY_BASELINE)) * 20) - 6
HEADER_DISTANCE = 480  # 24 pt: the headers place their first line by its space before (see `before_for`)
FOOTER_DISTANCE = 720

COLUMN_LEFT = 1268  # 123.4 pt from the edge = 63.4 pt inside the margin
COLUMN_RIGHT = 1220  # the column ends at ≈ 491 pt on Letter
FIRST_LINE = 475  # 23.75 pt (0.84 cm): PP first line, OP number
TEXT_TAB = 950  # 47.5 pt (1.68 cm): OP text after its number (a body tab stop every FIRST_LINE)



def twips(points: float) -> int:
    return round(points * 20)


MASTHEAD_LEFT = twips(un.MASTHEAD_LEFT - un.PAGE_MARGIN)  # "United Nations" and the organ, from the page margin
MASTHEAD_RIGHT_BLOCK = twips(un.RIGHT_BLOCK_LEFT - un.PAGE_MARGIN)  # the Distr./date/Original block


def before_for(top: float, baseline: float, line: float) -> int:
    """The space before (twips) that puts the baseline of a line `line` points high (exact) at `baseline`,
    the paragraph starting at `top` (points from the page's top)."""
    return max(0, twips(baseline - BASELINE_SHARE * line - top))


def text_width(page: str) -> int:
    """Width between the page margins, in twips."""
    return PAGES[page][0] - MARGIN_LEFT - MARGIN_RIGHT


def number_indent(depth: int) -> int:
    """First-line indent (from the column) of a number at `depth` (1: an OP or (a), 2: (i), …)."""
    return FIRST_LINE * depth
