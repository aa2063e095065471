"""The negotiation in the window (pytest-qt, offscreen): acting as, propose mode, views, panels, revisions,
export and printing. Documents are built with the CLI as a user would; results are read back from the file
(`resdesk outline --json` in a subprocess, or the store)."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile

import pytest

pytest.importorskip("PySide6")
pytest.register_assert_rewrite("ui_support")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QColor  # noqa: E402

from conftest import cli_outline  # noqa: E402
from resdesk.model.comment import shared_comments  # noqa: E402
from resdesk.store.comments import comments  # noqa: E402
from resdesk.store.delegations import acting_as, delegation_colours  # noqa: E402
from resdesk.store.docfile import DocumentFile  # noqa: E402
from resdesk.ui.negotiation import BASE, CONSOLIDATED, MARKUP, PROPOSE  # noqa: E402
from resdesk.views.markup import INSERT  # noqa: E402
from ui_support import block_id, open_test_window, ui  # noqa: E402

pytest_plugins = ("ui_support",)  # fixtures: qt_settings, doc_path, window, negotiated, seed_window


def versions(window) -> list[str]:
    box = ui(window).toolbar.version
    return [box.itemText(i) for i in range(box.count())]


def rendered(window, row):
    return window.text_view.delegate.rendered(row).text


def fragments(document):
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.isValid():
                yield fragment.text(), fragment.charFormat()
            it += 1
        block = block.next()


# -- acting as and modes -------------------------------------------------------------------------------


def test_acting_as_is_remembered_per_document(qtbot, qt_settings, doc_path, negotiated):
    window = open_test_window(qtbot, doc_path)
    assert window.session.negotiation.acting == ""
    assert ui(window).toolbar.acting_as.act_as("france")  # typed in any case: the delegation's full name is kept
    assert "Acting as: France" in ui(window).toolbar.status.text()
    window.close()
    with DocumentFile.open(doc_path, readonly=True) as reader:
        assert acting_as(reader) == "France"
    other = open_test_window(qtbot, negotiated)
    assert other.session.negotiation.acting == ""
    assert ui(other).toolbar.acting.currentText() == ""
    other.close()
    again = open_test_window(qtbot, doc_path)
    assert ui(again).toolbar.acting.currentText() == "France"
    assert "Acting as: France" in ui(again).toolbar.status.text()
    again.close()


def test_a_negotiated_document_opens_in_propose_mode_and_markup_view(seed_window, window):
    assert seed_window.session.negotiation.mode == PROPOSE
    assert seed_window.session.negotiation.view == MARKUP
    assert seed_window.actions["propose_mode"].isChecked()
    assert window.session.negotiation.mode == "edit"  # no amendment yet: the pen-holder edits the text


def test_propose_mode_typing_records_one_replacement_and_undo_removes_it(qtbot, window, doc_path):
    window.actions["propose_mode"].trigger()
    assert ui(window).toolbar.acting_as.act_as("France")
    op1 = block_id(window, "OP1")
    window.text_view.focus_block(op1, len("Calls upon Member States to act"))
    editor = window.text_view.editor
    qtbot.keyClicks(editor, " now")
    data = cli_outline(doc_path)
    assert len(data["amendments"]) == 1, data["amendments"]
    assert window.panels["amendments"].isVisible()  # shown with the document's first amendment
    amendment = data["amendments"][0]
    assert (amendment["author"], amendment["kind"], amendment["target"]) == ("France", "replace", "OP1")
    base = "Calls upon Member States to act;"
    assert amendment["old"] in base and base.replace(amendment["old"], amendment["new"], 1) == \
        "Calls upon Member States to act now;"
    texts = [block["text"] for block in _walk(data["blocks"])]
    assert base in texts  # the text itself is unchanged: the change is a proposal
    assert editor.toPlainText() == "Calls upon Member States to act now;"
    assert window.session.undo_stack.count() == 1  # the keystrokes merged into one proposal
    window.session.undo_stack.undo()
    assert cli_outline(doc_path)["amendments"] == []
    window.session.undo_stack.redo()
    again = cli_outline(doc_path)["amendments"]
    assert [(a["id"], a["new"]) for a in again] == [(amendment["id"], amendment["new"])]


def _walk(blocks):
    for block in blocks:
        yield block
        yield from _walk(block.get("children", []))


def test_paragraph_proposals_new_deletion_and_move(qtbot, window, doc_path, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    window.actions["propose_mode"].trigger()
    ui(window).toolbar.acting_as.act_as("Brazil")
    window.text_view.focus_block(block_id(window, "OP2"))
    monkeypatch.setattr(QInputDialog, "getMultiLineText",
                        staticmethod(lambda *args, **kwargs: ("Welcomes the new fund;", True)))
    window.actions["add_op"].trigger()
    window.text_view.focus_block(block_id(window, "OP3"))
    window.actions["delete"].trigger()
    window.text_view.focus_block(block_id(window, "OP4"))
    window.actions["move_up"].trigger()
    data = cli_outline(doc_path)
    got = {a["kind"]: a for a in data["amendments"]}
    assert set(got) == {"insert-block", "delete-block", "move-block"}
    assert got["insert-block"]["label"] == "OP2 bis"
    assert got["insert-block"]["new"] == "Welcomes the new fund;"
    assert got["delete-block"]["instruction"] == "Delete operative paragraph 3"
    assert got["move-block"]["instruction"] == "Move operative paragraph 4 to follow operative paragraph 2"
    assert all(a["author"] == "Brazil" for a in data["amendments"])
    assert len([b for b in _walk(data["blocks"]) if b["kind"] == "operative"]) == 6  # the text is unchanged
    for _ in range(3):
        window.session.undo_stack.undo()
    assert cli_outline(doc_path)["amendments"] == []


def test_propose_an_alternative(qtbot, seed_window, negotiated, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    ui(seed_window).toolbar.acting_as.act_as("Chile")
    seed_window.text_view.focus_block(block_id(seed_window, "OP9"))
    monkeypatch.setattr(QInputDialog, "getMultiLineText",
                        staticmethod(lambda *args, **kwargs: ("Further requests a short report;", True)))
    seed_window.actions["propose_alternative"].trigger()
    mine = [a for a in cli_outline(negotiated)["amendments"] if a["author"] == "Chile"]
    assert [(a["kind"], a["label"], a["new"]) for a in mine] == [
        ("alternative", "OP9 alt 1", "Further requests a short report;")]


# -- views ---------------------------------------------------------------------------------------------


def test_markup_view_shows_the_france_amendment_underlined_in_its_colour(seed_window, negotiated):
    negotiation = seed_window.session.negotiation
    with DocumentFile.open(negotiated, readonly=True) as reader:
        france = QColor(delegation_colours(reader)["France"])
    op5 = next(row for row in negotiation.rows if row.record is not None and row.label == "OP5"
               and row.record.state == "normal")
    inserted = next(s.text for s in op5.record.segments if s.op == INSERT and s.author == "France")
    assert inserted.strip() == "all"
    formats = [fmt for text, fmt in fragments(rendered(seed_window, op5)) if text == inserted]
    assert len(formats) == 1
    assert formats[0].fontUnderline() and formats[0].foreground().color() == france
    labels = [row.label for row in negotiation.rows if row.record is not None]
    for label in ("PP2 bis", "OP3 bis", "OP3 ter", "OP15 alt 1"):
        assert label in labels
    moved = [row.record.state for row in negotiation.rows if row.record is not None and row.label == "OP11"]
    assert sorted(moved) == ["moved-from", "moved-to"]  # a move shows at both places
    op2 = next(row for row in negotiation.rows if row.record is not None and row.label == "OP2")
    struck = [fmt for _text, fmt in fragments(rendered(seed_window, op2)) if fmt.fontStrikeOut()]
    assert {f.foreground().color().name() for f in struck} >= {
        negotiation.colours["European Union"].lower(), negotiation.colours["Group of 77 and China"].lower()}


def test_consolidated_and_base_views(seed_window):
    negotiation = seed_window.session.negotiation
    seed_window.actions["view_consolidated"].trigger()
    assert negotiation.view == CONSOLIDATED
    op2 = next(row for row in negotiation.rows if row.label == "OP2")
    assert "to strengthen further" in op2.block.text  # a1 is agreed
    assert "enhance international cooperation" not in op2.block.text  # a7 is only proposed
    assert not negotiation.row_editable(op2)
    toolbar = ui(seed_window).toolbar
    assert [s for s, action in toolbar.status_checks.items() if action.isChecked()] == ["agreed-ad-ref", "agreed",
                                                                                         "adopted"]
    toolbar.status_checks["proposed"].setChecked(True)  # accept the proposed ones too
    texts = [row.block.text for row in negotiation.rows if row.block is not None]
    assert "Invites the Office to report on its technical assistance activities;" in texts  # a3 accepted
    seed_window.actions["view_base"].trigger()
    assert negotiation.view == BASE
    op2 = next(row for row in negotiation.rows if row.label == "OP2")
    assert "to continue to strengthen" in op2.block.text
    assert all(row.record is None for row in negotiation.rows)


def test_markup_filters_by_delegation_and_status(seed_window):
    negotiation = seed_window.session.negotiation
    toolbar = ui(seed_window).toolbar
    toolbar.delegation_filter.setCurrentIndex(toolbar.delegation_filter.findData("Mexico"))
    shown = {a for row in negotiation.rows if row.record is not None for a in row.record.amendments()}
    assert shown == {"a3", "a6"}
    toolbar.delegation_filter.setCurrentIndex(0)
    for status, action in toolbar.status_checks.items():
        action.setChecked(status == "agreed")
    shown = {a for row in negotiation.rows if row.record is not None for a in row.record.amendments()}
    assert shown == {"a1"}


# -- the amendment panel -------------------------------------------------------------------------------


def test_amendment_panel_lists_filters_sorts_and_selection_scrolls(qtbot, seed_window):
    panel = ui(seed_window).amendment_panel
    proxy = panel.proxy
    assert proxy.rowCount() == 9
    first = [proxy.index(0, column).data() for column in range(7)]
    assert first[:4] == ["OP2 (a1)", "European Union", "", "agreed"]
    assert first[4] == "In operative paragraph 2, replace “to continue to strengthen” with “to strengthen further”"
    panel.search.setText("Mexico")
    assert proxy.rowCount() == 2
    panel.search.setText("")
    panel.status.setCurrentIndex(panel.status.findData("agreed"))
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == ["OP2 (a1)"]
    panel.status.setCurrentIndex(0)
    panel.delegation.setCurrentIndex(panel.delegation.findData("Chile"))  # a co-sponsor counts
    assert [proxy.index(r, 1).data() for r in range(proxy.rowCount())] == ["Mexico"]
    panel.delegation.setCurrentIndex(0)
    panel.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    authors = [proxy.index(r, 1).data() for r in range(proxy.rowCount())]
    assert authors == sorted(authors, key=str.casefold)
    panel.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    panel.select("a6")  # OP15's alternative, far down the text
    view = seed_window.text_view
    qtbot.waitUntil(lambda: view.currentIndex().isValid())
    row = view.currentIndex().data(Qt.ItemDataRole.UserRole + 1)
    assert row.record.amendment == "a6" and row.label == "OP15 alt 1"
    assert view.visualRect(view.currentIndex()).intersects(view.viewport().rect())


def test_status_change_is_undoable(seed_window, negotiated):
    panel = ui(seed_window).amendment_panel
    panel.select("a2")
    panel.status_actions["agreed-ad-ref"].trigger()
    status = {a["id"]: a["status"] for a in cli_outline(negotiated)["amendments"]}
    assert status["a2"] == "agreed-ad-ref"
    assert panel.selected_ids() == ["a2"]
    seed_window.actions["undo"].trigger()
    assert {a["id"]: a["status"] for a in cli_outline(negotiated)["amendments"]}["a2"] == "proposed"
    panel.select("a3")
    panel.withdraw_button.click()
    assert {a["id"]: a["status"] for a in cli_outline(negotiated)["amendments"]}["a3"] == "withdrawn"


def test_edit_details_and_delete_own_proposal(seed_window, negotiated, monkeypatch):
    from resdesk.ui import amendment_actions, window_part

    def fill(dialog):
        dialog.co_sponsors.setText("Chile, peru, Colombia")
        dialog.justification.setText("Broader support.")
        return 1

    monkeypatch.setattr(amendment_actions.AmendmentDetailsDialog, "exec", fill)
    ui(seed_window).amendments.edit_amendment("a3")
    a3 = next(a for a in cli_outline(negotiated)["amendments"] if a["id"] == "a3")
    assert (a3["co_sponsors"], a3["justification"]) == (["Chile", "Peru", "Colombia"], "Broader support.")
    shown = []
    monkeypatch.setattr(window_part.QMessageBox, "warning",
                        staticmethod(lambda parent, title, text: shown.append(text)))
    monkeypatch.setattr(amendment_actions.AmendmentDetailsDialog, "exec",
                        lambda dialog: (dialog.co_sponsors.setText("Atlantis"), 1)[1])
    ui(seed_window).amendments.edit_amendment("a3")
    assert shown and "Atlantis" in shown[0]  # an unknown co-sponsor is refused in one sentence
    assert next(a for a in cli_outline(negotiated)["amendments"] if a["id"] == "a3")["co_sponsors"][0] == "Chile"
    ui(seed_window).toolbar.acting_as.act_as("Mexico")
    panel = ui(seed_window).amendment_panel
    panel.select("a3")
    assert panel.delete_button.isEnabled()
    panel.delete_button.click()
    assert "a3" not in [a["id"] for a in cli_outline(negotiated)["amendments"]]
    seed_window.session.undo_stack.undo()
    assert "a3" in [a["id"] for a in cli_outline(negotiated)["amendments"]]
    panel.select("a1")  # the European Union's: Mexico may not delete it
    assert not panel.delete_button.isEnabled()


def test_collisions_are_flagged_in_the_panel_and_the_markup(seed_window):
    panel = ui(seed_window).amendment_panel
    collision = {panel.proxy.index(r, 0).data(): panel.proxy.index(r, 6).data() for r in range(panel.proxy.rowCount())}
    assert collision["OP2 (a1)"].startswith("⚠") and collision["OP2 (a7)"].startswith("⚠")
    assert collision["OP11 (a5)"] == ""  # the move collides with nothing
    negotiation = seed_window.session.negotiation
    index = negotiation.rows.index(next(r for r in negotiation.rows if r.record is not None and r.label == "OP2"))
    model = seed_window.text_view.model_
    assert sorted(negotiation.rows[index].record.collisions) == ["a1", "a7"]
    assert model.data(model.index(index), Qt.ItemDataRole.ToolTipRole).startswith("Collision: ")


# -- comments ------------------------------------------------------------------------------------------


def test_comments_shared_and_private_with_counts_in_the_outline(qtbot, window, doc_path):
    ui(window).toolbar.acting_as.act_as("Ghana")
    op1 = block_id(window, "OP1")
    window.text_view.focus_block(op1)
    panel = ui(window).comment_panel
    assert panel.block_id == op1
    panel.editor.setPlainText("We support this.")
    panel.add_button.click()
    panel.editor.setPlainText("Our capital hesitates.")
    panel.private.setChecked(True)
    panel.add_button.click()
    top = [panel.threads.topLevelItem(i).text(0) for i in range(panel.threads.topLevelItemCount())]
    assert top[0] == "Ghana\nWe support this."
    assert "private — never exported" in top[1]
    assert not panel.threads.topLevelItem(1).icon(0).isNull() and panel.threads.topLevelItem(0).icon(0).isNull()
    panel.threads.setCurrentItem(panel.threads.topLevelItem(0))
    panel.private.setChecked(False)
    panel.editor.setPlainText("So do we.")
    panel.reply_button.click()
    assert panel.threads.topLevelItem(0).childCount() == 1
    item = window.outline.model_.items[op1]
    assert item.text().startswith("OP1 ✉ 3  Calls upon")
    with DocumentFile.open(doc_path, readonly=True) as reader:
        stored = comments(reader)
        assert [c.private for c in stored] == [False, True, False]
        assert [c.text for c in shared_comments(stored)] == ["We support this.", "So do we."]
    window.session.undo_stack.undo()
    assert window.outline.model_.items[op1].text().startswith("OP1 ✉ 2  ")


# -- revisions -----------------------------------------------------------------------------------------


def test_create_revision_dialog_and_earlier_versions_stay_viewable(seed_window, negotiated):
    from resdesk.ui.revision_dialog import RevisionDialog

    dialog = RevisionDialog(seed_window.session.negotiation, seed_window)
    assert dialog.name.text() == "Rev.1"
    assert dialog.accepted_statuses() == ("agreed-ad-ref", "agreed", "adopted")
    assert dialog.summary.text().startswith("1 amendment will be applied: OP2 (a1) [European Union].\n"
                                            "8 pending amendments carried over")
    assert ui(seed_window).revisions.revise(dialog.accepted_statuses(), dialog.name.text()) == "Rev.1"
    negotiation = seed_window.session.negotiation
    assert negotiation.document.version == "Rev.1"
    assert versions(seed_window) == ["original", "Rev.1"]
    assert "Delete operative paragraph 7" in [d["instruction"] for d in negotiation.details]
    ui(seed_window).toolbar.version.setCurrentIndex(0)
    assert negotiation.document.version == "original" and not negotiation.current
    assert not seed_window.actions["add_op"].isEnabled()
    seed_window.actions["view_base"].trigger()
    op2 = next(row for row in negotiation.rows if row.label == "OP2")
    assert "to continue to strengthen" in op2.block.text and not negotiation.row_editable(op2)
    ui(seed_window).toolbar.version.setCurrentIndex(1)
    op2 = next(row for row in negotiation.rows if row.label == "OP2")
    assert "to strengthen further" in op2.block.text and negotiation.row_editable(op2)


def test_a_delegation_rewords_its_own_proposed_paragraph_and_alternative(seed_window, negotiated, monkeypatch):
    from resdesk.ui import amendment_actions

    negotiation = seed_window.session.negotiation
    offered = []

    def reword(dialog):
        offered.append((dialog.windowTitle(), dialog.text is not None))
        if dialog.text is not None:
            dialog.text.setPlainText(dialog.text.toPlainText().replace("Invites", "Also invites").replace(
                "seventieth", "  seventy-first "))
        return 1

    monkeypatch.setattr(amendment_actions.AmendmentDetailsDialog, "exec", reword)
    ui(seed_window).toolbar.acting_as.act_as("G77")
    ui(seed_window).amendments.edit_amendment("a3")  # Mexico's new paragraph: not G77's to reword
    ui(seed_window).toolbar.acting_as.act_as("Mexico")
    ui(seed_window).amendments.edit_amendment("a3")
    ui(seed_window).amendments.edit_amendment("a6")  # Mexico's alternative for OP15
    assert offered == [("Amendment a3", False), ("Amendment a3", True), ("Amendment a6", True)]
    stored = {a["id"]: a for a in cli_outline(negotiated)["amendments"]}
    assert stored["a3"]["new"] == "Also invites the Office to report on its technical assistance activities;"
    assert "at its seventy-first session" in stored["a6"]["new"]
    record = next(r for r in negotiation.records.blocks if r.amendment == "a3")
    assert record.new_text().startswith("Also invites the Office")
    seed_window.session.undo_stack.undo()
    seed_window.session.undo_stack.undo()
    stored = {a["id"]: a for a in cli_outline(negotiated)["amendments"]}
    assert stored["a3"]["new"].startswith("Invites the Office") and "seventieth" in stored["a6"]["new"]


def test_a_change_renders_again_only_the_rows_it_changes(seed_window):
    negotiation = seed_window.session.negotiation
    assert negotiation.view == MARKUP
    delegate = seed_window.text_view.delegate
    before = list(negotiation.rows)
    rendered = {row.key: delegate.rendered(row) for row in before}
    ui(seed_window).amendments.set_status(["a8"], "bracketed")  # CARICOM's new PP2 bis
    changed = [row.key for old, row in zip(before, negotiation.rows, strict=True) if row is not old]
    assert changed == [next(row.key for row in before if row.record is not None and row.record.amendment == "a8")]
    negotiation.set_view(BASE)
    negotiation.set_view(MARKUP)  # the plain renderings did not replace the markup ones
    assert all(delegate.rendered(row) is rendered[row.key] for row in negotiation.rows if row.key not in changed)


def test_creating_a_revision_is_undone_and_redone(seed_window, negotiated):
    negotiation = seed_window.session.negotiation
    before = [(d["id"], d["instruction"]) for d in negotiation.details]
    stack = seed_window.session.undo_stack
    assert ui(seed_window).revisions.revise(("agreed", "agreed-ad-ref"), None) == "Rev.1"
    assert stack.undoText() == "Create Rev.1"
    stack.undo()
    assert negotiation.document.version == "original" and negotiation.current
    assert versions(seed_window) == ["original"]
    assert [(d["id"], d["instruction"]) for d in negotiation.details] == before
    assert seed_window.actions["add_op"].isEnabled()  # the original is the version being worked on again
    stack.redo()
    assert negotiation.document.version == "Rev.1"
    assert versions(seed_window) == ["original", "Rev.1"]


# -- export and printing -------------------------------------------------------------------------------


def test_export_dialog_summary_and_files(seed_window, tmp_path):
    from resdesk.ui.export_dialog import ExportDialog

    dialog = ExportDialog(seed_window.session.negotiation, seed_window, "tracked")
    assert re.match(r"9 amendments by 6 delegations: Caribbean Community \(2\), European Union \(1\), France \(1\)",
                    dialog.summary.text()), dialog.summary.text()
    row = next(i for i in range(dialog.statuses.count())
               if dialog.statuses.item(i).data(Qt.ItemDataRole.UserRole) == "proposed")
    dialog.statuses.item(row).setCheckState(Qt.CheckState.Unchecked)
    assert dialog.summary.text() == "1 amendment by 1 delegation: European Union (1)."
    dialog.statuses.item(row).setCheckState(Qt.CheckState.Checked)
    docx = tmp_path / "tracked.docx"
    dialog.output.setText(str(docx))
    dialog.run()
    assert dialog.written == docx
    with zipfile.ZipFile(docx) as archive:
        xml = archive.read("word/document.xml").decode()
    assert "<w:ins " in xml and 'w:author="France"' in xml
    pdf_dialog = ExportDialog(seed_window.session.negotiation, seed_window, "clean")
    pdf_dialog.format.setCurrentIndex(pdf_dialog.format.findData("pdf"))
    assert pdf_dialog.output.text().endswith(".pdf")
    assert pdf_dialog.summary.text() == "The clean text of original, without amendments."
    pdf = tmp_path / "clean.pdf"
    pdf_dialog.output.setText(str(pdf))
    pdf_dialog.run()
    assert pdf.read_bytes().startswith(b"%PDF-")


def test_export_errors_are_one_sentence_in_a_message_box(seed_window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from resdesk.ui.export_dialog import ExportDialog

    shown = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda parent, title, text: shown.append(text)))
    dialog = ExportDialog(seed_window.session.negotiation, seed_window, "tracked")
    dialog.compare.setChecked(True)  # Akoma Ntoso holds one version's text: it cannot compare two
    dialog.format.setCurrentIndex(dialog.format.findData("akn"))
    dialog.output.setText(str(tmp_path / "compare.xml"))
    dialog.run()
    assert len(shown) == 1 and shown[0].endswith(".") and "\n" not in shown[0] and "Akoma Ntoso" in shown[0]
    assert dialog.summary.text() == shown[0], "the dialog said so before Export was pressed"
    assert not (tmp_path / "compare.xml").exists()


def test_print_preview_renders_the_current_view(seed_window, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    from resdesk.ui.printing.dialogs import make_preview_dialog

    source, options = seed_window.export_print.print_source()
    assert options.mode == "tracked"  # the markup view prints tracked
    dialog = make_preview_dialog(seed_window, source, options)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "preview.pdf"
    printer.setOutputFileName(str(out))
    dialog.paintRequested.emit(printer)
    assert out.read_bytes().startswith(b"%PDF-")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True,
                              check=True).stdout
        assert "France" in text and "\f" in text.rstrip("\f")  # the tracked print names France, on 2+ pages
    dialog.deleteLater()
    seed_window.actions["view_consolidated"].trigger()
    source, options = seed_window.export_print.print_source()
    assert options.mode == "clean" and "to strengthen further" in " ".join(b.text for b in source().blocks)
    assert seed_window.actions["print"].shortcut().toString() == "Ctrl+P"


def test_every_new_widget_has_names(qtbot, seed_window):
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QComboBox,
        QDockWidget,
        QLineEdit,
        QPlainTextEdit,
        QTextEdit,
    )

    seed_window.panels["amendments"].show()
    seed_window.panels["comments"].raise_()
    interactive = (QAbstractButton, QAbstractItemView, QLineEdit, QTextEdit, QPlainTextEdit, QDockWidget, QComboBox)
    missing = []
    for widget in [w for kind in interactive for w in seed_window.findChildren(kind)]:
        if widget.objectName().startswith("qt_") or not widget.isVisibleTo(seed_window):
            continue
        if not widget.objectName() or not widget.accessibleName():
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    assert not missing, missing
    for name in ("actingAs", "viewSelector", "versionSelector", "amendmentTable", "commentThreads"):
        assert seed_window.findChild(QComboBox, name) or seed_window.findChild(QAbstractItemView, name)


def test_typing_in_the_markup_view_updates_the_delegations_own_proposal(qtbot, seed_window, negotiated):
    from PySide6.QtGui import QTextCursor

    ui(seed_window).toolbar.acting_as.act_as("France")
    view = seed_window.text_view
    negotiation = seed_window.session.negotiation
    op5 = block_id(seed_window, "OP5")
    view.setCurrentIndex(view.model_.index(negotiation.row_of(op5)))
    assert view.editor is None  # a selected paragraph keeps its markup
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = view.editor
    assert editor is not None and editor.toPlainText() == negotiation.proposed_text(op5)
    assert "to all Member States" in editor.toPlainText()  # France's own proposal a9 is in its editor
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.movePosition(QTextCursor.MoveOperation.Left)
    editor.setTextCursor(cursor)
    qtbot.keyClicks(editor, " today")
    france = [a for a in cli_outline(negotiated)["amendments"] if a["author"] == "France"]
    assert [a["id"] for a in france] == ["a9", "a10"]
    assert france[0]["new"] == "all Member States" and france[1]["new"].strip().endswith("today")
    view.setCurrentIndex(view.model_.index(negotiation.row_of(block_id(seed_window, "OP6"))))
    row = negotiation.rows[negotiation.row_of(op5)]
    inserted = [text for text, fmt in fragments(rendered(seed_window, row)) if fmt.fontUnderline()]
    assert any("all" in text for text in inserted) and any("today" in text for text in inserted)


def test_edit_text_mode_changes_the_text_and_proposals_follow(qtbot, seed_window, negotiated):
    seed_window.actions["edit_mode"].trigger()
    assert seed_window.session.negotiation.mode == "edit"
    op2 = block_id(seed_window, "OP2")
    seed_window.text_view.focus_block(op2, 0)
    qtbot.keyClicks(seed_window.text_view.editor, "Firmly ")
    data = cli_outline(negotiated)
    text = next(b["text"] for b in _walk(data["blocks"]) if b.get("label") == "OP2")
    assert text.startswith("Firmly Urges Member States")
    by_id = {a["id"]: a for a in data["amendments"]}
    assert not by_id["a1"]["stale"] and not by_id["a7"]["stale"]  # their words were found again
    markup = cli_outline(negotiated, "--view", "markup")
    op2_segments = next(b["segments"] for b in _walk(markup["blocks"]) if b.get("label") == "OP2")
    assert {s["author"] for s in op2_segments if s["op"] != "equal"} == {"European Union", "Group of 77 and China"}
    with DocumentFile.open(negotiated, readonly=True) as reader:
        assert reader.setting("gui_mode") == "edit"


def test_dragging_in_the_outline_proposes_a_move_in_propose_mode(qtbot, window, doc_path):
    from test_ui_editor import drop

    window.actions["propose_mode"].trigger()
    ui(window).toolbar.acting_as.act_as("Fiji")
    model = window.outline.model_
    operative = model.invisibleRootItem().child(1)
    assert not drop(model, "b5", operative, operative.rowCount())  # OP1 dropped at the end: proposed, not moved
    data = cli_outline(doc_path)
    assert [(a["author"], a["instruction"]) for a in data["amendments"]] == [
        ("Fiji", "Move operative paragraph 1 to follow operative paragraph 6")]
    assert [b.id for b in window.session.document.blocks][4] == "b5"  # the text keeps its order


def test_typing_a_proposal_needs_a_delegation_and_add_delegation_acts_as_it(qtbot, window, doc_path, monkeypatch):
    from resdesk.ui.delegation_dialog import AddDelegationDialog

    window.actions["propose_mode"].trigger()
    op1 = block_id(window, "OP1")
    window.text_view.focus_block(op1)
    qtbot.keyClicks(window.text_view.editor, "x")
    assert window.text_view.editor.toPlainText() == "Calls upon Member States to act;"  # nothing recorded, shown so
    assert "Acting as" in window.statusBar().currentMessage()
    assert cli_outline(doc_path)["amendments"] == []
    def add(dialog):
        dialog.name.setText("Group of Friends")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(AddDelegationDialog, "exec", add)
    window.actions["add_delegation"].trigger()
    assert window.session.negotiation.acting == "Group of Friends"
    assert ui(window).toolbar.acting.findText("Group of Friends") >= 0
    completer = ui(window).toolbar.acting.completer()
    completer.setCompletionPrefix("friends")  # the selector finds names by any part
    assert completer.currentCompletion() == "Group of Friends"


def _unnamed(widget) -> list[str]:
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
        QTextEdit,
    )

    interactive = (QAbstractButton, QAbstractItemView, QLineEdit, QTextEdit, QPlainTextEdit, QComboBox)
    return [f"{type(w).__name__} {w.objectName()!r}" for kind in interactive for w in widget.findChildren(kind)
            if not w.objectName().startswith("qt_") and w.isVisibleTo(widget)
            and not (w.objectName() and w.accessibleName())]


def test_every_widget_of_the_new_dialogs_has_names(qtbot, seed_window):
    from resdesk.ui.amendment_actions import SupersedeQuestion
    from resdesk.ui.amendment_details_dialog import AmendmentDetailsDialog
    from resdesk.ui.delegation_dialog import AddDelegationDialog
    from resdesk.ui.export_dialog import ExportDialog
    from resdesk.ui.revision_dialog import RevisionDialog

    negotiation = seed_window.session.negotiation
    for dialog in (ExportDialog(negotiation, seed_window), RevisionDialog(negotiation, seed_window),
                   AmendmentDetailsDialog(negotiation.amendment("a1"), seed_window),
                   AddDelegationDialog(ui(seed_window).toolbar.acting_as.add, "", seed_window),
                   SupersedeQuestion(seed_window, "a7 collides with a1.", ["a1"], ["a7"])):
        dialog.show()
        assert dialog.objectName() and dialog.accessibleName()
        assert not _unnamed(dialog), (dialog.objectName(), _unnamed(dialog))
        dialog.close()


def test_a_long_export_shows_progress(seed_window, tmp_path, monkeypatch):
    import time

    from PySide6.QtWidgets import QProgressDialog

    from resdesk.ui import export_dialog

    seen = []

    def slow_export(prepared, output, progress):
        progress(0, 4)
        time.sleep(1.1)  # longer than a second: the progress dialog appears at the next step
        progress(2, 4)
        seen.extend(d for d in seed_window.findChildren(QProgressDialog) if d.isVisible())
        progress(4, 4)
        output.write_bytes(b"done")

    monkeypatch.setattr(export_dialog, "exporter", lambda fmt: slow_export)
    target = tmp_path / "slow.docx"
    assert export_dialog.export(seed_window.session.file, export_dialog.ExportOptions(), target, "docx",
                                seed_window) == target
    assert seen and seen[0].objectName() == "exportProgress"
    assert not [d for d in seed_window.findChildren(QProgressDialog) if d.isVisible()]


def test_export_dialog_remembers_the_emblem_and_places_it(seed_window, tmp_path, monkeypatch):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMessageBox, QWidget

    from resdesk.formats.docx.picture import png
    from resdesk.ui.export_dialog import ExportDialog
    from resdesk.ui.settings import EMBLEM_KEY

    shown = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda parent, title, text: shown.append(text)))
    dialog = ExportDialog(seed_window.session.negotiation, seed_window, "clean")
    for name in ("exportEmblem", "exportEmblemChoose", "exportEmblemClear"):
        assert dialog.findChild(QWidget, name).accessibleName()
    assert dialog.emblem.text() == ""  # none is shipped
    bad = tmp_path / "emblem.png"
    bad.write_bytes(b"not an image")
    dialog.set_emblem(str(bad))
    assert shown == ["emblem.png is not a PNG or JPEG image."] and dialog.emblem.text() == ""
    assert not QSettings().value(EMBLEM_KEY, "")
    good = tmp_path / "good.png"
    good.write_bytes(png([[True, False] * 10] * 10))
    dialog.set_emblem(str(good))
    assert QSettings().value(EMBLEM_KEY) == str(good)
    again = ExportDialog(seed_window.session.negotiation, seed_window, "clean")
    assert again.emblem.text() == str(good)  # remembered between exports (and runs)
    docx = tmp_path / "clean.docx"
    again.output.setText(str(docx))
    again.run()
    with zipfile.ZipFile(docx) as archive:
        headers = [archive.read(n).decode() for n in archive.namelist() if n.startswith("word/header")]
    assert sum('name="UN emblem"' in xml for xml in headers) == 1
    again.emblem_clear.click()
    assert again.emblem.text() == "" and not QSettings().value(EMBLEM_KEY, "")
