"""A document the system sends the running application (macOS: Finder, Dock) opens in a new window."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtGui import QFileOpenEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from resdesk.ui import app as app_module  # noqa: E402
from resdesk.ui.file_open import FileOpenHandler  # noqa: E402

pytest_plugins = ("ui_support",)  # fixtures: qt_settings, doc_path


def test_a_file_open_event_opens_the_document_in_its_own_window(qtbot, qapp, qt_settings, doc_path):
    app_module.accept_file_open_events(qapp)
    try:
        QApplication.sendEvent(qapp, QFileOpenEvent(str(doc_path)))
        opened = [window for window in app_module._windows if window.session.path == doc_path]
        assert len(opened) == 1 and opened[0].isVisible()
    finally:
        for window in list(app_module._windows):
            window.close()
        for handler in qapp.findChildren(FileOpenHandler):
            qapp.removeEventFilter(handler)
            handler.setParent(None)


def test_a_file_open_event_without_a_file_opens_nothing(qapp):
    opened = []
    handler = FileOpenHandler(qapp, opened.append)
    try:
        assert handler.eventFilter(qapp, QFileOpenEvent("")) is False
        assert opened == []
    finally:
        handler.setParent(None)
