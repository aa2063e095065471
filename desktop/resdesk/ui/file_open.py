"""Documents the system asks the running application to open: on macOS, a double-click on a
`.resdesk` file in the Finder or a file dropped on the Dock icon while Resolution Desk runs.

macOS starts no second process for that (the frozen build's first launch gets the file as its
argument): it sends the running one a file-open event, which Qt delivers to the application as a
QFileOpenEvent. Each such document opens in a window of its own, as File > Open does.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject

from resdesk.ui.guard import guard_overrides


@guard_overrides
class FileOpenHandler(QObject):
    """An application event filter that passes the path of every file-open event to `open_path`."""

    def __init__(self, parent: QObject, open_path: Callable[[str], None]):
        super().__init__(parent)
        self._open_path = open_path

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.FileOpen and event.file():
            self._open_path(event.file())
            return True
        return False
