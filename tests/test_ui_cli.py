"""`resdesk gui`: screenshots, importing beside the source, the bundled example, Qt kept off other commands."""

from __future__ import annotations

import os
import shutil
import sys

import pytest

pytest.register_assert_rewrite("ui_support")

from conftest import run_cli  # noqa: E402
from resdesk.store.documents import create_document  # noqa: E402
from ui_support import editor_document  # noqa: E402

pytest_plugins = ("ui_support",)  # fixtures: negotiated (the seed with amendments)


@pytest.fixture
def gui_env(tmp_path) -> dict:
    """An environment whose settings and data folders are temporary, rendering offscreen."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path / "home"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"))
    (tmp_path / "home").mkdir()
    return env


def read_png(path):
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    assert not image.isNull(), f"{path} is not a PNG"
    return image


def test_screenshot_is_a_png_of_the_requested_size(tmp_path, gui_env, qapp):
    document = tmp_path / "draft.resdesk"
    create_document(document, editor_document()).close()
    result = run_cli("gui", document, "--screenshot", tmp_path / "shot.png", "--size", "1024x700", env=gui_env)
    assert result.returncode == 0, result.stderr
    image = read_png(tmp_path / "shot.png")
    assert (image.width(), image.height()) == (1024, 700)
    # Not a blank picture: the text is drawn in dark ink on white.
    dark = sum(1 for x in range(0, 1024, 8) for y in range(0, 700, 8) if image.pixelColor(x, y).lightness() < 100)
    assert dark > 50
    assert not (tmp_path / "draft.resdesk-lock").exists()


def test_a_screenshot_leaves_the_users_settings_as_they_were(tmp_path, gui_env, negotiated):
    settings = tmp_path / "config" / "Resolution Desk" / "resdesk.conf"
    settings.parent.mkdir(parents=True)
    kept = tmp_path / "kept.resdesk"
    create_document(kept, editor_document()).close()
    settings.write_text(f"[General]\nrecentFiles={kept}\n\n[negotiation]\nview=markup\n", encoding="utf-8")
    before = settings.read_bytes()
    result = run_cli("gui", negotiated, "--screenshot", tmp_path / "shot.png", "--size", "900x600", env=gui_env)
    assert result.returncode == 0, result.stderr
    assert settings.read_bytes() == before  # no recent file added, no window layout written
    assert sorted(p.name for p in (tmp_path / "config").rglob("*")) == ["Resolution Desk", "resdesk.conf"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="DISPLAY decides only on Linux")
def test_without_a_display_a_screenshot_renders_offscreen_and_a_window_is_refused(tmp_path, gui_env, qapp):
    document = tmp_path / "draft.resdesk"
    create_document(document, editor_document()).close()
    env = {name: value for name, value in gui_env.items()
           if name not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    result = run_cli("gui", document, "--screenshot", tmp_path / "shot.png", "--size", "800x600", env=env)
    assert result.returncode == 0, result.stderr
    assert read_png(tmp_path / "shot.png").width() == 800
    result = run_cli("gui", document, env=env)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "resdesk: error: No display to open the window on (DISPLAY is not set): run it in a desktop session, "
        "or use --screenshot OUT.png to picture the window offscreen."]
    assert not (tmp_path / "draft.resdesk-lock").exists()


def test_a_text_file_is_imported_beside_it(tmp_path, gui_env, seed, qapp):
    source = tmp_path / "seed.txt"
    shutil.copy(seed, source)
    for _ in range(2):  # the second time, the document the first one made is opened
        result = run_cli("gui", source, "--screenshot", tmp_path / "shot.png", env=gui_env)
        assert result.returncode == 0, result.stderr
        assert (tmp_path / "seed.resdesk").exists() and not (tmp_path / "seed (2).resdesk").exists()
    assert read_png(tmp_path / "shot.png").width() == 1400  # the default size


def test_bad_input_is_one_line_and_exit_2(tmp_path, gui_env):
    (tmp_path / "junk.resdesk").write_bytes(b"\x00" * 64)
    result = run_cli("gui", tmp_path / "junk.resdesk", "--screenshot", tmp_path / "x.png", env=gui_env)
    assert result.returncode == 2
    assert result.stderr.strip().startswith("resdesk: error:") and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "x.png").exists()
    result = run_cli("gui", tmp_path / "junk.resdesk", "--screenshot", tmp_path / "x.png", "--size", "huge",
                     env=gui_env)
    assert result.returncode == 2 and "WIDTHxHEIGHT" in result.stderr


def test_no_command_opens_the_gui(monkeypatch):
    import resdesk.ui.app
    from resdesk.cli import main

    calls = []
    monkeypatch.setattr(resdesk.ui.app, "run", lambda *args: calls.append(args) or 0)
    assert main([]) == 0
    assert calls == [(None, None, None)]


def test_the_example_is_imported_once_into_the_data_folder(qt_settings):
    from PySide6.QtCore import QStandardPaths

    from resdesk.store.docfile import DocumentFile
    from resdesk.store.documents import load
    from resdesk.ui.opening import example_document

    first = example_document()
    assert first.parent == __import__("pathlib").Path(
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
    with DocumentFile.open(first) as doc:
        assert load(doc).meta.symbol == "A/C.2/81/L.7"
    stamp = first.stat().st_mtime_ns
    assert example_document() == first and first.stat().st_mtime_ns == stamp


def test_other_commands_do_not_load_qt(tmp_path):
    document = tmp_path / "draft.resdesk"
    create_document(document, editor_document()).close()
    code = ("import sys; from resdesk.cli import main; main(['outline', sys.argv[1]]); "
            "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt was imported'")
    import subprocess

    result = subprocess.run([sys.executable, "-c", code, str(document)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_a_word_or_akn_export_loads_no_qt_and_an_akn_export_no_python_docx(tmp_path):
    """`resdesk.ui.exporters` picks the exporter of a format without loading the others' libraries."""
    document = tmp_path / "draft.resdesk"
    create_document(document, editor_document()).close()
    code = ("import sys; from resdesk.cli import main; main(['export', sys.argv[1], '-o', sys.argv[2]]); "
            "loaded = {m.split('.')[0] for m in sys.modules}; print(' '.join(sorted(loaded & {'PySide6', 'docx'})))")
    import subprocess

    seen = {}
    for suffix in ("docx", "xml"):
        result = subprocess.run([sys.executable, "-c", code, str(document), str(tmp_path / f"out.{suffix}")],
                                capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        seen[suffix] = result.stdout.split()
    assert seen == {"docx": ["docx"], "xml": []}


KILLED_SCRIPT = """
import sys, time
from PySide6.QtTest import QTest
from resdesk.ui.app import application, open_window, wait_until_rendered
app = application()
window = open_window(sys.argv[1], interactive=False, restore=False)
window.show()
wait_until_rendered(window)
block = window.session.block_ids()[5]
window.text_view.focus_block(block, -1)
QTest.keyClicks(window.text_view.editor, " typed before the crash")
print(block, flush=True)
time.sleep(60)
"""


def test_killing_the_process_loses_nothing_typed(tmp_path, gui_env):
    import signal
    import subprocess

    from resdesk.store.docfile import DocumentFile
    from resdesk.store.documents import load

    document = tmp_path / "draft.resdesk"
    create_document(document, editor_document()).close()
    app = subprocess.Popen([sys.executable, "-c", KILLED_SCRIPT, str(document)], env=gui_env,
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        block = app.stdout.readline().strip()
        assert block, "the editor did not start"
    finally:
        app.send_signal(signal.SIGKILL)
        app.wait(timeout=30)
    with DocumentFile.open(document) as doc:  # the lock died with the process
        assert load(doc).block(block).text.endswith(" typed before the crash")


def test_import_asks_where_to_save_when_the_folder_is_read_only(qt_settings, tmp_path, seed, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from resdesk.ui import opening

    chosen = tmp_path / "elsewhere" / "my draft"
    chosen.parent.mkdir()
    asked = []
    monkeypatch.setattr(opening.os, "access", lambda path, mode: False)  # as if the folder were read-only
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: asked.append(args[2]) or (str(chosen), ""))
    target = opening.import_beside(seed)
    assert asked and asked[0].endswith("seed.resdesk")
    assert target == chosen.with_name("my draft.resdesk") and target.exists()
    assert not (seed.parent / "seed.resdesk").exists()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: ("", ""))
    assert opening.import_beside(seed) is None  # cancelled: nothing written
