"""*Acting as*: in whose name the window proposes, chosen in the toolbar."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QInputDialog

from resdesk.errors import UserError
from resdesk.store.delegations import add_delegation
from resdesk.ui.naming import named
from resdesk.ui.window_part import WindowPart


class ActingAs(WindowPart):
    def __init__(self, window):
        super().__init__(window)
        self.box = named(QComboBox(window), "actingAs", "Acting as delegation")
        self.box.setEditable(True)
        self.box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.box.setMinimumContentsLength(18)
        self.box.lineEdit().setObjectName("actingAsField")
        self.box.lineEdit().setAccessibleName("Acting as delegation (type to search)")
        self.box.lineEdit().setPlaceholderText("Choose a delegation…")
        self.refresh()
        self.box.activated.connect(lambda _index: self.act_as(self.box.currentText()))
        self.box.lineEdit().returnPressed.connect(lambda: self.act_as(self.box.currentText()))

    def refresh(self) -> None:
        names = [delegation.name for delegation in self.negotiation.known_delegations()]
        blocker = self.box.blockSignals(True)
        self.box.clear()
        self.box.addItems(names)
        completer = QCompleter(QStringListModel(names, self.box), self.box)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.box.setCompleter(completer)
        self.box.setCurrentIndex(self.box.findText(self.negotiation.acting))
        if not self.negotiation.acting:
            self.box.setEditText("")
        self.box.blockSignals(blocker)

    def act_as(self, name: str) -> bool:
        if not name.strip() or name == self.negotiation.acting:
            return False
        try:
            full = self.negotiation.set_acting(name)
        except UserError as error:
            self.warn("Acting as", str(error))
            self.refresh()
            return False
        self.refresh()
        self.message(f"Proposals are now made in the name of {full}.")
        return True

    def add_delegation(self) -> None:
        name, ok = QInputDialog.getText(self.window, "Add Delegation", "Name of the delegation or group:")
        if not ok or not name.strip():
            return
        try:
            added = add_delegation(self.session.file, name, actor=self.negotiation.acting)
        except UserError as error:
            self.warn("Add Delegation", str(error))
            return
        self.refresh()
        self.act_as(added.name)
