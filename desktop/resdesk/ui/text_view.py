"""The text of the resolution in UN layout, one row per block, edited in place.

Design (chosen for long texts, see docs/benchmarks.md): a QListView over
a list model of rows. Rows are painted by a delegate from cached QTextDocuments
(one per block, rebuilt only when that block or the width changes); only the
current block has a real editor (`BlockEditor`), opened in place with the same
fonts and indents. The list is laid out in one pass (row heights come from the
cache, so a relayout costs one dictionary look-up per row), and a keystroke
repaints one editor, not the list.
"""

from __future__ import annotations

import math
import time
from typing import NamedTuple

from PySide6.QtCore import QAbstractListModel, QEventLoop, QModelIndex, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QAbstractItemView, QApplication, QListView, QStyle, QStyledItemDelegate

from resdesk.amend.propose import propose_from_edit
from resdesk.errors import UserError, in_words
from resdesk.store.editing import TextState
from resdesk.ui import rendering
from resdesk.ui.block_editor import BlockEditor, editor_content, editor_position, plain_offset
from resdesk.ui.commands import TypingCommand
from resdesk.ui.facts import BLOCK, TITLE, Row
from resdesk.ui.guard import guard_overrides
from resdesk.ui.markup_rendering import COLLISION_COLOUR, caption_height, fill_markup, text_start
from resdesk.ui.negotiation_commands import ProposeTypingCommand, keep_equivalent
from resdesk.ui.session import DocumentSession

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
LABEL_COLOR = QColor("#7a7f87")
CURRENT_BACKGROUND = QColor("#eef3fb")
UNSAVED_COLOUR = QColor("#b3261e")  # the mark of a paragraph whose typing the file could not take
FOUND_BACKGROUND = QColor("#ffe680")
RELAYOUT_PAUSE_MS = 400
TYPING_MODIFIERS = Qt.KeyboardModifier.NoModifier | Qt.KeyboardModifier.ShiftModifier | \
    Qt.KeyboardModifier.KeypadModifier


class Match(NamedTuple):
    """Words found in the text view: in row `row`, `length` characters from `start`, which is an offset in the
    block's text for a plain row, and a position in the rendered markup for a row of the markup view."""

    row: int
    block_id: str
    start: int
    length: int


def collision_tip(negotiation, colliding: list[str]) -> str:
    """"Collision: a1 (European Union, OP2, agreed) collides with a7 (Group of 77 and China, OP2, proposed)"."""
    words = negotiation.amendment_words
    return "Collision: " + "; ".join(
        f"{words(ident)} collides with {in_words([words(other) for other in negotiation.collisions.get(ident, [])])}"
        for ident in colliding)


@guard_overrides
class BlocksModel(QAbstractListModel):
    """The rows of the text (title, blocks, annex headings) from the session."""

    def __init__(self, session: DocumentSession):
        super().__init__()
        self.session = session
        self.negotiation = session.negotiation
        self.negotiation.rows_reset.connect(self._reset)
        self.negotiation.rows_updated.connect(self._rows_updated)

    def rowCount(self, parent=None) -> int:  # noqa: N802 - Qt's name
        return 0 if parent is not None and parent.isValid() else len(self.negotiation.rows)

    def _valid(self, index: QModelIndex) -> bool:
        """An index of the rows now shown: while a reset begins (closing the editor), Qt still asks about rows
        of the old list, which the negotiation has already replaced."""
        return index.isValid() and index.row() < len(self.negotiation.rows)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not self._valid(index):
            return None
        row = self.negotiation.rows[index.row()]
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ToolTipRole and row.record is not None and row.record.collisions:
            return collision_tip(self.negotiation, row.record.collisions)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if row.kind == BLOCK:
                return f"{row.label} {row.block.text}".strip()
            return row.title
        return None

    def flags(self, index: QModelIndex):
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._valid(index) and self.negotiation.rows[index.row()].kind == BLOCK:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def index_of(self, block_id: str) -> QModelIndex:
        return self.index(self.negotiation.row_of(block_id))

    def _reset(self) -> None:
        self.beginResetModel()
        self.endResetModel()

    def _rows_updated(self, rows: list) -> None:
        for row in rows:
            index = self.index(row)
            self.dataChanged.emit(index, index)


class _Rendered:
    __slots__ = ("row", "width", "key", "text", "notes", "size")

    def __init__(self, row: Row, width: float, key, text: QTextDocument | None, notes: QTextDocument | None,
                 height: float):
        self.row = row
        self.width = width
        self.key = key
        self.text = text
        self.notes = notes
        self.size = QSize(int(width), int(math.ceil(height + 2 * rendering.PAD_Y)))  # the row's size hint


def _row_key(row: Row, width: float, language: str):
    block = row.block
    if block is None:
        return (row.kind, row.title, row.subtitle, width)
    record = row.record
    if record is None:
        # Labels and printed numbers are painted apart from the text: renumbering does not rebuild documents.
        return (block.kind, block.text, tuple(block.marks), block.number, bool(row.marker), row.depth, row.notes,
                tuple(sorted(row.markers.items())), width, language)
    # Markup captions ("OP3 bis [Brazil]") and move notes name labels, so they are part of the key.
    shown = (record.state, record.status, tuple(record.segments), tuple(record.collisions), row.bracketed)
    return (block.kind, block.text, tuple(block.marks), block.number, row.label, row.marker, row.depth, row.notes,
            tuple(sorted(row.markers.items())), width, language, shown)


@guard_overrides
class BlockDelegate(QStyledItemDelegate):
    """Paints rows from cached text documents and manages the in-place editor's data and size."""

    def __init__(self, view: TextView):
        super().__init__(view)
        self.view = view
        self._cache: dict[object, _Rendered] = {}

    @property
    def language(self) -> str:
        return self.view.session.document.meta.language

    def clear_cache(self) -> None:
        self._cache.clear()

    def _width(self) -> float:
        return float(self.view.viewport().width())

    def rendered(self, row: Row) -> _Rendered:
        """The cached documents and height of a row (rebuilt when its content or the width changed)."""
        width = self._width()
        cache_id = (row.key, row.record is None)  # a paragraph's plain and markup renderings are both kept
        negotiation = self.view.session.negotiation
        colours = negotiation.colours_key
        cached = self._cache.get(cache_id)
        if cached is not None and cached.row is row and cached.width == width and cached.key[1] is colours:
            return cached  # the fast path of every relayout: the very same row, width and colours
        key = (_row_key(row, width, self.language), colours)
        if cached is not None and cached.key == key:
            cached.row = row
            return cached
        if row.kind == BLOCK:
            geo = rendering.geometry(row, width)
            text = QTextDocument()
            if row.record is not None:
                fill_markup(text, row, geo, self.language, negotiation.colours, negotiation.block_labels)
            else:
                rendering.fill_text(text, row, geo, self.language, editable=False)
            notes = rendering.notes_document(row, geo)
            height = text.size().height()
            if notes is not None:
                height += rendering.NOTE_GAP + notes.size().height()
        else:
            text = self._heading_document(row, width)
            notes = None
            height = text.size().height() + (12.0 if row.kind == TITLE else 6.0)
        cached = _Rendered(row, width, key, text, notes, height)
        self._cache[cache_id] = cached
        return cached

    def _heading_document(self, row: Row, width: float) -> QTextDocument:
        document = QTextDocument()
        document.setDocumentMargin(0)
        document.setDefaultFont(rendering.body_font())
        document.setTextWidth(max(200.0, min(rendering.MAX_COLUMN, width - rendering.GUTTER - 24.0)))
        cursor = QTextCursor(document)
        fmt = cursor.blockFormat()
        fmt.setAlignment(Qt.AlignmentFlag.AlignLeft)
        cursor.setBlockFormat(fmt)
        char = cursor.charFormat()
        if row.subtitle:
            cursor.insertText(row.subtitle, char)
            cursor.insertBlock()
        bold = cursor.charFormat()
        bold.setFontWeight(QFont.Weight.Bold)
        bold.setFontPointSize(13.0 if row.kind == TITLE else 12.0)
        cursor.insertText(row.title or ("Untitled draft resolution" if row.kind == TITLE else ""), bold)
        return document

    # -- sizes -----------------------------------------------------------------------------

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 - Qt's name
        view = self.view
        if not view.isVisible():
            # Not shown yet: its width is not final, so laying out 1,000 rows now would be thrown away.
            return QSize(view.viewport().width(), 40)
        # Called for every row on every relayout: read the row directly, not through the model.
        row = view.session.negotiation.rows[index.row()]
        rendered = self.rendered(row)
        editor = view.editor
        if editor is None or row.block is None or editor.block_id != row.block.id:
            return rendered.size
        # Room for one more line below the paragraph being edited: a keystroke that wraps onto a
        # new line grows the editor into it without laying out the whole list again.
        height = editor.document().size().height() + view.editor_slack
        if rendered.notes is not None:
            height += rendering.NOTE_GAP + rendered.notes.size().height()
        return QSize(rendered.size.width(), int(math.ceil(height + 2 * rendering.PAD_Y)))

    # -- painting ------------------------------------------------------------------------------

    def paint(self, painter: QPainter, option, index) -> None:
        row: Row = index.data(ROW_ROLE)
        rendered = self.rendered(row)
        rect = option.rect
        painter.save()
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(rect, CURRENT_BACKGROUND)
        top = rect.top() + rendering.PAD_Y
        if row.kind != BLOCK:
            painter.translate(rect.left() + rendering.GUTTER, top + (6.0 if row.kind == TITLE else 0.0))
            rendered.text.drawContents(painter)
            painter.restore()
            return
        geo = rendering.geometry(row, self._width())
        label_font = QFont(option.font)
        label_font.setPointSizeF(max(7.0, label_font.pointSizeF() - 1))
        painter.setFont(label_font)
        painter.setPen(LABEL_COLOR)
        painter.drawText(QRectF(rect.left() + 8, top, rendering.GUTTER - 12, 20),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, row.label)
        if row.block.id in self.view.session.unsaved:
            painter.setPen(UNSAVED_COLOUR)
            painter.drawText(QRectF(rect.left() + 8, top + 18, rendering.GUTTER - 12, 20),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, "⚠ not saved")
        if row.record is not None and row.record.collisions:
            painter.fillRect(QRectF(rect.left() + 1, rect.top() + 2, 4, rect.height() - 4), COLLISION_COLOUR)
            painter.setPen(COLLISION_COLOUR)
            painter.drawText(QRectF(rect.left() + 8, top + 18, rendering.GUTTER - 12, 20),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, "⚠ collision")
        editing = self.view.editor is not None and self.view.editor.block_id == row.block.id
        text_height = rendered.text.size().height()
        if editing:
            text_height = self.view.editor.document().size().height()
        if row.marker:
            painter.setFont(rendering.body_font())
            painter.setPen(option.palette.text().color())
            ascent = painter.fontMetrics().ascent()
            painter.drawText(QPointF(rect.left() + geo.marker_x, top + ascent + caption_height(rendered.text, row)),
                             row.marker)
        if not editing:
            painter.save()
            painter.translate(rect.left() + geo.text_x, top)
            self._draw_text(painter, rendered.text, row)
            painter.restore()
        if rendered.notes is not None:
            painter.translate(rect.left() + geo.text_x, top + text_height + rendering.NOTE_GAP)
            painter.setPen(QColor("#9aa0a6"))
            painter.drawLine(QPointF(0, -1), QPointF(80, -1))
            rendered.notes.drawContents(painter)
        painter.restore()

    def _draw_text(self, painter: QPainter, document: QTextDocument, row: Row) -> None:
        """The row's text, with the words Find landed on marked when they are in this row."""
        found = self.view.found
        if found is None or found[0] != row.key:
            document.drawContents(painter)
            return
        cursor = QTextCursor(document)
        cursor.setPosition(min(found[1], document.characterCount() - 1))
        cursor.setPosition(min(found[1] + found[2], document.characterCount() - 1), QTextCursor.MoveMode.KeepAnchor)
        selection = QAbstractTextDocumentLayout.Selection()
        selection.cursor = cursor
        marked = QTextCharFormat()
        marked.setBackground(FOUND_BACKGROUND)
        selection.format = marked
        context = QAbstractTextDocumentLayout.PaintContext()
        context.selections = [selection]
        document.documentLayout().draw(painter, context)

    # -- the editor ------------------------------------------------------------------------------

    def createEditor(self, parent, option, index):  # noqa: N802 - Qt's name
        editor = BlockEditor(parent, self.language)
        editor.setReadOnly(not self.view.session.negotiation.row_editable(index.data(ROW_ROLE)))
        editor.setFont(rendering.body_font())
        self.view.attach_editor(editor)
        return editor

    def setEditorData(self, editor: BlockEditor, index) -> None:  # noqa: N802 - Qt's name
        row: Row = self.view.session.negotiation.editor_row(index.data(ROW_ROLE))
        if editor.block_id == row.block.id:
            text, marks = editor_content(editor.document(), row.block.text, row.block.marks)
            if text == row.block.text and sorted(marks, key=repr) == sorted(row.block.marks, key=repr):
                return
        editor.load(row, rendering.geometry(row, self._width()), self.language)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        # The view opens and closes the editor itself; no commit-on-focus-out, no Escape closing it.
        return False

    def setModelData(self, editor, model, index) -> None:  # noqa: N802 - every keystroke is committed already
        return

    def updateEditorGeometry(self, editor, option, index) -> None:  # noqa: N802 - Qt's name
        row: Row = index.data(ROW_ROLE)
        geo = rendering.geometry(row, self._width())
        height = editor.document().size().height()
        editor.setGeometry(int(option.rect.left() + geo.text_x), int(option.rect.top() + rendering.PAD_Y),
                           int(math.ceil(geo.text_width)), int(math.ceil(height)) + 1)


@guard_overrides
class TextView(QListView):
    """The resolution's text; the current block is edited in place."""

    first_painted = Signal()
    current_block_changed = Signal(str)

    def __init__(self, session: DocumentSession, parent=None):
        super().__init__(parent)
        self.setObjectName("textView")
        self.setAccessibleName("Resolution text")
        self.session = session
        self.editor: BlockEditor | None = None
        self.found: tuple[str, int, int] | None = None   # (row key, start, length) of the words Find landed on
        self._editor_index = QModelIndex()
        self._painted = False
        self._editor_height = 0.0
        self.editor_slack = math.ceil(QFontMetricsF(rendering.body_font()).lineSpacing()) + 1.0
        # The relayout that restores the slack waits until typing pauses.
        self._relayout_timer = QTimer(self, singleShot=True, interval=RELAYOUT_PAUSE_MS)
        self._relayout_timer.timeout.connect(self._relayout_editor_row)
        self.model_ = BlocksModel(session)
        self.setModel(self.model_)
        self.delegate = BlockDelegate(self)
        self.setItemDelegate(self.delegate)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # A scroll bar that comes and goes would change the width, and so every row's layout, at start-up.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setLayoutMode(QListView.LayoutMode.SinglePass)
        self.setUniformItemSizes(False)
        self.setSpacing(0)
        self.setMouseTracking(False)
        self.setStyleSheet("QListView#textView { background: white; }")
        self.selectionModel().currentChanged.connect(self._current_changed)
        self._reopen: tuple[str, int, bool] | None = None
        self.model_.modelAboutToBeReset.connect(self._forget_editor)
        self.model_.modelReset.connect(self._reopen_editor)
        session.focus_requested.connect(self.focus_block)

    # -- the current block and its editor ------------------------------------------------------

    def current_block_id(self) -> str:
        index = self.currentIndex()
        if not index.isValid():
            return ""
        row: Row = index.data(ROW_ROLE)
        return row.block.id if row.kind == BLOCK else ""

    def _forget_editor(self) -> None:
        self._reopen = None
        if self.editor is not None:
            # Reopen it after the reset, where the cursor was (e.g. a footnote marker deleted while typing).
            offset = plain_offset(self.editor.document(), self.editor.textCursor().position())
            self._reopen = (self.editor.block_id, offset, self.editor.hasFocus())
        if self.editor is not None and self._editor_index.isValid():
            self.closePersistentEditor(self._editor_index)
        self.editor = None
        self._editor_index = QModelIndex()

    def _reopen_editor(self) -> None:
        reopen, self._reopen = self._reopen, None
        if reopen is not None and reopen[0] in self.session.block_ids():
            block_id, offset, had_focus = reopen
            self.focus_block(block_id, offset, scroll=False)
            if not had_focus and self.editor is not None:
                self.editor.clearFocus()

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        self.clear_found()
        if self._editor_index.isValid() and self._editor_index != current:
            index = self._editor_index
            self.editor = None
            self._editor_index = QModelIndex()
            self.closePersistentEditor(index)
            self.delegate.sizeHintChanged.emit(index)
        if current.isValid() and current.data(ROW_ROLE).kind == BLOCK and self._editor_index != current \
                and current.data(ROW_ROLE).record is None:
            self._editor_index = current
            self.openPersistentEditor(current)
        self.current_block_changed.emit(self.current_block_id())

    def open_editor(self) -> bool:
        """Markup view: open the current paragraph for a proposal (double-click or F2); rows keep their
        markup while they are only selected (an amendment chosen in the panel stays visible)."""
        index = self.currentIndex()
        if not index.isValid() or self._editor_index == index or index.data(ROW_ROLE).kind != BLOCK:
            return False
        if not self.session.negotiation.row_editable(index.data(ROW_ROLE)):
            return False
        self._editor_index = index
        self.openPersistentEditor(index)
        if self.editor is not None:
            self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        return self.editor is not None

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().mouseDoubleClickEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and self.open_editor():
            point = self.editor.mapFrom(self.viewport(), event.position().toPoint())
            self.editor.setTextCursor(self.editor.cursorForPosition(point))

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_F2 and self.open_editor():
            return
        index = self.currentIndex()
        in_markup = index.isValid() and index.data(ROW_ROLE).record is not None
        if in_markup and self._types(event) and (self.editor is not None or self.open_editor()):
            if not self.editor.hasFocus():
                # A selected paragraph of the markup: typing goes into it, at its end, as after Ctrl+G in the base.
                cursor = self.editor.textCursor()
                cursor.movePosition(QTextCursor.MoveOperation.End)
                self.editor.setTextCursor(cursor)
                self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
            QApplication.sendEvent(self.editor, event)
            return
        super().keyPressEvent(event)

    @staticmethod
    def _types(event) -> bool:
        """Whether a key press types a character (not a shortcut, not a movement)."""
        text = event.text()
        return bool(text) and text.isprintable() and not (event.modifiers() & ~TYPING_MODIFIERS)

    def attach_editor(self, editor: BlockEditor) -> None:
        """Called by the delegate when it creates the editor of the current row."""
        self.editor = editor
        self._editor_height = 0.0
        editor.document().contentsChanged.connect(self._editor_text_changed)
        editor.document().documentLayout().documentSizeChanged.connect(self._editor_size_changed)
        editor.enter_pressed.connect(self._enter)
        editor.leave_up.connect(lambda: self._step(-1))
        editor.leave_down.connect(lambda: self._step(+1))
        editor.indent_requested.connect(self._indent)

    def _editor_size_changed(self, size) -> None:
        height = size.height()
        if abs(height - self._editor_height) <= 0.5 or not self._editor_index.isValid():
            return
        self._editor_height = height
        # Resize the editor and repaint its row (its footnotes move) now; lay out the list again when
        # typing pauses if the text still fits the room its row has, else as soon as this key is shown.
        if self._fits_laid_out_row(height):
            self._relayout_timer.start()
        else:
            QTimer.singleShot(0, self._relayout_editor_row)
        self.editor.resize(self.editor.width(), int(math.ceil(height)) + 1)
        self.viewport().update(self.visualRect(self._editor_index))

    def _fits_laid_out_row(self, text_height: float) -> bool:
        """Whether the editor's text (and the footnotes under it) still ends above the next row as laid out."""
        below = self.model_.index(self._editor_index.row() + 1)
        if not below.isValid():
            return False
        notes = self.delegate.rendered(self._editor_index.data(ROW_ROLE)).notes
        bottom = self.editor.geometry().top() + text_height + rendering.PAD_Y
        if notes is not None:
            bottom += rendering.NOTE_GAP + notes.size().height()
        return bottom <= self.visualRect(below).top()

    def _relayout_editor_row(self) -> None:
        self._relayout_timer.stop()
        if self._editor_index.isValid():
            self.delegate.sizeHintChanged.emit(self._editor_index)

    def _editor_text_changed(self) -> None:
        if self._relayout_timer.isActive():
            self._relayout_timer.start()  # still typing
        editor = self.editor
        if editor is None or editor.isReadOnly() or not self._editor_index.isValid():
            return
        negotiation = self.session.negotiation
        if negotiation.proposing:
            self._propose_typed(editor)
            return
        row = self.session.row(editor.block_id)
        text, marks = editor_content(editor.document(), row.block.text, row.block.marks)
        if text == row.block.text and sorted(marks, key=repr) == sorted(row.block.marks, key=repr):
            return
        cursor = plain_offset(editor.document(), editor.textCursor().position())
        saved = self.session.saved_state(editor.block_id)  # what the file holds, under any unsaved typing
        command = TypingCommand(self.session, editor.block_id, saved, TextState(text, marks), cursor)
        command.cursor_before = max(0, cursor - (len(text) - len(saved.text)))
        self.session.undo_stack.push(command)

    def _propose_typed(self, editor: BlockEditor) -> None:
        """Propose mode: the delegation's word changes follow what it types; the text itself stays."""
        negotiation = self.session.negotiation
        row = self.session.row(editor.block_id)
        text, _marks = editor_content(editor.document(), row.block.text, row.block.marks)
        if text == negotiation.proposed_text(editor.block_id):
            return
        try:
            if not negotiation.acting:
                raise UserError("Choose in whose name you propose (Acting as) before typing a proposal.")
            after = propose_from_edit(negotiation.document, negotiation.acting, editor.block_id, text)
        except UserError as error:
            self.proposal_refused.emit(str(error))
            self.delegate.setEditorData(editor, self._editor_index)  # nothing was recorded: show so
            return
        current = negotiation.own_replacements(editor.block_id)
        after = keep_equivalent(row.block.text, current, after)
        self.session.undo_stack.push(ProposeTypingCommand(negotiation, editor.block_id, current, after))

    proposal_refused = Signal(str)

    # -- keyboard actions from the editor ----------------------------------------------------------

    enter_requested = Signal()
    indent_requested = Signal(bool)

    def _enter(self) -> None:
        self.enter_requested.emit()

    def _indent(self, deeper: bool) -> None:
        self.indent_requested.emit(deeper)

    def _step(self, step: int) -> None:
        row = self.currentIndex().row() + step
        rows = self.session.negotiation.rows
        while 0 <= row < self.model_.rowCount():
            if rows[row].kind == BLOCK:
                self.focus_block(rows[row].block.id, -1 if step < 0 else 0, row=row)
                return
            row += step

    # -- going to a block, finding words ---------------------------------------------------------

    def go_to_block(self, block_id: str) -> None:
        """Ctrl+G, the outline: go to a paragraph, ready to type at its end. A paragraph of the markup view
        stays shown with its markup (selected, with the keyboard focus): typing opens it (see `keyPressEvent`)."""
        if not self.session.negotiation.has_block(block_id):
            return
        index = self.model_.index_of(block_id)
        if index.data(ROW_ROLE).record is None:
            self.focus_block(block_id, -1)
            return
        self._wait_for_layout(index)
        self.setCurrentIndex(index)
        self.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def find_matches(self, needle: str) -> list[Match]:
        """Every place `needle` occurs (ignoring case) in what the view shows, in reading order: the text of
        each paragraph, and in the markup view every proposal's words too (inserted, deleted, new paragraphs,
        alternatives), as they read on screen."""
        if not needle:
            return []
        matches = []
        folded = needle.casefold()
        for index, row in enumerate(self.session.negotiation.rows):
            if row.kind != BLOCK:
                continue
            if row.record is None:
                haystack = row.block.text.casefold()
                start = haystack.find(folded)
                while start >= 0:
                    matches.append(Match(index, row.block.id, start, len(needle)))
                    start = haystack.find(folded, start + 1)
                continue
            document = self.delegate.rendered(row).text
            cursor = document.find(needle, text_start(document, row))
            while not cursor.isNull():
                matches.append(Match(index, row.block.id, cursor.selectionStart(),
                                     cursor.selectionEnd() - cursor.selectionStart()))
                cursor = document.find(needle, cursor.selectionStart() + 1)
        return matches

    def show_match(self, match: Match) -> None:
        """Select the words found: in the paragraph's editor, or (markup view) marked in the row as it reads."""
        row = self.session.negotiation.rows[match.row]
        if row.record is None:
            self.focus_block(match.block_id, match.start, match.length, row=match.row)
            return
        index = self.model_.index(match.row)
        self._wait_for_layout(index)
        self.setCurrentIndex(index)
        self.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        self.found = (row.key, match.start, match.length)
        self.viewport().update(self.visualRect(index))

    def clear_found(self) -> None:
        if self.found is not None:
            self.found = None
            self.viewport().update()

    def focus_block(self, block_id: str, cursor: int = -1, select_length: int = 0, *, scroll: bool = True,
                    row: int | None = None) -> None:
        """Make a block current, put the keyboard focus in its text with the cursor at `cursor` (-1: end)."""
        if not block_id or not self.session.negotiation.has_block(block_id):
            return
        index = self.model_.index_of(block_id) if row is None else self.model_.index(row)
        if scroll:
            self._wait_for_layout(index)
        self.setCurrentIndex(index)
        if scroll:
            self.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        if self.editor is None:
            self.open_editor()  # the markup view opens a paragraph when asked to go into its text
        editor = self.editor
        if editor is None:
            return
        document = editor.document()
        text_cursor = editor.textCursor()
        if cursor < 0:
            text_cursor.movePosition(QTextCursor.MoveOperation.End)
        else:
            text_cursor.setPosition(editor_position(document, cursor))
            if select_length:
                text_cursor.setPosition(editor_position(document, cursor + select_length),
                                        QTextCursor.MoveMode.KeepAnchor)
        editor.setTextCursor(text_cursor)
        editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def _wait_for_layout(self, index: QModelIndex, timeout: float = 5.0) -> None:
        """Let a pending layout (after opening or a change of structure) reach `index`, so scrolling to it works."""
        bar = self.verticalScrollBar()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            rect = self.visualRect(index)
            if rect.isValid() and rect.bottom() + bar.value() <= bar.maximum() + self.viewport().height():
                return
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().mousePressEvent(event)
        editor = self.editor
        if editor is not None and event.button() == Qt.MouseButton.LeftButton:
            point = editor.mapFrom(self.viewport(), event.position().toPoint())
            editor.setTextCursor(editor.cursorForPosition(point))
            editor.setFocus(Qt.FocusReason.MouseFocusReason)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.scheduleDelayedItemsLayout()  # real row heights, now that the width is known

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self.editor is not None and self._editor_index.isValid():
            row: Row = self._editor_index.data(ROW_ROLE)
            self.editor.document().setTextWidth(rendering.geometry(row, self.viewport().width()).text_width)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()

    @property
    def painted(self) -> bool:
        return self._painted
