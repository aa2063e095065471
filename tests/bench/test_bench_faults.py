"""Faults on purpose: kill -9 of writers (the CLI and the real window, offscreen) at random moments, and
writes on a disk left with random amounts of free space. Nothing reported done may be lost, the file must
stay sound, and a refused write must be one sentence with the document unchanged.

Run with `make bench` (FAULT_RUNS changes the number of runs); the figures go to docs/reliability.md.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time

from conftest import REPO, SEED
from resdesk.cli import main
from resdesk.store.docfile import DocumentFile
from resdesk.store.documents import load

RUNS = int(os.environ.get("FAULT_RUNS", "40"))
pytest_plugins = ("small_disk",)


def _sound(path) -> bool:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


def _killed_after(process: subprocess.Popen, seconds: float) -> list[str]:
    """The lines `process` printed before it was killed -9 `seconds` after its first line."""
    lines = [process.stdout.readline().strip()]
    deadline = time.monotonic() + seconds
    os.set_blocking(process.stdout.fileno(), False)
    while time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.005)
    process.send_signal(signal.SIGKILL)
    process.wait()
    os.set_blocking(process.stdout.fileno(), True)
    lines += process.stdout.read().split()
    return [line for line in lines if line]


WRITER = textwrap.dedent("""
    import sys
    from resdesk.store.docfile import DocumentFile
    from resdesk.store.documents import set_meta
    doc = DocumentFile.open(sys.argv[1])
    print("ready", flush=True)
    for step in range(1, 100000):
        set_meta(doc, {"title": f"step {step}"})
        print(step, flush=True)  # reported done only once committed
""")


def test_kill_a_writing_process(tmp_path):
    path = tmp_path / "seed.resdesk"
    assert main(["import", str(SEED), "-o", str(path)]) == 0
    rnd = random.Random(1)
    lost = actions = 0
    for _ in range(RUNS):
        writer = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True)
        done = [int(line) for line in _killed_after(writer, rnd.uniform(0.01, 0.4))[1:]]
        assert _sound(path)
        with DocumentFile.open(path, readonly=True) as reader:
            stored = int(load(reader).meta.title.removeprefix("step ") or 0)
        last = done[-1] if done else 0
        lost += stored < last
        actions += last
        assert stored in (last, last + 1)  # every action reported done is there, at most the one in flight more
    print(f"\nkill -9 of a writing process: {RUNS} kills after {actions} actions reported done, {lost} lost")


WINDOW = textwrap.dedent("""
    import sys
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from resdesk.ui.app import application, open_window, wait_until_rendered
    app = application()
    window = open_window(sys.argv[1], interactive=False, restore=False)
    window.show()
    wait_until_rendered(window)
    block = next(row.block.id for row in window.session.rows if row.block is not None and row.label == "OP1")
    window.text_view.focus_block(block, -1)
    editor = window.text_view.editor
    print(block, flush=True)
    for step in range(1, 100000):
        QTest.keyClick(editor, "abcdefghijklmnopqrstuvwxyz"[step % 26])
        print(step, flush=True)  # the keystroke is committed before keyClick returns
""")


def test_kill_the_window_while_typing(tmp_path):
    path = tmp_path / "seed.resdesk"
    assert main(["import", str(SEED), "-o", str(path)]) == 0
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_DATA_HOME": str(tmp_path / "data")}
    rnd = random.Random(2)
    typed = lost = 0
    for _ in range(RUNS):
        with DocumentFile.open(path, readonly=True) as reader:
            before = {block.id: block.text for block in load(reader).blocks}
        window = subprocess.Popen([sys.executable, "-c", WINDOW, str(path)], stdout=subprocess.PIPE, text=True,
                                  env=env, cwd=REPO)
        lines = _killed_after(window, rnd.uniform(0.05, 0.6))
        block, done = lines[0], [int(line) for line in lines[1:]]
        assert _sound(path)
        with DocumentFile.open(path, readonly=True) as reader:
            text = load(reader).block(block).text
        added = len(text) - len(before[block])
        last = done[-1] if done else 0
        lost += added < last
        typed += last
        assert added in (last, last + 1), (added, last)
    print(f"\nkill -9 of the window while typing: {RUNS} kills after {typed} keystrokes reported done, {lost} lost")


def test_writes_on_a_disk_with_little_space_left(small_disk, tmp_path, capsys):
    rnd = random.Random(3)
    outcomes = {"done": 0, "refused in one sentence": 0}
    source = tmp_path / "seed.resdesk"
    assert main(["import", str(SEED), "-o", str(source)]) == 0
    for run in range(RUNS):
        path = small_disk.path / "seed.resdesk"
        path.write_bytes(source.read_bytes())
        small_disk.fill()
        free = rnd.choice([0, 0, 512, 4096, 16384, 65536, 262144])
        with open(small_disk.filler, "r+b") as filler:
            filler.truncate(max(0, filler.seek(0, 2) - free))
        args = rnd.choice([["meta", str(path), "--set", f"title=run {run}"],
                           ["amend", str(path), "--as", "EU", "--delete-paragraph", "OP1"],
                           ["comment", str(path), "--as", "EU", "--on", "OP2", "--text", f"run {run}"],
                           ["export", str(path), "-o", str(small_disk.path / "out.pdf")],
                           ["import", str(SEED), "-o", str(small_disk.path / "new.resdesk")]])
        status = main(args)
        err = capsys.readouterr().err
        assert status in (0, 2) and "Traceback" not in err
        if status == 2:
            assert err.count("\n") == 1
        outcomes["done" if status == 0 else "refused in one sentence"] += 1
        small_disk.free()
        assert _sound(path)
        leftovers = [name for name in small_disk.names() if name.endswith((".tmp", "-lock"))]
        assert leftovers == []
        for name in ("out.pdf", "new.resdesk"):
            (small_disk.path / name).unlink(missing_ok=True)
    print(f"\nwrites with 0 to 256 KB free: {RUNS} runs, {outcomes}, no file left damaged or half-written")
