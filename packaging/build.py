"""`make dist`: the frozen application for the system this runs on, with the same steps everywhere.

1. A build environment, build/dist-venv, with the package installed as a user's pip would install
   it (not editable) and the pinned PyInstaller of packaging/requirements.txt.
2. The bundled fonts in build/fonts (packaging/fonts.py; skipped when a complete folder is there,
   as when CI hands Windows and macOS the fonts it collected on Debian).
3. PyInstaller with packaging/resdesk.spec: dist/resdesk/, a folder with the executable `resdesk`
   (and on macOS dist/Resolution Desk.app).
4. What people download: on Linux dist/resdesk-VERSION-linux-ARCH.tar.gz (the folder with
   install.sh, the desktop entry and the MIME type); on Windows the Inno Setup installer, when
   Inno Setup's compiler `iscc` is installed; on macOS a .dmg of the .app.

Run it with the Python that should be bundled: `python packaging/build.py` (3.11 or later).
"""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"
DIST = ROOT / "dist"
VENV = BUILD / "dist-venv"
FONTS = BUILD / "fonts"
FOLDER = DIST / "resdesk"
APP = DIST / "Resolution Desk.app"

ICON_SCRIPT = """
import sys
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer
app = QGuiApplication([])
image = QImage(512, 512, QImage.Format.Format_ARGB32)
image.fill(0)
painter = QPainter(image)
QSvgRenderer(sys.argv[1]).render(painter)
painter.end()
sys.exit(0 if image.save(sys.argv[2]) else 1)
"""


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")


def run(*command, **options) -> subprocess.CompletedProcess:
    print("+", " ".join("<script>" if "\n" in str(part) else str(part) for part in command), flush=True)
    return subprocess.run([str(part) for part in command], check=True, **options)


def build_environment() -> Path:
    python = venv_python()
    fresh = not python.exists()
    if fresh:
        venv.create(VENV, with_pip=True)
        run(python, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    run(python, "-m", "pip", "install", "--quiet", "-r", ROOT / "packaging" / "requirements.txt", ROOT)
    if not fresh:  # the sources may have changed since the last build at the same version
        run(python, "-m", "pip", "install", "--quiet", "--no-deps", "--force-reinstall", ROOT)
    return python


def package_version(python: Path) -> str:
    return run(python, "-c", "import resdesk; print(resdesk.__version__)", capture_output=True,
               text=True).stdout.strip()


def render_icon(python: Path) -> Path:
    """resources/icons/resdesk.svg as a 512-pixel PNG, which PyInstaller converts to .ico or .icns."""
    png = BUILD / "resdesk.png"
    run(python, "-c", ICON_SCRIPT, ROOT / "resources" / "icons" / "resdesk.svg", png,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    return png


def freeze(python: Path, version: str) -> None:
    for old in (FOLDER, APP):
        shutil.rmtree(old, ignore_errors=True)
    env = dict(os.environ, RESDESK_FONTS=str(FONTS), RESDESK_VERSION=version)
    if sys.platform in ("win32", "darwin"):  # the executables' icon (Linux uses the SVG of the desktop entry)
        env["RESDESK_ICON"] = str(render_icon(python))
    run(python, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
        "--distpath", DIST, "--workpath", BUILD / "pyinstaller", ROOT / "packaging" / "resdesk.spec",
        cwd=BUILD, env=env)


def linux_archive(version: str) -> Path:
    """The folder, with install.sh and the desktop files, as resdesk-VERSION-linux-ARCH.tar.gz."""
    linux = ROOT / "packaging" / "linux"
    shutil.copy2(linux / "install.sh", FOLDER / "install.sh")
    (FOLDER / "linux").mkdir(exist_ok=True)
    for name in ("resolution-desk.desktop", "resdesk-mime.xml"):
        shutil.copy2(linux / name, FOLDER / "linux" / name)
    shutil.copy2(ROOT / "resources" / "icons" / "resdesk.svg", FOLDER / "linux" / "resdesk.svg")
    name = f"resdesk-{version}-linux-{platform.machine()}"
    archive = DIST / f"{name}.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(FOLDER, arcname=name)
    return archive


def windows_installer(version: str) -> Path | None:
    iscc = shutil.which("iscc") or shutil.which(r"C:\Program Files (x86)\Inno Setup 6\ISCC.exe")
    if iscc is None:
        print("Inno Setup's iscc is not installed: no installer made (the folder dist\\resdesk is complete).")
        return None
    run(iscc, f"/DAppVersion={version}", f"/DSourceDir={FOLDER}", f"/O{DIST}",
        ROOT / "packaging" / "windows" / "resdesk.iss")
    return DIST / f"ResolutionDesk-{version}-setup.exe"


def macos_image(version: str) -> Path:
    staging = BUILD / "dmg"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    run("ditto", APP, staging / APP.name)
    (staging / "Applications").symlink_to("/Applications")
    image = DIST / f"ResolutionDesk-{version}-macos.dmg"
    image.unlink(missing_ok=True)
    run("hdiutil", "create", "-volname", "Resolution Desk", "-srcfolder", staging, "-format", "UDZO", image)
    return image


def main() -> int:
    try:
        return build()
    except subprocess.CalledProcessError as error:
        print(f"dist: error: {Path(str(error.cmd[0])).name} failed (exit status {error.returncode}); "
              "its output is above.", file=sys.stderr)
        return 2


def build() -> int:
    started = time.monotonic()
    BUILD.mkdir(exist_ok=True)
    python = build_environment()
    run(sys.executable, ROOT / "packaging" / "fonts.py", FONTS)
    version = package_version(python)
    freeze(python, version)
    made = [FOLDER]
    if sys.platform.startswith("linux"):
        made.append(linux_archive(version))
    elif sys.platform == "win32":
        made.append(windows_installer(version))
    elif sys.platform == "darwin":
        made += [APP, macos_image(version)]
    for path in filter(None, made):
        print(f"made {path.relative_to(ROOT)}")
    print(f"dist: {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
