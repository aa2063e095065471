"""Add Delegation…: a delegation or group this document needs, with its short name and kind.

The dialog stays open on a refusal (a name already taken, an empty name) and
says why in one sentence under the fields, so nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from resdesk.errors import UserError
from resdesk.model.delegation import DELEGATION_KINDS, Delegation
from resdesk.ui.guard import guard_overrides
from resdesk.ui.naming import name_buttons, named

KIND_TEXT = {"member": "Member State", "observer": "Observer State", "group": "Group of States",
             "other": "Other (an organization, a chair…)"}

# add(name, short_name, kind) stores the delegation and returns it, or raises UserError.
AddFunction = Callable[[str, str, str], Delegation]


@guard_overrides
class AddDelegationDialog(QDialog):
    def __init__(self, add: AddFunction, name: str = "", parent=None):
        super().__init__(parent)
        named(self, "addDelegationDialog", "Add delegation")
        self.setWindowTitle("Add Delegation")
        self._add = add
        self.added: Delegation | None = None
        self.name = named(QLineEdit(" ".join(name.split()), self), "delegationName", "Name of the delegation")
        self.name.setPlaceholderText("e.g. Group of Friends of Mediation")
        self.short_name = named(QLineEdit(self), "delegationShortName", "Short name of the delegation")
        self.short_name.setPlaceholderText("e.g. Friends (made from the name when left empty)")
        self.kind = named(QComboBox(self), "delegationKind", "Kind of delegation")
        for kind in DELEGATION_KINDS:
            self.kind.addItem(KIND_TEXT.get(kind, kind.capitalize()), kind)
        self.refusal = named(QLabel(self), "delegationRefusal", "Why the delegation was not added")
        self.refusal.setStyleSheet("color: #a33;")
        self.refusal.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Add")
        name_buttons(named(buttons, "addDelegationButtons", "Add or cancel"), "addDelegation")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("Name:", self.name)
        form.addRow("Short name:", self.short_name)
        form.addRow("Kind:", self.kind)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.refusal)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def accept(self) -> None:
        try:
            self.added = self._add(self.name.text(), self.short_name.text().strip(), self.kind.currentData())
        except UserError as error:
            self.refusal.setText(str(error))
            self.name.setFocus()
            return
        super().accept()
