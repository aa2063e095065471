"""What the amendment panel asks for: show an amendment in the text, set statuses, edit details, delete.

Each change is one undo step (`negotiation_commands`). Only the delegation that
proposed an amendment deletes it or rewords its proposed text; others withdraw or reject.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QDialog

from resdesk.amend.decisions import check_deletion, check_statuses
from resdesk.errors import UserError
from resdesk.model.amendment import ALTERNATIVE, BRACKETED, INSERT_BLOCK, PROPOSED, Amendment
from resdesk.store.delegations import resolve_delegation
from resdesk.ui import negotiation_commands as commands
from resdesk.ui.amendment_details_dialog import AmendmentDetailsDialog
from resdesk.ui.amendment_panel import status_text
from resdesk.ui.negotiation import MARKUP
from resdesk.ui.window_part import WindowPart

# A delegation may still reword its proposed paragraph or alternative until it is agreed or closed.
TEXT_EDITABLE_STATUSES = (PROPOSED, BRACKETED)


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

    def set_status(self, ids: list[str], status: str) -> None:
        try:  # refused before anything is pushed: a refusal leaves no step on the undo stack
            check_statuses(self.session.file, ids, status)
        except UserError as error:
            self.warn("Set Status", str(error))
            return
        labels = ", ".join(self.label(i) for i in ids)
        self.push(commands.StatusCommand(self.negotiation, ids, status, f"Mark {labels} {status_text(status)}"))

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
