"""A document that cannot be written where it is (a read-only folder, here a read-only mount) or whose schema
another program changed: the window opens it read-only with a banner that says why (and offers Save As where
a copy can be changed); the command line refuses to write in one sentence and reads it as usual."""

from __future__ import annotations

import sqlite3

import pytest

pytest.importorskip("PySide6")
pytest.register_assert_rewrite("ui_support")

from PySide6.QtWidgets import QApplication, QFileDialog  # noqa: E402

from resdesk.cli import main  # noqa: E402
from resdesk.store.documents import create_document  # noqa: E402
from test_ui_editor import on_disk  # noqa: E402
from ui_support import editor_document, open_test_window  # noqa: E402

pytest_plugins = ("ui_support", "small_disk")


@pytest.fixture
def read_only_doc(small_disk):
    path = small_disk.path / "draft.resdesk"
    create_document(path, editor_document()).close()
    small_disk.read_only()
    return path


def test_the_command_line_refuses_to_write_and_reads_as_usual(read_only_doc, tmp_path, capsys):
    assert main(["meta", str(read_only_doc), "--set", "symbol=X"]) == 2
    err = capsys.readouterr().err
    assert err == ("resdesk: error: draft.resdesk is in a folder that cannot be written (read-only), so it can "
                   "only be opened read-only; save a copy elsewhere to change it.\n")
    assert main(["outline", str(read_only_doc), "--json"]) == 0
    assert main(["export", str(read_only_doc), "-o", str(tmp_path / "draft.docx")]) == 0


def test_the_window_opens_it_read_only_with_a_banner_offering_save_as(qtbot, qt_settings, read_only_doc,
                                                                      tmp_path, monkeypatch):
    window = open_test_window(qtbot, read_only_doc)
    assert window.session.readonly and "(read-only)" in window.windowTitle()
    assert window.banner.isVisible()
    assert window.banner.label.text() == ("Read-only. draft.resdesk is in a folder that cannot be written "
                                          "(read-only), so it can only be opened read-only; save a copy elsewhere "
                                          "to change it.")
    assert window.banner.save_as.isVisible() and window.text_view.editor.isReadOnly()
    copy = tmp_path / "draft copy.resdesk"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(copy), ""))
    window.banner.save_as.click()
    qtbot.waitUntil(lambda: not window.isVisible())
    opened = [w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow" and w.isVisible()]
    assert [w.session.path for w in opened] == [copy]
    assert not opened[0].session.readonly and not opened[0].banner.isVisible()
    assert on_disk(copy) == editor_document()
    opened[0].close()


def test_a_document_changed_by_another_program_opens_read_only_without_save_as(qtbot, qt_settings, doc_path):
    conn = sqlite3.connect(doc_path)
    conn.execute("CREATE TRIGGER wipe AFTER UPDATE ON block BEGIN DELETE FROM block; END")
    conn.commit()
    conn.close()
    window = open_test_window(qtbot, doc_path)
    assert window.session.readonly and window.banner.isVisible()
    assert "was changed by another program (it has an extra trigger “wipe”)" in window.banner.label.text()
    assert not window.banner.save_as.isVisible()
    window.close()


def test_a_writable_document_has_no_banner(window):
    assert not window.session.readonly and not window.banner.isVisible()
