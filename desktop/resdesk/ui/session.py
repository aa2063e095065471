"""One open document in the window: the file, the text in memory, the undo stack, change signals.

The document file is the source of truth. Typing changes one block: the store
is updated and the in-memory block replaced (no reload). A change of structure
(add, delete, move, kind, level) reloads the text from the file and recomputes
the rows, which keeps labels and numbers right by construction. Views listen to
the signals and never write to the file themselves: every change goes through
an undo command (see `commands.py`).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from resdesk.amend.follow_edit import follow_text_edit
from resdesk.amend.labels import document_labels
from resdesk.model.document import Document
from resdesk.store import editing
from resdesk.store.docfile import DocumentFile
from resdesk.store.documents import load
from resdesk.text.inline import footnote_anchors
from resdesk.ui.facts import BLOCK, Row, block_row, document_rows


def footnote_order(marks) -> list[str]:
    return [mark.target for mark in footnote_anchors(marks)]


class DocumentSession(QObject):
    """The open document; views connect to its signals."""

    structure_changed = Signal()          # rows must be rebuilt (labels may have changed)
    block_changed = Signal(str, bool)     # block id, True when the change came from the editor itself
    meta_changed = Signal()
    focus_requested = Signal(str, int)    # block id, cursor position (-1: end) after undo/redo/commands

    def __init__(self, file: DocumentFile, parent: QObject | None = None):
        super().__init__(parent)
        self.file = file
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setObjectName("undoStack")
        self.document: Document = load(file)
        self.rows: list[Row] = document_rows(self.document)
        self._row_index = self._index_rows()
        from resdesk.ui.negotiation import Negotiation

        self.negotiation = Negotiation(self)

    @property
    def readonly(self) -> bool:
        return self.file.readonly

    @property
    def path(self):
        return self.file.path

    def close(self) -> None:
        self.file.close()

    # -- reading -------------------------------------------------------------------------

    def _index_rows(self) -> dict[str, int]:
        return {row.block.id: index for index, row in enumerate(self.rows) if row.kind == BLOCK}

    def row_of(self, block_id: str) -> int:
        return self._row_index[block_id]

    def row(self, block_id: str) -> Row:
        return self.rows[self._row_index[block_id]]

    def labels(self) -> dict[str, str]:
        return {row.block.id: row.label for row in self.rows if row.kind == BLOCK}

    def block_ids(self) -> list[str]:
        return [row.block.id for row in self.rows if row.kind == BLOCK]

    # -- changes (called by undo commands) ---------------------------------------------------

    def reload(self) -> None:
        """Read the text again from the file after a change of structure."""
        self.document = load(self.file)
        self.rows = document_rows(self.document)
        self._row_index = self._index_rows()
        self.structure_changed.emit()

    def set_text(self, block_id: str, text: str, marks, *, from_editor: bool = False) -> editing.TextState:
        """Commit a block's new text and marks; returns the previous ones."""
        with self.file.transaction("edit-text"):
            previous = editing.update_text(self.file, block_id, text, list(marks))
            if previous.text != text and any(a.target == block_id for a in self.negotiation.amendments):
                # Edit-text mode: the proposals on this paragraph find their words again, or go stale.
                follow_text_edit(self.file, block_id, previous.text, text)
        index = self._row_index[block_id]
        old_row = self.rows[index]
        block = replace(old_row.block, text=text, marks=list(marks))
        self._replace_block(block)
        if footnote_order(old_row.block.marks) != footnote_order(block.marks):
            # Footnote numbers depend on the order of anchors in the whole text.
            self.reload()
        else:
            self.block_changed.emit(block_id, from_editor)
        return previous

    def _replace_block(self, block) -> None:
        """Put a changed block into the in-memory document and its row."""
        for blocks in [self.document.blocks] + [annex.blocks for annex in self.document.annexes]:
            for position, candidate in enumerate(blocks):
                if candidate.id == block.id:
                    blocks[position] = block
                    break
        index = self._row_index[block.id]
        old = self.rows[index]
        self.rows[index] = block_row(self.document, block, {block.id: old.label}, {**old.markers},
                                     old.marker, old.depth, old.annex)

    def set_meta(self, changes: dict) -> dict:
        """Commit metadata changes; returns the previous values of the fields changed."""
        from resdesk.store.documents import set_meta

        previous = {key: getattr(self.document.meta, key) for key in changes}
        self.document.meta = set_meta(self.file, changes)
        self.rows[0] = document_rows(Document(meta=self.document.meta))[0]
        self.meta_changed.emit()
        return previous

    def label_of(self, block_id: str) -> str:
        index = self._row_index.get(block_id)
        if index is None:
            return document_labels(self.document).get(block_id, "")
        return self.rows[index].label
