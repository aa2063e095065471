"""The Voting Order panel: the amendments still to be decided, in the order they are voted on (rule 90,
`resdesk.amend.voting`), or as the chair rearranged it (drag a row, or Move Up/Down), said above the list;
a row the chair moved shows its place by the rule in brackets. Record Vote…, Separate Vote on Words… and
Rule 90 Order are asked for here; `voting_actions.py` does them, each one undo step."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from resdesk.amend.voting import VotingOrder, voting_order
from resdesk.store.voting_order import hand_order
from resdesk.ui.naming import named

ID_ROLE = Qt.ItemDataRole.UserRole + 1
RULE = "Rule 90: the amendment furthest removed first, sub-amendments before the amendment they amend."
BY_HAND = "Set by hand (the place by rule 90 in brackets). Drag a row, or Move Up and Move Down, to change it."


class VotingPanel(QWidget):
    order_requested = Signal(list)   # every amendment of the order, as it should be ([]: rule 90's)
    vote_requested = Signal(str)
    divide_requested = Signal()
    amendment_selected = Signal(str)

    def __init__(self, negotiation, parent=None):
        super().__init__(parent)
        named(self, "votingPanel", "Voting order")
        self.negotiation = negotiation
        self.order: VotingOrder | None = None
        self.header = named(QLabel(self), "votingHeader", "How the order is set")
        self.header.setWordWrap(True)
        self.list = named(QListWidget(self), "votingList", "Amendments in voting order (drag to rearrange)")
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setWordWrap(True)
        self.left_out = named(QLabel(self), "votingLeftOut", "Amendments not voted on")
        self.left_out.setWordWrap(True)
        self.up_button = named(QPushButton("Move Up", self), "votingUpButton", "Vote on it earlier")
        self.down_button = named(QPushButton("Move Down", self), "votingDownButton", "Vote on it later")
        self.vote_button = named(QPushButton("Record Vote…", self), "votingVoteButton",
                                 "Record the vote on the selected amendment")
        self.divide_button = named(QPushButton("Separate Vote on Words…", self), "votingDivideButton",
                                   "Record a separate vote on some words of a paragraph")
        self.rule_button = named(QPushButton("Rule 90 Order", self), "votingRuleButton",
                                 "Forget the order set by hand: back to the order of rule 90")
        buttons = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.vote_button, self.divide_button, self.rule_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.header)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.left_out)
        layout.addLayout(buttons)

        self._filling = False
        self.list.model().rowsMoved.connect(self._dropped)
        self.list.currentItemChanged.connect(self._current_changed)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(+1))
        self.vote_button.clicked.connect(self._request_vote)
        self.list.itemDoubleClicked.connect(lambda _item: self._request_vote())
        self.divide_button.clicked.connect(self.divide_requested.emit)
        self.rule_button.clicked.connect(lambda: self.order_requested.emit([]))
        negotiation.changed.connect(self.reload)
        self.reload()

    def ids(self) -> list[str]:
        return [self.list.item(row).data(ID_ROLE) for row in range(self.list.count())]

    def selected(self) -> str:
        item = self.list.currentItem()
        return item.data(ID_ROLE) if item is not None else ""

    def reload(self) -> None:
        """Read the order again (the current version's; an earlier version is read-only and shows none)."""
        n = self.negotiation
        chosen = self.selected()
        self.order = voting_order(n.document, n.amendments, hand_order(n.file)) if n.current else None
        details = {item["id"]: item for item in n.details}
        self._filling = True
        self.list.clear()
        for item in self.order.items if self.order else ():
            ident = item.amendment.id
            detail = details.get(ident, {})
            place = f"{item.number}." + (f" [{item.rule_number}]" if item.moved_by_hand else "")
            label = detail.get("label") or detail.get("target") or ""
            row = QListWidgetItem(f"{place}  {label} ({ident}) {item.amendment.author}: "
                                  f"{detail.get('instruction', '')}")
            row.setData(ID_ROLE, ident)
            self.list.addItem(row)
            if ident == chosen:
                self.list.setCurrentItem(row)
        self._filling = False
        if self.order is None:
            self.header.setText("An earlier version is shown; its amendments are no longer voted on.")
        elif not self.order.items:
            self.header.setText("No amendment is still to be decided.")
        else:
            self.header.setText(BY_HAND if self.order.hand_made else RULE)
        left_out = self.order.left_out if self.order else []
        self.left_out.setText("Not voted on: " + "; ".join(f"{ident}, {why}" for ident, why in left_out)
                              if left_out else "")
        self.left_out.setVisible(bool(left_out))
        self._update_buttons()

    def move_selected(self, step: int) -> None:
        """Ask for the selected amendment one place earlier (-1) or later (+1)."""
        ids = self.ids()
        ident = self.selected()
        if not ident:
            return
        place = ids.index(ident)
        if 0 <= place + step < len(ids):
            ids.insert(place + step, ids.pop(place))
            self.order_requested.emit(ids)

    def _dropped(self, *_args) -> None:
        """A row was dragged: ask for the new order once the drop is over (the list is then read again)."""
        if not self._filling:
            ids = self.ids()
            QTimer.singleShot(0, lambda: self.order_requested.emit(ids))

    def _current_changed(self, *_args) -> None:
        self._update_buttons()
        if self.selected() and not self._filling:
            self.amendment_selected.emit(self.selected())

    def _request_vote(self) -> None:
        if self.selected():
            self.vote_requested.emit(self.selected())

    def _update_buttons(self) -> None:
        editable = self.negotiation.current and not self.negotiation.session.readonly and self.order is not None
        chosen = bool(self.selected())
        for button in (self.up_button, self.down_button, self.vote_button):
            button.setEnabled(editable and chosen)
        self.divide_button.setEnabled(editable)
        self.rule_button.setEnabled(editable and bool(self.order and self.order.hand_made))
        self.list.setDragEnabled(editable)
