"""How one block looks on screen in UN layout, shared by the painted rows and the in-place editor.

A block is drawn as: its negotiation label (PP3, OP5 (a)) in a grey gutter, its
printed marker ("3.", "(a)") at the first-line indent, then its text as a
QTextDocument (justified serif, the enacting formula and the opening phrase in
italics, superscript footnote markers) and, below it, the footnotes anchored in
it. The editor uses the same fonts, widths and indents, so opening it in place
does not move a single letter.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPyTextObject,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from resdesk.model.document import FORMULA, HEADING, OPERATIVE, PREAMBULAR, SUBPARAGRAPH, TABLE
from resdesk.text.inline import BOLD, FOOTNOTE, ITALIC, LINK, marked_opening
from resdesk.ui.facts import Row
from resdesk.ui.guard import guard_overrides
from resdesk.un.languages import SERIF_FAMILIES as UN_SERIF_FAMILIES
from resdesk.un.phrases import opening_emphasis, opening_extent
from resdesk.views.outline import table_text

GUTTER = 88.0          # the label column
PAD_Y = 5.0            # space above and below a row's text
NOTE_GAP = 4.0
MAX_COLUMN = 760.0     # the text column never grows wider than a readable page column
FIRST_INDENT = 28.0    # PP first line; where OP numbers and sub-paragraph markers stand
TAB = 28.0             # from a marker to its text
SUB_STEP = 28.0        # extra indent per sub-paragraph level
SERIF_FAMILIES = [*UN_SERIF_FAMILIES, "serif"]

#: QTextFormat object type of a footnote marker inside the editor (an object replacement character).
FOOTNOTE_OBJECT = QTextFormat.ObjectTypes.UserObject + 1
FOOTNOTE_ID = QTextFormat.Property.UserProperty + 1
FOOTNOTE_MARKER = QTextFormat.Property.UserProperty + 2
OBJECT_CHAR = "\ufffc"


def body_font(point_size: float = 12.0) -> QFont:
    font = QFont()
    font.setFamilies(SERIF_FAMILIES)
    font.setPointSizeF(point_size)
    return font


@dataclass(frozen=True)
class Geometry:
    """Where a row's parts go, for a given viewport width."""

    text_x: float
    text_width: float
    marker_x: float
    first_indent: float


def geometry(row: Row, viewport_width: float) -> Geometry:
    column = max(200.0, min(MAX_COLUMN, viewport_width - GUTTER - 24.0))
    block = row.block
    kind = block.kind if block is not None else ""
    depth_shift = SUB_STEP * row.depth if kind == SUBPARAGRAPH else 0.0
    text_x = GUTTER + depth_shift
    width = column - depth_shift
    if kind in (OPERATIVE, SUBPARAGRAPH) and row.marker:
        return Geometry(text_x, width, text_x + FIRST_INDENT, FIRST_INDENT + TAB)
    if kind in (PREAMBULAR, FORMULA) or (kind == OPERATIVE and not row.marker):
        return Geometry(text_x, width, text_x, FIRST_INDENT)
    return Geometry(text_x, width, text_x, 0.0)


def opening_length(row: Row, language: str) -> int:
    """How many leading characters are the opening (`resdesk.un.phrases.opening_extent`)."""
    block = row.block
    if block is None:
        return 0
    return opening_extent(block.text, block.kind, language, marked_opening(block.marks))


def opening_format(language: str) -> QTextCharFormat:
    """The format of an opening: italic; bold in Chinese, bold italic in Arabic (`resdesk.un.phrases`)."""
    emphasis = opening_emphasis(language)
    fmt = QTextCharFormat()
    fmt.setFontItalic(emphasis.italic)
    if emphasis.bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    return fmt


def block_format(row: Row, geo: Geometry) -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setTextIndent(geo.first_indent)
    block = row.block
    if block is not None and block.kind in (PREAMBULAR, OPERATIVE, SUBPARAGRAPH, FORMULA):
        fmt.setAlignment(Qt.AlignmentFlag.AlignJustify)
    return fmt


def char_formats(row: Row, text_length: int, language: str) -> list[tuple[int, int, QTextCharFormat]]:
    """The (start, end, format) spans of a block's text: opening phrase, italic/bold marks, links."""
    spans = []
    opening = opening_length(row, language)
    if opening:
        spans.append((0, opening, opening_format(language)))
    block = row.block
    for mark in block.marks if block is not None else ():
        end = min(mark.end, text_length)
        if mark.start >= end:
            continue
        fmt = QTextCharFormat()
        if mark.kind == ITALIC:
            fmt.setFontItalic(True)
        elif mark.kind == BOLD:
            fmt.setFontWeight(QFont.Weight.Bold)
        elif mark.kind == LINK:
            fmt.setForeground(QColor("#1f4e99"))
        else:
            continue
        spans.append((mark.start, end, fmt))
    if block is not None and block.kind == HEADING:
        bold = QTextCharFormat()
        bold.setFontWeight(QFont.Weight.Bold)
        spans.append((0, text_length, bold))
    return spans


def display_text(row: Row) -> str:
    block = row.block
    if block is None:
        return ""
    if block.kind == TABLE:
        return table_text(block)
    if block.kind == HEADING and block.number:
        return block.text
    return block.text


def fill_text(document: QTextDocument, row: Row, geo: Geometry, language: str, *, editable: bool) -> None:
    """Put a block's text into `document`: plain characters, formats, footnote markers.

    For the editor (`editable`) each footnote anchor is an object replacement
    character carrying the footnote id (drawn by `FootnoteMarkerHandler`); for
    display it is a superscript number.
    """
    document.clear()
    document.setDocumentMargin(0)
    document.setDefaultFont(body_font())
    document.setTextWidth(geo.text_width)
    cursor = QTextCursor(document)
    cursor.setBlockFormat(block_format(row, geo))
    text = display_text(row)
    plain = QTextCharFormat()
    cursor.insertText(text, plain)
    for start, end, fmt in char_formats(row, len(text), language):
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(fmt)
    block = row.block
    anchors = sorted((m for m in block.marks if m.kind == FOOTNOTE), key=lambda m: m.start) if block else []
    for anchor in reversed(anchors):
        cursor.setPosition(min(anchor.start, len(text)))
        marker = row.markers.get(anchor.target, "?")
        if editable:
            cursor.insertText(OBJECT_CHAR, footnote_format(anchor.target, marker))
        else:
            cursor.insertText(marker, superscript_format())


def superscript_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignSuperScript)
    fmt.setFontItalic(False)
    return fmt


def footnote_format(footnote_id: str, marker: str) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setObjectType(FOOTNOTE_OBJECT)
    fmt.setProperty(FOOTNOTE_ID, footnote_id)
    fmt.setProperty(FOOTNOTE_MARKER, marker)
    return fmt


def notes_document(row: Row, geo: Geometry) -> QTextDocument | None:
    """The footnotes anchored in a block, in small type, or None when it has none."""
    if not row.notes:
        return None
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setDefaultFont(body_font(9.5))
    document.setTextWidth(geo.text_width)
    cursor = QTextCursor(document)
    for index, (marker, text) in enumerate(row.notes):
        if index:
            cursor.insertBlock()
        cursor.insertText(marker, superscript_format())
        cursor.insertText(" " + text, QTextCharFormat())
    return document


@guard_overrides
class FootnoteMarkerHandler(QPyTextObject):
    """Draws a footnote anchor in the editor as its superscript number."""

    def _font(self, fmt: QTextFormat) -> QFont:
        font = QFont(fmt.toCharFormat().font())
        font.setItalic(False)
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.7))
        return font

    def intrinsicSize(self, doc, pos_in_document, fmt):  # noqa: N802 - Qt's name
        metrics = QFontMetricsF(self._font(fmt))
        return QSizeF(metrics.horizontalAdvance(str(fmt.property(FOOTNOTE_MARKER))) + 1, metrics.height())

    def drawObject(self, painter: QPainter, rect: QRectF, doc, pos_in_document, fmt):  # noqa: N802
        painter.save()
        painter.setFont(self._font(fmt))
        painter.setPen(QColor("#1f4e99"))
        metrics = QFontMetricsF(painter.font())
        painter.drawText(QPointF(rect.left(), rect.top() + metrics.ascent() - 2), str(fmt.property(FOOTNOTE_MARKER)))
        painter.restore()
