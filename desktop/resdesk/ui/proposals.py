"""Proposals of the acting delegation: new paragraphs, deletions, moves, alternatives, a Word file's changes.

In propose mode the window's paragraph commands come here; each proposal
(or every change of one Word file) is one undo step (`ProposeCommand`).
Typing in a paragraph is handled by the text view (`ProposeTypingCommand`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

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

    def propose_from_word(self, path: str | None = None) -> None:
        """Every change in a Word file of this version (typed or tracked) as proposals of the acting delegation,
        in one undo step. The file dialog opens in the document's folder, where its Word files usually are."""
        from resdesk.formats.docx_proposals import proposals_from_word_file  # the Word reader only when asked for

        author = self.acting_or_tell()
        if not author:
            return
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self.window, "Propose from a Word File",
                                                  str(self.session.path.parent), "Word documents (*.docx)")
            if not path:
                return
        source = Path(path)
        try:
            result = proposals_from_word_file(self.negotiation.document, source, author)
        except UserError as error:
            self.warn("Propose from a Word File", str(error))
            return
        if not result.proposals:
            self.message(f"{source.name} changes nothing in the text of {self.negotiation.document.version}.")
            return
        self.push(commands.ProposeCommand(self.negotiation, result.proposals,
                                          f"Propose {author}’s changes from {source.name}"))
        count = len(result.proposals)
        sentence = f"{count} proposal{'s' if count != 1 else ''} of {author} from {source.name}."
        if result.not_carried:
            QMessageBox.information(self.window, "Propose from a Word File",
                                    sentence + " Not proposed, to be proposed by hand: "
                                    + "; ".join(result.not_carried) + ".")
        self.message(sentence)
