"""Nothing escapes a Qt callback: every override of a Qt method is guarded, every undo command is one step
that leaves the stack as it was when it fails, and the window reports instead of dying."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

pytest.importorskip("PySide6")

import resdesk.ui  # noqa: E402
from resdesk.ui.guard import is_guarded  # noqa: E402
from resdesk.ui.undo import Command  # noqa: E402


def qt_overrides():
    """(class, method name) of every Qt method a class of resdesk.ui overrides."""
    for info in pkgutil.walk_packages(resdesk.ui.__path__, "resdesk.ui."):
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ != module.__name__:
                continue
            qt_bases = [base for base in cls.__mro__[1:] if base.__module__.startswith("PySide6.")]
            for name, member in vars(cls).items():
                if not name.startswith("__") and inspect.isfunction(member) \
                        and any(hasattr(base, name) for base in qt_bases):
                    yield cls, name


def test_every_override_of_a_qt_method_is_guarded():
    found = list(qt_overrides())
    assert len(found) > 40  # paint, data, sizeHint, keyPressEvent, redo, undo…
    unguarded = [f"{cls.__module__}.{cls.__name__}.{name}" for cls, name in found
                 if not is_guarded(vars(cls)[name])]
    assert unguarded == []


def test_every_undo_command_is_a_guarded_command():
    from PySide6.QtGui import QUndoCommand

    commands = {cls for cls, _ in qt_overrides() if issubclass(cls, QUndoCommand)}
    assert len(commands) >= 10
    assert all(issubclass(cls, Command) for cls in commands)
