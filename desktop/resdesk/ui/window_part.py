"""What each part of the window (proposals, comments, revisions, export…) uses of the main window.

A part is given the window and reaches it only through its public side:
`session`, `actions`, `current_paragraph()`, `show_message()`, and the undo
stack through `push`, which turns a refusal into one sentence in a message box.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from resdesk.errors import DocumentWriteError, UserError
from resdesk.ui.settings import APP_NAME


class WindowPart:
    def __init__(self, window):
        self.window = window
        self.session = window.session
        self.negotiation = window.session.negotiation
        self.actions = window.actions

    def message(self, sentence: str) -> None:
        self.window.show_message(sentence)

    def warn(self, title: str, sentence: str) -> None:
        QMessageBox.warning(self.window, title, sentence)

    def push(self, command) -> bool:
        """Push an undo command (it runs at once); False, after telling the user, when it was refused."""
        failure = self.session.undo_stack.attempt(command)
        if isinstance(failure, UserError) and not isinstance(failure, DocumentWriteError):
            self.warn(APP_NAME, str(failure))
        elif failure is not None:
            self.window.show_problem(failure, command)  # a full disk: kept as unsaved, or a dialog
        return failure is None

    def acting_or_tell(self) -> str:
        """The acting delegation, or "" after asking the user to choose one."""
        if not self.negotiation.acting:
            QMessageBox.information(self.window, "Propose", "Choose in whose name you propose (Acting as) first.")
        return self.negotiation.acting
