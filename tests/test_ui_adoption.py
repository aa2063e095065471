"""The window and an adopted resolution: its lines in the Document panel (edited with undo) and in the
title row; an import that could not place everything says so in a message."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest.importorskip("PySide6")
pytest.register_assert_rewrite("ui_support")

from resdesk.store.docfile import DocumentFile  # noqa: E402
from resdesk.store.documents import create_document, load  # noqa: E402
from test_adoption import ADOPTION, adopted  # noqa: E402
from ui_support import open_test_window  # noqa: E402

pytest_plugins = ("ui_support",)  # fixtures: qt_settings

VARIANTS = Path(__file__).resolve().parent / "fixtures" / "akn"


def test_document_panel_shows_and_edits_the_adoption_lines(qtbot, qt_settings, tmp_path):
    path = tmp_path / "res.resdesk"
    create_document(path, adopted()).close()
    window = open_test_window(qtbot, path)
    try:
        fields = window.metadata.fields
        for key, value in ADOPTION.items():
            assert fields[key].text() == value
            assert fields[key].objectName() == f"meta_{key}" and fields[key].accessibleName()
        title = window.session.rows[0]
        assert title.title == "76/153. The human rights to safe drinking water and sanitation"
        assert title.subtitle == f"{ADOPTION['adoption_line']}\n{ADOPTION['report_line']}"
        assert "draft resolution" not in title.subtitle

        meeting = fields["meeting"]
        meeting.setFocus()
        meeting.selectAll()
        qtbot.keyClicks(meeting, "54th plenary meeting")
        assert window.session.document.meta.meeting == "54th plenary meeting"
        with DocumentFile.open(path, readonly=True) as doc:
            assert load(doc).meta.meeting == "54th plenary meeting"  # on disk at once
        window.session.undo_stack.undo()
        assert window.session.document.meta.meeting == ADOPTION["meeting"]  # one undo step
        assert meeting.text() == ADOPTION["meeting"]
    finally:
        window.close()


def test_an_import_that_could_not_place_everything_says_so(qtbot, qt_settings, tmp_path, monkeypatch):
    from resdesk.ui import app

    source = tmp_path / "not-understood.xml"
    shutil.copy(VARIANTS / "not-understood.xml", source)
    told = []
    monkeypatch.setattr(app, "tell_import_notes", lambda parent, name, notes: told.append((name, notes)))
    window = app.open_window(str(source), restore=False)
    try:
        assert window is not None and (tmp_path / "not-understood.resdesk").exists()
        (name, notes), = told
        assert name == "not-understood.xml" and len(notes) == 3
        assert notes[0] == "2 <foreign> elements could not be placed; their text is kept as free-text paragraphs."
    finally:
        window.close()


def test_the_message_lists_every_note(qtbot, qt_settings, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from resdesk.ui import app

    shown = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda parent, title, text: shown.append(text)))
    app.tell_import_notes(None, "x.xml", ["One thing.", "Another thing."])
    assert shown == ["x.xml was imported; some of it could not be placed:\n\n• One thing.\n• Another thing."]


def test_without_a_window_the_notes_go_to_stderr(qtbot, qt_settings, tmp_path, capsys):
    from resdesk.ui import app

    source = tmp_path / "not-understood.xml"
    shutil.copy(VARIANTS / "not-understood.xml", source)
    window = app.open_window(str(source), interactive=False, restore=False)
    window.close()
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 3 and all(line.startswith("resdesk: note: not-understood.xml: ") for line in lines)


def test_a_clean_import_says_nothing(qtbot, qt_settings, tmp_path, monkeypatch):
    from resdesk.ui import app

    source = tmp_path / "sublist.xml"
    shutil.copy(VARIANTS / "sublist-two-levels.xml", source)
    told = []
    monkeypatch.setattr(app, "tell_import_notes", lambda *args: told.append(args))
    window = app.open_window(str(source), restore=False)
    window.close()
    assert told == []
