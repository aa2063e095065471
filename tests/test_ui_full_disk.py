"""The editor on a full disk (a small tmpfs): the failed write is told at once, the typing stays on screen
marked unsaved, other changes wait for it, Retry Saving writes it once space is free, Save As puts it in
the copy, closing asks, and nothing crashes."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")
pytest.register_assert_rewrite("ui_support")

from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox  # noqa: E402

from resdesk.store.documents import create_document  # noqa: E402
from test_ui_editor import go_to, on_disk  # noqa: E402
from ui_support import editor_document, open_test_window  # noqa: E402

pytest_plugins = ("ui_support", "small_disk")

OP3 = "Invites donors to support;"


@pytest.fixture
def full_window(qtbot, qt_settings, small_disk):
    """A window on a document of the small disk, OP3 being edited, and the disk then filled."""
    path = small_disk.path / "draft.resdesk"
    create_document(path, editor_document()).close()
    window = open_test_window(qtbot, path)
    go_to(qtbot, window, "OP3")
    small_disk.fill()
    yield window, path
    small_disk.free()
    if window.isVisible():
        window.close()


def type_until_refused(qtbot, window) -> str:
    """Type letters until a write fails (a WAL page already on the disk may take the first ones)."""
    typed = ""
    for char in "abcdefghijklmnopqrstuvwxyz" * 8:
        qtbot.keyClicks(window.text_view.editor, char)
        typed += char
        if window.unsaved.pending:
            return typed
    pytest.fail("the full disk took 208 keystrokes")


def unsaved_dialog(qtbot, window) -> QMessageBox:
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "unsavedDialog") is not None
                    and window.findChild(QMessageBox, "unsavedDialog").isVisible())
    return window.findChild(QMessageBox, "unsavedDialog")


def test_a_failed_keystroke_is_told_kept_on_screen_and_retried(qtbot, full_window, small_disk):
    window, path = full_window
    typed = type_until_refused(qtbot, window)
    shown = OP3 + typed
    # The screen shows every keystroke; the file holds all but the refused one, and the window says so.
    assert window.text_view.editor.toPlainText() == shown
    assert on_disk(path).block("b7").text == shown[:-1]
    assert window.unsaved.warning.isVisible() and window.unsaved.retry_button.isVisible()
    assert window.unsaved.warning.text() == "⚠ Not saved: typing in OP3"
    dialog = unsaved_dialog(qtbot, window)
    assert dialog.text().startswith("The disk holding draft.resdesk is full, so the last change was not saved; "
                                    "free some space and try again, or save the document elsewhere with Save As.")
    dialog.accept()
    # Typing on: still on screen, still unsaved, no second dialog.
    qtbot.keyClicks(window.text_view.editor, "!")
    assert window.text_view.editor.toPlainText() == shown + "!"
    assert window.session.row("b7").block.text == shown + "!"
    assert window.findChild(QMessageBox, "unsavedDialog") is None or \
        not window.findChild(QMessageBox, "unsavedDialog").isVisible()
    # Another change waits for the unsaved one (it would reload the text from the file).
    blocks = len(window.session.document.blocks)
    window.actions["add_op"].trigger()
    assert len(window.session.document.blocks) == blocks
    assert window.statusBar().currentMessage().startswith("Not done: the unsaved change must be written first")
    assert not window.history.isEnabled()
    # Moving to another paragraph keeps it on screen.
    go_to(qtbot, window, "OP1")
    assert window.session.row("b7").block.text == shown + "!"
    small_disk.free()
    window.unsaved.retry_button.click()
    assert not window.unsaved.pending and not window.unsaved.warning.isVisible() and window.history.isEnabled()
    assert on_disk(path).block("b7").text == shown + "!"
    stack = window.session.undo_stack
    while stack.canUndo():
        window.actions["undo"].trigger()
    assert on_disk(path) == editor_document()


def test_typing_once_space_is_free_writes_the_unsaved_text(qtbot, full_window, small_disk):
    window, path = full_window
    shown = OP3 + type_until_refused(qtbot, window)
    unsaved_dialog(qtbot, window).accept()
    small_disk.free()
    qtbot.keyClicks(window.text_view.editor, ".")
    assert not window.unsaved.pending
    assert on_disk(path).block("b7").text == shown + "."


def test_a_metadata_field_keeps_its_text_and_is_retried(qtbot, full_window, small_disk):
    window, path = full_window
    field = window.metadata.fields["symbol"]
    field.setFocus()
    field.end(False)
    for char in "/Rev.1" * 20:
        qtbot.keyClicks(field, char)
        if window.unsaved.pending:
            break
    assert window.unsaved.pending and window.unsaved.warning.text() == "⚠ Not saved: the symbol"
    typed = field.text()
    assert on_disk(path).meta.symbol != typed
    unsaved_dialog(qtbot, window).accept()
    small_disk.free()
    window.unsaved.retry_button.click()
    assert not window.unsaved.pending and on_disk(path).meta.symbol == typed


def test_save_as_elsewhere_takes_the_unsaved_typing(qtbot, full_window, tmp_path, monkeypatch):
    window, path = full_window
    shown = OP3 + type_until_refused(qtbot, window)
    unsaved_dialog(qtbot, window).accept()
    copy = tmp_path / "elsewhere.resdesk"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(copy), ""))
    window.actions["save_as"].trigger()
    assert on_disk(copy).block("b7").text == shown
    assert on_disk(path).block("b7").text == shown[:-1]  # the full disk's file kept its last good state
    qtbot.waitUntil(lambda: not window.isVisible())
    for other in QApplication.topLevelWidgets():
        if other.objectName() == "mainWindow" and other.isVisible():
            assert other.session.path == copy
            other.close()


def test_closing_with_unsaved_typing_asks_first(qtbot, full_window, monkeypatch):
    window, path = full_window
    type_until_refused(qtbot, window)
    unsaved_dialog(qtbot, window).accept()
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    asked = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *rest: (asked.append(text),
                                                                                    answers.pop(0))[1])
    window.close()
    assert window.isVisible() and "Typing in OP3 is not saved: The disk holding draft.resdesk is full" in asked[0]
    window.close()
    assert not window.isVisible()
