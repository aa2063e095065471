"""The window under faults: refusals and failed steps inside undo commands, exceptions in paints and menu
actions. Each is told to the user and leaves the undo stack and the file as they were; nothing escapes
into Qt (pytest-qt fails a test when something does)."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")
pytest.register_assert_rewrite("ui_support")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402

from resdesk.errors import DocumentWriteError  # noqa: E402
from resdesk.store import editing  # noqa: E402
from test_ui_editor import go_to, labels, on_disk  # noqa: E402
from ui_support import editor_document  # noqa: E402

pytest_plugins = ("ui_support",)  # fixtures: qt_settings, doc_path, window


def problem_dialogs(window) -> list[str]:
    return [box.text() for box in window.findChildren(QMessageBox, "problemDialog")]


def test_a_refused_outdent_then_undo_is_told_and_does_not_crash(qtbot, window, doc_path):
    """Ctrl+G OP1, Shift+Tab (OP1 cannot move out), Ctrl+Z: the editor died of a segmentation fault."""
    go_to(qtbot, window, "OP1")
    qtbot.keyClick(window.text_view.editor, Qt.Key.Key_Backtab)
    assert window.statusBar().currentMessage() == "Only a sub-paragraph can be moved out one level."
    assert window.session.undo_stack.count() == 0
    qtbot.keyClick(window.text_view.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(50)
    assert window.session.undo_stack.count() == 0
    assert on_disk(doc_path) == editor_document()
    qtbot.keyClicks(window.text_view.editor, "!")  # the window goes on working
    assert on_disk(doc_path).block("b5").text.endswith("!")


def test_a_refusal_keeps_the_redo_history(qtbot, window):
    go_to(qtbot, window, "OP2")
    window.actions["indent"].trigger()
    window.actions["undo"].trigger()
    assert window.session.undo_stack.canRedo()
    go_to(qtbot, window, "OP1")
    window.actions["outdent"].trigger()  # refused
    assert window.session.undo_stack.canRedo()


def failing(monkeypatch, module, name: str, error: Exception):
    """Make `module.name` raise `error` until the returned function is called."""
    original = getattr(module, name)

    def fail(*args, **kwargs):
        raise error

    monkeypatch.setattr(module, name, fail)
    return lambda: monkeypatch.setattr(module, name, original)


def test_an_undo_step_that_fails_leaves_the_stack_where_it_was(qtbot, window, doc_path, monkeypatch):
    go_to(qtbot, window, "OP2")
    window.actions["indent"].trigger()
    assert labels(window)["OP1 (a)"] == "b6"
    restore = failing(monkeypatch, editing, "restore_structure",
                      DocumentWriteError("draft.resdesk could not be written (a disk input/output error)."))
    window.actions["undo"].trigger()
    stack = window.session.undo_stack
    assert stack.index() == 1 and stack.canUndo()
    assert labels(window)["OP1 (a)"] == "b6" and on_disk(doc_path).block("b6").kind == "subparagraph"
    qtbot.waitUntil(lambda: problem_dialogs(window) != [])
    assert "could not be written" in problem_dialogs(window)[0]
    restore()
    window.actions["undo"].trigger()
    assert stack.index() == 0 and on_disk(doc_path) == editor_document()


def test_a_jump_in_the_history_stops_at_a_failing_step_and_goes_back(qtbot, window, doc_path, monkeypatch):
    go_to(qtbot, window, "OP2")
    window.actions["indent"].trigger()
    go_to(qtbot, window, "OP5")  # was OP6
    window.actions["toggle_kind"].trigger()
    go_to(qtbot, window, "PP3")
    window.actions["toggle_kind"].trigger()
    stack = window.session.undo_stack
    assert stack.index() == 3
    after = on_disk(doc_path)
    restore = failing(monkeypatch, editing, "restore_structure", DocumentWriteError("The disk is full."))
    history = window.history
    history.selectionModel().setCurrentIndex(history.model().index(0, 0),
                                             history.selectionModel().SelectionFlag.ClearAndSelect)
    # The third step was undone, the second failed, the first was not run: the stack went back to 3.
    assert stack.index() == 3 and on_disk(doc_path) == after
    restore()
    stack.setIndex(0)
    assert on_disk(doc_path) == editor_document()


def test_a_macro_whose_second_step_fails_is_not_half_made(qtbot, window, doc_path, monkeypatch):
    """Dropping a PP among the OPs is a move and a change of kind in one step."""
    from resdesk.ui.commands import MoveBlockCommand, SetKindCommand

    stack = window.session.undo_stack
    restore = failing(monkeypatch, editing, "set_kind", DocumentWriteError("The disk is full."))
    stack.beginMacro("Move PP1")
    stack.push(MoveBlockCommand(window.session, "b2", 4, "Move PP1"))
    stack.push(SetKindCommand(window.session, "b2", "operative"))
    stack.endMacro()
    restore()
    assert stack.count() == 1  # the move alone: the failed change of kind was not pushed, and was said
    stack.undo()
    assert on_disk(doc_path) == editor_document()


def test_an_exception_in_a_paint_is_reported_once_and_the_window_keeps_working(qtbot, window, monkeypatch):
    from resdesk.ui import text_view

    monkeypatch.setattr(text_view, "LABEL_COLOR", object())  # QPainter.setPen refuses it: a TypeError
    for _ in range(3):
        window.text_view.viewport().repaint()
    qtbot.waitUntil(lambda: problem_dialogs(window) != [])
    assert len(problem_dialogs(window)) == 1
    assert problem_dialogs(window)[0].startswith("Something went wrong inside Resolution Desk (TypeError")
    monkeypatch.undo()
    window.findChild(QMessageBox, "problemDialog").accept()
    window.text_view.viewport().repaint()
    go_to(qtbot, window, "OP3")
    qtbot.keyClicks(window.text_view.editor, "?")
    assert window.session.row("b7").block.text.endswith("?")


def test_an_exception_in_a_menu_action_is_reported(qtbot, window, monkeypatch):
    from resdesk.ui import main_window

    monkeypatch.setattr(main_window, "neighbour_position", lambda *args: 1 / 0)
    go_to(qtbot, window, "OP2")
    window.actions["move_up"].trigger()
    qtbot.waitUntil(lambda: problem_dialogs(window) != [])
    assert "ZeroDivisionError" in problem_dialogs(window)[0]


def test_a_refused_proposal_inside_its_command_is_told(qtbot, window, monkeypatch):
    """The negotiation's commands are guarded too: a refusal from the store inside redo is a status message."""
    from resdesk.errors import UserError
    from resdesk.model.amendment import Amendment
    from resdesk.ui import negotiation_commands

    window.session.negotiation.set_acting("Mexico")
    failing(monkeypatch, negotiation_commands, "add_amendment", UserError("That paragraph is gone."))
    command = negotiation_commands.ProposeCommand(
        window.session.negotiation, [Amendment("", "original", "Mexico", "delete-block", "b6")], "Propose")
    assert window.session.undo_stack.push(command) is False
    assert window.statusBar().currentMessage() == "That paragraph is gone."
    assert window.session.undo_stack.count() == 0


def test_deleting_the_paragraph_being_edited_at_the_end_reports_nothing(qtbot, window):
    """Closing the editor at a reset asked Qt for the flags of a row the shorter list no longer had."""
    go_to(qtbot, window, "OP6")
    window.actions["delete"].trigger()
    window.actions["undo"].trigger()
    go_to(qtbot, window, "OP6")
    window.actions["delete"].trigger()
    qtbot.wait(20)
    assert problem_dialogs(window) == []
    assert "OP6" not in labels(window)
