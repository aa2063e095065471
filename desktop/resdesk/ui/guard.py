"""Nothing escapes a Qt callback (design invariant 9).

PySide prints an exception raised in a Python override of a C++ virtual method (`paintEvent`, `data`,
an undo command's `redo`…) and carries on with a made-up result; Qt then works on a half-made state
and the window can die (a refused outdent inside an undo command, then Ctrl+Z: a segmentation fault).
So every way Qt calls into our code is guarded, and every exception reaches the user through `report`:

- `guard_overrides`, a class decorator, wraps each Qt method a class overrides: an exception is
  reported and Qt's own implementation answers instead (a widget paints as a plain one would);
- undo commands derive from `resdesk.ui.undo.Command`: the `UndoStack` runs their steps so that a
  failed one leaves the stack and the file as they were, and reports it;
- `install_excepthook` reports what escapes a slot (a menu action, a signal's handler).

`report` hands the exception to the window that owns the object (its `show_problem`), which shows a
refusal in the status bar and anything else in a dialog opened after the callback returned.
"""

from __future__ import annotations

import functools
import inspect
import sys
import traceback

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

# What a guarded override answers when it failed and Qt has no implementation of its own to ask.
_PURE_VIRTUAL_ANSWERS = {"rowCount": 0, "columnCount": 0, "data": None, "index": None, "parent": None}


def report(error: BaseException, where: object = None) -> None:
    """Show `error` to the user: through the window that owns `where`, else the active one, else stderr."""
    show = _problem_handler(where)
    if show is None:
        traceback.print_exception(error, file=sys.stderr)
        return
    try:
        show(error)
    except Exception:  # reporting must never be what breaks the window
        traceback.print_exception(error, file=sys.stderr)


def _problem_handler(where: object):
    candidate = where if isinstance(where, QObject) else None
    while candidate is not None:
        show = getattr(candidate, "show_problem", None)
        if callable(show):
            return show
        candidate = candidate.parent()
    app = QApplication.instance()
    window = app.activeWindow() if isinstance(app, QApplication) else None
    return getattr(window, "show_problem", None)


def guard_overrides(cls: type) -> type:
    """Class decorator: every Qt method `cls` overrides reports its exceptions instead of letting them out."""
    qt_bases = [base for base in cls.__mro__[1:] if base.__module__.startswith("PySide6.")]
    for name, method in list(vars(cls).items()):
        if name.startswith("__") or not inspect.isfunction(method) or is_guarded(method):
            continue
        if any(hasattr(base, name) for base in qt_bases):
            setattr(cls, name, _guarded(cls, name, method))
    return cls


def is_guarded(method) -> bool:
    return getattr(method, "guarded", False)


def mark_guarded(function):
    function.guarded = True
    return function


def _guarded(cls: type, name: str, method):
    @functools.wraps(method)
    def call(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except Exception as error:
            report(error, self)
        try:
            return getattr(super(cls, self), name)(*args, **kwargs)
        except Exception:  # a pure virtual method of Qt: nothing to ask
            return _PURE_VIRTUAL_ANSWERS.get(name)

    return mark_guarded(call)


def call_reporting(function, where: object = None):
    """Call `function()` from a slot (a menu action, a button): an exception is reported, not let out."""
    try:
        return function()
    except Exception as error:
        report(error, where)
        return None


def install_excepthook() -> None:
    """Report exceptions that escape a slot (PySide hands them to `sys.excepthook`) instead of only printing."""
    def hook(kind, error, trace):
        if error is None or not isinstance(error, Exception):
            sys.__excepthook__(kind, error, trace)
            return
        report(error.with_traceback(trace))

    sys.excepthook = hook
