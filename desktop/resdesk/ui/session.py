"""One open document in the window: the file, the text in memory, the undo stack, change signals.

The document file is the source of truth. Typing changes one block: the store
is updated and the in-memory block replaced (no reload). A change of structure
(add, delete, move, kind, level) reloads the text from the file and recomputes
the rows, which keeps labels and numbers right by construction. Views listen to
the signals and never write to the file themselves: every change goes through
an undo command (see `commands.py`).
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace

from PySide6.QtCore import QObject, Signal

from resdesk.amend.follow_edit import follow_text_edit
from resdesk.amend.labels import document_labels
from resdesk.errors import DocumentWriteError, UserError
from resdesk.model.document import Document
from resdesk.store import editing
from resdesk.store.docfile import DocumentFile, database_problem
from resdesk.store.documents import load, set_meta
from resdesk.text.inline import footnote_anchors
from resdesk.ui.facts import BLOCK, Row, block_row, document_rows
from resdesk.ui.negotiation import Negotiation
from resdesk.ui.undo import UndoStack


def footnote_order(marks) -> list[str]:
    return [mark.target for mark in footnote_anchors(marks)]


class DocumentSession(QObject):
    """The open document; views connect to its signals."""

    structure_changed = Signal()          # rows must be rebuilt (labels may have changed)
    block_changed = Signal(str, bool)     # block id, True when the change came from the editor itself
    meta_changed = Signal()
    focus_requested = Signal(str, int)    # block id, cursor position (-1: end) after undo/redo/commands
    unsaved_changed = Signal()            # a paragraph's typing could not be written, or now was

    def __init__(self, file: DocumentFile, parent: QObject | None = None):
        super().__init__(parent)
        self.file = file
        self.undo_stack = UndoStack(self)
        self.undo_stack.setObjectName("undoStack")
        self.document: Document = load(file)
        self.rows: list[Row] = document_rows(self.document)
        self._row_index = self._index_rows()
        # Paragraphs whose typed text the file could not take (a full disk): block id -> what the file holds.
        # The text in memory and on screen is the typed one; `saved_state` is what an undo step starts from.
        self.unsaved: dict[str, editing.TextState] = {}
        self.read_only_because: UserError | None = None  # why the file opened read-only (the window says it)
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

    def saved_state(self, block_id: str) -> editing.TextState:
        """The text and marks of a block as the file holds them (the screen may show unsaved typing)."""
        if block_id in self.unsaved:
            return self.unsaved[block_id]
        block = self.row(block_id).block
        return editing.TextState(block.text, list(block.marks))

    def set_text(self, block_id: str, text: str, marks, *, from_editor: bool = False) -> editing.TextState:
        """Commit a block's new text and marks; returns the previous ones.

        Typed text (`from_editor`) the file cannot take stays in memory, listed in `unsaved`, and the
        DocumentWriteError goes on to the undo stack, which reports it.
        """
        try:
            previous = self._write_text(self.file, block_id, text, marks)
        except DocumentWriteError:
            if from_editor:
                self.unsaved.setdefault(block_id, self.saved_state(block_id))
                self._replace_block(replace(self.row(block_id).block, text=text, marks=list(marks)))
                self.block_changed.emit(block_id, True)
                self.unsaved_changed.emit()
            raise
        if self.unsaved.pop(block_id, None) is not None:
            self.unsaved_changed.emit()
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

    def _write_text(self, file: DocumentFile, block_id: str, text: str, marks) -> editing.TextState:
        try:
            with file.transaction("edit-text"):
                previous = editing.update_text(file, block_id, text, list(marks))
                if previous.text != text and any(a.target == block_id for a in self.negotiation.amendments):
                    # Edit-text mode: the proposals on this paragraph find their words again, or go stale.
                    follow_text_edit(file, block_id, previous.text, text)
        except sqlite3.Error as error:  # a read before the write (a full disk can refuse the WAL index too)
            raise database_problem(error, file.path.name) from error
        return previous

    def write_unsaved(self, file: DocumentFile) -> None:
        """Write the unsaved typing into `file` (a copy of this document made by Save As)."""
        for block_id in self.unsaved:
            block = self.row(block_id).block
            self._write_text(file, block_id, block.text, block.marks)

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
