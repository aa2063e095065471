"""Collect the fonts the frozen application bundles, from Debian's packages.

`python packaging/fonts.py OUT` downloads the packages below with `apt-get download` (no root
needed, nothing is installed on the system, so the machine's own fonts and tests are unchanged),
unpacks them, and copies the chosen font files into OUT together with each package's copyright
file and `fonts.json`, the manifest the Help > About dialog lists. The build of every system takes
its fonts from such a folder (the CI collects it once on Debian and hands it to Windows and macOS).

What the six languages need: Latin and Cyrillic in Times New Roman's metrics (Liberation), a Naskh
face for Arabic, a Song (serif) face for Chinese as UN documents use, and DejaVu for the symbols of
the window (✉, ⚠) where the system has no such font. All are free to redistribute.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

MANIFEST = "fonts.json"


@dataclass(frozen=True)
class FontPackage:
    package: str
    families: tuple[str, ...]
    licence: str
    files: tuple[str, ...]


PACKAGES = (
    FontPackage("fonts-liberation2", ("Liberation Serif", "Liberation Sans"), "SIL Open Font License 1.1",
                tuple(f"Liberation{face}-{style}.ttf" for face in ("Serif", "Sans")
                      for style in ("Regular", "Bold", "Italic", "BoldItalic"))),
    FontPackage("fonts-dejavu-core", ("DejaVu Sans", "DejaVu Serif"),
                "Bitstream Vera Fonts Copyright licence (DejaVu changes in the public domain)",
                ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf")),
    FontPackage("fonts-noto-core", ("Noto Naskh Arabic",), "SIL Open Font License 1.1",
                ("NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf")),
    FontPackage("fonts-noto-cjk", ("Noto Serif CJK SC",), "SIL Open Font License 1.1",
                ("NotoSerifCJK-Regular.ttc",)),
)


class CollectError(Exception):
    """A font package or file that cannot be had: one sentence."""


def collect(out: Path, debs: Path) -> dict:
    """Download (into `debs`, reused when already there) and unpack every package, fill `out`."""
    if shutil.which("apt-get") is None or shutil.which("dpkg-deb") is None:
        raise CollectError("collecting the fonts needs Debian's apt-get and dpkg-deb; on another system, "
                           "copy a folder collected on Debian (see packaging/README.md)")
    debs.mkdir(parents=True, exist_ok=True)
    wanted = [p.package for p in PACKAGES if not list(debs.glob(f"{p.package}_*.deb"))]
    if wanted:
        done = subprocess.run(["apt-get", "download", *wanted], cwd=debs, capture_output=True, text=True)
        if done.returncode != 0:
            raise CollectError(f"apt-get download {' '.join(wanted)} failed: {done.stderr.strip()}")
    out.mkdir(parents=True, exist_ok=True)
    manifest = []
    for package in PACKAGES:
        deb = sorted(debs.glob(f"{package.package}_*.deb"))[-1]
        version = subprocess.run(["dpkg-deb", "-f", str(deb), "Version"], capture_output=True, text=True,
                                 check=True).stdout.strip()
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run(["dpkg-deb", "-x", str(deb), tmp], check=True)
            unpacked = Path(tmp)
            for name in package.files:
                found = [path for path in unpacked.rglob(name) if path.is_file() and not path.is_symlink()]
                if not found:
                    raise CollectError(f"{deb.name} has no {name}")
                shutil.copyfile(found[0], out / name)
            copyright_file = unpacked / "usr" / "share" / "doc" / package.package / "copyright"
            shutil.copyfile(copyright_file, out / f"{package.package}.copyright")
        manifest.append({"families": list(package.families), "files": list(package.files),
                         "licence": package.licence, "licence_file": f"{package.package}.copyright",
                         "source": f"Debian package {package.package} {version}"})
    result = {"fonts": manifest}
    (out / MANIFEST).write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return result


def complete(out: Path) -> bool:
    """Whether `out` already holds every font of the manifest (collected earlier, or handed over by CI)."""
    manifest = out / MANIFEST
    if not manifest.is_file():
        return False
    entries = json.loads(manifest.read_text(encoding="utf-8"))["fonts"]
    return all((out / name).is_file() for entry in entries for name in entry["files"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="the folder to fill")
    parser.add_argument("--debs", type=Path, help="where to keep the downloaded packages (default: OUT/../font-debs)")
    args = parser.parse_args(argv)
    if complete(args.out):
        return 0
    try:
        collect(args.out, args.debs or args.out.parent / "font-debs")
    except CollectError as error:
        print(f"fonts: error: {error}.", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
