"""Amend the Amendment…: the text an amendment proposes, to be changed by the delegation you act as; each change
becomes a sub-amendment (`resdesk.amend.sub_amendments.propose_from_edit`)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout

from resdesk.ui.naming import name_buttons, named


class SubAmendmentDialog(QDialog):
    def __init__(self, parent, *, subject: str, text: str, acting: str):
        super().__init__(parent)
        named(self, "subAmendmentDialog", "Amend the amendment")
        self.setWindowTitle("Amend the Amendment")
        intro = QLabel(f"Change the text {subject} proposes; {acting} proposes each change as an amendment to it.",
                       self)
        intro.setWordWrap(True)
        self.text = named(QPlainTextEdit(text, self), "subAmendmentText", "The text the amendment proposes")
        self.text.setTabChangesFocus(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Propose")
        name_buttons(named(buttons, "subAmendmentButtons", "Propose or cancel"), "subAmendment")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.text)
        layout.addWidget(buttons)

    def edited(self) -> str:
        return self.text.toPlainText()
