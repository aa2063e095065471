"""The editor window (pytest-qt, offscreen): editing, structure, undo, persistence, go-to, find, read-only."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

pytest.importorskip("PySide6")
pytest.register_assert_rewrite("ui_support")

from PySide6.QtCore import QMimeData, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from resdesk.model.document import OPERATIVE, PREAMBULAR, SUBPARAGRAPH  # noqa: E402
from resdesk.store.docfile import DocumentFile  # noqa: E402
from resdesk.store.documents import load  # noqa: E402
from ui_support import editor_document, open_test_window  # noqa: E402

pytest_plugins = ("ui_support",)  # fixtures: qt_settings, doc_path, window


def on_disk(path):
    """The text as another reader of the file sees it right now."""
    with DocumentFile.open(path, readonly=True) as reader:
        return load(reader)


def labels(window) -> dict[str, str]:
    return {label: block_id for block_id, label in window.session.labels().items() if label}


def go_to(qtbot, window, label: str) -> None:
    """Ctrl+G, type the label, Enter — as a user does."""
    def answer():
        dialog = QApplication.activeModalWidget()
        assert dialog is not None and dialog.objectName() == "goToDialog"
        qtbot.keyClicks(dialog.field, label)
        qtbot.keyClick(dialog.field, Qt.Key.Key_Return)

    activate(qtbot, window)
    QTimer.singleShot(0, answer)
    qtbot.keyClick(window.text_view, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    activate(qtbot, window)


def activate(qtbot, window) -> None:
    """Shortcuts go to the active window; offscreen, a closed dialog does not give activation back."""
    qtbot.wait(1)  # a closed dialog is deleted once the event loop runs
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def test_go_to_selects_the_paragraph_with_the_cursor_at_the_end(qtbot, window):
    go_to(qtbot, window, "op5 (a)")
    assert window.text_view.current_block_id() == "b20"
    editor = window.text_view.editor
    assert QApplication.focusWidget() is editor
    assert editor.textCursor().atEnd()
    assert editor.toPlainText() == "To report;"


def test_go_to_refuses_an_unknown_label(qtbot, window):
    from resdesk.ui.goto_dialog import GoToDialog

    dialog = GoToDialog(window.session.labels(), window)
    dialog.field.setText("OP99")
    dialog.accept()
    assert dialog.result() == 0 and "no paragraph OP99" in dialog.message.text()


def test_typing_is_on_disk_at_once_and_one_undo_removes_it(qtbot, window, doc_path):
    go_to(qtbot, window, "OP3")
    qtbot.keyClicks(window.text_view.editor, " with urgency")
    assert on_disk(doc_path).block("b7").text == "Invites donors to support; with urgency"
    assert window.session.undo_stack.count() == 1  # the keystrokes merged into one step
    qtbot.keyClick(window.text_view.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert on_disk(doc_path).block("b7").text == "Invites donors to support;"
    assert window.text_view.editor.toPlainText() == "Invites donors to support;"
    qtbot.keyClick(window.text_view.editor, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert on_disk(doc_path).block("b7").text == "Invites donors to support; with urgency"
    qtbot.keyClick(window.text_view.editor, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.session.undo_stack.canRedo() is False


def test_typing_in_another_paragraph_is_another_undo_step(qtbot, window):
    go_to(qtbot, window, "OP1")
    qtbot.keyClicks(window.text_view.editor, " now")
    go_to(qtbot, window, "OP2")
    qtbot.keyClicks(window.text_view.editor, " now")
    assert window.session.undo_stack.count() == 2
    window.actions["undo"].trigger()
    assert window.session.row("b6").block.text == "Encourages cooperation;"
    assert window.session.row("b5").block.text == "Calls upon Member States to act; now"


def test_footnote_marker_survives_typing_around_it(qtbot, window, doc_path):
    go_to(qtbot, window, "PP2")
    editor = window.text_view.editor
    assert editor.toPlainText().endswith("\ufffc")  # the footnote marker object
    qtbot.keyClick(editor, Qt.Key.Key_Home)
    qtbot.keyClicks(editor, "Also ")
    block = on_disk(doc_path).block("b3")
    assert block.text == "Also Reaffirming the Sendai Framework,"
    assert [(m.start, m.target) for m in block.marks if m.kind == "footnote"] == [(len(block.text), "f1")]


def test_add_paragraphs_after_the_current_one(qtbot, window, doc_path):
    go_to(qtbot, window, "OP5")
    window.actions["add_op"].trigger()
    assert labels(window)["OP6"] == window.text_view.current_block_id()  # after OP5 and its sub-paragraphs
    qtbot.keyClicks(window.text_view.editor, "Welcomes the report;")
    new_id = window.text_view.current_block_id()
    assert on_disk(doc_path).block(new_id).text == "Welcomes the report;"
    go_to(qtbot, window, "PP1")
    window.actions["add_pp"].trigger()
    assert labels(window)["PP2"] == window.text_view.current_block_id()
    go_to(qtbot, window, "OP5 (b)")
    window.actions["add_sub"].trigger()
    assert labels(window)["OP5 (c)"] == window.text_view.current_block_id()
    assert [b.kind for b in on_disk(doc_path).blocks].count(SUBPARAGRAPH) == 3


def test_enter_adds_a_paragraph_of_the_same_kind(qtbot, window):
    go_to(qtbot, window, "PP3")
    qtbot.keyClick(window.text_view.editor, Qt.Key.Key_Return)
    assert window.text_view.current_block_id() == labels(window)["PP4"]
    assert window.session.row(labels(window)["PP4"]).block.text == ""


def test_delete_move_kind_and_levels_renumber_at_once(qtbot, window, doc_path):
    go_to(qtbot, window, "OP2")
    window.actions["delete"].trigger()
    assert labels(window)["OP2"] == "b7"
    assert "b6" not in [b.id for b in on_disk(doc_path).blocks]
    window.actions["undo"].trigger()
    assert labels(window)["OP2"] == "b6"

    go_to(qtbot, window, "OP5")
    window.actions["move_up"].trigger()
    assert labels(window)["OP4"] == "b9" and labels(window)["OP4 (a)"] == "b20"
    window.actions["move_down"].trigger()
    assert labels(window)["OP5"] == "b9"

    go_to(qtbot, window, "PP3")
    window.actions["toggle_kind"].trigger()
    assert on_disk(doc_path).block("b4").kind == OPERATIVE

    go_to(qtbot, window, "OP3")  # PP3 is OP1 now: OP3 is b6
    window.actions["indent"].trigger()
    assert labels(window)["OP2 (a)"] == "b6"
    window.actions["outdent"].trigger()
    assert labels(window)["OP3"] == "b6"

    stack = window.session.undo_stack
    while stack.canUndo():
        stack.undo()
    assert on_disk(doc_path) == editor_document()


def test_tab_in_the_text_indents(qtbot, window):
    go_to(qtbot, window, "OP2")
    qtbot.keyClick(window.text_view.editor, Qt.Key.Key_Tab)
    assert labels(window)["OP1 (a)"] == "b6"
    qtbot.keyClick(window.text_view.editor, Qt.Key.Key_Backtab)
    assert labels(window)["OP2"] == "b6"


def drop(model, block_id: str, parent_item, row: int) -> bool:
    from resdesk.ui.outline_panel import MIME_TYPE

    data = QMimeData()
    data.setData(MIME_TYPE, block_id.encode())
    return model.dropMimeData(data, Qt.DropAction.MoveAction, row, 0, parent_item.index())


def test_drag_and_drop_in_the_outline_moves_paragraphs(qtbot, window, doc_path):
    model = window.outline.model_
    operative = model.invisibleRootItem().child(1)
    assert drop(model, "b5", operative, operative.rowCount())  # OP1 to the end of the operative part
    qtbot.wait(10)
    assert labels(window)["OP6"] == "b5"
    assert [b.id for b in on_disk(doc_path).blocks][-1] == "b5"
    # A preambular paragraph dropped among the operative ones becomes operative, in one undo step.
    operative = model.invisibleRootItem().child(1)
    assert drop(model, "b2", operative, 0)
    qtbot.wait(10)
    assert labels(window)["OP1"] == "b2" and on_disk(doc_path).block("b2").kind == OPERATIVE
    window.session.undo_stack.undo()
    assert on_disk(doc_path).block("b2").kind == PREAMBULAR and labels(window)["PP1"] == "b2"
    window.session.undo_stack.undo()
    assert on_disk(doc_path) == editor_document()


def test_outline_refuses_a_sub_paragraph_outside_its_parent(qtbot, window):
    model = window.outline.model_
    assert not drop(model, "b20", model.invisibleRootItem().child(0), 0)


def test_outline_follows_typing(qtbot, window):
    go_to(qtbot, window, "OP1")
    editor = window.text_view.editor
    editor.selectAll()
    qtbot.keyClicks(editor, "Urges everyone")
    assert window.outline.model_.items["b5"].text() == "OP1  Urges everyone"


def test_edits_persist_after_closing_and_reopening(qtbot, qt_settings, doc_path):
    first = open_test_window(qtbot, doc_path)
    go_to(qtbot, first, "OP6")
    qtbot.keyClicks(first.text_view.editor, " Again.")
    first.actions["add_op"].trigger()
    qtbot.keyClicks(first.text_view.editor, "Decides to close.")
    before = first.session.document
    first.close()
    assert on_disk(doc_path) == before
    second = open_test_window(qtbot, doc_path)
    assert second.session.row(labels(second)["OP7"]).block.text == "Decides to close."
    assert second.session.row("b10").block.text == "Decides to remain seized of the matter. Again."
    second.close()


def test_find_selects_each_match_in_turn(qtbot, window):
    activate(qtbot, window)
    qtbot.keyClick(window.text_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible() and QApplication.focusWidget() is window.find_bar.field
    qtbot.keyClicks(window.find_bar.field, "invites")
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Return)
    assert window.text_view.current_block_id() == "b7"
    assert window.text_view.editor.textCursor().selectedText() == "Invites"
    assert window.find_bar.count.text() == "1 of 2"
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Return)
    assert window.text_view.current_block_id() == "b8"
    assert window.text_view.editor.textCursor().selectedText() == "invites"
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()


def test_metadata_edit_goes_through_undo(qtbot, window, doc_path):
    field = window.metadata.fields["symbol"]
    field.selectAll()
    qtbot.keyClicks(field, "A/C.2/81/L.7/Rev.1")
    assert on_disk(doc_path).meta.symbol == "A/C.2/81/L.7/Rev.1"
    assert window.session.undo_stack.count() == 1
    window.actions["undo"].trigger()
    assert on_disk(doc_path).meta.symbol == "A/C.2/81/L.7"
    assert field.text() == "A/C.2/81/L.7"
    sponsors = window.metadata.fields["sponsors"]
    sponsors.setFocus()
    sponsors.end(False)
    qtbot.keyClicks(sponsors, ", Norway")
    assert on_disk(doc_path).meta.sponsors == ["Fiji", "Ghana", "Norway"]


def test_a_second_window_on_the_same_file_is_read_only(qtbot, window, doc_path):
    second = open_test_window(qtbot, doc_path)
    assert second.session.readonly and "read-only" in second.windowTitle()
    assert "read-only" not in window.windowTitle()
    assert second.text_view.editor.isReadOnly()
    assert not second.actions["add_op"].isEnabled() and not second.actions["delete"].isEnabled()
    go_to(qtbot, window, "OP1")
    qtbot.keyClicks(window.text_view.editor, "!")
    assert on_disk(doc_path).block("b5").text.endswith("!")
    second.close()


def test_a_document_locked_by_another_process_opens_read_only(qtbot, qt_settings, doc_path):
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, time
            from resdesk.store.docfile import DocumentFile
            doc = DocumentFile.open({str(doc_path)!r})
            print("locked", flush=True)
            sys.stdin.readline()
            doc.close()
        """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        window = open_test_window(qtbot, doc_path)
        assert window.session.readonly and window.windowTitle().startswith("draft.resdesk (read-only)")
        window.close()
    finally:
        holder.communicate("\n", timeout=30)


def test_a_locked_document_tells_the_user(qtbot, qt_settings, doc_path, monkeypatch):
    from resdesk.ui import app

    told = []
    monkeypatch.setattr(app, "tell_read_only", lambda parent, sentence: told.append(sentence))
    first = app.open_window(str(doc_path), restore=False)
    second = app.open_window(str(doc_path), restore=False)
    assert told and "open in another window or process" in told[0]
    assert second.session.readonly
    second.close()
    first.close()


@pytest.mark.parametrize("content, expected", [
    (b"\x00not a document", "not a Resolution Desk document"),
    (None, "does not exist"),
])
def test_bad_files_are_one_sentence_in_a_dialog(qtbot, qt_settings, tmp_path, monkeypatch, content, expected):
    from resdesk.ui import app

    shown = []
    monkeypatch.setattr(app, "show_error", lambda parent, sentence: shown.append(sentence))
    path = tmp_path / "broken.resdesk"
    if content is not None:
        path.write_bytes(content)
    assert app.open_window(str(path)) is None
    assert len(shown) == 1 and expected in shown[0]


def test_a_newer_document_is_refused_in_a_dialog(qtbot, qt_settings, doc_path, monkeypatch):
    import sqlite3

    from resdesk.ui import app

    conn = sqlite3.connect(doc_path)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    shown = []
    monkeypatch.setattr(app, "show_error", lambda parent, sentence: shown.append(sentence))
    assert app.open_window(str(doc_path)) is None
    assert "newer version" in shown[0]


def test_every_widget_a_user_works_with_has_names(qtbot, window):
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QDockWidget, QLineEdit, QTextEdit

    go_to(qtbot, window, "OP1")
    window.find_bar.open()
    window.panels["amendments"].show()  # hidden until the document has an amendment
    interactive = (QAbstractButton, QAbstractItemView, QLineEdit, QTextEdit, QDockWidget)
    missing = []
    for widget in [w for kind in interactive for w in window.findChildren(kind)]:
        if widget.objectName().startswith("qt_") or not widget.isVisibleTo(window):
            continue  # Qt's own parts (dock title buttons…) carry Qt's accessible names
        if not widget.objectName() or not widget.accessibleName():
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    assert not missing, missing
    assert window.objectName() and window.accessibleName()
    for action in window.actions:
        assert action.objectName().startswith("action_")


def test_every_action_is_in_a_menu_with_its_shortcut(window):
    in_menus = {action for menu in window.menus.values() for action in menu.actions()}
    for action in window.actions:
        assert action in in_menus, action.objectName()
    assert window.actions["quit"].shortcut().toString() == "Ctrl+Q"
    assert window.actions["go_to"].shortcut().toString() == "Ctrl+G"
    redo = [key.toString() for key in window.actions["redo"].shortcuts()]
    assert "Ctrl+Shift+Z" in redo and "Ctrl+Y" in redo


def test_geometry_and_recent_files_are_remembered(qtbot, qt_settings, doc_path):
    from PySide6.QtCore import QSettings

    from resdesk.ui.settings import recent_files

    window = open_test_window(qtbot, doc_path)
    window.resize(700, 500)
    qtbot.waitUntil(lambda: window.width() == 700)
    window.close()
    assert QSettings().value("window/geometry") is not None
    assert recent_files()[0] == str(doc_path.resolve())
    from resdesk.ui.app import open_window

    again = open_window(str(doc_path))
    assert (again.width(), again.height()) == (700, 500)
    again.close()


def test_insert_and_edit_footnotes(qtbot, window, doc_path, monkeypatch):
    from PySide6.QtWidgets import QDialog, QInputDialog

    from resdesk.ui import main_window

    go_to(qtbot, window, "OP1")
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("A/81/100.", True))
    window.actions["add_footnote"].trigger()
    block = on_disk(doc_path).block("b5")
    anchors = [m for m in block.marks if m.kind == "footnote"]
    assert len(anchors) == 1 and anchors[0].start == len(block.text)
    note_id = anchors[0].target
    assert on_disk(doc_path).footnotes[note_id].text == "A/81/100."
    assert window.session.row("b5").notes == (("2", "A/81/100."),)  # numbered after PP2's footnote

    class Answer(main_window.FootnoteDialog):
        def exec(self):
            self.fields[note_id].setText("A/81/101.")
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr(main_window, "FootnoteDialog", Answer)
    window.actions["edit_footnotes"].trigger()
    assert on_disk(doc_path).footnotes[note_id].text == "A/81/101."
    window.actions["undo"].trigger()
    assert on_disk(doc_path).footnotes[note_id].text == "A/81/100."
    window.actions["undo"].trigger()
    assert not [m for m in on_disk(doc_path).block("b5").marks if m.kind == "footnote"]


def test_save_as_copies_and_continues_in_the_copy(qtbot, window, doc_path, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from resdesk.ui import app

    go_to(qtbot, window, "OP1")
    qtbot.keyClicks(window.text_view.editor, " at once")
    target = tmp_path / "copy.resdesk"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    window.actions["save_as"].trigger()
    assert on_disk(target).block("b5").text == "Calls upon Member States to act; at once"
    copy = [w for w in app._windows if w.session.path == target]
    assert copy and not copy[0].session.readonly and copy[0].windowTitle().startswith("copy.resdesk")
    qtbot.addWidget(copy[0])
    copy[0].close()


def test_deleting_a_footnote_marker_while_typing_keeps_the_cursor(qtbot, window, doc_path):
    go_to(qtbot, window, "PP2")
    editor = window.text_view.editor
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)  # the marker at the end
    assert not [m for m in on_disk(doc_path).block("b3").marks if m.kind == "footnote"]
    editor = window.text_view.editor
    assert editor is not None and editor.block_id == "b3" and editor.hasFocus()
    qtbot.keyClicks(editor, " and more")
    assert on_disk(doc_path).block("b3").text == "Reaffirming the Sendai Framework, and more"
    window.actions["undo"].trigger()
    window.actions["undo"].trigger()
    assert on_disk(doc_path) == editor_document()


def test_a_paragraph_growing_by_lines_never_covers_the_next_one(qtbot, window):
    """A new line goes into the spare line below the paragraph at once (the list is laid out again when
    typing pauses); text that outgrows it makes the list lay out again straight after the repaint."""
    view = window.text_view
    go_to(qtbot, window, "OP2")
    editor = view.editor
    below = view.model().index(view.currentIndex().row() + 1)
    below_top = view.visualRect(below).top()

    def clear_of_the_next_row() -> bool:
        return view.visualRect(below).top() > editor.geometry().bottom()

    start = editor.document().size().height()
    while editor.document().size().height() == start:
        qtbot.keyClicks(editor, "more words ")
    assert clear_of_the_next_row()
    assert view.visualRect(below).top() == below_top  # it fitted the spare line: no relayout yet
    qtbot.waitUntil(lambda: view.visualRect(below).top() > below_top)  # the pause's relayout gives a new one
    editor.insertPlainText(" and a long passage pasted in" * 30)
    qtbot.waitUntil(clear_of_the_next_row)
    assert view.visualRect(below).top() - editor.geometry().bottom() >= view.editor_slack
