"""How a markup record looks on screen: insertions underlined and deletions struck through in the colour
of the delegation that proposes them, with a caption for paragraphs that are new, deleted, moved or
alternatives ("OP3 bis [Brazil] — proposed"), in the same UN layout as the plain text (`rendering`).

A bracketed amendment's words stand in [square brackets], as the UN writes bracketed text: one pair
around each stretch of its inserted and deleted words (the spaces around them left outside), or around
the whole paragraph it deletes or moves.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument

from resdesk.text.inline import BOLD, FOOTNOTE, ITALIC, Mark
from resdesk.ui import rendering
from resdesk.ui.facts import Row
from resdesk.un.phrases import opening_emphasis
from resdesk.views.markup import ALTERNATIVE_TEXT, DELETE, DELETED, EQUAL, INSERT, INSERTED, MOVED_FROM, MOVED_TO

FALLBACK_COLOUR = "#555555"
COLLISION_COLOUR = QColor("#c62828")
CAPTIONED = (INSERTED, DELETED, MOVED_FROM, MOVED_TO, ALTERNATIVE_TEXT)


def colour_of(colours: dict[str, str], author: str | None) -> QColor:
    return QColor(colours.get(author or "", "") or FALLBACK_COLOUR)


def insert_format(colour: QColor) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(colour)
    fmt.setFontUnderline(True)
    fmt.setUnderlineColor(colour)
    return fmt


def delete_format(colour: QColor) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(colour)
    fmt.setFontStrikeOut(True)
    return fmt


def caption(row: Row, labels: dict[str, str]) -> str:
    """The line above a record that is not a plain paragraph of the version, or ""."""
    record = row.record
    author = f"[{record.author}]" if record.author else ""
    status = f" — {record.status}" if record.status else ""
    if record.state == INSERTED:
        return f"{record.label} {author} new paragraph{status}"
    if record.state == DELETED:
        return f"{author} delete {labels.get(record.id, record.label)}{status}"
    if record.state == MOVED_FROM:
        return f"{author} move {labels.get(record.id, record.label)} from here{status}"
    if record.state == MOVED_TO:
        return f"{author} {labels.get(record.id, record.label)} moved here{status}"
    if record.state == ALTERNATIVE_TEXT:
        return f"{record.label} {author}{status}"
    return ""


def _captioned(document: QTextDocument, row: Row) -> bool:
    return row.record is not None and row.record.state in CAPTIONED and document.blockCount() >= 2


def caption_height(document: QTextDocument, row: Row) -> float:
    """How far a record's caption pushes its text down (where the printed marker "7." must go)."""
    if not _captioned(document, row):
        return 0.0
    return document.documentLayout().blockBoundingRect(document.begin()).height()


def text_start(document: QTextDocument, row: Row) -> int:
    """Where a record's own words begin in its rendered document (after its caption, if it has one)."""
    return document.begin().next().position() if _captioned(document, row) else 0


def fill_markup(document: QTextDocument, row: Row, geo: rendering.Geometry, language: str,
                colours: dict[str, str], labels: dict[str, str]) -> None:
    """Put a markup record into `document`: its caption, then its segments with their formats."""
    record = row.record
    document.clear()
    document.setDocumentMargin(0)
    document.setDefaultFont(rendering.body_font())
    document.setTextWidth(geo.text_width)
    cursor = QTextCursor(document)
    title = caption(row, labels)
    if title:
        small = QTextCharFormat()
        small.setFont(rendering.body_font(9.5))
        small.setForeground(colour_of(colours, record.author))
        small.setFontWeight(600)
        cursor.insertText(title, small)
        cursor.insertBlock()
    cursor.setBlockFormat(rendering.block_format(row, geo))
    whole = None
    if record.state in (DELETED, MOVED_FROM):
        whole = delete_format(colour_of(colours, record.author))
    elif record.state == MOVED_TO:
        whole = insert_format(colour_of(colours, record.author))
    opening = rendering.opening_length(row, language) if record.state != INSERTED else 0
    emphasis = opening_emphasis(language)
    kinds = [kind for kind, on in ((ITALIC, emphasis.italic), (BOLD, emphasis.bold)) if on]
    placed = []  # (segment, its format, where it starts and ends in the document)
    for segment in record.segments:
        if segment.op != INSERT and segment.start < opening:
            end = min(len(segment.text), opening - segment.start)
            segment = segment._replace(marks=(*(Mark(kind, 0, end) for kind in kinds), *segment.marks))
        if segment.op == INSERT:
            fmt = insert_format(colour_of(colours, segment.author))
        elif segment.op == DELETE:
            fmt = delete_format(colour_of(colours, segment.author))
        else:
            fmt = QTextCharFormat(whole) if whole is not None else QTextCharFormat()
        start = cursor.position()
        cursor.insertText(segment.text, fmt)
        _apply_marks(cursor, start, segment, row)
        placed.append((segment, fmt, start, cursor.position()))
    _bracket(cursor, placed, _bracketed_stretches(row))


def _bracketed_stretches(row: Row) -> list[tuple[int, int]]:
    """(first, last) segment indices of each stretch of a bracketed amendment's words in the row."""
    record = row.record
    if not row.bracketed or not record.segments:
        return []
    if record.amendment in row.bracketed and record.state in (DELETED, MOVED_FROM, MOVED_TO):
        return [(0, len(record.segments) - 1)]
    stretches: list[tuple[int, int]] = []
    for index, segment in enumerate(record.segments):
        if segment.op == EQUAL or segment.amendment not in row.bracketed:
            continue
        previous = record.segments[index - 1] if index else None
        if stretches and stretches[-1][1] == index - 1 and previous.amendment == segment.amendment:
            stretches[-1] = (stretches[-1][0], index)
        else:
            stretches.append((index, index))
    return stretches


def _bracket(cursor: QTextCursor, placed: list, stretches: list[tuple[int, int]]) -> None:
    """Put "[" and "]" around each stretch, inside the spaces that begin and end it (last stretch first, so
    the positions of the earlier ones still hold)."""
    for first, last in reversed(stretches):
        if not "".join(placed[i][0].text for i in range(first, last + 1)).strip():
            continue  # only spaces: nothing to read in brackets
        segment, fmt, _start, end = placed[last]
        cursor.setPosition(end - (len(segment.text) - len(segment.text.rstrip())))
        cursor.insertText("]", fmt)
        segment, fmt, start, _end = placed[first]
        cursor.setPosition(start + len(segment.text) - len(segment.text.lstrip()))
        cursor.insertText("[", fmt)
    cursor.movePosition(QTextCursor.MoveOperation.End)


def _apply_marks(cursor: QTextCursor, start: int, segment, row: Row) -> None:
    """Italic/bold marks of the version over a segment, and its footnote markers as superscripts."""
    end = cursor.position()
    for mark in segment.marks:
        if mark.kind in (ITALIC, BOLD) and mark.end > mark.start:
            fmt = QTextCharFormat()
            if mark.kind == ITALIC:
                fmt.setFontItalic(True)
            else:
                fmt.setFontWeight(700)
            cursor.setPosition(start + mark.start)
            cursor.setPosition(min(end, start + mark.end), QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(fmt)
    anchors = sorted((m for m in segment.marks if m.kind == FOOTNOTE), key=lambda m: m.start, reverse=True)
    for anchor in anchors:
        cursor.setPosition(start + anchor.start)
        cursor.insertText(row.markers.get(anchor.target, "?"), rendering.superscript_format())
    cursor.movePosition(QTextCursor.MoveOperation.End)
