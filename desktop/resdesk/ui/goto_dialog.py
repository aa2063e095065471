"""Go to paragraph (Ctrl+G): type a label (OP5, PP3, OP5 (a)), Enter selects that block."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCompleter, QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout

from resdesk.ui.guard import guard_overrides


def normalise_label(text: str) -> str:
    """"op 5(a)" and "OP5 (a)" compare equal: no spaces, one case."""
    return re.sub(r"\s+", "", text).casefold()


def resolve_label(text: str, labels: dict[str, str]) -> str | None:
    """The id of the block whose label is `text` (spacing and case do not matter), or None."""
    wanted = normalise_label(text)
    if not wanted:
        return None
    for block_id, label in labels.items():
        if label and normalise_label(label) == wanted:
            return block_id
    return None


@guard_overrides
class GoToDialog(QDialog):
    """Asks for a label; `block_id` holds the block found when accepted."""

    def __init__(self, labels: dict[str, str], parent=None):
        super().__init__(parent)
        self.setObjectName("goToDialog")
        self.setAccessibleName("Go to paragraph")
        self.setWindowTitle("Go to Paragraph")
        self.labels = labels
        self.block_id: str | None = None
        layout = QVBoxLayout(self)
        prompt = QLabel("Paragraph (for example OP5, PP3 or OP5 (a)):", self)
        self.field = QLineEdit(self)
        self.field.setObjectName("goToField")
        self.field.setAccessibleName("Paragraph label")
        prompt.setBuddy(self.field)
        completer = QCompleter([label for label in labels.values() if label], self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.InlineCompletion)
        self.field.setCompleter(completer)
        self.message = QLabel(self)
        self.message.setObjectName("goToMessage")
        self.message.setAccessibleName("Go to message")
        self.message.setStyleSheet("color: #a33;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.setObjectName("goToButtons")
        buttons.setAccessibleName("Go to buttons")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(prompt)
        layout.addWidget(self.field)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(360)

    def accept(self) -> None:
        block_id = resolve_label(self.field.text(), self.labels)
        if block_id is None:
            self.message.setText(f"There is no paragraph {self.field.text().strip() or '(empty)'} in this text.")
            self.field.selectAll()
            return
        self.block_id = block_id
        super().accept()
