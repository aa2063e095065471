"""*Acting as*: in whose name the window proposes, chosen in the toolbar.

`ActingAsBox` commits exactly the delegation the user chose: the entry
highlighted in its list or in the completion popup (keyboard or mouse), or a
name typed whole, full or short ("EU", "G77", any case). It never takes the
entry the list happened to stand on. A name that is no delegation of the
document offers to add it (`AddDelegationDialog`), in the window.

Entries read "European Union — EU" when the short name is not already words of
the full name, so typing a short name finds its delegation in the popup too.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QDialog

from resdesk.errors import UserError
from resdesk.model.delegation import Delegation, find_delegation
from resdesk.store.delegations import add_delegation
from resdesk.ui.delegation_dialog import AddDelegationDialog
from resdesk.ui.naming import named
from resdesk.ui.window_part import WindowPart

NAME_ROLE = Qt.ItemDataRole.UserRole


def entry_text(delegation: Delegation) -> str:
    """How a delegation reads in the list: its name, and its short name when that is not words of it."""
    short = delegation.short_name
    if not short or re.search(rf"\b{re.escape(short)}\b", delegation.name, re.IGNORECASE):
        return delegation.name
    return f"{delegation.name} — {short}"


class ActingAsBox(QComboBox):
    chosen = Signal(str)    # the full name of the delegation chosen
    unknown = Signal(str)   # a name typed that is no delegation of the document

    def __init__(self, parent=None):
        super().__init__(parent)
        named(self, "actingAs", "Acting as delegation")
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMinimumContentsLength(18)
        named(self.lineEdit(), "actingAsField", "Acting as delegation (type to search)")
        self.lineEdit().setPlaceholderText("Choose a delegation…")
        completer = QCompleter(self.model(), self)
        completer.setObjectName("actingAsCompleter")
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.popup().setObjectName("actingAsPopup")
        completer.popup().setAccessibleName("Delegations matching what is typed")
        self.setCompleter(completer)  # on the box's own model: an entry chosen there is the box's entry
        self.delegations: list[Delegation] = []
        self.acting = ""
        self.activated.connect(self._activated)
        self.lineEdit().returnPressed.connect(self._typed)

    def set_delegations(self, delegations: list[Delegation], acting: str) -> None:
        """List `delegations` and show `acting` (rebuilt only when the list changed)."""
        if delegations != self.delegations:
            self.delegations = list(delegations)
            blocker = self.blockSignals(True)
            self.clear()
            for delegation in self.delegations:
                self.addItem(entry_text(delegation), delegation.name)
            self.blockSignals(blocker)
        self.show_acting(acting)

    def show_acting(self, acting: str) -> None:
        """Show the delegation acted as ("" for none yet), whatever was typed."""
        self.acting = acting
        blocker = self.blockSignals(True)
        index = self.findData(acting, NAME_ROLE)
        self.setCurrentIndex(index)
        if index < 0:
            self.setEditText("")
        self.blockSignals(blocker)

    def _activated(self, index: int) -> None:
        name = self.itemData(index, NAME_ROLE)
        if name:
            self._commit(name)

    def _typed(self) -> None:
        """Enter with no entry highlighted: the name typed whole (as listed, full or short), else unknown."""
        text = " ".join(self.currentText().split())
        if not text:
            self.show_acting(self.acting)
            return
        index = self.findText(text, Qt.MatchFlag.MatchFixedString)
        found = self.itemData(index, NAME_ROLE) if index >= 0 else None
        if found is None:
            delegation = find_delegation(self.delegations, text)
            found = delegation.name if delegation is not None else None
        if found is None:
            self.unknown.emit(text)
        else:
            self._commit(found)

    def _commit(self, name: str) -> None:
        if name == self.acting:
            self.show_acting(name)  # the same one again: only what was typed goes
            return
        self.chosen.emit(name)


class ActingAs(WindowPart):
    """The selector's decisions: act as a delegation (remembered in the document), or add one."""

    def __init__(self, window):
        super().__init__(window)
        self.box = ActingAsBox(window)
        self.box.chosen.connect(self.act_as)
        self.box.unknown.connect(self.add_delegation)
        self.actions.connect("choose_acting", self.choose)
        self.refresh()

    def choose(self) -> None:
        """Acting As… (Ctrl+Alt+S): the selector, ready for a name to be typed."""
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.lineEdit().selectAll()

    def refresh(self) -> None:
        self.box.set_delegations(self.negotiation.known_delegations(), self.negotiation.acting)

    def act_as(self, name: str) -> bool:
        """Act as `name` (full or short name); False when it is the same one, or refused (the user is told)."""
        if not name.strip() or name == self.negotiation.acting:
            self.box.show_acting(self.negotiation.acting)
            return False
        try:
            full = self.negotiation.set_acting(name)
        except UserError as error:
            self.warn("Acting as", str(error))
            self.box.show_acting(self.negotiation.acting)
            return False
        self.box.show_acting(full)
        self.message(f"Proposals are now made in the name of {full}.")
        return True

    def add(self, name: str, short_name: str, kind: str) -> Delegation:
        """Store a delegation of this document's own (the dialog calls this; a refusal is a UserError)."""
        return add_delegation(self.session.file, name, short_name=short_name, kind=kind, actor=self.negotiation.acting)

    def add_delegation(self, name: str = "") -> bool:
        """Ask for a new delegation (name, short name, kind), add it to the document and act as it."""
        dialog = AddDelegationDialog(self.add, name, self.window)
        added = dialog.added if dialog.exec() == QDialog.DialogCode.Accepted else None
        dialog.deleteLater()
        if added is None:
            self.box.show_acting(self.negotiation.acting)
            return False
        self.refresh()
        return self.act_as(added.name)
