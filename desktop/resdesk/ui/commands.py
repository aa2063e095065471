"""Undo commands: each one calls an operation of `resdesk.store.editing` and, to undo, its inverse.

Both directions are committed to the document file at once, so the file always
holds what the screen shows; a direction that fails (a refusal, a full disk)
changes neither, and the `UndoStack` reports it (see `resdesk.ui.undo`). Typing in one paragraph merges into one command
until the user pauses (`MERGE_PAUSE` seconds) or edits another paragraph.
"""

from __future__ import annotations

import time

from PySide6.QtGui import QUndoCommand

from resdesk.store import editing
from resdesk.ui.session import DocumentSession
from resdesk.ui.undo import Command

MERGE_PAUSE = 1.5
TYPING_ID = 1
META_ID = 2
FOOTNOTE_TEXT_ID = 3


class TypingCommand(Command):
    """A change of one block's text (and marks); consecutive keystrokes merge."""

    def __init__(self, session: DocumentSession, block_id: str, old: editing.TextState, new: editing.TextState,
                 cursor: int = -1, *, from_editor: bool = True):
        super().__init__(f"Typing in {session.label_of(block_id) or 'the text'}")
        self.session = session
        self.block_id = block_id
        self.old = old
        self.new = new
        self.cursor_before = cursor
        self.cursor_after = cursor
        self.from_editor = from_editor
        self.at = time.monotonic()

    def id(self) -> int:
        return TYPING_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, TypingCommand) or other.block_id != self.block_id:
            return False
        if other.at - self.at > MERGE_PAUSE:
            return False
        self.new = other.new
        self.cursor_after = other.cursor_after
        self.at = other.at
        return True

    def redo(self) -> None:
        self.session.set_text(self.block_id, self.new.text, self.new.marks, from_editor=self.from_editor)
        if not self.from_editor:
            self.session.focus_requested.emit(self.block_id, self.cursor_after)
        self.from_editor = False

    def undo(self) -> None:
        self.session.set_text(self.block_id, self.old.text, self.old.marks)
        self.session.focus_requested.emit(self.block_id, self.cursor_before)


class StructureCommand(Command):
    """Base of the commands that change the order, kinds or levels of blocks (the text is reloaded)."""

    def __init__(self, session: DocumentSession, text: str, focus: str):
        super().__init__(text)
        self.session = session
        self.focus = focus

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        self.apply()
        self.session.reload()
        self.session.focus_requested.emit(self.focus, -1)

    def undo(self) -> None:
        self.revert()
        self.session.reload()
        self.session.focus_requested.emit(self.focus, -1)


class InsertBlockCommand(StructureCommand):
    """A new empty paragraph after another one (and its sub-paragraphs)."""

    def __init__(self, session: DocumentSession, after_id: str | None, kind: str, parent: str | None = None,
                 text: str = "", what: str = "paragraph"):
        after = session.label_of(after_id) if after_id else ""
        super().__init__(session, f"Add {what}" + (f" after {after}" if after else ""), "")
        self.after_id = after_id
        self.kind = kind
        self.parent = parent
        self.text = text
        self.new_id: str | None = None

    def apply(self) -> None:
        self.new_id = editing.insert_block(self.session.file, self.after_id, self.kind, self.text,
                                           parent=self.parent, block_id=self.new_id)
        self.focus = self.new_id

    def revert(self) -> None:
        editing.delete_block(self.session.file, self.new_id)
        self.focus = self.after_id or ""


class DeleteBlockCommand(StructureCommand):
    def __init__(self, session: DocumentSession, block_id: str, focus_after: str):
        super().__init__(session, f"Delete {session.label_of(block_id) or 'paragraph'}", focus_after)
        self.block_id = block_id
        self.focus_after = focus_after
        self.removed: list[editing.Placed] = []

    def apply(self) -> None:
        self.removed = editing.delete_block(self.session.file, self.block_id)
        self.focus = self.focus_after

    def revert(self) -> None:
        editing.restore_blocks(self.session.file, self.removed)
        self.focus = self.block_id


class MoveBlockCommand(StructureCommand):
    """Move a paragraph (with its sub-paragraphs) to a position in its part of the text."""

    def __init__(self, session: DocumentSession, block_id: str, position: int, text: str):
        super().__init__(session, text, block_id)
        self.block_id = block_id
        self.position = position
        self.old_position = position

    def apply(self) -> None:
        self.old_position = editing.move_block(self.session.file, self.block_id, self.position)

    def revert(self) -> None:
        editing.move_block(self.session.file, self.block_id, self.old_position)


class SetKindCommand(StructureCommand):
    def __init__(self, session: DocumentSession, block_id: str, kind: str):
        name = "preambular" if kind == "preambular" else "operative"
        super().__init__(session, f"Make {session.label_of(block_id)} {name}", block_id)
        self.block_id = block_id
        self.kind = kind
        self.old_kind = kind

    def apply(self) -> None:
        self.old_kind = editing.set_kind(self.session.file, self.block_id, self.kind)

    def revert(self) -> None:
        editing.set_kind(self.session.file, self.block_id, self.old_kind)


class LevelCommand(StructureCommand):
    """Indent a paragraph into a sub-paragraph of the one above, or outdent it."""

    def __init__(self, session: DocumentSession, block_id: str, deeper: bool):
        verb = "Indent" if deeper else "Outdent"
        super().__init__(session, f"{verb} {session.label_of(block_id)}", block_id)
        self.block_id = block_id
        self.deeper = deeper
        self.before: list[editing.Structure] = []

    def apply(self) -> None:
        change = editing.indent if self.deeper else editing.outdent
        self.before = change(self.session.file, self.block_id)

    def revert(self) -> None:
        editing.restore_structure(self.session.file, self.before)


class AddFootnoteCommand(StructureCommand):
    """A new footnote anchored at a place in a block."""

    def __init__(self, session: DocumentSession, block_id: str, offset: int, text: str):
        super().__init__(session, f"Add a footnote to {session.label_of(block_id)}", block_id)
        self.block_id = block_id
        self.offset = offset
        self.text = text
        self.footnote_id: str | None = None

    def apply(self) -> None:
        if self.footnote_id is None:
            self.footnote_id = editing.add_footnote(self.session.file, self.block_id, self.offset, self.text)
        else:
            editing.add_footnote_anchor(self.session.file, self.block_id, self.offset, self.footnote_id)

    def revert(self) -> None:
        editing.remove_footnote_anchor(self.session.file, self.block_id, self.footnote_id)


class RemoveFootnoteCommand(StructureCommand):
    """Remove a footnote's marker from a block (its text stays in the file for undo)."""

    def __init__(self, session: DocumentSession, block_id: str, footnote_id: str):
        super().__init__(session, f"Remove a footnote from {session.label_of(block_id)}", block_id)
        self.block_id = block_id
        self.footnote_id = footnote_id
        self.offset = 0

    def apply(self) -> None:
        self.offset = editing.remove_footnote_anchor(self.session.file, self.block_id, self.footnote_id)

    def revert(self) -> None:
        editing.add_footnote_anchor(self.session.file, self.block_id, self.offset, self.footnote_id)


class FootnoteTextCommand(StructureCommand):
    """A change of a footnote's text."""

    def __init__(self, session: DocumentSession, footnote_id: str, text: str, focus: str):
        super().__init__(session, "Edit a footnote", focus)
        self.footnote_id = footnote_id
        self.text = text
        self.old: editing.TextState | None = None

    def apply(self) -> None:
        self.old = editing.set_footnote_text(self.session.file, self.footnote_id, self.text)

    def revert(self) -> None:
        editing.set_footnote_text(self.session.file, self.footnote_id, self.old.text, self.old.marks)


class MetaCommand(Command):
    """A change of one metadata field; consecutive typing in the same field merges."""

    def __init__(self, session: DocumentSession, key: str, value, label: str):
        super().__init__(f"Change {label}")
        self.session = session
        self.key = key
        self.value = value
        self.old = None
        self.at = time.monotonic()

    def id(self) -> int:
        return META_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, MetaCommand) or other.key != self.key or other.at - self.at > MERGE_PAUSE:
            return False
        self.value = other.value
        self.at = other.at
        return True

    def redo(self) -> None:
        previous = self.session.set_meta({self.key: self.value})
        if self.old is None:
            self.old = previous[self.key]

    def undo(self) -> None:
        self.session.set_meta({self.key: self.old})
