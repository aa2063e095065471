"""How a window tells the user what went wrong: a refusal, a failed write, a file that cannot be read, a bug.

Everything `resdesk.ui.guard` and the undo stack catch ends here. A refusal ("Only a sub-paragraph can
be moved out one level.") is a status-bar message; a failed write goes to the window's `UnsavedEdit`
(kept on screen as unsaved, retried); anything else is a message box, opened once the callback that
failed has returned (never a modal loop inside a paint or an undo step) and never twice at once.
"""

from __future__ import annotations

import sqlite3
import sys
import traceback

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from resdesk.errors import DocumentFileError, DocumentLockedError, DocumentWriteError, UserError
from resdesk.store.docfile import database_problem

REFUSAL_MS = 8000  # how long a refusal stays in the status bar

# User errors that are not refusals of what was asked but news about the file: they deserve a dialog.
_ABOUT_THE_FILE = (DocumentFileError, DocumentLockedError)


class ProblemReporter:
    """The problems of one window (`window.show_problem` hands them over)."""

    def __init__(self, window):
        self.window = window
        self._dialog: QMessageBox | None = None
        self._shown: dict[str, int] = {}  # sentence -> how many boxes have said it

    def show(self, error: BaseException, command=None) -> None:
        if isinstance(error, sqlite3.Error):
            error = database_problem(error, self.window.session.path.name, "it could not be read")
        if isinstance(error, DocumentWriteError):
            self.window.unsaved.failed(error, command)
        elif isinstance(error, UserError) and not isinstance(error, _ABOUT_THE_FILE):
            self.window.show_message(str(error), REFUSAL_MS)
        elif isinstance(error, UserError):
            self.dialog(str(error))
        else:
            sentence = (f"Something went wrong inside Resolution Desk ({type(error).__name__}: {error}). "
                        "What you did last was not done; every change before it is in the document file.")
            if sentence not in self._shown:
                traceback.print_exception(error, file=sys.stderr)
            self.dialog(sentence)

    def dialog(self, sentence: str) -> QMessageBox | None:
        """A warning box for `sentence`, opened when the event loop next runs; None when the same one is open.

        A problem that comes back at every paint is shown once while its box is open, and once more at most.
        """
        if self._dialog is not None and self._dialog.text() == sentence:
            return None
        if self._shown.get(sentence, 0) >= 2:
            return None
        self._shown[sentence] = self._shown.get(sentence, 0) + 1
        title = QApplication.applicationDisplayName() or "Resolution Desk"
        box = QMessageBox(QMessageBox.Icon.Warning, title, sentence, QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("problemDialog")
        box.setAccessibleName("Problem")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.destroyed.connect(lambda _gone=None, box=box: self._forget(box))
        self._dialog = box
        QTimer.singleShot(0, box.open)
        return box

    def _forget(self, box: QMessageBox) -> None:
        if self._dialog is box:
            self._dialog = None
