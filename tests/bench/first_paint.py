"""`python first_paint.py DOC` runs `resdesk gui DOC` and prints `first-paint <epoch seconds>` when the text
of the window is first painted, then exits at once.

The benchmark measures from outside the product: it creates the application the window will use, installs
an event filter on it, and at the first paint of the text view's viewport listens for the view's own
`first_painted` signal (emitted once that paint is done). Nothing in `resdesk` knows it is being timed.
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject

from resdesk import cli
from resdesk.ui.app import application


def report() -> None:
    sys.stdout.write(f"first-paint {time.time():.6f}\n")
    sys.stdout.flush()
    os._exit(0)


class FirstPaint(QObject):
    """Waits for the first paint of the text view (object name "textView"), then reports when it is done."""

    armed = False

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and not self.armed:
            view = watched.parent()
            if view is not None and view.objectName() == "textView":
                self.armed = True
                view.first_painted.connect(report)
        return False


def main() -> None:
    app = application()  # the one `resdesk gui` uses (it takes the existing instance)
    watch = FirstPaint(app)
    app.installEventFilter(watch)
    sys.exit(cli.main(["gui", sys.argv[1]]))


if __name__ == "__main__":
    main()
