"""The application: `resdesk gui [FILE] [--screenshot OUT.png --size WxH]`.

Opens each document in its own `MainWindow`. A screenshot shows the window in
its default layout and never writes the user's settings (recent files, layout). A document locked by another
window or process is opened read-only after telling the user; any other
problem with a file is shown as its one sentence in a message box.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QSize
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from resdesk.errors import DocumentLockedError, DocumentReadOnlyError, UserError
from resdesk.store.docfile import DocumentFile
from resdesk.ui.bundled_fonts import register_bundled_fonts
from resdesk.ui.file_open import FileOpenHandler
from resdesk.ui.guard import install_excepthook
from resdesk.ui.main_window import MainWindow
from resdesk.ui.opening import example_document, import_beside, is_document
from resdesk.ui.session import DocumentSession
from resdesk.ui.settings import APP_NAME, APPLICATION, ORGANIZATION, add_recent_file

_windows: list[MainWindow] = []


def application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else "resdesk"])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APP_NAME)
    register_bundled_fonts()
    return app


def show_error(parent: QWidget | None, sentence: str) -> None:
    QMessageBox.critical(parent, APP_NAME, sentence)


def tell_read_only(parent: QWidget | None, sentence: str) -> None:
    QMessageBox.information(parent, APP_NAME, f"{sentence.split(';')[0]}. It opens read-only here.")


def open_session(path: Path, parent: QWidget | None = None, *, interactive: bool = True) -> DocumentSession:
    """Open a document file for writing, or read-only (the window's banner says why) when it is locked,
    cannot be written where it is, or has a schema that is not exactly ours."""
    try:
        file = DocumentFile.open(path, wait=0)
        reason = None
    except DocumentLockedError as error:
        if interactive:
            tell_read_only(parent, str(error))
        else:
            print(f"resdesk: {error}", file=sys.stderr)
        file, reason = DocumentFile.open(path, readonly=True), error
    except DocumentReadOnlyError as error:
        file, reason = DocumentFile.open(path, readonly=True), error
    session = DocumentSession(file)
    session.read_only_because = reason
    return session


def tell_import_notes(parent: QWidget | None, source: str, notes: list[str]) -> None:
    """What an import could not place (kept as free text), one line per kind of element."""
    QMessageBox.information(parent, APP_NAME, f"{source} was imported; some of it could not be placed:\n\n"
                            + "\n".join(f"• {note}" for note in notes))


def resolve_path(path: str | None, parent: QWidget | None = None, notes: list[str] | None = None) -> Path | None:
    """The document to open for `path`: itself, an import of it (what could not be placed goes to
    `notes`), or the bundled example."""
    if not path:
        return example_document()
    source = Path(path)
    if not source.exists():
        raise UserError(f"{source.name} does not exist.")
    if is_document(source):
        return source
    return import_beside(source, parent, notes)


def open_window(path: str | None, parent: QWidget | None = None, *, interactive: bool = True,
                restore: bool = True, remember: bool = True) -> MainWindow | None:
    """A new main window on `path` (see `resolve_path`); None if it could not be opened (the user was told).

    `restore` reads the window's last layout from the settings; `remember` writes the recent files and, on
    closing, the layout (a screenshot does neither: it leaves the user's settings as they were).
    """
    notes: list[str] = []
    try:
        document = resolve_path(path, parent, notes)
        if document is None:
            return None
        session = open_session(document, parent, interactive=interactive)
    except UserError as error:
        if interactive:
            show_error(parent, str(error))
        else:
            print(f"resdesk: error: {error}", file=sys.stderr)
        return None
    if notes and interactive:
        tell_import_notes(parent, Path(path).name, notes)
    elif notes:
        sys.stderr.writelines(f"resdesk: note: {Path(path).name}: {note}\n" for note in notes)
    window = MainWindow(session, restore=restore, remember=remember)
    window.open_requested.connect(lambda chosen: _open_more(chosen, window))
    window.closed.connect(lambda closed: _windows.remove(closed) if closed in _windows else None)
    _windows.append(window)
    if remember:
        add_recent_file(document)
    return window


def _open_more(path: str, parent: QWidget | None) -> None:
    window = open_window(path, parent)
    if window is not None:
        window.show()


def accept_file_open_events(app: QApplication) -> None:
    """Open every document the system sends the running application (macOS: the Finder, the Dock) in a new window."""
    app.installEventFilter(FileOpenHandler(app, lambda chosen: _open_more(chosen, None)))


def wait_until_rendered(window: MainWindow, timeout_ms: int = 10000) -> None:
    """Process events until the text is painted and no layout is pending."""
    app = QApplication.instance()
    timer = QElapsedTimer()
    timer.start()
    while not window.text_view.painted and timer.elapsed() < timeout_ms:
        app.processEvents()
        window.text_view.viewport().repaint()
    # Batched layout and deferred outline rebuilds finish within a few rounds of events.
    for _ in range(20):
        app.processEvents()
    window.text_view.doItemsLayout()
    app.processEvents()


def parse_size(text: str) -> QSize:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise UserError(f"{text!r} is not a window size; write it as WIDTHxHEIGHT, for example 1400x900.") from None
    if not (320 <= width <= 8000 and 240 <= height <= 8000):
        raise UserError(f"{text} is not a sensible window size (320x240 up to 8000x8000).")
    return QSize(width, height)


def screenshot(window: MainWindow, output: Path, size: QSize) -> None:
    """Show the window at `size`, wait until it is rendered, and write it as a PNG."""
    window.resize(size)
    window.show()
    wait_until_rendered(window)
    image = window.grab().toImage()
    if not image.save(str(output), "PNG"):
        raise UserError(f"{output.name} cannot be written.")


def run(path: str | None, screenshot_to: str | None = None, size: str | None = None) -> int:
    """The `gui` command: the event loop, or one screenshot."""
    app = application()
    install_excepthook()
    if screenshot_to is not None:
        window_size = parse_size(size or "1400x900")
        window = open_window(path, interactive=False, restore=False, remember=False)
        if window is None:
            return 2
        screenshot(window, Path(screenshot_to), window_size)
        window.close()
        return 0
    window = open_window(path)
    if window is None:
        return 2
    accept_file_open_events(app)
    if size:
        window.resize(parse_size(size))
    window.show()
    return app.exec()
