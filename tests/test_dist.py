"""`make dist` on a clean checkout gives a `resdesk` that runs with no Python environment at all.

The build runs in a `git clone` of this repository (only what is committed), then the frozen
executable runs with PATH=/usr/bin:/bin and nothing of this test's virtual environment: every
command a user needs, the window's screenshot, and the PDF of Chinese, Arabic and Russian texts
with the machine's fonts hidden, so that only the bundled fonts can have set them.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import REPO, SEED, samples_dir
from resdesk import __version__
from test_ui_xvfb import display as display  # the fixture of a fresh Xvfb server
from test_ui_xvfb import wait_for_window, xdotool

pytestmark = pytest.mark.slow

NO_FONTS = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><cachedir>{cache}</cachedir></fontconfig>
"""
SAMPLE = "A_RES_78_226-2325984{}.xml"  # the same resolution in the six languages


@pytest.fixture(scope="module")
def frozen(tmp_path_factory) -> Path:
    """The dist/resdesk folder built by `make dist` in a fresh clone of the repository."""
    if shutil.which("apt-get") is None or shutil.which("git") is None:
        pytest.skip("make dist collects its fonts with Debian's apt-get, from a git clone")
    checkout = tmp_path_factory.mktemp("dist") / "checkout"
    subprocess.run(["git", "clone", "--quiet", str(REPO), str(checkout)], check=True)
    started = time.monotonic()
    build = subprocess.run(["make", "dist", f"PYTHON={sys.executable}"], cwd=checkout, capture_output=True,
                           text=True, timeout=1200)
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    print(f"\nmake dist on a clean checkout: {time.monotonic() - started:.0f} s")
    return checkout / "dist" / "resdesk"


def bare_env(home: Path, **extra: str) -> dict[str, str]:
    """No virtual environment, no PYTHONPATH, no display: what a delegate's machine gives the program."""
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8", "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_DATA_HOME": str(home / "data"), **extra}


def run(frozen: Path, *args: str, cwd: Path, **extra: str) -> subprocess.CompletedProcess:
    done = subprocess.run([str(frozen / "resdesk"), *args], cwd=cwd, env=bare_env(cwd, **extra),
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, f"resdesk {' '.join(args)}: {done.stderr}"
    return done


def pdf_fonts(pdf: Path) -> str:
    return subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout


def test_the_frozen_resdesk_runs_every_command_without_python(frozen, tmp_path):
    # packaging/smoke.py runs it with only the system's PATH: --version, import of the seed, a
    # proposal, Word (tracked, checked in its XML) and PDF exports, screenshots of the window (seed, example).
    smoke = subprocess.run([sys.executable, str(REPO / "packaging" / "smoke.py"), str(frozen), str(tmp_path)],
                           capture_output=True, text=True, timeout=600)
    assert smoke.returncode == 0, smoke.stdout + smoke.stderr
    assert smoke.stdout.count("ok  ") == 7
    assert "LiberationSerif" in pdf_fonts(tmp_path / "seed.pdf")  # bundled or the system's: Times' metrics
    # What Help > About lists: the fonts' manifest with each licence file, and the licence texts.
    resources = frozen / "_internal" / "resdesk" / "resources"
    fonts = json.loads((resources / "fonts" / "fonts.json").read_text(encoding="utf-8"))["fonts"]
    assert [entry["families"][0] for entry in fonts] == [
        "Liberation Serif", "DejaVu Sans", "Noto Naskh Arabic", "Noto Serif CJK SC"]
    assert all((resources / "fonts" / entry["licence_file"]).is_file() for entry in fonts)
    assert {"LGPL-3.txt", "GPL-3.txt", "python", "lxml", "python-docx"} <= {
        path.name for path in (resources / "licences").iterdir()}
    # Only the Qt modules used were bundled.
    modules = sorted(path.name.split(".")[0] for path in (frozen / "_internal" / "PySide6").glob("Qt*.*"))
    assert modules == ["QtCore", "QtGui", "QtPrintSupport", "QtWidgets"]


@pytest.mark.parametrize(("language", "face"), [("C", "NotoSerifCJKsc-Regular"), ("A", "NotoNaskhArabic-Regular"),
                                                ("R", "LiberationSerif")])
def test_the_frozen_resdesk_prints_each_script_in_its_bundled_font(frozen, tmp_path, language, face):
    sample = samples_dir() / "akn" / SAMPLE.format(language)
    if not sample.is_file():
        pytest.skip(f"the UN samples are not at {sample.parent}")
    config = tmp_path / "fonts.conf"
    config.write_text(NO_FONTS.format(cache=tmp_path / "fc-cache"), encoding="utf-8")
    hidden = {"FONTCONFIG_FILE": str(config)}  # fontconfig knows no font of the machine
    run(frozen, "import", str(sample), "-o", "sample.resdesk", cwd=tmp_path, **hidden)
    run(frozen, "export", "sample.resdesk", "-o", "sample.pdf", cwd=tmp_path, **hidden)
    fonts = pdf_fonts(tmp_path / "sample.pdf")
    assert face in fonts, fonts


def test_the_linux_archive_installs_for_one_user(frozen, tmp_path):
    archive = next(frozen.parent.glob(f"resdesk-{__version__}-linux-*.tar.gz"))
    subprocess.run(["tar", "-xzf", str(archive), "-C", str(tmp_path)], check=True)
    unpacked = next(tmp_path.glob("resdesk-*"))
    prefix = tmp_path / "home" / ".local"
    subprocess.run(["sh", str(unpacked / "install.sh"), "--prefix", str(prefix)], check=True, capture_output=True,
                   env=bare_env(tmp_path))
    version = subprocess.run([str(prefix / "bin" / "resdesk"), "--version"], capture_output=True, text=True,
                             env=bare_env(tmp_path), check=True)
    assert version.stdout.strip() == f"resdesk {__version__}"
    entry = (prefix / "share" / "applications" / "resolution-desk.desktop").read_text(encoding="utf-8")
    assert f'Exec="{prefix}/lib/resdesk/resdesk" gui %f' in entry.splitlines()
    assert "MimeType=application/x-resdesk;" in entry.splitlines()
    assert 'pattern="*.resdesk"' in (prefix / "share" / "mime" / "packages" / "resdesk-mime.xml").read_text()
    assert (prefix / "share" / "icons" / "hicolor" / "scalable" / "apps" / "resdesk.svg").is_file()

    subprocess.run(["sh", str(prefix / "lib" / "resdesk" / "install.sh"), "--prefix", str(prefix), "--uninstall"],
                   check=True, capture_output=True, env=bare_env(tmp_path))
    assert not (prefix / "bin" / "resdesk").exists() and not (prefix / "lib" / "resdesk").exists()
    assert not (prefix / "share" / "applications" / "resolution-desk.desktop").exists()


@pytest.mark.skipif(shutil.which("Xvfb") is None or shutil.which("xdotool") is None, reason="needs Xvfb and xdotool")
def test_the_frozen_window_shows_help_about_on_a_real_x_server(frozen, display, tmp_path):
    run(frozen, "import", str(SEED), "-o", "seed.resdesk", cwd=tmp_path)
    env = bare_env(tmp_path, DISPLAY=display, XDG_RUNTIME_DIR=str(tmp_path))
    app = subprocess.Popen([str(frozen / "resdesk"), "gui", "seed.resdesk"], cwd=tmp_path, env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        wait_for_window(env, "seed.resdesk", present=True, timeout=30)
        window = xdotool(env, "search", "--onlyvisible", "--name", "seed.resdesk").split("\n")[0]
        xdotool(env, "windowfocus", "--sync", window)
        time.sleep(0.5)
        xdotool(env, "key", "alt+h")  # the Help menu; its first item is About
        time.sleep(0.4)
        xdotool(env, "key", "Return")
        wait_for_window(env, "About Resolution Desk", present=True)
        xdotool(env, "key", "Escape")
        wait_for_window(env, "About Resolution Desk", present=False)
        xdotool(env, "windowfocus", "--sync", window)  # no window manager gives the focus back
        time.sleep(0.4)
        xdotool(env, "key", "ctrl+q")
        _, err = app.communicate(timeout=30)
        assert app.returncode == 0, err
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
