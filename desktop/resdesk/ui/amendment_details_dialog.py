"""Edit Details…: the co-sponsors and justification of an amendment, and the text of a proposed paragraph or
alternative while its delegation may still change it."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QPlainTextEdit, QVBoxLayout

from resdesk.model.amendment import INSERT_BLOCK, Amendment
from resdesk.ui.naming import name_buttons, named


class AmendmentDetailsDialog(QDialog):
    """Co-sponsors and justification of one amendment, and its proposed text when `text_editable`."""

    def __init__(self, amendment: Amendment, parent=None, *, text_editable: bool = False):
        super().__init__(parent)
        named(self, "amendmentDetailsDialog", "Amendment details")
        self.setWindowTitle(f"Amendment {amendment.id}")
        self.co_sponsors = named(QLineEdit(", ".join(amendment.co_sponsors), self), "amendmentCoSponsors",
                                 "Co-sponsors")
        self.justification = named(QLineEdit(amendment.justification, self), "amendmentJustification",
                                   "Justification")
        self.text: QPlainTextEdit | None = None
        if text_editable:
            proposed = amendment.new_block.text if amendment.kind == INSERT_BLOCK else amendment.new
            self.text = named(QPlainTextEdit(proposed, self), "amendmentProposedText", "Proposed text")
            self.text.setTabChangesFocus(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        name_buttons(named(buttons, "amendmentDetailsButtons", "Save or cancel"), "amendmentDetails")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        if self.text is not None:
            form.addRow("Proposed text:", self.text)
        form.addRow("Co-sponsors:", self.co_sponsors)
        form.addRow("Justification:", self.justification)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def co_sponsor_names(self) -> list[str]:
        return [name.strip() for name in self.co_sponsors.text().split(",") if name.strip()]

    def proposed_text(self) -> str | None:
        """The proposed text as typed, spaces made single (None when it is not editable here)."""
        return " ".join(self.text.toPlainText().split()) if self.text is not None else None
