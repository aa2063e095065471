"""The page geometry of a UN document, in twentieths of a point (twips), from un-format.md §3.

Decision: the page margins are the header/footer margins (60 pt left and right),
and the body column (x = 123.4 pt to ≈ 491 pt on Letter) is made by paragraph
indents in the styles. The masthead, the session block and the running
header/footer rules then sit at the page margin, where the Secretariat puts them,
without negative indents, and the column stays right on A4 too.
"""

from __future__ import annotations

PAGES = {"letter": (12240, 15840), "a4": (11906, 16838)}  # 612 × 792 pt, 595.3 × 841.9 pt

MARGIN_LEFT = 1200  # 60 pt
MARGIN_RIGHT = 1200
MARGIN_TOP = 1440
MARGIN_BOTTOM = 1440
HEADER_DISTANCE = 720
FOOTER_DISTANCE = 720

COLUMN_LEFT = 1268  # 123.4 pt from the edge = 63.4 pt inside the margin
COLUMN_RIGHT = 1220  # the column ends at ≈ 491 pt on Letter
FIRST_LINE = 475  # 23.75 pt (0.84 cm): PP first line, OP number
TEXT_TAB = 950  # 47.5 pt (1.68 cm): OP text after its number (a body tab stop every FIRST_LINE)

MASTHEAD_RIGHT_BLOCK = 6740  # the Distr./date/Original block at ≈ 397 pt from the edge


def text_width(page: str) -> int:
    """Width between the page margins, in twips."""
    return PAGES[page][0] - MARGIN_LEFT - MARGIN_RIGHT


def number_indent(depth: int) -> int:
    """First-line indent (from the column) of a number at `depth` (1: an OP or (a), 2: (i), …)."""
    return FIRST_LINE * depth
