"""A Qt application for painting when none exists (the CLI, tests, offscreen).

It is a QApplication (not only a QGuiApplication) so that the print dialogs can run in
the same process later, as they do in the tests."""

from __future__ import annotations

import os
import sys


def ensure_gui_application():
    """The running Qt application, or a new QApplication (offscreen when there is no display).

    QT_HASH_SEED=0 makes Qt's hash order, hence the order of the fonts QPdfWriter
    writes, the same in every process: the same document gives the same PDF bytes.
    It only works when set before Qt is first used, as on the CLI's path.
    """
    os.environ.setdefault("QT_HASH_SEED", "0")
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from resdesk.ui.bundled_fonts import register_bundled_fonts

    app = QGuiApplication.instance()
    if app is not None:
        return app
    headless = not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")
    if sys.platform.startswith("linux") and headless:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication(["resdesk"])
    register_bundled_fonts()
    return app
