"""The Check and Asks panels: the editorial findings and the mandates of the draft, by paragraph.

`CheckUi(window)` adds both panels (View menu; tabs below the Outline, findings by paragraph beside
the paragraphs, where they add nothing to the window's smallest height) and the count of asks in the
Document panel. Clicking a finding or an ask goes to its place in the text; Apply Fix
(or Enter on a finding) applies its fix as one undoable edit, or in Propose mode as a proposal of the
acting delegation (`check_fixes.py`). The lists follow `CheckRunner`, which checks again after a pause
in typing.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from resdesk.errors import UserError
from resdesk.ui.check_fixes import fix_command
from resdesk.ui.check_runner import CheckRunner
from resdesk.ui.naming import named

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
BLOCK_ROLE = Qt.ItemDataRole.UserRole + 2


def _list(parent: QWidget, name: str, accessible: str) -> QListWidget:
    """A list whose long lines wrap to the panel's width (the panels are narrow)."""
    widget = named(QListWidget(parent), name, accessible)
    widget.setWordWrap(True)
    widget.setResizeMode(QListView.ResizeMode.Adjust)
    widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    widget.setSpacing(1)
    return widget


class CheckPanel(QWidget):
    """The findings, by paragraph in reading order: the paragraph's label, then each finding (rule and sentence;
    the fix in the tooltip)."""

    def __init__(self, window, runner: CheckRunner):
        super().__init__(window)
        named(self, "checkPanel", "Editorial check")
        self.window_ = window
        self.runner = runner
        self.summary = named(QLabel(self), "checkSummary", "Number of findings")
        self.summary.setWordWrap(True)
        self.apply_button = named(QPushButton("Apply &Fix", self), "checkApplyFix", "Apply the selected finding's fix")
        self.list = _list(self, "checkFindings", "Findings by paragraph")
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.apply_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        self._shown: list = []
        self.list.itemClicked.connect(self._go)
        self.list.itemActivated.connect(self.apply_fix)
        self.list.currentItemChanged.connect(self._enable)
        self.apply_button.clicked.connect(self.apply_fix)
        runner.updated.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        findings = self.runner.findings()
        count = len(findings)
        self.summary.setText("No findings." if not count else f"{count} finding{'s' if count != 1 else ''}.")
        if findings == self._shown:
            return
        current = self.selected()
        self._shown = findings
        self.list.clear()
        block = None
        for finding in findings:
            if finding.block != block:  # the paragraph's label heads its findings
                block = finding.block
                heading = QListWidgetItem(finding.label or "(text)", self.list)
                heading.setData(BLOCK_ROLE, block)
                font = heading.font()
                font.setBold(True)
                heading.setFont(font)
            where = " (in its footnote)" if finding.footnote else ""
            item = QListWidgetItem(f"{finding.rule}{where}: {finding.message}", self.list)
            item.setData(ITEM_ROLE, finding)
            item.setData(BLOCK_ROLE, finding.block)
            if finding.fix:
                item.setToolTip(f"Fix: {finding.fix.describe(self.runner.checked_text(finding))}")
            if finding == current:
                self.list.setCurrentItem(item)
        self._enable()

    def items(self) -> list[QListWidgetItem]:
        """The findings' rows, in order (not the paragraphs' headings)."""
        rows = (self.list.item(i) for i in range(self.list.count()))
        return [item for item in rows if item.data(ITEM_ROLE) is not None]

    def selected(self):
        item = self.list.currentItem()
        return item.data(ITEM_ROLE) if item is not None else None

    def _enable(self, *_args) -> None:
        finding = self.selected()
        negotiation = self.runner.negotiation
        self.apply_button.setEnabled(finding is not None and finding.fix is not None and negotiation.current
                                     and not self.runner.session.readonly)

    def _go(self, item: QListWidgetItem) -> None:
        finding = item.data(ITEM_ROLE)
        if finding is None or finding.footnote:
            self.window_.text_view.focus_block(item.data(BLOCK_ROLE), -1)
        else:
            self.window_.text_view.focus_block(finding.block, finding.start, finding.end - finding.start)

    def apply_fix(self, *_args) -> None:
        finding = self.selected()
        if finding is None or finding.fix is None or not self.apply_button.isEnabled():
            return
        session = self.runner.session
        try:
            command = fix_command(session, finding, self.runner.checked_text(finding))
        except UserError as error:
            self.window_.statusBar().showMessage(str(error), 6000)
            return
        if not session.undo_stack.push(command):
            return  # the stack told the user why
        self.runner.run_now()  # the finding goes at once, not after the pause


class AsksPanel(QWidget):
    """What the draft asks for, one row each: paragraph, kind, actor, what, by when."""

    def __init__(self, window, runner: CheckRunner):
        super().__init__(window)
        named(self, "asksPanel", "What the draft asks for")
        self.window_ = window
        self.runner = runner
        self.summary = named(QLabel(self), "asksSummary", "Number of asks")
        self.summary.setWordWrap(True)
        self.list = _list(self, "asksList", "Asks by paragraph")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        self._shown: list = []
        self.list.itemClicked.connect(self._go)
        self.list.itemActivated.connect(self._go)
        runner.updated.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        asks = self.runner.asks()
        self.summary.setText(summary(asks))
        if asks == self._shown:
            return
        self._shown = asks
        self.list.clear()
        for ask in asks:
            item = QListWidgetItem(f"{ask.label} · {ask.kind}: {ask.brief()}", self.list)
            item.setData(ITEM_ROLE, ask)

    def _go(self, item: QListWidgetItem) -> None:
        self.window_.text_view.focus_block(item.data(ITEM_ROLE).block, 0)


def summary(asks) -> str:
    """"2 asks: 1 report, 1 resources" (or "No asks.")."""
    if not asks:
        return "No asks."
    kinds = Counter(ask.kind for ask in asks)
    return f"{len(asks)} ask{'s' if len(asks) != 1 else ''}: " + ", ".join(f"{n} {k}" for k, n in kinds.items())


class CheckUi:
    """The checks in a main window: the runner, the two panels, the count in the Document panel (a link
    that shows the Asks panel, hidden at first so that it takes no room from the Outline)."""

    def __init__(self, window):
        self.runner = CheckRunner(window.session)
        self.check_panel = CheckPanel(window, self.runner)
        self.asks_panel = AsksPanel(window, self.runner)
        left = Qt.DockWidgetArea.LeftDockWidgetArea
        window.add_panel("check", "Check", self.check_panel, left, below=True)
        window.add_panel("asks", "Asks", self.asks_panel, left, below=True).hide()  # shown from the Document panel
        window.metadata.asks.linkActivated.connect(lambda _link: self.show_asks(window))
        self.runner.updated.connect(lambda: window.metadata.show_asks(summary(self.runner.asks())))
        self.runner.failed.connect(self.check_panel.summary.setText)
        window.closed.connect(self.runner.stop)

    @staticmethod
    def show_asks(window) -> None:
        dock = window.panels["asks"]
        dock.show()
        dock.raise_()
