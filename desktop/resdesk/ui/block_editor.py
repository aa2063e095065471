"""The in-place editor of one block: a QTextEdit laid out exactly like the painted row.

It holds the block's characters plus one object replacement character per
footnote anchor (drawn as the footnote's number). Its content is turned back
into (text, marks) with `editor_content`: the anchors are read from the
replacement characters, the other marks follow the edit with `shift_marks`.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QSyntaxHighlighter, QTextDocument
from PySide6.QtWidgets import QFrame, QTextEdit

from resdesk.text.chars import clean
from resdesk.text.inline import FOOTNOTE, OPENING, Mark, shift_marks
from resdesk.ui import rendering
from resdesk.ui.facts import Row
from resdesk.ui.guard import guard_overrides


def editor_content(document: QTextDocument, old_text: str, old_marks: list[Mark]) -> tuple[str, list[Mark]]:
    """The (text, marks) an editor document holds, given the block's text and marks before the edit."""
    chars: list[str] = []
    anchors: list[Mark] = []
    block = document.begin()
    first = True
    while block.isValid():
        if not first:
            chars.append(" ")
        first = False
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.isValid():
                fmt = fragment.charFormat()
                footnote_id = fmt.property(rendering.FOOTNOTE_ID) if fmt.isCharFormat() else None
                for char in fragment.text():
                    if char == rendering.OBJECT_CHAR:
                        if footnote_id:
                            position = len(chars)
                            anchors.append(Mark(FOOTNOTE, position, position, str(footnote_id)))
                        continue
                    chars.append(char)
            iterator += 1
        block = block.next()
    text = "".join(chars).replace("\u2029", " ").replace("\u2028", " ")
    start = 0
    limit = min(len(old_text), len(text))
    while start < limit and old_text[start] == text[start]:
        start += 1
    end_old, end_new = len(old_text), len(text)
    while end_old > start and end_new > start and old_text[end_old - 1] == text[end_new - 1]:
        end_old -= 1
        end_new -= 1
    others = shift_marks([m for m in old_marks if m.kind != FOOTNOTE], start, end_old - start, end_new - start)
    return text, others + anchors


def plain_offset(document: QTextDocument, position: int) -> int:
    """The offset in the block's text of an editor cursor position (object characters do not count)."""
    text = document.toPlainText()[:position]
    return len(text) - text.count(rendering.OBJECT_CHAR)


def editor_position(document: QTextDocument, offset: int) -> int:
    """The editor cursor position of an offset in the block's text (inverse of `plain_offset`)."""
    text = document.toPlainText()
    count = 0
    for position, char in enumerate(text):
        if count == offset and char != rendering.OBJECT_CHAR:
            return position
        if char != rendering.OBJECT_CHAR:
            count += 1
    return len(text)


@guard_overrides
class OpeningHighlighter(QSyntaxHighlighter):
    """Shows the opening phrase as the language sets it while typing (derived, or as the source file marked it)."""

    def __init__(self, document: QTextDocument, language: str):
        super().__init__(document)
        self.language = language
        self.row: Row | None = None

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt's name
        if self.row is None or self.row.block is None:
            return
        plain = text.replace(rendering.OBJECT_CHAR, "")
        # The opening the file marked (an `opening` mark) stays while typing; other marks do not matter here.
        opening = [mark for mark in self.row.block.marks if mark.kind == OPENING and mark.end <= len(plain)]
        probe = replace(self.row, block=replace(self.row.block, text=plain, marks=opening))
        length = rendering.opening_length(probe, self.language)
        if not length:
            return
        # Map the phrase's length in plain characters to editor positions (markers do not count).
        seen = position = 0
        while position < len(text) and seen < length:
            if text[position] != rendering.OBJECT_CHAR:
                seen += 1
            position += 1
        self.setFormat(0, position, rendering.opening_format(self.language))


@guard_overrides
class BlockEditor(QTextEdit):
    """Editor of the current block. Enter adds a paragraph; Up/Down at the edges go to the next block."""

    enter_pressed = Signal()
    leave_up = Signal()
    leave_down = Signal()
    indent_requested = Signal(bool)

    def __init__(self, parent, language: str):
        super().__init__(parent)
        self.setObjectName("blockEditor")
        self.setAccessibleName("Paragraph text")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setUndoRedoEnabled(False)  # every change goes through the window's undo stack
        self.setAcceptRichText(False)
        self.setTabChangesFocus(False)
        self.viewport().setAutoFillBackground(False)
        self.setStyleSheet("QTextEdit { background: transparent; }")
        self.document().setDocumentMargin(0)
        # Keep a reference: the layout does not own the handler.
        self._footnote_handler = rendering.FootnoteMarkerHandler(self)
        self.document().documentLayout().registerHandler(rendering.FOOTNOTE_OBJECT, self._footnote_handler)
        self.highlighter = OpeningHighlighter(self.document(), language)
        self.block_id = ""

    def load(self, row: Row, geo: rendering.Geometry, language: str) -> None:
        """Show a block's text (without emitting a change)."""
        self.block_id = row.block.id
        self.highlighter.row = row
        self.highlighter.language = language
        blocker = self.document().blockSignals(True)
        rendering.fill_text(self.document(), row, geo, language, editable=True)
        self.document().blockSignals(blocker)
        self.highlighter.rehighlight()

    def event(self, event) -> bool:
        # Undo and redo belong to the window's undo stack, not to the text widget.
        if event.type() == QEvent.Type.ShortcutOverride and (
            event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo)
            or (event.key() == Qt.Key.Key_Y and event.modifiers() == Qt.KeyboardModifier.ControlModifier)
        ):
            event.ignore()
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        key = event.key()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not modifiers:
            self.enter_pressed.emit()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return  # a block is one paragraph: no line breaks inside it
        if key == Qt.Key.Key_Tab and not modifiers:
            self.indent_requested.emit(True)
            return
        if key == Qt.Key.Key_Backtab:
            self.indent_requested.emit(False)
            return
        cursor = self.textCursor()
        if key == Qt.Key.Key_Up and not modifiers and self._on_first_line(cursor):
            self.leave_up.emit()
            return
        if key == Qt.Key.Key_Down and not modifiers and self._on_last_line(cursor):
            self.leave_down.emit()
            return
        super().keyPressEvent(event)

    def _on_first_line(self, cursor) -> bool:
        layout = cursor.block().layout()
        line = layout.lineForTextPosition(cursor.positionInBlock())
        return cursor.block() == self.document().firstBlock() and (not line.isValid() or line.lineNumber() == 0)

    def _on_last_line(self, cursor) -> bool:
        layout = cursor.block().layout()
        line = layout.lineForTextPosition(cursor.positionInBlock())
        return cursor.block() == self.document().lastBlock() and (
            not line.isValid() or line.lineNumber() == layout.lineCount() - 1)

    def insertFromMimeData(self, source) -> None:  # noqa: N802 - Qt's name
        """Paste as plain text on one line (a block is one paragraph), without what no export could write."""
        text = " ".join(clean(source.text()).split())
        if text:
            self.textCursor().insertText(text)
