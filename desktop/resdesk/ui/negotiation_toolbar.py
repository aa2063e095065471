"""The negotiation toolbar and status: acting as, propose or edit-text mode, view, filters, version.

Its selectors follow the negotiation's state (`sync`), and the status bar says
who is acting, in which mode, view and version.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QComboBox, QLabel, QMenu, QToolBar, QToolButton

from resdesk.model.amendment import LIVE_STATUSES, STATUSES, status_words
from resdesk.ui.acting_as import ActingAs
from resdesk.ui.naming import named
from resdesk.ui.negotiation import BASE, CONSOLIDATED, EDIT, MARKUP, PROPOSE, VIEWS
from resdesk.ui.window_part import WindowPart

VIEW_NAMES = {BASE: "Base", MARKUP: "Markup", CONSOLIDATED: "Consolidated"}
ALL_DELEGATIONS = ""


class NegotiationToolbar(WindowPart):
    def __init__(self, window):
        super().__init__(window)
        self.acting_as = ActingAs(window)
        self._build()
        self.status = named(QLabel(window), "negotiationStatus", "Acting delegation, mode and view")
        window.statusBar().addPermanentWidget(self.status)
        self._connect()
        self.sync()

    @property
    def acting(self) -> QComboBox:
        return self.acting_as.box

    def _build(self) -> None:
        window = self.window
        bar = named(QToolBar("Negotiation", window), "negotiationToolbar", "Negotiation toolbar")
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self.toolbar = bar
        bar.addWidget(QLabel(" Acting as ", bar))
        bar.addWidget(self.acting_as.box)
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
            action = menu.addAction(status_words(status))
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
        self.fill_versions()
        self._fill_delegation_filter()

    def fill_versions(self) -> None:
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

    def _connect(self) -> None:
        a = self.actions
        n = self.negotiation
        a.connect("propose_mode", lambda: n.set_mode(PROPOSE))
        a.connect("edit_mode", lambda: n.set_mode(EDIT))
        for key in VIEWS:
            a.connect(f"view_{key}", lambda key=key: n.set_view(key))
        a.connect("add_delegation", self.acting_as.add_delegation)
        self.view.currentIndexChanged.connect(lambda _i: n.set_view(self.view.currentData()))
        self.delegation_filter.currentIndexChanged.connect(self._filters_changed)
        self.version.currentIndexChanged.connect(lambda _i: n.show_version(self.version.currentText()))
        n.mode_changed.connect(lambda _m: self.sync())
        n.view_changed.connect(lambda _v: self.sync())
        n.version_changed.connect(lambda _v: (self.fill_versions(), self.sync()))  # a revision adds one
        n.changed.connect(self.sync)

    def sync(self) -> None:
        """Selectors, checks, enabled actions and the status bar follow the negotiation's state."""
        n = self.negotiation
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
