"""Undo commands that cannot break the window: a step that fails leaves the file and the stack as they were.

Qt calls `redo` and `undo` from C++ (pushing, Ctrl+Z, a click in the history), where an exception
cannot be seen by the caller: Qt would keep a command whose `redo` was refused, and undo it later
from a state it never had. So:

- every command derives from `Command`, whose subclasses' `redo` and `undo` are wrapped: they never
  raise, they record what happened in the journal of their `UndoStack`;
- `UndoStack.push` runs the first `redo` itself, before Qt sees the command: a refusal or a failed
  write is reported (`failed`) and nothing is pushed (the redo history stays too);
- after any move of the index (undo, redo, a jump in the history) the stack reads its journal: when a
  step failed, the steps after it in the same move were not run, and the stack goes back to where it
  was, undoing again only the steps that were done.

Each step is one transaction of the document file, so a failed step changed nothing there.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from resdesk.errors import UserError
from resdesk.ui.guard import guard_overrides, mark_guarded, report

DONE = "done"
SKIPPED = "skipped"


class Command(QUndoCommand):
    """Base of every undo command of the window; see the module's docstring."""

    _stack: UndoStack | None = None  # the stack it was pushed on (set by `UndoStack.push`)
    _skip = False  # the stack replays a step whose effect is already in place, or never was: do nothing

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        for name in ("redo", "undo"):
            if name in vars(cls):
                setattr(cls, name, _step(vars(cls)[name]))
        guard_overrides(cls)  # mergeWith, id: an exception is reported, Qt's answer (no merge, no id) used


def _step(method):
    @functools.wraps(method)
    def step(self) -> None:
        stack = self._stack
        if self._skip or (stack is not None and stack.halted):
            self._skip = False
            if stack is not None:
                stack.record(self, SKIPPED)
            return
        try:
            method(self)
        except Exception as error:
            if stack is None:
                report(error)
            else:
                stack.record(self, error)
            return
        if stack is not None:
            stack.record(self, DONE)

    return mark_guarded(step)


@guard_overrides
class UndoStack(QUndoStack):
    """A QUndoStack whose commands' failures leave it as it was and are reported through `failed`."""

    # The exception, and the command whose push it stopped (None when an undo, redo or jump failed).
    failed = Signal(object, object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._journal: dict[int, tuple[Command, object]] = {}
        self._settling = False
        self._index = 0
        self.halted = False  # a step of the move under way failed: the later ones are not run
        # Asked before a command is pushed, or the stack moved by `undo`/`redo`: a sentence holds it back (the
        # window holds changes back while an earlier one waits to be written, see resdesk.ui.unsaved).
        self.gate: Callable[[Command | None], str | None] = lambda command: None
        self.indexChanged.connect(self._settle)

    def record(self, command: Command, outcome) -> None:
        """What a step did in the move under way: DONE, SKIPPED or the exception it raised."""
        previous = self._journal.get(id(command))
        if previous is None or not isinstance(previous[1], Exception):
            self._journal[id(command)] = (command, outcome)
        if isinstance(outcome, Exception):
            self.halted = True

    def push(self, command: Command) -> bool:  # noqa: D401 - Qt's name
        """Apply `command` and put it on the stack; False (and `failed` emitted) when it could not be applied."""
        failure = self.attempt(command)
        if failure is not None:
            self.failed.emit(failure, command)
        return failure is None

    def attempt(self, command: Command) -> Exception | None:
        """Like `push`, but the exception that stopped the command is returned to the caller, who tells the
        user (None when it was applied)."""
        held_back = self.gate(command)
        if held_back:
            return UserError(held_back)
        command._stack = self
        self._forget()
        command.redo()
        failure = self._failure()
        self._forget()
        if failure is not None:
            return failure[1]
        command._skip = True  # applied already: the redo Qt runs when pushing does nothing
        super().push(command)
        command._skip = False
        return None

    def undo(self) -> None:
        if self._may_move():
            super().undo()

    def redo(self) -> None:
        if self._may_move():
            super().redo()

    def _may_move(self) -> bool:
        held_back = self.gate(None)
        if held_back:
            self.failed.emit(UserError(held_back), None)
        return not held_back

    def _forget(self) -> None:
        self._journal.clear()
        self.halted = False

    def _failure(self) -> tuple[Command, Exception] | None:
        return next(((command, outcome) for command, outcome in self._journal.values()
                     if isinstance(outcome, Exception)), None)

    def _settle(self, index: int) -> None:
        """After the index moved: if a step failed, move back without running again what did not run."""
        if self._settling:
            return
        failure = self._failure()
        if failure is not None:
            journal = list(self._journal.values())
            self._forget()
            self._settling = True
            try:
                for command, outcome in journal:
                    command._skip = outcome != DONE
                QUndoStack.setIndex(self, self._index)
            finally:
                for command, _outcome in journal:
                    command._skip = False
                self._settling = False
            self.failed.emit(failure[1], None)
        self._forget()
        self._index = self.index()
