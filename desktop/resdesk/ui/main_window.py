"""The main window: the text in the middle, panels around it, every action in a menu.

Panels are dock widgets added with `add_panel`, so later panels (amendments,
comments) only need a widget and a title; their toggles appear in the View
menu and their placement is remembered with the window's geometry.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QSettings, Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QInputDialog,
    QMainWindow,
    QMenu,
    QMessageBox,
    QUndoView,
    QVBoxLayout,
    QWidget,
)

from resdesk.errors import UserError
from resdesk.model import tree
from resdesk.model.document import OPERATIVE, PREAMBULAR, SUBPARAGRAPH
from resdesk.store.docfile import ForeignSchemaError
from resdesk.store.editing import neighbour_position
from resdesk.ui import commands
from resdesk.ui.actions import MENUS, Actions
from resdesk.ui.banner import Banner
from resdesk.ui.block_editor import plain_offset
from resdesk.ui.check_panel import CheckUi
from resdesk.ui.export_print import ExportPrint
from resdesk.ui.find_bar import FindBar
from resdesk.ui.footnote_dialog import FootnoteDialog
from resdesk.ui.goto_dialog import GoToDialog
from resdesk.ui.guard import guard_overrides
from resdesk.ui.metadata_panel import MetadataPanel
from resdesk.ui.negotiation_window import NegotiationUi
from resdesk.ui.outline_panel import OutlineView
from resdesk.ui.problems import ProblemReporter
from resdesk.ui.session import DocumentSession
from resdesk.ui.settings import APP_NAME, recent_files
from resdesk.ui.text_view import TextView
from resdesk.ui.unsaved import UnsavedEdit


def word_files(mime: QMimeData) -> list[str]:
    """The local Word files (.docx) among dragged or dropped data."""
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile() and url.toLocalFile().lower().endswith(
        ".docx")]


@guard_overrides
class MainWindow(QMainWindow):
    """One document in one window."""

    open_requested = Signal(str)       # a path the user chose with File ▸ Open or the recent files
    closed = Signal(object)

    def __init__(self, session: DocumentSession, *, restore: bool = True, remember: bool = True):
        super().__init__()
        self.remember = remember  # write the layout to the settings on closing
        self.setObjectName("mainWindow")
        self.setAccessibleName("Resolution Desk main window")
        self.session = session
        session.setParent(self)  # the session (and its undo stack) lives as long as its window
        self.panels: dict[str, QDockWidget] = {}
        self.problems = ProblemReporter(self)
        self.actions = Actions(self)
        self.menus: dict[str, QMenu] = {}

        central = QWidget(self)
        central.setObjectName("centralArea")
        central.setAccessibleName("Text area")
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.banner = Banner(central)
        self.text_view = TextView(session, central)
        self.find_bar = FindBar(self.text_view.find_matches, central)
        layout.addWidget(self.banner)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.text_view, 1)
        self.setCentralWidget(central)

        self.outline = OutlineView(session, self)
        self.metadata = MetadataPanel(session, self)
        self.history = QUndoView(session.undo_stack, self)
        self.history.setObjectName("undoHistory")
        self.history.setAccessibleName("Undo history")
        self.history.setEmptyLabel("Opened")
        # The history is reset at every change; rows of one height keep that cheap after thousands of steps.
        self.history.setUniformItemSizes(True)
        self.add_panel("outline", "Outline", self.outline, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.add_panel("metadata", "Document", self.metadata, Qt.DockWidgetArea.RightDockWidgetArea)
        self.add_panel("history", "History", self.history, Qt.DockWidgetArea.RightDockWidgetArea, below=True)

        self._build_menus()
        self._connect()
        self.negotiation_ui = NegotiationUi(self)
        self.setAcceptDrops(True)  # Word files dropped on the window: their proposals
        self.export_print = ExportPrint(self)
        self.check_ui = CheckUi(self)
        self.actions.set_read_only(session.readonly)
        self._update_undo_actions()
        self.setWindowTitle(self.title())
        self.statusBar().setObjectName("statusBar")
        self.statusBar().setAccessibleName("Status")
        self.unsaved = UnsavedEdit(self)
        self.statusBar().showMessage("Read-only." if session.readonly else "Every change is saved as you type.")
        if session.readonly:
            reason = session.read_only_because
            self.banner.show_reason(str(reason or "This document is open in another window or process."),
                                    offer_copy=not isinstance(reason, ForeignSchemaError))
            self.banner.save_as.clicked.connect(self.save_as)
        self.resize(1280, 800)
        if restore:
            self.restore_layout()
        first = next((row.block.id for row in session.rows if row.block is not None
                      and row.block.kind in (PREAMBULAR, OPERATIVE)), "")
        if first:
            self.text_view.focus_block(first, 0, scroll=False)

    # -- structure for other panels and commands ----------------------------------------------

    def title(self) -> str:
        suffix = " (read-only)" if self.session.readonly else ""
        return f"{self.session.path.name}{suffix} — {APP_NAME}"

    def add_panel(self, key: str, title: str, widget: QWidget,
                  area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea, *,
                  below: bool = False) -> QDockWidget:
        """Add a dock panel, toggled from the View menu.

        In an area that already has a panel it becomes a tab beside the last one,
        or, with `below`, a panel under it.
        """
        dock = QDockWidget(title, self)
        dock.setObjectName(f"panel_{key}")
        dock.setAccessibleName(f"{title} panel")
        dock.setWidget(widget)
        same_area = [panel for panel in self.panels.values() if self.dockWidgetArea(panel) == area]
        self.addDockWidget(area, dock)
        if same_area and below:
            self.splitDockWidget(same_area[-1], dock, Qt.Orientation.Vertical)
        elif same_area:
            self.tabifyDockWidget(same_area[-1], dock)
        self.panels[key] = dock
        if "panels" in self.menus:
            self.menus["panels"].addAction(dock.toggleViewAction())
        return dock

    def _build_menus(self) -> None:
        bar = self.menuBar()
        bar.setObjectName("menuBar")
        bar.setAccessibleName("Menu bar")
        for title, keys in MENUS:
            menu = bar.addMenu(title)
            menu.setObjectName("menu_" + title.replace("&", "").lower())
            for key in keys:
                if key is None:
                    menu.addSeparator()
                elif key == "recent":
                    recent = menu.addMenu("Open &Recent")
                    recent.setObjectName("menu_recent")
                    recent.aboutToShow.connect(lambda recent=recent: self._fill_recent(recent))
                    self.menus["recent"] = recent
                elif key == "panels":
                    self.menus["panels"] = menu
                    for dock in self.panels.values():
                        menu.addAction(dock.toggleViewAction())
                else:
                    menu.addAction(self.actions[key])
            self.menus[title.replace("&", "").lower()] = menu

    def _connect(self) -> None:
        a = self.actions
        stack = self.session.undo_stack
        a.connect("open", self.choose_and_open)
        a.connect("save_as", self.save_as)
        a.connect("close", self.close)
        a.connect("quit", self.quit_application)
        a.connect("undo", stack.undo)
        a.connect("redo", stack.redo)
        a.connect("find", self.find_bar.open)
        a.connect("find_next", self._find_next)
        a.connect("find_previous", self._find_previous)
        a.connect("go_to", self.go_to)
        a.connect("add_pp", lambda: self.add_paragraph(PREAMBULAR))
        a.connect("add_op", lambda: self.add_paragraph(OPERATIVE))
        a.connect("add_sub", lambda: self.add_paragraph(SUBPARAGRAPH))
        a.connect("delete", self.delete_paragraph)
        a.connect("move_up", lambda: self.move(-1))
        a.connect("move_down", lambda: self.move(+1))
        a.connect("toggle_kind", self.toggle_kind)
        a.connect("indent", lambda: self.change_level(True))
        a.connect("outdent", lambda: self.change_level(False))
        a.connect("add_footnote", self.add_footnote)
        a.connect("edit_footnotes", self.edit_footnotes)
        a.connect("about", self.about)
        for action in a:
            self.addAction(action)
        stack.failed.connect(self.show_problem)
        stack.canUndoChanged.connect(self._update_undo_actions)
        stack.canRedoChanged.connect(self._update_undo_actions)
        stack.undoTextChanged.connect(self._update_undo_actions)
        stack.redoTextChanged.connect(self._update_undo_actions)
        self.find_bar.found.connect(self._show_match)
        self.find_bar.closed.connect(self.text_view.clear_found)
        self.outline.block_activated.connect(self.text_view.go_to_block)
        self.text_view.current_block_changed.connect(self.outline.select_block)
        self.outline.model_.rebuilt.connect(lambda: self.outline.select_block(self.text_view.current_block_id()))
        self.text_view.enter_requested.connect(self._enter_in_text)
        self.text_view.indent_requested.connect(self.change_level)

    def _update_undo_actions(self) -> None:
        stack = self.session.undo_stack
        editable = not self.session.readonly
        self.actions["undo"].setEnabled(editable and stack.canUndo())
        self.actions["redo"].setEnabled(editable and stack.canRedo())
        self.actions["undo"].setText(f"&Undo {stack.undoText()}".strip())
        self.actions["redo"].setText(f"&Redo {stack.redoText()}".strip())

    # -- files -------------------------------------------------------------------------------

    def _fill_recent(self, menu: QMenu) -> None:
        menu.clear()
        paths = recent_files()
        if not paths:
            menu.addAction("(none)").setEnabled(False)
        for path in paths:
            action = menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.triggered.connect(lambda _checked=False, path=path: self.open_requested.emit(path))

    def choose_and_open(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Open", str(self.session.path.parent),
            "Resolutions (*.resdesk *.txt *.xml *.akn *.docx);;Resolution Desk documents (*.resdesk);;All files (*)")
        if path:
            self.open_requested.emit(path)

    def save_as(self) -> None:
        """Copy the document atomically under a new name, then continue in the copy."""
        path, _ = QFileDialog.getSaveFileName(self, "Save As", str(self.session.path.with_name(
            self.session.path.stem + " copy.resdesk")), "Resolution Desk documents (*.resdesk)")
        if not path:
            return
        target = Path(path)
        if target.suffix != ".resdesk":
            target = target.with_name(target.name + ".resdesk")
        if target.resolve() == self.session.path.resolve():
            return
        try:
            self.session.file.save_as(target)
            self.unsaved.write_into(target)  # what the disk here could not take goes into the copy
        except (UserError, OSError) as error:
            QMessageBox.critical(self, APP_NAME, str(error))
            return
        self.open_requested.emit(str(target))
        self.close()

    def quit_application(self) -> None:
        QApplication.closeAllWindows()

    def about(self) -> None:
        from resdesk.ui.about_dialog import AboutDialog  # rarely opened: its imports (docx, lxml) stay off start-up

        AboutDialog(self).exec()

    # -- window state ------------------------------------------------------------------------

    def restore_layout(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        state = settings.value("window/state")
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if word_files(event.mimeData()) and not self.session.readonly:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        """Word files dropped on the window: Amendments ▸ Propose from Word Files… with them."""
        paths = word_files(event.mimeData())
        if paths and not self.session.readonly:
            event.acceptProposedAction()
            self.negotiation_ui.proposals.propose_from_word(paths)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if not self.unsaved.confirm_close():
            event.ignore()
            return
        if self.remember:
            settings = QSettings()
            settings.setValue("window/geometry", self.saveGeometry())
            settings.setValue("window/state", self.saveState())
        # Emptied while the window still listens: a stack destroyed later would signal a closed window.
        self.session.undo_stack.clear()
        self.session.close()
        event.accept()
        self.closed.emit(self)

    # -- paragraph commands ---------------------------------------------------------------------

    def current_paragraph(self) -> str:
        """The id of the current paragraph of the version ("" when none is, or when the current row is a
        proposed new paragraph shown in the markup)."""
        block_id = self.text_view.current_block_id()
        return block_id if self.session.negotiation.session_has(block_id) else ""

    def show_message(self, sentence: str, milliseconds: int = 6000) -> None:
        """Say something in the status bar for a few seconds."""
        self.statusBar().showMessage(sentence, milliseconds)

    def _proposing(self) -> bool:
        return self.session.negotiation.proposing

    def _refuse_in_propose_mode(self) -> bool:
        if self._proposing():
            self.show_message("Propose mode proposes words, paragraphs, deletions and moves; "
                              "switch to Edit Text mode to change this.")
        return self._proposing()

    def _push(self, command) -> None:
        if not self.session.readonly:
            self.session.undo_stack.push(command)  # a refusal is reported by the stack (show_problem)

    def show_problem(self, error: BaseException, command=None) -> None:
        """What went wrong in a callback or an undo step, told to the user (see `resdesk.ui.guard`)."""
        self.problems.show(error, command)

    def _enter_in_text(self) -> None:
        block_id = self.current_paragraph()
        if not block_id:
            return
        kind = self.session.row(block_id).block.kind
        self.add_paragraph(kind if kind in (PREAMBULAR, OPERATIVE, SUBPARAGRAPH) else OPERATIVE)

    def _propose_paragraph(self, kind: str) -> None:
        blocks = self.session.document.blocks
        current = self.current_paragraph() or (blocks[-1].id if blocks else "")
        if current:
            self.negotiation_ui.proposals.propose_paragraph(kind, current)

    def add_paragraph(self, kind: str) -> None:
        if self._proposing():
            self._propose_paragraph(kind)
            return
        current = self.current_paragraph()
        blocks = self.session.document.blocks
        if not current:
            current = blocks[-1].id if blocks else None
        parent = None
        what = {PREAMBULAR: "preambular paragraph", OPERATIVE: "operative paragraph"}.get(kind, "sub-paragraph")
        after = current
        if current:
            block = self.session.row(current).block
            if kind == SUBPARAGRAPH:
                # A sub-paragraph of the current paragraph (its last), or a sibling of the current sub-paragraph.
                parent = block.parent if block.kind == SUBPARAGRAPH else block.id
            elif block.kind == SUBPARAGRAPH:
                after = self._top_level_of(block.id)
        self._push(commands.InsertBlockCommand(self.session, after, kind, parent, what=what))

    def _top_level_of(self, block_id: str) -> str:
        block = self.session.row(block_id).block
        while block.kind == SUBPARAGRAPH and block.parent:
            block = self.session.row(block.parent).block
        return block.id

    def delete_paragraph(self) -> None:
        current = self.current_paragraph()
        if not current:
            return
        if self._proposing():
            self.negotiation_ui.proposals.propose_deletion(current)
            return
        ids = self.session.block_ids()
        index = ids.index(current)
        # Focus afterwards: the block after the deleted group, or the one before it.
        blocks = [self.session.row(ident).block for ident in ids]
        group = tree.subtree(tree.child_ids(blocks), current)
        following = ids[index + len(group)] if index + len(group) < len(ids) else None
        focus = following or (ids[index - 1] if index > 0 else "")
        self._push(commands.DeleteBlockCommand(self.session, current, focus))

    def move(self, step: int) -> None:
        current = self.current_paragraph()
        if not current:
            return
        if self._proposing():
            self.negotiation_ui.proposals.propose_move(current, step)
            return
        position = neighbour_position(self.session.file, current, step)
        if position is None:
            self.show_message("It is already the " + ("first" if step < 0 else "last") + " one.", 4000)
            return
        label = self.session.label_of(current)
        self._push(commands.MoveBlockCommand(self.session, current, position,
                                             f"Move {label} {'up' if step < 0 else 'down'}"))

    def toggle_kind(self) -> None:
        current = self.current_paragraph()
        if not current or self._refuse_in_propose_mode():
            return
        kind = self.session.row(current).block.kind
        if kind not in (PREAMBULAR, OPERATIVE):
            self.show_message("Only preambular and operative paragraphs change kind.", 4000)
            return
        self._push(commands.SetKindCommand(self.session, current, OPERATIVE if kind == PREAMBULAR else PREAMBULAR))

    def change_level(self, deeper: bool) -> None:
        current = self.current_paragraph()
        if current and not self._refuse_in_propose_mode():
            self._push(commands.LevelCommand(self.session, current, deeper))

    def add_footnote(self) -> None:
        current = self.current_paragraph()
        editor = self.text_view.editor
        if not current or editor is None or self._refuse_in_propose_mode():
            return
        text, ok = QInputDialog.getText(self, "Insert Footnote", "Footnote text:")
        if ok and text.strip():
            offset = plain_offset(editor.document(), editor.textCursor().position())
            self._push(commands.AddFootnoteCommand(self.session, current, offset, text.strip()))

    def edit_footnotes(self) -> None:
        current = self.current_paragraph()
        if not current or self._refuse_in_propose_mode():
            return
        row = self.session.row(current)
        notes = {note_id: self.session.document.footnotes[note_id].text
                 for note_id in row.markers if note_id in self.session.document.footnotes}
        if not notes:
            self.show_message("This paragraph has no footnotes (Insert Footnote adds one).", 4000)
            return
        dialog = FootnoteDialog(notes, row.markers, self)
        if not dialog.exec():
            return
        stack = self.session.undo_stack
        stack.beginMacro(f"Edit footnotes of {row.label}")
        for note_id, text in dialog.changed_texts().items():
            self._push(commands.FootnoteTextCommand(self.session, note_id, text, current))
        for note_id in dialog.removed():
            self._push(commands.RemoveFootnoteCommand(self.session, current, note_id))
        stack.endMacro()

    # -- find and go to ----------------------------------------------------------------------

    def go_to(self) -> None:
        dialog = GoToDialog(self.session.labels(), self)
        accepted = dialog.exec()
        block_id = dialog.block_id
        dialog.deleteLater()
        self.activateWindow()
        if accepted and block_id:
            self.text_view.go_to_block(block_id)

    def _show_match(self, match) -> None:
        self.text_view.show_match(match)
        if self.find_bar.isVisible():
            self.find_bar.field.setFocus()

    def _find_next(self) -> None:
        if not self.find_bar.isVisible() or not self.find_bar.field.text():
            self.find_bar.open()
            return
        self.find_bar.find_next()

    def _find_previous(self) -> None:
        if not self.find_bar.isVisible() or not self.find_bar.field.text():
            self.find_bar.open()
            return
        self.find_bar.find_previous()
