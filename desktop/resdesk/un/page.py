"""Where things stand on a UN page: THE figures both exporters (Word and PDF) place the page's furniture by.

Points from the page's top-left corner, on US Letter (612 × 792 pt), measured on the UN's own PDF of
A/RES/73/6 (issue 14) and in `docs/un-format.md` §3. A4 keeps every figure from the top and the left;
what stands at the foot of the page keeps its distance from the bottom edge (the `*_FROM_BOTTOM` figures).

x figures are from the left edge; a mirrored (right-to-left) masthead uses `width - x` for them.
"""

from __future__ import annotations

# -- the page -------------------------------------------------------------------------------------
PAGE_MARGIN = 60.0  # left and right: the rules, the masthead's right end, the session block, the folios
COLUMN_LEFT = 123.4  # the body column's left edge; also where "United Nations" and the organ start
COLUMN_RIGHT_INDENT = 61.0  # from the right page margin to the column's right edge (612 - 60 - 61 = 491)

# -- the masthead (page 1) --------------------------------------------------------------------------
MASTHEAD_LEFT = COLUMN_LEFT  # "United Nations" and "General Assembly", right of the emblem's place
PUBLISHER_BASELINE = 57.8  # "United Nations" (14 pt) and the symbol (first component 20 pt, the rest 10 pt)
PUBLISHER_SIZE, SYMBOL_HEAD_SIZE, SYMBOL_REST_SIZE = 14.0, 20.0, 10.0
THIN_RULE = 64.8  # under the top line (0.5 pt); the running head's rule stands there too
THIN_RULE_WIDTH = 0.5
ORGAN_BASELINE = 86.4  # "General Assembly", bold 20 pt
ORGAN_SIZE = 20.0
RIGHT_BLOCK_LEFT = 397.0  # "Distr.: …", the date, "Original: …", 10 pt, the first on the organ's baseline
RIGHT_BLOCK_PITCH = 12.0
SESSION_FIRST_BASELINE = 146.4  # the session block (10 pt, at the page margin), under the right block
SESSION_PITCH = 12.0
SESSION_WRAP = 250.0  # the agenda item's title wraps within this width
THICK_RULE = 209.6  # the 1.5 pt rule that closes the masthead (lower when the session block needs it)
THICK_RULE_WIDTH = 1.5
THICK_RULE_GAP = 12.0  # at least this much between the session block's last baseline and the thick rule
AFTER_MASTHEAD = 12.0  # from the thick rule to the top of the first line below it
#: The emblem's place, left of the organ: (left, top, width, height). Empty unless the user gives an image.
EMBLEM_BOX = (PAGE_MARGIN, 68.0, 54.0, 46.0)

# -- later pages: running head, body --------------------------------------------------------------
RUNNING_HEAD_BASELINE = 59.0  # the symbol, bold 8.5 pt, above the thin rule at THIN_RULE
RUNNING_HEAD_SIZE = 8.5
BODY_FIRST_BASELINE = 82.3  # the first body line of pages 2…
BODY_LAST_BASELINE_FROM_BOTTOM = 61.6  # the last body line of a full page: 730.4 on Letter
FOLIO_BASELINE_FROM_BOTTOM = 38.0  # "2/5" (bold 8.5 pt) and the job number (7 pt) at the foot of pages 2…
JOB_SIZE = 7.0

# -- headings -------------------------------------------------------------------------------------
#: The Secretariat's HCh style: "Note by the Secretariat" and the like, bold, in Word and in the PDF.
CHAPTER_HEADING_SIZE, CHAPTER_HEADING_PITCH = 14.0, 15.0

# -- links --------------------------------------------------------------------------------------
LINK_COLOUR = "0000FF"  # links (resolution numbers, addresses) are blue in the UN's PDFs

# -- footnotes ------------------------------------------------------------------------------------
NOTE_RULE_LEFT, NOTE_RULE_RIGHT = 99.6, 173.6  # the separator above the footnotes
NOTE_NUMBER_LEFT = 117.0  # a footnote's number; its text hangs at COLUMN_LEFT
NOTE_SIZE, NOTE_PITCH = 8.5, 10.5
NOTE_MARK_SIZE = 6.5  # the footnote reference in the text (superscript)

# -- the first page's footer ----------------------------------------------------------------------
FIRST_FOOTER_SIZE = 10.0  # "13-49218 (E)    011013": job number, language letter, date of processing
FIRST_FOOTER_BASELINE_FROM_BOTTOM = 46.0
BARCODE_TOP_FROM_BOTTOM = 42.0  # the job number in Code 39, under that line
BARCODE_HEIGHT = 18.0
BARCODE_MODULE = 0.72  # the narrow bar's width (0.01 inch); wide bars are three times it
RECYCLE_SIZE = 10.0  # "Please recycle" and its symbol, left of the QR code, on its bottom line
RECYCLE_GAP = 8.0  # from the end of "Please recycle ♲" to the QR code
QR_SIZE = 44.0  # the QR code of the document's address, square, at the right page margin
QR_BOTTOM_FROM_BOTTOM = 16.0

Box = tuple[float, float, float, float]  # left, top, width, height


def barcode_box(modules: int, height: float) -> Box:
    """Where page 1's Code 39 barcode of `modules` narrow modules stands on a page `height` points high."""
    return (PAGE_MARGIN, height - BARCODE_TOP_FROM_BOTTOM, modules * BARCODE_MODULE, BARCODE_HEIGHT)


def qr_box(width: float, height: float) -> Box:
    """Where page 1's QR code stands on a page of `width` × `height` points: at the right margin, at the foot."""
    return (width - PAGE_MARGIN - QR_SIZE, height - QR_BOTTOM_FROM_BOTTOM - QR_SIZE, QR_SIZE, QR_SIZE)


def recycle_place(width: float, height: float) -> tuple[float, float]:
    """(right end, baseline) of "Please recycle ♲": left of the QR code, on its bottom line."""
    return (qr_box(width, height)[0] - RECYCLE_GAP, height - QR_BOTTOM_FROM_BOTTOM)


def thick_rule_y(session_lines: int) -> float:
    """Where the thick rule stands over a session block of `session_lines` lines: the UN's place, or lower
    when the block needs it."""
    last = SESSION_FIRST_BASELINE + SESSION_PITCH * (session_lines - 1)
    return max(THICK_RULE, last + THICK_RULE_GAP) if session_lines else THICK_RULE


def emblem_box(pixels: tuple[int, int], page_width: float, *, mirrored: bool = False) -> Box:
    """Where an emblem image of `pixels` (width, height) stands: as large as EMBLEM_BOX holds it, its proportions
    kept, at the box's top left (top right of the mirrored masthead, `width - x`)."""
    left, top, width, height = EMBLEM_BOX
    scale = min(width / pixels[0], height / pixels[1])
    fitted_width, fitted_height = pixels[0] * scale, pixels[1] * scale
    if mirrored:
        left = page_width - left - fitted_width
    return (left, top, fitted_width, fitted_height)
