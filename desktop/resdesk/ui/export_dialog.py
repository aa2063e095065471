"""File ▸ Export…: format, mode, version or comparison, statuses, delegations, paper, and what will be included.

The mode "Amendment document" writes the amendment document of the delegations checked (they table it;
the acting delegation alone is checked when it is chosen), listing their amendments of the statuses
checked, with its own symbol when the Secretariat gave one.

The summary ("12 amendments by 5 delegations: …") is computed by the export
pipeline's own selection (`resdesk.views.export.chosen_amendments`), so it says
exactly what the file will hold. The export itself prepares the export and calls
the same exporters as `resdesk export`, with the same `ExportOptions`.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from resdesk.errors import UserError
from resdesk.formats.emblem import read_emblem
from resdesk.model.amendment import LIVE_STATUSES, STATUSES, TABLED_STATUSES, status_words
from resdesk.ui.exporters import exporter
from resdesk.ui.naming import name_buttons, named
from resdesk.ui.settings import emblem_path, set_emblem_path
from resdesk.un.sponsors import join_sponsors
from resdesk.views.export import chosen_amendments, prepare_export
from resdesk.views.export_input import AMENDMENTS, MODES, PAGES, ExportOptions

FORMATS = (("docx", "Word (.docx)", ".docx"), ("pdf", "PDF (.pdf)", ".pdf"), ("akn", "Akoma Ntoso XML (.xml)", ".xml"))
PROGRESS_AFTER_MS = 1000
MODE_NAMES = {"clean": "Clean", "tracked": "Tracked", "compilation": "Compilation", AMENDMENTS: "Amendment document"}


def summary_text(doc, options: ExportOptions, fmt: str) -> str:
    """What an export will include, in one or two sentences (or why it cannot be written)."""
    version = options.rev or "the current version"
    if fmt == "akn":
        from resdesk.formats.akn_export import check_akn  # the exporters load when first used (`resdesk.ui.exporters`)

        check_akn(options)
        if not options.statuses and not options.delegations:
            return f"The text of {version} as Akoma Ntoso XML (amendments are not part of an AKN export)."
    if options.from_rev is not None:
        return f"Every change between {options.from_rev} and {options.to_rev}, as tracked changes."
    items = chosen_amendments(doc, options)
    if options.mode == AMENDMENTS:
        count = f"{len(items)} amendment{'s' if len(items) != 1 else ''}"
        return f"The amendment document of {join_sponsors(options.delegations)}: {count}."
    if options.mode == "clean" and not items:
        return f"The clean text of {version}, without amendments."
    authors = Counter(a.author for a in items)
    by = ", ".join(f"{name} ({count})" for name, count in sorted(authors.items()))
    amendments = f"{len(items)} amendment{'s' if len(items) != 1 else ''}"
    delegations = f"{len(authors)} delegation{'s' if len(authors) != 1 else ''}"
    applied = " applied to the clean text" if options.mode == "clean" else ""
    return f"{amendments} by {delegations}{applied}" + (f": {by}." if by else ".")


class ExportDialog(QDialog):
    def __init__(self, negotiation, parent: QWidget | None = None, mode: str = "clean"):
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setAccessibleName("Export")
        self.setWindowTitle("Export")
        self.negotiation = negotiation
        self.doc = negotiation.file
        self.written: Path | None = None

        self.format = named(QComboBox(self), "exportFormat", "File format")
        for key, text, _suffix in FORMATS:
            self.format.addItem(text, key)
        self.mode = named(QComboBox(self), "exportMode", "Export mode")
        for key in MODES:
            self.mode.addItem(MODE_NAMES[key], key)
        self.mode.setCurrentIndex(MODES.index(mode))
        self.symbol = named(QLineEdit(self), "exportSymbol", "The amendment document's own symbol")
        self.symbol.setPlaceholderText("A/C.3/68/L.61, once the Secretariat gives it")
        versions = negotiation.versions()
        self.version = named(QComboBox(self), "exportVersion", "Version to export")
        for name in versions:
            self.version.addItem(name, name)
        self.version.setCurrentIndex(self.version.findData(negotiation.document.version))
        self.compare = named(QCheckBox("Compare two versions (tracked)", self), "exportCompare",
                             "Compare two versions")
        self.compare.setEnabled(len(versions) > 1)
        self.from_rev = named(QComboBox(self), "exportFrom", "Compare from version")
        self.to_rev = named(QComboBox(self), "exportTo", "Compare to version")
        for combo in (self.from_rev, self.to_rev):
            combo.addItems(versions)
        self.to_rev.setCurrentIndex(len(versions) - 1)
        self.statuses = named(QListWidget(self), "exportStatuses", "Statuses to include")
        for status in STATUSES:
            item = QListWidgetItem(status_words(status), self.statuses)
            item.setData(Qt.ItemDataRole.UserRole, status)
            item.setCheckState(Qt.CheckState.Checked if status in LIVE_STATUSES else Qt.CheckState.Unchecked)
        self.delegations = named(QListWidget(self), "exportDelegations", "Delegations to include")
        for name in sorted({a.author for a in negotiation.amendments}
                           | {c for a in negotiation.amendments for c in a.co_sponsors}):
            item = QListWidgetItem(name, self.delegations)
            item.setCheckState(Qt.CheckState.Checked)
        for widget in (self.statuses, self.delegations):
            widget.setMaximumHeight(130)
        self.page = named(QComboBox(self), "exportPage", "Paper size")
        for key in PAGES:
            self.page.addItem({"letter": "Letter", "a4": "A4"}[key], key)
        self.emblem = named(QLineEdit(emblem_path(), self), "exportEmblem", "UN emblem image for page 1")
        self.emblem.setReadOnly(True)
        self.emblem.setPlaceholderText("None: the emblem's place stays empty")
        self.emblem_choose = named(QPushButton("UN emblem image…", self), "exportEmblemChoose",
                                   "Choose the UN emblem image")
        self.emblem_clear = named(QPushButton("No emblem", self), "exportEmblemClear", "Print no emblem")
        self.output = named(QLineEdit(self), "exportOutput", "File to write")
        self.output.setText(str(negotiation.session.path.with_suffix(".docx")))
        self.browse = named(QPushButton("Choose…", self), "exportBrowse", "Choose the file to write")
        self.summary = named(QLabel(self), "exportSummary", "What the export will include")
        self.summary.setWordWrap(True)
        buttons = named(QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                         self), "exportButtons", "Export or cancel")
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export")
        name_buttons(buttons, "export")
        buttons.accepted.connect(self.run)
        buttons.rejected.connect(self.reject)

        output_row = QHBoxLayout()
        output_row.addWidget(self.output, 1)
        output_row.addWidget(self.browse)
        emblem_row = QHBoxLayout()
        emblem_row.addWidget(self.emblem, 1)
        emblem_row.addWidget(self.emblem_choose)
        emblem_row.addWidget(self.emblem_clear)
        compare_row = QHBoxLayout()
        compare_row.addWidget(self.from_rev)
        compare_row.addWidget(QLabel("→", self))
        compare_row.addWidget(self.to_rev)
        form = QFormLayout()
        form.addRow("Format:", self.format)
        form.addRow("Mode:", self.mode)
        form.addRow("Version:", self.version)
        form.addRow(self.compare)
        form.addRow("Compare:", compare_row)
        form.addRow("Statuses:", self.statuses)
        form.addRow("Delegations:", self.delegations)
        form.addRow("Symbol:", self.symbol)
        form.addRow("Paper:", self.page)
        form.addRow("Emblem:", emblem_row)
        form.addRow("File:", output_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)

        for combo in (self.format, self.mode, self.version, self.from_rev, self.to_rev, self.page):
            combo.currentIndexChanged.connect(self.update_summary)
        self.format.currentIndexChanged.connect(self._suffix)
        self.mode.currentIndexChanged.connect(self._mode_chosen)
        self.symbol.textChanged.connect(self.update_summary)
        self.compare.toggled.connect(self.update_summary)
        self.statuses.itemChanged.connect(self.update_summary)
        self.delegations.itemChanged.connect(self.update_summary)
        self.browse.clicked.connect(self._choose)
        self.emblem_choose.clicked.connect(self._choose_emblem)
        self.emblem_clear.clicked.connect(lambda: self.set_emblem(""))
        self.update_summary()

    def fmt(self) -> str:
        return self.format.currentData()

    def options(self) -> ExportOptions:
        statuses = [self.statuses.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.statuses.count())
                    if self.statuses.item(i).checkState() == Qt.CheckState.Checked]
        delegations = [self.delegations.item(i).text() for i in range(self.delegations.count())
                       if self.delegations.item(i).checkState() == Qt.CheckState.Checked]
        comparing = self.compare.isChecked()
        mode = "tracked" if comparing else ("clean" if self.fmt() == "akn" else self.mode.currentData())
        tabling = mode == AMENDMENTS  # an amendment document names the delegations that table it
        default = TABLED_STATUSES if tabling else LIVE_STATUSES
        return ExportOptions(
            mode=mode,
            page=self.page.currentData(),
            rev=None if comparing else self.version.currentData(),
            from_rev=self.from_rev.currentText() if comparing else None,
            to_rev=self.to_rev.currentText() if comparing else None,
            statuses=None if comparing or set(statuses) == set(default) else statuses,
            delegations=None if comparing or (len(delegations) == self.delegations.count() and not tabling)
            else delegations,
            symbol=self.symbol.text().strip() if tabling else "",
        )

    def _mode_chosen(self) -> None:
        """An amendment document lists what its delegations tabled: the tabled statuses, the acting delegation
        (when it proposed something); back from it, the live statuses and every delegation."""
        tabling = self.mode.currentData() == AMENDMENTS
        statuses = TABLED_STATUSES if tabling else LIVE_STATUSES
        acting = self.negotiation.acting
        names = [self.delegations.item(i).text() for i in range(self.delegations.count())]
        for widget, checked in ((self.statuses, lambda item: item.data(Qt.ItemDataRole.UserRole) in statuses),
                                (self.delegations, lambda item: not tabling or acting not in names
                                 or item.text() == acting)):
            blocker = widget.blockSignals(True)
            for i in range(widget.count()):
                item = widget.item(i)
                item.setCheckState(Qt.CheckState.Checked if checked(item) else Qt.CheckState.Unchecked)
            widget.blockSignals(blocker)
        self.update_summary()

    def update_summary(self) -> None:
        comparing = self.compare.isChecked()
        for widget in (self.from_rev, self.to_rev):
            widget.setEnabled(comparing)
        for widget in (self.version, self.statuses, self.delegations):
            widget.setEnabled(not comparing)
        self.mode.setEnabled(not comparing and self.fmt() != "akn")
        self.symbol.setEnabled(not comparing and self.fmt() != "akn" and self.mode.currentData() == AMENDMENTS)
        try:
            options = self.options()
            options.check()
            if options.statuses == []:
                raise UserError("Choose at least one status to include.")
            if options.delegations == []:
                raise UserError("Choose at least one delegation to include.")
            text = summary_text(self.doc, options, self.fmt())
        except UserError as error:
            text = str(error)
        self.summary.setText(text)

    def _suffix(self) -> None:
        suffix = next(s for key, _t, s in FORMATS if key == self.fmt())
        path = Path(self.output.text() or "export")
        self.output.setText(str(path.with_suffix(suffix)))

    def _choose(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "Export to", self.output.text(),
                                              ";;".join(text + f" (*{s})" for _k, text, s in FORMATS))
        if name:
            self.output.setText(name)
            self._suffix()

    def _choose_emblem(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "UN emblem image", self.emblem.text(),
                                              "Images (*.png *.jpg *.jpeg)")
        if name:
            self.set_emblem(name)

    def set_emblem(self, path: str) -> None:
        """Remember `path` as the emblem image (QSettings) once it is one we can place; else say why, keep the old."""
        if path:
            try:
                read_emblem(path)
            except UserError as error:
                QMessageBox.critical(self, "UN emblem image", str(error))
                return
        set_emblem_path(path)
        self.emblem.setText(path)

    def emblem_bytes(self) -> bytes:
        """The chosen emblem image, read and checked again at export time (b"" for none)."""
        path = self.emblem.text()
        return read_emblem(path) if path and self.fmt() != "akn" else b""

    def run(self) -> None:
        """Write the file; a problem is its one sentence in a message box, and the dialog stays open."""
        output = Path(self.output.text()).expanduser()
        try:
            options = self.options()
            options.emblem = self.emblem_bytes()
            self.written = export(self.doc, options, output, self.fmt(), self)
        except UserError as error:
            QMessageBox.critical(self, "Export", str(error))
            return
        except OSError as error:
            QMessageBox.critical(self, "Export", f"{output.name} cannot be written there ({error.strerror}).")
            return
        self.accept()


def export(doc, options: ExportOptions, output: Path, fmt: str, parent: QWidget | None = None) -> Path:
    """Run the exporter of `fmt`; a progress dialog appears when it takes longer than a second."""
    options.check()
    if options.statuses == [] or options.delegations == []:
        raise UserError("Choose at least one status and one delegation to include.")
    progress = QProgressDialog("Exporting…", "", 0, 0, parent)
    progress.setObjectName("exportProgress")
    progress.setAccessibleName("Export progress")
    progress.setCancelButton(None)
    progress.setMinimumDuration(PROGRESS_AFTER_MS)
    progress.setWindowModality(Qt.WindowModality.WindowModal)

    def step(done: int, total: int) -> None:
        progress.setMaximum(total)
        progress.setValue(done)
        QCoreApplication.processEvents()

    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        prepared = prepare_export(doc, options)
        if fmt == "pdf":
            exporter(fmt)(prepared, output)
        else:
            exporter(fmt)(prepared, output, step)
    finally:
        QApplication.restoreOverrideCursor()
        progress.reset()
        progress.deleteLater()
    return output
