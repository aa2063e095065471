"""Small defects of the window (issue 10, item 8): where the Word-file dialog opens, what Ctrl+F finds and
where Ctrl+G lands in the markup view, the date of a revision (pytest-qt, offscreen)."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")
pytest.register_assert_rewrite("ui_support")

from PySide6.QtCore import Qt  # noqa: E402

from conftest import cli_outline  # noqa: E402
from resdesk.ui.text_view import ROW_ROLE  # noqa: E402
from test_ui_editor import activate  # noqa: E402
from ui_support import ui  # noqa: E402

pytest_plugins = ("ui_support",)  # fixtures: qt_settings, doc_path, window, negotiated, seed_window


def test_the_word_file_dialog_opens_in_the_documents_folder(seed_window, negotiated, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    asked = []
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        staticmethod(lambda parent, title, folder, kinds: asked.append(folder) or ([], "")))
    seed_window.actions["propose_from_word"].trigger()
    assert asked == [str(negotiated.parent)]


def find(qtbot, window, words: str) -> None:
    """Ctrl+F, type the words, Enter — as a user does."""
    qtbot.keyClick(window.text_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    window.find_bar.field.clear()
    qtbot.keyClicks(window.find_bar.field, words)
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Return)


def marked_pixels(view) -> int:
    from resdesk.ui.text_view import FOUND_BACKGROUND

    image = view.viewport().grab().toImage()
    return sum(1 for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)
               if image.pixelColor(x, y).rgb() == FOUND_BACKGROUND.rgb())


def test_find_in_the_markup_view_finds_proposed_words_and_marks_them_in_place(qtbot, seed_window):
    view = seed_window.text_view
    activate(qtbot, seed_window)
    find(qtbot, seed_window, "further international")  # words the European Union inserts in OP2 (a1), and the next
    assert seed_window.find_bar.count.text() == "1 of 1"
    row = view.currentIndex().data(ROW_ROLE)
    assert row.label == "OP2" and row.record is not None and "a1" in row.record.amendments()
    assert view.editor is None  # the paragraph keeps its markup
    key, start, length = view.found
    rendered = view.delegate.rendered(row).text.toPlainText()
    assert key == row.key and rendered[start:start + length] == "further international"
    assert marked_pixels(view) > 20
    find(qtbot, seed_window, "report on its technical assistance")  # Mexico's proposed new paragraph (a3)
    assert view.currentIndex().data(ROW_ROLE).record.amendment == "a3"
    find(qtbot, seed_window, "strengthenenhance")  # as it reads: G77's "enhance" after the words it deletes
    assert seed_window.find_bar.count.text() == "1 of 1"
    assert view.currentIndex().data(ROW_ROLE).label == "OP2"
    qtbot.keyClick(seed_window.find_bar.field, Qt.Key.Key_Escape)
    assert view.found is None


def test_go_to_in_the_markup_view_keeps_the_markup_and_typing_proposes(qtbot, seed_window, negotiated):
    from test_ui_editor import go_to

    ui(seed_window).toolbar.acting_as.act_as("France")
    view = seed_window.text_view
    go_to(qtbot, seed_window, "OP2")
    row = view.currentIndex().data(ROW_ROLE)
    assert row.label == "OP2" and row.record is not None
    assert view.editor is None  # still shown with the EU's and G77's proposals
    assert sorted(row.record.amendments()) == ["a1", "a7"]
    qtbot.keyClicks(view, " now")  # typing goes into the paragraph, at its end
    assert view.editor is not None and view.editor.toPlainText().endswith("; now")
    france = [a for a in cli_outline(negotiated)["amendments"] if a["author"] == "France" and a["target"] == "OP2"]
    assert len(france) == 1 and france[0]["new"].endswith("now")
