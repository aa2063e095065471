"""GUI benchmark of the negotiation: 1,000 amendments by 50 delegations on a 700-paragraph text.

Times opening the window in the markup view until the first screen is painted,
switching views (rows rebuilt, painted lazily), and one keystroke of a
proposal in propose mode (stored, markup recomputed, row repainted). Prints
medians; asserts nothing about time. Results: docs/benchmarks.md.
"""

from __future__ import annotations

import os
import statistics
import time

import pytest

pytest.importorskip("PySide6")

from resdesk.store.amendments import restore_amendment  # noqa: E402
from resdesk.store.docfile import DocumentFile  # noqa: E402
from resdesk.store.documents import create_document  # noqa: E402
from synthetic_amendments import synthetic_amendments, synthetic_document  # noqa: E402
from ui_support import open_test_window  # noqa: E402

pytest_plugins = ("ui_support",)


def _median_ms(action, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


@pytest.mark.slow
def test_bench_negotiation_window(qtbot, qt_settings, tmp_path):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    document = synthetic_document(700)
    amendments = synthetic_amendments(document, 1000, 50)
    path = tmp_path / "big.resdesk"
    create_document(path, document).close()
    with DocumentFile.open(path) as doc, doc.transaction("bench"):
        for amendment in amendments:
            restore_amendment(doc, amendment)
        doc.set_setting("next_amendment", str(len(amendments) + 1))

    def open_and_close():
        window = open_test_window(qtbot, path)
        assert window.session.negotiation.view == "markup"
        window.close()

    results = {"open in markup view, first screen painted": _median_ms(open_and_close, 3)}
    QSettings().setValue("negotiation/view", "base")
    results["open in base view (same file), first screen painted"] = _median_ms(
        lambda: open_test_window(qtbot, path).close(), 3)
    QSettings().setValue("negotiation/view", "markup")
    window = open_test_window(qtbot, path)
    negotiation = window.session.negotiation
    app = QApplication.instance()

    def switch(view):
        negotiation.set_view(view)
        window.text_view.viewport().repaint()
        app.processEvents()

    results["switch markup → base → markup (both repainted)"] = _median_ms(
        lambda: (switch("base"), switch("markup")), 3)
    switch("markup")
    window.actions["propose_mode"].trigger()
    window.negotiation_ui.toolbar.acting_as.act_as("France")
    target = next(b.id for b in document.blocks if b.kind == "operative")
    window.text_view.focus_block(target, 0)
    editor = window.text_view.editor

    def keystroke():
        editor.insertPlainText("x")
        app.processEvents()

    if os.environ.get("RESDESK_PROFILE"):
        import cProfile

        cProfile.runctx("for _ in range(5): keystroke()", globals(), locals(), sort="cumulative")
    results["one keystroke of a proposal"] = _median_ms(keystroke, 9)
    window.close()
    print()
    print(f"{len(document.blocks)} blocks, {len(amendments)} amendments by 50 delegations")
    for name, value in results.items():
        print(f"{name:45} {value:8.1f} ms (median)")
