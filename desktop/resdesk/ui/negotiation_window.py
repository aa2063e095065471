"""The negotiation in the main window: its panels and the parts that act on it, each with one job.

- `NegotiationToolbar` (acting as, mode, view, filters, version, the status line);
- `Proposals` (the acting delegation's proposals; the window's paragraph commands in propose mode);
- `AmendmentActions` (what the amendment panel asks for: show, statuses, details, delete);
- `Commenting` (the comment panel's subject and new comments);
- `Revisions` (Create Revision…);
- `Voting` (the Voting Order panel, Record Vote…, Separate Vote on Words…, Amend the Amendment…).

Decisions: a document opens in propose mode once it has an amendment or once
someone switched it to propose mode (remembered in the document), else in
edit-text mode; a negotiated document opens in the markup view. The
Amendments panel appears with the document's first amendment; the Voting Order panel (beside it) when
asked for (Amendments ▸ Voting Order).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu

from resdesk.ui.amendment_actions import AmendmentActions
from resdesk.ui.amendment_panel import AmendmentPanel
from resdesk.ui.comment_panel import CommentPanel
from resdesk.ui.commenting import Commenting
from resdesk.ui.negotiation_toolbar import NegotiationToolbar
from resdesk.ui.proposals import Proposals
from resdesk.ui.revisions import Revisions
from resdesk.ui.voting_actions import Voting
from resdesk.ui.voting_panel import VotingPanel

TEXT_MENU = ("propose_alternative", "add_comment", None, "delete", "move_up", "move_down")


class NegotiationUi:
    def __init__(self, window):
        self.window = window
        self.negotiation = window.session.negotiation
        self.toolbar = NegotiationToolbar(window)
        self.amendment_panel = AmendmentPanel(self.negotiation, window)
        self.comment_panel = CommentPanel(self.negotiation, window)
        window.add_panel("amendments", "Amendments", self.amendment_panel, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.voting_panel = VotingPanel(self.negotiation, window)
        window.add_panel("voting", "Voting Order", self.voting_panel, Qt.DockWidgetArea.BottomDockWidgetArea).hide()
        window.add_panel("comments", "Comments", self.comment_panel, Qt.DockWidgetArea.RightDockWidgetArea)
        window.tabifyDockWidget(window.panels["metadata"], window.panels["comments"])
        window.panels["comments"].raise_()
        self._panel_waits = not self.negotiation.amendments  # shown with the document's first amendment
        if self._panel_waits:
            window.panels["amendments"].hide()
            window.layout().activate()  # the minimum size was computed with the panel shown
            self.negotiation.changed.connect(self._show_panel_with_first_amendment)
        self.proposals = Proposals(window)
        self.amendments = AmendmentActions(window, self.amendment_panel)
        self.commenting = Commenting(window, self.comment_panel, self.amendment_panel)
        self.revisions = Revisions(window)
        self.voting = Voting(window, self.voting_panel, self.amendment_panel, self.amendments)
        text_view = window.text_view
        text_view.proposal_refused.connect(window.show_message)
        text_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        text_view.customContextMenuRequested.connect(self._text_menu)

    def _show_panel_with_first_amendment(self) -> None:
        if self._panel_waits and self.negotiation.amendments:
            self._panel_waits = False
            self.window.panels["amendments"].show()

    def _text_menu(self, point) -> None:
        view = self.window.text_view
        index = view.indexAt(point)
        if index.isValid():
            view.setCurrentIndex(index)
        menu = QMenu(view)
        menu.setObjectName("textContextMenu")
        for key in TEXT_MENU:
            if key is None:
                menu.addSeparator()
            else:
                menu.addAction(self.window.actions[key])
        menu.exec(view.viewport().mapToGlobal(point))
