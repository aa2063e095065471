"""The dialogs of Amendments ▸ Propose from Word Files…: whose typed changes each file holds, and who the authors of
tracked changes are when their names are no delegation's.

Both list one row per file (or author) with an editable list of the document's delegations, filled with what
Resolution Desk can tell (the delegation a file is named after); the facilitator corrects it before anything
is read or recorded.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout

from resdesk.formats.docx_proposals import delegation_from_name
from resdesk.model.delegation import Delegation
from resdesk.ui.naming import name_buttons, named


def _delegation_box(parent, delegations: list[Delegation], current: str, name: str, accessible: str) -> QComboBox:
    box = named(QComboBox(parent), name, accessible)
    box.setEditable(True)
    box.addItem("")
    box.addItems([d.name for d in delegations])
    box.setCurrentText(current)
    box.lineEdit().setPlaceholderText("tracked changes only")
    return box


class _Rows(QDialog):
    """A title, a sentence, one labelled delegation box per row, and OK/Cancel."""

    def __init__(self, parent, name: str, title: str, sentence: str, ok: str):
        super().__init__(parent)
        named(self, name, title)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        intro = named(QLabel(sentence, self), f"{name}Intro", "What the dialog asks")
        intro.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok)
        name_buttons(named(self.buttons, f"{name}Buttons", f"{ok} or cancel"), name)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)


class WordFilesDialog(_Rows):
    """Each file with the delegation its typed changes are by (tracked changes keep their own authors)."""

    def __init__(self, files: list[Path], delegations: list[Delegation], parent=None):
        super().__init__(parent, "wordFilesDialog", "Propose from Word Files",
                         "Tracked changes and comments are proposed in their authors' names. Changes typed without "
                         "Track Changes are proposed in the name of the delegation chosen for their file:", "Read")
        self.files = files
        self.boxes = []
        for number, path in enumerate(files):
            found = delegation_from_name(path.name, delegations)
            box = _delegation_box(self, delegations, found.name if found else "", f"wordFileDelegation_{number}",
                                  f"Delegation of {path.name}")
            self.boxes.append(box)
            self.form.addRow(path.name, box)

    def chosen(self) -> list[tuple[Path, str]]:
        """(file, delegation of its typed changes, "" for none) for every file."""
        return [(path, box.currentText().strip()) for path, box in zip(self.files, self.boxes, strict=True)]


class AuthorMapDialog(_Rows):
    """Each author whose name is no delegation, with its files, and the delegation it stands for."""

    def __init__(self, authors: dict[str, list[str]], delegations: list[Delegation], parent=None):
        super().__init__(parent, "authorMapDialog", "Who Are the Authors?",
                         "These authors of tracked changes or comments are no delegation. Choose the delegation "
                         "each one speaks for:", "Propose")
        self.boxes = {}
        for number, (author, files) in enumerate(authors.items()):
            box = _delegation_box(self, delegations, "", f"authorDelegation_{number}", f"Delegation of {author}")
            self.boxes[author] = box
            self.form.addRow(f"{author or '(no name)'} ({', '.join(files)})", box)

    def mapping(self) -> dict[str, str]:
        return {author: box.currentText().strip() for author, box in self.boxes.items() if box.currentText().strip()}
