"""Amendments ▸ Propose from Word Files… in the window (pytest-qt, offscreen): several files at once, each file's
delegation shown (and corrected) before reading, authors that are no delegation asked for, everything recorded
as one undo step; files dropped on the window do the same."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")
pytest.register_assert_rewrite("ui_support")

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl  # noqa: E402
from PySide6.QtGui import QDropEvent  # noqa: E402
from PySide6.QtWidgets import QDialog, QMessageBox  # noqa: E402

from conftest import cli_outline  # noqa: E402
from docx_support import delegation_edits, rewrite_docx, seed_document  # noqa: E402
from resdesk.formats.docx.clean import render_clean  # noqa: E402
from resdesk.store.documents import create_document  # noqa: E402
from resdesk.ui.word_files_dialog import AuthorMapDialog, WordFilesDialog  # noqa: E402
from ui_support import open_test_window, ui  # noqa: E402
from word_files import three_reviewers, tracked_by  # noqa: E402

pytest_plugins = ("ui_support",)


@pytest.fixture
def answered(tmp_path):
    """A document of the seed, a file typed over named after Brazil and one reviewed by three people."""
    document = seed_document()
    doc = tmp_path / "draft.resdesk"
    create_document(doc, document).close()
    typed = tmp_path / "BRA.docx"
    typed.write_bytes(rewrite_docx(render_clean(document), delegation_edits(document, tracked=False)))
    changes, comments = three_reviewers(seed_document())
    reviewed = tmp_path / "reviewed.docx"
    reviewed.write_bytes(tracked_by(seed_document(), changes, comments))
    return doc, typed, reviewed


def test_several_files_are_read_after_their_delegations_are_shown_and_recorded_as_one_step(
        qtbot, qt_settings, answered, monkeypatch):
    doc, typed, reviewed = answered
    shown, asked = [], []

    def read(dialog: WordFilesDialog) -> int:
        shown.extend((path.name, box.currentText(), box.objectName(), box.accessibleName())
                     for path, box in zip(dialog.files, dialog.boxes, strict=True))
        dialog.boxes[0].setCurrentText("Chile")  # the facilitator knows better than the file's name
        return QDialog.DialogCode.Accepted

    def name_them(dialog: AuthorMapDialog) -> int:
        asked.extend(dialog.boxes)
        dialog.boxes["J. Smith"].setCurrentText("Mexico")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(WordFilesDialog, "exec", read)
    monkeypatch.setattr(AuthorMapDialog, "exec", name_them)
    monkeypatch.setattr(QMessageBox, "information", lambda *args: None)
    window = open_test_window(qtbot, doc)
    try:
        ui(window).proposals.propose_from_word([str(typed), str(reviewed)])
        assert shown == [("BRA.docx", "Brazil", "wordFileDelegation_0", "Delegation of BRA.docx"),
                         ("reviewed.docx", "", "wordFileDelegation_1", "Delegation of reviewed.docx")]
        assert asked == ["J. Smith"]
        stored = cli_outline(doc)
        authors = sorted({a["author"] for a in stored["amendments"]})
        assert authors == ["Brazil", "Chile", "European Union", "Mexico"]
        assert [(c["author"], c["text"]) for c in stored["comments"]] == [
            ("Mexico", "Our capital insists on this."), ("Chile", "We agree.")]
        stack = window.session.undo_stack
        assert stack.undoText() == "Propose from 2 Word files" and stack.count() == 1
        ids = [a["id"] for a in stored["amendments"]]
        stack.undo()
        assert cli_outline(doc)["amendments"] == [] and cli_outline(doc)["comments"] == []
        assert window.session.negotiation.details == []
        stack.redo()
        assert [a["id"] for a in cli_outline(doc)["amendments"]] == ids and len(cli_outline(doc)["comments"]) == 2
        assert window.statusBar().currentMessage().startswith("2 files: 7 proposals and 2 comments recorded, ")
    finally:
        window.close()


def test_word_files_dropped_on_the_window_are_proposed(qtbot, qt_settings, answered, monkeypatch):
    doc, typed, _reviewed = answered
    monkeypatch.setattr(WordFilesDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted)
    window = open_test_window(qtbot, doc)
    try:
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(typed)), QUrl.fromLocalFile(str(doc))])  # the document is no Word file
        drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                          Qt.KeyboardModifier.NoModifier)
        window.dropEvent(drop)
        assert drop.isAccepted()
        assert {a["author"] for a in cli_outline(doc)["amendments"]} == {"Brazil"}
        assert window.session.undo_stack.undoText() == "Propose from BRA.docx"
    finally:
        window.close()


def test_cancelling_records_nothing(qtbot, qt_settings, answered, monkeypatch):
    doc, typed, reviewed = answered
    monkeypatch.setattr(WordFilesDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(AuthorMapDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    window = open_test_window(qtbot, doc)
    try:
        ui(window).proposals.propose_from_word([str(typed), str(reviewed)])
        assert cli_outline(doc)["amendments"] == [] and window.session.undo_stack.count() == 0
    finally:
        window.close()


def test_proposed_footnotes_have_their_numbers_in_the_markup(qtbot, qt_settings, tmp_path):
    """A draft based on the official text: the footnotes its sponsors add are numbered where they stand."""
    from conftest import SEED, run_cli
    from resdesk.ui.negotiation import MARKUP
    from versions import second_version

    draft = tmp_path / "v2.docx"
    draft.write_bytes(render_clean(second_version(seed_document())))
    doc = tmp_path / "draft.resdesk"
    assert run_cli("import", draft, "--based-on", SEED, "-o", doc, "--as", "Mexico").returncode == 0
    window = open_test_window(qtbot, doc)
    try:
        negotiation = window.session.negotiation
        negotiation.set_view(MARKUP)
        pp2 = next(row for row in negotiation.rows if row.label == "PP2")
        assert list(pp2.markers.values()) == ["1"] and pp2.notes == (("1", "See A/68/123."),)
        point = next(row for row in negotiation.rows if row.block is not None and
                     row.block.text == "in countering its financing.")
        assert point.notes == ((point.notes[0][0], "Resolution 2462 (2019) of the Security Council."),)
        assert "?" not in point.markers.values()
    finally:
        window.close()
