"""File ▸ Print preview / Print / Export PDF dialogs, run offscreen and read back as PDFs."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6.QtPrintSupport")

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtGui import QPageSize  # noqa: E402
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

import builders  # noqa: E402
from pdfread import body_words, need_poppler, normal_words, page_sizes, words  # noqa: E402
from resdesk.text.inline import FOOTNOTE, Mark  # noqa: E402
from resdesk.ui.printing import dialogs  # noqa: E402
from resdesk.ui.printing.render import prepare_device  # noqa: E402
from resdesk.views.export_input import ExportOptions  # noqa: E402


@pytest.fixture(autouse=True)
def _poppler():
    need_poppler()


def small_document():
    """builders.small_document with PP1's footnote anchor after "Strategy," (the builder puts it
    one character inside the word, which would print "Strateg¹y")."""
    document = builders.small_document()
    pp1 = document.blocks[1]
    pp1.marks = [Mark(FOOTNOTE, pp1.text.index(",") + 1, pp1.text.index(",") + 1, "f1")]
    return document


def pdf_printer(path, paper="letter") -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    prepare_device(printer, paper)
    return printer


def when_modal(action, delay_ms: int = 100) -> None:
    """Run `action(window)` on the modal dialog as soon as it is shown (the test's hand on the dialog)."""

    def attempt():
        window = QApplication.activeModalWidget()
        if window is None:
            QTimer.singleShot(delay_ms, attempt)
        else:
            action(window)

    QTimer.singleShot(delay_ms, attempt)


def assert_prints_small_document(pdf):
    stream = body_words(words(pdf))
    for block in small_document().blocks:
        assert " ".join(normal_words(block.text)) in " ".join(stream)


def test_preview_dialog_paints_into_a_printer(qapp, tmp_path):
    dialog = dialogs.make_preview_dialog(None, small_document(), ExportOptions(page="a4"))
    assert isinstance(dialog, QPrintPreviewDialog)
    pdf = tmp_path / "preview.pdf"
    dialog.paintRequested.emit(pdf_printer(pdf, "a4"))
    assert_prints_small_document(pdf)
    assert page_sizes(pdf) == [(595.0, 842.0)] * 2, "the text, then its annex on a page of its own"


def test_print_preview_runs_and_paints(qapp, monkeypatch):
    painted = []
    real = dialogs.render_to_device
    monkeypatch.setattr(dialogs, "render_to_device", lambda *a: painted.append(real(*a)) or painted[-1])

    when_modal(lambda window: isinstance(window, QPrintPreviewDialog) and window.reject())
    dialogs.print_preview(None, small_document, ExportOptions())
    assert painted and painted[0] == 2


def test_print_document_prints_to_the_chosen_printer(qapp, tmp_path, monkeypatch):
    pdf = tmp_path / "printed.pdf"
    monkeypatch.setattr(dialogs, "new_printer", lambda options: pdf_printer(pdf, options.page))
    when_modal(lambda window: window.accept())
    pages = dialogs.print_document(None, small_document(), ExportOptions(line_numbers=True))
    assert pages == 2
    assert_prints_small_document(pdf)
    assert page_sizes(pdf) == [(612.0, 792.0)] * 2


def test_print_dialog_starts_on_the_chosen_paper(qapp):
    dialog = dialogs.make_print_dialog(None, ExportOptions(page="a4"))
    assert dialog.printer().pageLayout().pageSize().id() == QPageSize.PageSizeId.A4
    assert dialog.printer().fullPage()


def test_a_tracked_print_of_a_bare_document_is_a_warning_not_a_crash(qapp, tmp_path, monkeypatch):
    warnings = []
    monkeypatch.setattr(dialogs.QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    dialog = dialogs.make_preview_dialog(None, small_document(), ExportOptions(mode="tracked"))
    dialog.paintRequested.emit(pdf_printer(tmp_path / "x.pdf"))
    assert warnings and warnings[0].endswith(".")


def test_save_pdf_writes_atomically(qapp, tmp_path):
    target = tmp_path / "out.pdf"
    assert dialogs.save_pdf(small_document(), ExportOptions(watermark="DRAFT"), target) == 2
    assert target.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]


def test_export_pdf_dialog_writes_where_the_user_chose(qapp, tmp_path, monkeypatch):
    chosen = tmp_path / "chosen"
    monkeypatch.setattr(dialogs.QFileDialog, "getSaveFileName", lambda *a, **k: (str(chosen), "PDF documents (*.pdf)"))
    written = dialogs.export_pdf_dialog(None, small_document(), ExportOptions(page="a4"))
    assert written == tmp_path / "chosen.pdf"
    assert page_sizes(written) == [(595.0, 842.0)] * 2
    monkeypatch.setattr(dialogs.QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    assert dialogs.export_pdf_dialog(None, small_document(), ExportOptions()) is None


def test_export_pdf_dialog_reports_a_problem_in_a_message_box(qapp, tmp_path, monkeypatch):
    warnings = []
    monkeypatch.setattr(dialogs.QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    monkeypatch.setattr(dialogs.QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "no" / "such" / "dir.pdf"), ""))
    assert dialogs.export_pdf_dialog(None, small_document(), ExportOptions()) is None
    assert warnings == ["dir.pdf cannot be written there (No such file or directory); nothing was written."]
    assert not (tmp_path / "no").exists()
