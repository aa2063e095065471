"""Smoke test of a frozen build: `python packaging/smoke.py dist/resdesk` (any system, standard library only).

Runs the frozen `resdesk` as a user would, with no Python environment in its environment (no
PYTHONPATH, no virtual environment on PATH): --version, import of the seed draft, a proposal, the
tracked Word export (checked in its XML), the PDF export, a screenshot of the window on the seed
and one on the bundled example. Prints one line per step; exits 1 at the first failure, with what
went wrong. Used by tests/test_dist.py and by the CI workflow on Linux, Windows and macOS.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "fixtures" / "seed.txt"
SYSTEM_PATH = {"win32": r"C:\Windows\System32;C:\Windows", "darwin": "/usr/bin:/bin:/usr/sbin:/sbin"}


class SmokeError(Exception):
    pass


def bare_env(home: Path) -> dict[str, str]:
    """The system's own PATH only, a fresh home and settings; nothing of a Python environment."""
    env = {"PATH": SYSTEM_PATH.get(sys.platform, "/usr/bin:/bin"), "HOME": str(home), "LANG": "C.UTF-8",
           "XDG_CONFIG_HOME": str(home / "config"), "XDG_DATA_HOME": str(home / "data")}
    for name in ("SYSTEMROOT", "TEMP", "TMP", "DISPLAY", "WAYLAND_DISPLAY", "XAUTHORITY"):  # the system's, not Python's
        if name in os.environ:
            env[name] = os.environ[name]
    if sys.platform == "win32":
        env.update(APPDATA=str(home / "AppData" / "Roaming"), LOCALAPPDATA=str(home / "AppData" / "Local"),
                   USERPROFILE=str(home))
    return env


def executable(folder: Path) -> Path:
    return folder / ("resdesk.exe" if sys.platform == "win32" else "resdesk")


def resdesk(folder: Path, work: Path, *args: str) -> str:
    done = subprocess.run([str(executable(folder)), *args], cwd=work, env=bare_env(work), capture_output=True,
                          text=True, encoding="utf-8", timeout=180)
    if done.returncode != 0:
        raise SmokeError(f"resdesk {' '.join(args)} exited {done.returncode}: {done.stderr.strip()}")
    return done.stdout


def check(folder: Path, work: Path, version: str) -> None:
    def step(name: str) -> None:
        print(f"ok  {name}", flush=True)

    said = resdesk(folder, work, "--version").strip()
    if said != f"resdesk {version}":
        raise SmokeError(f"--version says {said!r}, not 'resdesk {version}'")
    step(said)

    resdesk(folder, work, "import", str(SEED), "-o", "seed.resdesk")
    outline = json.loads(resdesk(folder, work, "outline", "seed.resdesk", "--json"))
    if outline["meta"]["committee"] != "Third Committee" or len(outline["blocks"]) != 26:
        raise SmokeError("the imported seed is not the seed: " + json.dumps(outline["meta"]))
    step("import of the seed draft (26 blocks)")
    amendment = resdesk(folder, work, "amend", "seed.resdesk", "--as", "EU", "--in", "OP2", "--replace",
                        "to continue to strengthen", "--with", "to strengthen further").strip()
    if amendment != "a1":
        raise SmokeError(f"amend printed {amendment!r}, not a1")
    step("a proposal in the European Union's name")

    resdesk(folder, work, "export", "seed.resdesk", "-o", "tracked.docx", "--mode", "tracked")
    body = zipfile.ZipFile(work / "tracked.docx").read("word/document.xml").decode("utf-8")
    if not re.search(r'<w:ins [^>]*w:author="European Union"[^>]*>(?:(?!</w:ins>).)*further', body):
        raise SmokeError("the tracked Word file has no insertion of 'further' by the European Union")
    step("Word export, tracked (the insertion is the European Union's)")

    resdesk(folder, work, "export", "seed.resdesk", "-o", "seed.pdf")
    if not (work / "seed.pdf").read_bytes().startswith(b"%PDF-"):
        raise SmokeError("seed.pdf is not a PDF")
    step("PDF export")

    resdesk(folder, work, "gui", "seed.resdesk", "--screenshot", "window.png", "--size", "1200x800")
    png = (work / "window.png").read_bytes()
    size = (int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big"))
    if not png.startswith(b"\x89PNG\r\n\x1a\n") or size != (1200, 800):
        raise SmokeError(f"window.png is not a 1200x800 PNG ({size})")
    step("screenshot of the window (1200x800)")

    resdesk(folder, work, "gui", "--screenshot", "example.png")  # the bundled example, imported on first use
    if not (work / "example.png").read_bytes().startswith(b"\x89PNG\r\n\x1a\n"):
        raise SmokeError("example.png is not a PNG")
    step("the bundled example resolution in the window")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) not in (1, 2):
        print("usage: python packaging/smoke.py DIST_FOLDER [WORK_FOLDER]", file=sys.stderr)
        return 2
    folder = Path(args[0]).resolve()
    version = re.search(r'__version__ = "([^"]+)"', (ROOT / "desktop" / "resdesk" / "__init__.py").read_text()).group(1)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(args[1]) if len(args) == 2 else Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        try:
            check(folder, work.resolve(), version)
        except (SmokeError, OSError, subprocess.TimeoutExpired) as error:
            print(f"FAILED {error}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
