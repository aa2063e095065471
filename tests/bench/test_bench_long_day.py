"""The editor over a long day: 5,000 mixed steps in the real window (offscreen) on a 200-paragraph draft.

Steps: go to a paragraph, type in it, add a paragraph or delete one (the draft keeps its length), move
one, indent and outdent, change a kind, undo, redo, switch to the markup view and back, add a comment;
each step returns to the event loop before the next, as a user's pause does. Measured: the resident memory of the
process and the time of each step. Targets (issue 15): memory grows by less than 50 MB, and the median of
the last 100 steps is within 1.2 times that of the first 100 (after 100 warming steps).

Run with `make bench` (LONG_DAY_STEPS changes the count); the figures go to docs/benchmarks.md and
docs/reliability.md.
"""

from __future__ import annotations

import gc
import os
import random
import statistics
import time

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from resdesk.model.document import OPERATIVE, PREAMBULAR, SUBPARAGRAPH  # noqa: E402
from resdesk.store.documents import create_document  # noqa: E402
from resdesk.ui.block_editor import BlockEditor  # noqa: E402
from synthetic import synthetic_document  # noqa: E402
from ui_support import open_test_window  # noqa: E402

STEPS = int(os.environ.get("LONG_DAY_STEPS", "5000"))
WARM_UP = 100
pytest_plugins = ("ui_support",)


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1024 / 1024


def _paragraphs(window) -> list[str]:
    return [row.block.id for row in window.session.rows
            if row.block is not None and row.block.kind in (PREAMBULAR, OPERATIVE, SUBPARAGRAPH)]


def _step(window, rnd: random.Random, number: int) -> None:
    view, actions = window.text_view, window.actions
    choice = rnd.random()
    if choice < 0.35:
        view.focus_block(rnd.choice(_paragraphs(window)), -1)
        for char in rnd.choice(["a", " and", " urgently", "x"]):
            QTest.keyClick(view.editor, char)
    elif choice < 0.45:
        view.focus_block(rnd.choice(_paragraphs(window)), -1)
        QTest.keyClick(view.editor, Qt.Key.Key_Backspace)
    elif choice < 0.57:
        # As many paragraphs added as deleted: the draft keeps its length, so that a later step is slower
        # only if the editor itself wears, not because the text grew.
        paragraphs = _paragraphs(window)
        view.focus_block(rnd.choice(paragraphs), -1)
        if len(paragraphs) < 200 or len(paragraphs) < 215 and rnd.random() < 0.5:
            actions["add_op"].trigger()
            QTest.keyClicks(view.editor, f"Decides on step {number};")
        else:
            actions["delete"].trigger()
    elif choice < 0.65:
        view.focus_block(rnd.choice(_paragraphs(window)), -1)
        actions[rnd.choice(["move_up", "move_down"])].trigger()
    elif choice < 0.70:
        view.focus_block(rnd.choice(_paragraphs(window)), -1)
        actions[rnd.choice(["indent", "outdent"])].trigger()
    elif choice < 0.73:
        view.focus_block(rnd.choice(_paragraphs(window)), -1)
        actions["toggle_kind"].trigger()
    elif choice < 0.85:
        actions["undo"].trigger()
    elif choice < 0.93:
        actions["redo"].trigger()
    elif choice < 0.96:
        actions["view_markup"].trigger()
        actions["view_base"].trigger()
    else:
        view.focus_block(rnd.choice(_paragraphs(window)), -1)
        window.negotiation_ui.commenting.comment(f"Comment {number}.", rnd.random() < 0.5, "")


def test_a_long_day_of_editing(qtbot, qt_settings, tmp_path):
    path = tmp_path / "long.resdesk"
    create_document(path, synthetic_document(paragraphs=200)).close()
    window = open_test_window(qtbot, path)
    window.session.negotiation.set_acting("Mexico")
    rnd = random.Random(15)
    times: list[float] = []
    memory: list[float] = []

    def step() -> None:
        """One step, then back to the event loop (which runs what a user's pause lets it run), then the next."""
        number = len(times)
        if number == WARM_UP:
            gc.collect()
            memory.append(rss_mb())
        started = time.perf_counter()
        _step(window, rnd, number)
        times.append((time.perf_counter() - started) * 1000)
        if os.environ.get("LONG_DAY_TRACE") and number % 500 == 0:
            print(f"step {number}: {rss_mb():.0f} MB, median of the last 100 steps "
                  f"{statistics.median(times[-100:]):.1f} ms")
        if len(times) < WARM_UP + STEPS:
            QTimer.singleShot(0, step)

    QTimer.singleShot(0, step)
    qtbot.waitUntil(lambda: len(times) == WARM_UP + STEPS, timeout=STEPS * 1000)
    gc.collect()
    qtbot.wait(10)
    memory.append(rss_mb())
    first = statistics.median(times[WARM_UP:WARM_UP + 100])
    last = statistics.median(times[-100:])
    editors = sum(isinstance(widget, BlockEditor) for widget in QApplication.allWidgets())
    print(f"\nlong day: {STEPS} steps after {WARM_UP} to warm up, {len(_paragraphs(window))} paragraphs at the end; "
          f"RSS {memory[0]:.0f} -> {memory[1]:.0f} MB (+{memory[1] - memory[0]:.1f}); step median first 100 "
          f"{first:.1f} ms, last 100 {last:.1f} ms ({last / first:.2f}x); {editors} paragraph editor(s) alive")
    window.close()
    assert memory[1] - memory[0] < 50
    assert last <= 1.2 * first
