"""Editor benchmarks: start to first paint, keystroke to repaint, memory; against a bare PySide6 window.

Run with `make bench` (offscreen rendering, like the screenshots); numbers go to
docs/benchmarks.md. Nothing here asserts a time.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import SEED
from resdesk.formats.sources import read_source
from resdesk.store.documents import create_document
from resdesk.views.reading import outline_text
from startup import first_paint_seconds, installed_like_env
from synthetic import synthetic_document

BARE = Path(__file__).with_name("bare_window.py")
FIRST_PAINT = Path(__file__).with_name("first_paint.py")  # `resdesk gui DOC`, timed from outside
REPEAT = 5

RSS_SCRIPT = """
import sys
from PySide6.QtWidgets import QApplication
from resdesk.ui.app import application, open_window, wait_until_rendered
app = application()
window = open_window(sys.argv[1], interactive=False, restore=False)
window.resize(1400, 900)
window.show()
wait_until_rendered(window)
status = open("/proc/self/status").read()
print("rss-kb", next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS")))
window.close()
"""


@pytest.fixture(scope="module")
def texts(tmp_path_factory) -> dict[str, tuple[Path, Path]]:
    """(document, plain text for the bare window) for the seed and a 1,000-paragraph synthetic text."""
    folder = tmp_path_factory.mktemp("bench-editor")
    result = {}
    for name, document in (("seed", read_source(SEED)), ("1000 paragraphs", synthetic_document(1000, seed=1))):
        path = folder / f"{name.replace(' ', '-')}.resdesk"
        create_document(path, document).close()
        text = folder / f"{name.replace(' ', '-')}.txt"
        text.write_text(outline_text(document), encoding="utf-8")
        result[name] = (path, text)
    return result


def _env(tmp: Path) -> dict:
    return installed_like_env(QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp / "config"),
                              XDG_DATA_HOME=str(tmp / "data"))


def _rss_kb(command: list[str], env: dict) -> int:
    out = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120).stdout
    return int(next(line.split()[1] for line in out.splitlines() if line.startswith("rss-kb")))


def test_start_to_first_paint(texts, tmp_path):
    env = _env(tmp_path)
    for name, (document, text) in texts.items():
        warm_ups = ([sys.executable, str(FIRST_PAINT), str(document)], [sys.executable, str(BARE), str(text)])
        for command in warm_ups:  # bytecode written, files in the page cache
            first_paint_seconds(command, env)
        app_times = [first_paint_seconds([sys.executable, str(FIRST_PAINT), str(document)], env)
                     for _ in range(REPEAT)]
        bare_times = [first_paint_seconds([sys.executable, str(BARE), str(text)], env) for _ in range(REPEAT)]
        app_ms, bare_ms = statistics.median(app_times) * 1000, statistics.median(bare_times) * 1000
        print(f"\nstart to first paint, {name}: resdesk {app_ms:.0f} ms, bare PySide6 window {bare_ms:.0f} ms, "
              f"ratio {app_ms / bare_ms:.2f} (median of {REPEAT})")


def test_memory(texts, tmp_path):
    env = _env(tmp_path)
    for name, (document, text) in texts.items():
        app_kb = _rss_kb([sys.executable, "-c", RSS_SCRIPT, str(document)], env)
        bare_kb = _rss_kb([sys.executable, str(BARE), str(text), "--rss"], env)
        print(f"\nresident memory, {name}: resdesk {app_kb / 1024:.0f} MB, bare PySide6 window {bare_kb / 1024:.0f} MB")


def test_keystroke_to_repaint(texts, qapp, tmp_path):
    """Median and 95th percentile from a key press in the middle of the long text to its repaint."""
    from PySide6.QtCore import QEvent, QObject, QStandardPaths, Qt
    from PySide6.QtTest import QTest

    from resdesk.ui.app import application, open_window, wait_until_rendered

    QStandardPaths.setTestModeEnabled(True)
    application()
    document, _ = texts["1000 paragraphs"]
    window = open_window(str(document), interactive=False, restore=False)
    window.resize(1400, 900)
    window.show()
    wait_until_rendered(window)
    middle = window.session.block_ids()[500]
    window.text_view.focus_block(middle, -1)
    qapp.processEvents()
    editor = window.text_view.editor

    class PaintWatch(QObject):
        painted = False

        def eventFilter(self, watched, event):  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint:
                self.painted = True
            return False

    watch, list_watch = PaintWatch(), PaintWatch()
    editor.viewport().installEventFilter(watch)
    window.text_view.viewport().installEventFilter(list_watch)
    samples, wraps = [], []
    for index in range(300):
        watch.painted = list_watch.painted = False
        key = Qt.Key.Key_Space if index % 6 == 5 else Qt.Key.Key_A
        lines_before = editor.document().size().height()
        start = time.perf_counter()
        QTest.keyClick(editor, key)
        deadline = time.monotonic() + 5
        while not watch.painted and time.monotonic() < deadline:
            qapp.processEvents()
        samples.append((time.perf_counter() - start) * 1000)
        if editor.document().size().height() > lines_before:
            # A new line: time until the paragraph below no longer meets the editor and the list is repainted
            # (at once when the row had a spare line; otherwise after the relayout that follows the repaint).
            view = window.text_view
            below = view.model().index(view.currentIndex().row() + 1)
            while view.visualRect(below).top() <= editor.geometry().bottom() and time.monotonic() < deadline:
                list_watch.painted = False
                qapp.processEvents()
            while not list_watch.painted and time.monotonic() < deadline:  # and the list repainted
                qapp.processEvents()
            wraps.append((samples[-1], (time.perf_counter() - start) * 1000))
    samples.sort()
    median = statistics.median(samples)
    p95 = samples[int(len(samples) * 0.95) - 1]
    on_disk = window.session.row(middle).block.text
    print(f"\nkeystroke to repaint, 1000 paragraphs (each keystroke committed to the file): median {median:.1f} ms, "
          f"p95 {p95:.1f} ms, max {samples[-1]:.1f} ms over {len(samples)} keys; text now {len(on_disk)} chars")
    print("keystrokes that wrapped onto a new line (repainted ms, list laid out again ms): "
          + ", ".join(f"{shown:.1f}/{settled:.1f}" for shown, settled in wraps))
    window.close()


def test_change_of_structure(texts, qapp):
    """Adding a paragraph in the middle of the long text, and undoing it: store, reload, outline, relayout."""
    from PySide6.QtCore import QStandardPaths

    from resdesk.ui.app import application, open_window, wait_until_rendered

    QStandardPaths.setTestModeEnabled(True)
    application()
    document, _ = texts["1000 paragraphs"]
    window = open_window(str(document), interactive=False, restore=False)
    window.resize(1400, 900)
    window.show()
    wait_until_rendered(window)
    window.text_view.focus_block(window.session.block_ids()[500], -1)
    qapp.processEvents()
    results = {}
    for name in ("add_op", "undo"):
        times = []
        for _ in range(7):
            start = time.perf_counter()
            window.actions[name].trigger()
            qapp.processEvents()
            times.append((time.perf_counter() - start) * 1000)
        results[name] = statistics.median(times)
    print(f"\nchange of structure, 1000 paragraphs: add a paragraph {results['add_op']:.0f} ms, "
          f"undo it {results['undo']:.0f} ms (median of 7, until the window has processed it)")
    window.close()
