"""Editorial check benchmarks: `check` and `asks` on a 1,000-paragraph text (target: check within 0.5 s),
one paragraph checked again after a keystroke, and the whole `resdesk check` command.

Run with `make bench`; numbers go to docs/benchmarks.md. Nothing here asserts a time.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

from resdesk.check.asks import asks
from resdesk.check.checker import Checker, check
from resdesk.store.documents import create_document
from startup import installed_like_env
from synthetic import synthetic_document

REPEAT = 9


def _median_ms(function, repeat: int = REPEAT) -> tuple[float, float, float]:
    """Median and max wall-clock ms, and median CPU ms (what a machine shared with other jobs disturbs less)."""
    times, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        function()
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return statistics.median(times), max(times), statistics.median(cpu)


def test_check_and_asks_on_1000_paragraphs():
    document = synthetic_document(1000, seed=1)
    check(document)  # rule data and lexicon loaded once, as in a long-running window
    found = len(check(document))
    check_ms, check_max, check_cpu = _median_ms(lambda: check(document))
    asks_ms, asks_max, asks_cpu = _median_ms(lambda: asks(document))
    checker = Checker(document)
    middle = document.blocks[500].id
    block_ms, block_max, _cpu = _median_ms(lambda: checker.block_findings(middle), repeat=101)
    print(f"\ncheck, 1000 paragraphs ({found} findings): median {check_ms:.0f} ms (max {check_max:.0f}, CPU "
          f"{check_cpu:.0f}) of {REPEAT}; asks: median {asks_ms:.0f} ms (max {asks_max:.0f}, CPU {asks_cpu:.0f}); "
          f"one paragraph checked again: median {block_ms:.2f} ms (max {block_max:.2f}) of 101")


def test_resdesk_check_command(tmp_path):
    path = tmp_path / "long.resdesk"
    create_document(path, synthetic_document(1000, seed=1)).close()
    command = [sys.executable, "-m", "resdesk", "check", str(path)]
    env = installed_like_env()
    subprocess.run(command, env=env, capture_output=True, timeout=120)  # bytecode written, file cached
    times = []
    for _ in range(5):
        start = time.perf_counter()
        result = subprocess.run(command, env=env, capture_output=True, timeout=120)
        times.append((time.perf_counter() - start) * 1000)
    print(f"\nresdesk check on 1000 paragraphs, whole command (exit {result.returncode}): "
          f"median {statistics.median(times):.0f} ms of 5")


def test_checks_in_the_window_do_not_block_typing(tmp_path, qapp):
    """How long the window is busy with checks at a time: the slices of a whole check after a change of
    structure, and the check of the paragraph typed in after a pause (the keystroke itself only restarts a
    timer: see test_bench_editor.py's keystroke benchmark for the cost of typing with the panel open)."""
    from PySide6.QtCore import QStandardPaths
    from PySide6.QtTest import QTest

    from resdesk.ui.app import application, open_window, wait_until_rendered

    QStandardPaths.setTestModeEnabled(True)
    application()
    path = tmp_path / "long.resdesk"
    create_document(path, synthetic_document(1000, seed=1)).close()
    window = open_window(str(path), interactive=False, restore=False)
    window.resize(1400, 900)
    window.show()
    wait_until_rendered(window)
    runner = window.check_ui.runner
    slices: list[float] = []
    work = runner._work

    def timed(deadline):
        start = time.perf_counter()
        done = work(deadline)
        slices.append((time.perf_counter() - start) * 1000)
        return done

    runner._work = timed

    def wait_idle() -> float:
        start = time.perf_counter()
        while not runner.idle():
            qapp.processEvents()
        return (time.perf_counter() - start) * 1000

    wait_idle()
    whole = []
    for _ in range(5):
        slices.clear()
        runner.recheck_all()
        runner.timer.timeout.emit()
        whole.append((wait_idle(), len(slices), max(slices)))
    middle = window.session.block_ids()[500]
    window.text_view.focus_block(middle, -1)
    paragraph = []
    for _ in range(20):
        slices.clear()
        QTest.keyClick(window.text_view.editor, "a")
        runner.timer.timeout.emit()  # the pause, at once
        wait_idle()
        paragraph.append(max(slices))
    start = time.perf_counter()
    for _ in range(10000):
        runner._block_changed(middle, True)  # what a keystroke asks of the checks: mark the paragraph, restart
    per_key_us = (time.perf_counter() - start) * 100  # the timer
    runner.timer.stop()
    total, count, longest = (statistics.median(values) for values in zip(*whole, strict=True))
    print(f"\nwhole check in the window, 1000 paragraphs: {total:.0f} ms in {count:.0f} slices, the longest "
          f"{longest:.1f} ms (median of 5); after a keystroke and the pause: {statistics.median(paragraph):.2f} ms "
          f"(max {max(paragraph):.2f} of 20); a keystroke's own cost to the checks: {per_key_us:.1f} µs "
          f"(mean of 10,000)")
    window.close()
