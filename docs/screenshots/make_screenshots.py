"""Make the README tour's screenshots: `python docs/screenshots/make_screenshots.py` (offscreen is fine).

The main window comes from `resdesk gui DOC --screenshot`; the go-to dialog, the
find bar and the undo history are the same window after the keystrokes a user
would type (a dialog is painted over the window where it would stand).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SIZE = "1280x800"


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as folder:
        from resdesk.formats.text_import import import_text
        from resdesk.resources import resource
        from resdesk.store.documents import create_document

        document = Path(folder) / "early-warning-draft.resdesk"
        source = resource("examples", "early-warning-draft.txt")
        create_document(document, import_text(source.read_bytes(), source.name)).close()
        subprocess.run([sys.executable, "-m", "resdesk", "gui", str(document), "--screenshot",
                        str(HERE / "main-window.png"), "--size", SIZE], check=True)
        interactions(document)


def interactions(document: Path) -> None:
    from PySide6.QtCore import QPoint, Qt, QTimer
    from PySide6.QtGui import QPainter
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from resdesk.ui.app import application, open_window, parse_size, wait_until_rendered

    app = application()
    window = open_window(str(document), interactive=False, restore=False)
    window.resize(parse_size(SIZE))
    window.show()
    wait_until_rendered(window)

    def go_to_shot():
        dialog = QApplication.activeModalWidget()
        QTest.keyClicks(dialog.field, "OP1")
        app.processEvents()
        picture = window.grab()
        painter = QPainter(picture)
        painter.drawPixmap(QPoint((window.width() - dialog.width()) // 2, 160), dialog.grab())
        painter.end()
        picture.save(str(HERE / "go-to.png"))
        QTest.keyClick(dialog.field, Qt.Key.Key_Return)

    QTimer.singleShot(100, go_to_shot)
    window.actions["go_to"].trigger()
    wait_until_rendered(window)

    # Typing, a new paragraph, a move: the undo history fills up.
    QTest.keyClick(window.text_view.editor, Qt.Key.Key_Left)  # before the semicolon
    QTest.keyClicks(window.text_view.editor, ", and in small island developing States")
    window.actions["add_op"].trigger()
    QTest.keyClicks(window.text_view.editor, "Requests the Secretary-General to report on progress at its "
                                             "eighty-second session.")
    window.actions["move_up"].trigger()
    wait_until_rendered(window)
    window.grab().save(str(HERE / "undo-history.png"))

    window.actions["find"].trigger()
    QTest.keyClicks(window.find_bar.field, "warning")
    QTest.keyClick(window.find_bar.field, Qt.Key.Key_Return)
    QTest.keyClick(window.find_bar.field, Qt.Key.Key_Return)
    wait_until_rendered(window)
    window.grab().save(str(HERE / "find.png"))
    window.close()


if __name__ == "__main__":
    main()
