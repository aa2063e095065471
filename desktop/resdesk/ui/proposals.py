"""Proposals of the acting delegation (new paragraphs, deletions, moves, alternatives), and Word files' proposals.

In propose mode the window's paragraph commands come here; each proposal is one undo step
(`ProposeCommand`), and so is everything several Word files propose (`ProposeFromWordCommand`).
Typing in a paragraph is handled by the text view (`ProposeTypingCommand`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox

from resdesk.amend.propose import (
    propose_alternative,
    propose_delete_paragraph,
    propose_move,
    propose_new_paragraph,
)
from resdesk.errors import UserError
from resdesk.model import tree
from resdesk.ui import negotiation_commands as commands
from resdesk.ui.window_part import WindowPart


class Proposals(WindowPart):
    def __init__(self, window):
        super().__init__(window)
        self.actions.connect("propose_alternative", self.propose_alternative)
        self.actions.connect("propose_from_word", self.propose_from_word)
        window.outline.model_.move_proposed.connect(self.propose_move_after)

    def propose(self, make, text: str) -> None:
        """Run `make(document, author)` (an engine `propose_*` call) and push the proposal it returns."""
        author = self.acting_or_tell()
        if not author:
            return
        try:
            amendment = make(self.negotiation.document, author)
        except UserError as error:
            self.warn("Propose", str(error))
            return
        self.push(commands.ProposeCommand(self.negotiation, [amendment], text))

    def propose_paragraph(self, kind: str, after_id: str) -> None:
        what = {"preambular": "preambular paragraph", "operative": "operative paragraph"}.get(kind, "sub-paragraph")
        label = self.session.label_of(after_id)
        text, ok = QInputDialog.getMultiLineText(self.window, "Propose a New Paragraph",
                                                 f"Text of the new {what} after {label}:")
        if ok and text.strip():
            self.propose(lambda doc, author: propose_new_paragraph(doc, author, text, after_id, kind),
                         f"Propose a new {what} after {label}")

    def propose_deletion(self, block_id: str) -> None:
        label = self.session.label_of(block_id)
        self.propose(lambda doc, author: propose_delete_paragraph(doc, author, block_id), f"Propose deleting {label}")

    def propose_move(self, block_id: str, step: int) -> None:
        after = self._move_anchor(block_id, step)
        label = self.session.label_of(block_id)
        if after is None:
            self.message("It is already the " + ("first" if step < 0 else "last") + " one.")
            return
        self.propose(lambda doc, author: propose_move(doc, author, block_id, after),
                     f"Propose moving {label} {'up' if step < 0 else 'down'}")

    def propose_move_after(self, block_id: str, after_id: str) -> None:
        """A paragraph dragged in the outline in propose mode: propose moving it after `after_id`."""
        label, after = self.session.label_of(block_id), self.session.label_of(after_id)
        self.propose(lambda doc, author: propose_move(doc, author, block_id, after_id),
                     f"Propose moving {label} after {after}")

    def _move_anchor(self, block_id: str, step: int) -> str | None:
        """The block a paragraph would follow after moving one place up or down among its siblings."""
        document = self.session.document
        blocks = next(part for part in [document.blocks] + [a.blocks for a in document.annexes]
                      if any(b.id == block_id for b in part))
        block = next(b for b in blocks if b.id == block_id)
        siblings = tree.siblings(blocks, block)
        at = [b.id for b in siblings].index(block_id)
        if step > 0:
            return siblings[at + 1].id if at + 1 < len(siblings) else None
        return siblings[at - 2].id if at >= 2 else None

    def propose_alternative(self) -> None:
        block_id = self.window.current_paragraph()
        if not block_id:
            return
        label = self.session.label_of(block_id)
        current = self.session.row(block_id).block.text
        text, ok = QInputDialog.getMultiLineText(self.window, "Propose an Alternative",
                                                 f"Alternative text for {label}:", current)
        if ok and text.strip() and text.strip() != current:
            self.propose(lambda doc, author: propose_alternative(doc, author, text, block_id),
                         f"Propose an alternative to {label}")

    def propose_from_word(self, paths: list[str] | None = None) -> None:
        """Amendments ▸ Propose from Word Files… (or files dropped on the window): each file's delegation is shown
        before reading, authors that are no delegation are asked for, and everything the files propose is
        recorded as one undo step. The file dialog opens in the document's folder, where its Word files usually
        are."""
        # the Word reader and its dialogs only when asked for: python-docx and lxml stay off start-up
        from resdesk.formats.docx_proposals import UnknownAuthors, WordFile, word_file_proposals
        from resdesk.ui.word_files_dialog import AuthorMapDialog, WordFilesDialog
        from resdesk.views.proposal_context import proposal_context

        if paths is None:
            paths, _ = QFileDialog.getOpenFileNames(self.window, "Propose from Word Files",
                                                    str(self.session.path.parent), "Word documents (*.docx)")
        if not paths:
            return
        context = proposal_context(self.session.file)
        dialog = WordFilesDialog([Path(path) for path in paths], context.delegations, self.window)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        chosen = dialog.chosen()
        dialog.deleteLater()
        if not accepted:
            return
        author_map: dict[str, str] = {}
        try:
            files = [WordFile.at(path, delegation) for path, delegation in chosen]
            while True:
                try:
                    batch = word_file_proposals(files, context, author_map)
                    break
                except UnknownAuthors as unknown:
                    ask = AuthorMapDialog(unknown.authors, context.delegations, self.window)
                    answered = ask.exec() == QDialog.DialogCode.Accepted
                    more = ask.mapping()
                    ask.deleteLater()
                    if not answered or not set(more) - set(author_map):
                        return
                    author_map.update(more)
        except UserError as error:
            self.warn("Propose from Word Files", str(error))
            return
        names = [path.name for path, _ in chosen]
        text = f"Propose from {names[0]}" if len(names) == 1 else f"Propose from {len(names)} Word files"
        command = commands.ProposeFromWordCommand(self.negotiation, batch, text)
        if self.push(command):
            self.report(command.recorded)

    def report(self, recorded) -> None:
        """The summary in the status bar; the whole report in a message box when something was not placed,
        skipped or collides."""
        from resdesk.amend.batches import report_text  # with the Word reader, only when asked for

        text = report_text(recorded)
        self.message(text.splitlines()[-1])
        if any(entry.file.not_placed or entry.file.duplicates or entry.collisions for entry in recorded):
            QMessageBox.information(self.window, "Propose from Word Files", text)
