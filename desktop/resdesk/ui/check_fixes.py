"""A finding's fix applied as one undoable edit: a text edit in Edit Text mode, the acting delegation's
proposal in Propose mode (a footnote's text cannot be proposed, so its fixes need Edit Text mode).

The fix replaces characters of the text as it was checked; when that text has changed since (the
check runs after a pause), the fix is refused rather than applied to the wrong characters.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from resdesk.amend.propose import propose_from_edit
from resdesk.check.findings import Finding
from resdesk.errors import UserError
from resdesk.store import editing
from resdesk.text.inline import shift_marks
from resdesk.ui.commands import StructureCommand, TypingCommand
from resdesk.ui.negotiation_commands import ProposeTypingCommand, keep_equivalent

_CHANGED = "The text changed since it was checked; apply the fix once the check has run again."


class FixCommand(TypingCommand):
    """A fix in a paragraph: one undo step of its own, never merged with the typing around it."""

    def id(self) -> int:
        return -1


class ProposeFixCommand(ProposeTypingCommand):
    """A fix proposed by the acting delegation: one undo step of its own."""

    def id(self) -> int:
        return -1


class FootnoteFixCommand(StructureCommand):
    """A fix in a footnote's text (its marks follow the change)."""

    def __init__(self, session, footnote_id: str, text: str, marks, focus: str, title: str):
        super().__init__(session, title, focus)
        self.footnote_id = footnote_id
        self.text = text
        self.marks = marks
        self.old: editing.TextState | None = None

    def apply(self) -> None:
        self.old = editing.set_footnote_text(self.session.file, self.footnote_id, self.text, self.marks)

    def revert(self) -> None:
        editing.set_footnote_text(self.session.file, self.footnote_id, self.old.text, self.old.marks)


def fix_command(session, finding: Finding, checked: str) -> QUndoCommand:
    """The undo command that applies `finding`'s fix; `checked` is the text its offsets refer to."""
    fix = finding.fix
    title = f"Fix {finding.label or 'the text'}: {fix.describe(checked)}"
    negotiation = session.negotiation
    if finding.footnote:
        if negotiation.proposing:
            raise UserError("A footnote cannot be proposed: switch to Edit Text mode to fix it.")
        note = session.document.footnotes[finding.footnote]
        if note.text != checked:
            raise UserError(_CHANGED)
        marks = shift_marks(note.marks, fix.start, fix.end - fix.start, len(fix.text))
        return FootnoteFixCommand(session, note.id, fix.apply(note.text), marks, finding.block, title)
    block = session.row(finding.block).block
    if negotiation.proposing:
        if not negotiation.acting:
            raise UserError("Choose in whose name you propose (Acting as) before proposing a fix.")
        if negotiation.proposed_text(block.id) != checked:
            raise UserError(_CHANGED)
        wanted = propose_from_edit(negotiation.document, negotiation.acting, block.id, fix.apply(checked))
        current = negotiation.own_replacements(block.id)
        command = ProposeFixCommand(negotiation, block.id, current, keep_equivalent(block.text, current, wanted))
        command.setText(f"Propose: {title}")
        return command
    if block.text != checked:
        raise UserError(_CHANGED)
    marks = shift_marks(block.marks, fix.start, fix.end - fix.start, len(fix.text))
    command = FixCommand(session, block.id, editing.TextState(block.text, list(block.marks)),
                         editing.TextState(fix.apply(block.text), marks), fix.start + len(fix.text),
                         from_editor=False)
    command.setText(title)
    return command
