"""What the vote asks of the window: record a vote, a separate vote on words, amend an amendment, rearrange the
voting order. Each is one undo step (`voting_commands.py`, `negotiation_commands.ProposeCommand`); a refusal
is one sentence in a dialog and changes nothing (the rules are `resdesk.amend.voting`'s and
`resdesk.amend.sub_amendments`')."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from resdesk.amend.decisions import CollisionRefused
from resdesk.amend.sub_amendments import amendable, new_text, propose_from_edit
from resdesk.amend.voting import check_vote, divide
from resdesk.errors import UserError
from resdesk.store.delegations import resolve_delegation
from resdesk.ui.negotiation_commands import ProposeCommand
from resdesk.ui.sub_amendment_dialog import SubAmendmentDialog
from resdesk.ui.vote_dialog import VoteDialog
from resdesk.ui.voting_commands import DivisionCommand, VoteCommand, VotingOrderCommand
from resdesk.ui.window_part import WindowPart


class Voting(WindowPart):
    def __init__(self, window, panel, amendment_panel, amendment_actions):
        super().__init__(window)
        self.panel = panel
        self.amendment_panel = amendment_panel
        self.amendment_actions = amendment_actions
        panel.order_requested.connect(self.set_order)
        panel.vote_requested.connect(self.record_vote)
        panel.divide_requested.connect(self.divide)
        panel.amendment_selected.connect(amendment_actions.show_amendment)
        amendment_panel.vote_requested.connect(self.record_vote)
        amendment_panel.amend_requested.connect(self.amend_amendment)
        self.actions.connect("record_vote", lambda: self.record_vote(self.chosen()))
        self.actions.connect("divide", self.divide)
        self.actions.connect("amend_amendment", lambda: self.amend_amendment(self.chosen()))
        self.actions.connect("voting_order", self.show_panel)

    def chosen(self) -> str:
        """The amendment the menu commands act on: the one selected in the Voting Order panel, else in the
        amendment list."""
        if self.window.panels["voting"].isVisible() and self.panel.selected():
            return self.panel.selected()
        ids = self.amendment_panel.selected_ids()
        return ids[0] if len(ids) == 1 else ""

    def show_panel(self) -> None:
        dock = self.window.panels["voting"]
        dock.show()
        dock.raise_()
        self.panel.list.setFocus()

    def _writable(self, title: str) -> bool:
        if not self.negotiation.current or self.session.readonly:
            self.warn(title, "Votes are recorded on the current version of a document open for writing.")
            return False
        return True

    def record_vote(self, ident: str) -> None:
        """Ask for the figures of the vote on `ident`, then record it (one undo step)."""
        amendment = self.negotiation.amendment(ident) if ident else None
        if amendment is None:
            self.message("Select the amendment whose vote to record (in the Voting Order panel or the amendment "
                         "list).")
            return
        if not self._writable("Record Vote"):
            return
        dialog = VoteDialog(self.window, subject=self.negotiation.amendment_words(ident))
        if amendment.vote is not None:  # correcting a vote: start from its figures
            dialog.set_figures(amendment.vote.yes, amendment.vote.no, amendment.vote.abstain,
                               recorded=amendment.vote.recorded)
            dialog.without_vote.setChecked(amendment.vote.without_vote)
        answered = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        if not answered:
            return
        try:
            vote = dialog.vote()
            check_vote(self.session.file, ident, vote)
        except CollisionRefused as refusal:
            sentence = self.amendment_actions.collision_sentence([ident], refusal.accepted) if refusal.accepted \
                else str(refusal)
            self.warn("Record Vote", f"{sentence} Among amendments that collide, only one is adopted or agreed.")
            return
        except UserError as error:
            self.warn("Record Vote", str(error))
            return
        label = self.amendment_actions.label(ident)
        self.push(VoteCommand(self.negotiation, ident, vote, f"Vote on {label} ({ident}): {vote.words()}"))

    def divide(self) -> None:
        """Ask for the words, who moved the division and the figures, then record the separate vote (one step)."""
        if not self._writable("Separate Vote on Words"):
            return
        current = self.window.current_paragraph()
        dialog = VoteDialog(self.window, division=True, paragraph=self.session.labels().get(current, ""))
        dialog.mover.setText(self.negotiation.acting)
        answered = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        if not answered:
            return
        paragraph, words = dialog.paragraph.text().strip(), dialog.words.text().strip()
        try:
            if not dialog.mover.text().strip():
                raise UserError("Say which delegation moved the division.")
            mover = resolve_delegation(self.session.file, dialog.mover.text().strip()).name
            recorded = divide(self.session.file, paragraph, words, dialog.vote(), author=mover,
                              actor=self.negotiation.acting)
        except UserError as error:
            self.warn("Separate Vote on Words", str(error))
            return
        self.session.undo_stack.push(DivisionCommand(self.negotiation, recorded,
                                                     f"Separate vote on “{words}” in {paragraph}"))
        self.message(f"{recorded.id}: {recorded.vote.words()}.")

    def amend_amendment(self, ident: str) -> None:
        """Propose, as the delegation you act as, changes to the text amendment `ident` proposes (one step)."""
        if not ident:
            self.message("Select the amendment to amend in the amendment list.")
            return
        if not self._writable("Amend the Amendment") or not self.acting_or_tell():
            return
        n = self.negotiation
        try:
            parent = amendable(n.amendments, ident, n.document.version)
        except UserError as error:
            self.warn("Amend the Amendment", str(error))
            return
        dialog = SubAmendmentDialog(self.window, subject=n.amendment_words(ident), text=new_text(parent),
                                    acting=n.acting)
        answered = dialog.exec() == QDialog.DialogCode.Accepted
        edited = dialog.edited()
        dialog.deleteLater()
        if not answered:
            return
        try:
            proposals = propose_from_edit(n.document, parent, n.acting, edited)
        except UserError as error:
            self.warn("Amend the Amendment", str(error))
            return
        self.push(ProposeCommand(n, proposals, f"Amend {self.amendment_actions.label(ident)} ({ident})"))

    def set_order(self, ids: list[str]) -> None:
        text = "Rearrange the voting order" if ids else "Back to the voting order of rule 90"
        self.push(VotingOrderCommand(self.negotiation, ids, text))
