"""The real application in a real X server, driven with the keyboard (Xvfb + xdotool).

Done-criterion of the editor: Ctrl+G, OP3, Enter, type words, Ctrl+Q, and
`resdesk outline DOC --json` shows the words in OP3 with no save step; typing
and then one Ctrl+Z leaves nothing of what was typed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time

import pytest

from conftest import run_cli

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb is not installed (apt-get install xvfb)"),
    pytest.mark.skipif(shutil.which("xdotool") is None, reason="xdotool is not installed (apt-get install xdotool)"),
]


@pytest.fixture
def display():
    """A fresh Xvfb server; its display name (":N")."""
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1400x900x24", "-nolisten", "tcp"],
                              pass_fds=(write,), stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    if not number:
        server.kill()
        pytest.skip("Xvfb did not start")
    yield f":{number}"
    server.terminate()
    server.wait(timeout=10)


def xdotool(env, *args: str) -> str:
    result = subprocess.run(["xdotool", *args], env=env, capture_output=True, text=True, timeout=30)
    return result.stdout.strip()


def op3(document) -> str:
    result = run_cli("outline", document, "--json")
    assert result.returncode == 0, result.stderr
    operative = [b for b in json.loads(result.stdout)["blocks"] if b["label"] == "OP3"]
    return operative[0]["text"]


def wait_for_window(env, title: str, *, present: bool, timeout: float = 20) -> None:
    """Wait until a window called `title` is shown (or gone): keys typed too early would go elsewhere."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if bool(xdotool(env, "search", "--onlyvisible", "--name", title)) == present:
            return
        time.sleep(0.1)
    raise AssertionError(f"the window {title!r} did not {'appear' if present else 'close'}")


def drive(env, document, keys: list[tuple[str, ...]]) -> subprocess.CompletedProcess:
    """Start `resdesk gui DOC`, wait for its window, play `keys` (xdotool commands), wait for it to quit."""
    app = subprocess.Popen([sys.executable, "-m", "resdesk", "gui", str(document)], env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        window = ""
        deadline = time.monotonic() + 30
        while not window and time.monotonic() < deadline:
            window = xdotool(env, "search", "--onlyvisible", "--name", document.name).split("\n")[0]
            time.sleep(0.2)
        assert window, "the window did not appear"
        xdotool(env, "windowfocus", "--sync", window)
        time.sleep(0.5)
        for command in keys:
            if command[0] == "wait-for":
                wait_for_window(env, command[1], present=command[2])
                continue
            xdotool(env, *command)
            time.sleep(0.4)
        out, err = app.communicate(timeout=30)
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
    return subprocess.CompletedProcess(app.args, app.returncode, out, err)


def test_keyboard_go_to_type_quit_and_undo_in_a_real_window(display, tmp_path):
    document = tmp_path / "early-warning.resdesk"
    from resdesk.resources import resource

    source = tmp_path / "draft.txt"
    source.write_bytes(resource("examples", "early-warning-draft.txt").read_bytes())
    assert run_cli("import", source, "-o", document).returncode == 0
    before = op3(document)
    env = {key: value for key, value in os.environ.items() if key != "QT_QPA_PLATFORM"}
    env.update(DISPLAY=display, HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_HOME=str(tmp_path / "data"), XDG_RUNTIME_DIR=str(tmp_path))

    go_to_op3 = [("key", "ctrl+g"), ("wait-for", "Go to Paragraph", True), ("type", "--delay", "30", "OP3"),
                 ("key", "Return"), ("wait-for", "Go to Paragraph", False)]
    done = drive(env, document, go_to_op3 + [("type", "--delay", "30", " with all speed"), ("key", "ctrl+q")])
    assert done.returncode == 0, done.stderr
    assert op3(document) == before + " with all speed"  # no save step: Ctrl+Q quits, the words are there

    done = drive(env, document, go_to_op3 + [("type", "--delay", "30", " and then some"), ("key", "ctrl+z"),
                                             ("key", "ctrl+q")])
    assert done.returncode == 0, done.stderr
    assert op3(document) == before + " with all speed"  # one Ctrl+Z took back everything typed
