"""`python first_paint.py DOC` runs `resdesk gui DOC` and prints `first-paint <epoch seconds>` when the text
of the window is first painted, then exits at once.

The benchmark measures from outside the product: it creates the application the window will use and
installs an event filter on it that looks for the text view (object name "textView") among the objects
receiving events; once it has it, the filter takes itself off (so it costs nothing later) and listens
for the view's own `first_painted` signal, emitted when its first paint is done. Nothing in `resdesk`
knows it is being timed.
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QObject

from resdesk import cli
from resdesk.ui.app import application


def report() -> None:
    sys.stdout.write(f"first-paint {time.time():.6f}\n")
    sys.stdout.flush()
    os._exit(0)


class FindTextView(QObject):
    """Finds the text view by the events it receives, then hands its first paint to `report`."""

    def __init__(self, app):
        super().__init__(app)
        self.app = app
        app.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched.objectName() == "textView":
            self.app.removeEventFilter(self)
            watched.first_painted.connect(report)
        return False


def main() -> None:
    app = application()  # the one `resdesk gui` uses (it takes the existing instance)
    FindTextView(app)
    sys.exit(cli.main(["gui", sys.argv[1]]))


if __name__ == "__main__":
    main()
