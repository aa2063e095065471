"""Find (Ctrl+F): a bar above the text that finds words in what the text view shows, in reading order.

What is searched is the view's business (`TextView.find_matches`): the base text, or in the markup view
every proposal's words too; the bar counts the matches and steps through them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from resdesk.ui.guard import guard_overrides


@guard_overrides
class FindBar(QWidget):
    """The find field with next/previous buttons and "2 of 5"; Enter (or F3) finds the next, Shift+F3 the previous."""

    found = Signal(object)   # the match (whatever `search` returns a list of)
    closed = Signal()

    def __init__(self, search: Callable[[str], list], parent=None):
        super().__init__(parent)
        self.setObjectName("findBar")
        self.setAccessibleName("Find")
        self.search = search
        self.current = -1
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.field = QLineEdit(self)
        self.field.setObjectName("findField")
        self.field.setAccessibleName("Text to find")
        self.field.setPlaceholderText("Find in the text")
        self.field.setClearButtonEnabled(True)
        self.previous_button = QToolButton(self)
        self.previous_button.setObjectName("findPrevious")
        self.previous_button.setAccessibleName("Find previous")
        self.previous_button.setText("▲")
        self.previous_button.setToolTip("Find previous (Shift+F3)")
        self.next_button = QToolButton(self)
        self.next_button.setObjectName("findNext")
        self.next_button.setAccessibleName("Find next")
        self.next_button.setText("▼")
        self.next_button.setToolTip("Find next (Enter)")
        self.count = QLabel(self)
        self.count.setObjectName("findCount")
        self.count.setAccessibleName("Matches")
        self.close_button = QToolButton(self)
        self.close_button.setObjectName("findClose")
        self.close_button.setAccessibleName("Close find bar")
        self.close_button.setText("✕")
        self.close_button.setToolTip("Close (Esc)")
        layout.addWidget(QLabel("Find:", self))
        layout.addWidget(self.field, 1)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.count)
        layout.addWidget(self.close_button)
        self.field.textChanged.connect(self._text_changed)
        self.field.returnPressed.connect(self.find_next)
        self.next_button.clicked.connect(self.find_next)
        self.previous_button.clicked.connect(self.find_previous)
        self.close_button.clicked.connect(self.hide)
        self.hide()

    def open(self) -> None:
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().hideEvent(event)
        self.closed.emit()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            return
        super().keyPressEvent(event)

    def _text_changed(self, _text: str) -> None:
        self.current = -1
        self._show_count(self.search(self.field.text()) if self.field.text() else [])

    def _show_count(self, matches: list) -> None:
        if not self.field.text():
            self.count.setText("")
        elif not matches:
            self.count.setText("not found")
        elif self.current >= 0:
            self.count.setText(f"{self.current + 1} of {len(matches)}")
        else:
            self.count.setText(f"{len(matches)} found")

    def find_next(self) -> bool:
        return self._step(+1)

    def find_previous(self) -> bool:
        return self._step(-1)

    def _step(self, step: int) -> bool:
        needle = self.field.text()
        matches = self.search(needle) if needle else []
        if not matches:
            self.current = -1
            self._show_count(matches)
            return False
        if self.current < 0:
            self.current = 0 if step > 0 else len(matches) - 1
        else:
            self.current = (self.current + step) % len(matches)
        self._show_count(matches)
        self.found.emit(matches[self.current])
        return True
