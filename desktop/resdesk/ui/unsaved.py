"""Edits the document file could not take (a full disk, an I/O error): kept on screen as unsaved, retried.

When a write fails the window says so at once: the status bar turns to a warning with a Retry Saving
button, and a dialog explains (free some space and retry, or Save As elsewhere). The typed text stays
in its paragraph, marked "not saved" (and in `DocumentSession.unsaved`); a metadata field keeps its
text. Every further keystroke tries again, Retry Saving writes everything, and any other change waits
until the unsaved one is written (it would otherwise reload the text from the file and lose it). The
file keeps its last good state throughout; Save As writes the copy with the unsaved edits in it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton

from resdesk.errors import UserError
from resdesk.store.docfile import DocumentFile
from resdesk.store.documents import set_meta
from resdesk.store.editing import TextState
from resdesk.ui.commands import MetaCommand, TypingCommand
from resdesk.ui.naming import named

WARNING_STYLE = "QLabel { background: #fde2e1; color: #8a1c12; padding: 2px 8px; font-weight: bold; }"


class UnsavedEdit:
    """The unsaved edits of one window, and how the window shows and retries them."""

    def __init__(self, window):
        self.window = window
        self.session = window.session
        self.error: UserError | None = None
        self.commands: dict[str, MetaCommand] = {}  # metadata fields to write again, by field
        self._retrying = False
        bar = window.statusBar()
        self.warning = named(QLabel(bar), "unsavedWarning", "Unsaved change")
        self.warning.setStyleSheet(WARNING_STYLE)
        self.retry_button = named(QPushButton("Retry Saving", bar), "retrySaving", "Retry saving")
        self.retry_button.clicked.connect(self.retry)
        bar.addPermanentWidget(self.warning)
        bar.addPermanentWidget(self.retry_button)
        self.warning.hide()
        self.retry_button.hide()
        self.session.undo_stack.gate = self.hold_back
        self.session.unsaved_changed.connect(self._update)

    @property
    def pending(self) -> bool:
        return bool(self.session.unsaved or self.commands)

    def what(self) -> str:
        """The unsaved edits in words: "typing in OP3", "the symbol"."""
        parts = [f"typing in {self.session.label_of(block_id) or 'the text'}" for block_id in self.session.unsaved]
        parts += [f"the {command.text().removeprefix('Change ')}" for command in self.commands.values()]
        return ", ".join(parts)

    def failed(self, error: UserError, command) -> None:
        """A write failed: keep what is on screen for a retry and say so (the dialog once, until all is saved)."""
        if isinstance(command, MetaCommand):
            self.commands[command.key] = command
        if not self.pending:
            # Not an edit on screen (a paragraph added, a status…): it was not made, and the user is told.
            self.window.problems.dialog(str(error))
            return
        first = self.error is None
        self.error = error
        self._update()
        if first:
            self._explain(error)

    def hold_back(self, command) -> str | None:
        """The undo stack's gate: while an edit is unsaved, only its retries pass until it is written; anything
        else is held back, with the sentence that says why."""
        if not self.pending or self._retrying:
            return None
        if isinstance(command, TypingCommand) and command.block_id in self.session.unsaved:
            return None  # the same paragraph typed on: the new command carries all of its text
        if isinstance(command, MetaCommand) and command.key in self.commands:
            del self.commands[command.key]  # a newer value of the same field replaces the unsaved one
            return None
        if self.retry():
            return None
        return ("Not done: the unsaved change must be written first (free some space and Retry Saving, "
                "or Save As elsewhere).")

    def retry(self) -> bool:
        """Write every unsaved edit again; True when all of them are now in the file."""
        stack = self.session.undo_stack
        self._retrying = True
        try:
            for block_id in list(self.session.unsaved):
                block = self.session.row(block_id).block
                if not stack.push(TypingCommand(self.session, block_id, self.session.unsaved[block_id],
                                                TextState(block.text, list(block.marks)))):
                    return False
            for key in list(self.commands):
                if not stack.push(self.commands.pop(key)):
                    return False
        finally:
            self._retrying = False
            self._update()
        return True

    def write_into(self, path) -> None:
        """Write the unsaved edits into the document at `path` (the copy Save As just made), and stop waiting
        for them here."""
        if not self.pending:
            return
        with DocumentFile.open(path, wait=0) as copy:
            self.session.write_unsaved(copy)
            if self.commands:
                set_meta(copy, {key: command.value for key, command in self.commands.items()})
        self.session.unsaved.clear()
        self.commands.clear()
        self._update()

    def confirm_close(self) -> bool:
        """Closing the window: write what is unsaved if the disk takes it now, else ask before losing it."""
        if not self.pending or self.retry():
            return True
        answer = QMessageBox.warning(
            self.window, "Not saved", f"{self.what()[:1].upper()}{self.what()[1:]} is not saved: {self.error} "
            "Close the window and lose it?",
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Discard

    def _update(self) -> None:
        pending = self.pending
        if pending:
            self.warning.setText(f"⚠ Not saved: {self.what()}")
            self.warning.setToolTip(str(self.error or ""))
        elif self.error is not None:
            self.error = None
            self.window.statusBar().showMessage("Saved. Every change is saved as you type.", 6000)
        self.warning.setVisible(pending)
        self.retry_button.setVisible(pending)
        self.window.history.setEnabled(not pending)  # a jump in the history would reload the text from the file
        self.window.text_view.viewport().update()  # the "not saved" marks

    def _explain(self, error: UserError) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, "Not saved",
                          f"{error} What you typed stays on screen, marked “not saved”, and is written as soon as "
                          "the disk takes it.", QMessageBox.StandardButton.Ok, self.window)
        named(box, "unsavedDialog", "Not saved")
        retry = named(box.addButton("Retry Saving", QMessageBox.ButtonRole.AcceptRole), "unsavedRetry", "Retry saving")
        save_as = named(box.addButton("Save As…", QMessageBox.ButtonRole.ActionRole), "unsavedSaveAs", "Save As")
        retry.clicked.connect(self.retry)
        save_as.clicked.connect(self.window.save_as)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        QTimer.singleShot(0, box.open)
