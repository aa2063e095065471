"""Start-up of the frozen application (`make dist`) against the installed package, and the build's size.

Run `make dist` first (it leaves the package installed, not editable, in build/dist-venv: the
installed package compared with), then
`.venv/bin/python -m pytest tests/bench/test_bench_dist.py -s -p no:cacheprovider`.
Target (issue 18): the frozen application starts within 1.5x of the installed package. Numbers go
to docs/benchmarks.md; nothing here asserts a time.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from conftest import REPO, SEED
from resdesk.formats.sources import read_source
from resdesk.store.documents import create_document
from startup import installed_like_env, interleaved_ms

FROZEN = REPO / "dist" / "resdesk" / "resdesk"
INSTALLED = REPO / "build" / "dist-venv" / ("Scripts/resdesk.exe" if sys.platform == "win32" else "bin/resdesk")
REPEAT = 9


@pytest.fixture(scope="module")
def seed_document(tmp_path_factory) -> Path:
    if not FROZEN.is_file() or not INSTALLED.is_file():
        pytest.skip("run `make dist` first: it makes dist/resdesk and the installed package in build/dist-venv")
    path = tmp_path_factory.mktemp("bench-dist") / "seed.resdesk"
    create_document(path, read_source(SEED)).close()
    return path


def _env(tmp: Path) -> dict[str, str]:
    return installed_like_env(QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp / "config"),
                              XDG_DATA_HOME=str(tmp / "data"))


def _folder_mb(folder: Path) -> float:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink()) / 2**20


def test_frozen_start_against_the_installed_package(seed_document, tmp_path):
    env = _env(tmp_path)
    screenshot = str(tmp_path / "window.png")
    for label, args in (("--version", ["--version"]), ("outline DOC", ["outline", str(seed_document)]),
                        ("gui DOC --screenshot", ["gui", str(seed_document), "--screenshot", screenshot])):
        result = interleaved_ms({"installed": [str(INSTALLED), *args], "frozen": [str(FROZEN), *args]},
                                repeat=REPEAT, env=env)
        (installed_wall, installed_cpu), (frozen_wall, frozen_cpu) = result["installed"], result["frozen"]
        print(f"\nresdesk {label}: installed {installed_wall:.0f} ms (CPU {installed_cpu:.0f}), frozen "
              f"{frozen_wall:.0f} ms (CPU {frozen_cpu:.0f}), ratio {frozen_wall / installed_wall:.2f}")


def test_size_of_the_build(seed_document):
    folder = FROZEN.parent
    fonts = folder / "_internal" / "resdesk" / "resources" / "fonts"
    qt = folder / "_internal" / "PySide6"
    print(f"\ndist/resdesk: {_folder_mb(folder):.0f} MB unpacked, of which Qt and PySide6 {_folder_mb(qt):.0f} MB, "
          f"fonts {_folder_mb(fonts):.0f} MB")
    for archive in sorted(folder.parent.glob("resdesk-*.tar.gz")):
        print(f"{archive.name}: {archive.stat().st_size / 2**20:.0f} MB")
