"""The comment panel: the threads on the current paragraph or on the selected amendment.

Each comment shows its delegation; private ones carry a padlock icon and
"private — never exported" (they never leave this file: exporters read comments only
through `resdesk.model.comment.shared_comments`). A reply to a private
comment is private too (the store enforces it).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from resdesk.ui.outline_panel import first_words

PRIVATE_MARK = "private — never exported"
COMMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def lock_icon(size: int = 16) -> QIcon:
    """A padlock drawn here (no emoji font is needed), the mark of a private comment."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor("#8a5a00")
    painter.setPen(QPen(colour, size / 8))
    painter.drawArc(QRectF(size * 0.28, size * 0.08, size * 0.44, size * 0.5), 0, 180 * 16)
    painter.fillRect(QRectF(size * 0.18, size * 0.42, size * 0.64, size * 0.5), colour)
    painter.end()
    return QIcon(pixmap)


def comment_heading(comment) -> str:
    suffix = f"   {PRIVATE_MARK}" if comment.private else ""
    return f"{comment.author}{suffix}"


class CommentPanel(QWidget):
    comment_requested = Signal(str, bool, str)   # text, private, reply-to id ("" for a new thread)

    def __init__(self, negotiation, parent=None):
        super().__init__(parent)
        self.setObjectName("commentPanel")
        self.setAccessibleName("Comments")
        self.negotiation = negotiation
        self.block_id = ""
        self.amendment_id = ""
        self._lock = lock_icon()
        self.subject = QLabel("No paragraph chosen", self)
        self.subject.setObjectName("commentSubject")
        self.subject.setAccessibleName("What the comments are about")
        self.threads = QTreeWidget(self)
        self.threads.setObjectName("commentThreads")
        self.threads.setAccessibleName("Comment threads")
        self.threads.setHeaderHidden(True)
        self.threads.setWordWrap(True)
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("commentText")
        self.editor.setAccessibleName("New comment text")
        self.editor.setPlaceholderText("Write a comment…")
        self.editor.setMaximumHeight(80)
        self.private = QCheckBox("Private (never exported)", self)
        self.private.setObjectName("commentPrivate")
        self.private.setAccessibleName("Private comment")
        self.add_button = QPushButton("Add", self)
        self.add_button.setObjectName("commentAddButton")
        self.add_button.setAccessibleName("Add a comment")
        self.reply_button = QPushButton("Reply", self)
        self.reply_button.setObjectName("commentReplyButton")
        self.reply_button.setAccessibleName("Reply to the selected comment")
        buttons = QHBoxLayout()
        buttons.addWidget(self.private)
        buttons.addStretch(1)
        buttons.addWidget(self.reply_button)
        buttons.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.subject)
        layout.addWidget(self.threads, 1)
        layout.addWidget(self.editor)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(lambda: self._request(""))
        self.reply_button.clicked.connect(self._reply)
        self.threads.itemSelectionChanged.connect(self._update_buttons)
        negotiation.changed.connect(self.refresh)
        self.refresh()

    def show_block(self, block_id: str) -> None:
        self.block_id, self.amendment_id = block_id, ""
        self.refresh()

    def show_amendment(self, ident: str) -> None:
        self.block_id, self.amendment_id = "", ident
        self.refresh()

    def subject_text(self) -> str:
        """What a comment typed now is on: "On a5: Brazil, OP1", "On OP2"."""
        if self.amendment_id:
            detail = self.negotiation.detail(self.amendment_id)
            if detail is None:
                return f"On {self.amendment_id}"
            return f"On {self.amendment_id}: {detail['author']}, {detail['label'] or detail['target']}"
        if self.block_id and self.negotiation.session_has(self.block_id):
            session = self.negotiation.session
            label = session.label_of(self.block_id)
            return f"On {label}" if label else f"On “{first_words(session.row(self.block_id).block.text, 4)}”"
        return "No paragraph chosen"

    def refresh(self) -> None:
        self.subject.setText(self.subject_text())
        self.threads.clear()
        items: dict[str, QTreeWidgetItem] = {}
        for comment in self.negotiation.comments:
            if (comment.block or comment.amendment) != (self.block_id or self.amendment_id) or \
                    not (self.block_id or self.amendment_id):
                continue
            parent = items.get(comment.reply_to)
            item = QTreeWidgetItem([f"{comment_heading(comment)}\n{comment.text}"])
            item.setData(0, COMMENT_ID_ROLE, comment.id)
            item.setToolTip(0, comment.text)
            colour = self.negotiation.colours.get(comment.author, "") or "#333333"
            item.setForeground(0, QBrush(QColor(colour)))
            if comment.private:
                item.setBackground(0, QBrush(QColor("#fff4e0")))
                item.setIcon(0, self._lock)
            (parent.addChild(item) if parent is not None else self.threads.addTopLevelItem(item))
            items[comment.id] = item
        self.threads.expandAll()
        self._update_buttons()

    def _update_buttons(self) -> None:
        writable = self.negotiation.editable and bool(self.block_id or self.amendment_id)
        self.add_button.setEnabled(writable)
        self.reply_button.setEnabled(writable and bool(self.threads.selectedItems()))
        self.editor.setEnabled(writable)

    def _request(self, reply_to: str) -> None:
        text = self.editor.toPlainText().strip()
        if not text:
            return
        self.comment_requested.emit(text, self.private.isChecked(), reply_to)
        self.editor.clear()

    def _reply(self) -> None:
        selected = self.threads.selectedItems()
        if selected:
            self._request(selected[0].data(0, COMMENT_ID_ROLE))
