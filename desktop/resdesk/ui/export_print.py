"""File ▸ Export…, Export PDF…, Print Preview… and Print…: the text out of the window.

What is printed or exported as PDF is the view shown: the clean text, the
tracked markup (with the statuses and delegations shown), or the consolidated
text. The paper chosen in the Export dialog is remembered for the next time.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog

from resdesk.ui.negotiation import CONSOLIDATED, MARKUP
from resdesk.ui.window_part import WindowPart
from resdesk.views.consolidated import consolidated
from resdesk.views.export_input import ExportOptions

PAGE_SETTING = "export/page"


class ExportPrint(WindowPart):
    def __init__(self, window):
        super().__init__(window)
        self.actions.connect("export", self.export)
        self.actions.connect("export_pdf", self.export_pdf)
        self.actions.connect("print_preview", self.print_preview)
        self.actions.connect("print", self.print)

    def page(self) -> str:
        return str(QSettings().value(PAGE_SETTING, "letter"))

    def print_source(self):
        """What File ▸ Print shows: the current view (clean, tracked markup, or the consolidated text)."""
        n = self.negotiation
        options = ExportOptions(page=self.page(), rev=n.document.version)
        if n.view == MARKUP:
            options.mode = "tracked"
            options.statuses = list(n.statuses) or None
            options.delegations = list(n.delegations) if n.delegations else None
            return self.session.file, options
        if n.view == CONSOLIDATED:
            return (lambda: consolidated(n.document, n.amendments, n.accepted, n.delegations)), options
        return self.session.file, options

    def export(self) -> None:
        from resdesk.ui.export_dialog import ExportDialog  # the exporters load when first asked for

        mode = {MARKUP: "tracked"}.get(self.negotiation.view, "clean")
        dialog = ExportDialog(self.negotiation, self.window, mode)
        dialog.page.setCurrentIndex(max(0, dialog.page.findData(self.page())))
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.written is not None:
            QSettings().setValue(PAGE_SETTING, dialog.page.currentData())
            self.message(f"Exported {dialog.written.name}.")

    def export_pdf(self) -> None:
        from resdesk.ui.printing.dialogs import export_pdf_dialog  # printing loads when first asked for

        source, options = self.print_source()
        path = export_pdf_dialog(self.window, source, options, str(self.session.path.with_suffix(".pdf")))
        if path is not None:
            self.message(f"Exported {path.name}.")

    def print_preview(self) -> None:
        from resdesk.ui.printing.dialogs import print_preview  # printing loads when first asked for

        source, options = self.print_source()
        print_preview(self.window, source, options)

    def print(self) -> None:
        from resdesk.ui.printing.dialogs import print_document  # printing loads when first asked for

        source, options = self.print_source()
        pages = print_document(self.window, source, options)
        if pages:
            self.message(f"Printed {pages} page{'s' if pages != 1 else ''}.")
