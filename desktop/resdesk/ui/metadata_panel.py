"""The metadata panel: symbol, session, committee, agenda item, title, sponsors, date, distribution.

Each field commits as it is typed, through the undo stack (`MetaCommand`, merged
per field while typing), so Ctrl+Z undoes a metadata change like any other.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from resdesk.errors import UserError
from resdesk.store.delegations import document_delegations
from resdesk.ui.commands import MetaCommand
from resdesk.ui.naming import named
from resdesk.ui.session import DocumentSession
from resdesk.un.dates import parse_date
from resdesk.un.sponsors import join_sponsors, split_sponsors

#: (field, label on screen), in the order of the masthead.
FIELDS = (
    ("symbol", "Symbol"),
    ("distribution", "Distribution"),
    ("date", "Date"),
    ("session", "Session"),
    ("committee", "Committee"),
    ("agenda_item", "Agenda item"),
    ("agenda_title", "Agenda title"),
    ("sponsors", "Sponsors"),
    ("title", "Title"),
)


def shown_value(key: str, value, language: str) -> str:
    """A field's text: sponsors as the sponsor line lists them ("Andorra, Brazil and Chile")."""
    return join_sponsors(value, language) if key == "sponsors" else str(value)


def stored_value(key: str, text: str, language: str, known: list[str]):
    """The value a field's text stands for (sponsors: a list, `known` names kept whole; date: ISO); UserError
    for a date it cannot read."""
    if key == "sponsors":
        return split_sponsors(text.replace(";", ","), language, known)
    if key == "date":
        return parse_date(text) if text.strip() else ""
    return text


class MetadataPanel(QWidget):
    """One line edit per field; edits become undoable commands."""

    def __init__(self, session: DocumentSession, parent=None):
        super().__init__(parent)
        self.setObjectName("metadataPanel")
        self.setAccessibleName("Document metadata")
        self.session = session
        self.fields: dict[str, QLineEdit] = {}
        layout = QFormLayout(self)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, label in FIELDS:
            edit = QLineEdit(self)
            edit.setObjectName(f"meta_{key}")
            edit.setAccessibleName(label)
            edit.setReadOnly(session.readonly)
            if key == "date":
                edit.setPlaceholderText("2026-10-14")
            if key == "sponsors":
                edit.setPlaceholderText("Andorra, Fiji, Ghana")
            edit.textEdited.connect(lambda text, key=key, label=label: self._edited(key, label, text))
            layout.addRow(label, edit)
            self.fields[key] = edit
        self.asks = named(QLabel(self), "meta_asks", "What the draft asks for (see the Asks panel)")
        layout.addRow("Asks", self.asks)
        self.refresh()
        session.meta_changed.connect(self.refresh)

    def show_asks(self, text: str) -> None:
        """The count of what the draft asks of the Secretariat ("2 asks: 1 report, 1 resources"), a link to
        the Asks panel."""
        self.asks.setText(f'<a href="asks">{text}</a>')

    def refresh(self) -> None:
        meta = self.session.document.meta
        for key, edit in self.fields.items():
            text = shown_value(key, getattr(meta, key), meta.language)
            if edit.text() != text and self._value(key, edit.text()) != getattr(meta, key):
                position = edit.cursorPosition()
                edit.setText(text)
                edit.setCursorPosition(min(position, len(text)))

    def _value(self, key: str, text: str):
        known = [d.name for d in document_delegations(self.session.file)] if key == "sponsors" else []
        try:
            return stored_value(key, text, self.session.document.meta.language, known)
        except UserError:
            return None

    def _edited(self, key: str, label: str, text: str) -> None:
        value = self._value(key, text)
        edit = self.fields[key]
        # A half-typed date is not committed until it reads as a date.
        edit.setToolTip("" if value is not None else "Write the date as 14 October 2026 or 2026-10-14.")
        if value is None or value == getattr(self.session.document.meta, key):
            return
        self.session.undo_stack.push(MetaCommand(self.session, key, value, label.lower()))
