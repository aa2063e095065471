"""Undo commands of the negotiation: proposing, typing a proposal, statuses, details, comments.

Each command calls the engine's store functions (committed to the file at
once) and, to undo, their inverse (`remove_amendment`/`restore_amendment`,
`undo_statuses`, `update_amendment` back, `remove_comment`/`restore_comment`),
then asks the `Negotiation` to read the file again.
"""

from __future__ import annotations

import time
from dataclasses import replace

from PySide6.QtGui import QUndoCommand

from resdesk.amend.batches import FileProposals, Recorded, record_files
from resdesk.amend.decisions import StatusChange, delete_proposals, set_statuses, undo_statuses
from resdesk.amend.revise import Revision, create_revision, undo_revision
from resdesk.model.amendment import Amendment
from resdesk.model.comment import Comment
from resdesk.store.amendments import (
    add_amendment,
    remove_amendment,
    restore_amendment,
    update_amendment,
)
from resdesk.store.comments import add_comment, remove_comment, restore_comment
from resdesk.ui.commands import MERGE_PAUSE
from resdesk.ui.undo import Command

PROPOSE_TYPING_ID = 11


class NegotiationCommand(Command):
    def __init__(self, negotiation, text: str):
        super().__init__(text)
        self.negotiation = negotiation
        self.file = negotiation.file

    def _done(self) -> None:
        self.negotiation.refresh()


class ProposeCommand(NegotiationCommand):
    """New proposals (one or more amendments entered together); undo takes them out of the file."""

    def __init__(self, negotiation, proposals: list[Amendment], text: str):
        super().__init__(negotiation, text)
        self.proposals = proposals
        self.stored: list[Amendment] = []

    def redo(self) -> None:
        with self.file.transaction("propose-together", actor=self.negotiation.acting):
            if not self.stored:
                self.stored = [add_amendment(self.file, proposal) for proposal in self.proposals]
            else:
                for amendment in self.stored:
                    restore_amendment(self.file, amendment)
        self._done()

    def undo(self) -> None:
        with self.file.transaction("unpropose-together", actor=self.negotiation.acting):
            for amendment in reversed(self.stored):
                remove_amendment(self.file, amendment.id)
        self._done()


class ProposeFromWordCommand(NegotiationCommand):
    """What several Word files propose: their amendments and comments, recorded together (`record_files`); undo
    takes them all out, redo puts them back with their ids."""

    def __init__(self, negotiation, files: list[FileProposals], text: str):
        super().__init__(negotiation, text)
        self.files = files
        self.recorded: list[Recorded] = []

    def redo(self) -> None:
        if not self.recorded:
            self.recorded = record_files(self.file, self.files, actor=self.negotiation.acting)
        else:
            with self.file.transaction("propose-from-word", actor=self.negotiation.acting):
                for entry in self.recorded:
                    for amendment in entry.amendments:
                        restore_amendment(self.file, amendment)
                for entry in self.recorded:
                    for comment in entry.comments:
                        restore_comment(self.file, comment)
        self._done()

    def undo(self) -> None:
        with self.file.transaction("unpropose-from-word", actor=self.negotiation.acting):
            for entry in reversed(self.recorded):
                for comment in reversed(entry.comments):
                    remove_comment(self.file, comment.id)
            for entry in reversed(self.recorded):
                for amendment in reversed(entry.amendments):
                    remove_amendment(self.file, amendment.id)
        self._done()


class DeleteAmendmentCommand(NegotiationCommand):
    """Delete one's own undecided proposal (`delete_proposals`; undo puts it back with its id)."""

    def __init__(self, negotiation, ident: str, label: str):
        super().__init__(negotiation, f"Delete proposal {label or ident}")
        self.ident = ident
        self.removed: Amendment | None = None

    def redo(self) -> None:
        self.removed = delete_proposals(self.file, [self.ident], actor=self.negotiation.acting)[0]
        self._done()

    def undo(self) -> None:
        restore_amendment(self.file, self.removed, actor=self.negotiation.acting)
        self._done()


class StatusCommand(NegotiationCommand):
    """Set the status of one or more amendments (and mark those it supersedes): one transaction."""

    def __init__(self, negotiation, idents: list[str], status: str, text: str, supersede: list[str] = ()):
        super().__init__(negotiation, text)
        self.idents = idents
        self.status = status
        self.supersede = list(supersede)
        self.change: StatusChange | None = None

    def redo(self) -> None:
        self.change = set_statuses(self.file, self.idents, self.status, supersede=self.supersede,
                                   actor=self.negotiation.acting)
        self._done()

    def undo(self) -> None:
        undo_statuses(self.file, self.change, actor=self.negotiation.acting)
        self._done()


class EditAmendmentCommand(NegotiationCommand):
    """Change the co-sponsors or the justification of an amendment."""

    def __init__(self, negotiation, changed: Amendment, text: str):
        super().__init__(negotiation, text)
        self.changed = changed
        self.previous: Amendment | None = None

    def redo(self) -> None:
        self.previous = update_amendment(self.file, self.changed, actor=self.negotiation.acting)
        self._done()

    def undo(self) -> None:
        update_amendment(self.file, self.previous, actor=self.negotiation.acting)
        self._done()


def keep_equivalent(text: str, current: list[Amendment], wanted: list[Amendment]) -> list[Amendment]:
    """`wanted` with every change that one of `current` already makes replaced by that amendment as it is.

    A word diff may describe an untouched proposal differently ("to" → "to all" for "Member States" →
    "all Member States"); the delegation's earlier proposal keeps its own words and anchor.
    """
    def applied(amendment: Amendment) -> str:
        return text[:amendment.start] + amendment.new + text[amendment.end:]

    effects = {applied(amendment): amendment for amendment in current}
    return [replace(effects[applied(w)]) if applied(w) in effects else w for w in wanted]


def sync_replacements(file, current: list[Amendment], wanted: list[Amendment], actor: str) -> list[Amendment]:
    """Make the stored word changes `current` become `wanted` (by id: update, restore or add; remove the rest).

    New wanted records without an id take the ids of current ones in order, so a
    delegation typing in a paragraph keeps updating the same amendment.
    """
    spare = [a.id for a in current if a.id not in {w.id for w in wanted if w.id}]
    result = []
    by_id = {a.id: a for a in current}
    with file.transaction("propose-edit", actor=actor):
        for amendment in wanted:
            if not amendment.id and spare:
                amendment = replace(amendment, id=spare.pop(0))
            if amendment.id in by_id:
                update_amendment(file, amendment, actor=actor)
                result.append(amendment)
            elif amendment.id:
                result.append(restore_amendment(file, amendment, actor=actor))
            else:
                result.append(add_amendment(file, amendment, actor=actor))
        kept = {a.id for a in result}
        for amendment in current:
            if amendment.id not in kept:
                remove_amendment(file, amendment.id, actor=actor)
    return [replace(a) for a in result]


class ProposeTypingCommand(NegotiationCommand):
    """Typing in a paragraph in propose mode: the delegation's word changes follow the text it types.

    Consecutive keystrokes in one paragraph merge into one undo step, as plain typing does.
    """

    def __init__(self, negotiation, block_id: str, before: list[Amendment], after: list[Amendment]):
        label = negotiation.session.label_of(block_id)
        super().__init__(negotiation, f"Propose a change in {label}")
        self.block_id = block_id
        self.before = [replace(a) for a in before]
        self.after = after
        self.at = time.monotonic()

    def id(self) -> int:
        return PROPOSE_TYPING_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, ProposeTypingCommand) or other.block_id != self.block_id:
            return False
        if other.at - self.at > MERGE_PAUSE:
            return False
        self.after = other.after
        self.at = other.at
        return True

    def _current(self) -> list[Amendment]:
        return self.negotiation.own_replacements(self.block_id)

    def redo(self) -> None:
        self.after = sync_replacements(self.file, self._current(), self.after, self.negotiation.acting)
        self._done()

    def undo(self) -> None:
        sync_replacements(self.file, self._current(), [replace(a) for a in self.before], self.negotiation.acting)
        self._done()
        self.negotiation.session.focus_requested.emit(self.block_id, -1)


class CommentCommand(NegotiationCommand):
    """A new comment or reply; undo takes it out."""

    def __init__(self, negotiation, comment: Comment):
        on = "a reply" if comment.reply_to else "a comment"
        super().__init__(negotiation, f"Add {on}" + (" (private)" if comment.private else ""))
        self.comment = comment
        self.stored: Comment | None = None

    def redo(self) -> None:
        if self.stored is None:
            self.stored = add_comment(self.file, self.comment)
        else:
            restore_comment(self.file, self.stored)
        self._done()

    def undo(self) -> None:
        remove_comment(self.file, self.stored.id)
        self._done()


class RevisionCommand(NegotiationCommand):
    """Create Rev.N (already made when pushed); undo takes the revision back, redo makes it again.

    `version_changed` reloads the window: a revision changes the current version, not only its amendments.
    """

    def __init__(self, negotiation, revision: Revision, accept: tuple[str, ...], version_changed,
                 date: str | None = None):
        super().__init__(negotiation, f"Create {revision.name}")
        self.revision: Revision | None = revision
        self.name = revision.name
        self.accept = accept
        self.date = date
        self._done = version_changed

    def redo(self) -> None:
        if self.revision is None:
            self.revision = create_revision(self.file, self.accept, self.name, date=self.date,
                                            actor=self.negotiation.acting)
        self._done()

    def undo(self) -> None:
        undo_revision(self.file, self.revision, actor=self.negotiation.acting)
        self.revision = None
        self._done()
