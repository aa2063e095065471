"""File ▸ Print preview, File ▸ Print and File ▸ Export PDF for the editor window.

Each function takes the window (`parent`), what to print (`document_source`: a Document,
an open DocumentFile, or a callable returning one, called at each repaint so the preview
shows the current state) and ExportOptions (mode, paper, line numbers, watermark).
A problem becomes a message box, never a traceback. The `make_*` functions build the
dialogs without running them, for tests and for callers that want to adjust them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from resdesk.errors import UserError
from resdesk.formats.atomic import atomic_output
from resdesk.ui.printing.pdf_export import settings_from, write_pdf
from resdesk.ui.printing.print_sources import flow_for, render_to_device, resolve
from resdesk.ui.printing.render import prepare_device
from resdesk.views.export_input import ExportOptions


def new_printer(options: ExportOptions) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    prepare_device(printer, options.page)
    return printer


def _paint_or_warn(parent: QWidget | None, document_source, options: ExportOptions, printer: QPrinter) -> int:
    try:
        return render_to_device(document_source, options, printer)
    except UserError as error:
        QMessageBox.warning(parent, "Print", str(error))
        return 0


def make_preview_dialog(parent: QWidget | None, document_source, options: ExportOptions) -> QPrintPreviewDialog:
    printer = new_printer(options)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.printer_ref = printer  # the dialog does not own its printer: keep it alive as long as the dialog
    dialog.setWindowTitle("Print preview")
    dialog.paintRequested.connect(lambda printer: _paint_or_warn(parent, document_source, options, printer))
    return dialog


def print_preview(parent: QWidget | None, document_source, options: ExportOptions) -> int:
    """Show the print preview (which can print); the dialog's result code."""
    dialog = make_preview_dialog(parent, document_source, options)
    return dialog.exec()


def make_print_dialog(parent: QWidget | None, options: ExportOptions) -> QPrintDialog:
    printer = new_printer(options)
    dialog = QPrintDialog(printer, parent)
    dialog.printer_ref = printer  # the dialog does not own its printer: keep it alive as long as the dialog
    dialog.setWindowTitle("Print")
    return dialog


def print_document(parent: QWidget | None, document_source, options: ExportOptions) -> int:
    """Ask for a printer and print; the number of pages printed (0 when cancelled)."""
    dialog = make_print_dialog(parent, options)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return 0
    return _paint_or_warn(parent, document_source, options, dialog.printer())


def save_pdf(document_source, options: ExportOptions, path: Path) -> int:
    """Write the PDF of `document_source` to `path` atomically; the number of pages."""
    flow = flow_for(resolve(document_source), options)
    with atomic_output(path) as temp:
        return write_pdf(flow, settings_from(options), temp)


def export_pdf_dialog(parent: QWidget | None, document_source, options: ExportOptions,
                      suggested: str = "") -> Path | None:
    """Ask where to save, then write the PDF; the path written, or None when cancelled or failed."""
    name, _ = QFileDialog.getSaveFileName(parent, "Export PDF", suggested, "PDF documents (*.pdf)")
    if not name:
        return None
    path = Path(name if name.lower().endswith(".pdf") else name + ".pdf")
    try:
        save_pdf(document_source, options, path)
    except UserError as error:
        QMessageBox.warning(parent, "Export PDF", str(error))
        return None
    except OSError as error:
        QMessageBox.warning(parent, "Export PDF", f"{path.name} cannot be written there ({error.strerror}).")
        return None
    return path
