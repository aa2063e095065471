"""The amendment panel: every amendment of the version shown, sorted and filtered, with its status.

One row per amendment, from the same records as `resdesk outline --json`
(`resdesk.views.outline.amendments_json`): label, delegation, co-sponsors,
status, the instruction in UN wording, justification, collisions, and the
outcome of its vote in the UN's words. Selecting a row shows the amendment in the
text; the buttons and the context menu set statuses, edit details, withdraw and
delete one's own proposal, record a vote and amend an amendment (all undoable,
see `negotiation_commands.py` and `voting_commands.py`). "Adopted" is set by a
vote only, so the status menu does not offer it.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QItemSelectionModel, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction, QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from resdesk.model.amendment import ADOPTED, STATUSES, status_words
from resdesk.ui.guard import guard_overrides
from resdesk.ui.naming import named

COLUMNS = ("Label", "Delegation", "Co-sponsors", "Status", "Instruction", "Justification", "Collision", "Outcome")
LABEL, DELEGATION, CO_SPONSORS, STATUS, INSTRUCTION, JUSTIFICATION, COLLISION, OUTCOME = range(len(COLUMNS))
ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
ALL = ""


@guard_overrides
class AmendmentTableModel(QAbstractTableModel):
    def __init__(self, negotiation):
        super().__init__()
        self.negotiation = negotiation
        self.rows: list[dict] = list(negotiation.details)
        negotiation.changed.connect(self.reload)

    def reload(self) -> None:
        """Follow the file: changed rows only when the same amendments are listed (typing a proposal)."""
        rows = list(self.negotiation.details)
        if [row["id"] for row in rows] != [row["id"] for row in self.rows]:
            self.beginResetModel()
            self.rows = rows
            self.endResetModel()
            return
        changed = [index for index, row in enumerate(rows) if row != self.rows[index]]
        self.rows = rows
        for index in changed:
            self.dataChanged.emit(self.index(index, 0), self.index(index, len(COLUMNS) - 1))

    def rowCount(self, parent=None) -> int:  # noqa: N802 - Qt's name
        return 0 if parent is not None and parent.isValid() else len(self.rows)

    def columnCount(self, parent=None) -> int:  # noqa: N802 - Qt's name
        return 0 if parent is not None and parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 - Qt's name
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def _labels(self) -> dict[str, str]:
        return {row["id"]: row["label"] or row["target"] for row in self.rows}

    def text(self, row: dict, column: int) -> str:
        if column == LABEL:
            label = row["label"] or row["target"]
            return f"{label} ({row['id']})" + (" — stale" if row["stale"] else "")
        if column == DELEGATION:
            return row["author"]
        if column == CO_SPONSORS:
            return ", ".join(row["co_sponsors"])
        if column == STATUS:
            return status_words(row["status"])
        if column == OUTCOME:
            return row["vote"]["outcome"] if row.get("vote") else ""
        if column == INSTRUCTION:
            return row["instruction"]
        if column == JUSTIFICATION:
            return row["justification"]
        if column == COLLISION:
            labels = self._labels()
            return ("⚠ " + ", ".join(f"{labels.get(other) or ''} ({other})".strip() for other in row["collides_with"])
                    if row["collides_with"] else "")
        return ""

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COLLISION and row["collides_with"]:
                return "Touches the same words or paragraph as " + self.text(row, column)[2:]
            return self.text(row, column) or None
        if role == ID_ROLE:
            return row["id"]
        if role == SORT_ROLE:
            if column == LABEL:
                return int(row["id"].lstrip("a") or 0)
            if column == STATUS:
                return STATUSES.index(row["status"]) if row["status"] in STATUSES else 99
            return self.text(row, column).casefold()
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == DELEGATION:
                return QBrush(QColor(self.negotiation.colours.get(row["author"], "") or "#333333"))
            if column == COLLISION:
                return QBrush(QColor("#c62828"))
        return None


@guard_overrides
class AmendmentFilterModel(QSortFilterProxyModel):
    """Text filter over every column, plus a delegation (author or co-sponsor) and a status."""

    def __init__(self):
        super().__init__()
        self.delegation = ALL
        self.status = ALL
        self.words = ""
        self.setSortRole(SORT_ROLE)

    def set_filters(self, words: str, delegation: str, status: str) -> None:
        modern = hasattr(self, "endFilterChange")  # Qt 6.10 deprecates invalidateFilter; 6.7–6.9 lack these
        if modern:
            self.beginFilterChange()
        self.words, self.delegation, self.status = words.casefold(), delegation, status
        if modern:
            self.endFilterChange()
        else:
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:  # noqa: N802 - Qt's name
        model: AmendmentTableModel = self.sourceModel()
        row = model.rows[source_row]
        if self.delegation and self.delegation not in [row["author"], *row["co_sponsors"]]:
            return False
        if self.status and row["status"] != self.status:
            return False
        if self.words:
            texts = [model.text(row, column) for column in range(len(COLUMNS))] + [row["old"], row["new"]]
            return any(self.words in text.casefold() for text in texts)
        return True



class AmendmentPanel(QWidget):
    amendment_selected = Signal(str)
    status_requested = Signal(list, str)    # amendment ids, status
    edit_requested = Signal(str)
    delete_requested = Signal(str)
    vote_requested = Signal(str)
    amend_requested = Signal(str)

    def __init__(self, negotiation, parent=None):
        super().__init__(parent)
        named(self, "amendmentPanel", "Amendments")
        self.negotiation = negotiation
        self.model_ = AmendmentTableModel(negotiation)
        self.proxy = AmendmentFilterModel()
        self.proxy.setSourceModel(self.model_)

        self.search = named(QLineEdit(self), "amendmentSearch", "Filter amendments by text")
        self.search.setPlaceholderText("Filter: words, label, delegation…")
        self.search.setClearButtonEnabled(True)
        self.delegation = named(QComboBox(self), "amendmentDelegationFilter", "Filter amendments by delegation")
        self.status = named(QComboBox(self), "amendmentStatusFilter", "Filter amendments by status")
        self.status.addItem("All statuses", ALL)
        for status in STATUSES:
            self.status.addItem(status_words(status), status)
        self.table = named(QTableView(self), "amendmentTable", "Amendment list")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(LABEL, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 6)
        header = named(self.table.horizontalHeader(), "amendmentColumns", "Amendment columns (click to sort)")
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in ((LABEL, 110), (DELEGATION, 150), (CO_SPONSORS, 100), (STATUS, 95),
                              (INSTRUCTION, 460), (JUSTIFICATION, 140), (COLLISION, 90), (OUTCOME, 240)):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(INSTRUCTION, QHeaderView.ResizeMode.Stretch)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

        self.status_actions: dict[str, QAction] = {}
        self.status_menu = QMenu("Set Status", self)
        self.status_menu.setObjectName("menu_setStatus")
        for status in (status for status in STATUSES if status != ADOPTED):  # adopted: by a vote
            action = self.status_menu.addAction(status_words(status).capitalize())
            action.setObjectName(f"action_status_{status}")
            action.triggered.connect(lambda _checked=False, status=status: self._request_status(status))
            self.status_actions[status] = action
        self.status_button = named(QToolButton(self), "amendmentStatusButton", "Set the status")
        self.status_button.setText("Set status")
        self.status_button.setMenu(self.status_menu)
        self.status_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.edit_button = named(QPushButton("Edit details…", self), "amendmentEditButton",
                                  "Edit the proposed text, co-sponsors and justification")
        self.withdraw_button = named(QPushButton("Withdraw", self), "amendmentWithdrawButton",
                                      "Withdraw the amendment")
        self.delete_button = named(QPushButton("Delete", self), "amendmentDeleteButton",
                                    "Delete your own proposal")
        self.vote_button = named(QPushButton("Vote…", self), "amendmentVoteButton",
                                 "Record the vote on the amendment: adopted or rejected, with the figures")
        self.amend_button = named(QPushButton("Amend…", self), "amendmentAmendButton",
                                  "Propose changes to the text this amendment proposes")

        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.delegation, 1)
        filters.addWidget(self.status, 1)
        buttons = QHBoxLayout()
        for widget in (self.status_button, self.edit_button, self.withdraw_button, self.delete_button,
                       self.vote_button, self.amend_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        self.search.textChanged.connect(self._filter)
        self.delegation.currentIndexChanged.connect(self._filter)
        self.status.currentIndexChanged.connect(self._filter)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.edit_button.clicked.connect(lambda: self._request_one(self.edit_requested))
        self.delete_button.clicked.connect(lambda: self._request_one(self.delete_requested))
        self.vote_button.clicked.connect(lambda: self._request_one(self.vote_requested))
        self.amend_button.clicked.connect(lambda: self._request_one(self.amend_requested))
        self.withdraw_button.clicked.connect(lambda: self._request_status("withdrawn"))
        negotiation.changed.connect(self._fill_delegations)
        negotiation.changed.connect(self._update_buttons)
        self._kept: list[str] = []
        self.model_.modelAboutToBeReset.connect(lambda: setattr(self, "_kept", self.selected_ids()))
        self.model_.modelReset.connect(self._reselect)
        self._fill_delegations()
        self._update_buttons()

    def _fill_delegations(self) -> None:
        chosen = self.delegation.currentData()
        names = sorted({name for row in self.model_.rows for name in [row["author"], *row["co_sponsors"]]})
        blocker = self.delegation.blockSignals(True)
        self.delegation.clear()
        self.delegation.addItem("All delegations", ALL)
        for name in names:
            self.delegation.addItem(name, name)
        found = self.delegation.findData(chosen)
        self.delegation.setCurrentIndex(max(0, found))
        self.delegation.blockSignals(blocker)
        self._filter()

    def _filter(self) -> None:
        self.proxy.set_filters(self.search.text(), self.delegation.currentData() or ALL,
                               self.status.currentData() or ALL)

    def selected_ids(self) -> list[str]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.proxy.index(row, 0).data(ID_ROLE) for row in rows]

    def select(self, ident: str) -> None:
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(ID_ROLE) == ident:
                self.table.selectRow(row)
                self.table.scrollTo(self.proxy.index(row, 0))
                return

    def _reselect(self) -> None:
        """Keep the selection over a change of status (the model is rebuilt from the file)."""
        selection = self.table.selectionModel()
        blocker = selection.blockSignals(True)
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for ident in self._kept:
            for row in range(self.proxy.rowCount()):
                if self.proxy.index(row, 0).data(ID_ROLE) == ident:
                    selection.select(self.proxy.index(row, 0), flags)
        selection.blockSignals(blocker)
        self._update_buttons()

    def _selection_changed(self) -> None:
        self._update_buttons()
        ids = self.selected_ids()
        if len(ids) == 1:
            self.amendment_selected.emit(ids[0])

    def _update_buttons(self) -> None:
        ids = self.selected_ids()
        editable = self.negotiation.editable
        own = len(ids) == 1 and (self.negotiation.amendment(ids[0]) or None) is not None and \
            self.negotiation.amendment(ids[0]).author == self.negotiation.acting
        self.status_button.setEnabled(editable and bool(ids))
        self.withdraw_button.setEnabled(editable and bool(ids))
        self.edit_button.setEnabled(editable and len(ids) == 1)
        self.delete_button.setEnabled(editable and own)
        self.vote_button.setEnabled(editable and len(ids) == 1)
        self.amend_button.setEnabled(editable and len(ids) == 1)

    def _request_status(self, status: str) -> None:
        ids = self.selected_ids()
        if ids:
            self.status_requested.emit(ids, status)

    def _request_one(self, signal) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            signal.emit(ids[0])

    def _context_menu(self, point) -> None:
        if not self.selected_ids():
            return
        menu = QMenu(self)
        menu.setObjectName("amendmentContextMenu")
        menu.addMenu(self.status_menu)
        menu.addAction("Edit Details…", lambda: self._request_one(self.edit_requested))
        menu.addAction("Withdraw", lambda: self._request_status("withdrawn"))
        delete = menu.addAction("Delete Own Proposal", lambda: self._request_one(self.delete_requested))
        delete.setEnabled(self.delete_button.isEnabled())
        menu.addSeparator()
        menu.addAction("Record Vote…", lambda: self._request_one(self.vote_requested))
        menu.addAction("Amend the Amendment…", lambda: self._request_one(self.amend_requested))
        menu.exec(self.table.viewport().mapToGlobal(point))
