"""What the amendment panel asks for: show an amendment in the text, set statuses, edit details, delete.

Statuses follow the record's rule (`resdesk.amend.decisions`): among amendments that collide, at most
one is accepted. Accepting a second is refused in a dialog that names the accepted one and offers to
supersede it and accept, as one undo step.

Each change is one undo step (`negotiation_commands`). Only the delegation that
proposed an amendment deletes it or rewords its proposed text; others withdraw or reject.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QDialog, QMessageBox

from resdesk.amend.decisions import CollisionRefused, check_deletion, check_statuses
from resdesk.errors import UserError, in_words
from resdesk.model.amendment import ALTERNATIVE, BRACKETED, INSERT_BLOCK, PROPOSED, Amendment, status_words
from resdesk.store.delegations import resolve_delegation
from resdesk.ui import negotiation_commands as commands
from resdesk.ui.amendment_details_dialog import AmendmentDetailsDialog
from resdesk.ui.naming import named
from resdesk.ui.negotiation import MARKUP
from resdesk.ui.window_part import WindowPart

# A delegation may still reword its proposed paragraph or alternative until it is agreed or closed.
TEXT_EDITABLE_STATUSES = (PROPOSED, BRACKETED)


class SupersedeQuestion(QMessageBox):
    """Accepting collides with an accepted amendment: "Supersede a1 and accept a2", or cancel."""

    def __init__(self, parent, sentence: str, accepted: list[str], ids: list[str]):
        super().__init__(QMessageBox.Icon.Warning, "Set Status",
                         f"{sentence} Among amendments that collide, only one is accepted.", parent=parent)
        named(self, "supersedeQuestion", "Accepting collides with an accepted amendment")
        them, these = in_words(accepted), in_words(ids)
        self.supersede_button = named(self.addButton(f"Supersede {them} and accept {these}",
                                                     QMessageBox.ButtonRole.AcceptRole),
                                      "supersedeButton", f"Mark {them} superseded and accept {these}")
        cancel = named(self.addButton(QMessageBox.StandardButton.Cancel), "supersedeCancelButton",
                       "Cancel: change nothing")
        self.setDefaultButton(cancel)

    def supersede(self) -> bool:
        """Ask; True when the user chose to supersede."""
        self.exec()
        return self.clickedButton() is self.supersede_button


class AmendmentActions(WindowPart):
    def __init__(self, window, panel):
        super().__init__(window)
        self.panel = panel
        panel.amendment_selected.connect(self.show_amendment)
        panel.status_requested.connect(self.set_status)
        panel.edit_requested.connect(self.edit_amendment)
        panel.delete_requested.connect(self.delete_amendment)

    def label(self, ident: str) -> str:
        detail = self.negotiation.detail(ident)
        return (detail["label"] or detail["target"] or ident) if detail else ident

    def show_amendment(self, ident: str) -> None:
        """Scroll the text to an amendment (the markup view shows it) and highlight its row."""
        n = self.negotiation
        if n.view != MARKUP:
            n.set_view(MARKUP)
        row = n.row_of_amendment(ident)
        if row is None:
            self.message(f"Amendment {ident} is not shown with the current filters or it is stale.")
            return
        view = self.window.text_view
        index = view.model_.index(row)
        view.setCurrentIndex(index)
        view.scrollTo(index, view.ScrollHint.PositionAtCenter)

    def set_status(self, ids: list[str], status: str, supersede: list[str] = ()) -> None:
        """Give `ids` a status, as one undo step. Accepting one that collides with an accepted amendment is
        refused in a dialog that offers to supersede that one (and accept, still one undo step) or cancel."""
        try:  # refused before anything is pushed: a refusal leaves no step on the undo stack
            check_statuses(self.session.file, ids, status, supersede=supersede)
        except CollisionRefused as refusal:
            if refusal.accepted and not supersede:
                question = SupersedeQuestion(self.window, self.collision_sentence(ids, refusal.accepted),
                                             refusal.accepted, ids)
                chosen = question.supersede()
                question.deleteLater()
                if chosen:
                    self.set_status(ids, status, refusal.accepted)
                return
            self.warn("Set Status", str(refusal))
            return
        except UserError as error:
            self.warn("Set Status", str(error))
            return
        labels = ", ".join(self.label(i) for i in ids)
        text = f"Mark {labels} {status_words(status)}" + (f", superseding {in_words(supersede)}" if supersede else "")
        self.push(commands.StatusCommand(self.negotiation, ids, status, text, supersede))

    def collision_sentence(self, ids: list[str], accepted: list[str]) -> str:
        """"a2 (Norway, OP2, proposed) collides with a1 (Brazil, OP2, agreed ad ref)." for the refusal dialog."""
        words = self.negotiation.amendment_words
        colliding = [ident for ident in ids if set(self.negotiation.collisions.get(ident, ())) & set(accepted)] or ids
        verb = "collides" if len(colliding) == 1 else "collide"
        return f"{in_words([words(i) for i in colliding])} {verb} with {in_words([words(i) for i in accepted])}."

    def edit_amendment(self, ident: str) -> None:
        amendment = self.negotiation.amendment(ident)
        if amendment is None:
            return
        text_editable = (amendment.kind in (INSERT_BLOCK, ALTERNATIVE) and amendment.author == self.negotiation.acting
                         and amendment.status in TEXT_EDITABLE_STATUSES and self.negotiation.current)
        dialog = AmendmentDetailsDialog(amendment, self.window, text_editable=text_editable)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            co_sponsors = [resolve_delegation(self.session.file, name).name for name in dialog.co_sponsor_names()]
            text = dialog.proposed_text()
            if text == "":
                raise UserError("A proposed paragraph or alternative needs a text; to take it back, delete or "
                                "withdraw it.")
        except UserError as error:
            self.warn("Edit Details", str(error))
            return
        changed = Amendment(**{**amendment.__dict__, "co_sponsors": co_sponsors,
                               "justification": dialog.justification.text().strip()})
        if text is not None and amendment.kind == INSERT_BLOCK:
            changed.new_block = replace(amendment.new_block, text=text)
        elif text is not None:
            changed.new = text
        self.push(commands.EditAmendmentCommand(self.negotiation, changed, f"Edit details of {self.label(ident)}"))

    def delete_amendment(self, ident: str) -> None:
        try:  # the rule of who deletes what is the CLI's too (amend.decisions.check_deletion)
            check_deletion(self.session.file, [ident], actor=self.negotiation.acting)
        except UserError as error:
            self.message(str(error))
            return
        self.push(commands.DeleteAmendmentCommand(self.negotiation, ident, self.label(ident)))
