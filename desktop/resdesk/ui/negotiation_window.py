"""The negotiation in the main window: acting as, modes, views, panels, revisions, export and printing.

`NegotiationUi` adds to a `MainWindow` the toolbar (acting as, mode, view,
filters, version), the amendment and comment panels, and the actions of the
Amendments menu and of File ▸ Export/Print. In propose mode the window's
paragraph commands become proposals of the acting delegation (`propose_*`).

Decisions: a document opens in propose mode once it has an amendment or once
someone switched it to propose mode (remembered in the document), else in
edit-text mode; a negotiated document opens in the markup view. Creating a
revision is one undo step (`RevisionCommand`): the steps before it belong to
the earlier version, and undoing them first takes the revision back, so each
applies to the version it was made on.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QSettings, QStringListModel, Qt
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QToolBar,
    QToolButton,
    QVBoxLayout,
)

from resdesk.amend.propose import (
    propose_alternative,
    propose_delete_paragraph,
    propose_move,
    propose_new_paragraph,
)
from resdesk.amend.revise import create_revision
from resdesk.errors import UserError
from resdesk.formats.export_options import ExportOptions
from resdesk.model.amendment import (
    ALTERNATIVE,
    BRACKETED,
    INSERT_BLOCK,
    LIVE_STATUSES,
    PROPOSED,
    STATUSES,
    Amendment,
)
from resdesk.model.comment import Comment
from resdesk.model.document import SUBPARAGRAPH
from resdesk.store.delegations import add_delegation, resolve_delegation
from resdesk.ui import negotiation_commands as commands
from resdesk.ui.amendment_panel import AmendmentPanel, status_text
from resdesk.ui.comment_panel import CommentPanel
from resdesk.ui.naming import name_buttons, named
from resdesk.ui.negotiation import BASE, CONSOLIDATED, EDIT, MARKUP, PROPOSE, VIEWS
from resdesk.ui.revision_dialog import RevisionDialog
from resdesk.views.consolidated import consolidated

VIEW_NAMES = {BASE: "Base", MARKUP: "Markup", CONSOLIDATED: "Consolidated"}
# A delegation may still reword its proposed paragraph or alternative until it is agreed or closed.
TEXT_EDITABLE_STATUSES = (PROPOSED, BRACKETED)
ALL_DELEGATIONS = ""



class AmendmentDetailsDialog(QDialog):
    """Co-sponsors and justification of one amendment, and the text of a proposed paragraph or alternative
    while its delegation may still change it (`text_editable`)."""

    def __init__(self, amendment: Amendment, parent=None, *, text_editable: bool = False):
        super().__init__(parent)
        named(self, "amendmentDetailsDialog", "Amendment details")
        self.setWindowTitle(f"Amendment {amendment.id}")
        self.co_sponsors = named(QLineEdit(", ".join(amendment.co_sponsors), self), "amendmentCoSponsors",
                                  "Co-sponsors")
        self.justification = named(QLineEdit(amendment.justification, self), "amendmentJustification",
                                    "Justification")
        self.text: QPlainTextEdit | None = None
        if text_editable:
            proposed = amendment.new_block.text if amendment.kind == INSERT_BLOCK else amendment.new
            self.text = named(QPlainTextEdit(proposed, self), "amendmentProposedText", "Proposed text")
            self.text.setTabChangesFocus(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        name_buttons(named(buttons, "amendmentDetailsButtons", "Save or cancel"), "amendmentDetails")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        if self.text is not None:
            form.addRow("Proposed text:", self.text)
        form.addRow("Co-sponsors:", self.co_sponsors)
        form.addRow("Justification:", self.justification)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def co_sponsor_names(self) -> list[str]:
        return [name.strip() for name in self.co_sponsors.text().split(",") if name.strip()]

    def proposed_text(self) -> str | None:
        """The proposed text as typed, spaces made single (None when it is not editable here)."""
        return " ".join(self.text.toPlainText().split()) if self.text is not None else None


class NegotiationUi:
    def __init__(self, window):
        self.window = window
        self.session = window.session
        self.negotiation = self.session.negotiation
        self.actions = window.actions
        self._build_toolbar()
        self.amendment_panel = AmendmentPanel(self.negotiation, window)
        self.comment_panel = CommentPanel(self.negotiation, window)
        window.add_panel("amendments", "Amendments", self.amendment_panel, Qt.DockWidgetArea.BottomDockWidgetArea)
        window.add_panel("comments", "Comments", self.comment_panel, Qt.DockWidgetArea.RightDockWidgetArea)
        window.tabifyDockWidget(window.panels["metadata"], window.panels["comments"])
        window.panels["comments"].raise_()
        self._panel_waits = not self.negotiation.amendments  # shown with the document's first amendment
        if self._panel_waits:
            window.panels["amendments"].hide()
            window.layout().activate()  # the minimum size was computed with the panel shown
        self.status = named(QLabel(window), "negotiationStatus", "Acting delegation, mode and view")
        window.statusBar().addPermanentWidget(self.status)
        self._connect()
        self._sync()

    # -- toolbar -------------------------------------------------------------------------------------

    def _build_toolbar(self) -> None:
        window = self.window
        bar = named(QToolBar("Negotiation", window), "negotiationToolbar", "Negotiation toolbar")
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self.toolbar = bar
        bar.addWidget(QLabel(" Acting as ", bar))
        self.acting = named(QComboBox(bar), "actingAs", "Acting as delegation")
        self.acting.setEditable(True)
        self.acting.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.acting.setMinimumContentsLength(18)
        self.acting.lineEdit().setObjectName("actingAsField")
        self.acting.lineEdit().setAccessibleName("Acting as delegation (type to search)")
        self.acting.lineEdit().setPlaceholderText("Choose a delegation…")
        self._fill_acting()
        bar.addWidget(self.acting)
        bar.addAction(self.actions["add_delegation"])
        bar.addSeparator()
        self.mode_group = QActionGroup(window)
        for key in ("propose_mode", "edit_mode"):
            action = self.actions[key]
            action.setCheckable(True)
            self.mode_group.addAction(action)
            bar.addAction(action)
        bar.addSeparator()
        bar.addWidget(QLabel(" View ", bar))
        self.view = named(QComboBox(bar), "viewSelector", "View: base, markup or consolidated")
        for key in VIEWS:
            self.view.addItem(VIEW_NAMES[key], key)
        bar.addWidget(self.view)
        self.view_group = QActionGroup(window)
        for key in VIEWS:
            action = self.actions[f"view_{key}"]
            action.setCheckable(True)
            self.view_group.addAction(action)
        self.delegation_filter = named(QComboBox(bar), "viewDelegationFilter", "Show amendments of delegation")
        bar.addWidget(self.delegation_filter)
        self.status_filter = named(QToolButton(bar), "viewStatusFilter", "Show amendments with statuses")
        self.status_filter.setText("Statuses")
        self.status_filter.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.status_filter)
        menu.setObjectName("menu_statusFilter")
        self.status_checks = {}
        for status in STATUSES:
            action = menu.addAction(status_text(status))
            action.setObjectName(f"action_show_{status}")
            action.setCheckable(True)
            action.setChecked(status in LIVE_STATUSES)
            action.toggled.connect(self._filters_changed)
            self.status_checks[status] = action
        self.status_filter.setMenu(menu)
        bar.addWidget(self.status_filter)
        bar.addSeparator()
        bar.addWidget(QLabel(" Version ", bar))
        self.version = named(QComboBox(bar), "versionSelector", "Version shown")
        bar.addWidget(self.version)
        for action in bar.actions():
            button = bar.widgetForAction(action)
            if isinstance(button, QToolButton) and not button.objectName():
                named(button, "toolButton_" + action.objectName().removeprefix("action_"),
                       action.text().replace("&", ""))
        self._fill_versions()
        self._fill_delegation_filter()

    def _fill_acting(self) -> None:
        names = self.negotiation.delegation_names()
        blocker = self.acting.blockSignals(True)
        self.acting.clear()
        self.acting.addItems(names)
        completer = QCompleter(QStringListModel(names, self.acting), self.acting)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.acting.setCompleter(completer)
        self.acting.setCurrentIndex(self.acting.findText(self.negotiation.acting))
        if not self.negotiation.acting:
            self.acting.setEditText("")
        self.acting.blockSignals(blocker)

    def _fill_versions(self) -> None:
        blocker = self.version.blockSignals(True)
        self.version.clear()
        names = self.negotiation.versions()
        self.version.addItems(names)
        self.version.setCurrentIndex(names.index(self.negotiation.document.version))
        self.version.blockSignals(blocker)

    def _fill_delegation_filter(self) -> None:
        chosen = self.delegation_filter.currentData()
        blocker = self.delegation_filter.blockSignals(True)
        self.delegation_filter.clear()
        self.delegation_filter.addItem("All delegations", ALL_DELEGATIONS)
        for name in sorted({a.author for a in self.negotiation.amendments}):
            self.delegation_filter.addItem(name, name)
        self.delegation_filter.setCurrentIndex(max(0, self.delegation_filter.findData(chosen)))
        self.delegation_filter.blockSignals(blocker)

    # -- wiring --------------------------------------------------------------------------------------

    def _connect(self) -> None:
        a = self.actions
        n = self.negotiation
        self.acting.activated.connect(lambda _index: self.act_as(self.acting.currentText()))
        self.acting.lineEdit().returnPressed.connect(lambda: self.act_as(self.acting.currentText()))
        a.connect("propose_mode", lambda: n.set_mode(PROPOSE))
        a.connect("edit_mode", lambda: n.set_mode(EDIT))
        for key in VIEWS:
            a.connect(f"view_{key}", lambda key=key: n.set_view(key))
        self.view.currentIndexChanged.connect(lambda _i: n.set_view(self.view.currentData()))
        self.delegation_filter.currentIndexChanged.connect(self._filters_changed)
        self.version.currentIndexChanged.connect(lambda _i: n.show_version(self.version.currentText()))
        a.connect("propose_alternative", self.propose_alternative)
        a.connect("propose_from_word", self.propose_from_word)
        a.connect("add_comment", self.add_comment)
        a.connect("add_delegation", self.add_delegation)
        a.connect("create_revision", self.create_revision)
        a.connect("export", self.export)
        a.connect("export_pdf", self.export_pdf)
        a.connect("print_preview", self.print_preview)
        a.connect("print", self.print)
        n.mode_changed.connect(lambda _m: self._sync())
        n.view_changed.connect(lambda _v: self._sync())
        n.version_changed.connect(lambda _v: self._sync())
        n.changed.connect(self._sync)
        panel = self.amendment_panel
        panel.amendment_selected.connect(self.show_amendment)
        panel.status_requested.connect(self.set_status)
        panel.edit_requested.connect(self.edit_amendment)
        panel.delete_requested.connect(self.delete_amendment)
        self.comment_panel.comment_requested.connect(self.comment)
        self.window.outline.model_.move_proposed.connect(self.propose_move_after)
        text_view = self.window.text_view
        text_view.current_block_changed.connect(self.comment_panel.show_block)
        text_view.proposal_refused.connect(lambda sentence: self.window.statusBar().showMessage(sentence, 6000))
        text_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        text_view.customContextMenuRequested.connect(self._text_menu)

    def _sync(self) -> None:
        """Selectors, checks, enabled actions and the status bar follow the negotiation's state."""
        n = self.negotiation
        if self._panel_waits and n.amendments:
            self._panel_waits = False
            self.window.panels["amendments"].show()
        self.actions["propose_mode"].setChecked(n.proposing)
        self.actions["edit_mode"].setChecked(not n.proposing)
        self.actions[f"view_{n.view}"].setChecked(True)
        blocker = self.view.blockSignals(True)
        self.view.setCurrentIndex(self.view.findData(n.view))
        self.view.blockSignals(blocker)
        self._fill_delegation_filter()
        self.actions.set_read_only(self.session.readonly or not n.current)
        self.delegation_filter.setEnabled(n.view != BASE)
        self.status_filter.setEnabled(n.view != BASE)
        shown = n.statuses if n.view == MARKUP else n.accepted
        self.status_filter.setText("Statuses" if n.view == MARKUP else "Accepted")
        self.status_filter.setToolTip("Statuses shown in the markup" if n.view == MARKUP
                                      else "Statuses accepted into the consolidated text")
        for status, action in self.status_checks.items():
            blocker = action.blockSignals(True)
            action.setChecked(status in shown)
            action.blockSignals(blocker)
        version = n.document.version + ("" if n.current else " (earlier version, read-only)")
        self.status.setText(f"Acting as: {n.acting or '—'}  ·  {'Propose' if n.proposing else 'Edit text'} mode"
                            f"  ·  {VIEW_NAMES[n.view]} view  ·  {version}")

    def _filters_changed(self) -> None:
        """The Statuses menu chooses what the markup shows, or (consolidated view) what is accepted."""
        statuses = tuple(status for status, action in self.status_checks.items() if action.isChecked())
        chosen = self.delegation_filter.currentData()
        delegations = (chosen,) if chosen else None
        if self.negotiation.view == CONSOLIDATED:
            self.negotiation.set_filter(delegations=delegations, accepted=statuses)
        else:
            self.negotiation.set_filter(statuses=statuses, delegations=delegations)

    def _message(self, sentence: str) -> None:
        self.window.statusBar().showMessage(sentence, 6000)

    def _push(self, command) -> None:
        self.session.undo_stack.push(command)  # a refusal inside the command is reported by the stack

    # -- acting as -----------------------------------------------------------------------------------

    def act_as(self, name: str) -> bool:
        if not name.strip() or name == self.negotiation.acting:
            return False
        try:
            full = self.negotiation.set_acting(name)
        except UserError as error:
            QMessageBox.warning(self.window, "Acting as", str(error))
            self._fill_acting()
            return False
        self._fill_acting()
        self._message(f"Proposals are now made in the name of {full}.")
        return True

    def add_delegation(self) -> None:
        name, ok = QInputDialog.getText(self.window, "Add Delegation", "Name of the delegation or group:")
        if not ok or not name.strip():
            return
        try:
            added = add_delegation(self.session.file, name, actor=self.negotiation.acting)
        except UserError as error:
            QMessageBox.warning(self.window, "Add Delegation", str(error))
            return
        self._fill_acting()
        self.act_as(added.name)

    # -- proposals -----------------------------------------------------------------------------------

    def _acting_or_tell(self) -> str:
        if not self.negotiation.acting:
            QMessageBox.information(self.window, "Propose", "Choose in whose name you propose (Acting as) first.")
        return self.negotiation.acting

    def propose(self, make, text: str) -> None:
        """Run `make(document, author)` (an engine `propose_*` call) and push the proposal it returns."""
        author = self._acting_or_tell()
        if not author:
            return
        try:
            amendment = make(self.negotiation.document, author)
        except UserError as error:
            QMessageBox.warning(self.window, "Propose", str(error))
            return
        self._push(commands.ProposeCommand(self.negotiation, [amendment], text))

    def propose_paragraph(self, kind: str, after_id: str) -> None:
        what = {"preambular": "preambular paragraph", "operative": "operative paragraph"}.get(kind, "sub-paragraph")
        label = self.session.label_of(after_id)
        text, ok = QInputDialog.getMultiLineText(self.window, "Propose a New Paragraph",
                                                 f"Text of the new {what} after {label}:")
        if ok and text.strip():
            self.propose(lambda doc, author: propose_new_paragraph(doc, author, text, after_id, kind),
                         f"Propose a new {what} after {label}")

    def propose_deletion(self, block_id: str) -> None:
        label = self.session.label_of(block_id)
        self.propose(lambda doc, author: propose_delete_paragraph(doc, author, block_id), f"Propose deleting {label}")

    def propose_move(self, block_id: str, step: int) -> None:
        after = self._move_anchor(block_id, step)
        label = self.session.label_of(block_id)
        if after is None:
            self._message("It is already the " + ("first" if step < 0 else "last") + " one.")
            return
        self.propose(lambda doc, author: propose_move(doc, author, block_id, after),
                     f"Propose moving {label} {'up' if step < 0 else 'down'}")

    def propose_move_after(self, block_id: str, after_id: str) -> None:
        """A paragraph dragged in the outline in propose mode: propose moving it after `after_id`."""
        label, after = self.session.label_of(block_id), self.session.label_of(after_id)
        self.propose(lambda doc, author: propose_move(doc, author, block_id, after_id),
                     f"Propose moving {label} after {after}")

    def _move_anchor(self, block_id: str, step: int) -> str | None:
        """The block a paragraph would follow after moving one place up or down among its siblings."""
        document = self.session.document
        blocks = next(part for part in [document.blocks] + [a.blocks for a in document.annexes]
                      if any(b.id == block_id for b in part))
        block = next(b for b in blocks if b.id == block_id)
        if block.kind == SUBPARAGRAPH:
            siblings = [b for b in blocks if b.kind == SUBPARAGRAPH and b.parent == block.parent]
        else:
            siblings = [b for b in blocks if b.parent is None or b.kind != SUBPARAGRAPH]
        at = [b.id for b in siblings].index(block_id)
        if step > 0:
            return siblings[at + 1].id if at + 1 < len(siblings) else None
        return siblings[at - 2].id if at >= 2 else None

    def propose_alternative(self) -> None:
        block_id = self.window._current()
        if not block_id:
            return
        label = self.session.label_of(block_id)
        current = self.session.row(block_id).block.text
        text, ok = QInputDialog.getMultiLineText(self.window, "Propose an Alternative",
                                                 f"Alternative text for {label}:", current)
        if ok and text.strip() and text.strip() != current:
            self.propose(lambda doc, author: propose_alternative(doc, author, text, block_id),
                         f"Propose an alternative to {label}")

    def propose_from_word(self, path: str | None = None) -> None:
        """Every change in a Word file of this version (typed or tracked) as proposals of the acting delegation,
        in one undo step."""
        from resdesk.formats.docx_proposals import proposals_from_word_file  # the Word reader only when asked for

        author = self._acting_or_tell()
        if not author:
            return
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self.window, "Propose from a Word File", str(Path.home()),
                                                  "Word documents (*.docx)")
            if not path:
                return
        source = Path(path)
        try:
            result = proposals_from_word_file(self.negotiation.document, source, author)
        except UserError as error:
            QMessageBox.warning(self.window, "Propose from a Word File", str(error))
            return
        if not result.proposals:
            self._message(f"{source.name} changes nothing in the text of {self.negotiation.document.version}.")
            return
        self._push(commands.ProposeCommand(self.negotiation, result.proposals,
                                           f"Propose {author}’s changes from {source.name}"))
        count = len(result.proposals)
        sentence = f"{count} proposal{'s' if count != 1 else ''} of {author} from {source.name}."
        if result.not_carried:
            QMessageBox.information(self.window, "Propose from a Word File",
                                    sentence + " Not proposed, to be proposed by hand: "
                                    + "; ".join(result.not_carried) + ".")
        self._message(sentence)

    # -- the amendment panel -------------------------------------------------------------------------

    def show_amendment(self, ident: str) -> None:
        """Scroll the text to an amendment (the markup view shows it) and highlight its row."""
        n = self.negotiation
        self.comment_panel.show_amendment(ident)
        if n.view != MARKUP:
            n.set_view(MARKUP)
        row = n.row_of_amendment(ident)
        if row is None:
            self._message(f"Amendment {ident} is not shown with the current filters or it is stale.")
            return
        view = self.window.text_view
        index = view.model_.index(row)
        view.setCurrentIndex(index)
        view.scrollTo(index, view.ScrollHint.PositionAtCenter)

    def set_status(self, ids: list[str], status: str) -> None:
        labels = ", ".join(self._label(i) for i in ids)
        self._push(commands.StatusCommand(self.negotiation, ids, status, f"Mark {labels} {status_text(status)}"))

    def _label(self, ident: str) -> str:
        detail = self.negotiation.detail(ident)
        return (detail["label"] or detail["target"] or ident) if detail else ident

    def edit_amendment(self, ident: str) -> None:
        amendment = self.negotiation.amendment(ident)
        if amendment is None:
            return
        text_editable = (amendment.kind in (INSERT_BLOCK, ALTERNATIVE) and amendment.author == self.negotiation.acting
                         and amendment.status in TEXT_EDITABLE_STATUSES and self.negotiation.current)
        dialog = AmendmentDetailsDialog(amendment, self.window, text_editable=text_editable)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            co_sponsors = [resolve_delegation(self.session.file, name).name for name in dialog.co_sponsor_names()]
            text = dialog.proposed_text()
            if text == "":
                raise UserError("A proposed paragraph or alternative needs a text; to take it back, delete or "
                                "withdraw it.")
        except UserError as error:
            QMessageBox.warning(self.window, "Edit Details", str(error))
            return
        changed = Amendment(**{**amendment.__dict__, "co_sponsors": co_sponsors,
                               "justification": dialog.justification.text().strip()})
        if text is not None and amendment.kind == INSERT_BLOCK:
            changed.new_block = replace(amendment.new_block, text=text)
        elif text is not None:
            changed.new = text
        self._push(commands.EditAmendmentCommand(self.negotiation, changed, f"Edit details of {self._label(ident)}"))

    def delete_amendment(self, ident: str) -> None:
        amendment = self.negotiation.amendment(ident)
        if amendment is None or amendment.author != self.negotiation.acting:
            self._message("Only the delegation that proposed an amendment deletes it; others withdraw or reject.")
            return
        self._push(commands.DeleteAmendmentCommand(self.negotiation, ident, self._label(ident)))

    # -- comments ------------------------------------------------------------------------------------

    def comment(self, text: str, private: bool, reply_to: str) -> None:
        author = self._acting_or_tell()
        if not author:
            return
        panel = self.comment_panel
        self._push(commands.CommentCommand(self.negotiation, Comment(
            id="", author=author, text=text, block=panel.block_id, amendment=panel.amendment_id,
            private=private, reply_to=reply_to)))

    def add_comment(self) -> None:
        block_id = self.window._current()
        panel = self.comment_panel
        if block_id and not panel.amendment_id:
            panel.show_block(block_id)
        self.window.panels["comments"].show()
        self.window.panels["comments"].raise_()
        panel.editor.setFocus()

    # -- revisions -----------------------------------------------------------------------------------

    def create_revision(self) -> None:
        dialog = RevisionDialog(self.negotiation, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.revise(dialog.accepted_statuses(), dialog.name.text().strip() or None)

    def revise(self, accept: tuple[str, ...], name: str | None) -> str | None:
        try:
            created = create_revision(self.session.file, accept, name, actor=self.negotiation.acting)
        except UserError as error:
            QMessageBox.warning(self.window, "Create Revision", str(error))
            return None
        self.session.undo_stack.push(commands.RevisionCommand(self.negotiation, created, accept,
                                                              self._version_changed))
        self._message(f"{created.name} created; the earlier versions stay readable (Version selector); "
                      "Undo takes it back.")
        return created.name

    def _version_changed(self) -> None:
        """After a revision is made or taken back: the text, the rows and the version selector."""
        self.session.reload()
        self.negotiation.show_version(None)
        self._fill_versions()

    # -- export and printing -------------------------------------------------------------------------

    def page(self) -> str:
        return str(QSettings().value("export/page", "letter"))

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
        from resdesk.ui.export_dialog import ExportDialog

        mode = {MARKUP: "tracked"}.get(self.negotiation.view, "clean")
        dialog = ExportDialog(self.negotiation, self.window, mode)
        dialog.page.setCurrentIndex(max(0, dialog.page.findData(self.page())))
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.written is not None:
            QSettings().setValue("export/page", dialog.page.currentData())
            self._message(f"Exported {dialog.written.name}.")

    def export_pdf(self) -> None:
        from resdesk.ui.printing.dialogs import export_pdf_dialog

        source, options = self.print_source()
        path = export_pdf_dialog(self.window, source, options, str(self.session.path.with_suffix(".pdf")))
        if path is not None:
            self._message(f"Exported {path.name}.")

    def print_preview(self) -> None:
        from resdesk.ui.printing.dialogs import print_preview

        source, options = self.print_source()
        print_preview(self.window, source, options)

    def print(self) -> None:
        from resdesk.ui.printing.dialogs import print_document

        source, options = self.print_source()
        pages = print_document(self.window, source, options)
        if pages:
            self._message(f"Printed {pages} page{'s' if pages != 1 else ''}.")

    # -- context menu of the text --------------------------------------------------------------------

    def _text_menu(self, point) -> None:
        view = self.window.text_view
        index = view.indexAt(point)
        if index.isValid():
            view.setCurrentIndex(index)
        menu = QMenu(view)
        menu.setObjectName("textContextMenu")
        for key in ("propose_alternative", "add_comment", None, "delete", "move_up", "move_down"):
            if key is None:
                menu.addSeparator()
            else:
                menu.addAction(self.actions[key])
        menu.exec(view.viewport().mapToGlobal(point))
