"""Create Revision…: apply the accepted amendments and issue Rev.N, one undo step (`RevisionCommand`).

The steps before a revision belong to the earlier version; undoing them first
takes the revision back, so each applies to the version it was made on.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from resdesk.amend.revise import create_revision
from resdesk.errors import UserError
from resdesk.ui import negotiation_commands as commands
from resdesk.ui.revision_dialog import RevisionDialog
from resdesk.ui.window_part import WindowPart


class Revisions(WindowPart):
    def __init__(self, window):
        super().__init__(window)
        self.actions.connect("create_revision", self.create_revision)

    def create_revision(self) -> None:
        dialog = RevisionDialog(self.negotiation, self.window)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        chosen = (dialog.accepted_statuses(), dialog.name.text().strip() or None, dialog.iso_date())
        dialog.deleteLater()
        if accepted:
            self.revise(*chosen)

    def revise(self, accept: tuple[str, ...], name: str | None, date: str | None = None) -> str | None:
        """Make the revision (dated `date`, ISO; None keeps the version's date) as one undo step."""
        try:
            created = create_revision(self.session.file, accept, name, date=date, actor=self.negotiation.acting)
        except UserError as error:
            self.warn("Create Revision", str(error))
            return None
        self.session.undo_stack.push(commands.RevisionCommand(self.negotiation, created, accept,
                                                              self._version_changed, date))
        self.message(f"{created.name} created; the earlier versions stay readable (Version selector); "
                     "Undo takes it back.")
        return created.name

    def _version_changed(self) -> None:
        """After a revision is made or taken back: the text, the rows and the version selector."""
        self.session.reload()
        self.negotiation.show_version(None)
